#pragma once

#include "clicommand.h"

namespace covet::cli {

// covet diff --from SRC --to SRC [--dialect D] [--dev-url URL]
//            [--format sql|json|text] [--rename-threshold X] [--no-renames] [--renames FILE]
// Exit 0 when the schemas are equal, 1 when they differ, >= 2 on errors.
class DiffCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("diff"); }
    QString summary() const override { return QStringLiteral("Compare two schemas and print the operations (or SQL) between them"); }
    void addOptions(CommandLineSpec &parser) const override;
    bool wantsJson(const QCommandLineParser &parser) const override { return parser.value(QStringLiteral("format")).compare(u"json", Qt::CaseInsensitive) == 0; }
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace covet::cli
