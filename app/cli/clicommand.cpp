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

} // namespace covet::cli
