#include "migratecommand.h"

#include "progressprinter.h"

#include <QDir>
#include <QSet>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace covet::cli {

namespace {

// Ctrl-C / SIGTERM during a run:
//  - the first asks the runner to stop before its next operation (the
//    migration's transaction is rolled back, or its done steps undone and
//    what they destroyed restored);
//  - the second stops at once after the statement running now, without
//    undoing: on MySQL/MariaDB the steps in effect stay recorded in
//    _covet_partial_migrations (status shows them, --resume deals with
//    them); a transaction is rolled back by the server;
//  - a third ends the process, which the database survives too (an
//    uncommitted transaction is discarded; the part-way record was written
//    before each step).
std::atomic_bool g_cancel{false};
std::atomic_bool g_abort{false};

extern "C" void onStopSignal(int signal)
{
    if (!g_cancel.exchange(true)) {
        static const char kMessage[] = "\ncovet: stopping after the current operation; what ran of the migration is undone (again to stop at once)\n";
        (void)!write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
        return;
    }
    if (!g_abort.exchange(true)) {
        static const char kMessage[] = "\ncovet: stopping at once after the current statement, without undoing; the part-way state is recorded "
                                       "(again to kill)\n";
        (void)!write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
        return;
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// Installs the handlers for its lifetime.
class StopSignals
{
public:
    StopSignals()
    {
        g_cancel = false;
        g_abort = false;
        m_int = install(SIGINT);
        m_term = install(SIGTERM);
    }
    ~StopSignals()
    {
        std::signal(SIGINT, m_int);
        std::signal(SIGTERM, m_term);
    }
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

private:
    // A signal ignored by whoever started us (nohup, a background job) stays ignored.
    static void (*install(int signal))(int)
    {
        void (*previous)(int) = std::signal(signal, onStopSignal);
        if (previous == SIG_IGN)
            std::signal(signal, SIG_IGN);
        return previous;
    }
    void (*m_int)(int) = SIG_DFL;
    void (*m_term)(int) = SIG_DFL;
};

} // namespace

void MigrateCommand::addTargetOptions(CommandLineSpec &p)
{
    p.addOption({QStringLiteral("config"), QStringLiteral("The project file (default: covet.yaml in the working directory)."), QStringLiteral("path")});
    p.addOption({QStringLiteral("db"), QStringLiteral("The database URL (overrides the environment's)."), QStringLiteral("url")});
    p.addOption({QStringLiteral("environment"), QStringLiteral("The environment of covet.yaml to use."), QStringLiteral("name")});
    p.addOption({QStringLiteral("lock-timeout"), QStringLiteral("Seconds to wait for another runner's lock (default 30)."), QStringLiteral("s"), QStringLiteral("30")});
}

Result<int> MigrateCommand::lockTimeout(const QCommandLineParser &p)
{
    bool ok = false;
    const double s = p.value(QStringLiteral("lock-timeout")).toDouble(&ok);
    if (!ok || s < 0 || s > 86400)
        return fail(Error::Category::InvalidInput, QStringLiteral("--lock-timeout must be a number of seconds, got '%1'").arg(p.value(QStringLiteral("lock-timeout"))));
    return int(s * 1000);
}

Result<MigrateCommand::Target> MigrateCommand::openTarget(const QCommandLineParser &p, bool connect, MissingSqlite missing)
{
    Target t;
    auto config = ProjectConfig::find(p.value(QStringLiteral("config")), QDir::currentPath());
    if (!config)
        return std::unexpected(config.error());
    t.config = *config;
    t.environment = p.value(QStringLiteral("environment"));
    if (t.environment.isEmpty())
        t.environment = t.config.defaultEnvironment();
    if (p.isSet(QStringLiteral("db"))) {
        t.url = p.value(QStringLiteral("db"));
        if (!p.isSet(QStringLiteral("environment")))
            t.environment.clear();
    } else {
        auto url = t.config.databaseUrl(p.value(QStringLiteral("environment")));
        if (!url)
            return std::unexpected(url.error());
        t.url = *url;
    }
    t.confirm = t.config.requiresConfirmation(t.environment);
    t.repository = MigrationRepository::load(t.config.migrationsPath());
    if (connect) {
        auto c = Connection::open(t.url, QStringLiteral("migrate"), missing == MissingSqlite::Create);
        if (!c && c.error().category() == Error::Category::NotFound && missing != MissingSqlite::Create) {
            const QString what = c.error().toString() + QStringLiteral("; nothing has been applied to it yet (`covet migrate` creates it)");
            if (missing == MissingSqlite::Error)
                return std::unexpected(Error(Error::Category::NotFound, what + QStringLiteral(". Check the path if you expected an existing database")));
            t.notice = what + QStringLiteral("; it was not created. Check the path if you expected an existing database");
            c = Connection::open(QStringLiteral("sqlite::memory:"), QStringLiteral("migrate"));
        }
        if (!c)
            return std::unexpected(c.error());
        t.connection = std::move(*c);
    }
    return t;
}

RunOptions MigrateCommand::runOptions(const Target &t, const QCommandLineParser &p, int lockTimeoutMs)
{
    RunOptions o;
    o.target = p.value(QStringLiteral("to"));
    o.dryRun = p.isSet(QStringLiteral("dry-run"));
    o.executeDryRun = o.dryRun && p.isSet(QStringLiteral("execute"));
    o.settings = t.config.runSettings(t.environment);
    o.lockTimeoutMs = lockTimeoutMs;
    o.acceptRisk = p.isSet(QStringLiteral("accept-risk"));
    o.resume = p.isSet(QStringLiteral("resume"));
    if (p.isSet(QStringLiteral("dev-url")))
        o.settings.devUrl = p.value(QStringLiteral("dev-url"));
    return o;
}

Status MigrateCommand::confirm(const Target &t, const QCommandLineParser &p, QTextStream &out, bool destroysData)
{
    const bool environment = t.confirm;
    if ((!environment && !destroysData) || p.isSet(QStringLiteral("yes")))
        return {};
    const QString word = environment ? t.environment : QStringLiteral("yes");
    if (isatty(STDIN_FILENO)) {
        if (environment && destroysData)
            out << "Environment '" << t.environment << "' needs confirmation, and this run destroys data (listed above). Type '" << word
                << "' to continue: ";
        else if (environment)
            out << "Environment '" << t.environment << "' needs confirmation. Type its name to continue: ";
        else
            out << "This run destroys data (listed above). Type 'yes' to continue: ";
        out.flush();
        QTextStream in(stdin);
        if (in.readLine().trimmed() == word)
            return {};
        return fail(Error::Category::InvalidInput, QStringLiteral("not confirmed; nothing was run"));
    }
    QStringList needs;
    if (environment)
        needs << QStringLiteral("environment '%1' requires confirmation").arg(t.environment);
    if (destroysData)
        needs << QStringLiteral("the run destroys data");
    return fail(Error::Category::InvalidInput,
                QStringLiteral("%1: pass --yes (or type the confirmation on a terminal); nothing was run").arg(needs.join(QStringLiteral(" and "))));
}

void MigrateCommand::addOptions(CommandLineSpec &p) const
{
    addTargetOptions(p);
    p.addOption({QStringLiteral("to"), QStringLiteral("Apply up to and including this migration."), QStringLiteral("id")});
    addRunOptions(p);
    p.addOption({QStringLiteral("fake"), QStringLiteral("Record the migrations as applied without running them.")});
    p.addOption({QStringLiteral("rehearse"),
                 QStringLiteral("Rehearse the rollbacks: apply, roll back and apply each pending migration, checking the schema after each, "
                                "in a transaction that is rolled back (MySQL/MariaDB: on a scratch database); change nothing. Exit 1 when "
                                "a down part does not undo its up part.")});
}

void MigrateCommand::addRunOptions(CommandLineSpec &p)
{
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Print the SQL and the risk report; change nothing.")});
    p.addOption({QStringLiteral("execute"), QStringLiteral("With --dry-run (PostgreSQL, SQLite): run the SQL in a transaction that is rolled back.")});
    p.addOption({QStringLiteral("yes"), QStringLiteral("Confirm: the environment's confirmation and the data the run destroys.")});
    p.addOption({QStringLiteral("accept-risk"), QStringLiteral("Go ahead with a plan whose risk is critical (read the report first).")});
    p.addOption({QStringLiteral("resume"),
                 QStringLiteral("Deal with a migration a stopped run left part-way: migrate finishes it, rollback undoes it.")});
    p.addOption({QStringLiteral("dev-url"), QStringLiteral("A scratch server for replaying plain SQL migrations (default: dev_url, else a "
                                                           "temporary database on the target's server)."),
                 QStringLiteral("url")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Progress, the risk report and the result as JSON lines.")});
}

int MigrateCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    return execute(p, out, err, true);
}

namespace {

QString commented(const QString &text)
{
    QString out;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts))
        out += QStringLiteral("-- ") + line + u'\n';
    return out;
}

QJsonObject verificationJson(const RunVerification &v)
{
    return QJsonObject{{QStringLiteral("done"), v.done},
                       {QStringLiteral("ok"), v.ok()},
                       {QStringLiteral("schema_matches"), v.schemaMatches},
                       {QStringLiteral("differences"), QJsonArray::fromStringList(v.differences)},
                       {QStringLiteral("drift"), QJsonArray::fromStringList(v.drift)},
                       {QStringLiteral("counts_unchanged"), v.countsUnchanged},
                       {QStringLiteral("count_changes"), QJsonArray::fromStringList(v.countChanges)},
                       {QStringLiteral("tables_counted"), v.tablesCounted}};
}

} // namespace

int MigrateCommand::execute(const QCommandLineParser &p, QTextStream &out, QTextStream &err, bool forward, int steps)
{
    const bool rehearse = p.isSet(QStringLiteral("rehearse"));   // migrate and rollback both have it
    const bool dry = p.isSet(QStringLiteral("dry-run")) || rehearse;
    const bool json = p.isSet(QStringLiteral("json"));
    const bool fake = forward && p.isSet(QStringLiteral("fake"));
    QElapsedTimer timer;
    timer.start();
    std::optional<RiskReport> risk;
    // With --json every failure is also an "error" event on stdout (with the
    // risk report when there was one). A refused dry run still shows the SQL
    // it would have run.
    auto failed = [&](const Error &e, const QString &sql = QString()) {
        if (json) {
            QJsonObject event{{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), e.toString()},
                              {QStringLiteral("exit_code"), e.exitCode()}, {QStringLiteral("elapsed_ms"), double(timer.elapsed())}};
            if (!sql.isEmpty())
                event.insert(QStringLiteral("sql"), sql);
            if (risk)
                event.insert(QStringLiteral("risk"), risk->toJson());
            ProgressPrinter::jsonLine(out, event);
        } else if (!sql.isEmpty()) {
            out << sql << "-- dry run refused: see the error below; nothing was changed\n";
            out.flush();
        }
        return report(e, err);
    };
    auto timeout = lockTimeout(p);
    if (!timeout)
        return failed(timeout.error());
    // A dry run changes nothing, on disk either: a missing SQLite file is read as empty.
    auto target = openTarget(p, true, dry ? MissingSqlite::ReadEmpty : forward ? MissingSqlite::Create : MissingSqlite::Error);
    if (!target)
        return failed(target.error());
    if (!target->notice.isEmpty() && !json)
        err << "covet: warning: " << target->notice << '\n';
    RunOptions o = runOptions(*target, p, *timeout);
    o.fake = fake;
    o.steps = steps;
    MigrationRunner runner(*target->connection, target->repository);
    if (rehearse) {
        if (fake)
            return failed(Error(Error::Category::InvalidInput, QStringLiteral("--rehearse runs the migrations; it does not go with --fake")));
        auto rehearsal = runner.rehearse(o, forward);
        if (!rehearsal)
            return failed(rehearsal.error());
        if (json)
            ProgressPrinter::jsonLine(out, QJsonObject{{QStringLiteral("event"), QStringLiteral("rehearsal")},
                                                       {QStringLiteral("rehearsal"), rehearsal->toJson()},
                                                       {QStringLiteral("elapsed_ms"), double(timer.elapsed())}});
        else
            out << rehearsal->toText();
        return rehearsal->ok() ? 0 : 1;
    }

    // The plan and what it puts at risk, before anything is asked or run;
    // for a run, read once no other runner is at work (saying who is).
    ProgressSink waiting;
    waiting.log = [&](const QString &line) {
        if (json) {
            ProgressPrinter::jsonLine(out, QJsonObject{{QStringLiteral("event"), QStringLiteral("log")}, {QStringLiteral("message"), line},
                                                       {QStringLiteral("elapsed_ms"), double(timer.elapsed())}});
        } else {
            err << "covet: " << line << '\n';
            err.flush();
        }
    };
    RunOptions planning = o;
    planning.progress = &waiting;
    auto plan = dry ? runner.plan(o, forward) : runner.planSettled(planning, forward);
    if (!plan)
        return failed(plan.error());
    if (!fake) {
        auto assessed = runner.assess(*plan);
        if (!assessed)
            return failed(assessed.error());
        risk = *assessed;
    }
    // The report when something is at stake (medium or above); --json and
    // --dry-run always carry it whole.
    if (risk && !json && !dry && !plan->plans.isEmpty() && (risk->level() >= RiskLevel::Medium || risk->losesData())) {
        out << risk->toText();
        out.flush();
    }
    if (json && !plan->plans.isEmpty())
        ProgressPrinter::jsonLine(out, QJsonObject{{QStringLiteral("event"), QStringLiteral("plan")},
                                                   {QStringLiteral("direction"), forward ? QStringLiteral("forward") : QStringLiteral("rollback")},
                                                   {QStringLiteral("migrations"), QJsonArray::fromStringList(plan->ids())},
                                                   {QStringLiteral("risk"), risk ? risk->toJson() : QJsonObject()}});
    const bool destroys = risk && risk->losesData();
    if (!dry && !plan->plans.isEmpty()) {
        // A refusal is audited like a run.
        auto refuse = [&](const Error &why) {
            if (const QString w = runner.recordRefusal(*plan, o, why); !w.isEmpty())
                err << "covet: warning: " << w << '\n';
            return failed(why);
        };
        if (risk && !o.acceptRisk && !risk->atLeast(RiskLevel::Critical).isEmpty())
            return refuse(Error(Error::Category::Conflict,
                                QStringLiteral("the risk of this plan is critical (see the report); nothing was run. Accept it explicitly "
                                               "with --accept-risk to go ahead")));
        if (auto ok = confirm(*target, p, out, destroys); !ok)
            return refuse(ok.error());
    }
    o.expected = plan->ids();
    o.confirmDataLoss = !dry;   // confirm() passed (or nothing is destroyed)
    o.dryRun = dry;
    o.abort = &g_abort;

    const StopSignals stopSignals;
    ProgressPrinter printer(ProgressPrinter::modeFor(json), forward, out, err);
    printer.setCancelFlag(&g_cancel);
    if (o.fake) {
        printer.setActiveVerb(QStringLiteral("faking"));
        printer.setFinishedVerb(QStringLiteral("faked"));
    }
    o.progress = printer.sink();
    auto r = forward ? runner.migrate(o) : runner.rollback(o);
    printer.stop();
    if (!r)
        return failed(r.error(), dry ? runner.lastReport().sql : QString());
    for (const QString &w : r->warnings)
        err << "covet: warning: " << w << '\n';
    err.flush();
    const bool verificationFailed = r->verification.done && !r->verification.ok();
    if (json) {
        QJsonArray backups;
        for (const BackupRecord &b : r->backups)
            backups << b.toJson();
        QJsonObject done{{QStringLiteral("event"), QStringLiteral("done")},
                         {forward ? QStringLiteral("applied") : QStringLiteral("rolled_back"), QJsonArray::fromStringList(r->done)},
                         {QStringLiteral("dry_run"), dry},
                         {QStringLiteral("sql"), dry ? r->sql : QString()},
                         {QStringLiteral("risk"), r->risk.toJson()},
                         {QStringLiteral("backups"), backups},
                         {QStringLiteral("verification"), verificationJson(r->verification)},
                         {QStringLiteral("warnings"), QJsonArray::fromStringList(r->warnings)},
                         {QStringLiteral("elapsed_ms"), double(timer.elapsed())}};
        if (forward)
            done.insert(QStringLiteral("skipped"), QJsonArray::fromStringList(r->skipped));
        if (!r->recorded.isEmpty())
            done.insert(QStringLiteral("recorded"), QJsonArray::fromStringList(r->recorded));
        if (dry)
            done.insert(QStringLiteral("executed"), r->executedDryRun);
        ProgressPrinter::jsonLine(out, done);
        return verificationFailed ? Error(Error::Category::Conflict, QString()).exitCode() : 0;
    }
    if (dry) {
        out << (r->sql.isEmpty() ? (forward ? QStringLiteral("-- nothing to apply\n") : QStringLiteral("-- nothing to roll back\n")) : r->sql);
        if (r->executedDryRun)
            out << "-- dry run: the SQL above was executed in a transaction and rolled back; nothing was changed\n";
        if (!r->sql.isEmpty() && !fake)
            out << commented(r->risk.toText());
        return 0;
    }
    if (forward) {
        if (r->done.isEmpty() && r->skipped.isEmpty())
            out << "Nothing to apply: the database is up to date.\n";
        for (const QString &id : r->done)
            out << (r->recorded.contains(id) ? "Recorded " : o.fake ? "Faked " : "Applied ") << id
                << (r->recorded.contains(id) ? " as applied: every migration it replaces is applied\n" : "\n");
        for (const QString &id : r->recorded)
            if (!r->done.contains(id))
                out << "Recorded " << id << " as applied too: every migration it replaces is applied now\n";
        for (const QString &id : r->skipped)
            out << "Skipped " << id << " (applied meanwhile by another runner)\n";
    } else {
        if (r->done.isEmpty())
            out << "Nothing to roll back.\n";
        for (const QString &id : r->done)
            out << "Rolled back " << id << '\n';
    }
    for (const BackupRecord &b : r->backups) {
        QStringList what;
        for (const BackupItem &i : b.items)
            what << QStringLiteral("%1 (%2 rows)").arg(i.kind == DataAtStake::Kind::Table ? i.source() : i.source() + u'.' + i.columns.mid(i.key.size()).join(u','))
                        .arg(i.rows);
        out << "Backup " << b.id << " keeps what " << b.migrations.join(QStringLiteral(", ")) << " destroyed: " << what.join(QStringLiteral(", "))
            << " (`covet backup show " << b.id << "`, `covet backup restore " << b.id << "`)\n";
    }
    if (r->verification.done || !r->verification.countChanges.isEmpty())
        out << r->verification.toText();
    if (verificationFailed) {
        err << "covet: error: the run completed, but the database does not match what the migrations describe (see above)\n";
        return Error(Error::Category::Conflict, QString()).exitCode();
    }
    return 0;
}

} // namespace covet::cli
