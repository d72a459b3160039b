#pragma once

#include "../core/error.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace covet {

class YamlNode;
struct MigrationPlan;

// One thing an execution changed, and how: recorded in the audit row
// (hash version 4) so that reports can be scoped by the data tags later.
//   action: create | alter | retype | rename | drop | sql
//   (retype: a column's type changed; sql: raw SQL named it, which may copy,
//   move or delete its data)
// table/column: the object (column empty: the table as a whole); a rename
// also names the new table/column.
struct TouchedObject
{
    QString action;
    QString table;
    QString column = {};
    QString toTable = {};
    QString toColumn = {};

    QString name() const { return column.isEmpty() ? table : table + u'.' + column; }
    QString newName() const { return toColumn.isEmpty() ? toTable : toTable + u'.' + toColumn; }
    // "drop customers.email", "rename customers.full_name to customers.name".
    QString text() const;
    bool operator==(const TouchedObject &) const = default;

    // What a migration's plan changes (typed operations as they are; raw SQL:
    // the tables of the schema before it, and their columns, that it names).
    static QList<TouchedObject> of(const MigrationPlan &plan);
    // The stored form: a compact JSON array of [action, table, column,
    // toTable, toColumn] arrays (trailing empty fields left out).
    static QString encode(const QList<TouchedObject> &objects);
    static QList<TouchedObject> decode(const QString &stored);
    static QString describe(const QList<TouchedObject> &objects);   // "drop customers.email; alter patients"
};

// Which tables and columns hold protected data, from covet.yaml:
//
//     data_tags:
//       phi: [patients, visits.diagnosis]      # protected health information (HIPAA)
//       pii: [customers.email, customers.full_name]   # personal data (GDPR)
//
// An entry is TABLE (every column of it) or TABLE.COLUMN, in the default
// schema. Unknown tags, anything but a list of names, and empty or
// malformed names are errors located "covet.yaml:line"; names that are
// neither in the database nor in any recorded change are reported by
// unknownNames() (the report refuses them, naming the line). Names are
// data: they are compared, never put into SQL.
struct DataTags
{
    struct Entry
    {
        QString tag;        // phi | pii
        QString table;
        QString column;     // empty: the whole table
        QString location;   // "covet.yaml:12"
        QString name() const { return column.isEmpty() ? table : table + u'.' + column; }
        bool operator==(const Entry &) const = default;
    };
    QList<Entry> entries;

    static QStringList knownTags() { return {QStringLiteral("phi"), QStringLiteral("pii")}; }
    static Result<DataTags> parse(const YamlNode &node);

    bool isEmpty() const { return entries.isEmpty(); }
    bool has(const QString &tag) const;
    // Whether the object touches data tagged `tag`: the tagged table or
    // column itself, a tagged column's table as a whole, or a column of a
    // tagged table (a rename: either name).
    bool touches(const TouchedObject &object, const QString &tag) const;
    // The tagged names an execution's objects touch: "phi:patients", "pii:customers.email".
    QStringList tagsOf(const QList<TouchedObject> &objects) const;
    // "phi: patients; pii: customers.email, customers.full_name" (one tag: only its names).
    QString describe(const QString &onlyTag = {}) const;
    // An error naming the first entry (and its line) that is not among the
    // known "table" / "table.column" names (lower case).
    Status checkKnown(const QSet<QString> &known) const;
    bool operator==(const DataTags &) const = default;
};

} // namespace covet
