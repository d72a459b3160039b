#pragma once

#include "dialect.h"
#include "enumtype.h"
#include "tablelist.h"
#include "view.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace covet {

// A whole database schema, as inspected or as desired. Tables, views and
// enum types carry their namespace; an empty namespace is the connection's
// default (PostgreSQL search_path schema, the MySQL database, SQLite main).
struct Schema
{
    std::optional<Dialect> dialect;   // where it came from, if from a database
    QStringList namespaces;           // non-default namespaces that exist
    TableList tables;                 // each table shared on its own: see tablelist.h
    QList<View> views;
    QList<EnumType> enums;

    const Table *table(const QString &name, const QString &schema = {}) const;
    Table *table(const QString &name, const QString &schema = {});
    const View *view(const QString &name, const QString &schema = {}) const;
    const EnumType *enumType(const QString &name, const QString &schema = {}) const;

    // Sorts tables, views, enums and every table's constraint lists so that
    // equal schemas compare equal and serialise identically.
    void canonicalize();

    bool operator==(const Schema &) const = default;
};

} // namespace covet
