// covet-test-labels: engine sqlite postgres mysql
// covet-test-cost: 225
// Property test of squashing over random histories (every operation kind,
// renames included):
//  - replay: 200 histories per dialect; the squashed migration (range: all
//    but the first migration) replays to the same canonical schema as the
//    originals, and its down part back to the schema before (SquashProof);
//  - real databases: 200 histories per dialect written as files and applied
//    with the runner to two databases, one with the originals, one with the
//    squashed migration, after rows were put into the tables of the first
//    migration: the inspected schemas are equal and the rows are all still
//    there. The two databases are emptied between histories (a new database
//    per history cost PostgreSQL about 0.25 s each); every tenth history
//    also has the proof compare on its own scratch databases (--dev-url).
#include "migrationtestsupport.h"
#include "randomhistory.h"

#include "migrations/migrationfile.h"
#include "migrations/migrationrepository.h"
#include "migrations/squasher.h"
#include "schema/schemajson.h"
#include "sql/identifierquoter.h"

#include <QJsonDocument>
#include <QTemporaryDir>

using namespace covet;
using namespace covet::test;

namespace {

constexpr int kReplayHistories = 200;
// COVET_SQUASH_SERVER_HISTORIES lowers it (scripts/sanitize-tests.sh).
int serverHistories()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("COVET_SQUASH_SERVER_HISTORIES", &ok);
    return ok && n > 0 ? n : 200;
}
constexpr int kDevUrlEvery = 10;

RandomHistoryOptions optionsFor(Dialect d, bool onServer)
{
    RandomHistoryOptions o;
    o.enums = d == Dialect::PostgreSQL;
    o.triggers = !onServer;
    if (onServer) {
        o.migrations = 8;
        o.maxOpsPerMigration = 3;
    }
    return o;
}

// Applies the migration files of `dir` to the database, putting rows into
// the base tables right after the first migration.
bool applyWithRows(Connection &c, const QString &dir, const QStringList &baseTables, QString *error)
{
    const MigrationRepository repository = MigrationRepository::load(dir);
    MigrationRunner runner(c, repository);
    RunOptions first;
    first.target = QStringLiteral("0001_m1");
    if (auto r = runner.migrate(first); !r) {
        *error = r.error().toString();
        return false;
    }
    SqlExecutor sql(c.database(), c.dialect());
    for (const QString &t : baseTables)
        for (int id = 1; id <= 5; ++id)
            if (auto r = sql.exec(QStringLiteral("INSERT INTO %1 (id) VALUES (?)").arg(IdentifierQuoter::quote(c.dialect(), t)), {id}); !r) {
                *error = r.error().toString();
                return false;
            }
    RunOptions rest;
    rest.confirmDataLoss = true;
    rest.acceptRisk = true;
    if (auto r = runner.migrate(rest); !r) {
        *error = r.error().toString();
        return false;
    }
    return true;
}

// The tables whose inspected form differs, as JSON (originals / squashed).
QString differingTables(const Schema &a, const Schema &b)
{
    QStringList out;
    for (const Table &t : a.tables) {
        const Table *o = b.table(t.name, t.schema);
        if (!o || *o != t)
            out << QString::fromUtf8(QJsonDocument(SchemaJson::tableToJson(t)).toJson(QJsonDocument::Compact)) + QStringLiteral(" / ")
                       + (o ? QString::fromUtf8(QJsonDocument(SchemaJson::tableToJson(*o)).toJson(QJsonDocument::Compact)) : QStringLiteral("missing"));
    }
    if (a.views != b.views || a.enums != b.enums)
        out << QStringLiteral("views or enums differ");
    return out.join(u'\n');
}

} // namespace

class TestSquashProperty : public QObject
{
    Q_OBJECT

private slots:
    void replayEqual_data() { addDialectRows(); }
    void replayEqual()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        qint64 before = 0;
        qint64 after = 0;
        for (int seed = 1; seed <= kReplayHistories; ++seed) {
            RandomHistory history(quint32(seed * 7919 + dialect), optionsFor(d, false));
            const QList<Migration> migrations = history.generate();
            SquashRequest request;
            request.from = QStringLiteral("2");
            request.scratch = false;   // the replay half; the scratch databases are the other test's
            auto plan = Squasher::plan(migrations, d, request);
            QVERIFY2(plan, qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(errorText(plan))));
            QVERIFY2(plan->proof.proven, qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(plan->proof.differences.join(u'\n'))));
            for (const SquashConflict &c : plan->conflicts)
                QVERIFY2(!c.blocking, qPrintable(c.message));
            QCOMPARE(plan->squashed.replaces.size(), migrations.size() - 1);
            before += plan->operationsBefore;
            after += plan->operationsAfter;
        }
        qInfo("%s: %lld operations squashed into %lld over %d histories", qPrintable(dialectName(d)), before, after, kReplayHistories);
        QVERIFY(after < before);
    }

    void appliedEqualWithRows_data() { addDialectRows(); }
    void appliedEqualWithRows()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        const QString server = serverFor(d);
        if (d != Dialect::SQLite && server.isEmpty()) {
            if (inCi())
                QFAIL("the test server is not set (scripts/test-servers.sh)");
            QSKIP("no test server");
        }
        QString error;
        auto a = ScratchDatabase::create(d, server, &error);
        auto b = ScratchDatabase::create(d, server, &error);
        QVERIFY2(a && b, qPrintable(error));
        if (d == Dialect::SQLite)   // files of a test: no need to wait for the disk 400 times per history
            for (ScratchDatabase *s : {a.get(), b.get()})
                QVERIFY(SqlExecutor(s->connection().database(), d).exec(QStringLiteral("PRAGMA synchronous=OFF")));
        int devChecked = 0;
        const int histories = serverHistories();
        for (int seed = 1; seed <= histories; ++seed) {
            RandomHistory history(quint32(seed * 104729 + dialect), optionsFor(d, true));
            const QList<Migration> migrations = history.generate();
            SquashRequest request;
            request.from = QStringLiteral("2");
            const bool devUrl = d == Dialect::SQLite || seed % kDevUrlEvery == 1;
            if (devUrl)
                request.devUrl = server;   // the proof's own scratch comparison too
            auto plan = Squasher::plan(migrations, d, request);
            QVERIFY2(plan && plan->proof.proven && plan->proof.scratchChecked == devUrl,
                     qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(plan ? plan->proof.differences.join(u'\n') : errorText(plan))));
            QTemporaryDir originals;
            QTemporaryDir squashed;
            for (const Migration &m : migrations)
                QVERIFY(MigrationFile::write(m, originals.filePath(m.fileName())));
            QVERIFY(MigrationFile::write(migrations.first(), squashed.filePath(migrations.first().fileName())));
            QVERIFY(Squasher::write(*plan, squashed.path()));
            devChecked += devUrl ? 1 : 0;
            for (ScratchDatabase *s : {a.get(), b.get()})
                if (const QString e = dropEverything(s->connection()); !e.isEmpty())
                    QFAIL(qPrintable(QStringLiteral("seed %1: emptying the database: %2").arg(seed).arg(e)));
            QVERIFY2(applyWithRows(a->connection(), originals.path(), history.baseTables(), &error),
                     qPrintable(QStringLiteral("seed %1, originals: %2").arg(seed).arg(error)));
            QVERIFY2(applyWithRows(b->connection(), squashed.path(), history.baseTables(), &error),
                     qPrintable(QStringLiteral("seed %1, squashed: %2").arg(seed).arg(error)));
            Schema sa = inspectSchema(a->connection());
            Schema sb = inspectSchema(b->connection());
            sa.canonicalize();
            sb.canonicalize();
            QVERIFY2(sa == sb, qPrintable(QStringLiteral("seed %1: the inspected schemas differ: %2").arg(seed).arg(differingTables(sa, sb))));
            for (const QString &t : history.baseTables()) {
                const QString count = QStringLiteral("SELECT COUNT(*) FROM %1").arg(IdentifierQuoter::quote(d, t));
                QCOMPARE(scalar(b->connection(), count), 5);
                QCOMPARE(scalar(a->connection(), count), 5);
            }
        }
        qInfo("%s: %d histories applied to real databases, %d also proven on scratch databases", qPrintable(dialectName(d)),
              histories, devChecked);
    }
};

// QtTest would stop a test function after 5 minutes; 200 histories on MariaDB
// take about 3 on a loaded 2-core machine (ctest's own limit is 15 minutes).
COVET_GUILESS_MAIN_LONG(TestSquashProperty, 840000)
#include "tst_squashproperty.moc"
