#pragma once

#include "auditfilter.h"
#include "auditrecorder.h"

#include "../core/error.h"
#include "../db/sqlexecutor.h"

#include <QJsonObject>
#include <QList>

namespace covet {

// One stored audit row.
struct AuditRow
{
    qint64 id = 0;
    AuditEntry entry;
    QString prevHash = {};
    QString rowHash = {};
    QJsonObject toJson(bool withSql = true) const;
    // The objects an entry recorded, as text: "drop customers.email".
    static QStringList objectTexts(const AuditEntry &entry);
    bool operator==(const AuditRow &) const = default;
};

struct AuditPage
{
    QList<AuditRow> rows;   // newest first
    qint64 total = 0;       // rows matching the filter
};

// Reads _covet_migration_audit: filtered, paged, set-wise (a page is two
// statements whatever its size: a count and the rows), every value bound,
// every identifier quoted per dialect. A missing table reads as empty.
class AuditLog
{
public:
    // The WHERE clause (" WHERE ..." or empty) and its binds for a filter.
    static QString whereClause(const SqlExecutor &sql, const AuditFilter &filter, QVariantList *binds);

    // Rows newest first, skipping `offset`, at most `limit` (0: all).
    static Result<AuditPage> page(SqlExecutor &sql, const AuditFilter &filter, qint64 offset = 0, qint64 limit = 100,
                                  bool withSql = true);
    // Every matching row, oldest first (for reports).
    static Result<QList<AuditRow>> all(SqlExecutor &sql, const AuditFilter &filter, bool withSql = true);
    static Result<AuditRow> get(SqlExecutor &sql, qint64 id);
    static Result<qint64> count(SqlExecutor &sql, const AuditFilter &filter);

private:
    static Result<QList<AuditRow>> select(SqlExecutor &sql, const AuditFilter &filter, bool newestFirst, qint64 offset, qint64 limit,
                                          bool withSql);
};

} // namespace covet
