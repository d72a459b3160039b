#pragma once

#include "../schema/dialect.h"

#include <QString>

#include <array>

namespace covet {

// The text of a statement that depends on nothing but the dialect (Covet's
// own tables, quoted per dialect), built once per dialect and process:
// history and audit rows are written once per migration, and building
// their text (quoting, joining, arg()) cost more than SQLite's insert.
//   static const DialectText insert([](Dialect d) { return ...; });
//   sql.execPrepared(insert.of(sql.dialect()), binds);
class DialectText
{
public:
    // build is called three times, here and never again (so it may refer
    // to locals of the caller's scope).
    template <typename Build>
    explicit DialectText(Build build)
        : m_text{build(Dialect::SQLite), build(Dialect::PostgreSQL), build(Dialect::MySQL)}
    {
    }
    const QString &of(Dialect d) const
    {
        static_assert(static_cast<size_t>(Dialect::MySQL) == 2, "DialectText holds one text per Dialect: add the new one");
        return m_text[static_cast<size_t>(d)];
    }

private:
    std::array<QString, 3> m_text;
};

} // namespace covet
