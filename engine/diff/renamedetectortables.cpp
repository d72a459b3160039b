#include "renamedetector.h"

// Table renames: the table score, names that change hands, repeated table
// renames (docs/rename-detection.md, "Table score" and "Evidence from the
// whole change"). The column detection is in renamedetector.cpp.

#include "assignment.h"
#include "namesimilarity.h"
#include "renamedetectordetail.h"
#include "typecompatibility.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <unordered_map>

namespace covet {

using renamedetail::applyDecision;
using renamedetail::isRetiredOf;
using renamedetail::sortCandidates;

namespace {

// Columns that many tables share; they say little about which tables match.
bool isCommonColumn(const QString &name)
{
    static const QSet<QString> common = {
        QStringLiteral("id"), QStringLiteral("uuid"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
        QStringLiteral("created"), QStringLiteral("updated"), QStringLiteral("modified"), QStringLiteral("deleted_at"),
        QStringLiteral("version"), QStringLiteral("created_on"), QStringLiteral("updated_on"), QStringLiteral("name"),
        QStringLiteral("createdat"), QStringLiteral("updatedat"), QStringLiteral("lock_version")};
    return common.contains(name.toLower());
}

QString wordsKey(const QString &name) { return NameSimilarity::words(name).join(u'_'); }

double tableNameScore(const QString &a, const QString &b, QString *reason)
{
    NameMatch best = NameSimilarity::compare(a, b);
    // A module prefix (auth_user, blog_post, dcim_device) dropped or added.
    const QStringList wa = NameSimilarity::words(a), wb = NameSimilarity::words(b);
    auto tryStripped = [&](const QString &x, const QString &y, const QString &prefix, bool dropped) {
        NameMatch m = NameSimilarity::compare(x, y);
        if (m.conflict)
            return;
        m.score *= 0.92;
        if (m.score > best.score) {
            best.score = m.score;
            best.reason = QStringLiteral("module prefix '%1_' %2").arg(prefix, dropped ? QStringLiteral("dropped") : QStringLiteral("added"));
            if (m.reason != u"same name" && m.reason != u"similar names")
                best.reason += QStringLiteral(", ") + m.reason;
        }
    };
    if (!best.conflict) {
        if (wa.size() > 1)
            tryStripped(wa.mid(1).join(u'_'), b, wa.first(), true);
        if (wb.size() > 1)
            tryStripped(a, wb.mid(1).join(u'_'), wb.first(), false);
    }
    *reason = best.reason;
    return best.conflict ? std::min(best.score, 0.2) : best.score;
}

double jaccard(const QSet<QString> &a, const QSet<QString> &b)
{
    if (a.isEmpty() && b.isEmpty())
        return 1.0;
    qsizetype inter = 0;
    for (const QString &x : a)
        inter += b.contains(x) ? 1 : 0;
    return double(inter) / double(a.size() + b.size() - inter);
}

// A table's columns keyed by their words (ignoring case and separators),
// with the weight of each: columns every table has weigh less.
struct KeyedColumns
{
    QList<std::pair<QString, const Column *>> columns;
    QHash<QString, const Column *> byKey;
    double weight = 0;
};

// `memo`: the words keys of names already seen (names repeat across tables).
KeyedColumns keyedColumns(const Table &t, QHash<QString, QString> *memo = nullptr)
{
    KeyedColumns out;
    for (const Column &c : t.columns) {
        QString key;
        if (!memo) {
            key = wordsKey(c.name);
        } else if (auto it = memo->constFind(c.name); it != memo->cend()) {
            key = *it;
        } else {
            key = wordsKey(c.name);
            memo->insert(c.name, key);
        }
        out.columns.push_back({key, &c});
        out.byKey.insert(key, &c);
        out.weight += isCommonColumn(c.name) ? 0.3 : 1.0;
    }
    return out;
}

// Column overlap by name and type, in [0,1] (a weighted Dice coefficient).
struct ColumnOverlap
{
    double overlap = 0;
    double distinctive = 0;   // columns not common to every table, matched with the same type
    int matched = 0;
};

ColumnOverlap columnOverlap(const KeyedColumns &o, const KeyedColumns &n)
{
    ColumnOverlap out;
    double matched = 0;
    for (const auto &[key, c] : o.columns) {
        const Column *m = n.byKey.value(key);
        if (!m)
            continue;
        ++out.matched;
        const double w = isCommonColumn(c->name) ? 0.3 : 1.0;
        const double t = TypeCompatibility::score(c->type, m->type);
        const double v = t == 1.0 ? (c->nullable == m->nullable ? 1.0 : 0.9) : t >= 0.8 ? 0.7 : 0.4;
        matched += v * w;
        if (w == 1.0 && v >= 0.9)
            out.distinctive += 1.0;
    }
    out.overlap = (o.weight + n.weight) > 0 ? 2 * matched / (o.weight + n.weight) : 0.0;
    return out;
}

} // namespace

RenameCandidate RenameDetector::scoreTables(const Table &ot, const Table &nt, int dropped, int added) const
{
    RenameCandidate c;
    c.kind = RenameCandidate::Kind::Table;
    c.schema = nt.schema;
    c.table = nt.name;
    c.from = ot.name;
    c.to = nt.name;

    QString nameReason;
    const double name = tableNameScore(ot.name, nt.name, &nameReason);

    const ColumnOverlap columns = columnOverlap(keyedColumns(ot), keyedColumns(nt));
    const double overlap = columns.overlap, distinctive = columns.distinctive;
    const int matchedCount = columns.matched;

    auto pkCols = [](const Table &t) { return t.primaryKey ? t.primaryKey->columns : QStringList(); };
    const double pk = pkCols(ot) == pkCols(nt) ? 1.0 : 0.0;
    QSet<QString> fa, fb, ia, ib;
    for (const ForeignKey &f : ot.foreignKeys) fa.insert(f.columns.join(u',') + u'>' + f.refTable);
    for (const ForeignKey &f : nt.foreignKeys) fb.insert(f.columns.join(u',') + u'>' + f.refTable);
    for (const Index &i : ot.indexes) ia.insert(i.columnNames().join(u','));
    for (const Index &i : nt.indexes) ib.insert(i.columnNames().join(u','));
    const double fk = jaccard(fa, fb), idx = jaccard(ia, ib);
    const double structure = (pk + fk + idx) / 3.0;

    const double contentLed = 0.20 * name + 0.65 * overlap + 0.15 * structure;
    const double nameLed = overlap >= 0.4 ? 0.60 * name + 0.25 * overlap + 0.15 * structure : 0.0;
    double score = std::max(contentLed, nameLed);
    QString rule;
    if (overlap >= 0.9 && distinctive >= 2) {
        score = std::max(score, 0.85 + 0.05 * (overlap - 0.9) / 0.1);
        rule = QStringLiteral("same columns");
    } else if (dropped == 1 && added == 1 && overlap >= 0.75 && distinctive >= 1) {
        score = std::max(score, 0.80);
        rule = QStringLiteral("the only table dropped and the only one added");
    }
    if (overlap < 0.25)
        score = std::min(score, 0.5);
    c.score = std::clamp(score, 0.0, 1.0);
    c.reasons.insert(QStringLiteral("name"), name);
    c.reasons.insert(QStringLiteral("column_overlap"), overlap);
    c.reasons.insert(QStringLiteral("primary_key"), pk);
    c.reasons.insert(QStringLiteral("foreign_key"), fk);
    c.reasons.insert(QStringLiteral("index"), idx);
    c.reasons.insert(QStringLiteral("context"), 1.0 / std::max({dropped, added, 1}));
    QStringList parts;
    parts << QStringLiteral("%1 of %2 columns match").arg(matchedCount).arg(std::max(ot.columns.size(), nt.columns.size()));
    parts << nameReason;
    if (!rule.isEmpty())
        parts << rule;
    c.explanation = QStringLiteral("%1 -> %2: %3").arg(ot.name, nt.name, parts.join(QStringLiteral(", ")));
    c.accepted = c.score >= m_options.threshold;
    return c;
}

QList<RenameCandidate> RenameDetector::detectTables(const Schema &from, const Schema &to, const QList<RenameHint> &hints,
                                                    const RenameDecisions *decisions) const
{
    QList<RenameCandidate> out;
    // Lookups by hash: Schema::table() is linear, and every table of a
    // large schema is looked up.
    QHash<QString, const Table *> fromIndex, toIndex;
    for (const Table &t : from.tables)
        fromIndex.insert(RenameContext::tableKey(t.schema, t.name), &t);
    for (const Table &t : to.tables)
        toIndex.insert(RenameContext::tableKey(t.schema, t.name), &t);
    auto inFrom = [&](const QString &name, const QString &ns) { return fromIndex.value(RenameContext::tableKey(ns, name)); };
    auto inTo = [&](const QString &name, const QString &ns) { return toIndex.value(RenameContext::tableKey(ns, name)); };
    // Dropped and added tables per namespace.
    QMap<QString, QList<const Table *>> dropped, added;
    for (const Table &t : from.tables)
        if (!inTo(t.name, t.schema))
            dropped[t.schema] << &t;
    for (const Table &t : to.tables)
        if (!inFrom(t.name, t.schema))
            added[t.schema] << &t;
    // Names that change hands (see docs/rename-detection.md).
    //  - A table moved aside while a new table takes its name (abstracts ->
    //    legacy_abstracts, and a new abstracts): it matches an added table
    //    and shares little with the new table of its name, or the added
    //    table's name retires it (payments -> payments_old) and it matches
    //    that one better. It is a rename source too.
    //  - A name taken over by a chain (exercise -> translation while
    //    exercisebase -> exercise; gh-ost's cut-over: users -> _users_del
    //    while _users_gho -> users). The old table A matches an added table
    //    C better than the new A, the new A matches a dropped (or moving)
    //    table B better than the old A does, and the two renames together
    //    explain the columns clearly better than A staying with B -> C
    //    (kTakenOverGain).
    //  - A table replaced: the old A shares little with the new A, which
    //    matches a dropped table B (day and day_ng -> day). The old A goes
    //    (the Differ moves it aside and drops it).
    // The new A is then a rename target too.
    // Each table's columns keyed once (thousands of tables). A node-based
    // map: the references keysOf() hands out stay valid as it grows.
    std::unordered_map<const Table *, KeyedColumns> keyed;
    QHash<QString, QString> wordsKeys;
    auto keysOf = [&](const Table &t) -> const KeyedColumns & {
        auto it = keyed.find(&t);
        if (it == keyed.end())
            it = keyed.emplace(&t, keyedColumns(t, &wordsKeys)).first;
        return it->second;
    };
    auto overlapOf = [&](const Table &a, const Table &b) { return columnOverlap(keysOf(a), keysOf(b)).overlap; };
    QSet<QString> movedAside, takenOver, replaced;   // table keys
    QHash<QString, double> kept;   // table key -> overlap of its old and its new table
    struct Move { const Table *old; QList<std::pair<const Table *, double>> targets; };
    QList<Move> mayMove;           // old tables that move aside if their name is taken over
    QSet<const Table *> mayGo;     // old tables that go if a dropped table takes their name
    const bool anyDropped = !dropped.isEmpty();
    // The added tables that can match a table by kMovedAsideMatch or more:
    // an upper bound of the overlap from the columns they share by name
    // (an index of the added tables' column keys), so that a change adding
    // thousands of tables is not compared pair by pair.
    QHash<QString, QHash<QString, QList<const Table *>>> addedByKey;   // namespace -> column key -> added tables
    QHash<const Table *, qsizetype> addedPosition;                      // an added table -> its place in added[its namespace]
    auto matchCandidates = [&](const Table &t, const QString &ns) {
        QList<const Table *> out;
        const QList<const Table *> news = added.value(ns);
        if (news.size() <= 8) {
            out = news;
            return out;
        }
        QHash<QString, QList<const Table *>> &index = addedByKey[ns];
        if (index.isEmpty())
            for (qsizetype i = 0; i < news.size(); ++i) {
                addedPosition.insert(news.at(i), i);
                for (const auto &[key, c] : keysOf(*news.at(i)).columns)
                    index[key] << news.at(i);
            }
        QHash<const Table *, double> shared;
        const KeyedColumns &tk = keysOf(t);
        for (const auto &[key, c] : tk.columns)
            for (const Table *n : index.value(key))
                shared[n] += isCommonColumn(c->name) ? 0.3 : 1.0;
        for (auto it = shared.cbegin(); it != shared.cend(); ++it)
            if (2 * it.value() / (tk.weight + keysOf(*it.key()).weight) >= kMovedAsideMatch)
                out << it.key();
        std::sort(out.begin(), out.end(), [&](const Table *a, const Table *b) { return addedPosition.value(a) < addedPosition.value(b); });
        return out;
    };
    if (!added.isEmpty() || anyDropped) {
        for (const Table &t : from.tables) {
            const Table *same = inTo(t.name, t.schema);
            if (!same)
                continue;
            const QString key = RenameContext::tableKey(t.schema, t.name);
            const double stays = overlapOf(t, *same);
            kept.insert(key, stays);
            if (stays >= 1.0)
                continue;   // unchanged: its name does not change hands
            Move m{&t, {}};
            for (const Table *n : matchCandidates(t, t.schema)) {
                const double moved = overlapOf(t, *n);
                if (moved >= kMovedAsideMatch
                    && (stays < kMovedAsideOverlap || (isRetiredOf(n->name, t.name) && moved - stays >= kTakenOverGain))) {
                    dropped[t.schema] << &t;
                    movedAside.insert(key);
                    m.targets.clear();
                    break;
                }
                if (moved >= kMovedAsideMatch && moved > stays)
                    m.targets.push_back({n, moved});
            }
            if (!m.targets.isEmpty())
                mayMove << m;
            else if (anyDropped && stays < kMovedAsideOverlap && !movedAside.contains(key))
                mayGo.insert(&t);
        }
        // Whether `o` takes the name of the new table `s` rather than the old
        // table of that name keeping it.
        auto takes = [&](const Table &o, const Table &s, double *take) {
            *take = o.name == s.name ? 0.0 : overlapOf(o, s);
            return *take >= kMovedAsideMatch && *take > kept.value(RenameContext::tableKey(s.schema, s.name));
        };
        for (const Move &m : std::as_const(mayMove)) {
            const Table *s = inTo(m.old->name, m.old->schema);
            const double stays = kept.value(RenameContext::tableKey(s->schema, s->name));
            QList<const Table *> sources = dropped.value(s->schema);
            for (const Move &other : std::as_const(mayMove))
                sources << other.old;
            bool chain = false;
            for (const Table *o : std::as_const(sources)) {
                double take = 0;
                if (!takes(*o, *s, &take))
                    continue;
                for (const auto &[n, moved] : m.targets)
                    chain = chain || moved + take - stays - overlapOf(*o, *n) >= kTakenOverGain;
                if (chain)
                    break;
            }
            if (chain) {
                dropped[s->schema] << m.old;
                movedAside.insert(RenameContext::tableKey(s->schema, s->name));
            }
        }
        for (const Table &s : to.tables) {
            const QString key = RenameContext::tableKey(s.schema, s.name);
            const bool goes = !movedAside.contains(key) && mayGo.contains(inFrom(s.name, s.schema));
            if (!movedAside.contains(key) && !goes)
                continue;
            for (const Table *o : dropped.value(s.schema)) {
                double take = 0;
                if (takes(*o, s, &take)) {
                    added[s.schema] << &s;
                    takenOver.insert(key);
                    if (goes)
                        replaced.insert(key);
                    break;
                }
            }
        }
    }

    // A person's accept decision for a table rename between names that both
    // sides have (a chain the columns do not show, or a table replaced):
    // its tables are a rename source and a rename target too.
    if (decisions) {
        for (const RenameDecisions::Entry &e : decisions->entries()) {
            if (e.kind != RenameCandidate::Kind::Table || e.verdict != RenameDecisions::Verdict::Accept || e.from == e.to)
                continue;
            const Table *o = inFrom(e.from, e.schema), *n = inTo(e.to, e.schema);
            if (!o || !n)
                continue;
            if (const QString key = RenameContext::tableKey(e.schema, e.from); inTo(e.from, e.schema) && !movedAside.contains(key)) {
                dropped[e.schema] << o;
                movedAside.insert(key);
            }
            if (const QString key = RenameContext::tableKey(e.schema, e.to); inFrom(e.to, e.schema) && !takenOver.contains(key)) {
                added[e.schema] << n;
                takenOver.insert(key);
            }
        }
        for (const QString &key : std::as_const(takenOver))
            if (!movedAside.contains(key))
                replaced.insert(key);
    }

    for (auto it = dropped.cbegin(); it != dropped.cend(); ++it) {
        const QString ns = it.key();
        const QList<const Table *> &olds = it.value();
        const QList<const Table *> news = added.value(ns);
        if (news.isEmpty())
            continue;
        QSet<QString> takenFrom, takenTo;
        for (const RenameHint &h : hints) {
            if (h.kind != RenameHint::Table || h.schema != ns)
                continue;
            const Table *o = inFrom(h.from, ns);
            const Table *n = inTo(h.to, ns);
            if (!o || !n || inTo(h.from, ns) || inFrom(h.to, ns) || takenFrom.contains(h.from) || takenTo.contains(h.to))
                continue;
            RenameCandidate c = scoreTables(*o, *n);
            c.accepted = true;
            c.source = RenameCandidate::Source::Hint;
            c.explanation += h.location.isEmpty() ? QStringLiteral(" (renamed_from hint)")
                                                  : QStringLiteral(" (renamed_from hint at %1)").arg(h.location);
            takenFrom.insert(h.from);
            takenTo.insert(h.to);
            out << c;
        }
        QList<const Table *> rows, cols;
        for (const Table *t : olds)
            if (!takenFrom.contains(t->name))
                rows << t;
        for (const Table *t : news)
            if (!takenTo.contains(t->name))
                cols << t;
        std::vector<std::vector<double>> matrix(size_t(rows.size()), std::vector<double>(size_t(cols.size()), 0.0));
        std::vector<std::vector<RenameCandidate>> scored(size_t(rows.size()));
        for (qsizetype r = 0; r < rows.size(); ++r) {
            for (qsizetype k = 0; k < cols.size(); ++k) {
                if (rows.at(r)->name == cols.at(k)->name) {   // a name moved aside and taken over: not a rename onto itself
                    scored[size_t(r)].push_back(RenameCandidate{});
                    continue;
                }
                RenameCandidate c = scoreTables(*rows.at(r), *cols.at(k), int(rows.size()), int(cols.size()));
                if (movedAside.contains(RenameContext::tableKey(ns, c.from)))
                    c.explanation += QStringLiteral(", moved aside: a new table takes the name %1").arg(c.from);
                if (replaced.contains(RenameContext::tableKey(ns, c.to))) {
                    // The old table of that name goes with its rows: only
                    // when the names say so too is it accepted by score.
                    c.reusesDroppedName = c.to;
                    c.explanation += QStringLiteral(", replaces table %1, which shares little with it and goes").arg(c.to);
                    if (c.reasons.value(QStringLiteral("name")) < kReplacedNameEvidence && c.score >= m_options.threshold) {
                        c.score = std::min(c.score, kReplacedCap);
                        c.accepted = false;
                        c.explanation += QStringLiteral(" (offered, not accepted by score: the names do not say so)");
                    }
                } else if (takenOver.contains(RenameContext::tableKey(ns, c.to)))
                    c.explanation += QStringLiteral(", takes the name of table %1, which moves aside").arg(c.to);
                if (decisions && decisions->verdict(c)) {
                    applyDecision(c, decisions);
                    scored[size_t(r)].push_back(c);
                    if (c.accepted && (takenFrom.contains(c.from) || takenTo.contains(c.to)))
                        continue;
                    if (c.accepted) {
                        takenFrom.insert(c.from);
                        takenTo.insert(c.to);
                    }
                    out << c;
                    continue;   // matrix entry stays 0: decided pairs leave the matching
                }
                matrix[size_t(r)][size_t(k)] = c.score;
                scored[size_t(r)].push_back(c);
            }
        }
        if (!m_options.enabled)
            continue;
        boostRepeatedTableRenames(matrix, scored);
        for (qsizetype r = 0; r < rows.size(); ++r)
            for (qsizetype k = 0; k < cols.size(); ++k)
                if (takenFrom.contains(rows.at(r)->name) || takenTo.contains(cols.at(k)->name))
                    matrix[size_t(r)][size_t(k)] = 0.0;
        const std::vector<int> match = Assignment::maximize(matrix, kFloor);
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const int k = match[size_t(r)];
            if (k >= 0 && size_t(k) < scored[size_t(r)].size())
                out << scored[size_t(r)][size_t(k)];
        }
    }
    keepNamesFree(out, fromIndex, replaced);
    sortCandidates(out);
    return out;
}

void RenameDetector::boostRepeatedTableRenames(std::vector<std::vector<double>> &matrix,
                                               std::vector<std::vector<RenameCandidate>> &scored) const
{
    // The same name transformation in several table pairs of the change
    // (exim_logs -> mail_server_logs and exim_log_dones ->
    // mail_server_log_dones) is far stronger evidence than one pair alone,
    // as it is for columns (ColumnPairScorer).
    auto evidence = [&](size_t r, size_t k) {
        return matrix[r][k] >= kRepeatedTableEvidence
            && scored[r][k].reasons.value(QStringLiteral("column_overlap")) >= kRepeatedTableEvidence;
    };
    QHash<QString, QSet<size_t>> rowsOf;   // transformation -> the dropped tables it explains
    for (size_t r = 0; r < matrix.size(); ++r)
        for (size_t k = 0; k < matrix[r].size(); ++k)
            if (evidence(r, k))
                if (const QString key = transformKey(scored[r][k].from, scored[r][k].to); !key.isEmpty())
                    rowsOf[key].insert(r);
    for (size_t r = 0; r < matrix.size(); ++r) {
        for (size_t k = 0; k < matrix[r].size(); ++k) {
            if (!evidence(r, k))
                continue;
            RenameCandidate &c = scored[r][k];
            const auto repeated = rowsOf.value(transformKey(c.from, c.to)).size();
            if (repeated < 2)
                continue;
            const double boosted = std::min(0.96, 0.86 + 0.03 * double(repeated - 2));
            if (boosted <= c.score)
                continue;
            c.score = boosted;
            c.accepted = c.score >= m_options.threshold;
            c.explanation += QStringLiteral(", the same rename in %1 tables of this change").arg(repeated);
            matrix[r][k] = c.score;
        }
    }
}

void RenameDetector::keepNamesFree(QList<RenameCandidate> &tables, const QHash<QString, const Table *> &from, const QSet<QString> &replaced)
{
    // A rename onto the name of a table that stays where it is cannot be
    // made: offered, not accepted. Repeated, since a rename left out can
    // leave a name taken that another rename needed (chains).
    for (bool changed = true; changed;) {
        changed = false;
        QSet<QString> leaving;
        for (const RenameCandidate &c : std::as_const(tables))
            if (c.accepted)
                leaving.insert(RenameContext::tableKey(c.schema, c.from));
        for (RenameCandidate &c : tables) {
            const QString to = RenameContext::tableKey(c.schema, c.to);
            if (!c.accepted || !from.contains(to) || leaving.contains(to) || replaced.contains(to))
                continue;
            c.accepted = false;
            c.explanation += QStringLiteral(", not accepted: table %1 keeps its name").arg(c.to);
            changed = true;
        }
    }
}

} // namespace covet
