// covet-test-labels: engine sqlite postgres mysql
// covet-test-cost: 64
//
// The round-trip property test of issue 3, per dialect on the real
// databases: a seeded random schema pair (randomschema.h) -> schema A with
// rows in a scratch database -> Differ::diff(A, B) with the renames decided
// explicitly -> SqlGenerator -> executed -> inspected; the database must
// equal B (an empty diff) and every row of every kept column must survive
// (checksums before/after, renamed tables and columns mapped). Then the
// reverse direction: B created, diffed against A with the decisions turned
// round, executed, and the result must equal A. The mutations include
// renames of columns that carry a foreign key or a unique constraint,
// foreign-key columns following a renamed table, a unique column taking the
// primary key's name and place (the key changes type), name reuse, and a
// table's name taken over by another table while it moves aside.
//
// COVET_ROUNDTRIP_SEED (default 20261123) and COVET_ROUNDTRIP_CASES
// (default 200 per dialect) choose the cases; a failure prints the seed, the
// case number, A, B, the operations, the SQL and the difference. Re-run one
// case with COVET_ROUNDTRIP_SEED=<seed> COVET_ROUNDTRIP_FIRST=<case>
// COVET_ROUNDTRIP_CASES=1. COVET_ROUNDTRIP_WITHOUT=table_rename,reused_name,
// constrained_rename,fk_retarget,key_change,table_chain leaves those mutations out; COVET_ROUNDTRIP_SCORED_RENAMES=1 lets the
// rename detector score candidates too (the decisions still apply).

#include "randomschema.h"
#include "scratchrun.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTest>

#include <cstdio>

using namespace covet;
using covet::test::RandomCase;
using covet::test::ScratchRun;

namespace {

quint64 envNumber(const char *name, quint64 fallback)
{
    bool ok = false;
    const quint64 v = qEnvironmentVariable(name).toULongLong(&ok);
    return ok ? v : fallback;
}

quint64 caseSeed(quint64 seed, Dialect d, quint64 number)
{
    return seed * 1000003u + quint64(d) * 7919u + number;
}

struct Outcome
{
    QString problem;   // "" when the case passed
    int operations = 0;
};

// The decisions of A -> B turned round for B -> A: a column's table is named
// as A has it.
RenameDecisions reverseDecisions(const RandomCase &rc)
{
    RenameDecisions out;
    for (const RenameDecisions::Entry &e : rc.decisions.entries()) {
        RenameCandidate c;
        c.kind = e.kind;
        c.schema = e.schema;
        c.from = e.to;
        c.to = e.from;
        c.table = e.kind == RenameCandidate::Kind::Table ? e.from : rc.tableFrom.value(e.table, e.table);
        out.set(c, e.verdict);
    }
    return out;
}

Outcome runCase(ScratchRun &run, Dialect d, quint64 seed, quint64 number)
{
    Outcome out;
    covet::test::RandomSchemaPair generator(d, caseSeed(seed, d, number));
    generator.setWithout(qEnvironmentVariable("COVET_ROUNDTRIP_WITHOUT").split(u',', Qt::SkipEmptyParts));
    const RandomCase rc = generator.generate();
    auto gen = SqlGenerator::create(d);
    QStringList sql;
    auto report = [&](const QString &what, const QString &detail) {
        return QStringLiteral("seed %1 case %2 (%3): %4\n%5\nchanges: %6\nSQL:\n%7\nA:\n%8\nB:\n%9")
            .arg(seed)
            .arg(number)
            .arg(dialectName(d), what, detail, rc.changes.join(QStringLiteral("; ")), sql.join(QStringLiteral(";\n")),
                 covet::test::schemaText(rc.a), covet::test::schemaText(rc.b));
    };
    run.clearLog();
    if (QString e = run.reset(); !e.isEmpty())
        return {report(QStringLiteral("reset failed"), e)};
    if (QString e = run.exec(gen->schemaStatements(rc.a) + rc.rows); !e.isEmpty())
        return {report(QStringLiteral("creating A failed"), e)};
    auto inspectedA = run.inspect();
    if (!inspectedA)
        return {report(QStringLiteral("inspecting A failed"), inspectedA.error().toString())};
    if (QString diff = covet::test::schemaDifference(*inspectedA, rc.a); !diff.isEmpty())
        return {report(QStringLiteral("A as created differs from the generated model"), diff)};

    // Checksums of the kept columns, by their A names.
    QHash<QString, QString> before;
    QString error;
    for (auto it = rc.keptColumns.begin(); it != rc.keptColumns.end(); ++it) {
        const QString aTable = rc.tableFrom.value(it.key());
        before.insert(aTable, run.checksum({}, aTable, {}, &error));
        for (const auto &col : it.value())
            before.insert(aTable + u'.' + col.second, run.checksum({}, aTable, {col.second}, &error));
    }
    if (!error.isEmpty())
        return {report(QStringLiteral("checksums of A failed"), error)};

    // The diff of the inspected database (what a user diffs) against B.
    DiffOptions options;
    options.decisions = &rc.decisions;
    options.renames.enabled = qEnvironmentVariableIntValue("COVET_ROUNDTRIP_SCORED_RENAMES") == 1;
    auto diff = Differ::diff(*inspectedA, rc.b, options);
    if (!diff)
        return {report(QStringLiteral("the differ failed"), diff.error().toString())};
    out.operations = int(diff->operations.size());
    const QString opsText = covet::test::operationsText(diff->operations);
    if (QString e = run.apply(*gen, diff->operations, *inspectedA, &sql); !e.isEmpty())
        return {report(QStringLiteral("the migration SQL failed"), e + QStringLiteral("\noperations:\n") + opsText)};
    auto after = run.inspect();
    if (!after)
        return {report(QStringLiteral("inspecting the result failed"), after.error().toString())};
    if (QString d2 = covet::test::schemaDifference(*after, rc.b); !d2.isEmpty())
        return {report(QStringLiteral("the migrated database differs from B"),
                       QStringLiteral("remaining operations:\n%1\noperations applied:\n%2").arg(d2, opsText))};
    QStringList lost;
    for (auto it = rc.keptColumns.begin(); it != rc.keptColumns.end(); ++it) {
        const QString aTable = rc.tableFrom.value(it.key());
        if (run.checksum({}, it.key(), {}, &error) != before.value(aTable))
            lost << QStringLiteral("table %1 (was %2): row count changed").arg(it.key(), aTable);
        for (const auto &col : it.value())
            if (run.checksum({}, it.key(), {col.first}, &error) != before.value(aTable + u'.' + col.second))
                lost << QStringLiteral("%1.%2 (was %3.%4): rows changed").arg(it.key(), col.first, aTable, col.second);
    }
    if (!error.isEmpty())
        lost << error;
    if (!lost.isEmpty())
        return {report(QStringLiteral("rows did not survive"), lost.join(u'\n') + QStringLiteral("\noperations:\n") + opsText)};

    // The reverse direction, B -> A: B created (empty), its inspection diffed
    // against A with every decision turned round, executed, and compared.
    if (QString e = run.reset(); !e.isEmpty())
        return {report(QStringLiteral("reset before B -> A failed"), e)};
    if (QString e = run.exec(gen->schemaStatements(rc.b)); !e.isEmpty())
        return {report(QStringLiteral("creating B failed"), e)};
    auto inspectedB = run.inspect();
    if (!inspectedB)
        return {report(QStringLiteral("inspecting B failed"), inspectedB.error().toString())};
    const RenameDecisions reversed = reverseDecisions(rc);
    DiffOptions backOptions = options;
    backOptions.decisions = &reversed;
    auto back = Differ::diff(*inspectedB, rc.a, backOptions);
    if (!back)
        return {report(QStringLiteral("the differ failed on B -> A"), back.error().toString())};
    out.operations += int(back->operations.size());
    const QString backText = covet::test::operationsText(back->operations);
    QStringList backSql;
    if (QString e = run.apply(*gen, back->operations, *inspectedB, &backSql); !e.isEmpty())
        return {report(QStringLiteral("the B -> A migration SQL failed"), e + QStringLiteral("\noperations:\n") + backText)};
    auto afterBack = run.inspect();
    if (!afterBack)
        return {report(QStringLiteral("inspecting the B -> A result failed"), afterBack.error().toString())};
    if (QString d3 = covet::test::schemaDifference(*afterBack, rc.a); !d3.isEmpty())
        return {report(QStringLiteral("B migrated back differs from A"),
                       QStringLiteral("remaining operations:\n%1\noperations applied:\n%2").arg(d3, backText))};
    return out;
}

void roundTrip(covet::test::ScratchDatabase &db, Dialect d)
{
    const quint64 seed = envNumber("COVET_ROUNDTRIP_SEED", 20261123u);
    const quint64 cases = envNumber("COVET_ROUNDTRIP_CASES", 200);
    const quint64 first = envNumber("COVET_ROUNDTRIP_FIRST", 0);
    ScratchRun run(db.connection().database(), d);
    QStringList failures;
    int operations = 0;
    QElapsedTimer timer;
    timer.start();
    for (quint64 n = first; n < first + cases; ++n) {
        const Outcome o = runCase(run, d, seed, n);
        operations += o.operations;
        if (!o.problem.isEmpty()) {
            failures << o.problem;
            // The whole report (QtTest cuts long messages): seed, case, what
            // failed, the changes, the SQL, A and B.
            if (failures.size() <= 5)
                std::fprintf(stderr, "\n===== round-trip failure =====\n%s\n===== end =====\n", qPrintable(o.problem));
            qWarning("%s", qPrintable(o.problem.section(u'\n', 0, 1).left(400)));
        }
    }
    qInfo("%s: %d cases, %d passed, %d failed, %d operations, seed %llu, %.1f s", qPrintable(dialectName(d)), int(cases),
          int(cases) - int(failures.size()), int(failures.size()), operations, seed, timer.elapsed() / 1000.0);
    // The whole report of the first failures (each one is long).
    QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 of %2 cases failed; the first ones:\n\n%3")
                                                 .arg(failures.size())
                                                 .arg(cases)
                                                 .arg(failures.mid(0, 3).join(QStringLiteral("\n\n")))));
    QVERIFY2(operations > int(cases), "the generated pairs produced almost no operations");
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    // The generator is deterministic per seed and its pairs differ.
    void generatorIsSeeded()
    {
        for (Dialect d : {Dialect::SQLite, Dialect::PostgreSQL, Dialect::MySQL}) {
            const RandomCase x = covet::test::RandomSchemaPair(d, 42).generate();
            const RandomCase y = covet::test::RandomSchemaPair(d, 42).generate();
            QCOMPARE(x.a, y.a);
            QCOMPARE(x.b, y.b);
            QCOMPARE(x.rows, y.rows);
            QVERIFY(x.a.tables.size() >= 2 && x.a.tables.size() <= 5);
        }
        int changed = 0, renames = 0, chains = 0;
        for (int i = 0; i < 50; ++i) {
            const RandomCase c = covet::test::RandomSchemaPair(Dialect::PostgreSQL, i).generate();
            changed += c.a != c.b;
            renames += !c.decisions.isEmpty();
            chains += c.changes.join(u';').contains(QRegularExpression(QStringLiteral("rename table \\w+ -> \\w+, \\w+ ->")));
        }
        QVERIFY(changed >= 45);
        QVERIFY(renames >= 10);
        QVERIFY2(chains >= 2, qPrintable(QString::number(chains)));   // names taken over (a chain of table renames)
    }

    // The check can fail: a database that is not B is reported.
    void detectsMismatch()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        ScratchRun run(db->connection().database(), Dialect::SQLite);
        const RandomCase rc = covet::test::RandomSchemaPair(Dialect::SQLite, 7).generate();
        QCOMPARE(run.exec(SqlGenerator::create(Dialect::SQLite)->schemaStatements(rc.a) + rc.rows), QString());
        auto inspected = run.inspect();
        COVET_VERIFY_OK(inspected);
        QCOMPARE(covet::test::schemaDifference(*inspected, rc.a), QString());
        if (rc.a != rc.b)
            QVERIFY(!covet::test::schemaDifference(*inspected, rc.b).isEmpty());
        QCOMPARE(run.reset(), QString());
        auto empty = run.inspect();
        COVET_VERIFY_OK(empty);
        QVERIFY(empty->tables.isEmpty());
    }

    void sqlite()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        roundTrip(*db, Dialect::SQLite);
    }

    void postgres()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        COVET_SCRATCH_DB(db, Dialect::PostgreSQL, url);
        roundTrip(*db, Dialect::PostgreSQL);
    }

    void mysql()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        roundTrip(*db, Dialect::MySQL);
    }
};

// QtTest would stop a test function after 5 minutes; hundreds of cases on a
// loaded machine may need more (ctest's own limit is 15 minutes).
COVET_GUILESS_MAIN_LONG(TestRoundTrip, 840000)
#include "tst_roundtrip.moc"
