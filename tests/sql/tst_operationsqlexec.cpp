// covet-test-labels: engine sqlite postgres mysql
//
// Every operation case (operationcases.h) executed on the real databases:
// the shop schema A with rows is created in a scratch database, the
// operation's SQL (SqlGenerator::renderAll, for SQLite renderBatches with
// its foreign-key pragma handling) runs, the database is inspected and
// compared through the Differ with OperationApplier::applyAll(A, ops); the
// rows of every kept column must be unchanged. Then the reverse
// (OperationReverser) runs and the database must be back to A, rows intact.

#include "../diff/scratchrun.h"
#include "operationcases.h"
#include "testsupport.h"

#include "operations/operationapplier.h"
#include "operations/operationreverser.h"

#include <QTest>

using namespace covet;
using covet::test::ScratchRun;

namespace {

// Column checksums of every table of `schema`: "table" -> ("column" -> checksum).
using Checksums = QHash<QString, QHash<QString, QString>>;

QString tableKey(const QString &ns, const QString &name)
{
    return ns.isEmpty() ? name : ns + u'.' + name;
}

Checksums checksums(ScratchRun &run, const Schema &schema, QString *error)
{
    Checksums out;
    for (const Table &t : schema.tables) {
        out[tableKey(t.schema, t.name)].insert(QStringLiteral("<rows>"), run.checksum(t.schema, t.name, {}, error));
        for (const Column &c : t.columns) {
            out[tableKey(t.schema, t.name)].insert(c.name, run.checksum(t.schema, t.name, {c.name}, error));
            if (!error->isEmpty())
                return out;
        }
    }
    return out;
}

// Compares the checksums of `after` (a schema after the operations) with
// those taken on A, mapping renamed tables and columns back to their A
// names. Columns that do not exist in A are new and not compared.
QString compareChecksums(ScratchRun &run, const Schema &after, const Checksums &before, const QHash<QString, QString> &renamedColumns,
                         const QHash<QString, QString> &renamedTables)
{
    QString error;
    QStringList problems;
    for (const Table &t : after.tables) {
        const QString key = tableKey(t.schema, t.name);
        const QString aTable = renamedTables.value(key, key);
        if (!before.contains(aTable))
            continue;
        const QHash<QString, QString> &old = before.value(aTable);
        const QString rows = run.checksum(t.schema, t.name, {}, &error);
        if (rows != old.value(QStringLiteral("<rows>")))
            problems << QStringLiteral("%1: row count %2, was %3").arg(key, rows.section(u':', 0, 0), old.value(QStringLiteral("<rows>")).section(u':', 0, 0));
        for (const Column &c : t.columns) {
            const QString aColumn = renamedColumns.value(t.name + u'.' + c.name, aTable + u'.' + c.name).section(u'.', -1);
            if (!old.contains(aColumn))
                continue;
            const QString now = run.checksum(t.schema, t.name, {c.name}, &error);
            if (!error.isEmpty())
                return error;
            if (now != old.value(aColumn))
                problems << QStringLiteral("%1.%2: the rows changed (was column %3)").arg(key, c.name, aColumn);
        }
    }
    return problems.join(u'\n');
}

class CaseRunner
{
public:
    CaseRunner(covet::test::ScratchDatabase &db, Dialect d) : m_run(db.connection().database(), d), m_d(d) {}

    // Runs one case; returns "" or what went wrong.
    QString run(const covet::test::OperationCase &oc)
    {
        const Schema a = covet::test::shopSchema(m_d);
        auto gen = SqlGenerator::create(m_d);
        if (oc.sqliteVersion)
            gen->setSqliteVersion(oc.sqliteVersion);
        m_run.clearLog();
        if (QString e = m_run.reset(); !e.isEmpty())
            return QStringLiteral("reset: ") + e;
        if (QString e = m_run.exec(covet::test::shopSetup(m_d) + gen->schemaStatements(a) + covet::test::shopRows()); !e.isEmpty())
            return QStringLiteral("creating A: ") + e;
        auto inspectedA = m_run.inspect();
        if (!inspectedA)
            return QStringLiteral("inspecting A: ") + inspectedA.error().toString();
        if (QString d = covet::test::schemaDifference(*inspectedA, a); !d.isEmpty())
            return QStringLiteral("A as created differs from the model before any operation:\n") + d;
        QString error;
        const Checksums sumsA = checksums(m_run, a, &error);
        if (!error.isEmpty())
            return QStringLiteral("checksums of A: ") + error;

        auto expected = OperationApplier::applyAll(a, oc.ops);
        if (!expected)
            return QStringLiteral("applyAll: ") + expected.error().toString();
        QHash<QString, QString> renamedTables;   // after -> before
        for (const Operation &op : oc.ops)
            if (const auto *r = std::get_if<RenameTable>(&op))
                renamedTables.insert(tableKey(r->schema, r->to), tableKey(r->schema, r->from));

        QStringList sql;
        if (QString e = m_run.apply(*gen, oc.ops, a, &sql); !e.isEmpty())
            return QStringLiteral("forward SQL failed: %1\nSQL:\n%2").arg(e, sql.join(u'\n'));
        auto after = m_run.inspect();
        if (!after)
            return QStringLiteral("inspecting after: ") + after.error().toString();
        if (QString d = covet::test::schemaDifference(*after, *expected); !d.isEmpty())
            return QStringLiteral("after the forward SQL the database differs from applyAll(A, ops):\n%1\nSQL:\n%2").arg(d, sql.join(u'\n'));
        if (QString d = compareChecksums(m_run, *expected, sumsA, oc.renamed, renamedTables); !d.isEmpty())
            return QStringLiteral("rows changed by the forward SQL:\n%1\nSQL:\n%2").arg(d, sql.join(u'\n'));

        // The reverse.
        auto reverse = OperationReverser::reverseAll(oc.ops, a);
        const bool irreversible = std::any_of(oc.ops.begin(), oc.ops.end(), [](const Operation &op) {
            const auto *r = std::get_if<RunSql>(&op);
            return r && !r->reversible();
        });
        if (irreversible) {
            if (reverse)
                return QStringLiteral("an irreversible operation was given a reverse: ") + covet::test::operationsText(*reverse);
            if (reverse.error().category() != Error::Category::Unsupported)
                return QStringLiteral("irreversible: expected an Unsupported error, got ") + reverse.error().toString();
            return {};
        }
        if (!reverse)
            return QStringLiteral("reverseAll: ") + reverse.error().toString();
        // A reverse the dialect cannot express (PostgreSQL cannot remove an
        // enum value) must say so with an Unsupported error, not bad SQL.
        if (auto rendered = gen->renderAll(*reverse, *expected); !rendered) {
            if (rendered.error().category() == Error::Category::Unsupported) {
                qInfo("%s: the reverse is not supported here: %s", qPrintable(oc.name), qPrintable(rendered.error().toString()));
                return {};
            }
            return QStringLiteral("rendering the reverse: ") + rendered.error().toString();
        }
        QStringList back;
        if (QString e = m_run.apply(*gen, *reverse, *expected, &back); !e.isEmpty())
            return QStringLiteral("reverse SQL failed: %1\nreverse operations:\n%2\nSQL:\n%3").arg(e, covet::test::operationsText(*reverse), back.join(u'\n'));
        auto restored = m_run.inspect();
        if (!restored)
            return QStringLiteral("inspecting after the reverse: ") + restored.error().toString();
        if (QString d = covet::test::schemaDifference(*restored, a); !d.isEmpty())
            return QStringLiteral("after the reverse the database differs from A:\n%1\nreverse SQL:\n%2").arg(d, back.join(u'\n'));
        // Columns kept through forward and reverse hold their rows.
        Schema keptA = a;
        for (Table &t : keptA.tables) {
            const QString key = tableKey(t.schema, t.name);
            QString afterName = renamedTables.key(key, key);
            const Table *e = expected->table(afterName.section(u'.', -1), t.schema);
            if (!e) {
                t.columns.clear();
                continue;
            }
            t.columns.removeIf([&](const Column &c) {
                const QString renamedTo = oc.renamed.key(t.name + u'.' + c.name);
                return !e->column(renamedTo.isEmpty() ? c.name : renamedTo.section(u'.', -1));
            });
        }
        keptA.tables.removeIf([](const Table &t) { return t.columns.isEmpty(); });
        if (QString d = compareChecksums(m_run, keptA, sumsA, {}, {}); !d.isEmpty())
            return QStringLiteral("rows changed by forward + reverse:\n%1\nreverse SQL:\n%2").arg(d, back.join(u'\n'));
        return {};
    }

private:
    ScratchRun m_run;
    Dialect m_d;
};

void runAll(covet::test::ScratchDatabase &db, Dialect d)
{
    CaseRunner runner(db, d);
    QStringList failures;
    const QList<covet::test::OperationCase> cases = covet::test::operationCases(d);
    QVERIFY(cases.size() >= 30);
    for (const covet::test::OperationCase &oc : cases) {
        const QString problem = runner.run(oc);
        if (!problem.isEmpty())
            failures << QStringLiteral("[%1] %2").arg(oc.name, problem);
    }
    qInfo("%s: %d operation cases, %d failed", qPrintable(dialectName(d)), int(cases.size()), int(failures.size()));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("\n\n"))));
}

} // namespace

class TestOperationSqlExec : public QObject
{
    Q_OBJECT

private slots:
    // The checks above must be able to fail: a wrong expectation is caught.
    void detectsWrongSchema()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        ScratchRun run(db->connection().database(), Dialect::SQLite);
        const Schema a = covet::test::shopSchema(Dialect::SQLite);
        QCOMPARE(run.exec(SqlGenerator::create(Dialect::SQLite)->schemaStatements(a) + covet::test::shopRows()), QString());
        auto inspected = run.inspect();
        COVET_VERIFY_OK(inspected);
        QCOMPARE(covet::test::schemaDifference(*inspected, a), QString());
        Schema wrong = a;
        wrong.table(QStringLiteral("orders"))->columns[3].nullable = false;
        QVERIFY(covet::test::schemaDifference(*inspected, wrong).contains(QStringLiteral("alter_column")));
        // A changed row changes the checksum; a failing statement is reported.
        QString error;
        const QString before = run.checksum({}, QStringLiteral("orders"), {QStringLiteral("note")}, &error);
        QCOMPARE(run.exec({QStringLiteral("UPDATE orders SET note = 'x' WHERE id = 3")}), QString());
        QVERIFY(run.checksum({}, QStringLiteral("orders"), {QStringLiteral("note")}, &error) != before);
        QVERIFY(run.exec({QStringLiteral("ALTER TABLE nowhere ADD COLUMN x INTEGER")}).contains(QStringLiteral("nowhere")));
    }

    void sqlite()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        runAll(*db, Dialect::SQLite);
    }

    void postgres()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        COVET_SCRATCH_DB(db, Dialect::PostgreSQL, url);
        runAll(*db, Dialect::PostgreSQL);
    }

    void mysql()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        runAll(*db, Dialect::MySQL);
    }
};

QTEST_GUILESS_MAIN(TestOperationSqlExec)
#include "tst_operationsqlexec.moc"
