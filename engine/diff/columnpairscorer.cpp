#include "columnpairscorer.h"

#include "learnedrenameshapes.h"
#include "namesimilarity.h"
#include "renamedetector.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace covet {

namespace {

constexpr double kLearnedShapeName = 0.85;   // name similarity given by a learned shape

QString fkTargetText(const QString &schema, const QString &table, const QString &columns)
{
    return (schema.isEmpty() ? QString() : schema + u'.') + table + u'(' + columns + u')';
}

QString normalisedDefault(const std::optional<QString> &d)
{
    if (!d)
        return {};
    QString s = d->trimmed().toLower();
    // Drop PostgreSQL casts ('x'::character varying) and wrapping parentheses.
    static const QRegularExpression cast(QStringLiteral("::[a-z_ ]+(\\([0-9, ]*\\))?(\\[\\])?"));
    s.remove(cast);
    while (s.size() > 2 && s.startsWith(u'(') && s.endsWith(u')'))
        s = s.mid(1, s.size() - 2).trimmed();
    static const QStringList now = {QStringLiteral("now()"), QStringLiteral("current_timestamp"),
                                    QStringLiteral("current_timestamp()"), QStringLiteral("localtimestamp"),
                                    QStringLiteral("transaction_timestamp()"), QStringLiteral("statement_timestamp()")};
    if (now.contains(s))
        return QStringLiteral("now");
    if (s == u"null")
        return {};
    if (s == u"false" || s == u"'f'" || s == u"0" || s == u"'0'")
        return QStringLiteral("0");
    if (s == u"true" || s == u"'t'" || s == u"1" || s == u"'1'")
        return QStringLiteral("1");
    return s;
}

// The table name as a column prefix would spell it: words, last one singular.
QStringList tableWords(const QString &table)
{
    QStringList w = NameSimilarity::words(table);
    if (!w.isEmpty())
        w.last() = NameSimilarity::singular(w.last());
    return w;
}

// Whether `to` is `from` with the words of a renamed table replaced by its
// new name's (post_id -> item_id when posts -> items).
bool followsTableRename(const QString &from, const QString &to, const QString &oldTable, const QString &newTable)
{
    const QStringList a = NameSimilarity::words(from), b = NameSimilarity::words(to);
    const QStringList ow = tableWords(oldTable), nw = tableWords(newTable);
    if (ow.isEmpty() || ow == nw)
        return false;
    for (qsizetype i = 0; i + ow.size() <= a.size(); ++i) {
        if (a.mid(i, ow.size()) != ow)
            continue;
        const QStringList replaced = a.mid(0, i) + nw + a.mid(i + ow.size());
        if (replaced == b)
            return true;
    }
    return false;
}

// Words naming a representation computed from a value: a digest or hash of
// it, an encrypted form, a rendered markup. A column named after its source
// plus one of these is a sibling the application derives, not the source
// renamed (`password -> password_digest`, `access_token -> access_token_hash`
// in the training histories, `body -> body_html`).
bool isDerivedWord(const QString &w)
{
    static const QSet<QString> derived = {
        QStringLiteral("digest"),    QStringLiteral("hash"),      QStringLiteral("hashed"),
        QStringLiteral("checksum"),  QStringLiteral("encrypted"), QStringLiteral("crypted"),
        QStringLiteral("ciphertext"), QStringLiteral("html"),     QStringLiteral("rendered"),
        QStringLiteral("sanitized"), QStringLiteral("escaped"),   QStringLiteral("compiled"),
        QStringLiteral("minified"),  QStringLiteral("thumbnail"),
    };
    return derived.contains(w);
}

} // namespace

bool ColumnPairScorer::isDerivedSibling(const QString &from, const QString &to)
{
    const QStringList a = NameSimilarity::words(from), b = NameSimilarity::words(to);
    return !a.isEmpty() && b.size() == a.size() + 1 && b.mid(0, a.size()) == a && isDerivedWord(b.last());
}

ColumnFacts ColumnPairScorer::factsOf(const Table &t, const Column &c)
{
    ColumnFacts f;
    const QStringList one{c.name};
    if (t.primaryKey && t.primaryKey->columns == one)
        f.unique = true;
    for (const UniqueConstraint &u : t.uniques)
        if (u.columns == one)
            f.unique = true;
    for (const Index &i : t.indexes)
        if (i.unique && i.where.isEmpty() && i.parts.size() == 1 && i.parts.front().column == c.name)
            f.unique = true;
    for (const ForeignKey &fk : t.foreignKeys) {
        if (fk.columns == one) {
            f.fkSchema = fk.refSchema;
            f.fkTable = fk.refTable;
            f.fkColumns = fk.refColumns.join(u',');
            f.fkTarget = fkTargetText(f.fkSchema, f.fkTable, f.fkColumns);
            break;
        }
    }
    if (!f.fkTarget.isEmpty()) {
        f.reference = true;
    } else {
        const QStringList w = NameSimilarity::words(c.name);
        f.reference = w.size() >= 2 && w.last() == u"id";
    }
    const int idx = t.columnIndex(c.name);
    f.position = t.columns.size() > 1 ? double(idx) / double(t.columns.size() - 1) : 0.5;
    return f;
}

QString ColumnPairScorer::typeText(const SqlType &t) { return t.canonicalName(); }

ColumnPairScore ColumnPairScorer::score(const Table &ot, const Column &o, const ColumnFacts &of, const Table &nt,
                                        const Column &n, const ColumnFacts &nf, int dropped, int added,
                                        const RenameContext *context)
{
    ColumnPairScore p;
    RenameCandidate &c = p.candidate;
    c.kind = RenameCandidate::Kind::Column;
    c.schema = nt.schema;
    c.table = nt.name;
    c.from = o.name;
    c.to = n.name;

    NameMatch name = NameSimilarity::compare(o.name, n.name, nt.name);
    if (ot.name != nt.name) {
        const NameMatch viaOld = NameSimilarity::compare(o.name, n.name, ot.name);
        if (viaOld.score > name.score)
            name = viaOld;
    }
    // A foreign key to a table renamed in the same change references what
    // the new one references.
    QString oldTarget = of.fkTarget;
    QString followed;   // the renamed table the new name follows
    if (context && !context->tableRenames.isEmpty()) {
        if (!of.fkTable.isEmpty()) {
            const QString renamed = context->tableRenames.value(RenameContext::tableKey(of.fkSchema, of.fkTable));
            if (!renamed.isEmpty()) {
                oldTarget = fkTargetText(of.fkSchema, renamed, of.fkColumns);
                if (followsTableRename(o.name, n.name, of.fkTable, renamed))
                    followed = of.fkTable + QStringLiteral(" -> ") + renamed;
            }
        }
        if (followed.isEmpty() && ot.name != nt.name && followsTableRename(o.name, n.name, ot.name, nt.name))
            followed = ot.name + QStringLiteral(" -> ") + nt.name;
    }
    if (!followed.isEmpty() && name.score < 0.97) {
        name.score = 0.97;
        name.conflict = false;
        name.reason = QStringLiteral("follows the rename of table %1").arg(followed);
    }
    // A shape of real renames learned from migration histories (weaker than
    // the hand-written rules: most learned shapes come from one history).
    if (name.score < kLearnedShapeName && !name.conflict) {
        if (const LearnedRenameShapes::Shape *shape = LearnedRenameShapes::find(o.name, n.name)) {
            name.score = kLearnedShapeName;
            name.reason = QStringLiteral("a shape of real renames learned from migration histories ('%1', %2 renames)")
                              .arg(QString::fromLatin1(shape->key)).arg(shape->renames);
        }
    }
    const double type = RenameDetector::typeCompatibility(o.type, n.type);
    const bool sameNull = o.nullable == n.nullable;
    const bool sameDefault = normalisedDefault(o.defaultExpr) == normalisedDefault(n.defaultExpr);
    const bool sameUnique = of.unique == nf.unique;
    double fk = 1.0;
    if (oldTarget != nf.fkTarget)
        fk = (oldTarget.isEmpty() || nf.fkTarget.isEmpty()) ? 0.3 : 0.0;
    const bool sameFkTarget = !oldTarget.isEmpty() && oldTarget == nf.fkTarget;
    const double position = 1.0 - std::abs(of.position - nf.position);
    const bool sameExtras = o.identity == n.identity && o.generatedExpr == n.generatedExpr;
    p.identical = type == 1.0 && sameNull && sameDefault && sameUnique && fk == 1.0 && sameExtras;
    p.conflict = name.conflict;
    p.name = name.score;

    const double definition = 0.55 * type + 0.15 * (sameNull ? 1 : 0) + 0.10 * (sameDefault ? 1 : 0)
        + 0.10 * (sameUnique ? 1 : 0) + 0.10 * fk;
    double score = 0.60 * name.score + 0.40 * definition + 0.03 * (2 * position - 1);
    if (sameFkTarget)
        score += 0.05;
    const bool sole = dropped == 1 && added == 1;
    QString rule;
    if (p.identical && !name.conflict) {
        if (sole) {
            // Django's rule: the only column dropped and the only one added,
            // with the same definition, is a rename far more often than not.
            score = std::max(score, 0.82 + 0.03 * (2 * position - 1) + (sameFkTarget ? 0.05 : 0.0));
            rule = QStringLiteral("the only column dropped and the only one added");
        }
    }
    // The only reference the table drops and the only one it adds, of the
    // same type: a foreign key retargeted or renamed for what it now means
    // (`post_id -> target_id`, `person_id -> subject_id`, `moderator_id ->
    // creator_id`), whatever the names say. In the training histories such
    // pairs were real renames about 85 times in 100. When both declare a
    // foreign key and the targets differ (not through a table renamed in the
    // change), the column now means another relation: offered, not accepted.
    if (of.soleReference && nf.soleReference && type == 1.0 && !name.conflict) {
        const double floor = fk > 0.0 ? kSoleReference + 0.03 * (2 * position - 1) : kSoleRetargeted;
        if (score < floor) {
            score = floor;
            rule = fk > 0.0 ? QStringLiteral("the only reference dropped and the only one added")
                            : QStringLiteral("the only reference dropped and the only one added, to another table");
        }
    }
    // The same name transformation in several places of the change.
    if (context && !name.conflict && type >= 0.4) {
        const int repeated = context->repeatedTransforms.value(RenameDetector::transformKey(o.name, n.name));
        if (repeated >= 2) {
            score = std::max(score, std::min(0.96, 0.86 + 0.03 * (repeated - 2)));
            rule = QStringLiteral("the same rename in %1 places of this change").arg(repeated);
        }
    }
    // Incompatible types: not a rename the data survives, whatever the names
    // say, unless the names differ only in case or separators.
    if (type == 0.0 && NameSimilarity::words(o.name) != NameSimilarity::words(n.name)) {
        score = std::min(score, 0.6);
        rule = QStringLiteral("incompatible types");
    }
    if (name.conflict)
        score = std::min(score, 0.45);
    // A derived sibling (`body -> body_html`) is offered, never accepted by score.
    if (isDerivedSibling(o.name, n.name) && score > kDerivedSibling) {
        score = kDerivedSibling;
        rule = QStringLiteral("derived from it (the new name adds '%1')").arg(NameSimilarity::words(n.name).last());
    }
    score = std::clamp(score, 0.0, 1.0);
    c.reasons.insert(QStringLiteral("uncalibrated"), score);
    c.score = score;
    c.reasons.insert(QStringLiteral("name"), name.score);
    c.reasons.insert(QStringLiteral("type"), type);
    c.reasons.insert(QStringLiteral("nullability"), sameNull ? 1.0 : 0.0);
    c.reasons.insert(QStringLiteral("default"), sameDefault ? 1.0 : 0.0);
    c.reasons.insert(QStringLiteral("unique"), sameUnique ? 1.0 : 0.0);
    c.reasons.insert(QStringLiteral("foreign_key"), fk);
    c.reasons.insert(QStringLiteral("position"), position);
    c.reasons.insert(QStringLiteral("context"), sole ? 1.0 : 1.0 / std::max(dropped, added));

    QStringList parts;
    if (p.identical) {
        parts << QStringLiteral("same definition");
    } else {
        if (type == 1.0)
            parts << QStringLiteral("same type");
        else if (type >= 0.8)
            parts << QStringLiteral("type widened (%1 -> %2)").arg(typeText(o.type), typeText(n.type));
        else if (type > 0)
            parts << QStringLiteral("type changed (%1 -> %2)").arg(typeText(o.type), typeText(n.type));
        else
            parts << QStringLiteral("incompatible types (%1 -> %2)").arg(typeText(o.type), typeText(n.type));
        if (!sameNull)
            parts << (n.nullable ? QStringLiteral("now nullable") : QStringLiteral("now NOT NULL"));
        if (!sameDefault)
            parts << QStringLiteral("default changed");
        if (fk < 1.0)
            parts << QStringLiteral("foreign key changed");
        if (!sameUnique)
            parts << QStringLiteral("uniqueness changed");
    }
    if (sameFkTarget)
        parts << QStringLiteral("same foreign key target");
    parts << name.reason;
    if (!rule.isEmpty() && rule != QStringLiteral("incompatible types"))
        parts << rule;
    c.explanation = QStringLiteral("%1 -> %2: %3").arg(o.name, n.name, parts.join(QStringLiteral(", ")));
    return p;
}

} // namespace covet
