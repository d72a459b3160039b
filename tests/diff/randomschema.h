#pragma once

// Proof on the real databases (tst_roundtrip, tst_operationsqlexec):
//  - ScratchRun: runs generated SQL on a scratch database (SQLite batches
//    with their foreign-key pragma handling), resets the database between
//    cases, inspects it and checksums the rows of chosen columns;
//  - RandomSchemaPair: a seeded generator of a schema A with rows and a
//    mutated copy B (columns added, dropped, renamed, widened, nullability
//    changed; indexes, uniques, foreign keys and checks added and dropped;
//    tables added, dropped and renamed), with the rename decisions that make
//    the renames deterministic and the column mapping used for checksums.

#include "diff/differ.h"
#include "diff/renamedecisions.h"
#include "db/sqlexecutor.h"
#include "operations/operationjson.h"
#include "schema/schemajson.h"
#include "sources/inspector.h"
#include "sql/sqlgenerator.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlRecord>

#include <algorithm>

namespace covet::test {

// ---------------------------------------------------------------------------
// Running SQL on a scratch database
// ---------------------------------------------------------------------------

inline QString operationsText(const OperationList &ops)
{
    QStringList lines;
    for (const Operation &op : ops)
        lines << QString::fromUtf8(QJsonDocument(OperationJson::toJson(op)).toJson(QJsonDocument::Compact));
    return lines.join(u'\n');
}

inline QString schemaText(const Schema &s)
{
    return QString::fromUtf8(SchemaJson::toCanonicalJson(s));
}

class ScratchRun
{
public:
    ScratchRun(QSqlDatabase db, Dialect dialect) : m_ex(std::move(db), dialect), m_dialect(dialect) {}

    SqlExecutor &executor() { return m_ex; }
    Dialect dialect() const { return m_dialect; }
    // Every statement executed since the last clearLog() (for failure reports).
    QStringList log() const { return m_log; }
    void clearLog() { m_log.clear(); }

    // Runs statements one by one; returns the first error ("" when all ran).
    QString exec(const QStringList &statements)
    {
        for (const QString &s : statements) {
            m_log << s;
            if (auto r = m_ex.exec(s); !r)
                return QStringLiteral("statement failed: %1\n  error: %2").arg(s, r.error().toString());
        }
        return {};
    }

    // Runs what SqlGenerator::renderBatches() produced the way its contract
    // says: a foreignKeysOff batch with the pragma off outside a transaction
    // (restored afterwards), others in autocommit. SQLite only; the other
    // dialects have one batch without the flag, run as is.
    QString execBatches(const QList<SqlBatch> &batches)
    {
        for (const SqlBatch &b : batches) {
            if (!b.foreignKeysOff) {
                if (QString e = exec(b.statements); !e.isEmpty())
                    return e;
                continue;
            }
            auto fk = m_ex.rows(QStringLiteral("PRAGMA foreign_keys"));
            const QString remembered = fk && !fk->isEmpty() ? fk->first().value(0).toString() : QStringLiteral("1");
            if (QString e = exec({QStringLiteral("PRAGMA foreign_keys=OFF"), QStringLiteral("BEGIN")}); !e.isEmpty())
                return e;
            QString e = exec(b.statements);
            if (e.isEmpty())
                e = exec({QStringLiteral("COMMIT")});
            if (!e.isEmpty())
                m_ex.exec(QStringLiteral("ROLLBACK"));
            m_ex.exec(QStringLiteral("PRAGMA foreign_keys=") + remembered);
            if (!e.isEmpty())
                return e;
        }
        return {};
    }

    // Renders `ops` against `before` and runs them (renderBatches for
    // SQLite, renderAll for the others). Fills *sql with the statements.
    QString apply(const SqlGenerator &gen, const OperationList &ops, const Schema &before, QStringList *sql = nullptr)
    {
        if (m_dialect == Dialect::SQLite) {
            auto batches = gen.renderBatches(ops, before);
            if (!batches)
                return QStringLiteral("renderBatches failed: ") + batches.error().toString();
            if (sql) {
                sql->clear();
                for (const SqlBatch &b : *batches) {
                    if (b.foreignKeysOff)
                        *sql << QStringLiteral("-- batch with foreign_keys OFF");
                    *sql << b.statements;
                }
            }
            return execBatches(*batches);
        }
        auto statements = gen.renderAll(ops, before);
        if (!statements)
            return QStringLiteral("renderAll failed: ") + statements.error().toString();
        if (sql)
            *sql = *statements;
        return exec(*statements);
    }

    Result<Schema> inspect()
    {
        return Inspector::create(m_dialect)->inspect(m_ex);
    }

    // Drops everything a case created: PostgreSQL every non-system schema
    // (public re-created), MySQL every table and view, SQLite every object.
    QString reset()
    {
        if (m_dialect == Dialect::PostgreSQL) {
            auto ns = m_ex.rows(QStringLiteral("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                                               "AND nspname <> 'information_schema' ORDER BY nspname"));
            if (!ns)
                return ns.error().toString();
            QStringList st;
            for (const QVariantList &r : *ns)
                st << QStringLiteral("DROP SCHEMA %1 CASCADE").arg(quote(r.value(0).toString()));
            st << QStringLiteral("CREATE SCHEMA public");
            return exec(st);
        }
        if (m_dialect == Dialect::MySQL) {
            auto objs = m_ex.rows(QStringLiteral("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = DATABASE()"));
            if (!objs)
                return objs.error().toString();
            QStringList st{QStringLiteral("SET FOREIGN_KEY_CHECKS=0")};
            for (const QVariantList &r : *objs)
                st << (r.value(1).toString() == u"VIEW" ? QStringLiteral("DROP VIEW %1") : QStringLiteral("DROP TABLE %1"))
                          .arg(quote(r.value(0).toString()));
            st << QStringLiteral("SET FOREIGN_KEY_CHECKS=1");
            return exec(st);
        }
        auto objs = m_ex.rows(QStringLiteral("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                             "AND type IN ('view', 'table') ORDER BY type DESC"));
        if (!objs)
            return objs.error().toString();
        QStringList st{QStringLiteral("PRAGMA foreign_keys=OFF")};
        for (const QVariantList &r : *objs)
            st << QStringLiteral("DROP %1 %2").arg(r.value(0).toString().toUpper(), quote(r.value(1).toString()));
        st << QStringLiteral("PRAGMA foreign_keys=ON");
        return exec(st);
    }

    // A checksum of a table's rows over `columns` (order-independent: the
    // rows are rendered, sorted and hashed), with the row count in front.
    // Empty columns: only the count.
    QString checksum(const QString &schema, const QString &table, const QStringList &columns, QString *error)
    {
        const QString from = schema.isEmpty() ? quote(table) : quote(schema) + u'.' + quote(table);
        QStringList cols;
        for (const QString &c : columns)
            cols << quote(c);
        const QString sql = QStringLiteral("SELECT %1 FROM %2").arg(cols.isEmpty() ? QStringLiteral("1") : cols.join(QStringLiteral(", ")), from);
        auto rows = m_ex.rows(sql);
        if (!rows) {
            *error = rows.error().toString();
            return {};
        }
        QStringList lines;
        for (const QVariantList &r : *rows) {
            QStringList vals;
            for (const QVariant &v : r)
                vals << (v.isNull() ? QStringLiteral("<null>") : v.toString());
            lines << vals.join(u'\x1f');
        }
        lines.sort();
        QCryptographicHash h(QCryptographicHash::Sha1);
        for (const QString &l : lines) {
            h.addData(l.toUtf8());
            h.addData(QByteArrayView("\n"));
        }
        return QStringLiteral("%1:%2").arg(rows->size()).arg(QString::fromLatin1(h.result().toHex()));
    }

    QString quote(const QString &id) const
    {
        if (m_dialect == Dialect::MySQL)
            return u'`' + QString(id).replace(u'`', QStringLiteral("``")) + u'`';
        return u'"' + QString(id).replace(u'"', QStringLiteral("\"\"")) + u'"';
    }

private:
    SqlExecutor m_ex;
    Dialect m_dialect;
    QStringList m_log;
};

// The differences between an inspected database and the expected schema,
// as the operations that would turn one into the other (renames off), or
// "" when there are none.
//
// View bodies and trigger bodies are taken from the inspected side when the
// object exists on both sides (their names, timing and events still count):
// databases rewrite those texts (PostgreSQL and MySQL qualify the columns of
// a view, SQLite rewrites trigger bodies on RENAME) in ways the Differ does
// not normalise yet; see the report of issue 3.
inline QString schemaDifference(const Schema &inspected, Schema expected)
{
    for (View &v : expected.views)
        if (const View *i = inspected.view(v.name, v.schema))
            v.definition = i->definition;
    for (Table &t : expected.tables)
        if (const Table *it = inspected.table(t.name, t.schema))
            for (Trigger &tr : t.triggers)
                for (const Trigger &x : it->triggers)
                    if (x.name == tr.name) {
                        tr.body = x.body;
                        tr.definition = x.definition;
                    }
    DiffOptions o;
    o.renames.enabled = false;
    auto d = Differ::diff(inspected, expected, o);
    if (!d)
        return QStringLiteral("the differ failed: ") + d.error().toString();
    return d->isEmpty() ? QString() : operationsText(d->operations);
}

// ---------------------------------------------------------------------------
// A seeded random schema pair
// ---------------------------------------------------------------------------

struct RandomCase
{
    Schema a;
    Schema b;
    QStringList rows;                  // INSERT statements filling A
    RenameDecisions decisions;         // accept every rename the mutation made
    QStringList changes;               // what the mutation did, in words
    // Checksummed columns: for each table kept in B (key: B's name), the
    // columns (B name -> A name) whose values must survive; and the A name
    // of the table.
    QHash<QString, QString> tableFrom;
    QHash<QString, QList<QPair<QString, QString>>> keptColumns;
};

class RandomSchemaPair
{
public:
    RandomSchemaPair(Dialect d, quint64 seed) : m_d(d), m_rng(seed) {}

    RandomCase generate();
    // Mutation kinds to leave out ("table_rename", "reused_name"), e.g. to
    // tell one known failure from the others.
    void setWithout(const QStringList &kinds) { m_without = kinds; }

private:
    using K = SqlType::Kind;

    struct ColInfo
    {
        bool hasNull = false;      // some row holds NULL
        bool distinct = false;     // every row holds a different value
        bool nonNegative = false;  // numbers >= 0 / strings not empty
        int nullCount = 0;
    };

    int pick(int n) { return n <= 0 ? 0 : int(m_rng.bounded(quint32(n))); }
    bool chance(int percent) { return pick(100) < percent; }
    QString uniqueName(const QString &stem)
    {
        QString n = stem;
        int i = 2;
        while (m_names.contains(n.toLower()))
            n = stem + u'_' + QString::number(i++);
        m_names.insert(n.toLower());
        return n;
    }

    QList<SqlType> columnTypes() const
    {
        QList<SqlType> t{SqlType(K::Integer), SqlType(K::BigInt), SqlType(K::SmallInt), SqlType::varchar(20), SqlType::varchar(60),
                         SqlType(K::Text), SqlType::decimal(10, 2), SqlType(K::Double), SqlType(K::Boolean), SqlType(K::Date),
                         SqlType(K::Timestamp)};
        if (m_d == Dialect::PostgreSQL)
            t << SqlType(K::Uuid) << SqlType(K::Jsonb) << SqlType(K::Blob) << SqlType(K::Real);
        if (m_d == Dialect::MySQL)
            t << SqlType(K::Blob) << SqlType(K::TinyInt);
        if (m_d == Dialect::SQLite)
            t << SqlType(K::Blob) << SqlType(K::Real);
        return t;
    }

    static bool indexable(const SqlType &t)
    {
        switch (t.kind()) {
        case K::Integer: case K::BigInt: case K::SmallInt: case K::TinyInt: case K::Varchar: case K::Decimal: case K::Date:
        case K::Timestamp: case K::Boolean: case K::Uuid:
            return true;
        default:
            return false;
        }
    }

    // A literal value of type t for row r of a column (variant v).
    QString value(const SqlType &t, int r, int v, bool distinct) const
    {
        const int n = distinct ? r : (r * 7 + v) % 5;
        switch (t.kind()) {
        case K::Integer: case K::BigInt: return QString::number(distinct ? r + 1 : n * 13 + v);
        case K::SmallInt: case K::TinyInt: return QString::number(distinct ? r + 1 : n + v % 3);
        case K::Decimal: return QStringLiteral("%1.%2").arg(distinct ? r + 1 : n * 3).arg(25 * (r % 4), 2, 10, QLatin1Char('0'));
        case K::Double: case K::Real: return QStringLiteral("%1.5").arg(distinct ? r : n);
        case K::Boolean:
            if (m_d == Dialect::PostgreSQL)
                return (r + v) % 2 ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            return QString::number((r + v) % 2);
        case K::Date: return QStringLiteral("'2024-%1-%2'").arg(1 + (distinct ? r / 28 : n) % 12, 2, 10, QLatin1Char('0')).arg(1 + (distinct ? r % 28 : v % 28), 2, 10, QLatin1Char('0'));
        case K::Timestamp:
            return QStringLiteral("'2023-0%1-1%2 %3:%4:05'").arg(1 + n % 9).arg(v % 10).arg(10 + r % 12).arg(10 + (distinct ? r % 50 : v % 50));
        case K::Uuid: return QStringLiteral("'00000000-0000-4000-8000-%1'").arg(distinct ? r : n * 31 + v, 12, 10, QLatin1Char('0'));
        case K::Jsonb: return QStringLiteral("'{\"k\": %1}'").arg(n);
        case K::Blob:
            if (m_d == Dialect::PostgreSQL)
                return QStringLiteral("'\\x%1'::bytea").arg(QStringLiteral("%1ff").arg(n + 16, 2, 16, QLatin1Char('0')));
            return QStringLiteral("X'%1'").arg(QStringLiteral("%1ff").arg(n + 16, 2, 16, QLatin1Char('0')));
        case K::Text: case K::Varchar: default:
            return distinct ? QStringLiteral("'v%1_%2'").arg(r).arg(v) : QStringLiteral("'w%1 it''s'").arg(n);
        }
    }

    QString defaultFor(const SqlType &t) const
    {
        switch (t.kind()) {
        case K::Integer: case K::BigInt: case K::SmallInt: case K::TinyInt: return QStringLiteral("7");
        case K::Decimal: return QStringLiteral("1.50");
        case K::Double: case K::Real: return QStringLiteral("2.5");
        case K::Boolean: return m_d == Dialect::PostgreSQL ? QStringLiteral("false") : QStringLiteral("0");
        case K::Date: return QStringLiteral("'2020-01-01'");
        case K::Timestamp: return QStringLiteral("'2020-01-01 00:00:00'");
        case K::Varchar: return QStringLiteral("'none'");
        default: return {};
        }
    }

    Table makeTable(const QString &name, int index, const QList<const Table *> &parents);
    void fillRows(RandomCase &rc);
    void mutate(RandomCase &rc);
    void renameColumnEverywhere(Schema &s, const QString &table, const QString &from, const QString &to);
    void renameTableEverywhere(Schema &s, const QString &from, const QString &to);

    Dialect m_d;
    QRandomGenerator64 m_rng;
    QSet<QString> m_names;                      // every name used (lower case)
    QHash<QString, ColInfo> m_info;             // "table.column" (A names) -> what the rows hold
    QHash<QString, QList<QStringList>> m_rowValues;   // table -> rows of literal values, A column order
    QList<RenameCandidate> m_pendingColumnDecisions;
    QStringList m_without;
};

inline Table RandomSchemaPair::makeTable(const QString &name, int index, const QList<const Table *> &parents)
{
    static const QStringList stems{QStringLiteral("amount"), QStringLiteral("title"), QStringLiteral("status"), QStringLiteral("created"),
                                   QStringLiteral("qty"), QStringLiteral("price"), QStringLiteral("code"), QStringLiteral("note"),
                                   QStringLiteral("score"), QStringLiteral("label"), QStringLiteral("rank"), QStringLiteral("flag"),
                                   QStringLiteral("weight"), QStringLiteral("city"), QStringLiteral("phone"), QStringLiteral("ref")};
    Table t;
    t.name = name;
    auto add = [&](Column c) {
        t.columns << c;
        m_names.insert((name + u'.' + c.name).toLower());
    };
    const bool composite = chance(20);
    const bool identity = !composite && chance(35);
    Column id;
    id.name = QStringLiteral("id");
    id.type = SqlType(m_d == Dialect::SQLite ? K::Integer : (chance(50) ? K::Integer : K::BigInt));
    id.nullable = false;
    if (identity)
        id.identity = m_d == Dialect::PostgreSQL ? Column::Identity::ByDefault : Column::Identity::AutoIncrement;
    add(id);
    if (composite) {
        Column part;
        part.name = QStringLiteral("part");
        part.type = SqlType(K::Integer);
        part.nullable = false;
        add(part);
        t.primaryKey = PrimaryKey{m_d == Dialect::PostgreSQL ? name + QStringLiteral("_pkey") : QString(), {id.name, part.name}};
    } else {
        t.primaryKey = PrimaryKey{m_d == Dialect::PostgreSQL ? name + QStringLiteral("_pkey") : QString(), {id.name}};
    }
    m_info.insert(name + QStringLiteral(".id"), ColInfo{false, true, true, 0});
    if (composite)
        m_info.insert(name + QStringLiteral(".part"), ColInfo{false, false, true, 0});

    // Foreign keys to earlier tables (single or composite).
    for (const Table *p : parents) {
        if (!chance(45))
            continue;
        ForeignKey fk;
        fk.name = name + QStringLiteral("_") + p->name + QStringLiteral("_fk");
        fk.refTable = p->name;
        fk.refColumns = p->primaryKey->columns;
        for (const QString &pc : p->primaryKey->columns) {
            Column c;
            c.name = p->name + u'_' + pc;
            if (t.column(c.name))
                c.name += QStringLiteral("_x");
            c.type = p->column(pc)->type;
            c.nullable = true;
            add(c);
            fk.columns << c.name;
            m_info.insert(name + u'.' + c.name, ColInfo{true, false, true, 0});
        }
        const int action = pick(3);
        fk.onDelete = action == 0 ? ForeignKey::Action::NoAction : action == 1 ? ForeignKey::Action::Cascade : ForeignKey::Action::SetNull;
        t.foreignKeys << fk;
        // Always an explicit index: MySQL would add one named after the
        // foreign key itself, which the model does not hold.
        {
            Index i;
            i.name = name + QStringLiteral("_") + p->name + QStringLiteral("_idx");
            for (const QString &c : fk.columns)
                i.parts << IndexPart{c, {}, false, -1};
            t.indexes << i;
        }
    }

    const QList<SqlType> types = columnTypes();
    const int extra = 2 + pick(4);
    for (int k = 0; k < extra; ++k) {
        Column c;
        QString stem = stems.at(pick(stems.size()));
        c.name = stem;
        int n = 2;
        while (t.column(c.name))
            c.name = stem + QString::number(n++);
        c.type = types.at(pick(types.size()));
        ColInfo info;
        info.distinct = chance(30) && c.type.kind() != K::Boolean;
        info.nonNegative = true;
        info.hasNull = !info.distinct && chance(40);
        c.nullable = info.hasNull || chance(50);
        if (chance(30) && !defaultFor(c.type).isEmpty())
            c.defaultExpr = defaultFor(c.type);
        add(c);
        m_info.insert(name + u'.' + c.name, info);
        if (info.distinct && indexable(c.type) && chance(40))
            t.uniques << UniqueConstraint{name + u'_' + c.name + QStringLiteral("_key"), {c.name}};
        else if (indexable(c.type) && chance(30)) {
            Index i;
            i.name = name + u'_' + c.name + QStringLiteral("_idx");
            i.parts << IndexPart{c.name, {}, chance(20), -1};
            i.unique = info.distinct && chance(50);
            t.indexes << i;
        }
        if (c.type.isInteger() && chance(25))
            t.checks << Check{name + u'_' + c.name + QStringLiteral("_check"), c.name + QStringLiteral(" >= 0")};
    }
    // A composite index now and then.
    if (t.columns.size() >= 3 && chance(25)) {
        QStringList cols;
        for (const Column &c : t.columns)
            if (indexable(c.type) && cols.size() < 2)
                cols << c.name;
        if (cols.size() == 2) {
            Index i;
            i.name = name + QStringLiteral("_multi_idx");
            for (const QString &c : cols)
                i.parts << IndexPart{c, {}, false, -1};
            t.indexes << i;
        }
    }
    Q_UNUSED(index);
    return t;
}

inline void RandomSchemaPair::fillRows(RandomCase &rc)
{
    // Parents first: tables are generated in dependency order.
    QHash<QString, QList<QStringList>> pkValues;   // table -> rows of its primary key values
    for (const Table &t : rc.a.tables) {
        const int count = 10 + pick(41);
        QList<QStringList> rows;
        QList<QStringList> pks;
        QHash<QString, QString> fkValue;
        for (int r = 0; r < count; ++r) {
            QStringList vals;
            fkValue.clear();
            // Which parent row each foreign key uses (or NULL).
            QHash<QString, QString> fkCols;
            for (const ForeignKey &fk : t.foreignKeys) {
                const QList<QStringList> &pr = pkValues[fk.refTable];
                const bool null = pr.isEmpty() || pick(4) == 0;
                const QStringList chosen = null ? QStringList() : pr.at(pick(pr.size()));
                for (qsizetype i = 0; i < fk.columns.size(); ++i)
                    fkCols.insert(fk.columns.at(i), null ? QStringLiteral("NULL") : chosen.at(i));
            }
            for (int ci = 0; ci < t.columns.size(); ++ci) {
                const Column &c = t.columns.at(ci);
                ColInfo &info = m_info[t.name + u'.' + c.name];
                QString v;
                if (c.name == u"id")
                    v = QString::number(r + 1);
                else if (c.name == u"part" && t.primaryKey->columns.size() == 2)
                    v = QString::number(r % 3);
                else if (fkCols.contains(c.name))
                    v = fkCols.value(c.name);
                else if (info.hasNull && (r % 4 == 1 || r == 0))
                    v = QStringLiteral("NULL");
                else
                    v = value(c.type, r, ci, info.distinct);
                if (v == u"NULL") {
                    info.hasNull = true;
                    ++info.nullCount;
                }
                vals << v;
            }
            rows << vals;
            QStringList pk;
            for (const QString &pc : t.primaryKey->columns)
                pk << vals.at(t.columnIndex(pc));
            pks << pk;
        }
        pkValues.insert(t.name, pks);
        m_rowValues.insert(t.name, rows);
        auto q = [this](const QString &id) {
            return m_d == Dialect::MySQL ? u'`' + id + u'`' : u'"' + id + u'"';
        };
        QStringList cols;
        for (const Column &c : t.columns)
            cols << q(c.name);
        QStringList tuples;
        for (const QStringList &vals : rows)
            tuples << u'(' + vals.join(QStringLiteral(", ")) + u')';
        rc.rows << QStringLiteral("INSERT INTO %1 (%2) VALUES %3").arg(q(t.name), cols.join(QStringLiteral(", ")), tuples.join(QStringLiteral(", ")));
    }
}

inline void RandomSchemaPair::renameColumnEverywhere(Schema &s, const QString &table, const QString &from, const QString &to)
{
    Table *t = s.table(table);
    t->column(from)->name = to;
    const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(from)));
    if (t->primaryKey)
        t->primaryKey->columns.replaceInStrings(QRegularExpression(QStringLiteral("^%1$").arg(QRegularExpression::escape(from))), to);
    for (UniqueConstraint &u : t->uniques)
        for (QString &c : u.columns)
            if (c == from)
                c = to;
    for (Index &i : t->indexes)
        for (IndexPart &p : i.parts)
            if (p.column == from)
                p.column = to;
    for (Check &c : t->checks)
        c.expression.replace(word, to);
    for (ForeignKey &fk : t->foreignKeys)
        for (QString &c : fk.columns)
            if (c == from)
                c = to;
    for (Table &other : s.tables)
        for (ForeignKey &fk : other.foreignKeys)
            if (fk.refTable == table)
                for (QString &c : fk.refColumns)
                    if (c == from)
                        c = to;
    const QRegularExpression tableWord(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(table)));
    for (View &v : s.views)
        if (v.definition.contains(tableWord))
            v.definition.replace(word, to);
}

inline void RandomSchemaPair::renameTableEverywhere(Schema &s, const QString &from, const QString &to)
{
    s.table(from)->name = to;
    const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(from)));
    for (View &v : s.views)
        v.definition.replace(word, to);
    for (Table &other : s.tables)
        for (ForeignKey &fk : other.foreignKeys)
            if (fk.refTable == from)
                fk.refTable = to;
}

inline void RandomSchemaPair::mutate(RandomCase &rc)
{
    static const QList<QPair<QString, QString>> renames{
        {QStringLiteral("created"), QStringLiteral("created_at")}, {QStringLiteral("qty"), QStringLiteral("quantity")},
        {QStringLiteral("note"), QStringLiteral("notes")},         {QStringLiteral("title"), QStringLiteral("name")},
        {QStringLiteral("status"), QStringLiteral("state")},       {QStringLiteral("amount"), QStringLiteral("total_amount")},
        {QStringLiteral("flag"), QStringLiteral("is_flagged")},    {QStringLiteral("phone"), QStringLiteral("phone_number")},
        {QStringLiteral("code"), QStringLiteral("ref_code")},      {QStringLiteral("city"), QStringLiteral("town")}};
    Schema &b = rc.b;
    const QList<Table> original = rc.a.tables;
    // Tables referenced by a foreign key (renaming them renames the reference too).
    for (const Table &ta : original) {
        const QString tname = ta.name;
        QList<QPair<QString, QString>> kept;   // B name -> A name
        for (const Column &c : ta.columns)
            kept << qMakePair(c.name, c.name);
        bool dropped = false;
        // Drop a leaf table now and then.
        bool referenced = false;
        for (const Table &o : b.tables)
            for (const ForeignKey &fk : o.foreignKeys)
                if (fk.refTable == tname && o.name != tname)
                    referenced = true;
        for (const View &v : b.views)
            if (v.definition.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(tname))))
                referenced = true;
        if (!referenced && chance(8) && b.tables.size() > 1) {
            b.tables.removeIf([&](const Table &x) { return x.name == tname; });
            rc.changes << QStringLiteral("drop table %1").arg(tname);
            dropped = true;
        }
        if (dropped)
            continue;
        Table *t = b.table(tname);
        auto fkColumn = [&](const QString &c) {
            for (const ForeignKey &fk : t->foreignKeys)
                if (fk.columns.contains(c))
                    return true;
            for (const Table &o : b.tables)
                for (const ForeignKey &fk : o.foreignKeys)
                    if (fk.refTable == t->name && fk.refColumns.contains(c))
                        return true;
            return false;
        };
        auto pkColumn = [&](const QString &c) { return t->primaryKey && t->primaryKey->columns.contains(c); };
        // Column changes.
        const QList<Column> cols = t->columns;
        for (const Column &c : cols) {
            const ColInfo info = m_info.value(tname + u'.' + c.name);
            if (pkColumn(c.name) || fkColumn(c.name))
                continue;
            const int roll = pick(100);
            if (roll < 10) {
                // Drop (with what uses it).
                t->columns.removeIf([&](const Column &x) { return x.name == c.name; });
                t->indexes.removeIf([&](const Index &i) { return i.columnNames().contains(c.name); });
                t->uniques.removeIf([&](const UniqueConstraint &u) { return u.columns.contains(c.name); });
                t->checks.removeIf([&](const Check &k) { return k.expression.contains(c.name); });
                const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(c.name));
                const QRegularExpression tableWord(QStringLiteral("\\b%1\\b").arg(t->name));
                b.views.removeIf([&](const View &v) { return v.definition.contains(word) && v.definition.contains(tableWord); });
                kept.removeIf([&](const QPair<QString, QString> &p) { return p.second == c.name; });
                rc.changes << QStringLiteral("drop column %1.%2").arg(tname, c.name);
            } else if (roll < 22) {
                // Rename to a realistic new name, decided explicitly.
                QString to;
                for (const auto &r : renames)
                    if (c.name.startsWith(r.first) && !c.name.startsWith(r.second))
                        to = r.second + c.name.mid(r.first.size());
                if (to.isEmpty())
                    to = c.name + QStringLiteral("_value");
                if (t->column(to) || ta.column(to))
                    continue;
                renameColumnEverywhere(b, t->name, c.name, to);
                for (auto &p : kept)
                    if (p.second == c.name)
                        p.first = to;
                RenameCandidate cand;
                cand.kind = RenameCandidate::Kind::Column;
                cand.table = t->name;   // fixed below if the table is renamed too
                cand.from = c.name;
                cand.to = to;
                m_pendingColumnDecisions << cand;
                rc.changes << QStringLiteral("rename column %1.%2 -> %3").arg(tname, c.name, to);
            } else if (roll < 32) {
                // Widen.
                Column *x = t->column(c.name);
                SqlType w = x->type;
                switch (w.kind()) {
                case K::SmallInt: w = SqlType(K::Integer); break;
                case K::TinyInt: w = SqlType(K::SmallInt); break;
                case K::Integer: w = SqlType(K::BigInt); break;
                case K::Varchar: w = w.length() < 100 ? SqlType::varchar(w.length() + 40) : SqlType(K::Text); break;
                case K::Decimal: w = SqlType::decimal(14, 2); break;
                case K::Real: w = SqlType(K::Double); break;
                default: continue;
                }
                const bool indexedText = w.kind() == K::Text
                    && (std::any_of(t->indexes.begin(), t->indexes.end(), [&](const Index &i) { return i.columnNames().contains(c.name); })
                        || std::any_of(t->uniques.begin(), t->uniques.end(), [&](const UniqueConstraint &u) { return u.columns.contains(c.name); }));
                if (indexedText)
                    continue;
                rc.changes << QStringLiteral("widen %1.%2 %3 -> %4").arg(tname, c.name, x->type.canonicalName(), w.canonicalName());
                x->type = w;
            } else if (roll < 42) {
                Column *x = t->column(c.name);
                if (x->nullable && !info.hasNull) {
                    x->nullable = false;
                    rc.changes << QStringLiteral("set not null %1.%2").arg(tname, c.name);
                } else if (!x->nullable) {
                    x->nullable = true;
                    rc.changes << QStringLiteral("drop not null %1.%2").arg(tname, c.name);
                }
            } else if (roll < 48) {
                Column *x = t->column(c.name);
                const QString def = defaultFor(x->type);
                if (x->defaultExpr) {
                    x->defaultExpr.reset();
                    rc.changes << QStringLiteral("drop default %1.%2").arg(tname, c.name);
                } else if (!def.isEmpty()) {
                    x->defaultExpr = def;
                    rc.changes << QStringLiteral("set default %1.%2").arg(tname, c.name);
                }
            }
        }
        // A rename onto the name of a column that goes (order_token ->
        // order_id while the old order_id is dropped).
        if (chance(8) && !m_without.contains(QStringLiteral("reused_name"))) {
            QStringList free;
            for (const Column &c : t->columns)
                if (!pkColumn(c.name) && !fkColumn(c.name) && ta.column(c.name)
                    && std::any_of(kept.begin(), kept.end(), [&](const auto &p) { return p.first == c.name && p.second == c.name; }))
                    free << c.name;
            if (free.size() >= 2) {
                const QString gone = free.at(0), moved = free.at(1);
                t->columns.removeIf([&](const Column &x) { return x.name == gone; });
                t->indexes.removeIf([&](const Index &i) { return i.columnNames().contains(gone); });
                t->uniques.removeIf([&](const UniqueConstraint &u) { return u.columns.contains(gone); });
                t->checks.removeIf([&](const Check &k) { return k.expression.contains(gone); });
                const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(gone));
                b.views.removeIf([&](const View &v) { return v.definition.contains(word); });
                kept.removeIf([&](const QPair<QString, QString> &p) { return p.second == gone; });
                // Indexes named after the moved column would clash with the dropped one's names.
                renameColumnEverywhere(b, t->name, moved, gone);
                for (auto &p : kept)
                    if (p.second == moved)
                        p.first = gone;
                RenameCandidate cand;
                cand.kind = RenameCandidate::Kind::Column;
                cand.table = t->name;
                cand.from = moved;
                cand.to = gone;
                m_pendingColumnDecisions << cand;
                rc.changes << QStringLiteral("drop column %1.%2 and rename %3 -> %2").arg(tname, gone, moved);
            }
        }
        // A unique constraint over a column whose rows are all different.
        if (chance(15)) {
            for (const Column &c : t->columns) {
                const QString aName = [&] {
                    for (const auto &p : kept)
                        if (p.first == c.name)
                            return p.second;
                    return QString();
                }();
                if (aName.isEmpty() || !m_info.value(tname + u'.' + aName).distinct || !indexable(c.type) || c.type.kind() == K::Text
                    || std::any_of(t->uniques.begin(), t->uniques.end(), [&](const UniqueConstraint &u) { return u.columns == QStringList{c.name}; }))
                    continue;
                const QString name = uniqueName(t->name + u'_' + c.name + QStringLiteral("_uq"));
                t->uniques << UniqueConstraint{name, {c.name}};
                rc.changes << QStringLiteral("add unique %1").arg(name);
                break;
            }
        }
        // Added columns.
        const int adds = chance(50) ? 1 + pick(2) : 0;
        const QList<SqlType> types = columnTypes();
        for (int k = 0; k < adds; ++k) {
            Column c;
            c.name = QStringLiteral("added_%1").arg(k + 1);
            if (t->column(c.name))
                continue;
            c.type = types.at(pick(types.size()));
            c.nullable = true;
            if (!defaultFor(c.type).isEmpty() && chance(60)) {
                c.defaultExpr = defaultFor(c.type);
                c.nullable = chance(50);
            }
            t->columns << c;
            rc.changes << QStringLiteral("add column %1.%2 %3%4").arg(tname, c.name, c.type.canonicalName(), c.nullable ? QString() : QStringLiteral(" not null"));
        }
        // Indexes and checks added or dropped.
        if (!t->indexes.isEmpty() && chance(20)) {
            const qsizetype i = pick(int(t->indexes.size()));
            bool fkSupport = false;
            for (const ForeignKey &fk : t->foreignKeys)
                if (t->indexes.at(i).columnNames().first() == fk.columns.first())
                    fkSupport = true;
            if (!fkSupport || m_d != Dialect::MySQL) {
                rc.changes << QStringLiteral("drop index %1").arg(t->indexes.at(i).name);
                t->indexes.removeAt(i);
            }
        }
        if (chance(25)) {
            for (const Column &c : t->columns) {
                if (!indexable(c.type) || pkColumn(c.name) || t->index(t->name + u'_' + c.name + QStringLiteral("_idx2")))
                    continue;
                Index i;
                i.name = uniqueName(t->name + u'_' + c.name + QStringLiteral("_idx2"));
                i.parts << IndexPart{c.name, {}, chance(30), -1};
                t->indexes << i;
                rc.changes << QStringLiteral("add index %1").arg(i.name);
                break;
            }
        }
        if (!t->checks.isEmpty() && chance(25)) {
            rc.changes << QStringLiteral("drop check %1").arg(t->checks.first().name);
            t->checks.removeFirst();
        }
        if (chance(20)) {
            for (const Column &c : t->columns) {
                const QString aName = [&] {
                    for (const auto &p : kept)
                        if (p.first == c.name)
                            return p.second;
                    return QString();
                }();
                // MySQL refuses checks on columns of a foreign key with actions.
                if (!c.type.isInteger() || aName.isEmpty() || pkColumn(c.name) || fkColumn(c.name) || c.name.startsWith(QStringLiteral("added_")))
                    continue;
                const QString name = uniqueName(t->name + u'_' + c.name + QStringLiteral("_nonneg"));
                t->checks << Check{name, c.name + QStringLiteral(" >= 0")};
                rc.changes << QStringLiteral("add check %1").arg(name);
                break;
            }
        }
        // Foreign keys dropped.
        if (!t->foreignKeys.isEmpty() && chance(15)) {
            rc.changes << QStringLiteral("drop foreign key %1").arg(t->foreignKeys.first().name);
            t->foreignKeys.removeFirst();
        }
        rc.tableFrom.insert(t->name, tname);
        rc.keptColumns.insert(t->name, kept);
    }
    // Foreign keys added between existing tables over existing data: a new
    // nullable column referencing a parent's single-column key, all NULL.
    if (b.tables.size() >= 2 && chance(30)) {
        Table *child = &b.tables.last();
        const Table *parent = &b.tables.first();
        if (parent->primaryKey && parent->primaryKey->columns.size() == 1 && child->name != parent->name) {
            Column c;
            c.name = parent->name + QStringLiteral("_link");
            if (!child->column(c.name)) {
                c.type = parent->column(parent->primaryKey->columns.first())->type;
                child->columns << c;
                ForeignKey fk;
                fk.name = child->name + QStringLiteral("_link_fk");
                fk.columns = {c.name};
                fk.refTable = parent->name;
                fk.refColumns = parent->primaryKey->columns;
                fk.onDelete = ForeignKey::Action::SetNull;
                child->foreignKeys << fk;
                Index i;
                i.name = child->name + QStringLiteral("_link_idx");
                i.parts << IndexPart{c.name, {}, false, -1};
                child->indexes << i;
                rc.changes << QStringLiteral("add foreign key %1").arg(fk.name);
            }
        }
    }
    // A new table referencing an existing one.
    if (chance(30)) {
        QList<const Table *> parents;
        if (!b.tables.isEmpty())
            parents << &b.tables.first();
        const QString name = uniqueName(QStringLiteral("extra"));
        Table t = makeTable(name, 99, parents);
        b.tables << t;
        rc.changes << QStringLiteral("create table %1").arg(name);
    }
    // A table renamed.
    if (chance(20) && !b.tables.isEmpty() && !m_without.contains(QStringLiteral("table_rename"))) {
        const qsizetype i = pick(int(b.tables.size()));
        const QString from = b.tables.at(i).name;
        if (rc.tableFrom.contains(from)) {
            const QString to = uniqueName(from + QStringLiteral("_archive"));
            renameTableEverywhere(b, from, to);
            rc.tableFrom.insert(to, rc.tableFrom.take(from));
            rc.keptColumns.insert(to, rc.keptColumns.take(from));
            for (RenameCandidate &c : m_pendingColumnDecisions)
                if (c.table == from)
                    c.table = to;
            RenameCandidate cand;
            cand.kind = RenameCandidate::Kind::Table;
            cand.table = to;
            cand.from = rc.tableFrom.value(to);
            cand.to = to;
            rc.decisions.set(cand, RenameDecisions::Verdict::Accept);
            rc.changes << QStringLiteral("rename table %1 -> %2").arg(from, to);
        }
    }
    if (!b.views.isEmpty() && chance(15)) {
        rc.changes << QStringLiteral("drop view %1").arg(b.views.first().name);
        b.views.removeFirst();
    } else if (chance(15) && !b.tables.isEmpty()) {
        const Table &t = b.tables.first();
        View v;
        v.name = uniqueName(t.name + QStringLiteral("_summary"));
        v.definition = QStringLiteral("SELECT count(*) AS n FROM %1").arg(t.name);
        b.views << v;
        rc.changes << QStringLiteral("create view %1").arg(v.name);
    }
    for (const RenameCandidate &c : m_pendingColumnDecisions)
        rc.decisions.set(c, RenameDecisions::Verdict::Accept);
}

inline RandomCase RandomSchemaPair::generate()
{
    static const QStringList tableNames{QStringLiteral("users"),  QStringLiteral("orders"),   QStringLiteral("items"),
                                        QStringLiteral("events"), QStringLiteral("accounts"), QStringLiteral("invoices"),
                                        QStringLiteral("posts"),  QStringLiteral("tags")};
    RandomCase rc;
    m_names.clear();
    m_info.clear();
    m_rowValues.clear();
    m_pendingColumnDecisions.clear();
    rc.a.dialect = m_d;
    const int count = 2 + pick(4);
    QStringList names = tableNames;
    for (int i = 0; i < count; ++i) {
        const QString name = uniqueName(names.takeAt(pick(int(names.size()))));
        QList<const Table *> parents;
        for (const Table &t : rc.a.tables)
            parents << &t;
        Table t = makeTable(name, i, parents);
        rc.a.tables << t;
    }
    // A view over one table now and then (the differ must drop and
    // re-create it around changes to what it uses).
    if (chance(40)) {
        const Table &t = rc.a.tables.at(pick(int(rc.a.tables.size())));
        QStringList cols{QStringLiteral("id")};
        for (const Column &c : t.columns)
            if (c.name != u"id" && cols.size() < 3 && chance(60))
                cols << c.name;
        View v;
        v.name = uniqueName(t.name + QStringLiteral("_view"));
        v.definition = QStringLiteral("SELECT %1 FROM %2").arg(cols.join(QStringLiteral(", ")), t.name);
        rc.a.views << v;
    }
    fillRows(rc);
    rc.b = rc.a;
    mutate(rc);
    return rc;
}

} // namespace covet::test
