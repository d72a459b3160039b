#pragma once

// A seeded generator of a schema A with rows and a mutated copy B (columns
// added, dropped, renamed, widened, nullability changed; indexes, uniques,
// foreign keys and checks added and dropped; tables added, dropped and
// renamed), with the rename decisions that make the renames deterministic
// and the column mapping used for checksums. Schema A and its rows are made
// here; the mutation into B is in randommutation.h, included at the end.
// Run the pairs with ScratchRun (scratchrun.h).

#include "diff/renamedecisions.h"
#include "schema/schema.h"

#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace covet::test {

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
    void renameTableDecided(Schema &b, const QString &from, const QString &to, RandomCase &rc);
    void renameReferencingColumns(Schema &b, const QString &from, const QString &to, RandomCase &rc);
    void changePrimaryKey(Schema &b, Table &t, const Table &ta, QList<QPair<QString, QString>> &kept, RandomCase &rc);

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

#include "randommutation.h"
