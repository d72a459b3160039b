// covet-test-labels: engine
// Runs RenameDetector over tests/diff/data/rename_eval.yaml (real-world-like
// renames and drop+add pairs that were not renames) and fails when precision
// < 0.95 or recall < 0.90 at the default threshold. Prints the figures of two
// baselines on the same set: Django's rule (identical definitions only, every
// prompt answered yes) and plain normalised edit distance >= 0.80.
#include "testsupport.h"

#include "core/yamlreader.h"
#include "diff/assignment.h"
#include "diff/namesimilarity.h"
#include "diff/renamedetector.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace covet;

namespace {

struct EvalCase
{
    QString id;
    bool tables = false;
    Table before, after;             // column cases
    Schema from, to;                 // table cases
    QSet<QString> truth;             // "from -> to"
};

Result<Table> parseTable(const QString &name, const QString &spec, const QString &where)
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
                t.primaryKey = PrimaryKey{QString(), {c.name}};
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

Result<QList<EvalCase>> loadCases()
{
    const QString path = test::sourcePath("tests/diff/data/rename_eval.yaml");
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::Category::NotFound, "cannot open", path);
    const Result<YamlNode> doc = YamlReader::parse(f.readAll(), path);
    if (!doc)
        return std::unexpected(doc.error());
    QList<EvalCase> out;
    for (const YamlNode &n : doc->get("cases")->items()) {
        EvalCase c;
        c.id = n.get("id")->scalar();
        c.tables = n.get("kind") && n.get("kind")->scalar() == u"table";
        for (const YamlNode &r : n.get("renames")->items()) {
            const QStringList p = r.scalar().split(" -> ");
            if (p.size() != 2)
                return fail(Error::Category::InvalidInput, "bad rename '" + r.scalar() + "'", r.location());
            c.truth.insert(p.at(0).trimmed() + " -> " + p.at(1).trimmed());
        }
        if (c.tables) {
            for (const auto &[key, schema] : {std::pair{"before", &c.from}, std::pair{"after", &c.to}}) {
                const YamlNode *m = n.get(QString::fromLatin1(key));
                for (qsizetype i = 0; i < m->size(); ++i) {
                    auto t = parseTable(m->keyAt(i).scalar(), m->at(i).scalar(), m->at(i).location());
                    if (!t)
                        return std::unexpected(t.error());
                    schema->tables << *t;
                }
            }
        } else {
            const QString table = n.get("table")->scalar();
            auto b = parseTable(table, n.get("before")->scalar(), n.get("before")->location());
            auto a = parseTable(table, n.get("after")->scalar(), n.get("after")->location());
            if (!b || !a)
                return std::unexpected(!b ? b.error() : a.error());
            c.before = *b;
            c.after = *a;
        }
        out << c;
    }
    return out;
}

struct Figures
{
    int tp = 0, fp = 0, fn = 0;
    QStringList misses, falsePositives;
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
    void add(const EvalCase &c, const QSet<QString> &predicted)
    {
        for (const QString &p : predicted) {
            if (c.truth.contains(p))
                ++tp;
            else {
                ++fp;
                falsePositives << c.id + ": " + p;
            }
        }
        for (const QString &t : c.truth) {
            if (!predicted.contains(t)) {
                ++fn;
                misses << c.id + ": " + t;
            }
        }
    }
    QString line(const char *name) const
    {
        return QStringLiteral("%1: precision %2 recall %3 (tp %4, fp %5, fn %6)")
            .arg(QString::fromLatin1(name)).arg(precision(), 0, 'f', 3).arg(recall(), 0, 'f', 3).arg(tp).arg(fp).arg(fn);
    }
};

// Pairs (old, new) in a case: dropped x added columns, or tables.
struct Side { QStringList names; QList<const Column *> cols; QList<const Table *> tables; };

bool sameDefinition(const Table &ot, const Column &o, const Table &nt, const Column &n)
{
    // Django compares field deconstructions: type, null, default, unique, FK target.
    auto fkOf = [](const Table &t, const QString &c) {
        for (const ForeignKey &f : t.foreignKeys)
            if (f.columns == QStringList{c})
                return f.refTable + "." + f.refColumns.join(",");
        return QString();
    };
    auto uniqueOf = [](const Table &t, const QString &c) {
        for (const UniqueConstraint &u : t.uniques)
            if (u.columns == QStringList{c})
                return true;
        return t.primaryKey && t.primaryKey->columns == QStringList{c};
    };
    return o.type.equivalent(n.type) && o.nullable == n.nullable && o.defaultExpr == n.defaultExpr
        && fkOf(ot, o.name) == fkOf(nt, n.name) && uniqueOf(ot, o.name) == uniqueOf(nt, n.name);
}

QSet<QString> djangoRule(const EvalCase &c)
{
    QSet<QString> out;
    if (c.tables) {
        // Django's renamed-model check: same fields (names and definitions).
        QSet<QString> used;
        for (const Table &n : c.to.tables) {
            if (c.from.table(n.name))
                continue;
            for (const Table &o : c.from.tables) {
                if (c.to.table(o.name) || used.contains(o.name) || o.columns.size() != n.columns.size())
                    continue;
                bool same = true;
                for (const Column &oc : o.columns) {
                    const Column *nc = n.column(oc.name);
                    same = same && nc && sameDefinition(o, oc, n, *nc);
                }
                if (same) {
                    used.insert(o.name);
                    out.insert(o.name + " -> " + n.name);
                    break;
                }
            }
        }
        return out;
    }
    // Django's renamed-field check: for each added field, the first removed
    // field with the same definition; every prompt answered yes.
    QSet<QString> used;
    for (const Column &n : c.after.columns) {
        if (c.before.column(n.name))
            continue;
        for (const Column &o : c.before.columns) {
            if (c.after.column(o.name) || used.contains(o.name))
                continue;
            if (sameDefinition(c.before, o, c.after, n)) {
                used.insert(o.name);
                out.insert(o.name + " -> " + n.name);
                break;
            }
        }
    }
    return out;
}

QSet<QString> editDistanceRule(const EvalCase &c)
{
    QStringList olds, news;
    if (c.tables) {
        for (const Table &t : c.from.tables) if (!c.to.table(t.name)) olds << t.name;
        for (const Table &t : c.to.tables) if (!c.from.table(t.name)) news << t.name;
    } else {
        for (const Column &o : c.before.columns) if (!c.after.column(o.name)) olds << o.name;
        for (const Column &n : c.after.columns) if (!c.before.column(n.name)) news << n.name;
    }
    std::vector<std::vector<double>> m(size_t(olds.size()), std::vector<double>(size_t(news.size()), 0.0));
    for (qsizetype i = 0; i < olds.size(); ++i)
        for (qsizetype j = 0; j < news.size(); ++j)
            m[size_t(i)][size_t(j)] = NameSimilarity::editSimilarity(olds.at(i).toLower(), news.at(j).toLower());
    const std::vector<int> match = Assignment::maximize(m, 0.80);
    QSet<QString> out;
    for (qsizetype i = 0; i < olds.size(); ++i)
        if (match[size_t(i)] >= 0)
            out.insert(olds.at(i) + " -> " + news.at(match[size_t(i)]));
    return out;
}

QSet<QString> detector(const EvalCase &c)
{
    RenameDetector d;
    QSet<QString> out;
    const QList<RenameCandidate> list = c.tables ? d.detectTables(c.from, c.to) : d.detectColumns(c.before, c.after);
    for (const RenameCandidate &r : list)
        if (r.accepted)
            out.insert(r.from + " -> " + r.to);
    return out;
}

} // namespace

class TstRenameEvaluation : public QObject
{
    Q_OBJECT

private slots:
    void evaluate()
    {
        const auto cases = loadCases();
        QVERIFY2(cases, qPrintable(test::errorText(cases)));
        int negatives = 0, truths = 0;
        for (const EvalCase &c : *cases) {
            negatives += c.truth.isEmpty() ? 1 : 0;
            truths += int(c.truth.size());
        }
        qInfo().noquote() << QStringLiteral("rename evaluation set: %1 cases (%2 negative), %3 true renames")
                                 .arg(cases->size()).arg(negatives).arg(truths);
        QVERIFY2(cases->size() >= 150, "the evaluation set must hold at least 150 cases");

        Figures covetF, djangoF, editF;
        for (const EvalCase &c : *cases) {
            covetF.add(c, detector(c));
            djangoF.add(c, djangoRule(c));
            editF.add(c, editDistanceRule(c));
        }
        qInfo().noquote() << covetF.line("covet RenameDetector (threshold 0.80)");
        qInfo().noquote() << djangoF.line("baseline Django rule (identical definitions, always yes)");
        qInfo().noquote() << editF.line("baseline edit distance >= 0.80");
        for (const QString &m : covetF.misses)
            qInfo().noquote() << "  missed:" << m;
        for (const QString &f : covetF.falsePositives)
            qInfo().noquote() << "  false positive:" << f;
        QVERIFY2(covetF.precision() >= 0.95, qPrintable(covetF.line("precision below 0.95")));
        QVERIFY2(covetF.recall() >= 0.90, qPrintable(covetF.line("recall below 0.90")));
    }
};

QTEST_GUILESS_MAIN(TstRenameEvaluation)
#include "tst_renameevaluation.moc"
