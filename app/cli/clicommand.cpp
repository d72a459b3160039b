#include "clicommand.h"

namespace covet::cli {

int CliCommand::report(const Error &error, QTextStream &err)
{
    err << "covet: error: " << error.toString() << '\n';
    err.flush();
    return error.exitCode();
}

int CliCommand::usageError(const QString &message, QTextStream &err)
{
    return report(Error(Error::Category::InvalidInput, message + QStringLiteral(" (see --help)")), err);
}

} // namespace covet::cli
