#pragma once

#include "../schema/schema.h"

#include <QSet>
#include <QString>

#include <optional>

namespace covet {

// What makes two schemas from different sources (a live database, a models
// file, a DDL file) comparable: databases rewrite what they are given
// (PostgreSQL adds parentheses and casts, MySQL lower-cases and quotes, a
// UNIQUE constraint is a unique index in MySQL), so the Differ, the GUI and
// the round-trip tests compare through these rules, never textually.
class SchemaNormalizer
{
public:
    explicit SchemaNormalizer(std::optional<Dialect> dialect = {}) : m_dialect(dialect) {}

    std::optional<Dialect> dialect() const { return m_dialect; }

    // A comparison key for an SQL expression (default, check, index
    // expression, partial-index predicate, generated column, view body):
    // whitespace, letter case outside string literals, identifier quotes,
    // PostgreSQL ::casts, redundant parentheses and a trailing ';' are
    // ignored; MySQL view column aliases too. Not SQL any more: compare only.
    QString expression(const QString &sql) const;
    // A default: also NULL == no default, numeric literals by value ('0.00' == 0),
    // CURRENT_TIMESTAMP() == CURRENT_TIMESTAMP.
    QString defaultValue(const std::optional<QString> &expr) const;
    static QString indexMethod(const QString &method);   // lower case, "" for btree
    // The schema in the shape the Differ compares: canonical order; MySQL
    // unique constraints as unique indexes; column collation/charset equal
    // to the table's default left empty; enum columns of a named (PostgreSQL)
    // enum type compared by name, their values living in the enum type.
    Schema comparable(Schema schema) const;
    // The actual (inspected) side without what the database made by itself
    // and the desired side does not ask for, both sides comparable():
    // - a desired side without namespaces covers only the default namespace
    //   (the URL's ?schema=, else the search_path schema): the actual side's
    //   other namespaces and what is in them are left out, never dropped;
    // - SQLite: the AUTOINCREMENT primary key is always INTEGER (its only
    //   rowid alias type), so any integer type the desired side gives it;
    // - MySQL/MariaDB: the index InnoDB creates for a foreign key (named
    //   after the constraint, over its columns, no other index starting
    //   with them) when the desired side has the key but not that index.
    Schema alignedActual(Schema actual, const Schema &desired) const;

    bool sameColumn(const Column &a, const Column &b) const;
    bool sameIndex(const Index &a, const Index &b) const;
    bool sameForeignKey(const ForeignKey &a, const ForeignKey &b) const;   // names ignored for SQLite
    bool sameCheck(const Check &a, const Check &b) const;
    bool sameTrigger(const Trigger &a, const Trigger &b) const;
    bool sameView(const View &a, const View &b) const;
    bool samePrimaryKey(const std::optional<PrimaryKey> &a, const std::optional<PrimaryKey> &b) const;

private:
    std::optional<Dialect> m_dialect;
};

} // namespace covet
