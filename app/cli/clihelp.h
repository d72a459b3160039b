#pragma once

#include "clicommand.h"

#include <QString>
#include <QTextStream>

#include <memory>
#include <vector>

namespace covet::cli {

// Everything `covet --help` and `covet <command> --help` say, and the two
// documents written from the same source: the manual page covet(1)
// (`covet --help-man`) and the bash completion (`covet --help-bash-completion`).
// The commands' options come from their addOptions(); the words around them
// (global options, database URLs, passwords, exit codes) from the tables here.
class CliHelp
{
public:
    using Commands = std::vector<std::unique_ptr<CliCommand>>;

    explicit CliHelp(const Commands &commands) : m_commands(commands) {}

    // The parser of one command, with --help; its options are recorded.
    static void setUp(const CliCommand &command, CommandLineSpec &parser);
    // `covet <command> --help`.
    static QString commandHelp(const CliCommand &command, const CommandLineSpec &parser);

    void printHelp(QTextStream &out) const;   // `covet --help`
    QString manPage() const;                  // covet(1), roff
    QString bashCompletion() const;

private:
    const Commands &m_commands;
};

} // namespace covet::cli
