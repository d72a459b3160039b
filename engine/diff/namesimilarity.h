#pragma once

#include <QString>
#include <QStringList>

namespace covet {

// How alike two identifiers are as names of the same thing, the way real
// renames look: case and separator changes, added or dropped affixes (is_,
// _id, _at, a table-name prefix), abbreviations, plural/singular, typos,
// synonyms used in schemas. Also flags names that denote clearly different
// things (created_at vs updated_at, line1 vs line2, first vs last).
struct NameMatch
{
    double score = 0;     // [0,1]
    QString reason;       // short label: "'_at' suffix added", "abbreviation 'qty' -> 'quantity'"
    bool conflict = false; // the names denote different things
};

class NameSimilarity
{
public:
    // `context` is the name of the table holding both columns (its words are
    // a droppable prefix: user_email -> email in table users); empty for tables.
    static NameMatch compare(const QString &a, const QString &b, const QString &context = {});

    // snake_case, camelCase, kebab-case and digit runs split into lower-case words.
    static QStringList words(const QString &name);
    // 1 - (optimal string alignment distance / longer length), in [0,1].
    static double editSimilarity(const QString &a, const QString &b);
    static QString singular(const QString &word);
};

} // namespace covet
