#include "auditcommand.h"
#include "backupcommand.h"
#include "lintcommand.h"
#include "clicommand.h"
#include "clihelp.h"
#include "db/databaseurl.h"
#include "diffcommand.h"
#include "inspectcommand.h"
#include "migratecommand.h"
#include "rollbackcommand.h"
#include "sqlmigratecommand.h"
#include "squashcommand.h"
#include "statuscommand.h"
#include "verifycommand.h"
#include "initcommand.h"
#include "makemigrationscommand.h"
#include "reportmodule.h"
#include "terminaloutput.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <unistd.h>
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
    list.push_back(std::make_unique<LintCommand>());
    list.push_back(std::make_unique<SquashCommand>());
    list.push_back(std::make_unique<BackupCommand>());
    list.push_back(std::make_unique<AuditCommand>());
    return list;
}

} // namespace

int main(int argc, char **argv)
{
    // Qt's own warnings ("QSqlQuery::exec: database not open", "unable to
    // free statement handle" …, one per statement after a lost connection)
    // repeat what Covet reports in its own error (and QtGui's start, for a
    // report, says XDG_RUNTIME_DIR is not set); COVET_QT_WARNINGS=1 shows them.
    if (!qEnvironmentVariableIsSet("COVET_QT_WARNINGS"))
        QLoggingCategory::setFilterRules(QStringLiteral("default.warning=false"));
    std::unique_ptr<QCoreApplication> app;
    QStringList raw;
    for (int i = 0; i < argc; ++i)
        raw << QString::fromLocal8Bit(argv[i]);
    // A report's PDF is laid out by QtGui: a QGuiApplication on the
    // offscreen platform, which needs no display (a headless server), made
    // by the report module so that no other command loads QtGui. Without
    // the module the report action stops before it connects (AuditCommand),
    // naming where it looked.
    if (AuditCommand::needsGui(raw)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = ReportModule::instance().application(argc, argv);
    }
    if (!app)
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("covet"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COVET_VERSION));
    // On a terminal, control characters from outside are shown escaped.
    TerminalOutput stdoutDevice(STDOUT_FILENO);
    TerminalOutput stderrDevice(STDERR_FILENO);
    QTextStream out(&stdoutDevice);
    QTextStream err(&stderrDevice);
    const auto cmds = commands();

    QStringList args = QCoreApplication::arguments();
    const CliHelp help(cmds);
    if (args.size() < 2 || args.at(1) == u"--help" || args.at(1) == u"-h" || args.at(1) == u"help") {
        help.printHelp(out);
        return args.size() < 2 ? 2 : 0;
    }
    if (args.at(1) == u"--version" || args.at(1) == u"-V") {
        out << "covet " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    // For the build (man page and completion of the packages), not for people.
    if (args.at(1) == u"--help-man") {
        out << help.manPage();
        return 0;
    }
    if (args.at(1) == u"--help-bash-completion") {
        out << help.bashCompletion();
        return 0;
    }
    const QString name = args.at(1);
    for (const auto &cmd : cmds) {
        if (cmd->name() != name)
            continue;
        covet::CommandLineSpec parser;
        CliHelp::setUp(*cmd, parser);
        QStringList cmdArgs = args;
        cmdArgs.removeAt(1);
        cmdArgs[0] = QStringLiteral("covet ") + name;
        if (!parser.parse(cmdArgs))
            return CliCommand::usageError(parser.errorText(), err);
        if (parser.isSet(QStringLiteral("help"))) {
            out << CliHelp::commandHelp(*cmd, parser);
            return 0;
        }
        if (cmd->wantsJson(parser))
            CliCommand::setJsonErrorStream(&out);
        if (!cmd->takesArguments() && !parser.positionalArguments().isEmpty())
            return CliCommand::usageError(QStringLiteral("unexpected argument '%1'").arg(covet::DatabaseUrl::redacted(parser.positionalArguments().first())), err);
        return cmd->run(parser, out, err);
    }
    err << "covet: error: unknown command '" << name << "' (see covet --help)\n";
    return 2;
}
