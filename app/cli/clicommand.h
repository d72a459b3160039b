#pragma once

#include "commandlinespec.h"
#include "core/error.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace covet::cli {

// One `covet <command>`: gathers its options, calls the engine, prints the
// result. Returns the process exit code.
class CliCommand
{
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Adds the command's options to parser (help is added by the caller).
    virtual void addOptions(CommandLineSpec &parser) const = 0;
    virtual int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const = 0;
    // Whether the command takes positional arguments (it checks them itself).
    virtual bool takesArguments() const { return false; }
    // Whether the parsed options ask for JSON on stdout (then report() also
    // prints {"error": {...}} there). migrate/rollback print their own
    // JSON error events.
    virtual bool wantsJson(const QCommandLineParser &) const { return false; }
    // Where report() prints the JSON error object (nullptr: nowhere).
    static void setJsonErrorStream(QTextStream *out) { s_jsonOut = out; }

    // Prints "covet: error: ..." and returns the error's exit code.
    static int report(const Error &error, QTextStream &err);
    static int usageError(const QString &message, QTextStream &err);
    // Prints o as indented JSON: a command's --json answer.
    static void printJson(QTextStream &out, const QJsonObject &o);
    // The value of a positive-number option (fallback when it is not set);
    // nullopt after printing the usage error, then return *exitCode.
    static std::optional<int> positiveOption(const QCommandLineParser &parser, const QString &name, int fallback, QTextStream &err,
                                             int *exitCode);

    // `covet COMMAND ACTION [ID]`: the action, one of `actions`, and its
    // numeric id when it is one of `withId` (`what` names the id in the
    // usage error: "the backup"); nullopt after printing the usage error,
    // then return *exitCode.
    struct ActionArguments
    {
        QString action;
        qint64 id = 0;
    };
    static std::optional<ActionArguments> actionArguments(const QCommandLineParser &parser, const QString &command, const QStringList &actions,
                                                          const QStringList &withId, const QString &what, const QString &listCommand,
                                                          QTextStream &err, int *exitCode);

private:
    static inline QTextStream *s_jsonOut = nullptr;
};

} // namespace covet::cli
