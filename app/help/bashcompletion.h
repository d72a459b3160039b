#pragma once

#include "commandlinespec.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace covet {

// A bash completion script (for /usr/share/bash-completion/completions/)
// written from the same CommandLineSpec objects as --help: the commands of a
// program with subcommands (covet inspect, covet diff, …) or the options of a
// program without (covet-studio). Options complete after a dash; an option's
// value completes from its choices (e.g. the dialects), else as a file name,
// as do positional arguments.
class BashCompletion
{
public:
    explicit BashCompletion(const QString &program) : m_program(program) {}

    // The words completed right after the program: its subcommands and
    // global options (a program with subcommands).
    void setTopLevelWords(const QStringList &words) { m_topLevel = words; }
    // A subcommand and the options it takes.
    void addCommand(const QString &name, const CommandLineSpec &spec);
    // The options of a program without subcommands.
    void setOptions(const CommandLineSpec &spec) { m_options = describe(spec); }

    QString script() const;
    // The shell function's name: "_covet", "_covet_studio".
    QString functionName() const;

private:
    struct Options
    {
        QStringList words;   // -h --help --db …
        QList<QPair<QStringList, QStringList>> values;   // option words taking a value, and its choices
    };
    static Options describe(const CommandLineSpec &spec);
    static void writeOptions(QString &out, const Options &options, const QString &indent);

    QString m_program;
    QStringList m_topLevel;
    QList<QPair<QString, Options>> m_commands;
    Options m_options;
};

} // namespace covet
