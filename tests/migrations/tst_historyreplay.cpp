// covet-test-labels: engine sqlite
#include "migrations/historyreplay.h"
#include "migrations/migrationfile.h"
#include "migrations/migrationgraph.h"
#include "migrations/migrationrepository.h"
#include "testsupport.h"

#include <QTest>

using namespace covet;

namespace {

Migration parse(const QByteArray &text, const QString &file)
{
    auto m = MigrationFile::parse(text, file);
    if (!m)
        qWarning("%s", qPrintable(m.error().toString()));
    return m ? *m : Migration();
}

const QByteArray kCreate = R"(operations:
  - op: create_table
    definition:
      name: customers
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: name, type: text}
      primary_key: {columns: [id]}
)";
const QByteArray kRename = R"(dependencies: [0001_customers]
operations:
  - op: rename_column
    table: customers
    from: name
    to: full_name
  - op: add_column
    table: customers
    column: {name: email, type: varchar(255), nullable: false, default: "''"}
  - op: run_sql
    forward: UPDATE customers SET email = 'x'
)";

} // namespace

class TestHistoryReplay : public QObject
{
    Q_OBJECT

private slots:
    void replaysYamlWithoutADatabase()
    {
        const QList<Migration> history{parse(kCreate, QStringLiteral("0001_customers.yaml")),
                                       parse(kRename, QStringLiteral("0002_rename.yaml"))};
        for (Dialect d : {Dialect::PostgreSQL, Dialect::MySQL, Dialect::SQLite}) {
            auto s = HistoryReplay::replay(history, d);
            QVERIFY2(s, qPrintable(test::errorText(s)));
            const Table *t = s->table(QStringLiteral("customers"));
            QVERIFY(t);
            QVERIFY(t->column(QStringLiteral("full_name")));
            QVERIFY(!t->column(QStringLiteral("name")));
            QVERIFY(t->column(QStringLiteral("email")));
            QCOMPARE(s->dialect, d);
        }
    }

    void brokenHistoryNamesTheMigration()
    {
        // 0002 without 0001: the table does not exist.
        auto s = HistoryReplay::replay({parse(kRename, QStringLiteral("0002_rename.yaml"))}, Dialect::PostgreSQL);
        QVERIFY(!s);
        QVERIFY2(s.error().message().contains(QStringLiteral("migration 0002_rename, operations[0] (rename_column)")),
                 qPrintable(s.error().toString()));
        QVERIFY2(s.error().message().contains(QStringLiteral("customers")), qPrintable(s.error().toString()));
        QCOMPARE(s.error().location(), QStringLiteral("0002_rename.yaml"));
    }

    void demoHistoryOnSqlite()
    {
        const auto repo = MigrationRepository::load(test::sourcePath(QStringLiteral("resources/demo/migrations")));
        QVERIFY2(repo.isValid(), qPrintable(test::errorText(repo.status())));
        const auto graph = MigrationGraph::build(repo.migrations());
        QVERIFY(graph.check());
        auto s = HistoryReplay::replay(graph.ordered(), Dialect::SQLite);
        QVERIFY2(s, qPrintable(test::errorText(s)));
        for (const char *name : {"categories", "customers", "products", "orders", "order_items"})
            QVERIFY2(s->table(QString::fromUtf8(name)), name);
        QVERIFY(s->table(QStringLiteral("products"))->column(QStringLiteral("discontinued")));   // from 0002
        QVERIFY(s->view(QStringLiteral("order_totals")));
        bool hasIndex = false;
        for (const Index &i : s->table(QStringLiteral("customers"))->indexes)
            hasIndex = hasIndex || i.name == u"idx_customers_country";
        QVERIFY(hasIndex);
    }

    void sqlThenYamlOnSqlite()
    {
        const QList<Migration> history{
            parse("-- covet:up\nCREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);\n", QStringLiteral("0001_t.sql")),
            parse("dependencies: [0001_t]\noperations:\n  - {op: rename_column, table: t, from: a, to: b}\n",
                  QStringLiteral("0002_b.yaml")),
            parse("-- covet:depends 0002_b\n-- covet:up\nALTER TABLE t ADD COLUMN c INTEGER;\nCREATE INDEX t_b ON t (b);\n",
                  QStringLiteral("0003_c.sql"))};
        auto s = HistoryReplay::replay(history, Dialect::SQLite);
        QVERIFY2(s, qPrintable(test::errorText(s)));
        const Table *t = s->table(QStringLiteral("t"));
        QVERIFY(t);
        QVERIFY(t->column(QStringLiteral("b")) && t->column(QStringLiteral("c")) && !t->column(QStringLiteral("a")));
        QCOMPARE(t->indexes.size(), 1);
    }

    void failingSqlPointsAtTheLine()
    {
        const QList<Migration> history{
            parse("-- covet:up\nCREATE TABLE t (id INTEGER);\n", QStringLiteral("0001_t.sql")),
            parse("-- covet:depends 0001_t\n\n-- covet:up\nALTER TABLE t ADD COLUMN c INTEGER;\n\nALTER TABLE missing ADD COLUMN d INTEGER;\n",
                  QStringLiteral("0002_bad.sql"))};
        auto s = HistoryReplay::replay(history, Dialect::SQLite);
        QVERIFY(!s);
        QCOMPARE(s.error().location(), QStringLiteral("0002_bad.sql:6"));
        QVERIFY2(s.error().message().contains(QStringLiteral("missing")), qPrintable(s.error().toString()));
    }

    void sqlMigrationsNeedSqlite()
    {
        const QList<Migration> history{parse("-- covet:up\nCREATE TABLE t (id INTEGER);\n", QStringLiteral("0001_t.sql"))};
        for (Dialect d : {Dialect::PostgreSQL, Dialect::MySQL}) {
            auto s = HistoryReplay::replay(history, d);
            QVERIFY(!s);
            QCOMPARE(s.error().category(), Error::Category::Unsupported);
            QVERIFY2(s.error().message().contains(QStringLiteral("migration 0001_t is plain SQL")), qPrintable(s.error().toString()));
        }
    }

    void cancelStops()
    {
        std::atomic_bool cancel = true;
        ProgressSink sink;
        sink.cancel = &cancel;
        auto s = HistoryReplay::replay({parse(kCreate, QStringLiteral("0001_customers.yaml"))}, Dialect::SQLite, &sink);
        QVERIFY(!s);
        QCOMPARE(s.error().category(), Error::Category::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestHistoryReplay)
#include "tst_historyreplay.moc"
