#pragma once

#include "clicommand.h"

namespace covet::cli {

// `covet backup list|show ID|verify ID|restore ID|drop ID|prune [--json] [--yes]`:
// the backups Covet takes before a run destroys data (engine/safety).
class BackupCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("backup"); }
    QString summary() const override { return QStringLiteral("List, verify, restore and drop the backups taken before data was destroyed"); }
    void addOptions(CommandLineSpec &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
    bool takesArguments() const override { return true; }
    bool wantsJson(const QCommandLineParser &parser) const override { return parser.isSet(QStringLiteral("json")); }
};

} // namespace covet::cli
