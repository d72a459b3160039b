#pragma once

#include "clicommand.h"

namespace covet::cli {

// `covet rollback --to ID | --steps N [--dry-run [--execute]] [--yes] [--json]`
class RollbackCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("rollback"); }
    QString summary() const override { return QStringLiteral("Roll back applied migrations"); }
    void addOptions(CommandLineSpec &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace covet::cli
