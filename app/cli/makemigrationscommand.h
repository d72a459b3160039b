#pragma once

#include "clicommand.h"

namespace covet::cli {

// covet makemigrations [--models FILE] [--name NAME] [--empty] [--merge]
//                      [--no-input] [--renames FILE] [--check] [--config PATH]
// Replays the migrations into a schema in memory, diffs it against the
// models file (or a .sql DDL file) and writes the next migration. Rename
// candidates are asked about on a terminal, and the answers are saved
// into the --renames FILE (default: renames.yaml beside covet.yaml);
// without a terminal (or with --no-input) the threshold, renamed_from
// hints and --renames decide.
// --check writes nothing and exits 1 when models and migrations disagree.
class MakeMigrationsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("makemigrations"); }
    QString summary() const override { return QStringLiteral("Write the next migration from the models file"); }
    void addOptions(CommandLineSpec &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace covet::cli
