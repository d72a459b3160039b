#include "renamedetector.h"

#include "assignment.h"
#include "columnpairscorer.h"
#include "renamecalibration.h"
#include "renamedetectordetail.h"
#include "namesimilarity.h"
#include "typecompatibility.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace covet {

using std::size_t;

namespace renamedetail {

// Shared with the table detection (renamedetectortables.cpp).

void sortCandidates(QList<RenameCandidate> &list)
{
    std::sort(list.begin(), list.end(), [](const RenameCandidate &a, const RenameCandidate &b) {
        if (a.score != b.score)
            return a.score > b.score;
        if (a.table != b.table)
            return a.table < b.table;
        if (a.from != b.from)
            return a.from < b.from;
        return a.to < b.to;
    });
}

// Applies a decision (if any) to a scored candidate.
void applyDecision(RenameCandidate &c, const RenameDecisions *decisions)
{
    if (!decisions)
        return;
    if (const auto v = decisions->verdict(c)) {
        c.accepted = *v == RenameDecisions::Verdict::Accept;
        c.source = RenameCandidate::Source::Decision;
        c.explanation += c.accepted ? QStringLiteral(" (accepted in the decisions file)")
                                    : QStringLiteral(" (rejected in the decisions file)");
    }
}

} // namespace renamedetail

namespace {

using renamedetail::applyDecision;
using renamedetail::isRetiredOf;
using renamedetail::sortCandidates;

constexpr double kReverseReuse = 0.9;        // raw score of a column whose name a new column of another type reuses
constexpr double kStaging = 0.9;             // raw score of a staging column taking the name it was made for
constexpr double kAmbiguousCap = 0.79;       // raw score cap of a pair with a rival as likely (below the default threshold)
constexpr double kAlternativeMargin = 0.05;  // alternatives shown: pairs this close to a dropped column's best
constexpr int kMaxAlternatives = 3;          // per dropped column

// The words of `name` with a marker word (one of `markers`) added before or
// after the words of `base`: new_category_id / category_id_new for
// category_id.
bool isMarked(const QString &name, const QString &base, std::initializer_list<const char16_t *> markers)
{
    const QStringList w = NameSimilarity::words(name), b = NameSimilarity::words(base);
    if (b.isEmpty() || w.size() != b.size() + 1)
        return false;
    for (const char16_t *m : markers) {
        const QString marker = QString::fromUtf16(m);
        if ((w.first() == marker && w.mid(1) == b) || (w.last() == marker && w.mid(0, b.size()) == b))
            return true;
    }
    return false;
}

bool isStagingOf(const QString &name, const QString &base) { return isMarked(name, base, {u"new", u"tmp", u"temp"}); }

// The definition part of a scored pair (type, nullability, default, unique,
// foreign key), as ColumnPairScorer weighs it.
double definitionOf(const RenameCandidate &c)
{
    return 0.55 * c.reasons.value(QStringLiteral("type")) + 0.15 * c.reasons.value(QStringLiteral("nullability"))
        + 0.10 * c.reasons.value(QStringLiteral("default")) + 0.10 * c.reasons.value(QStringLiteral("unique"))
        + 0.10 * c.reasons.value(QStringLiteral("foreign_key"));
}

} // namespace

bool renamedetail::isRetiredOf(const QString &name, const QString &base)
{
    return isMarked(name, base, {u"old", u"legacy", u"deprecated", u"previous", u"orig", u"original"});
}

double RenameDetector::shownScore(double raw)
{
    // Above kCalibratedFrom the raw scores already match the share of real
    // renames in the histories; below it they overstate it (RenameCalibration).
    return raw >= kCalibratedFrom ? raw : std::min(raw, RenameCalibration::apply(raw));
}

RenameDetector::RenameDetector(RenameOptions options)
    : m_options(options)
{
}

double RenameDetector::typeCompatibility(const SqlType &a, const SqlType &b) { return TypeCompatibility::score(a, b); }

QString RenameDetector::transformKey(const QString &from, const QString &to)
{
    QStringList a = NameSimilarity::words(from), b = NameSimilarity::words(to);
    QStringList removed, added = b;
    for (const QString &w : a) {
        if (!added.removeOne(w))
            removed << w;
    }
    if (removed.isEmpty() && added.isEmpty())
        return {};
    return removed.join(u'_') + u'>' + added.join(u'_');
}

RenameCandidate RenameDetector::scoreColumns(const Table &oldTable, const Column &oldColumn, const Table &newTable,
                                             const Column &newColumn, int droppedCount, int addedCount,
                                             const RenameContext *context) const
{
    RenameCandidate c = ColumnPairScorer::score(oldTable, oldColumn, ColumnPairScorer::factsOf(oldTable, oldColumn), newTable, newColumn,
                                        ColumnPairScorer::factsOf(newTable, newColumn), droppedCount, addedCount, context).candidate;
    c.score = shownScore(c.score);
    c.accepted = c.score >= m_options.threshold;
    return c;
}

QList<RenameCandidate> RenameDetector::detectColumns(const Table &oldTable, const Table &newTable,
                                                     const QList<RenameHint> &hints, const RenameDecisions *decisions,
                                                     const RenameContext *context) const
{
    QList<RenameCandidate> out;
    QList<const Column *> dropped, added;
    QSet<QString> reuseTargets;   // new columns that take the name of an old column the change drops
    for (const Column &c : oldTable.columns)
        if (!newTable.column(c.name))
            dropped << &c;
    for (const Column &c : newTable.columns)
        if (!oldTable.column(c.name))
            added << &c;

    // Hints (models file) come first: they are the DBA's word.
    QSet<QString> takenFrom, takenTo;
    for (const RenameHint &h : hints) {
        if (h.kind != RenameHint::Column || h.table != newTable.name || h.schema != newTable.schema)
            continue;
        const Column *o = oldTable.column(h.from);
        const Column *n = newTable.column(h.to);
        if (!o || !n || h.from == h.to || newTable.column(h.from) || takenFrom.contains(h.from) || takenTo.contains(h.to))
            continue;   // not applicable (already applied, or names unknown): the Differ reports those
        RenameCandidate c = scoreColumns(oldTable, *o, newTable, *n, 1, 1, context);
        c.accepted = true;
        c.source = RenameCandidate::Source::Hint;
        if (oldTable.column(h.to))
            c.reusesDroppedName = h.to;
        c.explanation += h.location.isEmpty() ? QStringLiteral(" (renamed_from hint)")
                                              : QStringLiteral(" (renamed_from hint at %1)").arg(h.location);
        takenFrom.insert(h.from);
        takenTo.insert(h.to);
        out << c;
    }
    if (dropped.isEmpty() && added.isEmpty() && takenFrom.isEmpty()) {
        sortCandidates(out);
        return out;
    }

    QHash<const Column *, ColumnFacts> facts;
    auto factsFor = [&](const Table &t, const Column *c) -> const ColumnFacts & {
        auto it = facts.find(c);
        if (it == facts.end())
            it = facts.insert(c, ColumnPairScorer::factsOf(t, *c));
        return *it;
    };

    // A rename onto the name of a column that the same change drops: the new
    // column keeps an old name, but its definition matches a dropped column
    // far better than the old column of that name.
    for (const Column &n : newTable.columns) {
        const Column *same = oldTable.column(n.name);
        if (!same || typeCompatibility(same->type, n.type) > 0.4)
            continue;
        for (const Column *x : dropped) {
            if (typeCompatibility(x->type, n.type) < 1.0)
                continue;
            const ColumnPairScore withX = ColumnPairScorer::score(oldTable, *x, factsFor(oldTable, x), newTable, n, factsFor(newTable, &n), 1, 1);
            const ColumnPairScore withSame = ColumnPairScorer::score(oldTable, *same, factsFor(oldTable, same), newTable, n, factsFor(newTable, &n), 1, 1);
            const double defX = withX.candidate.reasons.value(QStringLiteral("type")), defSame = withSame.candidate.reasons.value(QStringLiteral("type"));
            if (defX - defSame >= 0.5) {
                reuseTargets.insert(n.name);
                added << &n;
                break;
            }
        }
    }

    // The other way round: an old column whose name stays, but with a type
    // its data cannot take, while an added column has exactly its old type
    // (`{id uuid}` -> `{id integer, uuid uuid}`): the old column keeps its
    // data under the new name, and the name is reused by a new column.
    QSet<QString> reuseSources;
    for (const Column &o : oldTable.columns) {
        const Column *same = newTable.column(o.name);
        if (!same || typeCompatibility(o.type, same->type) > 0.0 || takenFrom.contains(o.name))
            continue;
        for (const Column *x : added) {
            if (reuseTargets.contains(x->name) || typeCompatibility(o.type, x->type) < 1.0)
                continue;
            reuseSources.insert(o.name);
            dropped << &o;
            break;
        }
    }

    // Expand and contract: a staging column (new_X, X_new, tmp_X) added
    // earlier takes the name of the column it replaces. X keeps its name but
    // its data is the staging column's: either X's definition now matches the
    // staging column's better than X's old one, or X itself moves aside to a
    // retired name (X -> old_X, new_X -> X; the Differ orders the two).
    QSet<QString> stagingTargets, swapSources;
    for (const Column *s : QList<const Column *>(dropped)) {
        if (reuseSources.contains(s->name))
            continue;
        for (const Column &n : newTable.columns) {
            const Column *same = oldTable.column(n.name);
            if (!same || reuseTargets.contains(n.name) || stagingTargets.contains(n.name) || !isStagingOf(s->name, n.name)
                || typeCompatibility(s->type, n.type) < 0.8)
                continue;
            const Column *retired = nullptr;
            for (const Column *a : added)
                if (!reuseTargets.contains(a->name) && isRetiredOf(a->name, n.name))
                    retired = a;
            const double staged = definitionOf(ColumnPairScorer::score(oldTable, *s, factsFor(oldTable, s), newTable, n, factsFor(newTable, &n), 1, 1).candidate);
            const double kept = definitionOf(ColumnPairScorer::score(oldTable, *same, factsFor(oldTable, same), newTable, n, factsFor(newTable, &n), 1, 1).candidate);
            if (!retired && staged <= kept)
                continue;
            stagingTargets.insert(n.name);
            if (retired && !reuseSources.contains(same->name)) {
                swapSources.insert(same->name);
                dropped << same;
            } else {
                reuseTargets.insert(n.name);
            }
            added << &n;
            break;
        }
    }

    // A person's accept decision for a rename onto the name of a column that
    // goes counts whatever the types: that new column is a rename target too.
    if (decisions) {
        for (const Column &n : newTable.columns) {
            if (reuseTargets.contains(n.name) || !oldTable.column(n.name) || takenTo.contains(n.name))
                continue;
            for (const Column *x : dropped) {
                RenameCandidate key;
                key.kind = RenameCandidate::Kind::Column;
                key.schema = newTable.schema;
                key.table = newTable.name;
                key.from = x->name;
                key.to = n.name;
                if (decisions->verdict(key) == RenameDecisions::Verdict::Accept) {
                    reuseTargets.insert(n.name);
                    added << &n;
                    break;
                }
            }
        }
    }

    // The other way round: a person's accept decision for a rename away
    // from a column whose name a new column takes counts whatever the types
    // (the reverse of `drop score; rename flag -> score`): that old column
    // is a rename source too.
    if (decisions) {
        for (const Column &o : oldTable.columns) {
            if (!newTable.column(o.name) || reuseSources.contains(o.name) || swapSources.contains(o.name) || takenFrom.contains(o.name))
                continue;
            for (const Column *x : std::as_const(added)) {
                RenameCandidate key;
                key.kind = RenameCandidate::Kind::Column;
                key.schema = newTable.schema;
                key.table = newTable.name;
                key.from = o.name;
                key.to = x->name;
                if (decisions->verdict(key) == RenameDecisions::Verdict::Accept) {
                    reuseSources.insert(o.name);
                    dropped << &o;
                    break;
                }
            }
        }
    }

    // Explicit accept decisions, then the rest by score.
    QList<const Column *> rows, cols;
    for (const Column *o : dropped)
        if (!takenFrom.contains(o->name))
            rows << o;
    for (const Column *n : added)
        if (!takenTo.contains(n->name))
            cols << n;
    const int dCount = int(rows.size()), aCount = int(cols.size());
    // The only reference (foreign key or `*_id`) dropped and the only one added.
    {
        QList<const Column *> refRows, refCols;
        for (const Column *o : rows)
            if (factsFor(oldTable, o).reference)
                refRows << o;
        for (const Column *n : cols)
            if (factsFor(newTable, n).reference)
                refCols << n;
        if (refRows.size() == 1 && refCols.size() == 1) {
            facts[refRows.front()].soleReference = true;
            facts[refCols.front()].soleReference = true;
        }
    }

    std::vector<std::vector<double>> matrix(size_t(rows.size()), std::vector<double>(size_t(cols.size()), 0.0));
    std::vector<std::vector<ColumnPairScore>> scored(size_t(rows.size()));
    QList<RenameCandidate> decided;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        scored[size_t(r)].reserve(size_t(cols.size()));
        for (qsizetype k = 0; k < cols.size(); ++k) {
            const Column *o = rows.at(r), *n = cols.at(k);
            ColumnPairScore p = ColumnPairScorer::score(oldTable, *o, factsFor(oldTable, o), newTable, *n, factsFor(newTable, n), dCount, aCount, context);
            if (o->name == n->name) {   // a column moved aside and its name taken: not a rename onto itself
                p.candidate.score = 0.0;
                matrix[size_t(r)][size_t(k)] = 0.0;
                scored[size_t(r)].push_back(p);
                continue;
            }
            if (stagingTargets.contains(n->name) && isStagingOf(o->name, n->name)) {
                if (p.candidate.reasons.value(QStringLiteral("type")) >= 0.8 && !p.conflict)
                    p.candidate.score = std::max(p.candidate.score, kStaging);
                p.candidate.explanation += QStringLiteral(", a staging column takes the name of the column it replaces");
            }
            if (reuseTargets.contains(n->name)) {
                p.candidate.reusesDroppedName = n->name;
                p.candidate.explanation += QStringLiteral(", reuses the name of dropped column %1").arg(n->name);
            }
            if (reuseSources.contains(o->name) && !reuseTargets.contains(n->name)) {
                if (p.candidate.reasons.value(QStringLiteral("type")) == 1.0 && !p.conflict)
                    p.candidate.score = std::max(p.candidate.score, kReverseReuse);
                p.candidate.explanation += QStringLiteral(", its name is reused by a new %1 column").arg(ColumnPairScorer::typeText(newTable.column(o->name)->type));
            }
            matrix[size_t(r)][size_t(k)] = p.candidate.score;
            scored[size_t(r)].push_back(p);
        }
    }
    // Ambiguity: a pair whose names say little, with a rival almost as good in
    // its row or column, is a guess: offered, not accepted by score. A rival
    // that a better pair of its own column (or row) explains is no rival
    // (notes -> customer_notes is not in doubt because notes ->
    // internal_notes is close when internal -> internal_notes is better).
    std::vector<std::vector<double>> adjusted = matrix;
    auto bestInColumn = [&](qsizetype r, qsizetype k) {
        for (qsizetype r2 = 0; r2 < rows.size(); ++r2)
            if (r2 != r && matrix[size_t(r2)][size_t(k)] > matrix[size_t(r)][size_t(k)])
                return false;
        return true;
    };
    auto bestInRow = [&](qsizetype r, qsizetype k) {
        for (qsizetype k2 = 0; k2 < cols.size(); ++k2)
            if (k2 != k && matrix[size_t(r)][size_t(k2)] > matrix[size_t(r)][size_t(k)])
                return false;
        return true;
    };
    // Names that say much leave no doubt, unless the column was split into
    // added columns whose names say as much (custom_color -> custom_color1
    // or custom_color2). Two dropped columns named like one added column are
    // left to the matching.
    auto asNamed = [&](const ColumnPairScore &p, const ColumnPairScore &rival) { return p.name < 0.85 || rival.name >= p.name - 0.02; };
    for (qsizetype r = 0; r < rows.size(); ++r) {
        for (qsizetype k = 0; k < cols.size(); ++k) {
            const ColumnPairScore &p = scored[size_t(r)][size_t(k)];
            const double s = matrix[size_t(r)][size_t(k)];
            bool rival = false;
            for (qsizetype k2 = 0; k2 < cols.size() && !rival; ++k2)
                rival = k2 != k && matrix[size_t(r)][size_t(k2)] >= s - 0.02 && bestInColumn(r, k2)
                    && asNamed(p, scored[size_t(r)][size_t(k2)]);
            for (qsizetype r2 = 0; r2 < rows.size() && !rival; ++r2)
                rival = r2 != r && matrix[size_t(r2)][size_t(k)] >= s - 0.02 && bestInRow(r2, k) && p.name < 0.85;
            if (rival) {
                adjusted[size_t(r)][size_t(k)] = std::min(std::max(0.0, s - 0.08), kAmbiguousCap);
                RenameCandidate &c = scored[size_t(r)][size_t(k)].candidate;
                c.score = adjusted[size_t(r)][size_t(k)];
                c.explanation += QStringLiteral(", ambiguous (another pair is as likely)");
            }
        }
    }
    // Decisions: accepted pairs are forced, rejected ones leave the matching.
    for (qsizetype r = 0; r < rows.size(); ++r) {
        for (qsizetype k = 0; k < cols.size(); ++k) {
            RenameCandidate c = scored[size_t(r)][size_t(k)].candidate;
            if (!decisions)
                continue;
            c.score = shownScore(c.score);
            const auto v = decisions->verdict(c);
            if (!v)
                continue;
            applyDecision(c, decisions);
            adjusted[size_t(r)][size_t(k)] = 0.0;
            if (*v == RenameDecisions::Verdict::Accept) {
                if (takenFrom.contains(c.from) || takenTo.contains(c.to))
                    continue;
                takenFrom.insert(c.from);
                takenTo.insert(c.to);
            }
            decided << c;
        }
    }
    if (m_options.enabled) {
        for (qsizetype r = 0; r < rows.size(); ++r)
            for (qsizetype k = 0; k < cols.size(); ++k)
                if (takenFrom.contains(rows.at(r)->name) || takenTo.contains(cols.at(k)->name))
                    adjusted[size_t(r)][size_t(k)] = 0.0;
        // A near-certain pair is kept whatever the sum of the others says:
        // addr -> address (0.99) is not given up for two doubtful pairs.
        const std::vector<std::vector<double>> beforeLock = adjusted;
        Assignment::keepNearCertain(adjusted, kNearCertain, kNearCertainMargin);
        const std::vector<int> match = Assignment::maximize(adjusted, kFloor);
        QSet<qsizetype> matchedCols;
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const int k = match[size_t(r)];
            if (k < 0)
                continue;
            matchedCols.insert(k);
            RenameCandidate c = scored[size_t(r)][size_t(k)].candidate;
            c.score = shownScore(c.score);
            c.accepted = c.score >= m_options.threshold;
            out << c;
        }
        // For review: a dropped column's best pair that the matching gave to
        // another column, or that it left unmatched, is still shown (never
        // accepted), so a true rename below the threshold is not hidden.
        // Pairs as likely as that best one (within kAlternativeMargin: the
        // names cannot tell first_name from last_name) are shown too.
        for (qsizetype r = 0; r < rows.size(); ++r) {
            qsizetype best = -1;
            for (qsizetype k = 0; k < cols.size(); ++k)
                if (beforeLock[size_t(r)][size_t(k)] >= kFloor
                    && (best < 0 || beforeLock[size_t(r)][size_t(k)] > beforeLock[size_t(r)][size_t(best)]))
                    best = k;
            if (best < 0)
                continue;
            QList<qsizetype> shown{best};
            for (qsizetype k = 0; k < cols.size(); ++k)
                if (k != best && beforeLock[size_t(r)][size_t(k)] >= kFloor
                    && beforeLock[size_t(r)][size_t(k)] >= beforeLock[size_t(r)][size_t(best)] - kAlternativeMargin)
                    shown << k;
            int alternatives = 0;
            for (qsizetype k : std::as_const(shown)) {
                if (match[size_t(r)] == int(k) || alternatives == kMaxAlternatives)
                    continue;
                ++alternatives;
                RenameCandidate c = scored[size_t(r)][size_t(k)].candidate;
                c.score = shownScore(c.score);
                c.accepted = false;
                c.alternative = true;
                c.explanation += match[size_t(r)] >= 0
                    ? QStringLiteral(" (an alternative: the matching paired %1 with %2)").arg(c.from, cols.at(match[size_t(r)])->name)
                    : QStringLiteral(" (an alternative: the matching gave %1 to another column)").arg(c.to);
                out << c;
            }
        }
    }
    out << decided;
    sortCandidates(out);
    return out;
}

} // namespace covet
