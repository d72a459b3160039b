#include "auditchain.h"

#include "auditlog.h"
#include "auditrecorder.h"
#include "auditstatus.h"

#include "../migrations/migrationhistory.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>

namespace covet {

QString ChainVerification::breakName(Break b)
{
    switch (b) {
    case Break::None: return QStringLiteral("intact");
    case Break::Edited: return QStringLiteral("edited");
    case Break::Deleted: return QStringLiteral("deleted");
    case Break::Inserted: return QStringLiteral("inserted");
    case Break::Reordered: return QStringLiteral("reordered");
    case Break::Missing: return QStringLiteral("missing");
    }
    return QStringLiteral("intact");
}

QString ChainVerification::message() const
{
    if (intact() && !tableExists)
        return QStringLiteral("there is no audit log (no audit table)%1")
            .arg(applied ? QStringLiteral(": none of the %1 applied migrations has an audit row (applied before the log was turned on, "
                                          "or the table was dropped)").arg(applied)
                         : QString());
    if (intact() && rows == 0 && applied)
        return QStringLiteral("the audit log is empty: none of the %1 applied migrations has an audit row (applied before the log was "
                              "turned on, or every row was deleted)").arg(applied);
    if (intact())
        return QStringLiteral("the audit chain is intact: %1 rows").arg(rows);
    if (kind == Break::Missing)
        return QStringLiteral("the audit log is missing rows: %1").arg(detail);
    return QStringLiteral("the audit chain is broken at row %1 (migration %2): %3: %4")
        .arg(QString::number(rowId), migrationId, breakName(kind), detail);
}

QJsonObject ChainVerification::toJson() const
{
    QJsonObject o{{QStringLiteral("intact"), intact()},
                  {QStringLiteral("rows"), double(rows)},
                  {QStringLiteral("version1_rows"), double(version1Rows)},
                  {QStringLiteral("head_hash"), headHash},
                  {QStringLiteral("table_exists"), tableExists},
                  {QStringLiteral("applied"), double(applied)},
                  {QStringLiteral("unaudited"), QJsonArray::fromStringList(unaudited)},
                  {QStringLiteral("missing"), QJsonArray::fromStringList(missing)},
                  {QStringLiteral("not_covered"), QJsonArray::fromStringList(notCovered)},
                  {QStringLiteral("message"), message()}};
    if (!intact())
        o.insert(QStringLiteral("break"), QJsonObject{{QStringLiteral("kind"), breakName(kind)},
                                                      {QStringLiteral("row_id"), double(rowId)},
                                                      {QStringLiteral("migration_id"), migrationId},
                                                      {QStringLiteral("detail"), detail}});
    return o;
}

namespace {

// The history held against the log (see AuditChain).
Status coverage(SqlExecutor &sql, const QList<AuditRow> &rows, ChainVerification &v)
{
    auto exists = AuditRecorder::exists(sql);
    if (!exists)
        return std::unexpected(exists.error());
    v.tableExists = *exists;
    auto applied = MigrationHistory::load(sql);
    if (!applied)
        return std::unexpected(applied.error().withContext(QStringLiteral("reading the history to check the audit log against it")));
    v.applied = applied->size();
    // Covered: the last success of the migration in the log is its applying
    // (an older apply does not cover a re-apply after a rollback).
    QSet<QString> covered;
    for (const AuditRow &r : rows) {
        if (r.entry.status != AuditStatus::Success)
            continue;
        if (r.entry.direction == u"apply")
            covered.insert(r.entry.migrationId);
        else if (r.entry.direction == u"rollback")
            covered.remove(r.entry.migrationId);
    }
    // Rows deleted before the last one break the links; only the newest
    // rows go unseen, and once a later run has written after them nothing
    // tells them from a run made with the audit log off. So: applied after
    // the log's last row, a migration without its row is missing (Missing);
    // between the first and the last row, not covered (the log was off, or
    // the newest rows were deleted before a later run); before the first
    // row, it predates the log.
    QDateTime first, last;
    QString lastText;
    for (const AuditRow &r : rows) {
        const QDateTime at = QDateTime::fromString(r.entry.startedAt, Qt::ISODateWithMs);
        if (!at.isValid())
            continue;
        if (!first.isValid() || at < first)
            first = at;
        if (!last.isValid() || at > last) {
            last = at;
            lastText = r.entry.startedAt;
        }
    }
    QStringList &after = v.missing;
    for (const AppliedMigration &a : std::as_const(*applied)) {
        if (covered.contains(a.id))
            continue;
        v.unaudited << a.id;
        const QDateTime at = QDateTime::fromString(a.appliedAt, Qt::ISODateWithMs);
        if (!last.isValid() || !at.isValid())
            continue;
        if (at > last)
            after << a.id;
        else if (at >= first)
            v.notCovered << a.id;
    }
    if (v.intact() && !after.isEmpty()) {
        const bool one = after.size() == 1;
        v.kind = ChainVerification::Break::Missing;
        v.migrationId = after.first();
        v.detail = QStringLiteral("%1 migration%2 the history records as applied after the log's last row (%3) %4 no `success` row: "
                                  "the newest rows were deleted, or %5 applied with the audit log off")
                       .arg(after.size())
                       .arg(one ? QString() : QStringLiteral("s"), lastText, one ? QStringLiteral("has") : QStringLiteral("have"),
                            one ? QStringLiteral("it was") : QStringLiteral("they were"))
                   + QStringLiteral(" (%1)").arg(after.size() > 5 ? after.mid(0, 5).join(QStringLiteral(", ")) + QStringLiteral(", ...")
                                                                  : after.join(QStringLiteral(", ")));
    }
    return {};
}

} // namespace

Result<ChainVerification> AuditChain::verify(SqlExecutor &sql)
{
    ChainVerification v;
    AuditFilter every;
    every.runRows = true;
    auto read = AuditLog::all(sql, every);
    if (!read)
        return std::unexpected(read.error().withContext(QStringLiteral("verifying the audit chain")));
    const QList<AuditRow> &rows = *read;
    QHash<QString, qsizetype> position;   // row hash -> index
    for (qsizetype i = 0; i < rows.size(); ++i)
        position.insert(rows.at(i).rowHash, i);
    v.rows = rows.size();
    auto broken = [&](qsizetype i, ChainVerification::Break kind, const QString &detail) {
        v.kind = kind;
        v.rowId = rows.at(i).id;
        v.migrationId = rows.at(i).entry.migrationId;
        v.detail = detail;
        return v;
    };
    QString expectedPrev;   // the previous row's stored hash
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const AuditRow &c = rows.at(i);
        if (c.entry.hashVersion < 2)
            ++v.version1Rows;
        const bool linked = c.prevHash == expectedPrev;
        const bool selfConsistent = AuditRecorder::rowHash(c.prevHash, c.entry) == c.rowHash;
        if (linked && selfConsistent) {
            expectedPrev = c.rowHash;
            continue;
        }
        const QString previous = i == 0 ? QStringLiteral("the start of the chain") : QStringLiteral("row %1").arg(rows.at(i - 1).id);
        if (!selfConsistent) {
            // The next row links past this one: it was slipped in.
            const bool skippedByNext = i + 1 < rows.size() && rows.at(i + 1).prevHash == expectedPrev;
            if (!linked || skippedByNext)
                return broken(i, ChainVerification::Break::Inserted,
                              QStringLiteral("this row was not written by Covet: its hash does not match its content, and %1")
                                  .arg(skippedByNext ? QStringLiteral("the next row links to %1, past it").arg(previous)
                                                     : QStringLiteral("it does not link to %1").arg(previous)));
            return broken(i, ChainVerification::Break::Edited,
                          QStringLiteral("its content was changed after it was written: the stored hash no longer matches its fields"));
        }
        // Consistent in itself, but linked to something else.
        const auto at = position.constFind(c.prevHash);
        if (at != position.constEnd() && *at > i)
            return broken(i, ChainVerification::Break::Reordered,
                          QStringLiteral("it links to row %1, which comes after it: rows were swapped or renumbered").arg(rows.at(*at).id));
        if (at != position.constEnd() && *at < i - 1)
            return broken(i, ChainVerification::Break::Reordered,
                          QStringLiteral("it links to row %1, not to %2: rows were moved").arg(rows.at(*at).id).arg(previous));
        const qint64 previousId = i == 0 ? 0 : rows.at(i - 1).id;
        if (i > 0 && c.id == previousId + 1)
            return broken(i - 1, ChainVerification::Break::Edited,
                          QStringLiteral("its content was changed and its hash recomputed: row %1 no longer links to it").arg(c.id));
        return broken(i, ChainVerification::Break::Deleted,
                      i == 0 ? QStringLiteral("it links to a row that no longer exists: the first rows (ids below %1) were deleted").arg(c.id)
                             : QStringLiteral("it links to a row that no longer exists: rows between %1 and %2 were deleted")
                                   .arg(previousId)
                                   .arg(c.id));
    }
    v.headHash = expectedPrev;
    if (Status st = coverage(sql, rows, v); !st)
        return std::unexpected(st.error());
    return v;
}

} // namespace covet
