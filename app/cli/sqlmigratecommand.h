#pragma once

#include "clicommand.h"

namespace covet::cli {

// `covet sqlmigrate ID [--backwards]`: the SQL of one migration.
class SqlMigrateCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("sqlmigrate"); }
    QString summary() const override { return QStringLiteral("Print the SQL of one migration"); }
    void addOptions(CommandLineSpec &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
    bool takesArguments() const override { return true; }
};

} // namespace covet::cli
