#include "sqlscriptsplitter.h"

#include <QRegularExpression>

namespace covet {

namespace {

bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

class Splitter
{
public:
    Splitter(const QString &script, Dialect dialect) : m_s(script), m_dialect(dialect) {}

    Result<QList<SqlScriptSplitter::Statement>> run()
    {
        const qsizetype n = m_s.size();
        while (m_i < n) {
            const QChar c = m_s.at(m_i);
            if (c == u'\n') {
                ++m_line;
                ++m_i;
                continue;
            }
            if (c.isSpace()) {
                ++m_i;
                continue;
            }
            if (m_start < 0 && m_dialect == Dialect::MySQL && atLineStart()) {
                if (auto handled = delimiterDirective(); !handled)
                    return std::unexpected(handled.error());
                else if (*handled)
                    continue;
            }
            if (startsWith(m_delimiter) && (m_delimiter != u";" || m_depth == 0)) {
                finishStatement(m_i);
                m_i += m_delimiter.size();
                continue;
            }
            // Comments.
            if (c == u'-' && peek(1) == u'-' && (m_dialect != Dialect::MySQL || peek(2).isSpace() || peek(2).isNull())) {
                skipToLineEnd();
                continue;
            }
            if (c == u'#' && m_dialect == Dialect::MySQL) {
                skipToLineEnd();
                continue;
            }
            if (c == u'/' && peek(1) == u'*') {
                if (auto st = skipBlockComment(); !st)
                    return std::unexpected(st.error());
                continue;
            }
            // Quoted text.
            if (c == u'\'' || c == u'"' || (c == u'`' && m_dialect != Dialect::PostgreSQL)
                || (c == u'[' && m_dialect == Dialect::SQLite)) {
                begin();
                if (auto st = skipQuoted(c); !st)
                    return std::unexpected(st.error());
                continue;
            }
            if (c == u'$' && m_dialect == Dialect::PostgreSQL && !(m_i > 0 && isWordChar(m_s.at(m_i - 1)))) {
                static const QRegularExpression tagRe(QStringLiteral("\\G\\$([A-Za-z_\\x{80}-\\x{ffff}][A-Za-z0-9_\\x{80}-\\x{ffff}]*)?\\$"));
                const QRegularExpressionMatch m = tagRe.match(m_s, m_i, QRegularExpression::NormalMatch,
                                                              QRegularExpression::AnchorAtOffsetMatchOption);
                if (m.hasMatch()) {
                    begin();
                    if (auto st = skipDollarQuoted(m.captured(0)); !st)
                        return std::unexpected(st.error());
                    continue;
                }
            }
            if (isWordStart(c) && !(m_i > 0 && isWordChar(m_s.at(m_i - 1)))) {
                begin();
                qsizetype j = m_i;
                // The client looks for a custom delimiter everywhere, even
                // inside a word ("END$$").
                const bool custom = m_delimiter != u";";
                while (j < n && isWordChar(m_s.at(j)) && !(custom && QStringView(m_s).mid(j).startsWith(m_delimiter)))
                    ++j;
                word(m_s.mid(m_i, j - m_i).toUpper(), j);
                m_i = j;
                continue;
            }
            begin();
            if (c == u'(')
                m_sawParen = true;
            ++m_i;
        }
        finishStatement(n);
        return m_out;
    }

private:
    QChar peek(qsizetype k) const { return m_i + k < m_s.size() ? m_s.at(m_i + k) : QChar(); }
    bool startsWith(const QString &text) const { return QStringView(m_s).mid(m_i).startsWith(text); }

    bool atLineStart() const
    {
        for (qsizetype j = m_i - 1; j >= 0; --j) {
            const QChar c = m_s.at(j);
            if (c == u'\n')
                return true;
            if (!c.isSpace())
                return false;
        }
        return true;
    }

    Error error(const QString &what, int line) const
    {
        return Error(Error::Category::InvalidInput, what, QStringLiteral("line %1").arg(line));
    }

    void begin()
    {
        if (m_start >= 0)
            return;
        m_start = m_i;
        m_startLine = m_line;
        m_words.clear();
        m_compound = false;
        m_sawParen = false;
        m_depth = 0;
    }

    void finishStatement(qsizetype end)
    {
        if (m_start >= 0) {
            const QString sql = m_s.mid(m_start, end - m_start).trimmed();
            if (!sql.isEmpty())
                m_out << SqlScriptSplitter::Statement{sql, m_startLine};
        }
        m_start = -1;
        m_depth = 0;
    }

    void skipToLineEnd()
    {
        while (m_i < m_s.size() && m_s.at(m_i) != u'\n')
            ++m_i;
    }

    // Returns the next word after position `from`, skipping spaces only.
    QString nextWord(qsizetype from, qsizetype *end) const
    {
        qsizetype j = from;
        while (j < m_s.size() && m_s.at(j).isSpace())
            ++j;
        qsizetype k = j;
        while (k < m_s.size() && isWordChar(m_s.at(k)))
            ++k;
        *end = k;
        return m_s.mid(j, k - j).toUpper();
    }

    // Tracks BEGIN ... END blocks of CREATE TRIGGER/FUNCTION/PROCEDURE/EVENT.
    void word(const QString &w, qsizetype end)
    {
        static const QStringList compoundKinds = {QStringLiteral("TRIGGER"), QStringLiteral("PROCEDURE"),
                                                  QStringLiteral("FUNCTION"), QStringLiteral("EVENT")};
        static const QStringList otherKinds = {QStringLiteral("TABLE"), QStringLiteral("VIEW"), QStringLiteral("INDEX"),
                                               QStringLiteral("SCHEMA"), QStringLiteral("DATABASE"), QStringLiteral("TYPE"),
                                               QStringLiteral("SEQUENCE"), QStringLiteral("UNIQUE")};
        if (m_words.size() < 10) {
            m_words << w;
            if (m_words.first() == u"CREATE" && !m_compound && !m_sawParen && compoundKinds.contains(w)) {
                bool other = false;
                for (const QString &prev : m_words)
                    other = other || otherKinds.contains(prev);
                m_compound = !other;
            }
        }
        if (!m_compound || m_delimiter != u";")
            return;
        if (w == u"BEGIN" || w == u"CASE") {
            ++m_depth;
        } else if (w == u"END" && m_depth > 0) {
            qsizetype after = 0;
            const QString next = nextWord(end, &after);
            if (next == u"IF" || next == u"LOOP" || next == u"WHILE" || next == u"REPEAT")
                return;   // MySQL END IF etc.: those blocks were not counted
            --m_depth;
            if (next == u"CASE")
                m_skipNextCase = true;
        }
        if (w == u"CASE" && m_skipNextCase) {
            // "END CASE" closed the CASE statement: not a new block.
            m_skipNextCase = false;
            --m_depth;
        }
    }

    Result<bool> delimiterDirective()
    {
        static const QRegularExpression re(QStringLiteral("\\GDELIMITER[ \\t]+([^\\s]*)[^\\n]*"), QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression bare(QStringLiteral("\\GDELIMITER[ \\t]*(?:\\n|$)"), QRegularExpression::CaseInsensitiveOption);
        if (bare.match(m_s, m_i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption).hasMatch())
            return std::unexpected(error(QStringLiteral("DELIMITER needs a delimiter, e.g. DELIMITER //"), m_line));
        const QRegularExpressionMatch m = re.match(m_s, m_i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return false;
        m_delimiter = m.captured(1);
        m_i = m.capturedEnd(0);
        return true;
    }

    Status skipBlockComment()
    {
        const int startLine = m_line;
        int nesting = 0;
        while (m_i < m_s.size()) {
            if (m_s.at(m_i) == u'/' && peek(1) == u'*') {
                if (nesting == 0 || m_dialect == Dialect::PostgreSQL)
                    ++nesting;
                m_i += 2;
                continue;
            }
            if (m_s.at(m_i) == u'*' && peek(1) == u'/') {
                m_i += 2;
                if (--nesting == 0)
                    return {};
                continue;
            }
            if (m_s.at(m_i) == u'\n')
                ++m_line;
            ++m_i;
        }
        return std::unexpected(error(QStringLiteral("unterminated /* comment starting at line %1").arg(startLine), startLine));
    }

    Status skipQuoted(QChar open)
    {
        const int startLine = m_line;
        const QChar close = open == u'[' ? QChar(u']') : open;
        // Backslash escapes: MySQL strings, PostgreSQL E'...' strings.
        bool backslash = false;
        if (m_dialect == Dialect::MySQL && open != u'`')
            backslash = true;
        if (m_dialect == Dialect::PostgreSQL && open == u'\'' && m_i > 0
            && (m_s.at(m_i - 1) == u'E' || m_s.at(m_i - 1) == u'e') && !(m_i > 1 && isWordChar(m_s.at(m_i - 2))))
            backslash = true;
        ++m_i;
        while (m_i < m_s.size()) {
            const QChar c = m_s.at(m_i);
            if (c == u'\n')
                ++m_line;
            if (backslash && c == u'\\') {
                if (peek(1) == u'\n')
                    ++m_line;
                m_i += 2;
                continue;
            }
            if (c == close) {
                if (close != u']' && peek(1) == close) {
                    m_i += 2;   // doubled quote
                    continue;
                }
                ++m_i;
                return {};
            }
            ++m_i;
        }
        const QString what = open == u'\'' ? QStringLiteral("string literal (')")
                           : open == u'[' ? QStringLiteral("[identifier]")
                                          : QStringLiteral("quoted text (%1)").arg(open);
        return std::unexpected(error(QStringLiteral("unterminated %1 starting at line %2").arg(what).arg(startLine), startLine));
    }

    Status skipDollarQuoted(const QString &tag)
    {
        const int startLine = m_line;
        const qsizetype close = m_s.indexOf(tag, m_i + tag.size());
        if (close < 0)
            return std::unexpected(error(QStringLiteral("unterminated dollar-quoted body %1 starting at line %2").arg(tag).arg(startLine),
                                         startLine));
        const qsizetype end = close + tag.size();
        m_line += int(QStringView(m_s).mid(m_i, end - m_i).count(u'\n'));
        m_i = end;
        return {};
    }

    const QString &m_s;
    Dialect m_dialect;
    qsizetype m_i = 0;
    int m_line = 1;
    QString m_delimiter = QStringLiteral(";");
    qsizetype m_start = -1;
    int m_startLine = 0;
    QStringList m_words;
    bool m_compound = false;
    bool m_sawParen = false;
    bool m_skipNextCase = false;
    int m_depth = 0;
    QList<SqlScriptSplitter::Statement> m_out;
};

} // namespace

Result<QList<SqlScriptSplitter::Statement>> SqlScriptSplitter::split(const QString &script, Dialect dialect)
{
    return Splitter(script, dialect).run();
}

} // namespace covet
