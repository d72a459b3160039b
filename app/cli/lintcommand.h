#pragma once

#include "clicommand.h"

namespace covet::cli {

// `covet lint [FILE...] [--fail-on LEVEL] [--rollback [--to ID | --steps N]] [--json]`:
// the risk of the pending migrations (or of the named ones, or of a
// rollback), graded by the live database — a CI gate. Exit 1 when an
// unacknowledged finding reaches --fail-on (default safety.fail_on, else high).
class LintCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("lint"); }
    QString summary() const override { return QStringLiteral("Check what pending migrations (or a rollback) put at risk, graded by the live data"); }
    void addOptions(CommandLineSpec &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
    bool takesArguments() const override { return true; }
    bool wantsJson(const QCommandLineParser &parser) const override { return parser.isSet(QStringLiteral("json")); }
};

} // namespace covet::cli
