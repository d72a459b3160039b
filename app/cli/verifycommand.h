#pragma once

#include "clicommand.h"

namespace covet::cli {

// `covet verify`: every applied migration's file is present and unchanged;
// exits non-zero on any mismatch.
class VerifyCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("verify"); }
    QString summary() const override { return QStringLiteral("Check applied migrations against their files (checksums)"); }
    void addOptions(CommandLineSpec &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace covet::cli
