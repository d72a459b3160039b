#pragma once

#include "sqltokenizer.h"

#include <QList>
#include <QSet>
#include <QString>

namespace covet {

// The names an SQL text (an expression, a view or trigger body, a CHECK)
// mentions, read with the engine's tokenizer (dialect-free rules): which
// identifiers it uses, and the text with one identifier renamed. Used by
// the operations (renaming a column inside expressions), the differ and the
// normalizer.
namespace SqlNames {

// One part of a possibly qualified name: "a", `a`, [a] or a bare word.
struct Segment
{
    qsizetype start = 0;
    qsizetype end = 0;     // exclusive
    QString text;          // unquoted
    QChar quote;           // the opening quote; null for a bare word
};

// The tokens of the text, comments dropped, with qualified names (a.b."c",
// no spaces around the dots) as one list of segments each.
struct Lexeme
{
    SqlTokenizer::Token token;
    QList<Segment> name;   // non-empty for a name
};

QList<Lexeme> lexemes(const QString &sql);

// The identifiers (and keywords) the text mentions, lower-cased, qualified
// names split: what a view or trigger may depend on.
QSet<QString> identifiers(const QString &sql);

// The text with the identifier `from` (any part of a qualified name, quoted
// or not, any letter case) renamed to `to`, quoted as needed, literals and
// comments untouched. Left as it is when `to` already occurs in it, so that
// a rename and its reverse give back the original text.
QString renameIdentifier(const QString &sql, const QString &from, const QString &to);

// The names in raw SQL (a run_sql statement) as any server may read it:
// the union over SqlTokenizer::Rules::everyServerReading(), so that text a
// server runs is never taken for a literal or a comment.
struct RawNames
{
    QSet<QString> words;    // bare words (keywords and identifiers), lower-cased
    QSet<QString> quoted;   // quoted identifiers, unquoted and lower-cased
    QSet<QString> called;   // words and quoted names followed by "(" (a call, IN (, VALUES (), not INTO t (
    bool hidden = false;    // some reading runs text that others skip (MySQL /*! */, /*+ */) or an unterminated quote
};
RawNames rawNames(const QString &sql);

} // namespace SqlNames

} // namespace covet
