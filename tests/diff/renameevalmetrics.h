#pragma once
// Runs the Differ over evaluation cases and counts what a DBA would see:
// accepted renames (precision, recall), the candidate list (candidate recall:
// the true rename is among the candidates shown), refusals (the Differ
// returns an error instead of a plan), score calibration, and Django's rule
// ("identical definitions, every prompt answered yes") on the same cases.

#include "renameevalset.h"

#include "diff/differ.h"

#include <QHash>
#include <QMap>

#include <array>

namespace covet::evalset {

struct Outcome
{
    QSet<QString> accepted;
    QHash<QString, double> candidates;   // key -> score
    QList<RenameCandidate> shown;        // every candidate, as the Differ returned it
    bool refused = false;
    QString error;
};

inline Outcome runDiffer(const EvalCase &c, const RenameOptions &options = {})
{
    Outcome o;
    DiffOptions d;
    d.renames = options;
    const Result<DiffResult> r = Differ::diff(c.from, c.to, d);
    if (!r) {
        o.refused = true;
        o.error = r.error().toString();
        return o;
    }
    for (const RenameCandidate &rc : r->renameCandidates) {
        if (c.tablesOnly && rc.kind != RenameCandidate::Kind::Table)
            continue;
        const QString key = candidateKey(rc);
        o.shown << rc;
        o.candidates.insert(key, std::max(o.candidates.value(key, 0.0), rc.score));
        if (rc.accepted)
            o.accepted.insert(key);
    }
    return o;
}

// Django's autodetector: a model whose fields are all the same (names and
// definitions) as a removed model's is renamed; then, per model, each added
// field takes the first removed field with the same definition (type, null,
// default, unique, foreign-key target), every question answered yes.
inline bool sameDefinition(const Table &ot, const Column &o, const Table &nt, const Column &n)
{
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

inline QSet<QString> djangoRule(const EvalCase &c)
{
    QSet<QString> out;
    const bool columns = !c.tablesOnly;
    QHash<QString, QString> oldOf;   // new table -> old table
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
                oldOf.insert(n.name, o.name);
                out.insert(QStringLiteral("table %1 -> %2").arg(o.name, n.name));
                break;
            }
        }
    }
    for (const Table &nt : c.to.tables) {
        const Table *ot = columns ? c.from.table(oldOf.value(nt.name, nt.name)) : nullptr;
        if (!ot)
            continue;
        QSet<QString> taken;
        for (const Column &n : nt.columns) {
            if (ot->column(n.name))
                continue;
            for (const Column &o : ot->columns) {
                if (nt.column(o.name) || taken.contains(o.name))
                    continue;
                if (sameDefinition(*ot, o, nt, n)) {
                    taken.insert(o.name);
                    out.insert(columnKey(nt.name, o.name, n.name));
                    break;
                }
            }
        }
    }
    return out;
}

struct Figures
{
    int cases = 0, tp = 0, fp = 0, fn = 0, candidateHits = 0, refusals = 0;
    int djangoTp = 0, djangoFp = 0, djangoFn = 0;
    QStringList misses, falsePositives, candidateMisses, refused;

    static double ratio(int a, int b) { return b ? double(a) / b : 1.0; }
    double precision() const { return ratio(tp, tp + fp); }
    double recall() const { return ratio(tp, tp + fn); }
    double candidateRecall() const { return ratio(candidateHits, tp + fn); }
    double djangoPrecision() const { return ratio(djangoTp, djangoTp + djangoFp); }
    double djangoRecall() const { return ratio(djangoTp, djangoTp + djangoFn); }

    void add(const EvalCase &c, const Outcome &o, const QSet<QString> &django)
    {
        ++cases;
        const QString where = c.source.isEmpty() ? c.id : c.id + " (" + c.source + ")";
        if (o.refused) {
            ++refusals;
            refused << where + ": " + o.error;
        }
        for (const QString &p : o.accepted) {
            if (c.truth.contains(p))
                ++tp;
            else {
                ++fp;
                falsePositives << c.id + ": " + p + QStringLiteral(" (%1)").arg(o.candidates.value(p), 0, 'f', 2);
            }
        }
        for (const QString &t : c.truth) {
            if (o.candidates.contains(t))
                ++candidateHits;
            else
                candidateMisses << c.id + ": " + t;
            if (!o.accepted.contains(t)) {
                ++fn;
                if (o.candidates.contains(t))
                    misses << c.id + ": " + t + QStringLiteral(" (%1)").arg(o.candidates.value(t), 0, 'f', 2);
            }
        }
        for (const QString &p : django)
            (c.truth.contains(p) ? djangoTp : djangoFp) += 1;
        for (const QString &t : c.truth)
            djangoFn += django.contains(t) ? 0 : 1;
    }
    void add(const Figures &f)
    {
        cases += f.cases; tp += f.tp; fp += f.fp; fn += f.fn; candidateHits += f.candidateHits; refusals += f.refusals;
        djangoTp += f.djangoTp; djangoFp += f.djangoFp; djangoFn += f.djangoFn;
        misses << f.misses; falsePositives << f.falsePositives; candidateMisses << f.candidateMisses; refused << f.refused;
    }
    static QString header()
    {
        return QStringLiteral("| %1 | cases | renames | precision | recall | candidate recall | refusals | Django precision | Django recall |")
            .arg(QStringLiteral("project").leftJustified(36));
    }
    QString row(const QString &name) const
    {
        return QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |")
            .arg(name.leftJustified(36)).arg(cases, 5).arg(tp + fn, 7)
            .arg(precision(), 9, 'f', 3).arg(recall(), 6, 'f', 3).arg(candidateRecall(), 16, 'f', 3).arg(refusals, 8)
            .arg(djangoPrecision(), 16, 'f', 3).arg(djangoRecall(), 13, 'f', 3);
    }
};

// One line per candidate shown (tab-separated: split, project, case, key,
// truth, accepted, score, reasons, explanation), for
// COVET_RENAME_EVAL_DUMP: the data scripts/learn-rename-lexicon.py and a
// reader of errors work from.
inline QStringList dumpLines(const EvalCase &c, const Outcome &o)
{
    QStringList out;
    for (const RenameCandidate &rc : o.shown) {
        QStringList reasons;
        for (auto it = rc.reasons.cbegin(); it != rc.reasons.cend(); ++it)
            reasons << QStringLiteral("%1=%2").arg(it.key()).arg(it.value(), 0, 'f', 3);
        out << QStringList{c.split, c.project, c.id, candidateKey(rc), c.truth.contains(candidateKey(rc)) ? QStringLiteral("1") : QStringLiteral("0"),
                           rc.accepted ? QStringLiteral("1") : QStringLiteral("0"), QString::number(rc.score, 'f', 3), reasons.join(u','),
                           rc.explanation}
                   .join(u'\t');
    }
    return out;
}

// Of the candidates shown with a score in [b/10, (b+1)/10), how many are real.
struct Calibration
{
    std::array<int, 10> shown{}, real{};
    void add(const EvalCase &c, const Outcome &o)
    {
        for (auto it = o.candidates.cbegin(); it != o.candidates.cend(); ++it) {
            const int b = std::clamp(int(it.value() * 10.0), 0, 9);
            ++shown[size_t(b)];
            real[size_t(b)] += c.truth.contains(it.key()) ? 1 : 0;
        }
    }
    QStringList table() const
    {
        QStringList out{QStringLiteral("| score | candidates | real renames | share real |")};
        for (int b = 0; b < 10; ++b) {
            if (!shown[size_t(b)])
                continue;
            out << QStringLiteral("| %1-%2 | %3 | %4 | %5 |")
                       .arg(b / 10.0, 0, 'f', 1).arg((b + 1) / 10.0, 0, 'f', 1).arg(shown[size_t(b)], 10)
                       .arg(real[size_t(b)], 12).arg(double(real[size_t(b)]) / shown[size_t(b)], 10, 'f', 2);
        }
        return out;
    }
    // Largest gap between the share of real renames and the middle of the
    // score band, over bands holding at least `minimum` candidates.
    double worstGap(int minimum) const
    {
        double worst = 0;
        for (int b = 0; b < 10; ++b)
            if (shown[size_t(b)] >= minimum)
                worst = std::max(worst, std::abs(double(real[size_t(b)]) / shown[size_t(b)] - (b + 0.5) / 10.0));
        return worst;
    }
};

} // namespace covet::evalset
