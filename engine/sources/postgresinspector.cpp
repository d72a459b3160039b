#include "postgresinspector.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>
#include <numeric>

namespace covet {

namespace {

// The catalog queries, in the order inspect() runs them. Each reads one kind
// of object for every table at once (never one query per table). Oids come
// back as int8 (QPSQL would read oid as a signed int). The marker
// /*NSFILTER*/ becomes a bound schema filter when InspectOptions::schemas is
// set; as a comment it is harmless when left in.
enum QueryId { QNamespaces, QEnums, QTables, QColumns, QConstraints, QIndexes, QTriggers, QViews, QueryCount };

const QString &queryTemplate(int id)
{
    static const QString queries[QueryCount] = {
        // 0: namespaces; the first existing search_path schema is the default.
        QStringLiteral(R"(SELECT n.oid::int8, n.nspname, n.nspname = pg_catalog.current_schema()
FROM pg_catalog.pg_namespace n
WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema')"),
        // 1: enum types with their labels in sort order (all user schemas:
        // a column may use an enum from a schema that is not inspected).
        QStringLiteral(R"(SELECT t.oid::int8, t.typarray::int8, t.typnamespace::int8, t.typname, e.enumlabel
FROM pg_catalog.pg_enum e
JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
ORDER BY t.oid, e.enumsortorder)"),
        // 2: tables with their comments (all user schemas, so that foreign
        // keys into schemas that are not inspected still resolve) and their
        // number of attributes, dropped ones included (to size the lists).
        QStringLiteral(R"(SELECT c.oid::int8, c.relnamespace::int8, c.relname, d.description, c.relnatts
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema')"),
        // 3: columns (the inspector orders them by attnum). Defaults cannot
        // refer to columns, so they are deparsed without the relation
        // context (much cheaper); generated expressions need it. The last
        // column names the sequence a column with a default owns (serial).
        QStringLiteral(R"(SELECT a.attrelid::int8, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
 a.attnotnull, pg_catalog.pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END),
 a.attidentity::text, a.attgenerated::text, CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
 d.description, a.atttypid::int8, a.attndims, CASE WHEN ad.adbin IS NOT NULL THEN sq.objid::pg_catalog.regclass::text END
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = a.attnum
LEFT JOIN (SELECT dep.refobjid, dep.refobjsubid, dep.objid FROM pg_catalog.pg_depend dep
           JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
           WHERE dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
             AND dep.deptype = 'a') sq ON sq.refobjid = a.attrelid AND sq.refobjsubid = a.attnum
WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' /*NSFILTER*/)"),
        // 4: primary keys, unique, foreign key and check constraints.
        QStringLiteral(R"(SELECT co.conrelid::int8, co.conname, co.contype::text, co.conkey, co.confrelid::int8, co.confkey,
 co.confupdtype::text, co.confdeltype::text, co.condeferrable, co.condeferred,
 CASE WHEN co.contype = 'c' THEN pg_catalog.pg_get_constraintdef(co.oid, true) END
FROM pg_catalog.pg_constraint co
JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE co.contype IN ('p', 'u', 'f', 'c') AND c.relkind IN ('r', 'p')
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' /*NSFILTER*/)"),
        // 5: indexes that do not back a constraint, one row per key part.
        QStringLiteral(R"(SELECT i.indrelid::int8, i.indexrelid::int8, i.indkey[k.n - 1], i.indoption[k.n - 1],
 CASE WHEN i.indkey[k.n - 1] = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.n, true) END,
 CASE WHEN k.n = 1 THEN ic.relname END, i.indisunique,
 CASE WHEN k.n = 1 AND am.amname <> 'btree' THEN am.amname END,
 CASE WHEN k.n = 1 THEN pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) END
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL pg_catalog.generate_series(1, i.indnkeyatts::int) AS k(n)
WHERE c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' /*NSFILTER*/
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint pc
                  WHERE pc.conrelid = i.indrelid AND pc.conindid = i.indexrelid AND pc.contype IN ('p', 'u', 'x'))
ORDER BY i.indexrelid, k.n)"),
        // 6: user triggers on tables.
        QStringLiteral(R"(SELECT t.tgrelid::int8, t.tgname, t.tgtype, pg_catalog.pg_get_triggerdef(t.oid), t.tgfoid::pg_catalog.regproc::text
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND c.relkind IN ('r', 'p')
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' /*NSFILTER*/)"),
        // 7: views and materialized views.
        QStringLiteral(R"(SELECT c.relnamespace::int8, c.relname, c.relkind = 'm', pg_catalog.pg_get_viewdef(c.oid, true)
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm') AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' /*NSFILTER*/)"),
    };
    return queries[id];
}

// Only when a foreign key points into a schema whose columns were not read.
const QString kReferencedColumns = QStringLiteral(
    "SELECT a.attrelid::int8, a.attnum, a.attname FROM pg_catalog.pg_attribute a "
    "WHERE a.attrelid = ANY (?::pg_catalog.oid[]) AND a.attnum > 0 AND NOT a.attisdropped");

const QString kFilterMarker = QStringLiteral("/*NSFILTER*/");
const QString kFilterClause = QStringLiteral("AND n.nspname = ANY (?::text[])");

QString queryText(int id, bool filtered)
{
    const QString &text = queryTemplate(id);
    if (!filtered || !text.contains(kFilterMarker))
        return text;
    QString out = text;
    out.replace(kFilterMarker, kFilterClause);
    return out;
}

// A PostgreSQL array literal for binding a list of names.
QString textArrayLiteral(const QStringList &items)
{
    QString out = QStringLiteral("{");
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += u',';
        QString item = items.at(i);
        item.replace(u'\\', QStringLiteral("\\\\"));
        item.replace(u'"', QStringLiteral("\\\""));
        out += u'"' + item + u'"';
    }
    return out + u'}';
}

// "{1,2,-3}" -> [1, 2, -3] without building intermediate strings.
QList<int> parseIntArray(const QString &text)
{
    QList<int> out;
    int value = 0;
    bool negative = false;
    bool inNumber = false;
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c >= u'0' && c <= u'9') {
            value = value * 10 + int(c - u'0');
            inNumber = true;
        } else if (c == u'-') {
            negative = true;
        } else {
            if (inNumber)
                out << (negative ? -value : value);
            value = 0;
            negative = false;
            inNumber = false;
        }
    }
    if (inNumber)
        out << (negative ? -value : value);
    return out;
}

struct Namespace
{
    QString name;
    QString key;       // empty for the default schema
    bool included = false;
};

struct Relation
{
    QString schema;    // empty for the default schema
    QString name;
    int tableIndex = -1;           // into the output tables; -1: not reported
    QList<QString> attNames;       // indexed by attnum
};

struct EnumInfo
{
    EnumType type;
    QString reference;   // the name columns use: schema-qualified unless default
    bool reported = false;
};

struct PendingReference
{
    int tableIndex;
    qsizetype fkIndex;
    qint64 refRelid;
    QList<int> refAttnums;
};

bool resolveColumns(const Relation &rel, const QList<int> &attnums, QStringList &names)
{
    names.clear();
    names.reserve(attnums.size());
    for (const int n : attnums) {
        if (n <= 0 || n >= rel.attNames.size() || rel.attNames.at(n).isEmpty())
            return false;
        names << rel.attNames.at(n);
    }
    return true;
}

void setAttName(Relation &rel, int attnum, const QString &name)
{
    if (attnum <= 0)
        return;
    if (rel.attNames.size() <= attnum)
        rel.attNames.resize(attnum + 1);
    rel.attNames[attnum] = name;
}

// "(a * 2)" -> "a * 2"; "(a) + (b)" stays as it is.
QString stripOuterParens(QString expr)
{
    while (expr.size() >= 2 && expr.front() == u'(' && expr.back() == u')') {
        int depth = 0;
        QChar quote;
        bool wrapsAll = true;
        for (qsizetype i = 0; i < expr.size() - 1; ++i) {
            const QChar c = expr.at(i);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
                continue;
            }
            if (c == u'\'' || c == u'"')
                quote = c;
            else if (c == u'(')
                ++depth;
            else if (c == u')' && --depth == 0) {
                wrapsAll = false;
                break;
            }
        }
        if (!wrapsAll)
            break;
        expr = expr.mid(1, expr.size() - 2);
    }
    return expr;
}

// "CHECK (a > 0) NOT VALID" -> "a > 0"
QString checkExpression(QString def)
{
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const QLatin1String suffix : {QLatin1String(" NOT VALID"), QLatin1String(" NO INHERIT")}) {
            if (def.endsWith(suffix)) {
                def.chop(suffix.size());
                stripped = true;
            }
        }
    }
    if (def.startsWith(QLatin1String("CHECK (")) && def.endsWith(u')'))
        return def.mid(7, def.size() - 8);
    return def;
}

// The action part of a trigger definition: "EXECUTE FUNCTION f(args)".
QString triggerBody(const QString &definition, const QString &function)
{
    for (const QLatin1String keyword : {QLatin1String("EXECUTE FUNCTION "), QLatin1String("EXECUTE PROCEDURE ")}) {
        const qsizetype at = definition.lastIndexOf(keyword + function + u'(');
        if (at >= 0)
            return definition.mid(at);
    }
    for (const QLatin1String keyword : {QLatin1String(" EXECUTE FUNCTION "), QLatin1String(" EXECUTE PROCEDURE ")}) {
        const qsizetype at = definition.lastIndexOf(keyword);
        if (at >= 0)
            return definition.mid(at + 1);
    }
    return {};
}

// pg_trigger.tgtype bits (see catalog/pg_trigger.h).
constexpr int kTriggerRow = 1 << 0;
constexpr int kTriggerBefore = 1 << 1;
constexpr int kTriggerInsert = 1 << 2;
constexpr int kTriggerDelete = 1 << 3;
constexpr int kTriggerUpdate = 1 << 4;
constexpr int kTriggerTruncate = 1 << 5;
constexpr int kTriggerInstead = 1 << 6;
constexpr int kIndexOptionDesc = 1 << 0;

} // namespace

QStringList PostgresInspector::catalogQueries()
{
    QStringList out;
    for (int i = 0; i < QueryCount; ++i)
        out << queryText(i, false);
    return out;
}

Result<Schema> PostgresInspector::inspect(SqlExecutor &sql, const InspectOptions &options, const ProgressSink *progress)
{
    static const char *const phases[QueryCount] = {"schemas", "enum types", "tables", "columns",
                                                   "constraints", "indexes", "triggers", "views"};
    const bool filtered = !options.schemas.isEmpty();
    const QVariantList filterBinds = filtered ? QVariantList{textArrayLiteral(options.schemas)} : QVariantList{};
    const bool cancellable = progress && progress->cancel;

    auto run = [&](int id) -> Result<QSqlQuery> {
        if (progress) {
            progress->report(id, QueryCount, QStringLiteral("reading %1").arg(QLatin1String(phases[id])));
            if (progress->cancelled())
                return std::unexpected(cancelledError(Dialect::PostgreSQL));
        }
        const QString text = queryText(id, filtered);
        const bool bound = filtered && text.contains(kFilterClause);
        auto q = sql.exec(text, bound ? filterBinds : QVariantList{});
        if (!q)
            return std::unexpected(q.error().withContext(QStringLiteral("reading PostgreSQL %1").arg(QLatin1String(phases[id]))));
        return q;
    };
    // Checked every few thousand rows inside the larger result sets.
    auto cancelledNow = [&](int row) { return cancellable && (row & 4095) == 0 && progress->cancelled(); };

    Schema schema;
    schema.dialect = Dialect::PostgreSQL;

    // Namespaces.
    QHash<qint64, Namespace> namespaces;
    {
        auto q = run(QNamespaces);
        if (!q)
            return std::unexpected(q.error());
        while (q->next()) {
            Namespace ns;
            ns.name = q->value(1).toString();
            const bool isDefault = q->value(2).toBool();
            ns.key = isDefault ? QString() : ns.name;
            ns.included = !filtered || options.schemas.contains(ns.name);
            // Covet's own schema (_covet_backup: backup tables) is bookkeeping, like _covet_* tables.
            if (!options.includeCovetTables && !isDefault && isCovetTable(ns.name))
                ns.included = false;
            if (ns.included && !isDefault)
                schema.namespaces << ns.name;
            namespaces.insert(q->value(0).toLongLong(), ns);
        }
        if (Status st = SqlExecutor::endOfRows(*q); !st) return std::unexpected(st.error());
    }

    // Enum types, by type oid and by their array type's oid.
    QList<EnumInfo> enums;
    QHash<qint64, qsizetype> enumByType;
    QHash<qint64, qsizetype> enumByArrayType;
    {
        auto q = run(QEnums);
        if (!q)
            return std::unexpected(q.error());
        qint64 current = 0;
        EnumInfo *info = nullptr;
        while (q->next()) {
            const qint64 oid = q->value(0).toLongLong();
            if (oid != current || !info) {
                current = oid;
                const Namespace ns = namespaces.value(q->value(2).toLongLong());
                EnumInfo e;
                e.type.schema = ns.key;
                e.type.name = q->value(3).toString();
                e.reference = ns.key.isEmpty() ? e.type.name : ns.key + u'.' + e.type.name;
                e.reported = ns.included;
                enumByType.insert(oid, enums.size());
                enumByArrayType.insert(q->value(1).toLongLong(), enums.size());
                enums << e;
                info = &enums.last();
            }
            info->type.values << q->value(4).toString();
        }
        if (Status st = SqlExecutor::endOfRows(*q); !st) return std::unexpected(st.error());
    }

    // Tables.
    QHash<qint64, Relation> relations;
    QList<Table> tables;
    {
        auto q = run(QTables);
        if (!q)
            return std::unexpected(q.error());
        while (q->next()) {
            const auto ns = namespaces.constFind(q->value(1).toLongLong());
            if (ns == namespaces.constEnd())
                continue;
            Relation rel;
            rel.schema = ns->key;
            rel.name = q->value(2).toString();
            if (ns->included && (options.includeCovetTables || !isCovetTable(rel.name))) {
                rel.tableIndex = int(tables.size());
                Table t;
                t.schema = rel.schema;
                t.name = rel.name;
                t.comment = q->value(3).toString();
                t.columns.reserve(q->value(4).toInt());
                tables << std::move(t);
            }
            relations.insert(q->value(0).toLongLong(), std::move(rel));
        }
        if (Status st = SqlExecutor::endOfRows(*q); !st) return std::unexpected(st.error());
    }

    // Columns. Rows mostly arrive grouped by table, so the table lookup
    // usually happens once per table; types are parsed once per distinct
    // spelling; each table's columns are put in attnum order at the end.
    {
        QList<QList<int>> attnums(tables.size());
        for (qsizetype i = 0; i < tables.size(); ++i)
            attnums[i].reserve(tables.at(i).columns.capacity());
        auto q = run(QColumns);
        if (!q)
            return std::unexpected(q.error());
        QHash<QString, SqlType> typeCache;
        qint64 currentRel = 0;
        Relation *rel = nullptr;
        Table *table = nullptr;
        int row = 0;
        while (q->next()) {
            if (cancelledNow(++row))
                return std::unexpected(cancelledError(Dialect::PostgreSQL));
            const qint64 relid = q->value(0).toLongLong();
            if (relid != currentRel || !rel) {
                currentRel = relid;
                const auto it = relations.find(relid);
                rel = it == relations.end() ? nullptr : &*it;
                table = rel && rel->tableIndex >= 0 ? &tables[rel->tableIndex] : nullptr;
            }
            if (!rel)
                continue;
            const int attnum = q->value(1).toInt();
            Column c;
            c.name = q->value(2).toString();
            setAttName(*rel, attnum, c.name);
            if (!table)
                continue;

            const QString rawType = q->value(3).toString();
            auto cached = typeCache.constFind(rawType);
            if (cached == typeCache.constEnd())
                cached = typeCache.insert(rawType, SqlType::fromDialect(Dialect::PostgreSQL, rawType));
            c.type = *cached;
            const qint64 typeOid = q->value(10).toLongLong();
            if (!enums.isEmpty()) {
                qsizetype e = enumByType.value(typeOid, -1);
                if (e < 0)
                    e = enumByArrayType.value(typeOid, -1);
                if (e >= 0) {
                    c.type.setKind(SqlType::Kind::Enum);
                    c.type.setEnumName(enums.at(e).reference);
                    c.type.setEnumValues(enums.at(e).type.values);
                }
            }
            // format_type() prints one [] whatever the declared dimensions.
            const int declaredDims = q->value(11).toInt();
            if (declaredDims > c.type.arrayDimensions())
                c.type.setArrayDimensions(declaredDims);

            c.nullable = !q->value(4).toBool();
            const QVariant def = q->value(5);
            const QString identity = q->value(6).toString();
            const QString generated = q->value(7).toString();
            if (generated == u"s") {
                c.generatedExpr = stripOuterParens(def.toString());
                c.generatedStored = true;
            } else if (!def.isNull()) {
                const QString expr = def.toString();
                const QVariant ownedSequence = q->value(12);
                bool serial = false;
                if (!ownedSequence.isNull() && expr.startsWith(QLatin1String("nextval('"))) {
                    QString seq = ownedSequence.toString();
                    seq.replace(u'\'', QStringLiteral("''"));
                    serial = expr == QStringLiteral("nextval('%1'::regclass)").arg(seq);
                }
                if (serial)
                    c.identity = Column::Identity::AutoIncrement;
                else
                    c.defaultExpr = expr;
            }
            if (identity == u"a")
                c.identity = Column::Identity::Always;
            else if (identity == u"d")
                c.identity = Column::Identity::ByDefault;
            c.collation = q->value(8).toString();
            c.comment = q->value(9).toString();
            table->columns << std::move(c);
            attnums[rel->tableIndex] << attnum;
        }
        if (Status st = SqlExecutor::endOfRows(*q); !st) return std::unexpected(st.error());
        for (qsizetype i = 0; i < tables.size(); ++i) {
            const QList<int> &order = attnums.at(i);
            if (std::is_sorted(order.cbegin(), order.cend()))
                continue;
            QList<qsizetype> perm(order.size());
            std::iota(perm.begin(), perm.end(), 0);
            std::sort(perm.begin(), perm.end(), [&](qsizetype a, qsizetype b) { return order.at(a) < order.at(b); });
            QList<Column> sorted;
            sorted.reserve(perm.size());
            for (const qsizetype p : perm)
                sorted << std::move(tables[i].columns[p]);
            tables[i].columns = std::move(sorted);
        }
    }

    // Constraints.
    QList<PendingReference> pending;
    {
        auto q = run(QConstraints);
        if (!q)
            return std::unexpected(q.error());
        int row = 0;
        while (q->next()) {
            if (cancelledNow(++row))
                return std::unexpected(cancelledError(Dialect::PostgreSQL));
            const auto it = relations.constFind(q->value(0).toLongLong());
            if (it == relations.constEnd() || it->tableIndex < 0)
                continue;
            Table &table = tables[it->tableIndex];
            const QString name = q->value(1).toString();
            const QString type = q->value(2).toString();
            QStringList columns;
            const bool resolved = resolveColumns(*it, parseIntArray(q->value(3).toString()), columns);
            if (type == u"c") {
                table.checks << Check{name, checkExpression(q->value(10).toString())};
                continue;
            }
            if (!resolved) {
                return fail(Error::Category::Internal,
                            QStringLiteral("constraint %1 names columns that were not read from the catalog").arg(name),
                            QStringLiteral("table %1").arg(table.qualifiedName()));
            }
            if (type == u"p") {
                table.primaryKey = PrimaryKey{name, columns};
            } else if (type == u"u") {
                table.uniques << UniqueConstraint{name, columns};
            } else if (type == u"f") {
                ForeignKey fk;
                fk.name = name;
                fk.columns = columns;
                const qint64 refRelid = q->value(4).toLongLong();
                const auto ref = relations.constFind(refRelid);
                if (ref == relations.constEnd()) {
                    return fail(Error::Category::Internal,
                                QStringLiteral("foreign key %1 references a table outside the user schemas").arg(name),
                                QStringLiteral("table %1").arg(table.qualifiedName()));
                }
                fk.refSchema = ref->schema;
                fk.refTable = ref->name;
                const QList<int> refAttnums = parseIntArray(q->value(5).toString());
                if (!resolveColumns(*ref, refAttnums, fk.refColumns))
                    pending << PendingReference{it->tableIndex, table.foreignKeys.size(), refRelid, refAttnums};
                fk.onUpdate = fkActionFromSql(q->value(6).toString()).value_or(ForeignKey::Action::NoAction);
                fk.onDelete = fkActionFromSql(q->value(7).toString()).value_or(ForeignKey::Action::NoAction);
                fk.deferrable = q->value(8).toBool();
                fk.initiallyDeferred = q->value(9).toBool();
                table.foreignKeys << std::move(fk);
            }
        }
        if (Status st = SqlExecutor::endOfRows(*q); !st) return std::unexpected(st.error());
    }
    // Foreign keys into schemas whose columns were not read (a schema filter
    // is in effect): one more query for all of them together.
    if (!pending.isEmpty()) {
        QStringList oids;
        for (const PendingReference &p : pending)
            oids << QString::number(p.refRelid);
        oids.removeDuplicates();
        auto q = sql.exec(kReferencedColumns, {u'{' + oids.join(u',') + u'}'});
        if (!q)
            return std::unexpected(q.error().withContext(QStringLiteral("reading PostgreSQL referenced columns")));
        while (q->next()) {
            const auto it = relations.find(q->value(0).toLongLong());
            if (it != relations.end())
                setAttName(*it, q->value(1).toInt(), q->value(2).toString());
        }
        if (Status st = SqlExecutor::endOfRows(*q); !st) return std::unexpected(st.error());
        for (const PendingReference &p : pending) {
            ForeignKey &fk = tables[p.tableIndex].foreignKeys[p.fkIndex];
            if (!resolveColumns(relations.value(p.refRelid), p.refAttnums, fk.refColumns)) {
                return fail(Error::Category::Internal,
                            QStringLiteral("foreign key %1 references columns that were not found").arg(fk.name),
                            QStringLiteral("table %1").arg(tables[p.tableIndex].qualifiedName()));
            }
        }
    }

    // Indexes, one row per key part, grouped by index.
    {
        auto q = run(QIndexes);
        if (!q)
            return std::unexpected(q.error());
        qint64 currentIndex = 0;
        Index *index = nullptr;
        const Relation *rel = nullptr;
        int row = 0;
        while (q->next()) {
            if (cancelledNow(++row))
                return std::unexpected(cancelledError(Dialect::PostgreSQL));
            const qint64 indexOid = q->value(1).toLongLong();
            if (indexOid != currentIndex) {
                currentIndex = indexOid;
                index = nullptr;
                const auto it = relations.constFind(q->value(0).toLongLong());
                rel = it == relations.constEnd() ? nullptr : &*it;
                if (rel && rel->tableIndex >= 0) {
                    Table &table = tables[rel->tableIndex];
                    Index i;
                    i.name = q->value(5).toString();
                    i.unique = q->value(6).toBool();
                    i.method = q->value(7).toString();
                    i.where = q->value(8).toString();
                    table.indexes << std::move(i);
                    index = &table.indexes.last();
                }
            }
            if (!index)
                continue;
            IndexPart part;
            const int attnum = q->value(2).toInt();
            if (attnum != 0)
                part.column = rel->attNames.value(attnum);
            else
                part.expression = stripOuterParens(q->value(4).toString());
            part.descending = (q->value(3).toInt() & kIndexOptionDesc) != 0;
            index->parts << std::move(part);
        }
        if (Status st = SqlExecutor::endOfRows(*q); !st) return std::unexpected(st.error());
    }

    // Triggers.
    {
        auto q = run(QTriggers);
        if (!q)
            return std::unexpected(q.error());
        while (q->next()) {
            const auto it = relations.constFind(q->value(0).toLongLong());
            if (it == relations.constEnd() || it->tableIndex < 0)
                continue;
            Trigger tr;
            tr.name = q->value(1).toString();
            const int type = q->value(2).toInt();
            tr.timing = (type & kTriggerInstead) ? QStringLiteral("INSTEAD OF")
                      : (type & kTriggerBefore)  ? QStringLiteral("BEFORE")
                                                 : QStringLiteral("AFTER");
            if (type & kTriggerInsert)
                tr.events << QStringLiteral("INSERT");
            if (type & kTriggerUpdate)
                tr.events << QStringLiteral("UPDATE");
            if (type & kTriggerDelete)
                tr.events << QStringLiteral("DELETE");
            if (type & kTriggerTruncate)
                tr.events << QStringLiteral("TRUNCATE");
            tr.forEachRow = (type & kTriggerRow) != 0;
            tr.definition = q->value(3).toString();
            tr.body = triggerBody(tr.definition, q->value(4).toString());
            tables[it->tableIndex].triggers << std::move(tr);
        }
        if (Status st = SqlExecutor::endOfRows(*q); !st) return std::unexpected(st.error());
    }

    // Views and materialized views.
    {
        auto q = run(QViews);
        if (!q)
            return std::unexpected(q.error());
        while (q->next()) {
            const auto ns = namespaces.constFind(q->value(0).toLongLong());
            if (ns == namespaces.constEnd() || !ns->included)
                continue;
            View v;
            v.schema = ns->key;
            v.name = q->value(1).toString();
            if (!options.includeCovetTables && isCovetTable(v.name))
                continue;
            v.materialized = q->value(2).toBool();
            v.definition = q->value(3).toString().trimmed();
            if (v.definition.endsWith(u';'))
                v.definition.chop(1);
            schema.views << std::move(v);
        }
        if (Status st = SqlExecutor::endOfRows(*q); !st) return std::unexpected(st.error());
    }

    if (progress) {
        if (progress->cancelled())
            return std::unexpected(cancelledError(Dialect::PostgreSQL));
        progress->report(QueryCount, QueryCount, QStringLiteral("done"));
    }

    for (EnumInfo &e : enums)
        if (e.reported)
            schema.enums << std::move(e.type);
    schema.tables = std::move(tables);
    schema.canonicalize();
    return schema;
}

} // namespace covet
