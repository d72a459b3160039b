#include "commandlinespec.h"

#include <QCoreApplication>

namespace covet {

bool CommandLineSpec::addOption(const QCommandLineOption &option)
{
    if (!QCommandLineParser::addOption(option))
        return false;
    m_options.append(option);
    return true;
}

bool CommandLineSpec::addOptions(const QList<QCommandLineOption> &options)
{
    bool all = true;
    for (const QCommandLineOption &o : options)
        all = addOption(o) && all;
    return all;
}

QCommandLineOption CommandLineSpec::addHelpOption()
{
    const QCommandLineOption help = QCommandLineParser::addHelpOption();
    m_options.append(help);
    // Qt adds --help-all beside it (help including Qt's own options); its
    // text is Qt's, translated in Qt's context.
    m_options.append(QCommandLineOption(QStringLiteral("help-all"),
                                        QCoreApplication::translate("QCommandLineParser",
                                                                    "Displays help including Qt specific options.")));
    return help;
}

QCommandLineOption CommandLineSpec::addVersionOption()
{
    const QCommandLineOption version = QCommandLineParser::addVersionOption();
    m_options.append(version);
    return version;
}

void CommandLineSpec::addPositionalArgument(const QString &name, const QString &description, const QString &syntax)
{
    QCommandLineParser::addPositionalArgument(name, description, syntax);
    m_arguments.append({name, description, syntax});
}

void CommandLineSpec::setValueChoices(const QString &optionName, const QStringList &choices)
{
    m_choices.insert(optionName, choices);
}

QStringList CommandLineSpec::valueChoices(const QCommandLineOption &option) const
{
    for (const QString &name : option.names()) {
        const auto it = m_choices.constFind(name);
        if (it != m_choices.constEnd())
            return *it;
    }
    return {};
}

QList<QCommandLineOption> CommandLineSpec::documentedOptions() const
{
    QList<QCommandLineOption> shown;
    for (const QCommandLineOption &o : m_options)
        if (!(o.flags() & QCommandLineOption::HiddenFromHelp))
            shown.append(o);
    return shown;
}

QString CommandLineSpec::argumentSyntax() const
{
    QStringList parts;
    for (const Argument &a : m_arguments)
        parts << (a.syntax.isEmpty() ? a.name : a.syntax);
    return parts.join(u' ');
}

} // namespace covet
