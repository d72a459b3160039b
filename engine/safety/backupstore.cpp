#include "backupstore.h"

#include "../db/catalog.h"
#include "../sql/identifierquoter.h"
#include "livedata.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlRecord>

namespace covet {

namespace {

QString number(qint64 n)
{
    static const QLocale english(QLocale::English);
    return english.toString(n);
}

QString jsonList(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList fromJsonList(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

QDateTime readTimestamp(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.metaType().id() == QMetaType::QDateTime)
        return v.toDateTime().toUTC();
    QString s = v.toString().trimmed();
    s.replace(u' ', u'T');
    if (s.endsWith(QLatin1String("+00")))
        s.chop(3);
    if (!s.endsWith(u'Z'))
        s += u'Z';
    return QDateTime::fromString(s, Qt::ISODateWithMs).toUTC();
}

QString kindName(DataAtStake::Kind k)
{
    return k == DataAtStake::Kind::Table ? QStringLiteral("table") : QStringLiteral("columns");
}

} // namespace

qint64 BackupRecord::rows() const
{
    qint64 n = 0;
    for (const BackupItem &i : items)
        n += i.rows;
    return n;
}

qint64 BackupRecord::bytes() const
{
    qint64 n = -1;
    for (const BackupItem &i : items)
        if (i.bytes >= 0)
            n = std::max<qint64>(n, 0) + i.bytes;
    return n;
}

QJsonObject BackupItem::toJson() const
{
    return QJsonObject{{QStringLiteral("item"), item},
                       {QStringLiteral("kind"), kindName(kind)},
                       {QStringLiteral("migration"), migrationId},
                       {QStringLiteral("source"), source()},
                       {QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
                       {QStringLiteral("key"), QJsonArray::fromStringList(key)},
                       {QStringLiteral("backup_table"), backupSchema.isEmpty() ? backupTable : backupSchema + u'.' + backupTable},
                       {QStringLiteral("rows"), double(rows)},
                       {QStringLiteral("bytes"), bytes >= 0 ? QJsonValue(double(bytes)) : QJsonValue()},
                       {QStringLiteral("checksum"), checksum.toString()}};
}

QJsonObject BackupRecord::toJson() const
{
    QJsonArray is;
    for (const BackupItem &i : items)
        is << i.toJson();
    QJsonObject o{{QStringLiteral("id"), double(id)},
                  {QStringLiteral("taken_at"), takenAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("migrations"), QJsonArray::fromStringList(migrations)},
                  {QStringLiteral("direction"), direction},
                  {QStringLiteral("taken_by"), takenBy},
                  {QStringLiteral("database_user"), databaseUser},
                  {QStringLiteral("environment"), environment},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("rows"), double(rows())},
                  {QStringLiteral("bytes"), bytes() >= 0 ? QJsonValue(double(bytes())) : QJsonValue()},
                  {QStringLiteral("items"), is}};
    if (restoredAt.isValid()) {
        o.insert(QStringLiteral("restored_at"), restoredAt.toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("restored_by"), restoredBy);
    }
    return o;
}

bool BackupCheck::ok() const
{
    for (const Item &i : items)
        if (!i.ok)
            return false;
    return true;
}

QString BackupCheck::toText() const
{
    QString out;
    for (const Item &i : items)
        out += QStringLiteral("  item %1 (%2): %3 — %4\n").arg(i.item).arg(i.source, i.ok ? QStringLiteral("ok") : QStringLiteral("FAILED"), i.detail);
    return out;
}

QJsonObject BackupCheck::toJson() const
{
    QJsonArray is;
    for (const Item &i : items)
        is << QJsonObject{{QStringLiteral("item"), i.item}, {QStringLiteral("source"), i.source}, {QStringLiteral("ok"), i.ok},
                          {QStringLiteral("detail"), i.detail}};
    return QJsonObject{{QStringLiteral("ok"), ok()}, {QStringLiteral("items"), is}};
}

QString BackupStore::q(const QString &identifier) const
{
    return IdentifierQuoter::quote(m_caps.dialect, identifier);
}

QString BackupStore::qt(const QString &schema, const QString &table) const
{
    return IdentifierQuoter::quoteQualified(m_caps.dialect, schema, table);
}

QString BackupStore::backupTableFor(qint64 id, int item) const
{
    if (m_caps.dialect == Dialect::PostgreSQL)
        return QStringLiteral("b%1_%2").arg(id).arg(item);
    return QStringLiteral("_covet_backup_%1_%2").arg(id).arg(item);
}

QString BackupStore::timestampParam(const QDateTime &utc) const
{
    const QDateTime t = utc.toUTC();
    switch (m_caps.dialect) {
    case Dialect::PostgreSQL: return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral("+00");
    case Dialect::MySQL: return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case Dialect::SQLite: return t.toString(Qt::ISODateWithMs);
    }
    return {};
}

Result<bool> BackupStore::exists()
{
    return Catalog::tableExists(m_sql, catalogTable());
}

Status BackupStore::ensure()
{
    const Dialect d = m_caps.dialect;
    const QString id = d == Dialect::SQLite ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                       : d == Dialect::PostgreSQL ? QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                                                  : QStringLiteral("BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY");
    const QString ts = d == Dialect::SQLite ? QStringLiteral("TEXT") : d == Dialect::PostgreSQL ? QStringLiteral("TIMESTAMPTZ")
                                                                                               : QStringLiteral("DATETIME(3)");
    const QString name = d == Dialect::SQLite ? QStringLiteral("TEXT") : QStringLiteral("VARCHAR(255)");
    const QString text = d == Dialect::MySQL ? QStringLiteral("LONGTEXT") : QStringLiteral("TEXT");
    QStringList ddl;
    if (d == Dialect::PostgreSQL)
        ddl << QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(q(backupSchemaName()));
    ddl << QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2 %3, %4 %5 NOT NULL, %6 %7 NOT NULL, %8 %9 NOT NULL, %10 %9 NOT NULL, "
                          "%11 %9, %12 %9, %13 %9 NOT NULL, %14 %5, %15 %9)")
               .arg(q(catalogTable()), q(QStringLiteral("id")), id, q(QStringLiteral("taken_at")), ts, q(QStringLiteral("migrations")), text,
                    q(QStringLiteral("direction")), name, q(QStringLiteral("taken_by")), q(QStringLiteral("db_user")),
                    q(QStringLiteral("environment")), q(QStringLiteral("status")), q(QStringLiteral("restored_at")),
                    q(QStringLiteral("restored_by")));
    ddl << QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2 BIGINT NOT NULL, %3 INTEGER NOT NULL, %4 %5 NOT NULL, %6 %5, %7 INTEGER, "
                          "%8 %5, %9 %5 NOT NULL, %10 %11 NOT NULL, %12 %11 NOT NULL, %13 %5, %14 %5 NOT NULL, %15 BIGINT NOT NULL, "
                          "%16 %5 NOT NULL, PRIMARY KEY (%2, %3))")
               .arg(q(itemsTable()), q(QStringLiteral("backup_id")), q(QStringLiteral("item")), q(QStringLiteral("kind")), name,
                    q(QStringLiteral("migration_id")), q(QStringLiteral("step")), q(QStringLiteral("source_schema")),
                    q(QStringLiteral("source_table")), q(QStringLiteral("columns")), text, q(QStringLiteral("key_columns")),
                    q(QStringLiteral("backup_schema")), q(QStringLiteral("backup_table")), q(QStringLiteral("row_count")),
                    q(QStringLiteral("checksum")));
    for (const QString &s : std::as_const(ddl))
        if (auto r = m_sql.exec(s); !r)
            return std::unexpected(r.error().withContext(QStringLiteral("creating the backup catalog %1").arg(catalogTable())));
    return {};
}

Result<qint64> BackupStore::insertRecord(const BackupContext &c)
{
    const QString sql = QStringLiteral("INSERT INTO %1 (%2, %3, %4, %5, %6, %7, %8) VALUES (?, ?, ?, ?, ?, ?, 'kept')%9")
                            .arg(q(catalogTable()), q(QStringLiteral("taken_at")), q(QStringLiteral("migrations")), q(QStringLiteral("direction")),
                                 q(QStringLiteral("taken_by")), q(QStringLiteral("db_user")), q(QStringLiteral("environment")),
                                 q(QStringLiteral("status")),
                                 m_caps.dialect == Dialect::PostgreSQL ? QStringLiteral(" RETURNING %1").arg(q(QStringLiteral("id"))) : QString());
    auto r = m_sql.exec(sql, {timestampParam(QDateTime::currentDateTimeUtc()), c.migrations.join(u','), c.direction, c.takenBy,
                              c.databaseUser, c.environment});
    if (!r)
        return std::unexpected(r.error());
    if (m_caps.dialect == Dialect::PostgreSQL) {
        if (!r->next())
            return fail(Error::Category::Internal, QStringLiteral("the backup catalog returned no id"));
        return r->value(0).toLongLong();
    }
    const QVariant id = r->lastInsertId();
    if (!id.isValid())
        return fail(Error::Category::Internal, QStringLiteral("the backup catalog returned no id"));
    return id.toLongLong();
}

Status BackupStore::copyInto(const BackupItem &item, const QString &source, const QString &target, const QStringList &cols)
{
    auto failed = [&](const Error &e) { return std::unexpected(e.withContext(QStringLiteral("backing up %1 into %2").arg(item.source(), item.backupTable))); };
    QStringList key;
    for (const QString &k : item.key)
        key << q(k);
    if (m_caps.dialect == Dialect::SQLite && !item.key.isEmpty()) {
        // Keyed by the saved primary key, so a restore matches rows by it:
        // a single integer key as the rowid (rows arrive in its order: the
        // cheapest copy), else a WITHOUT ROWID table. Untyped columns keep
        // every value exactly as stored. A key those refuse (a text value in
        // an integer key, a NULL) falls back to a copy with a unique index.
        QStringList defs;
        for (qsizetype i = 0; i < cols.size(); ++i)
            defs << cols.at(i) + (item.key.size() == 1 && item.key.contains(item.columns.at(i)) ? QStringLiteral(" INTEGER PRIMARY KEY") : QString());
        const QStringList tries{
            item.key.size() == 1 ? QStringLiteral("CREATE TABLE %1 (%2)").arg(target, defs.join(QStringLiteral(", "))) : QString(),
            QStringLiteral("CREATE TABLE %1 (%2, PRIMARY KEY (%3)) WITHOUT ROWID").arg(target, cols.join(QStringLiteral(", ")), key.join(QStringLiteral(", ")))};
        for (const QString &create : tries) {
            if (create.isEmpty())
                continue;
            if (auto r = m_sql.exec(create); !r)
                return failed(r.error());
            if (m_sql.exec(QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3").arg(target, cols.join(QStringLiteral(", ")), source)))
                return {};
            if (auto r = m_sql.exec(QStringLiteral("DROP TABLE %1").arg(target)); !r)
                return failed(r.error());
        }
        if (auto r = m_sql.exec(QStringLiteral("CREATE TABLE %1 AS SELECT %2 FROM %3").arg(target, cols.join(QStringLiteral(", ")), source)); !r)
            return failed(r.error());
        if (auto r = m_sql.exec(QStringLiteral("CREATE UNIQUE INDEX %1 ON %2 (%3)")
                                    .arg(q(item.backupTable + QStringLiteral("_key")), q(item.backupTable), key.join(QStringLiteral(", "))));
            !r)
            return std::unexpected(r.error().withContext(QStringLiteral("indexing the backup of %1").arg(item.source())));
        return {};
    }
    const QString ddl = m_caps.dialect == Dialect::MySQL && !item.key.isEmpty()
        ? QStringLiteral("CREATE TABLE %1 (PRIMARY KEY (%2)) AS SELECT %3 FROM %4").arg(target, key.join(QStringLiteral(", ")), cols.join(QStringLiteral(", ")), source)
        : QStringLiteral("CREATE TABLE %1 AS SELECT %2 FROM %3").arg(target, cols.join(QStringLiteral(", ")), source);
    if (auto r = m_sql.exec(ddl); !r)
        return failed(r.error());
    return {};
}

Result<BackupItem> BackupStore::saveItem(qint64 id, int n, const DataAtStake &stake)
{
    BackupItem item;
    item.item = n;
    item.kind = stake.kind;
    item.migrationId = stake.migrationId;
    item.step = stake.step;
    item.sourceSchema = stake.schema;
    item.sourceTable = stake.table;
    item.key = stake.key;
    item.backupSchema = m_caps.dialect == Dialect::PostgreSQL ? backupSchemaName() : QString();
    item.backupTable = backupTableFor(id, n);
    const QString source = qt(stake.schema, stake.table);
    if (stake.kind == DataAtStake::Kind::Table) {
        auto probe = m_sql.exec(QStringLiteral("SELECT * FROM %1 WHERE 1 = 0").arg(source));
        if (!probe)
            return std::unexpected(probe.error());
        const QSqlRecord rec = probe->record();
        for (int i = 0; i < rec.count(); ++i)
            item.columns << rec.fieldName(i);
    } else {
        item.columns = stake.key + stake.columns;
    }
    QStringList cols;
    for (const QString &c : std::as_const(item.columns))
        cols << q(c);
    const QString target = qt(item.backupSchema, item.backupTable);
    if (auto st = copyInto(item, source, target, cols); !st)
        return std::unexpected(st.error());
    auto sum = TableChecksum::of(m_sql, item.backupSchema, item.backupTable, item.columns);
    if (!sum)
        return std::unexpected(sum.error().withContext(QStringLiteral("checksumming the backup of %1").arg(item.source())));
    item.checksum = *sum;
    item.rows = sum->rows;
    return item;
}

Status BackupStore::writeItem(qint64 id, const BackupItem &i)
{
    const QString sql = QStringLiteral("INSERT INTO %1 (%2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                            .arg(q(itemsTable()), q(QStringLiteral("backup_id")), q(QStringLiteral("item")), q(QStringLiteral("kind")),
                                 q(QStringLiteral("migration_id")), q(QStringLiteral("step")), q(QStringLiteral("source_schema")),
                                 q(QStringLiteral("source_table")), q(QStringLiteral("columns")), q(QStringLiteral("key_columns")),
                                 q(QStringLiteral("backup_schema")), q(QStringLiteral("backup_table")), q(QStringLiteral("row_count")),
                                 q(QStringLiteral("checksum")));
    auto r = m_sql.exec(sql, {id, i.item, kindName(i.kind), i.migrationId, i.step, i.sourceSchema, i.sourceTable, jsonList(i.columns),
                              jsonList(i.key), i.backupSchema, i.backupTable, i.rows, i.checksum.toString()});
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<std::optional<BackupRecord>> BackupStore::take(const QList<DataAtStake> &stakes, const BackupContext &context,
                                                      const ProgressSink *progress)
{
    // One item per table: a whole-table save covers its columns too.
    QList<DataAtStake> todo;
    for (const DataAtStake &s : stakes) {
        if (s.rows <= 0)
            continue;
        bool merged = false;
        for (DataAtStake &t : todo) {
            if (t.schema != s.schema || t.table.compare(s.table, Qt::CaseInsensitive) != 0)
                continue;
            if (s.kind == DataAtStake::Kind::Table || t.kind == DataAtStake::Kind::Table) {
                t.kind = DataAtStake::Kind::Table;
                t.columns.clear();
            } else {
                for (const QString &c : s.columns)
                    if (!t.columns.contains(c))
                        t.columns << c;
            }
            t.rows = qMax(t.rows, s.rows);
            merged = true;
        }
        if (!merged)
            todo << s;
    }
    if (todo.isEmpty())
        return std::optional<BackupRecord>();
    if (auto st = ensure(); !st)
        return std::unexpected(st.error());
    auto id = insertRecord(context);
    if (!id)
        return std::unexpected(id.error().withContext(QStringLiteral("recording the backup in %1").arg(catalogTable())));
    BackupRecord record;
    record.id = *id;
    record.takenAt = QDateTime::currentDateTimeUtc();
    record.migrations = context.migrations;
    record.direction = context.direction;
    record.takenBy = context.takenBy;
    record.databaseUser = context.databaseUser;
    record.environment = context.environment;
    record.status = QStringLiteral("kept");
    auto undo = [&](const Error &e) -> Result<std::optional<BackupRecord>> {
        // MySQL/MariaDB committed what was created: take it away again.
        if (m_caps.transactionalDdl)
            return std::unexpected(e);
        for (const BackupItem &i : std::as_const(record.items))
            (void)m_sql.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(qt(i.backupSchema, i.backupTable)));
        (void)m_sql.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(qt(QString(), backupTableFor(*id, int(record.items.size()) + 1))));
        (void)m_sql.exec(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(q(itemsTable()), q(QStringLiteral("backup_id"))), {*id});
        (void)m_sql.exec(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(q(catalogTable()), q(QStringLiteral("id"))), {*id});
        return std::unexpected(e);
    };
    for (qsizetype i = 0; i < todo.size(); ++i) {
        if (progress)
            progress->report(int(i), int(todo.size()), QStringLiteral("backing up %1").arg(todo.at(i).table));
        auto item = saveItem(*id, int(i) + 1, todo.at(i));
        if (!item)
            return undo(item.error());
        if (auto st = writeItem(*id, *item); !st)
            return undo(st.error());
        record.items << *item;
    }
    if (progress)
        progress->report(int(todo.size()), int(todo.size()), QString());
    return std::optional<BackupRecord>(record);
}

Result<QList<BackupRecord>> BackupStore::list()
{
    QList<BackupRecord> out;
    auto has = exists();
    if (!has)
        return std::unexpected(has.error());
    if (!*has)
        return out;
    auto records = m_sql.rows(QStringLiteral("SELECT %1, %2, %3, %4, %5, %6, %7, %8, %9, %10 FROM %11 ORDER BY %1")
                                  .arg(q(QStringLiteral("id")), q(QStringLiteral("taken_at")), q(QStringLiteral("migrations")),
                                       q(QStringLiteral("direction")), q(QStringLiteral("taken_by")), q(QStringLiteral("db_user")),
                                       q(QStringLiteral("environment")), q(QStringLiteral("status")), q(QStringLiteral("restored_at")),
                                       q(QStringLiteral("restored_by")), q(catalogTable())));
    if (!records)
        return std::unexpected(records.error());
    auto items = m_sql.rows(QStringLiteral("SELECT %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13 FROM %14 ORDER BY %1, %2")
                                .arg(q(QStringLiteral("backup_id")), q(QStringLiteral("item")), q(QStringLiteral("kind")),
                                     q(QStringLiteral("migration_id")), q(QStringLiteral("step")), q(QStringLiteral("source_schema")),
                                     q(QStringLiteral("source_table")), q(QStringLiteral("columns")), q(QStringLiteral("key_columns")),
                                     q(QStringLiteral("backup_schema")), q(QStringLiteral("backup_table")), q(QStringLiteral("row_count")),
                                     q(QStringLiteral("checksum")), q(itemsTable())));
    if (!items)
        return std::unexpected(items.error());
    QHash<qint64, qsizetype> index;
    for (const QVariantList &r : *records) {
        BackupRecord b;
        b.id = r.value(0).toLongLong();
        b.takenAt = readTimestamp(r.value(1));
        b.migrations = r.value(2).toString().split(u',', Qt::SkipEmptyParts);
        b.direction = r.value(3).toString();
        b.takenBy = r.value(4).toString();
        b.databaseUser = r.value(5).toString();
        b.environment = r.value(6).toString();
        b.status = r.value(7).toString();
        b.restoredAt = readTimestamp(r.value(8));
        b.restoredBy = r.value(9).toString();
        index.insert(b.id, out.size());
        out << b;
    }
    for (const QVariantList &r : *items) {
        const auto at = index.constFind(r.value(0).toLongLong());
        if (at == index.cend())
            continue;
        BackupItem i;
        i.item = r.value(1).toInt();
        i.kind = r.value(2).toString() == QLatin1String("table") ? DataAtStake::Kind::Table : DataAtStake::Kind::Columns;
        i.migrationId = r.value(3).toString();
        i.step = r.value(4).isNull() ? -1 : r.value(4).toInt();
        i.sourceSchema = r.value(5).toString();
        i.sourceTable = r.value(6).toString();
        i.columns = fromJsonList(r.value(7).toString());
        i.key = fromJsonList(r.value(8).toString());
        i.backupSchema = r.value(9).toString();
        i.backupTable = r.value(10).toString();
        i.rows = r.value(11).toLongLong();
        i.checksum = TableChecksum::Value::fromString(r.value(12).toString());
        out[*at].items << i;
    }
    if (Status st = readSizes(out); !st)
        return std::unexpected(st.error());
    return out;
}

// PostgreSQL and MySQL/MariaDB: the catalog's figures (pg_total_relation_size;
// DATA_LENGTH + INDEX_LENGTH, InnoDB's page count) through LiveData's one
// catalog statement. SQLite: dbstat, which walks the backup tables' pages
// only; a libsqlite3 built without dbstat leaves the sizes unknown.
Status BackupStore::readSizes(QList<BackupRecord> &records)
{
    QList<QPair<QString, QString>> tables;
    for (const BackupRecord &b : std::as_const(records))
        if (b.status != u"dropped")
            for (const BackupItem &i : b.items)
                tables.append({i.backupSchema, i.backupTable});
    if (tables.isEmpty())
        return {};
    QHash<QString, qint64> bytes;   // schema + '.' + table
    if (m_caps.dialect == Dialect::SQLite) {
        QVariantList binds;
        for (const auto &t : std::as_const(tables))
            binds << t.second;
        auto rows = m_sql.rows(QStringLiteral("SELECT name, SUM(pgsize) FROM dbstat WHERE name IN (%1) GROUP BY name")
                                   .arg(SqlExecutor::placeholders(binds.size())),
                               binds);
        if (!rows)
            return {};
        for (const QVariantList &r : *rows)
            bytes.insert(u'.' + r.value(0).toString(), r.value(1).toLongLong());
    } else {
        LiveData live(m_sql);
        if (Status st = live.readTables(tables); !st)
            return std::unexpected(st.error().withContext(QStringLiteral("reading the backup tables' sizes")));
        for (const auto &[schema, table] : std::as_const(tables))
            if (const LiveData::TableInfo *t = live.table(schema, table); t && t->bytes >= 0)
                bytes.insert(schema + u'.' + table, t->bytes);
    }
    for (BackupRecord &b : records)
        for (BackupItem &i : b.items)
            i.bytes = bytes.value(i.backupSchema + u'.' + i.backupTable, -1);
    return {};
}

Result<BackupRecord> BackupStore::get(qint64 id)
{
    auto all = list();
    if (!all)
        return std::unexpected(all.error());
    for (const BackupRecord &b : *all)
        if (b.id == id)
            return b;
    return fail(Error::Category::NotFound, QStringLiteral("there is no backup %1 in this database (`covet backup list` shows them)").arg(id));
}

Result<BackupCheck> BackupStore::verify(qint64 id)
{
    auto b = get(id);
    if (!b)
        return std::unexpected(b.error());
    BackupCheck check;
    for (const BackupItem &i : b->items) {
        BackupCheck::Item c{i.item, i.source(), false, {}};
        if (b->status == QLatin1String("dropped")) {
            c.detail = QStringLiteral("the backup was dropped");
            check.items << c;
            continue;
        }
        auto has = Catalog::tableExists(m_sql, i.backupTable, i.backupSchema);
        if (!has)
            return std::unexpected(has.error());
        if (!*has) {
            c.detail = QStringLiteral("its backup table %1 is missing").arg(i.backupTable);
            check.items << c;
            continue;
        }
        auto sum = TableChecksum::of(m_sql, i.backupSchema, i.backupTable, i.columns);
        if (!sum)
            return std::unexpected(sum.error());
        c.ok = *sum == i.checksum;
        c.detail = c.ok ? QStringLiteral("checksum matches (%1 rows)").arg(number(sum->rows))
                        : QStringLiteral("checksum differs: the backup table %1 was changed (now %2 rows, recorded %3)")
                              .arg(i.backupTable, number(sum->rows), number(i.checksum.rows));
        check.items << c;
    }
    return check;
}

Status BackupStore::drop(qint64 id)
{
    auto b = get(id);
    if (!b)
        return std::unexpected(b.error());
    for (const BackupItem &i : b->items)
        if (auto r = m_sql.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(qt(i.backupSchema, i.backupTable))); !r)
            return std::unexpected(r.error().withContext(QStringLiteral("dropping backup %1").arg(id)));
    auto r = m_sql.exec(QStringLiteral("UPDATE %1 SET %2 = 'dropped' WHERE %3 = ?").arg(q(catalogTable()), q(QStringLiteral("status")), q(QStringLiteral("id"))),
                        {id});
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<QList<qint64>> BackupStore::prune(int days)
{
    QList<qint64> dropped;
    if (days <= 0)
        return dropped;
    auto all = list();
    if (!all)
        return std::unexpected(all.error());
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-days);
    for (const BackupRecord &b : *all) {
        if (b.status == QLatin1String("dropped") || !b.takenAt.isValid() || b.takenAt >= cutoff)
            continue;
        if (auto st = drop(b.id); !st)
            return std::unexpected(st.error());
        dropped << b.id;
    }
    return dropped;
}

Status BackupStore::markRestored(qint64 id, const QString &by)
{
    auto r = m_sql.exec(QStringLiteral("UPDATE %1 SET %2 = 'restored', %3 = ?, %4 = ? WHERE %5 = ?")
                            .arg(q(catalogTable()), q(QStringLiteral("status")), q(QStringLiteral("restored_at")),
                                 q(QStringLiteral("restored_by")), q(QStringLiteral("id"))),
                        {timestampParam(QDateTime::currentDateTimeUtc()), by, id});
    if (!r)
        return std::unexpected(r.error());
    return {};
}

} // namespace covet
