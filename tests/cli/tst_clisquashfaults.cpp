// covet-test-labels: cli sqlite postgres mysql
// covet-test-cost: 23
// Issue 16: two paths of a rollback past a squashed migration.
//  1. MariaDB (DDL not transactional, so step by step): `covet rollback`
//     past a squashed migration killed with SIGKILL at points spread over a
//     timed run — with the originals' files there (the last original rolled
//     back, the squash row with it), then with them gone (the squashed
//     migration's down part, every original's row with it). After
//     each kill the lock is free, no kept row changed, `covet audit verify`
//     passes, and the database is untouched, rolled back, or part-way with
//     the steps in effect recorded and `covet status` saying so; the next
//     run's 'interrupted' audit row says which. A part-way rollback is
//     then finished (`covet rollback --resume`: the schema before the
//     range, the rows of the squashed migration and every original gone)
//     or undone (`covet migrate --resume`: the schema after it, every row
//     kept), alternately.
//     Found here: a part-way rollback of an original could not be resumed
//     either way ("its file is missing", then "not in the replayed history").
//  2. SQLite, PostgreSQL, MariaDB: `covet rollback --rehearse` of a
//     rollback through a squashed migration, its originals' files there
//     (they roll back one by one) or deleted (its down part): it passes,
//     reports the dry run's plan (the migrations in order, their steps,
//     the history rows each removes) and the real rollback's migrations,
//     and leaves the schema, rows and history as they were;
//     the real rollback afterwards ends where the rehearsal said.
#include "audit/auditstatus.h"
#include "clifixtures.h"
#include "faultproject.h"
#include "migrations/partialmigrations.h"
#include "runner/runverifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <functional>

using namespace covet;
using namespace covet::test;

namespace {

// After 0001_base (faultproject.h): the originals the squash replaces, the
// long steps of faultproject.h with big.pad widened in place of items.label
// (MariaDB copies big for each alter_column of the down part, twice).
const QByteArray kWidenPad = R"(  - op: alter_column
    table: big
    column: pad
    before: {name: pad, type: varchar(80)}
    after: {name: pad, type: varchar(120)}
)";
const QList<std::pair<QString, QByteArray>> kLongOriginals{
    {QStringLiteral("0002_num"), "dependencies: [0001_base]\noperations:\n" + kNumToBigint},
    {QStringLiteral("0003_pad"), "dependencies: [0002_num]\noperations:\n" + kIndexPad + kAddNote},
    {QStringLiteral("0004_widen"), "dependencies: [0003_pad]\noperations:\n" + kWidenPad + kIndexNum},
};

const QString S(const char *s)
{
    return QString::fromUtf8(s);
}

// Every row of _covet_migrations (the rehearsal must not touch one).
QStringList historyRows(Connection &c)
{
    return rowsOf(c, QStringLiteral("SELECT id, checksum, applied_at, applied_by FROM _covet_migrations ORDER BY id"));
}

// The migrations a dry run or a run names with `prefix` ("-- roll back ",
// "Rolled back "), in the order it names them.
QStringList named(const QString &out, const QString &prefix)
{
    QStringList ids;
    const QRegularExpression line(QStringLiteral("^") + QRegularExpression::escape(prefix) + QStringLiteral(R"((\S+))"),
                                  QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(out); it.hasNext();)
        ids << it.next().captured(1);
    return ids;
}

// Audit rows that claim `id` was rolled back.
qint64 rolledBackRows(Connection &c, const QString &id)
{
    return scalar(c, QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE migration_id = '%1' AND direction = 'rollback' "
                                    "AND status = '%2'")
                         .arg(id, AuditStatus::Success));
}

// One migration of a plan: its id, its steps' labels, the history rows it removes besides its own.
struct Planned
{
    QString id;
    QStringList steps;
    QStringList alsoRemoves;
    bool operator==(const Planned &) const = default;
};

QString describe(const QList<Planned> &plan)
{
    QStringList out;
    for (const Planned &m : plan)
        out << QStringLiteral("%1 [%2] removes [%3]").arg(m.id, m.steps.join(QStringLiteral("; ")), m.alsoRemoves.join(QStringLiteral(", ")));
    return out.join(u'\n');
}

// The plan `covet rollback --dry-run` prints (its risk report follows it).
QList<Planned> dryRunPlan(const QString &out)
{
    static const QRegularExpression removes(QStringLiteral(R"(^-- removes the history rows of (.*) too$)"));
    QList<Planned> plan;
    for (const QString &line : out.split(u'\n')) {
        if (line.startsWith(QStringLiteral("-- roll back "))) {
            plan << Planned{line.mid(13), {}, {}};
        } else if (plan.isEmpty() || !line.startsWith(QStringLiteral("-- "))) {
            continue;
        } else if (line.startsWith(QStringLiteral("-- Risk"))) {
            break;
        } else if (const auto m = removes.match(line); m.hasMatch()) {
            plan.last().alsoRemoves = m.captured(1).split(QStringLiteral(", "));
        } else if (!line.startsWith(QStringLiteral("-- (SQLite")) && !line.startsWith(QStringLiteral("-- non-transactional"))) {
            plan.last().steps << line.mid(3);
        }
    }
    return plan;
}

// The plan a rehearsal's JSON reports.
QList<Planned> rehearsedPlan(const QJsonObject &rehearsal)
{
    auto strings = [](const QJsonValue &v) {
        QStringList out;
        for (const QJsonValue &x : v.toArray())
            out << x.toString();
        return out;
    };
    QList<Planned> plan;
    for (const QJsonValue &v : rehearsal.value(QStringLiteral("migrations")).toArray()) {
        const QJsonObject m = v.toObject();
        plan << Planned{m.value(QStringLiteral("id")).toString(), strings(m.value(QStringLiteral("steps"))), strings(m.value(QStringLiteral("also_removes")))};
    }
    return plan;
}

// What a kill left of the squashed migration's rollback.
enum class Left { Untouched, RolledBack, PartWay };

} // namespace

class TestCliSquashFaults : public QObject
{
    Q_OBJECT

private slots:
    void killedRollbackOfSquash();
    void rehearseAcrossSquash_data();
    void rehearseAcrossSquash();

private:
    // One rollback of the long project, killed at spread points.
    struct KillCase
    {
        QString id;              // the migration it rolls back
        QString squashed;
        QStringList rowsFrom;    // the history before it, and after it
        QStringList rowsTo;
        Schema from;             // the schema before it, and after it
        Schema to;
        QString kept;            // TableChecksum of the kept columns
        std::function<bool()> toStart;   // back to rowsFrom
        bool undoFirst = false;          // the first part-way run undone (migrate --resume), not finished
    };
    // Sets up the MariaDB project of item 1: every original applied and the
    // squash recorded, its files there. `beforeRange` / `mid` / `afterRange`:
    // the schema after 0001_base / 0003_pad / 0004_widen.
    bool setUpLong(FaultProject &p, Schema &beforeRange, Schema &mid, Schema &afterRange, QString &squashed);
    // kill -9 of `covet rollback --yes` at `points` points spread over a timed run.
    void killRollback(FaultProject &p, const KillCase &k, int points);
};

bool TestCliSquashFaults::setUpLong(FaultProject &p, Schema &beforeRange, Schema &mid, Schema &afterRange, QString &squashed)
{
    // Fewer rows than the fault matrix: the kills are spread over the down
    // part (two table copies), wherever it starts.
    if (!p.create(Dialect::MySQL, std::min(faultRows(), 50000)))
        return false;
    for (const auto &[id, text] : kLongOriginals)
        writeFile(p.dir() + QStringLiteral("/migrations/") + id + QStringLiteral(".yaml"), text);
    if (!p.cliOk({S("migrate"), S("--to"), S("0001_base")}))
        return false;
    beforeRange = inspectSchema(p.connection());
    if (!p.cliOk({S("migrate"), S("--to"), S("0003_pad")}))
        return false;
    mid = inspectSchema(p.connection());
    if (!p.cliOk({S("migrate")}))
        return false;
    afterRange = inspectSchema(p.connection());
    if (!p.cliOk({S("squash"), S("--from"), S("2")}))
        return false;
    const QStringList files = QDir(p.dir() + QStringLiteral("/migrations")).entryList({QStringLiteral("*squashed*.yaml")});
    if (files.size() != 1) {
        QTest::qFail(qPrintable(QStringLiteral("covet squash wrote %1").arg(files.join(u','))), __FILE__, __LINE__);
        return false;
    }
    squashed = files.first().chopped(5);
    return p.cliOk({S("migrate")});   // records the squashed migration
}

void TestCliSquashFaults::killedRollbackOfSquash()
{
    COVET_REQUIRE_DIALECT(Dialect::MySQL);
    FaultProject p;
    Schema beforeRange, mid, afterRange;
    QString squashed;
    QVERIFY(setUpLong(p, beforeRange, mid, afterRange, squashed));
    const QString kept = p.keptChecksums();
    const QStringList allRows{S("0001_base"), S("0002_num"), S("0003_pad"), S("0004_widen"), squashed};
    const QString migrations = p.dir() + QStringLiteral("/migrations/");

    // 1. The originals' files there: the rollback goes through 0004_widen
    // (the squash row with it); the resumed one must find it too.
    auto reapply = [&] { return historyIds(p.connection()) == allRows || p.cliOk({S("migrate")}); };
    killRollback(p, KillCase{S("0004_widen"), squashed, allRows, {S("0001_base"), S("0002_num"), S("0003_pad")}, afterRange, mid, kept, reapply, true},
                 std::max(faultPoints(5) * 3 / 5, 1));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(reapply());

    // 2. The originals' files deleted: the squashed migration's down part,
    // its row and every original's row removed with it.
    auto removeOriginals = [&] {
        for (const auto &[id, text] : kLongOriginals)
            if (!QFile::remove(migrations + id + QStringLiteral(".yaml")))
                return false;
        return true;
    };
    const QString squashFile = migrations + squashed + QStringLiteral(".yaml");
    QFile f(squashFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray squashText = f.readAll();
    f.close();
    // Back to every original applied and the squash recorded, their files
    // gone (with the squash's file there, a database without the originals
    // would apply it instead).
    auto toStart = [&] {
        if (historyIds(p.connection()) == allRows)
            return true;
        for (const auto &[id, text] : kLongOriginals)
            writeFile(migrations + id + QStringLiteral(".yaml"), text);
        if (!QFile::remove(squashFile) || !p.cliOk({S("migrate")}))
            return false;
        writeFile(squashFile, squashText);
        if (!p.cliOk({S("migrate")}))
            return false;
        if (const QStringList ids = historyIds(p.connection()); ids != allRows) {
            QTest::qFail(qPrintable(QStringLiteral("after covet migrate with the originals back, the history holds ") + ids.join(u',')), __FILE__, __LINE__);
            return false;
        }
        return removeOriginals();
    };
    QVERIFY(removeOriginals());
    const CliRun dry = p.run({S("rollback"), S("--dry-run")});
    QVERIFY2(dry.out.contains(QStringLiteral("-- roll back ") + squashed) && dry.out.contains(QStringLiteral("removes the history rows of 0002_num")),
             qPrintable(dry.out + dry.err));
    killRollback(p, KillCase{squashed, squashed, allRows, {S("0001_base")}, afterRange, beforeRange, kept, toStart}, faultPoints(5));
}

void TestCliSquashFaults::killRollback(FaultProject &p, const KillCase &k, int points)
{
    const QStringList rollback = FaultProject::rollbackArgs();
    // A timed run, to spread the kills over its down part: from the first
    // step's progress line to its end.
    const QString firstStep = QStringLiteral("] %1 undo of").arg(k.id);
    bool ended = false;
    qint64 stepsAt = -1;
    const CliRun timed = p.killAt(rollback, 600000, ended, firstStep, &stepsAt);
    QVERIFY2(timed.exitCode == 0 && stepsAt >= 0, qPrintable(timed.out + timed.err));
    QCOMPARE(historyIds(p.connection()), k.rowsTo);
    QCOMPARE(inspectSchema(p.connection()), k.to);
    QCOMPARE(p.keptChecksums(), k.kept);
    QVERIFY(k.toStart());

    QMap<QString, int> tally;
    int partWay = 0;
    for (int i = 0; i < points; ++i) {
        const qint64 at = (timed.ms - stepsAt) * (2 * i + 1) / (2 * points);
        const QString context =
            QStringLiteral("kill -9 of covet rollback of %1 %2 ms into its %3 ms down part").arg(k.id).arg(at).arg(timed.ms - stepsAt);
        const QMap<QString, qint64> statusesBefore = p.auditStatuses();
        const qint64 claimedBefore = rolledBackRows(p.connection(), k.id);
        bool endedFirst = false;
        const CliRun r = p.killAt(rollback, at, endedFirst, firstStep);
        QVERIFY2(p.lockFreeAfterMs() >= 0, qPrintable(context + QStringLiteral(": the migration lock is still held after 60 s")));
        QVERIFY2(!endedFirst || r.exitCode == 0, qPrintable(context + QStringLiteral(": ended on its own, but failed:\n") + r.out + r.err));

        // What is in effect: untouched, rolled back, or part-way and recorded.
        QCOMPARE(p.keptChecksums(), k.kept);
        const QList<PartialMigration> part = p.partials();
        const QStringList ids = historyIds(p.connection());
        const Schema now = inspectSchema(p.connection());
        Left left = Left::PartWay;
        if (!part.isEmpty()) {
            QCOMPARE(part.size(), 1);
            QCOMPARE(part.first().id, k.id);
            QCOMPARE(part.first().direction, S("rollback"));
            QVERIFY2(ids == k.rowsFrom, qPrintable(context + QStringLiteral(": part-way, but the history holds ") + ids.join(u',')));
            // The record says what is in effect: each step of the down part is
            // one change (the running one may or may not have taken effect).
            const QStringList undone = RunVerifier::differences(now, k.from);
            const QStringList notYet = RunVerifier::differences(now, k.to);
            const PartialMigration &w = part.first();
            QVERIFY2(undone.size() + notYet.size() == w.stepCount
                         && (undone.size() == w.stepsDone || (!w.runningStep.isEmpty() && undone.size() == w.stepsDone + 1)),
                     qPrintable(context + QStringLiteral(": recorded %1; undone: %2; not yet: %3")
                                              .arg(w.describe(), undone.join(QStringLiteral("; ")), notYet.join(QStringLiteral("; ")))));
        } else if (ids == k.rowsFrom && now == k.from) {
            left = Left::Untouched;
        } else if (ids == k.rowsTo && now == k.to) {
            left = Left::RolledBack;
        } else {
            QFAIL(qPrintable(context + QStringLiteral(": nothing part-way recorded, the history holds %1, and the schema is neither as "
                                                      "before (%2) nor as after (%3) the rollback")
                                           .arg(ids.join(u','), RunVerifier::differences(now, k.from).join(QStringLiteral("; ")),
                                                RunVerifier::differences(now, k.to).join(QStringLiteral("; ")))));
        }
        tally[left == Left::PartWay ? S("part-way (recorded)") : left == Left::Untouched ? S("untouched") : S("rolled back")]++;
        // The audit never claims a rollback that is not in effect, and its chain holds.
        const qint64 claimed = rolledBackRows(p.connection(), k.id) - claimedBefore;
        QVERIFY2(claimed == (left == Left::RolledBack ? 1 : 0),
                 qPrintable(context + QStringLiteral(": %1 new successful rollback rows in the audit").arg(claimed)));
        QVERIFY(p.cliOk({S("audit"), S("verify")}));

        // `covet status` says exactly what is in effect.
        const CliRun status = p.run({S("status")});
        QVERIFY2(status.exitCode == 0 || left == Left::PartWay, qPrintable(status.out + status.err));
        if (left == Left::PartWay) {
            QVERIFY2(status.out.contains(QStringLiteral("partial   ") + k.id) && status.out.contains(part.first().describe())
                         && status.out.contains(QStringLiteral("covet rollback --resume")),
                     qPrintable(context + QStringLiteral(":\n") + status.out + status.err));
            // Its steps, each in effect or not, read from its file (an original's too: it is left
            // out of the graph, not missing).
            QVERIFY2(status.out.contains(QStringLiteral("in effect: ")) && !(status.out + status.err).contains(QStringLiteral("file is missing")),
                     qPrintable(context + QStringLiteral(":\n") + status.out + status.err));
        } else if (left == Left::Untouched) {
            QVERIFY2(status.out.contains(QStringLiteral("replaced by ") + k.squashed), qPrintable(context + QStringLiteral(":\n") + status.out));
        } else {
            QVERIFY2(status.out.contains(QStringLiteral("pending   ") + k.id), qPrintable(context + QStringLiteral(":\n") + status.out));
        }

        const QMap<QString, qint64> statusesAtKill = p.auditStatuses();
        const bool startedThenKilled = !endedFirst && statusesAtKill.value(AuditStatus::Started) > statusesBefore.value(AuditStatus::Started)
                                       && FaultProject::runEnds(statusesAtKill) == FaultProject::runEnds(statusesBefore);
        if (left == Left::PartWay) {
            // Without --resume a run refuses, naming it; with it, finished or undone (alternately).
            const CliRun refused = p.run(rollback);
            QVERIFY2(refused.exitCode != 0 && refused.err.contains(k.id + QStringLiteral(" is part-way")), qPrintable(refused.out + refused.err));
            const bool finish = (partWay++ % 2 == 0) != k.undoFirst;
            const QStringList resume{finish ? S("rollback") : S("migrate"), S("--resume"), S("--yes")};
            const CliRun resumed = p.run(resume);
            QVERIFY2(resumed.exitCode == 0, qPrintable(context + QStringLiteral(": covet %1:\n%2%3").arg(resume.join(u' '), resumed.out, resumed.err)));
            QVERIFY(p.partials().isEmpty());
            QCOMPARE(inspectSchema(p.connection()), finish ? k.to : k.from);
            QCOMPARE(historyIds(p.connection()), finish ? k.rowsTo : k.rowsFrom);
            QCOMPARE(p.keptChecksums(), k.kept);
            QVERIFY(p.cliOk({S("audit"), S("verify")}));
            tally[finish ? S("finished by rollback --resume") : S("undone by migrate --resume")]++;
        } else if (startedThenKilled) {
            QVERIFY(p.cliOk({S("migrate"), S("--to"), S("0001_base")}));   // takes the lock, changes nothing
        }
        if (startedThenKilled) {
            // The next run to take the lock says what the killed one left.
            const qint64 interrupted = p.auditStatuses().value(AuditStatus::Interrupted) - statusesAtKill.value(AuditStatus::Interrupted);
            QVERIFY2(interrupted == 1, qPrintable(context + QStringLiteral(": %1 'interrupted' rows after the next run").arg(interrupted)));
            const QString text = p.lastAuditText(AuditStatus::Interrupted);
            const QStringList says = left == Left::PartWay     ? QStringList{S("is part-way")}
                                     : left == Left::Untouched ? QStringList{S("is still applied"), S("is still recorded as applied")}
                                                               : QStringList{S("was rolled back before the run ended"), S("had finished")};
            QVERIFY2(text.contains(k.id) && std::any_of(says.cbegin(), says.cend(), [&](const QString &x) { return text.contains(x); }),
                     qPrintable(context + QStringLiteral(": the interrupted row says\n") + text));
            if (left != Left::PartWay)   // verified after the resume already
                QVERIFY(p.cliOk({S("audit"), S("verify")}));
        }
        QVERIFY(k.toStart());
        QCOMPARE(p.keptChecksums(), k.kept);
    }
    QStringList parts;
    for (auto it = tally.cbegin(); it != tally.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    qInfo("kill -9 of covet rollback of %s over the %lld ms down part of a %lld ms run, %d points: %s", qPrintable(k.id), timed.ms - stepsAt,
          timed.ms, points, qPrintable(parts.join(S(", "))));
    // The point of it: some kills land in the down part.
    if (points >= 3)
        QVERIFY2(partWay > 0, qPrintable(parts.join(S(", "))));
}

void TestCliSquashFaults::rehearseAcrossSquash_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<bool>("filesDeleted");
    for (const auto &[name, d] : {std::pair{"sqlite", Dialect::SQLite}, std::pair{"postgresql", Dialect::PostgreSQL}, std::pair{"mariadb", Dialect::MySQL}}) {
        QTest::newRow(qPrintable(QStringLiteral("%1 originals present").arg(QString::fromLatin1(name)))) << int(d) << false;
        QTest::newRow(qPrintable(QStringLiteral("%1 originals deleted").arg(QString::fromLatin1(name)))) << int(d) << true;
    }
}

void TestCliSquashFaults::rehearseAcrossSquash()
{
    SQUASH_PROJECT(d, db, p, c);
    QFETCH(bool, filesDeleted);
    Schema before;
    TableChecksum::Value kept;
    p.applyAndSquash(c, before, kept);
    if (QTest::currentTestFailed())
        return;
    // Rehearsing the run that only records it says so, and changes nothing.
    const QStringList rowsBeforeRecording = historyRows(c);
    const Schema schemaBeforeRecording = inspectSchema(c);
    const QStringList itemColumns{QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("quantity")};
    SqlExecutor recordingSql(c.database(), d);
    const auto itemsBeforeRecording = TableChecksum::of(recordingSql, {}, QStringLiteral("items"), itemColumns);
    COVET_VERIFY_OK(itemsBeforeRecording);
    SQUASH_CLI(p, 0, S("migrate"), S("--rehearse"));
    QVERIFY2(p.out.contains(QStringLiteral("  note: %1 is only recorded as applied by the real run (every migration it replaces is "
                                           "applied): no statement of it runs, so there is nothing to rehearse\n"
                                           "No statement runs. Nothing was changed.\n")
                                .arg(kSquashed)),
             qPrintable(p.out));
    QVERIFY2(!p.out.contains(S("nothing is pending")), qPrintable(p.out));
    SQUASH_CLI(p, 0, S("migrate"), S("--rehearse"), S("--json"));
    QJsonObject recording;
    for (const QString &line : p.out.split(u'\n', Qt::SkipEmptyParts))
        if (const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object(); o.contains(QStringLiteral("rehearsal")))
            recording = o.value(QStringLiteral("rehearsal")).toObject();
    QCOMPARE(recording.value(QStringLiteral("record_only")).toArray(), QJsonArray{kSquashed});
    QVERIFY2(recording.value(QStringLiteral("ok")).toBool() && recording.value(QStringLiteral("migrations")).toArray().isEmpty(), qPrintable(p.out));
    // Nothing ran: no transaction, and on MariaDB no scratch database either.
    QCOMPARE(recording.value(QStringLiteral("scratch")).toBool(), false);
    QCOMPARE(recording.value(QStringLiteral("where")).toString(), S("with nothing to run"));
    QCOMPARE(historyRows(c), rowsBeforeRecording);
    // "Nothing was changed": the inspected schema and the kept rows too.
    QCOMPARE(inspectSchema(c), schemaBeforeRecording);
    const auto itemsAfterRehearsal = TableChecksum::of(recordingSql, {}, QStringLiteral("items"), itemColumns);
    COVET_VERIFY_OK(itemsAfterRehearsal);
    QCOMPARE(*itemsAfterRehearsal, *itemsBeforeRecording);
    SQUASH_CLI(p, 0, S("migrate"));   // records it
    QCOMPARE(historyIds(c), QStringList({S("0001_items"), S("0002_qty"), S("0003_index"), S("0004_rename"), kSquashed}));
    if (filesDeleted)
        p.removeOriginals();
    const QStringList expected = filesDeleted ? QStringList{kSquashed} : QStringList{S("0004_rename"), S("0003_index"), S("0002_qty")};

    // What is there before the rehearsal.
    const Schema applied = inspectSchema(c);
    const QStringList rows = historyRows(c);
    SqlExecutor sql(c.database(), d);
    const auto data = TableChecksum::of(sql, {}, QStringLiteral("items"), {QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("quantity")});
    COVET_VERIFY_OK(data);
    const QStringList back{S("rollback"), S("--to"), S("0001_items")};

    // The plan, as the dry run shows it.
    SQUASH_CLI(p, 0, back + QStringList{S("--dry-run")});
    const QList<Planned> planned = dryRunPlan(p.out);
    QStringList ids;
    for (const Planned &m : planned) {
        QVERIFY2(!m.steps.isEmpty(), qPrintable(p.out));
        ids << m.id;
    }
    QCOMPARE(ids, expected);
    const QString removed = filesDeleted ? S("0002_qty, 0003_index, 0004_rename") : kSquashed;
    QCOMPARE(planned.first().alsoRemoves.join(S(", ")), removed);

    // The rehearsal: the same migrations, steps and history rows, in the same order, every one ok.
    SQUASH_CLI(p, 0, back + QStringList{S("--rehearse")});
    QStringList rehearsedText;
    for (const QString &id : named(p.out, S("  ok    ")))
        rehearsedText << id.chopped(1);   // "0004_rename:"
    QCOMPARE(rehearsedText, expected);
    QVERIFY2(p.out.contains(QStringLiteral("  ok    %1: rolled back, applied again to the schema it had, rolled back again\n"
                                           "        the real run removes the history rows of %2 too\n")
                                .arg(expected.first(), removed)),
             qPrintable(p.out));
    QVERIFY2(p.out.contains(QStringLiteral("Every migration rolls back and applies again to where it started. Nothing was changed.")), qPrintable(p.out));
    SQUASH_CLI(p, 0, back + QStringList{S("--rehearse"), S("--json")});
    QJsonObject rehearsal;
    for (const QString &line : p.out.split(u'\n', Qt::SkipEmptyParts))
        if (const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object(); o.contains(QStringLiteral("rehearsal")))
            rehearsal = o.value(QStringLiteral("rehearsal")).toObject();
    QVERIFY2(rehearsal.value(QStringLiteral("ok")).toBool(), qPrintable(p.out));
    QCOMPARE(rehearsal.value(QStringLiteral("direction")).toString(), S("rollback"));
    QCOMPARE(rehearsal.value(QStringLiteral("scratch")).toBool(), d == Dialect::MySQL);
    for (const QJsonValue &m : rehearsal.value(QStringLiteral("migrations")).toArray())
        QVERIFY2(m.toObject().value(QStringLiteral("ok")).toBool(), qPrintable(p.out));
    const QList<Planned> rehearsed = rehearsedPlan(rehearsal);
    QVERIFY2(rehearsed == planned, qPrintable(QStringLiteral("rehearsed:\n%1\nthe dry run's plan:\n%2").arg(describe(rehearsed), describe(planned))));
    QVERIFY(rehearsal.value(QStringLiteral("not_rehearsed")).toArray().isEmpty());

    // Nothing changed: schema, rows, history, nothing part-way.
    QCOMPARE(inspectSchema(c), applied);
    QCOMPARE(historyRows(c), rows);
    const auto dataAfter = TableChecksum::of(sql, {}, QStringLiteral("items"), {QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("quantity")});
    COVET_VERIFY_OK(dataAfter);
    QCOMPARE(*dataAfter, *data);
    auto partial = PartialMigrations::load(sql);
    COVET_VERIFY_OK(partial);
    QVERIFY(partial->isEmpty());
    SQUASH_CLI(p, 0, S("audit"), S("verify"));

    // The real rollback does what was rehearsed.
    SQUASH_CLI(p, 0, back + QStringList{S("--yes")});
    QCOMPARE(named(p.out, S("Rolled back ")), expected);
    p.verifyBackAt0001(c, before, kept);
}

QTEST_GUILESS_MAIN(TestCliSquashFaults)
#include "tst_clisquashfaults.moc"
