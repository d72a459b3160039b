#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace covet {

// A QCommandLineParser that also remembers what was added to it: the options
// and the positional arguments, in order. `--help` prints the parser's own
// help text; the manual page and the shell completion are written from the
// very same QCommandLineOption objects (ManPage, BashCompletion), so they
// cannot drift apart.
//
// Add through a CommandLineSpec reference, not a QCommandLineParser one: the
// base class's methods are not virtual, so an option added through the base
// would reach --help but not the manual (tests/cli/tst_clidocs catches that).
class CommandLineSpec : public QCommandLineParser
{
public:
    struct Argument
    {
        QString name;
        QString description;
        QString syntax;   // as shown in the usage line; the name when empty
    };

    bool addOption(const QCommandLineOption &option);
    bool addOptions(const QList<QCommandLineOption> &options);
    QCommandLineOption addHelpOption();
    QCommandLineOption addVersionOption();
    void addPositionalArgument(const QString &name, const QString &description, const QString &syntax = QString());

    // Values the shell may complete for an option's value (e.g. the dialects);
    // without them a value completes as a file name.
    void setValueChoices(const QString &optionName, const QStringList &choices);
    QStringList valueChoices(const QCommandLineOption &option) const;

    // Everything added, in order; documentedOptions() leaves out the
    // options hidden from --help.
    const QList<QCommandLineOption> &allOptions() const { return m_options; }
    QList<QCommandLineOption> documentedOptions() const;
    const QList<Argument> &arguments() const { return m_arguments; }
    // The positional arguments as the usage line shows them, e.g. "[target]".
    QString argumentSyntax() const;

private:
    QList<QCommandLineOption> m_options;
    QList<Argument> m_arguments;
    QHash<QString, QStringList> m_choices;
};

} // namespace covet
