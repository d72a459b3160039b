#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace covet {

// Set-wise reads of the live database for the safety analysis, a fixed
// number of statements whatever the number of tables:
//  - readTables(): which of the named tables exist, their columns, primary
//    key and the catalog's size estimates (one catalog statement);
//  - count() queues any number of row counts, runCounts() answers them all
//    in one statement (SELECT i, COUNT(*) FROM t WHERE … UNION ALL …).
// Identifiers are quoted per dialect; values in conditions are bound.
class LiveData
{
public:
    struct TableInfo
    {
        QString schema;             // as the catalog names it
        QString name;
        QStringList columns;        // in ordinal order
        qint64 estimatedRows = -1;  // the catalog's estimate (-1: none)
        qint64 bytes = -1;          // table + indexes (-1: not known)
        QStringList primaryKey;     // in key order (empty: none)
    };

    explicit LiveData(SqlExecutor &sql) : m_sql(sql) {}

    // Reads which of `tables` ({schema, name}; an empty schema is the
    // connection's default) exist. One statement.
    Status readTables(const QList<QPair<QString, QString>> &tables);
    const TableInfo *table(const QString &schema, const QString &name) const;
    bool hasColumn(const QString &schema, const QString &table, const QString &column) const;

    // Queues SELECT COUNT(*) FROM <table> [WHERE <where>]; `where` is SQL
    // built from quoted identifiers with '?' for `binds`. Returns its index.
    int count(const QString &schema, const QString &table, const QString &where = {}, const QVariantList &binds = {});
    // Runs every queued count whose table exists, in one statement.
    Status runCounts();
    // The count, or -1 when its table does not exist (or was not read).
    qint64 result(int index) const { return index >= 0 && index < m_results.size() ? m_results.at(index) : -1; }

    int statements() const { return m_statements; }
    Dialect dialect() const { return m_sql.dialect(); }
    // The quoted, schema-qualified name of a table as the database knows it.
    QString quotedTable(const QString &schema, const QString &table) const;
    QString quote(const QString &identifier) const;

private:
    static QString key(const QString &schema, const QString &name);
    struct Count
    {
        QString schema;
        QString table;
        QString where;
        QVariantList binds;
    };
    SqlExecutor &m_sql;
    QHash<QString, TableInfo> m_tables;   // key(schema as asked, name)
    QList<Count> m_counts;
    QList<qint64> m_results;
    int m_statements = 0;
};

} // namespace covet
