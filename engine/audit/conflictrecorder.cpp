#include "conflictrecorder.h"

#include "../db/sqltimestamp.h"
#include "../sql/identifierquoter.h"
#include "../migrations/checksum.h"
#include "../migrations/migrationgraph.h"
#include "../migrations/migrationrepository.h"

#include <QHash>
#include <QSet>
#include <QSqlField>
#include <QSqlRecord>

namespace covet {

namespace {

QString q(const SqlExecutor &sql, const char *name)
{
    return IdentifierQuoter::quote(sql.dialect(), QString::fromLatin1(name));
}

QString conflictTable(const SqlExecutor &sql)
{
    return IdentifierQuoter::quote(sql.dialect(), ConflictRecorder::tableName());
}

QString kindName(GraphConflict::Kind k)
{
    switch (k) {
    case GraphConflict::Kind::Cycle: return QStringLiteral("cycle");
    case GraphConflict::Kind::MissingDependency: return QStringLiteral("missing_dependency");
    case GraphConflict::Kind::DivergentLeaves: return QStringLiteral("divergent_leaves");
    case GraphConflict::Kind::MissingReplaced: return QStringLiteral("missing_replaced");
    }
    return QStringLiteral("graph");
}

MigrationConflict conflict(const QString &kind, const QStringList &ids, const QString &detail)
{
    MigrationConflict c;
    c.kind = kind;
    c.migrationIds = ids;
    c.detail = detail;
    return c;
}

} // namespace

QString MigrationConflict::fingerprint() const
{
    const QChar sep(0x1f);
    return Checksum::sha256((kind + sep + migrationIds.join(u',') + sep + detail).toUtf8());
}

QList<MigrationConflict> ConflictRecorder::detect(const MigrationRepository &repository, const QList<AppliedMigration> &applied)
{
    QSet<QString> ids;
    for (const AppliedMigration &a : applied)
        ids.insert(a.id);
    QList<MigrationConflict> out;
    const MigrationGraph graph = MigrationGraph::build(repository.migrations(), ids);
    for (const GraphConflict &g : graph.conflicts())
        out << conflict(kindName(g.kind), g.ids, g.message);
    for (const AppliedMigration &a : applied) {
        const Migration *m = repository.find(a.id);
        if ((!m || m->id != a.id) && !graph.appliedSquashOf(a.id).isEmpty())
            continue;   // replaced by a squashed migration that counts as applied: not missing
        if (!m || m->id != a.id)
            out << conflict(QStringLiteral("missing_file"), {a.id},
                            QStringLiteral("%1 is recorded as applied (%2 by %3) but its file is missing from the migrations directory; "
                                           "restore the file")
                                .arg(a.id, a.appliedAt, a.appliedBy));
        else if (m->checksum != a.checksum)
            out << conflict(QStringLiteral("modified"), {a.id},
                            QStringLiteral("%1 was changed after it was applied (recorded checksum %2, the file now has %3); restore the file "
                                           "as it was applied, a change belongs in a new migration")
                                .arg(m->fileName(), a.checksum, m->checksum));
    }
    return out;
}

Status ConflictRecorder::ensure(SqlExecutor &sql)
{
    QString idCol = QStringLiteral("BIGSERIAL PRIMARY KEY");
    QString shortText = QStringLiteral("VARCHAR(255)");
    QString key = QStringLiteral("VARCHAR(64)");
    switch (sql.dialect()) {
    case Dialect::SQLite:
        idCol = QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
        shortText = key = QStringLiteral("TEXT");
        break;
    case Dialect::PostgreSQL:
        break;
    case Dialect::MySQL:
        idCol = QStringLiteral("BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY");
        break;
    }
    const QString ts = SqlTimestamp::columnType(sql.dialect());
    const QString ddl = QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2 %3, %4 %5 NOT NULL, %6 TEXT NOT NULL, %7 TEXT NOT NULL, "
                                       "%8 %9 NOT NULL, %10 %9 UNIQUE, %11 %12 NOT NULL, %13 %5 NOT NULL, %14 %5, ")
                            .arg(conflictTable(sql), q(sql, "id"), idCol, q(sql, "kind"), shortText, q(sql, "migration_ids"), q(sql, "detail"),
                                 q(sql, "fingerprint"), key)
                            .arg(q(sql, "open_key"), q(sql, "detected_at"), ts, q(sql, "detected_by"), q(sql, "environment"))
        + QStringLiteral("%1 %7 NOT NULL, %3 %2 NOT NULL, %4 BIGINT NOT NULL DEFAULT 1, %5 %7, %6 %2)")
              .arg(q(sql, "last_seen_at"), shortText, q(sql, "last_seen_by"), q(sql, "seen_count"), q(sql, "resolved_at"), q(sql, "resolved_by"), ts);
    if (auto r = sql.exec(ddl); !r)
        return std::unexpected(r.error().withContext(QStringLiteral("creating the conflicts table %1").arg(tableName())));
    return {};
}

Status ConflictRecorder::sync(SqlExecutor &sql, const QList<MigrationConflict> &current, const QString &environment)
{
    auto exists = MigrationHistory::tableExists(sql, tableName());
    if (!exists)
        return std::unexpected(exists.error());
    if (!*exists) {
        if (current.isEmpty())
            return {};
        if (auto st = ensure(sql); !st)
            return st;
    }
    auto open = sql.exec(QStringLiteral("SELECT %1, %2 FROM %3 WHERE %1 IS NOT NULL").arg(q(sql, "open_key"), q(sql, "detected_at"), conflictTable(sql)));
    if (!open)
        return std::unexpected(open.error().withContext(QStringLiteral("reading %1").arg(tableName())));
    // A table an older Covet made keeps its timestamps as text: retyped in
    // place once (the query's record tells, no statement more).
    const bool textTimestamps = open->record().field(1).metaType().id() != QMetaType::QDateTime;
    QSet<QString> stillOpen;
    while (open->next())
        stillOpen.insert(open->value(0).toString());
    if (Status st = SqlExecutor::endOfRows(*open); !st)
        return std::unexpected(st.error().withContext(QStringLiteral("reading %1").arg(tableName())));
    if (textTimestamps && sql.dialect() != Dialect::SQLite)
        if (Status st = SqlTimestamp::retype(sql, tableName(), conflictTable(sql),
                                             {{q(sql, "detected_at")}, {q(sql, "last_seen_at")}, {q(sql, "resolved_at"), false}});
            !st)
            return st;
    const QString now = SqlTimestamp::param(sql.dialect(), MigrationHistory::nowUtc());
    const QString who = MigrationHistory::currentUser();
    const QString seen = QStringLiteral("UPDATE %1 SET %2 = ?, %3 = ?, %4 = %4 + 1 WHERE %5 = ?")
                             .arg(conflictTable(sql), q(sql, "last_seen_at"), q(sql, "last_seen_by"), q(sql, "seen_count"), q(sql, "open_key"));
    QSet<QString> done;
    for (const MigrationConflict &c : current) {
        const QString fp = c.fingerprint();
        if (done.contains(fp))
            continue;
        done.insert(fp);
        if (stillOpen.remove(fp)) {
            if (auto r = sql.exec(seen, {now, who, fp}); !r)
                return std::unexpected(r.error().withContext(QStringLiteral("updating %1").arg(tableName())));
            continue;
        }
        auto ins = sql.exec(QStringLiteral("INSERT INTO %1 (%2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
                                .arg(conflictTable(sql), q(sql, "kind"), q(sql, "migration_ids"), q(sql, "detail"), q(sql, "fingerprint"), q(sql, "open_key"),
                                     q(sql, "detected_at"), q(sql, "detected_by"), q(sql, "environment"))
                                .arg(q(sql, "last_seen_at"), q(sql, "last_seen_by"), q(sql, "seen_count")),
                            {c.kind, c.migrationIds.join(u','), c.detail, fp, fp, now, who, environment, now, who});
        if (!ins) {
            // Another runner opened it meanwhile (the UNIQUE open_key): count it.
            auto again = sql.exec(seen, {now, who, fp});
            if (!again || again->numRowsAffected() < 1)
                return std::unexpected(ins.error().withContext(QStringLiteral("recording a conflict in %1").arg(tableName())));
        }
    }
    for (const QString &fp : std::as_const(stillOpen)) {
        auto r = sql.exec(QStringLiteral("UPDATE %1 SET %2 = ?, %3 = ?, %4 = NULL WHERE %4 = ?")
                              .arg(conflictTable(sql), q(sql, "resolved_at"), q(sql, "resolved_by"), q(sql, "open_key")),
                          {now, who, fp});
        if (!r)
            return std::unexpected(r.error().withContext(QStringLiteral("resolving a conflict in %1").arg(tableName())));
    }
    return {};
}

Result<QList<ConflictRow>> ConflictRecorder::load(SqlExecutor &sql, bool openOnly)
{
    QList<ConflictRow> out;
    auto exists = MigrationHistory::tableExists(sql, tableName());
    if (!exists)
        return std::unexpected(exists.error());
    if (!*exists)
        return out;
    QStringList cols;
    for (const char *c : {"id", "kind", "migration_ids", "detail", "detected_at", "detected_by", "environment", "last_seen_at", "last_seen_by",
                          "seen_count", "resolved_at", "resolved_by"})
        cols << q(sql, c);
    QString query = QStringLiteral("SELECT %1 FROM %2").arg(cols.join(QStringLiteral(", ")), conflictTable(sql));
    if (openOnly)
        query += QStringLiteral(" WHERE %1 IS NOT NULL").arg(q(sql, "open_key"));
    auto rows = sql.rows(query + QStringLiteral(" ORDER BY %1").arg(q(sql, "id")));
    if (!rows)
        return std::unexpected(rows.error());
    for (const QVariantList &r : *rows) {
        ConflictRow row;
        row.id = r.value(0).toLongLong();
        row.conflict = conflict(r.value(1).toString(), r.value(2).toString().split(u',', Qt::SkipEmptyParts), r.value(3).toString());
        row.detectedAt = SqlTimestamp::text(sql.dialect(), r.value(4));
        row.detectedBy = r.value(5).toString();
        row.environment = r.value(6).toString();
        row.lastSeenAt = SqlTimestamp::text(sql.dialect(), r.value(7));
        row.lastSeenBy = r.value(8).toString();
        row.seenCount = r.value(9).toLongLong();
        row.resolvedAt = SqlTimestamp::text(sql.dialect(), r.value(10));
        row.resolvedBy = r.value(11).toString();
        out << row;
    }
    return out;
}

} // namespace covet
