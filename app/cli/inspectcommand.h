#pragma once

#include "clicommand.h"

namespace covet::cli {

// covet inspect --db URL | --from FILE [--dialect D] [--format json|yaml|sql]
class InspectCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("inspect"); }
    QString summary() const override { return QStringLiteral("Print the schema of a database or a schema file"); }
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace covet::cli
