// covet-test-labels: engine sqlite postgres mysql
// Property test of squashing over random histories (every operation kind,
// renames included):
//  - replay: 200 histories per dialect; the squashed migration (range: all
//    but the first migration) replays to the same canonical schema as the
//    originals, and its down part back to the schema before (SquashProof);
//  - real databases: histories written as files and applied with the
//    runner to two scratch databases per dialect, one with the originals,
//    one with the squashed migration, after rows were put into the tables
//    of the first migration: the inspected schemas are equal and the rows
//    are all still there. Sized to fit CI (kServerHistories per dialect).
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
constexpr int kServerHistories = 12;

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
        for (int seed = 1; seed <= kServerHistories; ++seed) {
            RandomHistory history(quint32(seed * 104729 + dialect), optionsFor(d, true));
            const QList<Migration> migrations = history.generate();
            SquashRequest request;
            request.from = QStringLiteral("2");
            request.devUrl = server;   // the proof's own scratch comparison too
            auto plan = Squasher::plan(migrations, d, request);
            QVERIFY2(plan && plan->proof.proven && plan->proof.scratchChecked,
                     qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(plan ? plan->proof.differences.join(u'\n') : errorText(plan))));
            QTemporaryDir originals;
            QTemporaryDir squashed;
            for (const Migration &m : migrations)
                QVERIFY(MigrationFile::write(m, originals.filePath(m.fileName())));
            QVERIFY(MigrationFile::write(migrations.first(), squashed.filePath(migrations.first().fileName())));
            QVERIFY(Squasher::write(*plan, squashed.path()));
            QString error;
            auto a = ScratchDatabase::create(d, server, &error);
            auto b = ScratchDatabase::create(d, server, &error);
            QVERIFY2(a && b, qPrintable(error));
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
    }
};

QTEST_GUILESS_MAIN(TestSquashProperty)
#include "tst_squashproperty.moc"
