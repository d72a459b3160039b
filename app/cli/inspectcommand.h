#pragma once

#include "clicommand.h"

namespace covet::cli {

// covet inspect --db URL | --from FILE [--dialect D] [--format json|yaml|sql]
class InspectCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("inspect"); }
    QString summary() const override { return QStringLiteral("Print the schema of a database or a schema file"); }
    void addOptions(CommandLineSpec &parser) const override;
    // Only an explicit --format json (the default output is JSON too, but a
    // failing default run keeps stdout empty).
    bool wantsJson(const QCommandLineParser &parser) const override
    {
        return parser.isSet(QStringLiteral("format")) && parser.value(QStringLiteral("format")).compare(u"json", Qt::CaseInsensitive) == 0;
    }
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace covet::cli
