#include "migratecommand.h"

#include "progressprinter.h"

#include <QDir>
#include <QSet>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace covet::cli {

namespace {

// Ctrl-C / SIGTERM during a run: the first asks the runner to stop before
// its next operation (the migration's transaction is rolled back, or its
// done steps undone); a second one ends the process at once, which the
// database survives too (an uncommitted transaction is discarded).
std::atomic_bool g_cancel{false};

extern "C" void onStopSignal(int signal)
{
    if (g_cancel.exchange(true)) {
        std::signal(signal, SIG_DFL);
        std::raise(signal);
        return;
    }
    static const char kMessage[] = "\ncovet: stopping after the current operation (again to stop at once)\n";
    (void)!write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
}

// Installs the handlers for its lifetime.
class StopSignals
{
public:
    StopSignals()
    {
        g_cancel = false;
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

void MigrateCommand::warnAboutDestructiveChanges(const Target &t, const QString &upTo, QTextStream &err)
{
    if (!t.config.backupsBeforeDestructive() || !t.connection || !t.repository.errors().isEmpty())
        return;
    SqlExecutor sql(t.connection->database(), t.connection->dialect());
    auto applied = MigrationHistory::load(sql);
    if (!applied)
        return;   // the run itself reports what is wrong
    QSet<QString> done;
    for (const AppliedMigration &a : *applied)
        done.insert(a.id);
    QStringList lines;
    for (const Migration &m : t.repository.migrations()) {
        if (!done.contains(m.id))
            for (const QString &change : m.destructiveChanges())
                lines << QStringLiteral("  %1 %2").arg(m.id, change);
        if (m.id == upTo)
            break;
    }
    if (lines.isEmpty())
        return;
    err << "covet: warning: pending migrations destroy data:\n" << lines.join(u'\n') << '\n'
        << "covet: warning: covet.yaml asks for a backup before destructive changes (backups.before_destructive), and this "
           "version of Covet does not take backups itself yet: back the database up before you confirm.\n";
    err.flush();
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
    o.environment = t.environment;
    o.audit = t.config.auditLog();
    o.lockTimeoutMs = lockTimeoutMs;
    return o;
}

Status MigrateCommand::confirm(const Target &t, const QCommandLineParser &p, QTextStream &out)
{
    if (!t.confirm || p.isSet(QStringLiteral("yes")))
        return {};
    if (isatty(STDIN_FILENO)) {
        out << "Environment '" << t.environment << "' needs confirmation. Type its name to continue: ";
        out.flush();
        QTextStream in(stdin);
        if (in.readLine().trimmed() == t.environment)
            return {};
    }
    return fail(Error::Category::InvalidInput,
                QStringLiteral("environment '%1' requires confirmation: pass --yes (or type the environment name on a terminal); nothing was run")
                    .arg(t.environment));
}

void MigrateCommand::addOptions(CommandLineSpec &p) const
{
    addTargetOptions(p);
    p.addOption({QStringLiteral("to"), QStringLiteral("Apply up to and including this migration."), QStringLiteral("id")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Print the SQL; change nothing.")});
    p.addOption({QStringLiteral("execute"), QStringLiteral("With --dry-run (PostgreSQL, SQLite): run the SQL in a transaction that is rolled back.")});
    p.addOption({QStringLiteral("fake"), QStringLiteral("Record the migrations as applied without running them.")});
    p.addOption({QStringLiteral("yes"), QStringLiteral("Confirm applying to an environment that requires confirmation.")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Progress and result as JSON lines.")});
}

int MigrateCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    return execute(p, out, err, true);
}

int MigrateCommand::execute(const QCommandLineParser &p, QTextStream &out, QTextStream &err, bool forward, int steps)
{
    const bool dry = p.isSet(QStringLiteral("dry-run"));
    const bool json = p.isSet(QStringLiteral("json"));
    QElapsedTimer timer;
    timer.start();
    // With --json every failure is also an "error" event on stdout.
    // A refused dry run still shows the SQL it would have run (sql).
    auto failed = [&](const Error &e, const QString &sql = QString()) {
        if (json) {
            QJsonObject event{{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), e.toString()},
                              {QStringLiteral("exit_code"), e.exitCode()}, {QStringLiteral("elapsed_ms"), double(timer.elapsed())}};
            if (!sql.isEmpty())
                event.insert(QStringLiteral("sql"), sql);
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
    auto target = openTarget(p, true, forward ? MissingSqlite::Create : MissingSqlite::Error);
    if (!target)
        return failed(target.error());
    if (forward && !dry && !json)
        warnAboutDestructiveChanges(*target, p.value(QStringLiteral("to")), err);
    if (!dry)
        if (auto ok = confirm(*target, p, out); !ok)
            return failed(ok.error());
    RunOptions o = runOptions(*target, p, *timeout);
    o.fake = forward && p.isSet(QStringLiteral("fake"));
    o.steps = steps;
    const StopSignals stopSignals;
    ProgressPrinter printer(ProgressPrinter::modeFor(json), forward, out, err);
    printer.setCancelFlag(&g_cancel);
    if (o.fake)
    {
        printer.setActiveVerb(QStringLiteral("faking"));
        printer.setFinishedVerb(QStringLiteral("faked"));
    }
    o.progress = printer.sink();
    MigrationRunner runner(*target->connection, target->repository);
    auto r = forward ? runner.migrate(o) : runner.rollback(o);
    printer.stop();
    if (!r)
        return failed(r.error(), dry ? runner.lastReport().sql : QString());
    for (const QString &w : r->warnings)
        err << "covet: warning: " << w << '\n';
    err.flush();
    if (json) {
        QJsonObject done{{QStringLiteral("event"), QStringLiteral("done")},
                         {forward ? QStringLiteral("applied") : QStringLiteral("rolled_back"), QJsonArray::fromStringList(r->done)},
                         {QStringLiteral("dry_run"), dry},
                         {QStringLiteral("sql"), dry ? r->sql : QString()},
                         {QStringLiteral("elapsed_ms"), double(timer.elapsed())}};
        if (forward)
            done.insert(QStringLiteral("skipped"), QJsonArray::fromStringList(r->skipped));
        if (dry)
            done.insert(QStringLiteral("executed"), r->executedDryRun);
        ProgressPrinter::jsonLine(out, done);
        return 0;
    }
    if (dry) {
        out << (r->sql.isEmpty() ? (forward ? QStringLiteral("-- nothing to apply\n") : QStringLiteral("-- nothing to roll back\n")) : r->sql);
        if (r->executedDryRun)
            out << "-- dry run: the SQL above was executed in a transaction and rolled back; nothing was changed\n";
        return 0;
    }
    if (!forward) {
        if (r->done.isEmpty())
            out << "Nothing to roll back.\n";
        for (const QString &id : r->done)
            out << "Rolled back " << id << '\n';
        return 0;
    }
    if (r->done.isEmpty() && r->skipped.isEmpty())
        out << "Nothing to apply: the database is up to date.\n";
    for (const QString &id : r->done)
        out << (o.fake ? "Faked " : "Applied ") << id << '\n';
    for (const QString &id : r->skipped)
        out << "Skipped " << id << " (applied meanwhile by another runner)\n";
    return 0;
}

} // namespace covet::cli
