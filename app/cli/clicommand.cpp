#include "clicommand.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace covet::cli {

int CliCommand::report(const Error &error, QTextStream &err)
{
    if (s_jsonOut) {
        const QJsonObject e{{QStringLiteral("message"), error.toString()},
                            {QStringLiteral("category"), error.categoryName()},
                            {QStringLiteral("exit_code"), error.exitCode()}};
        *s_jsonOut << QJsonDocument(QJsonObject{{QStringLiteral("error"), e}}).toJson(QJsonDocument::Indented);
        s_jsonOut->flush();
    }
    err << "covet: error: " << error.toString() << '\n';
    err.flush();
    return error.exitCode();
}

void CliCommand::printJson(QTextStream &out, const QJsonObject &o)
{
    out << QJsonDocument(o).toJson(QJsonDocument::Indented);
}

int CliCommand::usageError(const QString &message, QTextStream &err)
{
    return report(Error(Error::Category::InvalidInput, message + QStringLiteral(" (see --help)")), err);
}

std::optional<int> CliCommand::positiveOption(const QCommandLineParser &parser, const QString &name, int fallback, QTextStream &err,
                                              int *exitCode)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (ok && value >= 1)
        return value;
    *exitCode = usageError(QStringLiteral("--%1 must be a positive number, got '%2'").arg(name, parser.value(name)), err);
    return std::nullopt;
}

std::optional<CliCommand::ActionArguments> CliCommand::actionArguments(const QCommandLineParser &parser, const QString &command,
                                                                     const QStringList &actions, const QStringList &withId, const QString &what,
                                                                     const QString &listCommand, QTextStream &err, int *exitCode)
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty() || !actions.contains(args.first())) {
        *exitCode = usageError(QStringLiteral("say what to do: covet %1 %2").arg(command, actions.join(u'|')), err);
        return std::nullopt;
    }
    ActionArguments a{args.first()};
    const bool needsId = withId.contains(a.action);
    if (needsId != (args.size() == 2) || args.size() > 2) {
        *exitCode = usageError(needsId ? QStringLiteral("covet %1 %2 needs %3's id").arg(command, a.action, what)
                                       : QStringLiteral("covet %1 %2 takes no id").arg(command, a.action),
                               err);
        return std::nullopt;
    }
    if (needsId) {
        bool ok = false;
        a.id = args.at(1).toLongLong(&ok);
        if (!ok || a.id <= 0) {
            *exitCode = usageError(QStringLiteral("'%1' is not an id (a number; see `%2`)").arg(args.at(1), listCommand), err);
            return std::nullopt;
        }
    }
    return a;
}

} // namespace covet::cli
