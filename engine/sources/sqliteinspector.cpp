#include "sqliteinspector.h"

#include "sqlitecreateparser.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace covet {

namespace {

// Every user table of the main schema: not SQLite's own, not virtual tables
// (their modules may be missing, and their shadow tables are implementation).
const QLatin1String kUserTables(
    "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.sql NOT LIKE 'CREATE VIRTUAL%'");

struct PendingFk
{
    ForeignKey fk;
    bool refColumnsImplicit = false;
};

} // namespace

Result<Schema> SqliteInspector::inspect(SqlExecutor &sql, const InspectOptions &options, const ProgressSink *progress)
{
    auto isCancelled = [progress] { return progress && progress->cancelled(); };
    auto report = [progress](int step, const QString &what) {
        if (progress)
            progress->report(step, 4, what);
    };
    Schema schema;
    schema.dialect = Dialect::SQLite;

    // 1. Objects and their CREATE statements.
    report(0, QStringLiteral("objects"));
    auto objects = sql.exec(QStringLiteral(
        "SELECT m.type, m.name, m.tbl_name, m.sql FROM sqlite_master m "
        "WHERE m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.sql IS NOT NULL ORDER BY m.type, m.name"));
    if (!objects)
        return std::unexpected(objects.error().withContext(QStringLiteral("reading sqlite_master")));
    QHash<QString, int> tableIndex;                      // table name -> index in schema.tables
    QHash<QString, SqliteCreateParser::TableInfo> parsed; // table name -> parsed CREATE TABLE
    QHash<QString, QString> indexSql;                    // index name -> CREATE INDEX
    QList<QPair<QString, QString>> triggerSql;           // (table, CREATE TRIGGER)
    QList<QString> triggerNames;
    while (objects->next()) {
        const QString type = objects->value(0).toString();
        const QString name = objects->value(1).toString();
        const QString text = objects->value(3).toString();
        if (type == u"table") {
            if (text.startsWith(QLatin1String("CREATE VIRTUAL"), Qt::CaseInsensitive))
                continue;
            if (!options.includeCovetTables && isCovetTable(name))
                continue;
            Table t;
            t.name = name;
            const auto info = SqliteCreateParser::parseCreateTable(text);
            t.withoutRowid = info.withoutRowid;
            parsed.insert(name, info);
            tableIndex.insert(name, int(schema.tables.size()));
            schema.tables << t;
        } else if (type == u"index") {
            indexSql.insert(name, text);
        } else if (type == u"view") {
            schema.views << View{QString(), name, SqliteCreateParser::viewSelect(text), false};
        } else if (type == u"trigger") {
            triggerSql.append({objects->value(2).toString(), text});
            triggerNames << name;
        }
    }
    if (Status st = SqlExecutor::endOfRows(*objects); !st)
        return std::unexpected(st.error());
    if (isCancelled())
        return std::unexpected(cancelledError(Dialect::SQLite));

    // 2. Columns of every table, in one statement.
    report(1, QStringLiteral("columns"));
    auto cols = sql.exec(QStringLiteral(
        "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
        "FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p WHERE %1 ORDER BY m.name, p.cid").arg(kUserTables));
    if (!cols)
        return std::unexpected(cols.error().withContext(QStringLiteral("reading columns")));
    QHash<QString, QList<QPair<int, QString>>> pkParts;  // table -> (pk ordinal, column)
    while (cols->next()) {
        const auto it = tableIndex.constFind(cols->value(0).toString());
        if (it == tableIndex.constEnd())
            continue;
        Table &t = schema.tables[*it];
        Column c;
        c.name = cols->value(2).toString();
        c.type = SqlType::fromDialect(Dialect::SQLite, cols->value(3).toString());
        c.nullable = cols->value(4).toInt() == 0;
        if (!cols->value(5).isNull())
            c.defaultExpr = cols->value(5).toString();
        const int pk = cols->value(6).toInt();
        const int hidden = cols->value(7).toInt();
        if (pk > 0)
            pkParts[t.name].append({pk, c.name});
        const auto &info = parsed[t.name];
        for (const auto &ci : info.columns) {
            if (ci.name.compare(c.name, Qt::CaseInsensitive) != 0)
                continue;
            c.collation = ci.collation;
            if (hidden == 2 || hidden == 3) {
                c.generatedExpr = ci.generatedExpr;
                c.generatedStored = hidden == 3;
            }
            if (ci.autoincrement)
                c.identity = Column::Identity::AutoIncrement;
            break;
        }
        t.columns << c;
    }
    if (Status st = SqlExecutor::endOfRows(*cols); !st)
        return std::unexpected(st.error());
    for (auto it = pkParts.begin(); it != pkParts.end(); ++it) {
        Table &t = schema.tables[tableIndex.value(it.key())];
        auto parts = it.value();
        std::sort(parts.begin(), parts.end());
        PrimaryKey pk;
        for (const auto &p : parts)
            pk.columns << p.second;
        for (const auto &tc : parsed[t.name].constraints)
            if (tc.kind == SqliteCreateParser::TableConstraint::PrimaryKey)
                pk.name = tc.name;
        for (const auto &ci : parsed[t.name].columns)
            if (!ci.primaryKeyName.isEmpty() && pk.columns.size() == 1 && ci.name.compare(pk.columns.first(), Qt::CaseInsensitive) == 0)
                pk.name = ci.primaryKeyName;
        // An INTEGER PRIMARY KEY is the rowid: it can never hold NULL.
        if (pk.columns.size() == 1 && !t.withoutRowid) {
            Column *c = t.column(pk.columns.first());
            if (c && c->type.kind() == SqlType::Kind::Integer && c->type.raw().compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0)
                c->nullable = false;
        }
        t.primaryKey = pk;
    }
    if (isCancelled())
        return std::unexpected(cancelledError(Dialect::SQLite));

    // 3. Indexes and unique constraints, with their key columns.
    report(2, QStringLiteral("indexes"));
    auto idx = sql.exec(QStringLiteral(
        "SELECT m.name, il.name, il.\"unique\", il.origin, ii.seqno, ii.cid, ii.name, ii.\"desc\" "
        "FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ii "
        "WHERE %1 AND ii.key = 1 ORDER BY m.name, il.name, ii.seqno").arg(kUserTables));
    if (!idx)
        return std::unexpected(idx.error().withContext(QStringLiteral("reading indexes")));
    struct RawIndex
    {
        QString table, name, origin;
        bool unique = false;
        QList<int> cids;
        QStringList names;
        QList<bool> desc;
    };
    QList<RawIndex> rawIndexes;
    while (idx->next()) {
        const QString table = idx->value(0).toString();
        const QString name = idx->value(1).toString();
        if (rawIndexes.isEmpty() || rawIndexes.last().table != table || rawIndexes.last().name != name) {
            RawIndex r;
            r.table = table;
            r.name = name;
            r.unique = idx->value(2).toInt() != 0;
            r.origin = idx->value(3).toString();
            rawIndexes << r;
        }
        RawIndex &r = rawIndexes.last();
        r.cids << idx->value(5).toInt();
        r.names << idx->value(6).toString();
        r.desc << (idx->value(7).toInt() != 0);
    }
    if (Status st = SqlExecutor::endOfRows(*idx); !st)
        return std::unexpected(st.error());
    for (const RawIndex &r : rawIndexes) {
        const auto ti = tableIndex.constFind(r.table);
        if (ti == tableIndex.constEnd())
            continue;
        Table &t = schema.tables[*ti];
        if (r.origin == u"pk")
            continue;
        if (r.origin == u"u") {
            UniqueConstraint u;
            u.columns = r.names;
            for (const auto &tc : parsed[t.name].constraints)
                if (tc.kind == SqliteCreateParser::TableConstraint::Unique && tc.columns == u.columns)
                    u.name = tc.name;
            if (u.columns.size() == 1)
                for (const auto &ci : parsed[t.name].columns)
                    if (ci.unique && ci.name.compare(u.columns.first(), Qt::CaseInsensitive) == 0)
                        u.name = ci.uniqueName;
            t.uniques << u;
            continue;
        }
        Index index;
        index.name = r.name;
        index.unique = r.unique;
        const auto info = SqliteCreateParser::parseCreateIndex(indexSql.value(r.name));
        for (int k = 0; k < r.cids.size(); ++k) {
            IndexPart part;
            part.descending = r.desc.value(k);
            if (r.cids.at(k) >= 0)
                part.column = r.names.at(k);
            else if (r.cids.at(k) == -1)
                part.column = QStringLiteral("rowid");
            else
                part.expression = info.parts.value(k);
            index.parts << part;
        }
        index.where = info.where;
        t.indexes << index;
    }
    if (isCancelled())
        return std::unexpected(cancelledError(Dialect::SQLite));

    // 4. Foreign keys.
    report(3, QStringLiteral("foreign keys"));
    auto fks = sql.exec(QStringLiteral(
        "SELECT m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
        "FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE %1 ORDER BY m.name, f.id, f.seq").arg(kUserTables));
    if (!fks)
        return std::unexpected(fks.error().withContext(QStringLiteral("reading foreign keys")));
    QList<QPair<QString, PendingFk>> pending;  // (table, fk)
    int lastId = -1;
    QString lastTable;
    while (fks->next()) {
        const QString table = fks->value(0).toString();
        const int id = fks->value(1).toInt();
        if (pending.isEmpty() || table != lastTable || id != lastId) {
            PendingFk p;
            p.fk.refTable = fks->value(3).toString();
            p.fk.onUpdate = fkActionFromSql(fks->value(6).toString()).value_or(ForeignKey::Action::NoAction);
            p.fk.onDelete = fkActionFromSql(fks->value(7).toString()).value_or(ForeignKey::Action::NoAction);
            pending.append({table, p});
            lastTable = table;
            lastId = id;
        }
        PendingFk &p = pending.last().second;
        p.fk.columns << fks->value(4).toString();
        if (fks->value(5).isNull())
            p.refColumnsImplicit = true;
        else
            p.fk.refColumns << fks->value(5).toString();
    }
    if (Status st = SqlExecutor::endOfRows(*fks); !st)
        return std::unexpected(st.error());
    for (auto &[table, p] : pending) {
        const auto ti = tableIndex.constFind(table);
        if (ti == tableIndex.constEnd())
            continue;
        Table &t = schema.tables[*ti];
        if (p.refColumnsImplicit) {
            // REFERENCES parent without columns: the parent's primary key.
            const Table *parent = schema.table(p.fk.refTable);
            p.fk.refColumns = parent && parent->primaryKey ? parent->primaryKey->columns : QStringList();
        }
        for (const auto &tc : parsed[t.name].constraints)
            if (tc.kind == SqliteCreateParser::TableConstraint::ForeignKey && tc.columns == p.fk.columns) {
                p.fk.name = tc.name;
                p.fk.deferrable = tc.deferrable;
                p.fk.initiallyDeferred = tc.initiallyDeferred;
            }
        if (p.fk.columns.size() == 1)
            for (const auto &ci : parsed[t.name].columns)
                if (ci.hasFk && ci.name.compare(p.fk.columns.first(), Qt::CaseInsensitive) == 0) {
                    p.fk.name = ci.fkName;
                    p.fk.deferrable = ci.fkDeferrable;
                    p.fk.initiallyDeferred = ci.fkInitiallyDeferred;
                }
        t.foreignKeys << p.fk;
    }

    // Checks (table- and column-level) and triggers come from the statements' text.
    for (Table &t : schema.tables) {
        const auto &info = parsed[t.name];
        for (const auto &tc : info.constraints)
            if (tc.kind == SqliteCreateParser::TableConstraint::Check)
                t.checks << Check{tc.name, tc.expression};
        for (const auto &ci : info.columns)
            for (int k = 0; k < ci.checkExprs.size(); ++k)
                t.checks << Check{ci.checkNames.value(k), ci.checkExprs.at(k)};
    }
    for (int k = 0; k < triggerSql.size(); ++k) {
        const auto ti = tableIndex.constFind(triggerSql.at(k).first);
        if (ti == tableIndex.constEnd())
            continue;
        const auto info = SqliteCreateParser::parseCreateTrigger(triggerSql.at(k).second);
        Trigger tr;
        tr.name = triggerNames.at(k);
        tr.timing = info.timing;
        tr.events = info.events;
        tr.forEachRow = true;   // SQLite has only row triggers
        tr.body = info.body;
        tr.definition = triggerSql.at(k).second;
        schema.tables[*ti].triggers << tr;
    }
    report(4, QStringLiteral("done"));
    schema.canonicalize();
    return schema;
}

} // namespace covet
