// covet-test-labels: cli sqlite postgres mysql
// Issue 19, item 4: identifiers with double quotes, backticks, single
// quotes, semicolons, SQL comments, control characters (tab, newline,
// U+0001; never NUL) and non-ASCII, in table, column, index, foreign key
// and check names, through every command: migrate (a SQLite rebuild of the
// hostile table included), status, verify, sqlmigrate both ways, the dry
// run, lint, inspect (YAML and JSON), diff back against what inspect wrote
// (no difference: the names round-trip), makemigrations --check, rollback,
// audit and backup. On each real database: every command succeeds, the
// names read back are the names written, no other table is created or
// dropped, and the rows of the kept columns are unchanged.
#include "../migrations/migrationtestsupport.h"
#include "safety/tablechecksum.h"
#include "sql/identifierquoter.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using namespace covet::test;

namespace {

// YAML double-quoted scalars (escapes: \" \t \n \u0001).
const QByteArray kTable = R"("we\"ird`tab;le'--")";
const QByteArray kChild = R"("ch\tild\u0001 ü表✓")";
const QByteArray k0001 = R"(operations:
  - op: create_table
    definition:
      name: @T@
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: "co\"l`1", type: varchar(20)}
        - {name: "c;DROP TABLE victim;--", type: integer}
        - {name: "new\nline\u0001", type: varchar(20)}
        - {name: "ü列✓", type: varchar(20)}
      primary_key: {columns: [id]}
      indexes: [{name: "ix\"`;ü", parts: [{column: "co\"l`1"}]}]
      checks: [{name: "ck'\";", expression: "id >= 0"}]
  - op: create_table
    definition:
      name: @C@
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: "par\"ent`", type: integer}
      primary_key: {columns: [id]}
      foreign_keys: [{name: "fk;\"`'", columns: ["par\"ent`"], ref_table: @T@, ref_columns: [id]}]
)";
const QByteArray k0002 = R"(dependencies: [0001_hostile]
operations:
  - op: alter_column
    table: @T@
    column: "co\"l`1"
    before: {name: "co\"l`1", type: varchar(20)}
    after: {name: "co\"l`1", type: varchar(40)}
  - op: add_column
    table: @T@
    column: {name: "x'); DROP TABLE victim; --", type: integer}
  - op: rename_column
    table: @C@
    from: "par\"ent`"
    to: "pa\"rent`2 ü"
)";

// The names as the database holds them.
const QString kTableName = QStringLiteral("we\"ird`tab;le'--");
const QStringList kKept{QStringLiteral("id"), QStringLiteral("co\"l`1"), QStringLiteral("c;DROP TABLE victim;--"),
                        QStringLiteral("new\nline\u0001"), QStringLiteral("ü列✓")};

QByteArray fill(QByteArray text)
{
    return text.replace("@C@", kChild).replace("@T@", kTable);
}

} // namespace

class TestCliHostileNames : public QObject
{
    Q_OBJECT

private slots:
    void everyCommand_data() { addDialectRows(); }
    void everyCommand()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, serverFor(d));
        QTemporaryDir project;
        const QString dir = project.path();
        QVERIFY(QDir(dir).mkdir(QStringLiteral("migrations")));
        writeFile(dir + QStringLiteral("/covet.yaml"), "database: ${COVET_T_URL}\naudit_log: true\n");
        writeFile(dir + QStringLiteral("/migrations/0001_hostile.yaml"), fill(k0001));
        writeFile(dir + QStringLiteral("/migrations/0002_more.yaml"), fill(k0002));
        const QStringList env{QStringLiteral("COVET_T_URL=") + db->urlString()};
        Connection &c = db->connection();
        QString error;
        QVERIFY2(db->execScript(QStringLiteral("CREATE TABLE victim (v integer);\nINSERT INTO victim (v) VALUES (42);\n"), &error), qPrintable(error));
        QString out, err;
        auto cli = [&](const QStringList &args, int expected = 0) {
            const int code = runCli(args, &out, &err, dir, env);
            QVERIFY2(code == expected, qPrintable(QStringLiteral("covet %1: exit %2\n%3%4").arg(args.join(u' ')).arg(code).arg(out, err)));
        };
        cli({QStringLiteral("migrate"), QStringLiteral("--to"), QStringLiteral("0001_hostile")});
        if (QTest::currentTestFailed())
            return;
        // Rows in every column, written through bound values.
        SqlExecutor sql(c.database(), d);
        QStringList quoted;
        for (const QString &k : kKept)
            quoted << IdentifierQuoter::quote(d, k);
        for (int i = 1; i <= 3; ++i) {
            auto r = sql.exec(QStringLiteral("INSERT INTO %1 (%2) VALUES (?, ?, ?, ?, ?)").arg(IdentifierQuoter::quote(d, kTableName), quoted.join(u',')),
                              {i, QStringLiteral("a\"b`c;%1").arg(i), i * 10, QStringLiteral("l\n%1").arg(i), QStringLiteral("ü%1").arg(i)});
            COVET_VERIFY_OK(r);
        }
        const auto kept = TableChecksum::of(sql, {}, kTableName, kKept);
        COVET_VERIFY_OK(kept);

        cli({QStringLiteral("migrate"), QStringLiteral("--dry-run")});
        QVERIFY2(out.contains(IdentifierQuoter::quote(d, QStringLiteral("x'); DROP TABLE victim; --"))), qPrintable(out));
        cli({QStringLiteral("lint")});
        cli({QStringLiteral("migrate")});
        cli({QStringLiteral("status")});
        QVERIFY2(out.contains(QStringLiteral("0002_more")), qPrintable(out));
        cli({QStringLiteral("status"), QStringLiteral("--json")});
        cli({QStringLiteral("verify")});
        cli({QStringLiteral("sqlmigrate"), QStringLiteral("0002")});
        cli({QStringLiteral("sqlmigrate"), QStringLiteral("0002"), QStringLiteral("--backwards")});
        cli({QStringLiteral("audit"), QStringLiteral("list")});
        cli({QStringLiteral("audit"), QStringLiteral("verify")});
        cli({QStringLiteral("backup"), QStringLiteral("list")});
        cli({QStringLiteral("inspect"), QStringLiteral("--db"), db->urlString(), QStringLiteral("--format"), QStringLiteral("json")});
        cli({QStringLiteral("inspect"), QStringLiteral("--db"), db->urlString(), QStringLiteral("--format"), QStringLiteral("yaml"),
             QStringLiteral("--output"), dir + QStringLiteral("/models.yaml")});
        // The names round-trip: what inspect wrote diffs clean against the database.
        cli({QStringLiteral("diff"), QStringLiteral("--from"), db->urlString(), QStringLiteral("--to"), dir + QStringLiteral("/models.yaml")});
        QVERIFY2(!out.contains(QStringLiteral("drop"), Qt::CaseInsensitive) && !out.contains(QStringLiteral("rename"), Qt::CaseInsensitive),
                 qPrintable(out));
        writeFile(dir + QStringLiteral("/covet.yaml"), "database: ${COVET_T_URL}\naudit_log: true\nmodels: models.yaml\n");
        // The models hold the victim, made outside the migrations: that is the only difference
        // (on MySQL too: `inspect` leaves InnoDB's own index for the foreign key out of the models).
        cli({QStringLiteral("makemigrations"), QStringLiteral("--check")}, 1);
        if (QTest::currentTestFailed())
            return;
        const QStringList changes = out.split(u'\n', Qt::SkipEmptyParts).mid(1);
        QCOMPARE(changes, QStringList{QStringLiteral("  - Create table victim (1 columns)")});

        // The names read back are the names written.
        const Schema s = inspectSchema(c);
        const Table *t = s.table(kTableName);
        QVERIFY2(t, "the hostile table is not found by its name");
        for (const QString &k : kKept)
            QVERIFY2(t->column(k), qPrintable(k));
        QVERIFY(t->column(QStringLiteral("x'); DROP TABLE victim; --")));
        QCOMPARE(t->columns.size(), 6);
        const Table *child = s.table(QStringLiteral("ch\tild\u0001 ü表✓"));
        QVERIFY2(child && child->column(QStringLiteral("pa\"rent`2 ü")), "the child table or its renamed column");
        QCOMPARE(s.tables.size(), 3);   // and the victim, untouched
        QCOMPARE(scalar(c, QStringLiteral("SELECT v FROM victim")), 42);
        QCOMPARE(*TableChecksum::of(sql, {}, kTableName, kKept), *kept);

        cli({QStringLiteral("rollback"), QStringLiteral("--yes")});
        cli({QStringLiteral("migrate")});
        cli({QStringLiteral("rollback"), QStringLiteral("--to"), QStringLiteral("0001_hostile"), QStringLiteral("--yes")});
        QCOMPARE(*TableChecksum::of(sql, {}, kTableName, kKept), *kept);
        QCOMPARE(scalar(c, QStringLiteral("SELECT v FROM victim")), 42);
    }
};

QTEST_GUILESS_MAIN(TestCliHostileNames)
#include "tst_clihostilenames.moc"
