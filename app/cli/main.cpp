#include "backupcommand.h"
#include "clicommand.h"
#include "diffcommand.h"
#include "inspectcommand.h"
#include "migratecommand.h"
#include "rollbackcommand.h"
#include "sqlmigratecommand.h"
#include "statuscommand.h"
#include "verifycommand.h"
#include "initcommand.h"
#include "makemigrationscommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace covet::cli;

namespace {

std::vector<std::unique_ptr<CliCommand>> commands()
{
    std::vector<std::unique_ptr<CliCommand>> list;
    list.push_back(std::make_unique<InspectCommand>());
    list.push_back(std::make_unique<DiffCommand>());
    list.push_back(std::make_unique<MigrateCommand>());
    list.push_back(std::make_unique<RollbackCommand>());
    list.push_back(std::make_unique<StatusCommand>());
    list.push_back(std::make_unique<VerifyCommand>());
    list.push_back(std::make_unique<SqlMigrateCommand>());
    list.push_back(std::make_unique<InitCommand>());
    list.push_back(std::make_unique<MakeMigrationsCommand>());
    list.push_back(std::make_unique<BackupCommand>());
    return list;
}

void printHelp(QTextStream &out, const std::vector<std::unique_ptr<CliCommand>> &cmds)
{
    out << "Usage: covet <command> [options]\n\n"
           "Covet: schema migrations for PostgreSQL, MySQL/MariaDB and SQLite.\n\n"
           "Commands:\n";
    qsizetype width = 0;
    for (const auto &c : cmds)
        width = std::max(width, c->name().size());
    for (const auto &c : cmds)
        out << "  " << c->name().leftJustified(width + 2) << c->summary() << '\n';
    out << "\nGlobal options:\n"
           "  --help, -h    Show this help; `covet <command> --help` for a command's options\n"
           "  --version     Show the version\n\n"
           "Database URLs: sqlite:path/to/file.db, sqlite::memory:,\n"
           "  postgresql://user@host:port/db?schema=s&sslmode=require, mysql://user@host:port/db (or mariadb://).\n"
           "Passwords come from the URL, PGPASSWORD, COVET_PASSWORD or ~/.pgpass, and are never printed.\n\n"
           "Exit codes: 0 success, 1 differences found (diff, check), 2 invalid input, 3 not found,\n"
           "  4 connection failed, 5 database error, 6 conflict, 7 unsupported, 8 cancelled, 9 internal error.\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("covet"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COVET_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto cmds = commands();

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.at(1) == u"--help" || args.at(1) == u"-h" || args.at(1) == u"help") {
        printHelp(out, cmds);
        return args.size() < 2 ? 2 : 0;
    }
    if (args.at(1) == u"--version" || args.at(1) == u"-V") {
        out << "covet " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    const QString name = args.at(1);
    for (const auto &cmd : cmds) {
        if (cmd->name() != name)
            continue;
        QCommandLineParser parser;
        parser.setApplicationDescription(cmd->summary());
        // Our own --help: Qt's adds --help-all (Qt's options) and prints
        // the executable's absolute path.
        parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
        cmd->addOptions(parser);
        QStringList cmdArgs = args;
        cmdArgs.removeAt(1);
        cmdArgs[0] = QStringLiteral("covet ") + name;
        if (!parser.parse(cmdArgs))
            return CliCommand::usageError(parser.errorText(), err);
        if (parser.isSet(QStringLiteral("help"))) {
            QString help = parser.helpText();
            const qsizetype lineEnd = help.indexOf(u'\n');
            const QString usage = help.left(lineEnd);
            const qsizetype options = usage.indexOf(QStringLiteral(" [options]"));
            help.replace(0, options < 0 ? lineEnd : options, QStringLiteral("Usage: covet ") + name);
            out << help;
            return 0;
        }
        if (cmd->wantsJson(parser))
            CliCommand::setJsonErrorStream(&out);
        if (!cmd->takesArguments() && !parser.positionalArguments().isEmpty())
            return CliCommand::usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()), err);
        return cmd->run(parser, out, err);
    }
    err << "covet: error: unknown command '" << name << "' (see covet --help)\n";
    return 2;
}
