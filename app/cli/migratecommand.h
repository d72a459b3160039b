#pragma once

#include "clicommand.h"

#include "db/connection.h"
#include "migrations/migrationrepository.h"
#include "runner/migrationrunner.h"
#include "migrations/projectconfig.h"

#include <memory>

namespace covet::cli {

// `covet migrate [--to ID] [--dry-run [--execute]] [--fake] [--yes] [--accept-risk] [--resume] [--json]`
// Also holds what the migration commands share: finding covet.yaml and the
// target database (--config, --db, --environment) and the confirmation rule.
class MigrateCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("migrate"); }
    QString summary() const override { return QStringLiteral("Apply pending migrations to a database"); }
    void addOptions(CommandLineSpec &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;

    // The project, its migrations and (when connect) an open connection.
    struct Target
    {
        ProjectConfig config;
        QString environment;
        QString url;
        bool confirm = false;
        MigrationRepository repository;
        std::unique_ptr<Connection> connection;
        QString notice;   // said on stderr as a warning (e.g. a SQLite file that does not exist yet)
    };
    // What openTarget does with a SQLite file that does not exist.
    enum class MissingSqlite {
        Create,      // migrate: creates it
        Error,       // rollback: a NotFound error
        ReadEmpty,   // status, verify: read an empty in-memory stand-in, create nothing, say so
    };
    static void addTargetOptions(CommandLineSpec &parser);
    static Result<Target> openTarget(const QCommandLineParser &parser, bool connect = true,
                                     MissingSqlite missing = MissingSqlite::Error);
    // For an environment that needs confirmation, or a run that destroys
    // data: --yes, or a typed confirmation on a terminal; else an error.
    static Status confirm(const Target &target, const QCommandLineParser &parser, QTextStream &out, bool destroysData);
    // --dry-run, --execute, --yes, --accept-risk, --resume, --json.
    static void addRunOptions(CommandLineSpec &parser);
    static Result<int> lockTimeout(const QCommandLineParser &parser);
    // --to, --dry-run, --execute, --accept-risk, --resume and the
    // environment's run settings (ProjectConfig::runSettings).
    static RunOptions runOptions(const Target &target, const QCommandLineParser &parser, int lockTimeoutMs);
    // What migrate and rollback share: opens the target, asks for
    // confirmation, runs (forward: migrate, with --fake; else rollback of
    // `steps` or --to) with a ProgressPrinter, prints the result (text or
    // --json). Returns the exit code.
    static int execute(const QCommandLineParser &parser, QTextStream &out, QTextStream &err, bool forward, int steps = 0);
};

} // namespace covet::cli
