#include "error.h"

namespace covet {

QString Error::categoryName() const
{
    switch (m_category) {
    case Category::InvalidInput: return QStringLiteral("invalid input");
    case Category::NotFound: return QStringLiteral("not found");
    case Category::Connection: return QStringLiteral("connection");
    case Category::Database: return QStringLiteral("database");
    case Category::Conflict: return QStringLiteral("conflict");
    case Category::Unsupported: return QStringLiteral("unsupported");
    case Category::Cancelled: return QStringLiteral("cancelled");
    case Category::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

QString Error::toString() const
{
    if (m_location.isEmpty())
        return m_message;
    return m_location + QStringLiteral(": ") + m_message;
}

int Error::exitCode() const
{
    switch (m_category) {
    case Category::InvalidInput: return 2;
    case Category::NotFound: return 3;
    case Category::Connection: return 4;
    case Category::Database: return 5;
    case Category::Conflict: return 6;
    case Category::Unsupported: return 7;
    case Category::Cancelled: return 8;
    case Category::Internal: return 9;
    }
    return 9;
}

Error Error::withContext(const QString &context) const
{
    Error e = *this;
    e.m_location = m_location.isEmpty() ? context : context + QStringLiteral(", ") + m_location;
    return e;
}

} // namespace covet
