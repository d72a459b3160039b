// covet-test-labels: engine sqlite postgres mysql
// Type changes and the data (docs/migrations.md, "Type changes and the
// data"): the same migration on the same rows of SQLite, PostgreSQL and
// MariaDB either converts them to the same values, or is refused on each
// naming the table, column and the same row count. On SQLite, typeof()
// shows that the values really are of the new type (the table rebuild used
// to copy 90,000 `real`s into an integer column).
#include "migrations/migrationhistory.h"
#include "runner/migrationrunner.h"
#include "migrationtestsupport.h"

#include <QDate>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::scalar;
using test::writeMigration;
using test::migrateDirectory;

namespace {

QByteArray createTable(const QString &type)
{
    return QStringLiteral("operations:\n  - op: create_table\n    definition:\n      name: t\n      columns:\n"
                          "        - {name: id, type: integer, nullable: false}\n        - {name: c, type: \"%1\"}\n"
                          "      primary_key: {columns: [id]}\n")
        .arg(type)
        .toUtf8();
}

QByteArray alter(const QString &from, const QString &to, bool allowLossy)
{
    return QStringLiteral("dependencies: [0001_t]\noperations:\n  - op: alter_column\n    table: t\n    before: {name: c, type: \"%1\"}\n"
                          "    after: {name: c, type: \"%2\"}\n%3")
        .arg(from, to, allowLossy ? QStringLiteral("    allow_lossy: true\n") : QString())
        .toUtf8();
}

// 0001 (table t with column c of type `from`) applied, 0002 (c to `to`) pending.
bool setUp(Connection &conn, const QString &dir, const QString &from, const QString &to, bool allowLossy)
{
    test::writeMigration(dir, QStringLiteral("0001_t.yaml"), createTable(from));
    test::writeMigration(dir, QStringLiteral("0002_alter.yaml"), alter(from, to, allowLossy));
    auto r = test::migrateDirectory(conn, dir, QStringLiteral("0001_t"));
    if (!r)
        qWarning() << r.error().toString();
    return bool(r);
}

// The values of t.c by id, written the same way for every dialect.
QStringList values(Connection &conn)
{
    SqlExecutor sql(conn.database(), conn.dialect());
    auto rows = sql.rows(QStringLiteral("SELECT c FROM t ORDER BY id"));
    QStringList out;
    if (!rows)
        return {QStringLiteral("error: ") + rows.error().toString()};
    for (const QVariantList &r : *rows) {
        const QVariant v = r.value(0);
        if (v.isNull())
            out << QStringLiteral("NULL");
        else if (v.typeId() == QMetaType::Double)
            out << QString::number(v.toDouble(), 'g', 15);
        else if (v.typeId() == QMetaType::QDate)
            out << v.toDate().toString(Qt::ISODate);
        else if (v.typeId() == QMetaType::Bool)
            out << (v.toBool() ? QStringLiteral("1") : QStringLiteral("0"));
        else
            out << v.toString();
    }
    return out;
}

} // namespace

class TestTypeConversion : public QObject
{
    Q_OBJECT

private slots:
    void sameDataSameOutcome_data();
    void sameDataSameOutcome();
    void issueScenario_data() { test::addDialectRows(); }
    void issueScenario();
};

void TestTypeConversion::sameDataSameOutcome_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("rows");        // VALUES (...), (...) for (id, c)
    QTest::addColumn<bool>("allowLossy");
    QTest::addColumn<QString>("refused");     // "" | "would change data" | "cannot change"
    QTest::addColumn<int>("count");           // rows named by the refusal
    QTest::addColumn<QStringList>("after");   // the values after a successful change
    QTest::addColumn<QString>("sqliteType");  // typeof() of every non-NULL value on SQLite afterwards

    struct Case
    {
        const char *name;
        QString from, to, rows;
        bool allowLossy;
        QString refused;
        int count;
        QStringList after;
        QString sqliteType;
        // MySQL's boolean is tinyint(1): it keeps 2 where the others would make it true.
        std::optional<std::pair<QString, QStringList>> mysql = std::nullopt;
    };
    const QString lossy = QStringLiteral("would change data");
    const QString refuse = QStringLiteral("cannot change");
    const QList<Case> cases = {
        {"numeric to integer refused", QStringLiteral("numeric(10,2)"), QStringLiteral("integer"),
         QStringLiteral("(1, 2.5), (2, -2.5), (3, 1.49), (4, 7), (5, NULL)"), false, lossy, 3, {}, {}},
        {"numeric to integer rounds", QStringLiteral("numeric(10,2)"), QStringLiteral("integer"),
         QStringLiteral("(1, 2.5), (2, -2.5), (3, 1.49), (4, 7), (5, NULL)"), true, {}, 0,
         {QStringLiteral("3"), QStringLiteral("-3"), QStringLiteral("1"), QStringLiteral("7"), QStringLiteral("NULL")}, QStringLiteral("integer")},
        {"double to integer rounds half to even", QStringLiteral("double"), QStringLiteral("integer"),
         QStringLiteral("(1, 2.5), (2, 3.5), (3, -2.5), (4, 0.4)"), true, {}, 0,
         {QStringLiteral("2"), QStringLiteral("4"), QStringLiteral("-2"), QStringLiteral("0")}, QStringLiteral("integer")},
        {"text to integer", QStringLiteral("text"), QStringLiteral("integer"), QStringLiteral("(1, '12'), (2, ' 7 '), (3, '007'), (4, '-3')"),
         false, {}, 0, {QStringLiteral("12"), QStringLiteral("7"), QStringLiteral("7"), QStringLiteral("-3")}, QStringLiteral("integer")},
        {"text that is no integer", QStringLiteral("text"), QStringLiteral("integer"), QStringLiteral("(1, '12'), (2, 'abc'), (3, '1.5'), (4, '')"),
         true, refuse, 3, {}, {}},
        {"bigint out of smallint range", QStringLiteral("bigint"), QStringLiteral("smallint"), QStringLiteral("(1, 5), (2, 40000), (3, -40000)"),
         true, refuse, 2, {}, {}},
        {"varchar too long", QStringLiteral("varchar(20)"), QStringLiteral("varchar(5)"), QStringLiteral("(1, 'abc'), (2, 'abcdefgh')"), true,
         refuse, 1, {}, {}},
        {"numeric scale refused", QStringLiteral("numeric(10,3)"), QStringLiteral("numeric(10,2)"), QStringLiteral("(1, 1.255), (2, 1.2)"),
         false, lossy, 1, {}, {}},
        {"numeric scale rounds", QStringLiteral("numeric(10,3)"), QStringLiteral("numeric(10,2)"), QStringLiteral("(1, 1.255), (2, 1.2)"),
         true, {}, 0, {QStringLiteral("1.26"), QStringLiteral("1.2")}, QStringLiteral("real")},
        {"numeric overflow", QStringLiteral("numeric(10,2)"), QStringLiteral("numeric(4,2)"), QStringLiteral("(1, 12.5), (2, 123.5)"), true,
         refuse, 1, {}, {}},
        {"numeric to text keeps the scale", QStringLiteral("numeric(10,2)"), QStringLiteral("varchar(20)"), QStringLiteral("(1, 12.5), (2, 3)"),
         false, {}, 0, {QStringLiteral("12.50"), QStringLiteral("3.00")}, QStringLiteral("text")},
        {"timestamp to date refused", QStringLiteral("timestamp"), QStringLiteral("date"),
         QStringLiteral("(1, '2024-01-02 10:00:00'), (2, '2024-01-03 00:00:00')"), false, lossy, 1, {}, {}},
        {"timestamp to date", QStringLiteral("timestamp"), QStringLiteral("date"),
         QStringLiteral("(1, '2024-01-02 10:00:00'), (2, '2024-01-03 00:00:00')"), true, {}, 0,
         {QStringLiteral("2024-01-02"), QStringLiteral("2024-01-03")}, QStringLiteral("text")},
        {"integer to boolean", QStringLiteral("integer"), QStringLiteral("boolean"), QStringLiteral("(1, 0), (2, 1), (3, 2)"), false, lossy, 1, {}, {},
         std::pair{QString(), QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}}},
        {"integer to boolean allowed", QStringLiteral("integer"), QStringLiteral("boolean"), QStringLiteral("(1, 0), (2, 1), (3, 2)"), true, {}, 0,
         {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("1")}, QStringLiteral("integer"),
         std::pair{QString(), QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}}},
    };
    for (const Case &c : cases) {
        for (Dialect d : {Dialect::SQLite, Dialect::PostgreSQL, Dialect::MySQL}) {
            const bool my = d == Dialect::MySQL && c.mysql;
            QTest::addRow("%s %s", qPrintable(dialectName(d)), c.name)
                << int(d) << c.from << c.to << c.rows << c.allowLossy << (my ? c.mysql->first : c.refused) << (my ? 0 : c.count)
                << (my ? c.mysql->second : c.after) << c.sqliteType;
        }
    }
}

void TestTypeConversion::sameDataSameOutcome()
{
    QFETCH(int, dialect);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, rows);
    QFETCH(bool, allowLossy);
    QFETCH(QString, refused);
    QFETCH(int, count);
    QFETCH(QStringList, after);
    QFETCH(QString, sqliteType);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    COVET_SCRATCH_DB(db, d, test::serverFor(d));
    Connection &conn = db->connection();
    QTemporaryDir dir;
    QVERIFY(setUp(conn, dir.path(), from, to, allowLossy));
    COVET_EXEC_OK(conn, QStringLiteral("INSERT INTO t (id, c) VALUES ") + rows);
    const QStringList before = values(conn);

    auto r = migrateDirectory(conn, dir.path());
    if (refused.isEmpty() && !r && r.error().message().contains(QStringLiteral("this plan destroys data"))) {
        // Values allow_lossy rewrites are data lost: the DBA says yes first.
        QVERIFY2(allowLossy, qPrintable(r.error().message()));
        QCOMPARE(values(conn), before);
        r = migrateDirectory(conn, dir.path(), {}, /*confirmDataLoss=*/true);
    }
    if (!refused.isEmpty()) {
        QVERIFY2(!r, "the change should have been refused");
        const QString message = r.error().message();
        QCOMPARE(r.error().category(), Error::Category::Conflict);
        const QString rowsText = count == 1 ? QStringLiteral("1 row holds") : QStringLiteral("%1 rows hold").arg(count);
        QVERIFY2(message.contains(refused) && message.contains(QStringLiteral("t.c")) && message.contains(rowsText), qPrintable(message));
        QVERIFY2(message.contains(allowLossy ? QStringLiteral("using:") : QStringLiteral("allow_lossy")), qPrintable(message));
        QCOMPARE(values(conn), before);   // nothing changed
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations WHERE id = '0002_alter'")), 0);
        return;
    }
    COVET_VERIFY_OK(r);
    QCOMPARE(values(conn), after);
    if (d == Dialect::SQLite && !sqliteType.isEmpty())
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM t WHERE c IS NOT NULL AND typeof(c) <> '%1'").arg(sqliteType)), 0);
}

// The report of issue 11: numeric(10,2) -> integer on 100,000 rows, 90,000
// of them with a fraction. Refused naming the 90,000 rows; allowed, every
// value is an integer (typeof on SQLite) and the sum is the same on all
// three databases.
void TestTypeConversion::issueScenario()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    COVET_SCRATCH_DB(db, d, test::serverFor(d));
    Connection &conn = db->connection();
    QTemporaryDir dir;
    QVERIFY(setUp(conn, dir.path(), QStringLiteral("numeric(10,2)"), QStringLiteral("integer"), false));
    SqlExecutor sql(conn.database(), d);
    // 1..100000: every tenth whole, the others n + 0.5.
    const QString digits = QStringLiteral("(SELECT 0 AS v UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL "
                                          "SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)");
    auto inserted = sql.exec(QStringLiteral("INSERT INTO t (id, c) SELECT n, CASE WHEN n % 10 = 0 THEN n ELSE n + 0.5 END FROM "
                                            "(SELECT 1 + a.v + 10 * b.v + 100 * c.v + 1000 * d.v + 10000 * e.v AS n FROM %1 a, %1 b, %1 c, %1 d, %1 e) x")
                                 .arg(digits));
    COVET_VERIFY_OK(inserted);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM t")), 100000);

    auto refusedRun = migrateDirectory(conn, dir.path());
    QVERIFY(!refusedRun);
    QVERIFY2(refusedRun.error().message().contains(QStringLiteral("90000 rows hold values that have a fractional part")),
             qPrintable(refusedRun.error().message()));

    writeMigration(dir.path(), QStringLiteral("0002_alter.yaml"), alter(QStringLiteral("numeric(10,2)"), QStringLiteral("integer"), true));
    {
        auto ok4_ = migrateDirectory(conn, dir.path(), {}, /*confirmDataLoss=*/true);
        COVET_VERIFY_OK(ok4_);
    }
    if (d == Dialect::SQLite)
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM t WHERE typeof(c) = 'integer'")), 100000);
    // Rounded half away from zero: n + 0.5 -> n + 1 for the 90,000, n for the rest.
    qint64 expected = 0;
    for (qint64 n = 1; n <= 100000; ++n)
        expected += n % 10 == 0 ? n : n + 1;
    QCOMPARE(scalar(conn, QStringLiteral("SELECT sum(c) FROM t")), expected);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT c FROM t WHERE id = 12345")), 12346);
}

QTEST_GUILESS_MAIN(TestTypeConversion)
#include "tst_typeconversion.moc"
