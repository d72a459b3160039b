// covet-test-labels: cli sqlite postgres mysql
// Issue 13.2, 13.3 and 13.5 from the command line: `covet lint` as a CI
// gate (exit 1 naming table, column and count when a migration drops a
// populated column; 0 on an empty table; --fail-on; --json), `covet
// migrate --rehearse` naming a down part that does not undo its up part,
// and `covet backup list|verify|restore` after a rollback that lost data.
#include "runner/runverifier.h"
#include "../migrations/migrationtestsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::scalar;

namespace {

const QByteArray k0001 = R"(operations:
  - op: create_table
    definition:
      name: customers
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: legacy, type: varchar(40)}
      primary_key: {columns: [id]}
)";
const QByteArray k0002 = R"(dependencies: [0001_init]
operations:
  - op: drop_column
    table: customers
    column: legacy
)";

struct Project
{
    QTemporaryDir dir;
    std::unique_ptr<test::ScratchDatabase> db;
    QString path(const QString &name) const { return dir.filePath(name); }
    int cli(const QStringList &args, QString *out, QString *err) const { return test::runCli(args, out, err, dir.path()); }
    Connection &conn() const { return db->connection(); }
};

std::unique_ptr<Project> project(Dialect d, QString *error)
{
    auto p = std::make_unique<Project>();
    p->db = test::ScratchDatabase::create(d, test::serverFor(d), error);
    if (!p->db)
        return nullptr;
    QDir(p->dir.path()).mkpath(QStringLiteral("migrations"));
    test::writeFile(p->path(QStringLiteral("covet.yaml")),
                    QStringLiteral("dialect: %1\ndatabase: \"%2\"\nmigrations: migrations\n").arg(dialectName(d), p->db->urlString()).toUtf8());
    test::writeMigration(p->path(QStringLiteral("migrations")), QStringLiteral("0001_init.yaml"), k0001);
    test::writeMigration(p->path(QStringLiteral("migrations")), QStringLiteral("0002_drop_legacy.yaml"), k0002);
    return p;
}

#define COVET_DIALECT_PROJECT(p)                                                               \
    QFETCH(int, dialect);                                                                      \
    const Dialect d = Dialect(dialect);                                                        \
    COVET_REQUIRE_DIALECT(d);                                                                  \
    QString p##_error;                                                                         \
    auto p = project(d, &p##_error);                                                           \
    QVERIFY2(p, qPrintable(p##_error))

#define COVET_CLI_RC(p, rc, ...)                                                               \
    do {                                                                                       \
        QString o_, e_;                                                                        \
        const int rc_ = (p)->cli(__VA_ARGS__, &o_, &e_);                                       \
        QVERIFY2(rc_ == (rc), qPrintable(QStringLiteral("exit %1\n%2\n%3").arg(rc_).arg(o_, e_))); \
    } while (false)

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *a : list)
        out << QString::fromUtf8(a);
    return out;
}

} // namespace

class TestCliSafety : public QObject
{
    Q_OBJECT

private slots:
    void lintGate_data() { test::addDialectRows(); }
    void lintGate()
    {
        COVET_DIALECT_PROJECT(p);
        COVET_CLI_RC(p, 0, args({"migrate", "--to", "0001_init"}));

        // Empty table: the drop loses nothing, the gate passes.
        QString out, err;
        QCOMPARE(p->cli(args({"lint"}), &out, &err), 0);

        COVET_EXEC_OK(p->conn(), QStringLiteral("INSERT INTO customers (id, legacy) VALUES (1, 'a'), (2, 'b'), (3, NULL), (4, 'd')"));
        QCOMPARE(p->cli(args({"lint"}), &out, &err), 1);
        QVERIFY2(out.contains(QStringLiteral("customers.legacy")) && out.contains(QStringLiteral("3 non-NULL values")) &&
                     out.contains(QStringLiteral("drop-column")),
                 qPrintable(out + err));
        // The gate's level decides.
        QCOMPARE(p->cli(args({"lint", "--fail-on", "critical"}), &out, &err), 0);
        QCOMPARE(p->cli(args({"lint", "--fail-on", "bogus"}), &out, &err), 2);

        // JSON: every finding with rule, level, table, column, counts.
        QCOMPARE(p->cli(args({"lint", "--json"}), &out, &err), 1);
        const QJsonObject doc = QJsonDocument::fromJson(out.toUtf8()).object();
        bool found = false;
        const QJsonArray findings = doc.value(QStringLiteral("findings")).toArray().isEmpty()
                                        ? doc.value(QStringLiteral("risk")).toObject().value(QStringLiteral("findings")).toArray()
                                        : doc.value(QStringLiteral("findings")).toArray();
        for (const QJsonValue &v : findings) {
            const QJsonObject f = v.toObject();
            if (f.value(QStringLiteral("rule")).toString() == u"drop-column") {
                found = true;
                QCOMPARE(f.value(QStringLiteral("table")).toString(), QStringLiteral("customers"));
                QCOMPARE(f.value(QStringLiteral("column")).toString(), QStringLiteral("legacy"));
                QCOMPARE(f.value(QStringLiteral("affected")).toInteger(), 3);
                QCOMPARE(f.value(QStringLiteral("level")).toString(), QStringLiteral("high"));
            }
        }
        QVERIFY2(found, qPrintable(out));

        // Acknowledged in the file: reported as such, the gate passes.
        test::writeMigration(p->path(QStringLiteral("migrations")), QStringLiteral("0002_drop_legacy.yaml"),
                             QByteArray(k0002) + "safety:\n  acknowledge: [drop-column]\n  reason: archived in ticket 99\n");
        QCOMPARE(p->cli(args({"lint"}), &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("ticket 99")), qPrintable(out));
        QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(legacy) FROM customers")), 3);   // lint changes nothing
    }

    void rehearse_data() { test::addDialectRows(); }
    void rehearse()
    {
        COVET_DIALECT_PROJECT(p);
        QString out, err;
        QCOMPARE(p->cli(args({"migrate", "--rehearse"}), &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("ok    0002_drop_legacy")), qPrintable(out + err));
        test::writeMigration(p->path(QStringLiteral("migrations")), QStringLiteral("0003_broken.yaml"), R"(dependencies: [0002_drop_legacy]
operations:
  - op: run_sql
    forward: CREATE TABLE audit_trail (id integer)
    reverse: SELECT 1
)");
        QCOMPARE(p->cli(args({"migrate", "--rehearse"}), &out, &err), 1);
        QVERIFY2(out.contains(QStringLiteral("FAIL  0003_broken: its down part does not restore what its up part changed")) &&
                     out.contains(QStringLiteral("audit_trail")),
                 qPrintable(out + err));
        QCOMPARE(p->cli(args({"migrate", "--rehearse", "--json"}), &out, &err), 1);
        const QJsonObject r = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("rehearsal")).toObject();
        QCOMPARE(r.value(QStringLiteral("first_failure")).toString(), QStringLiteral("0003_broken"));
        // Nothing was applied: no table of the migrations exists.
        QVERIFY(test::inspectSchema(p->conn()).tables.isEmpty());

        // `covet rollback --rehearse`: roll back, apply again, roll back again.
        COVET_CLI_RC(p, 0, args({"migrate", "--to", "0002_drop_legacy", "--yes"}));
        QCOMPARE(p->cli(args({"rollback", "--rehearse"}), &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("ok    0002_drop_legacy: rolled back, applied again to the schema it had")), qPrintable(out + err));
        // Applied; its raw SQL is not replayed into the described schema, so
        // the verification afterwards names audit_trail (exit 6).
        QCOMPARE(p->cli(args({"migrate", "--yes"}), &out, &err), 6);
        QVERIFY2(out.contains(QStringLiteral("Applied 0003_broken")), qPrintable(out + err));
        const Schema applied = test::inspectSchema(p->conn());
        QCOMPARE(p->cli(args({"rollback", "--rehearse"}), &out, &err), 1);
        QVERIFY2(out.contains(QStringLiteral("FAIL  0003_broken: applied again after its rollback, it does not give back the schema it had")),
                 qPrintable(out + err));
        QCOMPARE(p->cli(args({"rollback", "--rehearse", "--json"}), &out, &err), 1);
        const QJsonObject back = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("rehearsal")).toObject();
        QCOMPARE(back.value(QStringLiteral("direction")).toString(), QStringLiteral("rollback"));
        QCOMPARE(back.value(QStringLiteral("first_failure")).toString(), QStringLiteral("0003_broken"));
        QVERIFY(RunVerifier::differences(test::inspectSchema(p->conn()), applied).isEmpty());
        QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(*) FROM _covet_migrations")), 3);
    }

    void backupCommands_data() { test::addDialectRows(); }
    void backupCommands()
    {
        COVET_DIALECT_PROJECT(p);
        // legacy is dropped by 0002; rolling 0002 back re-adds it empty, so
        // the data to keep is taken when 0002 runs.
        COVET_CLI_RC(p, 0, args({"migrate", "--to", "0001_init"}));
        COVET_EXEC_OK(p->conn(), QStringLiteral("INSERT INTO customers (id, legacy) VALUES (1, 'a'), (2, 'b'), (3, NULL)"));
        QString out, err;
        QCOMPARE(p->cli(args({"migrate"}), &out, &err), 2);   // destroys data: needs --yes
        COVET_CLI_RC(p, 0, args({"migrate", "--yes"}));
        QCOMPARE(p->cli(args({"backup", "list", "--json"}), &out, &err), 0);
        const QJsonArray list = QJsonDocument::fromJson(out.toUtf8()).array().isEmpty()
                                    ? QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("backups")).toArray()
                                    : QJsonDocument::fromJson(out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QVERIFY2(list.first().toObject().value(QStringLiteral("bytes")).toInteger() > 0, qPrintable(out));
        const QString id = QString::number(list.first().toObject().value(QStringLiteral("id")).toInteger());
        QCOMPARE(p->cli({QStringLiteral("backup"), QStringLiteral("verify"), id}, &out, &err), 0);
        // Restore into the dropped column: refused, says to migrate... here
        // the column is gone because the migration dropped it: roll back first.
        QVERIFY(p->cli({QStringLiteral("backup"), QStringLiteral("restore"), id, QStringLiteral("--yes")}, &out, &err) != 0);
        QVERIFY2(err.contains(QStringLiteral("legacy")), qPrintable(err));
        COVET_CLI_RC(p, 0, args({"rollback", "--yes"}));
        QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(legacy) FROM customers")), 0);
        COVET_CLI_RC(p, 0, QStringList({QStringLiteral("backup"), QStringLiteral("restore"), id, QStringLiteral("--yes")}));
        QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(legacy) FROM customers")), 2);
        QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(*) FROM customers WHERE legacy = 'b' AND id = 2")), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliSafety)
#include "tst_clisafety.moc"
