#pragma once

#include "dialect.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace covet {

// The one SQL tokenizer of the engine. It splits SQL text into words,
// numbers, quoted identifiers, string literals, comments and punctuation by
// the lexical rules of a dialect, and knows nothing of grammar. Its users:
// SqlScriptSplitter (statement boundaries), SchemaNormalizer (comparison
// keys), SqliteCreateParser (what SQLite keeps only in CREATE texts) and
// SqlFragmentCheck (what a migration or models file may hold).
//
// Rules describe one way a server reads text; forDialect() gives each
// server's default reading, generic() a dialect-free one, and
// everyServerReading() every reading a server of the three dialects may use
// depending on its settings (standard_conforming_strings, sql_mode
// NO_BACKSLASH_ESCAPES and ANSI_QUOTES): text that is harmless under all of
// them is harmless wherever it runs.
class SqlTokenizer
{
public:
    struct Rules
    {
        bool backslashEscapes = false;      // '\'' escapes a quote in '...' (and "..." strings): MySQL, old PostgreSQL
        bool escapeStrings = false;         // E'...' strings take backslash escapes (PostgreSQL)
        bool doubleQuotedStrings = false;   // "..." is a string, not an identifier (MySQL without ANSI_QUOTES)
        bool backtickIdentifiers = false;   // `...` (MySQL, SQLite)
        bool bracketIdentifiers = false;    // [...] (SQLite)
        bool dollarQuotes = false;          // $tag$ ... $tag$ (PostgreSQL)
        bool nestedComments = false;        // /* /* */ */ (PostgreSQL)
        bool hashComments = false;          // # to the end of the line (MySQL)
        bool dashCommentNeedsSpace = false; // "-- " starts a comment, "--x" does not (MySQL)
        bool executableComments = false;    // /*! ... */, /*M! ... */ and /*+ ... */ are read by the server (MySQL, MariaDB)
        QString name;                       // for messages: "PostgreSQL", "MySQL with ANSI_QUOTES", ...

        static Rules forDialect(Dialect dialect);
        // '...' strings, "..." `...` [...] identifiers, -- and /* */
        // comments: how the dialect-free parts of the engine read SQL.
        static Rules generic();
        static QList<Rules> everyServerReading();
    };

    enum class Kind {
        Word,               // a keyword or bare identifier (letters, digits, _, $, non-ASCII; not starting with a digit)
        Number,             // 12, 1.5, .5, 1e10 (digits, letters and dots after a leading digit or '.digit')
        QuotedIdentifier,   // "x", `x`, [x]; text() is the name without quotes
        String,             // '...', E'...', N'...', X'...' (the prefix is a Word before it), "..." where a string
        DollarString,       // $tag$ ... $tag$
        LineComment,        // -- ..., # ...
        BlockComment,       // /* ... */
        ExecutableComment,  // MySQL /*! ... */, /*M! ... */, optimizer hints /*+ ... */
        Punct,              // any other single character: ( ) , ; . : = + - * / [ ] ...
    };

    struct Token
    {
        Kind kind = Kind::Punct;
        qsizetype start = 0;     // offset in the text
        qsizetype end = 0;       // one past the last character
        int line = 1;            // 1-based line of start
        bool unterminated = false;   // a quote, comment or dollar body running to the end of the text

        QStringView source(const QString &text) const { return QStringView(text).mid(start, end - start); }
        bool isComment() const { return kind == Kind::LineComment || kind == Kind::BlockComment || kind == Kind::ExecutableComment; }
    };

    SqlTokenizer(const QString &text, Rules rules);

    // The next token from the current position, whitespace skipped; false
    // at the end of the text.
    bool next(Token *token);
    // The current position and its 1-based line; whitespace is not skipped.
    qsizetype position() const { return m_pos; }
    int line() const { return m_line; }
    // Moves forward to pos (line numbers follow).
    void advanceTo(qsizetype pos);
    // Moves to pos, forward or back (line numbers follow).
    void setPosition(qsizetype pos);
    // Skips spaces, tabs and line breaks.
    void skipWhitespace();
    bool atEnd() const { return m_pos >= m_text.size(); }

    // Every token of text (comments included).
    static QList<Token> tokenize(const QString &text, const Rules &rules);

    // Token texts.
    static bool isWord(const Token &t, const QString &text, QStringView word);   // case-insensitive
    static bool isPunct(const Token &t, const QString &text, QChar c);
    // A quoted identifier or string without its quotes, doubled quotes (and
    // for strings read with backslash escapes, \' and \\) undone.
    static QString unquoted(const Token &t, const QString &text);

    static bool isWordStart(QChar c) { return c.isLetter() || c == u'_' || c.unicode() > 127; }
    static bool isWordChar(QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'$' || c.unicode() > 127; }

private:
    QChar at(qsizetype p) const { return p < m_text.size() ? m_text.at(p) : QChar(); }
    void quoted(Token *t, QChar close, bool backslash);
    void blockComment(Token *t);
    void toLineEnd();
    bool dollarTag(qsizetype p, qsizetype *tagEnd) const;

    const QString &m_text;
    Rules m_rules;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace covet
