#include "mysqlinspector.h"

#include "../sql/identifierquoter.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace covet {

// How MySQL/MariaDB objects map onto the Schema model:
// - The current database (DATABASE()) is the default namespace; tables carry
//   an empty schema. A foreign key into another database keeps that name in
//   refSchema.
// - The primary key has no name (MySQL always calls it PRIMARY).
// - UNIQUE constraints ARE unique indexes in MySQL (one object, listed in
//   STATISTICS and TABLE_CONSTRAINTS alike). We represent every one of them as
//   an Index with unique = true and leave Table::uniques empty, so
//   "UNIQUE KEY u (a)" and "CONSTRAINT u UNIQUE (a)" read identically.
// - Every index except PRIMARY is listed, including the ones InnoDB created to
//   back a foreign key.
// - Index method: BTREE (the default) is empty; fulltext, spatial, hash are
//   kept in lower case.
// - MariaDB's JSON is LONGTEXT plus an automatic CHECK (json_valid(`col`)):
//   the column reads as json and that check is dropped.
// - A column's charset/collation are recorded only where they differ from the
//   table's, so a plain table stays plain; tables always record theirs.
// - Defaults are SQL expressions (see normalizeDefault()).
// - Check expressions and generation expressions lose one pair of enclosing
//   parentheses (MySQL 8 adds them, MariaDB does not).
// - View definitions lose the `database`. qualifier MySQL writes into them.

namespace {

constexpr int kSteps = 8;

QString text(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(v.toByteArray());
    return v.toString();
}

int versionNumber(const QString &version)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)\\.(\\d+)\\.(\\d+)"));
    const QRegularExpressionMatch m = re.match(version);
    if (!m.hasMatch())
        return 0;
    return m.captured(1).toInt() * 10000 + m.captured(2).toInt() * 100 + m.captured(3).toInt();
}

bool isNumericKind(const SqlType &t)
{
    switch (t.kind()) {
    case SqlType::Kind::Boolean:
    case SqlType::Kind::TinyInt:
    case SqlType::Kind::SmallInt:
    case SqlType::Kind::MediumInt:
    case SqlType::Kind::Integer:
    case SqlType::Kind::BigInt:
    case SqlType::Kind::Decimal:
    case SqlType::Kind::Real:
    case SqlType::Kind::Double:
        return true;
    default:
        return false;
    }
}

// current_timestamp(), now(), CURRENT_TIMESTAMP(3) -> CURRENT_TIMESTAMP[(n)]
std::optional<QString> currentTimestamp(const QString &expr)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:current_timestamp|now|localtimestamp|localtime)\\s*(?:\\(\\s*(\\d*)\\s*\\))?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(expr.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const QString precision = m.captured(1);
    if (precision.isEmpty() || precision == u"0")
        return QStringLiteral("CURRENT_TIMESTAMP");
    return QStringLiteral("CURRENT_TIMESTAMP(%1)").arg(precision);
}

QString methodOf(const QString &indexType)
{
    const QString t = indexType.trimmed().toLower();
    return t == u"btree" ? QString() : t;
}

} // namespace

std::optional<QString> MysqlInspector::normalizeDefault(const QVariant &columnDefault, const QString &extra,
                                                        const SqlType &type, bool expressionDefaults)
{
    if (columnDefault.isNull())
        return std::nullopt;
    const QString value = text(columnDefault);
    if (expressionDefaults) {
        // MariaDB >= 10.2.7: already an expression.
        if (value.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
            return std::nullopt;
        if (auto ts = currentTimestamp(value))
            return ts;
        return value;
    }
    // MySQL (and MariaDB before 10.2.7): the bare value, expressions flagged.
    if (extra.contains(QLatin1String("DEFAULT_GENERATED"), Qt::CaseInsensitive)) {
        if (auto ts = currentTimestamp(value))
            return ts;
        return value;
    }
    if (type.isTemporal()) {
        if (auto ts = currentTimestamp(value))
            return ts;
    }
    if (isNumericKind(type)) {
        bool ok = false;
        value.toDouble(&ok);
        if (ok)
            return value;
    }
    if (value.startsWith(QLatin1String("b'"), Qt::CaseInsensitive) && type.kind() == SqlType::Kind::Other)
        return value;   // bit literal
    return IdentifierQuoter::literal(Dialect::MySQL, value);
}

QString MysqlInspector::stripDatabaseQualifier(const QString &sql, const QString &database)
{
    if (database.isEmpty())
        return sql;
    QString out;
    out.reserve(sql.size());
    const qsizetype n = sql.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = sql.at(i);
        if (c == u'\'' || c == u'"') {
            // A string literal: copied verbatim (doubled quotes and backslash escapes).
            const qsizetype start = i++;
            while (i < n) {
                const QChar d = sql.at(i);
                if (d == u'\\') {
                    i += 2;
                    continue;
                }
                if (d == c) {
                    if (i + 1 < n && sql.at(i + 1) == c) {
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                ++i;
            }
            out += QStringView(sql).mid(start, std::min(i, n) - start);
            continue;
        }
        if (c == u'`') {
            const qsizetype start = i++;
            QString name;
            while (i < n) {
                if (sql.at(i) == u'`') {
                    if (i + 1 < n && sql.at(i + 1) == u'`') {
                        name += u'`';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                name += sql.at(i++);
            }
            if (name == database && i < n && sql.at(i) == u'.') {
                ++i;   // drop `database`.
                continue;
            }
            out += QStringView(sql).mid(start, i - start);
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

QString MysqlInspector::stripOuterParentheses(const QString &expression)
{
    QString e = expression.trimmed();
    while (e.size() >= 2 && e.front() == u'(' && e.back() == u')') {
        // Do the first '(' and the last ')' match each other?
        int depth = 0;
        QChar quote;
        bool enclosesAll = true;
        for (qsizetype i = 0; i < e.size(); ++i) {
            const QChar c = e.at(i);
            if (!quote.isNull()) {
                if (c == u'\\' && quote != u'`')
                    ++i;
                else if (c == quote)
                    quote = QChar();
                continue;
            }
            if (c == u'\'' || c == u'"' || c == u'`') {
                quote = c;
            } else if (c == u'(') {
                ++depth;
            } else if (c == u')') {
                --depth;
                if (depth == 0 && i != e.size() - 1) {
                    enclosesAll = false;
                    break;
                }
            }
        }
        if (!enclosesAll || depth != 0)
            break;
        e = e.mid(1, e.size() - 2).trimmed();
    }
    return e;
}

QString MysqlInspector::charsetOfCollation(const QString &collation)
{
    if (collation.isEmpty())
        return {};
    if (collation == u"binary")
        return collation;
    return collation.section(u'_', 0, 0);
}

Result<Schema> MysqlInspector::inspect(SqlExecutor &sql, const InspectOptions &options, const ProgressSink *progress)
{
    int step = 0;
    auto next = [&](const QString &what) -> Status {
        if (progress) {
            if (progress->cancelled())
                return std::unexpected(cancelledError(Dialect::MySQL));
            progress->report(step, kSteps, what);
        }
        ++step;
        return {};
    };
    auto query = [&](const QString &what, const QString &statement, const QVariantList &binds) -> Result<QList<QVariantList>> {
        if (auto st = next(what); !st)
            return std::unexpected(st.error());
        auto r = sql.rows(statement, binds);
        if (!r)
            return std::unexpected(r.error().withContext(QStringLiteral("reading MySQL %1").arg(what)));
        return r;
    };

    // 1. Which database, which server.
    auto info = query(QStringLiteral("server"), QStringLiteral("SELECT DATABASE(), VERSION()"), {});
    if (!info)
        return std::unexpected(info.error());
    if (info->isEmpty() || info->first().value(0).isNull())
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("no database selected: put the database name in the URL (mysql://user@host/DATABASE)"));
    const QString database = text(info->first().value(0));
    const QString version = text(info->first().value(1));
    const bool mariadb = version.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive);
    const int versionNum = versionNumber(version);
    const bool expressionDefaults = mariadb && versionNum >= 100207;
    const bool hasCheckConstraints = mariadb ? versionNum >= 100222 : versionNum >= 80016;
    const bool hasIndexExpressions = !mariadb && versionNum >= 80013;
    const QVariantList db{database};

    Schema schema;
    schema.dialect = Dialect::MySQL;
    QHash<QString, qsizetype> tableAt;   // table name -> index in schema.tables

    // 2. Tables.
    auto tables = query(QStringLiteral("tables"),
                        QStringLiteral("SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, TABLE_COMMENT "
                                       "FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME"),
                        db);
    if (!tables)
        return std::unexpected(tables.error());
    for (const QVariantList &row : *tables) {
        const QString name = text(row.value(0));
        const QString type = text(row.value(1));
        if (type != u"BASE TABLE" && type != u"SYSTEM VERSIONED")
            continue;   // views come from VIEWS; sequences are not modelled
        if (!options.includeCovetTables && Inspector::isCovetTable(name))
            continue;
        Table t;
        t.name = name;
        t.engine = text(row.value(2));
        t.collation = text(row.value(3));
        t.charset = charsetOfCollation(t.collation);
        t.comment = text(row.value(4));
        tableAt.insert(name, schema.tables.size());
        schema.tables << t;
    }
    auto tableNamed = [&](const QVariant &v) -> Table * {
        const auto it = tableAt.constFind(text(v));
        return it == tableAt.constEnd() ? nullptr : &schema.tables[*it];
    };

    // 3. Columns.
    auto columns = query(QStringLiteral("columns"),
                         QStringLiteral("SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT, IS_NULLABLE, "
                                        "COLUMN_TYPE, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, GENERATION_EXPRESSION, "
                                        "COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                                        "ORDER BY TABLE_NAME, ORDINAL_POSITION"),
                         db);
    if (!columns)
        return std::unexpected(columns.error());
    QHash<QString, QList<QPair<qlonglong, Column>>> columnsOf;
    for (const QVariantList &row : *columns) {
        Table *t = tableNamed(row.value(0));
        if (!t)
            continue;
        Column c;
        c.name = text(row.value(1));
        c.type = SqlType::fromDialect(Dialect::MySQL, text(row.value(5)));
        c.nullable = text(row.value(4)) == u"YES";
        const QString extra = text(row.value(8));
        const QString generated = text(row.value(9));
        if (!generated.isEmpty() && extra.contains(QLatin1String("GENERATED"), Qt::CaseInsensitive)
            && !extra.contains(QLatin1String("DEFAULT_GENERATED"), Qt::CaseInsensitive)) {
            c.generatedExpr = stripOuterParentheses(generated);
            c.generatedStored = extra.contains(QLatin1String("STORED"), Qt::CaseInsensitive)
                             || extra.contains(QLatin1String("PERSISTENT"), Qt::CaseInsensitive);
        } else {
            c.defaultExpr = normalizeDefault(row.value(3), extra, c.type, expressionDefaults);
        }
        // EXTRA holds "on update current_timestamp(3)" (MariaDB) or "DEFAULT_GENERATED on update CURRENT_TIMESTAMP" (MySQL 8).
        const qsizetype onUpdate = extra.indexOf(QLatin1String("on update "), 0, Qt::CaseInsensitive);
        if (onUpdate >= 0) {
            QString expr = extra.mid(onUpdate + 10).trimmed();
            const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^current_timestamp(\\((\\d*)\\))?"),
                                                                 QRegularExpression::CaseInsensitiveOption).match(expr);
            if (m.hasMatch())
                expr = m.captured(2).isEmpty() ? QStringLiteral("CURRENT_TIMESTAMP") : QStringLiteral("CURRENT_TIMESTAMP(%1)").arg(m.captured(2));
            c.onUpdateExpr = expr;
        }
        if (extra.contains(QLatin1String("auto_increment"), Qt::CaseInsensitive)) {
            c.identity = Column::Identity::AutoIncrement;
            c.defaultExpr.reset();
        }
        const QString charset = text(row.value(6));
        const QString collation = text(row.value(7));
        if (!charset.isEmpty() && charset != t->charset)
            c.charset = charset;
        if (!collation.isEmpty() && collation != t->collation)
            c.collation = collation;
        c.comment = text(row.value(10));
        columnsOf[t->name] << qMakePair(row.value(2).toLongLong(), c);
    }
    for (auto it = columnsOf.begin(); it != columnsOf.end(); ++it) {
        std::stable_sort(it->begin(), it->end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        Table *t = tableNamed(it.key());
        for (const auto &pc : *it)
            t->columns << pc.second;
    }

    // 4. Indexes (and the primary key).
    QString indexSql = QStringLiteral("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, COLLATION, "
                                      "SUB_PART, INDEX_TYPE, %1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? "
                                      "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")
                           .arg(hasIndexExpressions ? QStringLiteral("EXPRESSION") : QStringLiteral("NULL"));
    auto stats = query(QStringLiteral("indexes"), indexSql, db);
    if (!stats)
        return std::unexpected(stats.error());
    struct PendingIndex
    {
        Index index;
        QList<qlonglong> seq;
    };
    QHash<QString, QList<PendingIndex>> indexesOf;   // table -> indexes in first-seen order
    for (const QVariantList &row : *stats) {
        Table *t = tableNamed(row.value(0));
        if (!t)
            continue;
        const QString indexName = text(row.value(1));
        IndexPart part;
        part.column = text(row.value(4));
        if (part.column.isEmpty())
            part.expression = stripOuterParentheses(text(row.value(8)));
        part.descending = text(row.value(5)) == u"D";
        if (!row.value(6).isNull())
            part.length = row.value(6).toInt();
        QList<PendingIndex> &list = indexesOf[t->name];
        auto found = std::find_if(list.begin(), list.end(), [&](const PendingIndex &p) { return p.index.name == indexName; });
        if (found == list.end()) {
            PendingIndex p;
            p.index.name = indexName;
            p.index.unique = row.value(2).toInt() == 0;
            p.index.method = methodOf(text(row.value(7)));
            list << p;
            found = list.end() - 1;
        }
        // Insert in SEQ_IN_INDEX order whatever order the rows came in.
        const qlonglong seq = row.value(3).toLongLong();
        const auto pos = std::upper_bound(found->seq.begin(), found->seq.end(), seq) - found->seq.begin();
        found->seq.insert(pos, seq);
        found->index.parts.insert(pos, part);
    }
    for (auto it = indexesOf.begin(); it != indexesOf.end(); ++it) {
        Table *t = tableNamed(it.key());
        for (const PendingIndex &p : *it) {
            if (p.index.name == u"PRIMARY") {
                PrimaryKey pk;
                pk.columns = p.index.columnNames();
                t->primaryKey = pk;
            } else {
                t->indexes << p.index;
            }
        }
    }

    // 5. Foreign keys.
    auto fks = query(QStringLiteral("foreign keys"),
                     QStringLiteral("SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.ORDINAL_POSITION, "
                                    "k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, "
                                    "r.UPDATE_RULE, r.DELETE_RULE "
                                    "FROM information_schema.KEY_COLUMN_USAGE k "
                                    "JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
                                    "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
                                    "AND r.TABLE_NAME = k.TABLE_NAME "
                                    "WHERE k.TABLE_SCHEMA = ? AND k.CONSTRAINT_SCHEMA = k.TABLE_SCHEMA "
                                    "AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                                    "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION"),
                     db);
    if (!fks)
        return std::unexpected(fks.error());
    for (const QVariantList &row : *fks) {
        Table *t = tableNamed(row.value(0));
        if (!t)
            continue;
        const QString name = text(row.value(1));
        auto found = std::find_if(t->foreignKeys.begin(), t->foreignKeys.end(), [&](const ForeignKey &f) { return f.name == name; });
        if (found == t->foreignKeys.end()) {
            ForeignKey f;
            f.name = name;
            const QString refSchema = text(row.value(4));
            f.refSchema = refSchema == database ? QString() : refSchema;
            f.refTable = text(row.value(5));
            const auto upd = fkActionFromSql(text(row.value(7)));
            const auto del = fkActionFromSql(text(row.value(8)));
            if (!upd || !del)
                return fail(Error::Category::Unsupported,
                            QStringLiteral("unknown foreign key action %1 / %2").arg(text(row.value(7)), text(row.value(8))),
                            QStringLiteral("foreign key %1 on table %2").arg(name, t->name));
            f.onUpdate = *upd;
            f.onDelete = *del;
            t->foreignKeys << f;
            found = t->foreignKeys.end() - 1;
        }
        found->columns << text(row.value(2));
        found->refColumns << text(row.value(6));
    }

    // 6. Check constraints (MariaDB names them per table and also lists
    //    column-level checks; MySQL names them per database).
    if (hasCheckConstraints) {
        const QString checkSql = mariadb
            ? QStringLiteral("SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                             "WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME")
            : QStringLiteral("SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE "
                             "FROM information_schema.TABLE_CONSTRAINTS tc "
                             "JOIN information_schema.CHECK_CONSTRAINTS cc "
                             "ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                             "WHERE tc.CONSTRAINT_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'CHECK' "
                             "ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME");
        auto checks = query(QStringLiteral("check constraints"), checkSql, db);
        if (!checks)
            return std::unexpected(checks.error());
        for (const QVariantList &row : *checks) {
            Table *t = tableNamed(row.value(0));
            if (!t)
                continue;
            Check ck;
            ck.name = text(row.value(1));
            ck.expression = stripOuterParentheses(text(row.value(2)));
            // MariaDB's JSON: LONGTEXT with CHECK (json_valid(`col`)) named after the column.
            if (Column *c = t->column(ck.name); c && mariadb
                && ck.expression == QStringLiteral("json_valid(%1)").arg(IdentifierQuoter::quote(Dialect::MySQL, c->name))
                && c->type.raw().compare(QLatin1String("longtext"), Qt::CaseInsensitive) == 0) {
                c->type = SqlType::fromDialect(Dialect::MySQL, QStringLiteral("json"));
                c->charset.clear();     // JSON is always utf8mb4_bin
                c->collation.clear();
                continue;
            }
            t->checks << ck;
        }
    } else {
        if (auto st = next(QStringLiteral("check constraints")); !st)
            return std::unexpected(st.error());
    }

    // 7. Triggers.
    auto triggers = query(QStringLiteral("triggers"),
                          QStringLiteral("SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, "
                                         "ACTION_ORIENTATION, ACTION_STATEMENT FROM information_schema.TRIGGERS "
                                         "WHERE EVENT_OBJECT_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER"),
                          db);
    if (!triggers)
        return std::unexpected(triggers.error());
    for (const QVariantList &row : *triggers) {
        Table *t = tableNamed(row.value(0));
        if (!t)
            continue;
        const QString name = text(row.value(1));
        const QString event = text(row.value(3)).toUpper();
        auto found = std::find_if(t->triggers.begin(), t->triggers.end(), [&](const Trigger &tr) { return tr.name == name; });
        if (found != t->triggers.end()) {   // a multi-event trigger (newer MariaDB)
            if (!found->events.contains(event))
                found->events << event;
            continue;
        }
        Trigger tr;
        tr.name = name;
        tr.timing = text(row.value(2)).toUpper();
        tr.events << event;
        tr.forEachRow = text(row.value(4)).compare(QLatin1String("ROW"), Qt::CaseInsensitive) == 0;
        tr.body = text(row.value(5));
        t->triggers << tr;
    }
    for (Table &t : schema.tables) {
        for (Trigger &tr : t.triggers) {
            tr.definition = QStringLiteral("CREATE TRIGGER %1 %2 %3 ON %4 FOR EACH ROW %5")
                                .arg(IdentifierQuoter::quote(Dialect::MySQL, tr.name), tr.timing, tr.events.join(QLatin1String(" OR ")),
                                     IdentifierQuoter::quote(Dialect::MySQL, t.name), tr.body);
        }
    }

    // 8. Views.
    auto views = query(QStringLiteral("views"),
                       QStringLiteral("SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS "
                                      "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME"),
                       db);
    if (!views)
        return std::unexpected(views.error());
    for (const QVariantList &row : *views) {
        View v;
        v.name = text(row.value(0));
        if (!options.includeCovetTables && Inspector::isCovetTable(v.name))
            continue;
        v.definition = stripDatabaseQualifier(text(row.value(1)), database);
        schema.views << v;
    }

    if (progress) {
        if (progress->cancelled())
            return std::unexpected(cancelledError(Dialect::MySQL));
        progress->report(kSteps, kSteps, QStringLiteral("done"));
    }
    schema.canonicalize();
    return schema;
}

} // namespace covet
