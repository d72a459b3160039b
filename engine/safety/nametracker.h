#pragma once

#include "../operations/operation.h"

#include <QHash>
#include <QString>

#include <optional>

namespace covet {

// Follows a run's operations to tell, for a table or column named as it is
// at some step, what it is called in the live database before the run —
// or that the run created it (then it holds nothing of the live data yet).
class NameTracker
{
public:
    struct TableName
    {
        QString schema;
        QString name;
    };
    // The live name of table `name` as it is called now; nullopt when the
    // run created it (or dropped it and created it again).
    std::optional<TableName> liveTable(const QString &schema, const QString &name) const;
    // The live name of a column of a table (named as it is now); nullopt
    // when the table or the column was created by the run.
    std::optional<QString> liveColumn(const QString &schema, const QString &table, const QString &column) const;
    // Records what `op` does to names; call after judging the operation.
    void apply(const Operation &op);

private:
    static QString key(const QString &schema, const QString &name);
    static QString key(const TableName &live, const QString &column);
    QHash<QString, std::optional<TableName>> m_tables;   // current → live (nullopt: created)
    QHash<QString, std::optional<QString>> m_columns;    // live table + current column → live column
};

} // namespace covet
