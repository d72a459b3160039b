#include "backuprestorer.h"

#include "../core/numbertext.h"
#include "../db/catalog.h"
#include "../sql/identifierquoter.h"

namespace covet {

namespace {

QString beginStatement(Dialect d)
{
    return d == Dialect::MySQL ? QStringLiteral("START TRANSACTION") : QStringLiteral("BEGIN");
}

} // namespace

Result<BackupRestorer::Target> BackupRestorer::target(const BackupItem &item)
{
    SqlExecutor &sql = m_store.sql();
    const Dialect d = sql.dialect();
    QString query;
    QVariantList binds{item.sourceTable};
    switch (d) {
    case Dialect::SQLite:
        query = QStringLiteral("SELECT name, hidden IN (2, 3), 0, 0 FROM pragma_table_xinfo(?) ORDER BY cid");
        break;
    case Dialect::PostgreSQL:
        query = QStringLiteral("SELECT a.attname, a.attgenerated <> '', a.attidentity = 'a', "
                               "(a.attidentity <> '' OR pg_catalog.pg_get_serial_sequence(c.oid::regclass::text, a.attname) IS NOT NULL) "
                               "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                               "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                               "WHERE c.relname = ? AND n.nspname = %1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
                               "ORDER BY a.attnum")
                    .arg(item.sourceSchema.isEmpty() ? QStringLiteral("current_schema()") : QStringLiteral("?"));
        if (!item.sourceSchema.isEmpty())
            binds << item.sourceSchema;
        break;
    case Dialect::MySQL:
        query = QStringLiteral("SELECT COLUMN_NAME, EXTRA LIKE '%GENERATED%' OR EXTRA LIKE '%PERSISTENT%' OR EXTRA LIKE '%VIRTUAL%', 0, 0 "
                               "FROM information_schema.COLUMNS WHERE TABLE_NAME = ? AND TABLE_SCHEMA = %1 ORDER BY ORDINAL_POSITION")
                    .arg(item.sourceSchema.isEmpty() ? QStringLiteral("DATABASE()") : QStringLiteral("?"));
        if (!item.sourceSchema.isEmpty())
            binds << item.sourceSchema;
        break;
    }
    auto rows = sql.rows(query, binds);
    if (!rows)
        return std::unexpected(rows.error());
    Target t;
    for (const QVariantList &r : *rows) {
        const QString c = r.value(0).toString();
        t.columns << c;
        if (r.value(1).toInt())
            t.generated << c;
        if (r.value(2).toInt())
            t.identityAlways << c;
        if (r.value(3).toInt())
            t.sequenced << c;
    }
    return t;
}

Result<QList<BackupItem>> BackupRestorer::selected(const BackupRecord &record, const QList<int> &onlyItems)
{
    if (record.status == QLatin1String("dropped"))
        return fail(Error::Category::NotFound, QStringLiteral("backup %1 was dropped: its tables are gone").arg(record.id));
    QList<BackupItem> items;
    for (const BackupItem &i : record.items)
        if (onlyItems.isEmpty() || onlyItems.contains(i.item))
            items << i;
    for (int n : onlyItems) {
        bool found = false;
        for (const BackupItem &i : record.items)
            found = found || i.item == n;
        if (!found)
            return fail(Error::Category::NotFound, QStringLiteral("backup %1 has no item %2").arg(record.id).arg(n));
    }
    return items;
}

Status BackupRestorer::checkTargets(const QList<BackupItem> &items, QList<Target> &targets)
{
    QStringList missing;
    for (const BackupItem &i : items) {
        auto t = target(i);
        if (!t)
            return std::unexpected(t.error());
        if (t->columns.isEmpty()) {
            missing << QStringLiteral("table %1 does not exist").arg(i.source());
        } else {
            QStringList gone;
            for (const QString &c : i.columns)
                if (!t->columns.contains(c, m_store.sql().dialect() == Dialect::PostgreSQL ? Qt::CaseSensitive : Qt::CaseInsensitive))
                    gone << c;
            if (!gone.isEmpty())
                missing << QStringLiteral("%1 %2 of %3 %4 not exist")
                               .arg(gone.size() == 1 ? QStringLiteral("column") : QStringLiteral("columns"), gone.join(QStringLiteral(", ")),
                                    i.source(), gone.size() == 1 ? QStringLiteral("does") : QStringLiteral("do"));
        }
        targets << *t;
    }
    if (!missing.isEmpty())
        return fail(Error::Category::NotFound,
                    QStringLiteral("cannot restore: %1. Nothing was written. Re-create what is missing first (after a rollback "
                                   "dropped it, `covet migrate` applies the migration again), then restore again")
                        .arg(missing.join(QStringLiteral("; "))));
    return {};
}

Status BackupRestorer::write(const BackupItem &item, const Target &target, std::optional<TableChecksum::Value> *written)
{
    SqlExecutor &sql = m_store.sql();
    const Dialect d = sql.dialect();
    auto q = [&](const QString &c) { return IdentifierQuoter::quote(d, c); };
    const QString t = m_store.qt(item.sourceSchema, item.sourceTable);
    const QString bk = m_store.qt(item.backupSchema, item.backupTable);
    const auto cs = d == Dialect::PostgreSQL ? Qt::CaseSensitive : Qt::CaseInsensitive;
    QStringList values;   // saved columns the server lets us write
    for (const QString &c : item.columns)
        if (!target.generated.contains(c, cs))
            values << c;
    QStringList nonKey;
    for (const QString &c : std::as_const(values))
        if (!item.key.contains(c, cs))
            nonKey << c;
    QStringList on;
    for (const QString &k : item.key)
        on << QStringLiteral("t.%1 = k.%1").arg(q(k));
    const QString onText = on.join(QStringLiteral(" AND "));
    QString statement;
    if (item.kind == DataAtStake::Kind::Columns) {
        if (nonKey.isEmpty())
            return {};
        QStringList set;
        for (const QString &c : std::as_const(nonKey))
            set << (d == Dialect::MySQL ? QStringLiteral("t.%1 = k.%1") : QStringLiteral("%1 = k.%1")).arg(q(c));
        if (d == Dialect::MySQL)
            statement = QStringLiteral("UPDATE %1 AS t JOIN %2 AS k ON %3 SET %4").arg(t, bk, onText, set.join(QStringLiteral(", ")));
        else if (d == Dialect::SQLite && m_store.capabilities().version < 3033000) {
            QStringList sub;
            for (const QString &c : std::as_const(nonKey))
                sub << QStringLiteral("%1 = (SELECT k.%1 FROM %2 AS k WHERE %3)").arg(q(c), bk, QString(onText).replace(QStringLiteral("t."), t + u'.'));
            statement = QStringLiteral("UPDATE %1 SET %2 WHERE EXISTS (SELECT 1 FROM %3 AS k WHERE %4)")
                            .arg(t, sub.join(QStringLiteral(", ")), bk, QString(onText).replace(QStringLiteral("t."), t + u'.'));
        } else
            statement = QStringLiteral("UPDATE %1 AS t SET %2 FROM %3 AS k WHERE %4").arg(t, set.join(QStringLiteral(", ")), bk, onText);
    } else {
        QStringList cols;
        for (const QString &c : std::as_const(values))
            cols << q(c);
        const QString list = cols.join(QStringLiteral(", "));
        if (item.key.isEmpty()) {
            auto n = sql.rows(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t));
            if (!n)
                return std::unexpected(n.error());
            if (!n->isEmpty() && n->first().value(0).toLongLong() > 0)
                return fail(Error::Category::Conflict,
                            QStringLiteral("cannot restore table %1: it holds rows and has no primary key, so saved rows cannot be "
                                           "matched to them. The saved rows are in %2; copy them by hand")
                                .arg(item.source(), item.backupTable));
            statement = QStringLiteral("INSERT INTO %1 (%2)%3 SELECT %2 FROM %4")
                            .arg(t, list, target.identityAlways.isEmpty() ? QString() : QStringLiteral(" OVERRIDING SYSTEM VALUE"), bk);
        } else {
            QStringList keys;
            for (const QString &k : item.key)
                keys << q(k);
            QStringList set;
            for (const QString &c : std::as_const(nonKey))
                set << (d == Dialect::MySQL ? QStringLiteral("%1 = VALUES(%1)") : QStringLiteral("%1 = excluded.%1")).arg(q(c));
            if (d == Dialect::MySQL)
                statement = QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3 ON DUPLICATE KEY UPDATE %4")
                                .arg(t, list, bk, set.isEmpty() ? keys.first() + QStringLiteral(" = ") + keys.first() : set.join(QStringLiteral(", ")));
            else
                statement = QStringLiteral("INSERT INTO %1 (%2)%3 SELECT %2 FROM %4 WHERE true ON CONFLICT (%5) DO %6")
                                .arg(t, list, target.identityAlways.isEmpty() ? QString() : QStringLiteral(" OVERRIDING SYSTEM VALUE"), bk,
                                     keys.join(QStringLiteral(", ")),
                                     set.isEmpty() ? QStringLiteral("NOTHING") : QStringLiteral("UPDATE SET ") + set.join(QStringLiteral(", ")));
        }
    }
    if (d == Dialect::PostgreSQL && item.kind == DataAtStake::Kind::Columns && !item.key.isEmpty()) {
        // The rows as written, checksummed in the same pass.
        auto sum = TableChecksum::ofWritten(sql, statement, QStringLiteral("t"), item.columns);
        if (!sum)
            return std::unexpected(sum.error().withContext(QStringLiteral("restoring %1 from %2").arg(item.source(), item.backupTable)));
        *written = *sum;
    } else if (auto r = sql.exec(statement); !r) {
        return std::unexpected(r.error().withContext(QStringLiteral("restoring %1 from %2").arg(item.source(), item.backupTable)));
    }
    if (d == Dialect::PostgreSQL && item.kind == DataAtStake::Kind::Table) {
        for (const QString &c : target.sequenced) {
            if (!values.contains(c))
                continue;
            auto r = sql.exec(QStringLiteral("SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(?, ?), "
                                             "GREATEST((SELECT max(%1) FROM %2), 1))")
                                  .arg(q(c), t),
                              {t, c});
            if (!r)
                return std::unexpected(r.error().withContext(QStringLiteral("moving the sequence of %1.%2 past the restored rows").arg(item.source(), c)));
        }
    }
    return {};
}

Result<BackupCheck::Item> BackupRestorer::verify(const BackupItem &item, const std::optional<TableChecksum::Value> &written)
{
    SqlExecutor &sql = m_store.sql();
    BackupCheck::Item c{item.item, item.source(), false, {}};
    Result<TableChecksum::Value> now = written ? Result<TableChecksum::Value>(*written)
        : item.key.isEmpty()
        ? TableChecksum::of(sql, item.sourceSchema, item.sourceTable, item.columns)
        : TableChecksum::ofMatching(sql, item.sourceSchema, item.sourceTable, item.backupSchema, item.backupTable, item.key, item.columns);
    if (!now)
        return std::unexpected(now.error());
    c.ok = *now == item.checksum;
    if (c.ok)
        c.detail = QStringLiteral("restored %1 rows; checksum matches the backup").arg(groupedNumber(now->rows));
    else if (now->rows < item.checksum.rows)
        c.detail = QStringLiteral("only %1 of the %2 saved rows have a matching row in %3 (deleted since the backup?)")
                       .arg(groupedNumber(now->rows), groupedNumber(item.checksum.rows), item.source());
    else
        c.detail = QStringLiteral("the values in %1 differ from the backup after writing them (%2 rows compared)").arg(item.source(), groupedNumber(now->rows));
    return c;
}

Result<BackupCheck> BackupRestorer::writeAll(const QList<BackupItem> &items, const QList<Target> &targets, const ProgressSink *progress)
{
    BackupCheck check;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (progress) {
            if (progress->cancelled())
                return fail(Error::Category::Cancelled, QStringLiteral("the restore was cancelled before %1").arg(items.at(i).source()));
            progress->report(int(i), int(items.size()), QStringLiteral("restoring %1").arg(items.at(i).source()));
        }
        std::optional<TableChecksum::Value> written;
        if (auto st = write(items.at(i), targets.at(i), &written); !st)
            return std::unexpected(st.error());
        auto c = verify(items.at(i), written);
        if (!c)
            return std::unexpected(c.error());
        check.items << *c;
    }
    if (progress)
        progress->report(int(items.size()), int(items.size()), QString());
    return check;
}

Result<BackupRestorer::Prepared> BackupRestorer::prepare(const BackupRecord &record, const QList<int> &onlyItems)
{
    Prepared p;
    auto items = selected(record, onlyItems);
    if (!items)
        return std::unexpected(items.error());
    p.items = std::move(*items);
    if (auto st = checkTargets(p.items, p.targets); !st)
        return std::unexpected(st.error());
    return p;
}

Result<BackupRestorer::Prepared> BackupRestorer::prepare(qint64 id, const QList<int> &onlyItems)
{
    auto record = m_store.get(id);
    if (!record)
        return std::unexpected(record.error());
    return prepare(*record, onlyItems);
}

Result<BackupCheck> BackupRestorer::preview(qint64 id, const QList<int> &onlyItems)
{
    auto prepared = prepare(id, onlyItems);
    if (!prepared)
        return std::unexpected(prepared.error());
    const QList<BackupItem> *items = &prepared->items;
    SqlExecutor &sql = m_store.sql();
    const Dialect d = sql.dialect();
    BackupCheck out;
    for (const BackupItem &i : std::as_const(*items)) {
        BackupCheck::Item c{i.item, i.source(), true, {}};
        if (i.key.isEmpty()) {
            // Without a key saved rows cannot be matched: only an empty table can take them.
            auto n = sql.rows(QStringLiteral("SELECT COUNT(*) FROM %1").arg(m_store.qt(i.sourceSchema, i.sourceTable)));
            if (!n)
                return std::unexpected(n.error());
            const qint64 held = n->isEmpty() ? 0 : n->first().value(0).toLongLong();
            c.ok = held == 0;
            c.detail = c.ok ? QStringLiteral("would insert the %1 saved rows into %2 (empty; no primary key)").arg(groupedNumber(i.rows), i.source())
                            : QStringLiteral("cannot restore into %1: it holds %2 rows and the backup has no primary key to match the %3 "
                                             "saved rows to them; empty the table first, or copy them from %4 by hand")
                                  .arg(i.source(), groupedNumber(held), groupedNumber(i.rows),
                                       i.backupSchema.isEmpty() ? i.backupTable : i.backupSchema + u'.' + i.backupTable);
        } else {
            QStringList on;
            for (const QString &k : i.key)
                on << QStringLiteral("t.%1 = k.%1").arg(IdentifierQuoter::quote(d, k));
            auto n = sql.rows(QStringLiteral("SELECT COUNT(*) FROM %1 AS k WHERE EXISTS (SELECT 1 FROM %2 AS t WHERE %3)")
                                  .arg(m_store.qt(i.backupSchema, i.backupTable), m_store.qt(i.sourceSchema, i.sourceTable),
                                       on.join(QStringLiteral(" AND "))));
            if (!n)
                return std::unexpected(n.error());
            const qint64 matched = n->isEmpty() ? 0 : n->first().value(0).toLongLong();
            const QStringList cols = i.kind == DataAtStake::Kind::Columns ? i.columns.mid(i.key.size()) : QStringList();
            if (i.kind == DataAtStake::Kind::Columns)
                c.detail = QStringLiteral("would write %1 into %2 of %3 rows matched by %4%5")
                               .arg(cols.join(QStringLiteral(", ")), groupedNumber(matched), groupedNumber(i.rows), i.key.join(QStringLiteral(", ")),
                                    matched < i.rows ? QStringLiteral("; %1 saved rows have no matching row and would be left out").arg(groupedNumber(i.rows - matched))
                                                     : QString());
            else
                c.detail = QStringLiteral("would update %1 rows and insert %2 into %3").arg(groupedNumber(matched), groupedNumber(i.rows - matched), i.source());
            c.ok = i.kind == DataAtStake::Kind::Table || matched == i.rows;
        }
        out.items << c;
    }
    return out;
}

Result<BackupCheck> BackupRestorer::restore(qint64 id, const QString &restoredBy, const QList<int> &onlyItems, const ProgressSink *progress)
{
    auto prepared = prepare(id, onlyItems);
    if (!prepared)
        return std::unexpected(prepared.error());
    SqlExecutor &sql = m_store.sql();
    if (auto st = TableChecksum::prepare(sql); !st)
        return std::unexpected(st.error());
    if (auto r = sql.exec(beginStatement(sql.dialect())); !r)
        return std::unexpected(r.error());
    auto rollback = [&](const Error &e) -> Result<BackupCheck> {
        (void)sql.exec(QStringLiteral("ROLLBACK"));
        return std::unexpected(e);
    };
    auto check = writeAll(prepared->items, prepared->targets, progress);
    if (!check)
        return rollback(check.error().withContext(QStringLiteral("restoring backup %1 (rolled back: nothing was written)").arg(id)));
    if (!check->ok())
        return rollback(Error(Error::Category::Conflict, QStringLiteral("restoring backup %1 did not give back the saved values, so it was "
                                                                        "rolled back and nothing was written:\n%2")
                                                             .arg(id)
                                                             .arg(check->toText())));
    if (onlyItems.isEmpty())
        if (auto st = m_store.markRestored(id, restoredBy); !st)
            return rollback(st.error());
    if (auto r = sql.exec(QStringLiteral("COMMIT")); !r)
        return rollback(r.error());
    return check;
}

Result<BackupCheck> BackupRestorer::restoreInPlace(const BackupRecord &record, const QList<int> &onlyItems)
{
    auto prepared = prepare(record, onlyItems);
    if (!prepared)
        return std::unexpected(prepared.error());
    return writeAll(prepared->items, prepared->targets, nullptr);
}

} // namespace covet
