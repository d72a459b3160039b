#pragma once

// Compares a schema as Covet generated it with the schema a database reports
// after running that DDL, field by field, and names the first difference.
// It normalises only what databases legitimately rewrite: the spelling of
// expressions (parentheses, whitespace, identifier quotes, PostgreSQL casts,
// MySQL column aliases in views), raw type
// spellings (types compare by SqlType::equivalent) and the default index
// method.

#include "schema/schema.h"

#include <QRegularExpression>
#include <QStringList>

namespace covet::test {

inline QString normalizedExpression(QString e, bool mysql = false)
{
    e = e.toLower();
    static const QRegularExpression casts(QStringLiteral(
        "::(?:\"[^\"]+\"|[a-z_][a-z0-9_]*)(?: varying| precision| without time zone| with time zone)?(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])*"));
    e.remove(casts);
    // MySQL names every view column ("`c`.`id` AS `id`"): compare without aliases.
    static const QRegularExpression aliases(QStringLiteral("\\s+as\\s+(?:`[^`]*`|\\w+)"));
    if (mysql)
        e.remove(aliases);
    e.remove(u'"');
    e.remove(u'`');
    e.remove(u'(');
    e.remove(u')');
    e.remove(u';');
    static const QRegularExpression space(QStringLiteral("\\s+"));
    e.remove(space);
    return e;
}

struct CompareOptions
{
    Dialect dialect = Dialect::SQLite;
    bool compareViewText = true;
    bool compareTriggerBody = true;
};

class SchemaComparer
{
public:
    explicit SchemaComparer(CompareOptions options) : m_o(std::move(options)) {}

    // Empty when equal; otherwise the first difference, naming the object.
    QString firstDifference(Schema expected, Schema actual) const
    {
        if (m_o.dialect == Dialect::MySQL) {
            // A MySQL UNIQUE constraint is a unique index: one object.
            for (Schema *s : {&expected, &actual}) {
                for (Table &t : s->tables) {
                    for (const UniqueConstraint &u : t.uniques) {
                        Index i;
                        i.name = u.name;
                        i.unique = true;
                        for (const QString &c : u.columns)
                            i.parts << IndexPart{c, {}, false, -1};
                        t.indexes << i;
                    }
                    t.uniques.clear();
                }
            }
        }
        expected.canonicalize();
        actual.canonicalize();
        if (expected.namespaces != actual.namespaces)
            return diff(QStringLiteral("namespaces"), expected.namespaces.join(u','), actual.namespaces.join(u','));
        if (QString d = names(expected.tables, actual.tables, QStringLiteral("tables")); !d.isEmpty())
            return d;
        for (qsizetype i = 0; i < expected.tables.size(); ++i)
            if (QString d = table(expected.tables.at(i), actual.tables.at(i)); !d.isEmpty())
                return d;
        if (QString d = names(expected.views, actual.views, QStringLiteral("views")); !d.isEmpty())
            return d;
        for (qsizetype i = 0; i < expected.views.size() && m_o.compareViewText; ++i) {
            const QString a = expr(expected.views.at(i).definition), b = expr(actual.views.at(i).definition);
            if (a != b)
                return diff(QStringLiteral("view %1 definition").arg(expected.views.at(i).name), expected.views.at(i).definition,
                            actual.views.at(i).definition);
        }
        if (QString d = names(expected.enums, actual.enums, QStringLiteral("enums")); !d.isEmpty())
            return d;
        for (qsizetype i = 0; i < expected.enums.size(); ++i)
            if (expected.enums.at(i).values != actual.enums.at(i).values)
                return diff(QStringLiteral("enum %1 values").arg(expected.enums.at(i).name), expected.enums.at(i).values.join(u','),
                            actual.enums.at(i).values.join(u','));
        return {};
    }

private:
    static QString diff(const QString &what, const QString &expected, const QString &actual)
    {
        return QStringLiteral("%1 differs\n  expected: %2\n  actual:   %3").arg(what, expected, actual);
    }

    QString expr(const QString &e) const { return normalizedExpression(e, m_o.dialect == Dialect::MySQL); }

    template <typename List>
    static QString names(const List &expected, const List &actual, const QString &what)
    {
        QStringList a, b;
        for (const auto &x : expected)
            a << (x.schema.isEmpty() ? x.name : x.schema + u'.' + x.name);
        for (const auto &x : actual)
            b << (x.schema.isEmpty() ? x.name : x.schema + u'.' + x.name);
        return a == b ? QString() : diff(what, a.join(QStringLiteral(" | ")), b.join(QStringLiteral(" | ")));
    }

    QString column(const QString &where, const Table &eTable, const Table &aTable, const Column &e, const Column &a) const
    {
        if (e.name != a.name)
            return diff(where + QStringLiteral(" column name"), e.name, a.name);
        const QString at = where + QStringLiteral(" column ") + e.name;
        if (!e.type.equivalent(a.type))
            return diff(at + QStringLiteral(" type"), e.type.canonicalName(), a.type.canonicalName() + QStringLiteral(" (raw ") + a.type.raw() + u')');
        if (e.type.kind() == SqlType::Kind::Enum && m_o.dialect == Dialect::PostgreSQL && e.type.enumName() != a.type.enumName())
            return diff(at + QStringLiteral(" enum name"), e.type.enumName(), a.type.enumName());
        if (e.nullable != a.nullable)
            return diff(at + QStringLiteral(" nullable"), QVariant(e.nullable).toString(), QVariant(a.nullable).toString());
        const QString ed = e.defaultExpr ? expr(*e.defaultExpr) : QString();
        const QString ad = a.defaultExpr ? expr(*a.defaultExpr) : QString();
        if (ed != ad)
            return diff(at + QStringLiteral(" default"), e.defaultExpr.value_or(QStringLiteral("<none>")), a.defaultExpr.value_or(QStringLiteral("<none>")));
        if (e.identity != a.identity)
            return diff(at + QStringLiteral(" identity"), identityName(e.identity), identityName(a.identity));
        if (expr(e.generatedExpr) != expr(a.generatedExpr))
            return diff(at + QStringLiteral(" generated"), e.generatedExpr, a.generatedExpr);
        if (e.isGenerated() && e.generatedStored != a.generatedStored && m_o.dialect != Dialect::PostgreSQL)
            return diff(at + QStringLiteral(" stored"), QVariant(e.generatedStored).toString(), QVariant(a.generatedStored).toString());
        // MySQL: a column collation equal to the table's may be reported as empty.
        const QString ecol = e.collation.isEmpty() ? eTable.collation : e.collation;
        const QString acol = a.collation.isEmpty() ? aTable.collation : a.collation;
        if (!e.collation.isEmpty() && ecol.compare(acol, Qt::CaseInsensitive) != 0)
            return diff(at + QStringLiteral(" collation"), e.collation, a.collation);
        // A column charset equal to the table's default may be reported as empty.
        const QString ec = e.charset.isEmpty() ? eTable.charset : e.charset;
        const QString ac = a.charset.isEmpty() ? aTable.charset : a.charset;
        if (!e.charset.isEmpty() && ec != ac)
            return diff(at + QStringLiteral(" charset"), e.charset, a.charset);
        if (e.comment != a.comment)
            return diff(at + QStringLiteral(" comment"), e.comment, a.comment);
        return {};
    }

    static QString partText(const IndexPart &p, const SchemaComparer &c)
    {
        QString s = p.isExpression() ? QStringLiteral("expr:") + c.expr(p.expression) : p.column;
        if (p.descending)
            s += QStringLiteral(" desc");
        if (p.length > 0)
            s += QStringLiteral("(%1)").arg(p.length);
        return s;
    }

    QString index(const QString &where, const Index &e, const Index &a) const
    {
        const QString at = where + QStringLiteral(" index ") + e.name;
        if (e.name != a.name)
            return diff(where + QStringLiteral(" index name"), e.name, a.name);
        if (e.unique != a.unique)
            return diff(at + QStringLiteral(" unique"), QVariant(e.unique).toString(), QVariant(a.unique).toString());
        QStringList ep, ap;
        for (const IndexPart &p : e.parts)
            ep << partText(p, *this);
        for (const IndexPart &p : a.parts)
            ap << partText(p, *this);
        if (ep != ap)
            return diff(at + QStringLiteral(" parts"), ep.join(u','), ap.join(u','));
        if (expr(e.where) != expr(a.where))
            return diff(at + QStringLiteral(" where"), e.where, a.where);
        auto method = [](const QString &m) { return m.compare(u"btree", Qt::CaseInsensitive) == 0 ? QString() : m.toLower(); };
        if (method(e.method) != method(a.method))
            return diff(at + QStringLiteral(" method"), e.method, a.method);
        return {};
    }

    QString table(const Table &e, const Table &a) const
    {
        const QString where = QStringLiteral("table ") + e.qualifiedName();
        QStringList ec, ac;
        for (const Column &c : e.columns)
            ec << c.name;
        for (const Column &c : a.columns)
            ac << c.name;
        if (ec != ac)
            return diff(where + QStringLiteral(" columns"), ec.join(u','), ac.join(u','));
        for (qsizetype i = 0; i < e.columns.size(); ++i)
            if (QString d = column(where, e, a, e.columns.at(i), a.columns.at(i)); !d.isEmpty())
                return d;
        const QStringList epk = e.primaryKey ? e.primaryKey->columns : QStringList();
        const QStringList apk = a.primaryKey ? a.primaryKey->columns : QStringList();
        if (epk != apk)
            return diff(where + QStringLiteral(" primary key"), epk.join(u','), apk.join(u','));
        if (e.primaryKey && !e.primaryKey->name.isEmpty() && a.primaryKey && e.primaryKey->name != a.primaryKey->name)
            return diff(where + QStringLiteral(" primary key name"), e.primaryKey->name, a.primaryKey->name);
        QStringList eu, au;
        for (const UniqueConstraint &u : e.uniques)
            eu << u.name + u':' + u.columns.join(u',');
        for (const UniqueConstraint &u : a.uniques)
            au << u.name + u':' + u.columns.join(u',');
        if (eu != au)
            return diff(where + QStringLiteral(" unique constraints"), eu.join(u' '), au.join(u' '));
        QStringList ei, ai;
        for (const Index &i : e.indexes)
            ei << i.name;
        for (const Index &i : a.indexes)
            ai << i.name;
        if (ei != ai)
            return diff(where + QStringLiteral(" indexes"), ei.join(u','), ai.join(u','));
        for (qsizetype i = 0; i < e.indexes.size(); ++i)
            if (QString d = index(where, e.indexes.at(i), a.indexes.at(i)); !d.isEmpty())
                return d;
        if (e.foreignKeys.size() != a.foreignKeys.size())
            return diff(where + QStringLiteral(" foreign key count"), QString::number(e.foreignKeys.size()), QString::number(a.foreignKeys.size()));
        for (qsizetype i = 0; i < e.foreignKeys.size(); ++i) {
            const ForeignKey &x = e.foreignKeys.at(i);
            const ForeignKey &y = a.foreignKeys.at(i);
            auto text = [this](const ForeignKey &f) {
                QString s = QStringLiteral("%1 (%2) -> %3.%4 (%5) delete %6 update %7")
                                .arg(m_o.dialect == Dialect::SQLite ? QString() : f.name, f.columns.join(u','), f.refSchema, f.refTable,
                                     f.refColumns.join(u','), fkActionSql(f.onDelete), fkActionSql(f.onUpdate));
                if (f.deferrable)
                    s += f.initiallyDeferred ? QStringLiteral(" deferrable initially deferred") : QStringLiteral(" deferrable");
                return s;
            };
            if (text(x) != text(y))
                return diff(where + QStringLiteral(" foreign key"), text(x), text(y));
        }
        QStringList ek, ak;
        for (const Check &c : e.checks)
            ek << c.name + u':' + expr(c.expression);
        for (const Check &c : a.checks)
            ak << c.name + u':' + expr(c.expression);
        if (ek != ak)
            return diff(where + QStringLiteral(" checks"), ek.join(u' '), ak.join(u' '));
        QStringList et, atr;
        for (const Trigger &t : e.triggers)
            et << t.name + u' ' + t.timing.toUpper() + u' ' + t.events.join(u',').toUpper();
        for (const Trigger &t : a.triggers)
            atr << t.name + u' ' + t.timing.toUpper() + u' ' + t.events.join(u',').toUpper();
        if (et != atr)
            return diff(where + QStringLiteral(" triggers"), et.join(u' '), atr.join(u' '));
        for (qsizetype i = 0; i < e.triggers.size() && m_o.compareTriggerBody; ++i) {
            // The body as written must be found in what the database reports.
            const QString mine = expr(e.triggers.at(i).body);
            const QString theirs = expr(a.triggers.at(i).body + u' ' + a.triggers.at(i).definition);
            if (!theirs.contains(mine))
                return diff(where + QStringLiteral(" trigger ") + e.triggers.at(i).name + QStringLiteral(" body"), e.triggers.at(i).body,
                            a.triggers.at(i).body + QStringLiteral(" / ") + a.triggers.at(i).definition);
        }
        if (e.comment != a.comment)
            return diff(where + QStringLiteral(" comment"), e.comment, a.comment);
        if (e.withoutRowid != a.withoutRowid)
            return diff(where + QStringLiteral(" WITHOUT ROWID"), QVariant(e.withoutRowid).toString(), QVariant(a.withoutRowid).toString());
        if (!e.engine.isEmpty() && e.engine.compare(a.engine, Qt::CaseInsensitive) != 0)
            return diff(where + QStringLiteral(" engine"), e.engine, a.engine);
        if (!e.charset.isEmpty() && e.charset != a.charset)
            return diff(where + QStringLiteral(" charset"), e.charset, a.charset);
        if (!e.collation.isEmpty() && e.collation != a.collation)
            return diff(where + QStringLiteral(" collation"), e.collation, a.collation);
        return {};
    }

    CompareOptions m_o;
};

} // namespace covet::test
