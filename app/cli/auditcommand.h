#pragma once

#include "clicommand.h"

#include "audit/auditfilter.h"

namespace covet::cli {

// `covet audit list|show ID|verify|stats|alerts|report`: the audit log
// (_covet_migration_audit) read, proven and summed up (engine/audit).
//
// Exit codes: 0; 6 when `verify` (or a report) finds the chain broken;
// 10 when `stats` or `alerts` finds an alert threshold crossed; the usual
// error codes otherwise (2 bad input, 3 not found, 4 connection, 5 database).
class AuditCommand : public CliCommand
{
public:
    static constexpr int kAlertExitCode = 10;

    QString name() const override { return QStringLiteral("audit"); }
    QString summary() const override { return QStringLiteral("Read, verify and report on the audit log of every execution"); }
    void addOptions(CommandLineSpec &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
    bool takesArguments() const override { return true; }
    bool wantsJson(const QCommandLineParser &parser) const override { return parser.isSet(QStringLiteral("json")); }

    // The filter options (--since, --until, --env, --migration, --user,
    // --status, --direction, --search).
    static Result<AuditFilter> filter(const QCommandLineParser &parser);
    // Whether argv asks for a report (main() then starts a QGuiApplication
    // on the offscreen platform, for PDF).
    static bool needsGui(const QStringList &args);
};

} // namespace covet::cli
