#pragma once
// The rename-detection evaluation sets, read into schema pairs with their
// truth: tests/diff/data/rename_eval.yaml (written by hand from knowledge of
// public histories) and tests/diff/data/mined/*.yaml (mined from public
// projects' migration histories by scripts/mine-rename-cases.py).
//
// Truth keys: "column <new table>: <old> -> <new>" and "table <old> -> <new>".

#include "testsupport.h"

#include "core/yamlreader.h"
#include "diff/renamecandidate.h"
#include "schema/schema.h"

#include <QDir>
#include <QFile>
#include <QSet>

namespace covet::evalset {

struct EvalCase
{
    QString id;
    QString project;   // "owner/name" for mined cases, the `project` note for the written set
    QString split;     // "written", "train" or "eval"
    QString source;    // mined: "commit file"
    Schema from, to;
    QSet<QString> truth;
    // Written table cases state only the table renames: column candidates
    // inside them are not judged.
    bool tablesOnly = false;
};

inline QString columnKey(const QString &table, const QString &from, const QString &to)
{
    return QStringLiteral("column %1: %2 -> %3").arg(table, from, to);
}

inline QString candidateKey(const RenameCandidate &c)
{
    return c.kind == RenameCandidate::Kind::Table ? QStringLiteral("table %1 -> %2").arg(c.from, c.to)
                                                  : columnKey(c.table, c.from, c.to);
}

// "name type [nn] [pk] [uq] [def=EXPR] [fk=table.column]" separated by " | ".
inline Result<Table> parseTable(const QString &name, const QString &spec, const QString &where)
{
    Table t;
    t.name = name;
    const QStringList cols = spec.split(u'|', Qt::SkipEmptyParts);
    for (const QString &raw : cols) {
        const QStringList f = raw.simplified().split(u' ', Qt::SkipEmptyParts);
        if (f.size() < 2)
            return fail(Error::Category::InvalidInput, "bad column spec '" + raw + "'", where);
        Column c;
        c.name = f.at(0);
        bool ok = false;
        c.type = SqlType::parseCanonical(f.at(1), &ok);
        if (!ok && f.at(1) != u"geography" && f.at(1) != u"cidr" && f.at(1) != u"inet")
            return fail(Error::Category::InvalidInput, "bad type '" + f.at(1) + "'", where);
        for (const QString &flag : f.mid(2)) {
            if (flag == u"nn")
                c.nullable = false;
            else if (flag == u"pk") {
                c.nullable = false;
                t.primaryKey = PrimaryKey{name + "_pkey", {c.name}};
            } else if (flag == u"uq")
                t.uniques << UniqueConstraint{name + "_" + c.name + "_key", {c.name}};
            else if (flag.startsWith(u"def="))
                c.defaultExpr = flag.mid(4);
            else if (flag.startsWith(u"fk=")) {
                const QStringList ref = flag.mid(3).split(u'.');
                ForeignKey fk;
                fk.name = name + "_" + c.name + "_fkey";
                fk.columns = {c.name};
                fk.refTable = ref.value(0);
                fk.refColumns = {ref.value(1)};
                t.foreignKeys << fk;
            } else
                return fail(Error::Category::InvalidInput, "bad flag '" + flag + "'", where);
        }
        t.columns << c;
    }
    return t;
}

inline Status readTables(const YamlNode *m, Schema &schema)
{
    if (!m)
        return {};
    for (qsizetype i = 0; i < m->size(); ++i) {
        auto t = parseTable(m->keyAt(i).scalar(), m->at(i).scalar(), m->at(i).location());
        if (!t)
            return std::unexpected(t.error());
        schema.tables << *t;
    }
    return {};
}

inline Result<YamlNode> readYaml(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::Category::NotFound, "cannot open", path);
    return YamlReader::parse(f.readAll(), path);
}

// The hand-written set: single-table column cases and `kind: table` cases.
inline Result<QList<EvalCase>> loadWritten()
{
    const Result<YamlNode> doc = readYaml(test::sourcePath("tests/diff/data/rename_eval.yaml"));
    if (!doc)
        return std::unexpected(doc.error());
    QList<EvalCase> out;
    for (const YamlNode &n : doc->get("cases")->items()) {
        EvalCase c;
        c.id = n.get("id")->scalar();
        c.project = QStringLiteral("written set");
        c.split = QStringLiteral("written");
        c.from.dialect = c.to.dialect = Dialect::PostgreSQL;
        const bool tables = n.get("kind") && n.get("kind")->scalar() == u"table";
        c.tablesOnly = tables;
        const QString table = tables ? QString() : n.get("table")->scalar();
        for (const YamlNode &r : n.get("renames")->items()) {
            const QStringList p = r.scalar().split(" -> ");
            if (p.size() != 2)
                return fail(Error::Category::InvalidInput, "bad rename '" + r.scalar() + "'", r.location());
            c.truth.insert(tables ? QStringLiteral("table %1 -> %2").arg(p.at(0).trimmed(), p.at(1).trimmed())
                                  : columnKey(table, p.at(0).trimmed(), p.at(1).trimmed()));
        }
        if (tables) {
            if (auto ok = readTables(n.get("before"), c.from); !ok)
                return std::unexpected(ok.error());
            if (auto ok = readTables(n.get("after"), c.to); !ok)
                return std::unexpected(ok.error());
        } else {
            auto b = parseTable(table, n.get("before")->scalar(), n.get("before")->location());
            auto a = parseTable(table, n.get("after")->scalar(), n.get("after")->location());
            if (!b || !a)
                return std::unexpected(!b ? b.error() : a.error());
            c.from.tables << *b;
            c.to.tables << *a;
        }
        out << c;
    }
    return out;
}

// The mined set: one file per project, multi-table cases.
inline Result<QList<EvalCase>> loadMined()
{
    const QDir dir(test::sourcePath("tests/diff/data/mined"));
    QList<EvalCase> out;
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return fail(Error::Category::NotFound, "no mined cases", dir.path());
    for (const QString &file : files) {
        const Result<YamlNode> doc = readYaml(dir.filePath(file));
        if (!doc)
            return std::unexpected(doc.error());
        const QString project = doc->get("project")->scalar();
        const QString split = doc->get("split")->scalar();
        const YamlNode *cases = doc->get("cases");
        if (!cases)
            continue;
        for (const YamlNode &n : cases->items()) {
            EvalCase c;
            c.id = n.get("id")->scalar();
            c.project = project;
            c.split = split;
            c.source = n.get("commit")->scalar() + u' ' + n.get("file")->scalar();
            c.from.dialect = c.to.dialect = Dialect::PostgreSQL;
            if (auto ok = readTables(n.get("before"), c.from); !ok)
                return std::unexpected(ok.error());
            if (auto ok = readTables(n.get("after"), c.to); !ok)
                return std::unexpected(ok.error());
            for (const YamlNode &r : n.get("renames")->items())
                c.truth.insert(r.scalar());
            out << c;
        }
    }
    return out;
}

} // namespace covet::evalset
