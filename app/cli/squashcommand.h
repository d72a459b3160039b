#pragma once

#include "clicommand.h"

namespace covet::cli {

// `covet squash`: one YAML migration with `replaces:` for a range of the
// migration graph, proven before it is written (Squasher); never overwrites.
class SquashCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("squash"); }
    QString summary() const override { return QStringLiteral("Squash a range of migrations into one, proven equal before it is written"); }
    void addOptions(CommandLineSpec &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
    bool wantsJson(const QCommandLineParser &parser) const override { return parser.isSet(QStringLiteral("json")); }
};

} // namespace covet::cli
