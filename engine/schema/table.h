#pragma once

#include "check.h"
#include "column.h"
#include "foreignkey.h"
#include "index.h"
#include "primarykey.h"
#include "trigger.h"
#include "uniqueconstraint.h"
#include "qualifiedname.h"

#include <QList>
#include <QString>

#include <optional>

namespace covet {

struct Table
{
    QString schema;        // namespace; empty means the connection's default schema
    QString name;
    QList<Column> columns; // in ordinal order
    std::optional<PrimaryKey> primaryKey;
    QList<UniqueConstraint> uniques;
    QList<Index> indexes;
    QList<ForeignKey> foreignKeys;
    QList<Check> checks;
    QList<Trigger> triggers;
    QString comment;
    bool withoutRowid = false;  // SQLite WITHOUT ROWID
    QString engine;             // MySQL storage engine
    QString charset;            // MySQL default character set
    QString collation;          // MySQL default collation

    QString qualifiedName() const { return covet::qualifiedName(schema, name); }
    const Column *column(const QString &name) const;
    Column *column(const QString &name);
    int columnIndex(const QString &name) const;
    const Index *index(const QString &name) const;

    // Sorts constraint and index lists by name so equal tables compare equal.
    void canonicalize();
    bool isCanonical() const;   // canonicalize() would change nothing

    bool operator==(const Table &) const = default;
};

} // namespace covet
