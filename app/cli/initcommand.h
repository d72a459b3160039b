#pragma once

#include "clicommand.h"

namespace covet::cli {

// covet init [--dialect D] [--db URL] [--models FILE] [--migrations DIR] [--config PATH]
// Creates covet.yaml (in the working directory, or at --config) and the
// migrations directory. Refuses to overwrite an existing covet.yaml.
class InitCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("init"); }
    QString summary() const override { return QStringLiteral("Create covet.yaml and the migrations directory"); }
    void addOptions(CommandLineSpec &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace covet::cli
