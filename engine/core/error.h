#pragma once

#include <QString>
#include <QStringList>

#include <expected>

namespace covet {

// An error as a value at the engine's API: a short category, a message a DBA
// can act on (what, where, what to do) and an optional location.
class Error
{
public:
    enum class Category {
        InvalidInput,    // malformed file, bad URL, unknown type, bad option
        NotFound,        // file, table, migration, driver missing
        Connection,      // unreachable server, wrong password, missing driver
        Database,        // a statement failed on the server
        Conflict,        // migration graph conflicts, checksum mismatch, lock held
        Unsupported,     // the dialect or version cannot do this
        Cancelled,       // the user cancelled
        Internal,        // a bug in Covet
    };

    Error() = default;
    Error(Category category, QString message, QString location = {})
        : m_category(category), m_message(std::move(message)), m_location(std::move(location)) {}

    Category category() const { return m_category; }
    QString message() const { return m_message; }
    // Where the problem is: "models.yaml:12", "table public.orders", a statement.
    QString location() const { return m_location; }
    QString categoryName() const;

    // "location: message" or the message alone.
    QString toString() const;

    // The exit code the CLI uses for this error (always >= 2).
    int exitCode() const;

    Error withContext(const QString &context) const;

    // The statement the server refused, in full (empty when the error is not
    // a failed statement). SqlExecutor sets it; wrappers keep it, so a GUI
    // can show it apart from the message.
    QString statement() const { return m_statement; }
    Error withStatement(const QString &statement) const
    {
        Error e = *this;
        e.m_statement = statement;
        return e;
    }

    bool operator==(const Error &) const = default;

private:
    Category m_category = Category::Internal;
    QString m_message;
    QString m_location;
    QString m_statement;
};

template <typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Error::Category c, const QString &message, const QString &location = {})
{
    return std::unexpected<Error>(Error(c, message, location));
}

} // namespace covet
