#include "migratecommand.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace covet::cli {

namespace {

void jsonLine(QTextStream &out, const QJsonObject &o)
{
    out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
}

} // namespace

void MigrateCommand::addTargetOptions(QCommandLineParser &p)
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

Result<MigrateCommand::Target> MigrateCommand::openTarget(const QCommandLineParser &p, bool connect)
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
        auto c = Connection::open(t.url, QStringLiteral("migrate"));
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

bool MigrateCommand::confirmed(const Target &t, const QCommandLineParser &p, QTextStream &out, QTextStream &err)
{
    if (!t.confirm || p.isSet(QStringLiteral("yes")))
        return true;
    if (isatty(STDIN_FILENO)) {
        out << "Environment '" << t.environment << "' needs confirmation. Type its name to continue: ";
        out.flush();
        QTextStream in(stdin);
        if (in.readLine().trimmed() == t.environment)
            return true;
    }
    err << "covet: error: environment '" << t.environment
        << "' requires confirmation: pass --yes (or type the environment name on a terminal); nothing was run\n";
    return false;
}

void MigrateCommand::addOptions(QCommandLineParser &p) const
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
    auto timeout = lockTimeout(p);
    if (!timeout)
        return report(timeout.error(), err);
    auto target = openTarget(p);
    if (!target)
        return report(target.error(), err);
    const bool dry = p.isSet(QStringLiteral("dry-run"));
    const bool json = p.isSet(QStringLiteral("json"));
    if (!dry && !confirmed(*target, p, out, err))
        return 2;
    RunOptions o = runOptions(*target, p, *timeout);
    o.fake = p.isSet(QStringLiteral("fake"));
    QElapsedTimer timer;
    timer.start();
    ProgressSink sink;
    sink.progress = [&](int done, int total, const QString &what) {
        if (what.isEmpty())
            return;
        if (json)
            jsonLine(out, QJsonObject{{QStringLiteral("event"), QStringLiteral("migration")}, {QStringLiteral("id"), what},
                                      {QStringLiteral("index"), done + 1}, {QStringLiteral("total"), total},
                                      {QStringLiteral("elapsed_ms"), double(timer.elapsed())}});
    };
    sink.log = [&](const QString &line) {
        if (json)
            jsonLine(out, QJsonObject{{QStringLiteral("event"), QStringLiteral("log")}, {QStringLiteral("message"), line},
                                      {QStringLiteral("elapsed_ms"), double(timer.elapsed())}});
        else
            err << line << "  (" << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s)\n";
        err.flush();
    };
    o.progress = &sink;
    MigrationRunner runner(*target->connection, target->repository);
    auto r = runner.migrate(o);
    if (!r) {
        if (json)
            jsonLine(out, QJsonObject{{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), r.error().toString()}});
        return report(r.error(), err);
    }
    for (const QString &w : r->warnings)
        err << "covet: warning: " << w << '\n';
    if (json) {
        jsonLine(out, QJsonObject{{QStringLiteral("event"), QStringLiteral("done")},
                                  {QStringLiteral("applied"), QJsonArray::fromStringList(r->done)},
                                  {QStringLiteral("skipped"), QJsonArray::fromStringList(r->skipped)},
                                  {QStringLiteral("dry_run"), dry},
                                  {QStringLiteral("sql"), dry ? r->sql : QString()},
                                  {QStringLiteral("elapsed_ms"), double(timer.elapsed())}});
        return 0;
    }
    if (dry) {
        out << (r->sql.isEmpty() ? QStringLiteral("-- nothing to apply\n") : r->sql);
        if (r->executedDryRun)
            out << "-- dry run: the SQL above was executed in a transaction and rolled back; nothing was changed\n";
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
