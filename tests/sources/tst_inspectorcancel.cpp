// covet-test-labels: engine sqlite postgres mysql
// The three inspectors stop with the same Cancelled error (one helper,
// Inspector::cancelledError) when their ProgressSink is cancelled, both
// before the first query and part-way.
#include "../migrations/migrationtestsupport.h"

#include "sources/inspector.h"

#include <QTest>

#include <atomic>

using namespace covet;

class TestInspectorCancel : public QObject
{
    Q_OBJECT

private slots:
    void cancelled_data() { test::addDialectRows(); }

    void cancelled()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        QString error;
        QVERIFY2(db->execScript(QStringLiteral("CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);\n"), &error), qPrintable(error));
        SqlExecutor sql(db->connection().database(), d);
        const auto inspector = Inspector::create(d);

        // Not cancelled: the schema.
        auto whole = inspector->inspect(sql);
        COVET_VERIFY_OK(whole);
        QCOMPARE(whole->tables.size(), 2);

        const QString expected = QStringLiteral("inspection of %1 was cancelled; the schema was not read")
                                     .arg(d == Dialect::SQLite        ? QStringLiteral("the SQLite schema")
                                          : d == Dialect::PostgreSQL ? QStringLiteral("the PostgreSQL catalog")
                                                                     : QStringLiteral("the MySQL/MariaDB catalog"));
        // Cancelled before it starts.
        std::atomic_bool cancel{true};
        ProgressSink before;
        before.cancel = &cancel;
        auto r = inspector->inspect(sql, {}, &before);
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::Cancelled);
        QCOMPARE(r.error().message(), expected);
        QCOMPARE(r.error().exitCode(), 8);

        // Cancelled part-way, from the first progress report.
        std::atomic_bool midway{false};
        ProgressSink later;
        later.cancel = &midway;
        later.progress = [&](int, int, const QString &) { midway = true; };
        auto r2 = inspector->inspect(sql, {}, &later);
        QVERIFY(!r2);
        QCOMPARE(r2.error().message(), expected);
    }
};

QTEST_GUILESS_MAIN(TestInspectorCancel)
#include "tst_inspectorcancel.moc"
