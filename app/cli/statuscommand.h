#pragma once

#include "clicommand.h"

namespace covet::cli {

// `covet status [--json]`: applied, pending, modified and missing migrations.
class StatusCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override { return QStringLiteral("List applied, pending, modified and missing migrations"); }
    void addOptions(CommandLineSpec &parser) const override;
    bool wantsJson(const QCommandLineParser &parser) const override { return parser.isSet(QStringLiteral("json")); }
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace covet::cli
