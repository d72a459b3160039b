#include "sqltokenizer.h"

#include <algorithm>

namespace covet {

SqlTokenizer::Rules SqlTokenizer::Rules::forDialect(Dialect dialect)
{
    Rules r;
    switch (dialect) {
    case Dialect::PostgreSQL:
        r.escapeStrings = true;
        r.dollarQuotes = true;
        r.nestedComments = true;
        r.name = QStringLiteral("PostgreSQL");
        break;
    case Dialect::MySQL:
        r.backslashEscapes = true;
        r.doubleQuotedStrings = true;
        r.backtickIdentifiers = true;
        r.hashComments = true;
        r.dashCommentNeedsSpace = true;
        r.executableComments = true;
        r.name = QStringLiteral("MySQL/MariaDB");
        break;
    case Dialect::SQLite:
        r.backtickIdentifiers = true;
        r.bracketIdentifiers = true;
        r.name = QStringLiteral("SQLite");
        break;
    }
    return r;
}

SqlTokenizer::Rules SqlTokenizer::Rules::generic()
{
    Rules r;
    r.backtickIdentifiers = true;
    r.bracketIdentifiers = true;
    r.name = QStringLiteral("generic SQL");
    return r;
}

QList<SqlTokenizer::Rules> SqlTokenizer::Rules::everyServerReading()
{
    QList<Rules> out;
    out << forDialect(Dialect::PostgreSQL);
    Rules pgLegacy = forDialect(Dialect::PostgreSQL);
    pgLegacy.backslashEscapes = true;
    pgLegacy.name = QStringLiteral("PostgreSQL with standard_conforming_strings off");
    out << pgLegacy;
    const Rules my = forDialect(Dialect::MySQL);
    out << my;
    Rules noBackslash = my;
    noBackslash.backslashEscapes = false;
    noBackslash.name = QStringLiteral("MySQL/MariaDB with NO_BACKSLASH_ESCAPES");
    out << noBackslash;
    Rules ansi = my;
    ansi.doubleQuotedStrings = false;
    ansi.name = QStringLiteral("MySQL/MariaDB with ANSI_QUOTES");
    out << ansi;
    Rules ansiNoBackslash = ansi;
    ansiNoBackslash.backslashEscapes = false;
    ansiNoBackslash.name = QStringLiteral("MySQL/MariaDB with ANSI_QUOTES and NO_BACKSLASH_ESCAPES");
    out << ansiNoBackslash;
    out << forDialect(Dialect::SQLite);
    return out;
}

SqlTokenizer::SqlTokenizer(const QString &text, Rules rules) : m_text(text), m_rules(std::move(rules)) {}

void SqlTokenizer::advanceTo(qsizetype pos)
{
    pos = std::min(pos, m_text.size());
    for (; m_pos < pos; ++m_pos)
        if (m_text.at(m_pos) == u'\n')
            ++m_line;
}

void SqlTokenizer::setPosition(qsizetype pos)
{
    pos = std::clamp(pos, qsizetype(0), m_text.size());
    if (pos >= m_pos) {
        advanceTo(pos);
        return;
    }
    m_line -= int(QStringView(m_text).mid(pos, m_pos - pos).count(u'\n'));
    m_pos = pos;
}

void SqlTokenizer::skipWhitespace()
{
    while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
        advanceTo(m_pos + 1);
}

void SqlTokenizer::toLineEnd()
{
    const qsizetype e = m_text.indexOf(u'\n', m_pos);
    m_pos = e < 0 ? m_text.size() : e;   // the line break itself is whitespace
}

// Reads a quoted text from the opening quote at m_pos; a doubled closing
// quote (except for ]) stands for one.
void SqlTokenizer::quoted(Token *t, QChar close, bool backslash)
{
    advanceTo(m_pos + 1);
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos);
        if (backslash && c == u'\\') {
            advanceTo(m_pos + 2);
            continue;
        }
        if (c == close) {
            if (close != u']' && at(m_pos + 1) == close) {
                advanceTo(m_pos + 2);
                continue;
            }
            advanceTo(m_pos + 1);
            return;
        }
        advanceTo(m_pos + 1);
    }
    t->unterminated = true;
}

void SqlTokenizer::blockComment(Token *t)
{
    int nesting = 0;
    while (m_pos < m_text.size()) {
        if (m_text.at(m_pos) == u'/' && at(m_pos + 1) == u'*') {
            if (nesting == 0 || m_rules.nestedComments)
                ++nesting;
            advanceTo(m_pos + 2);
            continue;
        }
        if (m_text.at(m_pos) == u'*' && at(m_pos + 1) == u'/') {
            advanceTo(m_pos + 2);
            if (--nesting == 0)
                return;
            continue;
        }
        advanceTo(m_pos + 1);
    }
    t->unterminated = true;
}

// Whether a dollar-quote tag ($$ or $name$) starts at p; tagEnd is one past it.
bool SqlTokenizer::dollarTag(qsizetype p, qsizetype *tagEnd) const
{
    if (at(p) != u'$')
        return false;
    qsizetype q = p + 1;
    if (at(q) != u'$') {
        const QChar first = at(q);
        if (!(first.isLetter() || first == u'_' || first.unicode() > 127))
            return false;
        while (q < m_text.size() && (m_text.at(q).isLetterOrNumber() || m_text.at(q) == u'_' || m_text.at(q).unicode() > 127))
            ++q;
        if (at(q) != u'$')
            return false;
    }
    *tagEnd = q + 1;
    return true;
}

bool SqlTokenizer::next(Token *t)
{
    skipWhitespace();
    if (atEnd())
        return false;
    *t = Token{};
    t->start = m_pos;
    t->line = m_line;
    const QChar c = m_text.at(m_pos);
    const QChar c1 = at(m_pos + 1);
    if (c == u'-' && c1 == u'-'
        && (!m_rules.dashCommentNeedsSpace || at(m_pos + 2).isNull() || at(m_pos + 2).isSpace() || at(m_pos + 2).unicode() < 0x20)) {
        t->kind = Kind::LineComment;
        toLineEnd();
    } else if (c == u'#' && m_rules.hashComments) {
        t->kind = Kind::LineComment;
        toLineEnd();
    } else if (c == u'/' && c1 == u'*') {
        const QChar c2 = at(m_pos + 2);
        const bool executable = m_rules.executableComments
            && (c2 == u'!' || c2 == u'+' || (c2 == u'M' && at(m_pos + 3) == u'!'));
        t->kind = executable ? Kind::ExecutableComment : Kind::BlockComment;
        blockComment(t);
    } else if (c == u'\'') {
        t->kind = Kind::String;
        quoted(t, c, m_rules.backslashEscapes);
    } else if (c == u'"') {
        t->kind = m_rules.doubleQuotedStrings ? Kind::String : Kind::QuotedIdentifier;
        quoted(t, c, m_rules.doubleQuotedStrings && m_rules.backslashEscapes);
    } else if (c == u'`' && m_rules.backtickIdentifiers) {
        t->kind = Kind::QuotedIdentifier;
        quoted(t, c, false);
    } else if (c == u'[' && m_rules.bracketIdentifiers) {
        t->kind = Kind::QuotedIdentifier;
        quoted(t, u']', false);
    } else if (qsizetype tagEnd = 0; m_rules.dollarQuotes && dollarTag(m_pos, &tagEnd)) {
        t->kind = Kind::DollarString;
        const QString tag = m_text.mid(m_pos, tagEnd - m_pos);
        const qsizetype close = m_text.indexOf(tag, tagEnd);
        if (close < 0) {
            t->unterminated = true;
            advanceTo(m_text.size());
        } else {
            advanceTo(close + tag.size());
        }
    } else if (isWordStart(c)) {
        t->kind = Kind::Word;
        qsizetype e = m_pos + 1;
        while (e < m_text.size() && isWordChar(m_text.at(e)))
            ++e;
        if (m_rules.escapeStrings && e == m_pos + 1 && (c == u'E' || c == u'e') && at(e) == u'\'') {
            t->kind = Kind::String;   // E'...': backslash escapes whatever the server's settings
            advanceTo(e);
            quoted(t, u'\'', true);
        } else {
            advanceTo(e);
        }
    } else if (c.isDigit() || (c == u'.' && c1.isDigit())) {
        t->kind = Kind::Number;
        qsizetype e = m_pos + 1;
        while (e < m_text.size() && (m_text.at(e).isLetterOrNumber() || m_text.at(e) == u'.'))
            ++e;
        advanceTo(e);
    } else {
        t->kind = Kind::Punct;
        advanceTo(m_pos + 1);
    }
    t->end = m_pos;
    return true;
}

QList<SqlTokenizer::Token> SqlTokenizer::tokenize(const QString &text, const Rules &rules)
{
    QList<Token> out;
    SqlTokenizer tk(text, rules);
    Token t;
    while (tk.next(&t))
        out << t;
    return out;
}

bool SqlTokenizer::isWord(const Token &t, const QString &text, QStringView word)
{
    return t.kind == Kind::Word && t.source(text).compare(word, Qt::CaseInsensitive) == 0;
}

bool SqlTokenizer::isPunct(const Token &t, const QString &text, QChar c)
{
    return t.kind == Kind::Punct && text.at(t.start) == c;
}

QString SqlTokenizer::unquoted(const Token &t, const QString &text)
{
    QStringView s = t.source(text);
    if (t.kind == Kind::String && !s.isEmpty() && s.front() != u'\'' && s.front() != u'"')
        s = s.mid(1);   // E'...'
    if (s.isEmpty() || (t.kind != Kind::String && t.kind != Kind::QuotedIdentifier))
        return s.toString();
    const QChar open = s.front();
    const QChar close = open == u'[' ? QChar(u']') : open;
    QStringView body = s.mid(1);
    if (!t.unterminated && !body.isEmpty())
        body.chop(1);
    if (close == u']')
        return body.toString();
    QString out;
    out.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        out += body.at(i);
        if (body.at(i) == close && i + 1 < body.size() && body.at(i + 1) == close)
            ++i;
    }
    return out;
}

} // namespace covet
