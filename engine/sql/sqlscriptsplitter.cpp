#include "sqlscriptsplitter.h"

#include "../schema/sqltokenizer.h"

#include <QRegularExpression>

namespace covet {

namespace {

using Kind = SqlTokenizer::Kind;

class Splitter
{
public:
    Splitter(const QString &script, Dialect dialect)
        : m_s(script), m_dialect(dialect), m_tokens(script, SqlTokenizer::Rules::forDialect(dialect)) {}

    Result<QList<SqlScriptSplitter::Statement>> run()
    {
        for (;;) {
            m_tokens.skipWhitespace();
            if (m_tokens.atEnd())
                break;
            m_i = m_tokens.position();
            m_line = m_tokens.line();
            if (m_start < 0 && m_dialect == Dialect::MySQL && atLineStart()) {
                if (auto handled = delimiterDirective(); !handled)
                    return std::unexpected(handled.error());
                else if (*handled)
                    continue;
            }
            if (startsWith(m_delimiter) && (m_delimiter != u";" || m_depth == 0)) {
                finishStatement(m_i);
                m_tokens.advanceTo(m_i + m_delimiter.size());
                continue;
            }
            SqlTokenizer::Token t;
            m_tokens.next(&t);
            if (t.isComment()) {
                if (t.unterminated)
                    return std::unexpected(error(QStringLiteral("unterminated /* comment starting at line %1").arg(t.line), t.line));
                continue;
            }
            begin();
            if (t.unterminated)
                return std::unexpected(unterminated(t));
            if (t.kind == Kind::Word) {
                // The client looks for a custom delimiter everywhere, even
                // inside a word ("END$$").
                qsizetype end = t.end;
                if (m_delimiter != u";") {
                    for (qsizetype j = t.start + 1; j < t.end; ++j) {
                        if (QStringView(m_s).mid(j).startsWith(m_delimiter)) {
                            end = j;
                            m_tokens.setPosition(end);
                            break;
                        }
                    }
                }
                word(m_s.mid(t.start, end - t.start).toUpper());
            } else if (SqlTokenizer::isPunct(t, m_s, u'(')) {
                m_sawParen = true;
            }
        }
        finishStatement(m_s.size());
        return m_out;
    }

private:
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

    Error unterminated(const SqlTokenizer::Token &t) const
    {
        if (t.kind == Kind::DollarString) {
            const QString tag = m_s.mid(t.start, m_s.indexOf(u'$', t.start + 1) + 1 - t.start);
            return error(QStringLiteral("unterminated dollar-quoted body %1 starting at line %2").arg(tag).arg(t.line), t.line);
        }
        QChar open = m_s.at(t.start);
        if (open != u'\'' && open != u'"' && open != u'`' && open != u'[')
            open = u'\'';   // E'...'
        const QString what = open == u'\'' ? QStringLiteral("string literal (')")
                           : open == u'[' ? QStringLiteral("[identifier]")
                                          : QStringLiteral("quoted text (%1)").arg(open);
        return error(QStringLiteral("unterminated %1 starting at line %2").arg(what).arg(t.line), t.line);
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

    // The word after the current token (comments skipped), upper-cased.
    QString nextWord() const
    {
        SqlTokenizer peek = m_tokens;
        SqlTokenizer::Token t;
        while (peek.next(&t)) {
            if (t.isComment())
                continue;
            return t.kind == Kind::Word ? m_s.mid(t.start, t.end - t.start).toUpper() : QString();
        }
        return {};
    }

    // Tracks BEGIN ... END blocks of CREATE TRIGGER/FUNCTION/PROCEDURE/EVENT.
    void word(const QString &w)
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
            const QString next = nextWord();
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
        m_tokens.advanceTo(m.capturedEnd(0));
        return true;
    }

    const QString &m_s;
    Dialect m_dialect;
    SqlTokenizer m_tokens;
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

QString SqlScriptSplitter::transactionControl(const QString &statement, Dialect dialect)
{
    // The words of the statement, comments skipped; a user variable keeps
    // its '@' (SET @autocommit is not the setting), a system one drops its
    // '@@' and scope (SET @@session.autocommit is). Punctuation is kept as
    // its own "word" so that SET a = 1, autocommit = 0 can be read.
    SqlTokenizer tokens(statement, SqlTokenizer::Rules::forDialect(dialect));
    QStringList words;
    SqlTokenizer::Token t;
    int ats = 0;   // '@' just read
    auto isWord = [](QStringView w, const char *k) { return w.compare(QLatin1String(k), Qt::CaseInsensitive) == 0; };
    while (words.size() < 64 && tokens.next(&t)) {
        if (t.isComment())
            continue;
        const QStringView text = t.source(statement);
        if (t.kind == Kind::Punct && text == u"@") {
            ++ats;
            continue;
        }
        if (ats >= 2 && ((t.kind == Kind::Word && (isWord(text, "session") || isWord(text, "global") || isWord(text, "local")))
                         || (t.kind == Kind::Punct && text == u"."))) {
            continue;   // @@session.autocommit: the scope is not the name
        }
        words << (ats == 1 && t.kind == Kind::Word ? u'@' + text.toString() : text.toString());
        ats = 0;
        if (words.size() >= 4 && !isWord(words.first(), "SET"))
            break;
    }
    if (words.isEmpty())
        return {};
    auto is = [&](qsizetype i, const char *word) { return i < words.size() && words.at(i).compare(QLatin1String(word), Qt::CaseInsensitive) == 0; };
    if (is(0, "BEGIN") && is(1, "NOT") && is(2, "ATOMIC"))
        return {};   // a MariaDB compound statement, not a transaction
    if (is(0, "COMMIT") || is(0, "BEGIN") || is(0, "END") || is(0, "ABORT"))
        return words.first();
    if (is(0, "START") && is(1, "TRANSACTION"))
        return words.mid(0, 2).join(u' ');
    if (is(0, "ROLLBACK")) {
        const qsizetype next = is(1, "WORK") || is(1, "TRANSACTION") ? 2 : 1;
        return is(next, "TO") ? QString() : words.first();
    }
    if (dialect == Dialect::PostgreSQL && is(0, "PREPARE") && is(1, "TRANSACTION"))
        return words.mid(0, 2).join(u' ');
    if (dialect == Dialect::MySQL) {
        if (is(0, "XA"))
            return words.mid(0, 2).join(u' ');
        // SET ..., autocommit = 0 / completion_type = 2 (COMMIT would then
        // end the session): a setting assigned anywhere in the list.
        if (is(0, "SET"))
            for (qsizetype i = 1; i + 1 < words.size(); ++i)
                if ((is(i, "autocommit") || is(i, "completion_type")) && (words.at(i + 1) == u"=" || words.at(i + 1) == u":"))
                    return QStringLiteral("SET ") + words.at(i);
    }
    return {};
}

bool SqlScriptSplitter::dropTransactionWrapper(QStringList &statements, Dialect dialect)
{
    if (statements.size() < 2)
        return false;
    const QString first = transactionControl(statements.first(), dialect);
    const QString last = transactionControl(statements.last(), dialect);
    const bool opens = first.compare(QLatin1String("BEGIN"), Qt::CaseInsensitive) == 0
                       || first.compare(QLatin1String("START TRANSACTION"), Qt::CaseInsensitive) == 0;
    const bool closes = last.compare(QLatin1String("COMMIT"), Qt::CaseInsensitive) == 0 || last.compare(QLatin1String("END"), Qt::CaseInsensitive) == 0;
    if (!opens || !closes)
        return false;
    statements.removeFirst();
    statements.removeLast();
    return true;
}

Error SqlScriptSplitter::transactionControlError(const QString &words, const QString &where)
{
    return Error{Error::Category::InvalidInput,
                 QStringLiteral("'%1' controls the transaction, which a migration may not: Covet runs each migration in a "
                                "transaction of its own (a non-transactional one step by step) and this statement would end it, "
                                "so a dry run or rehearsal would keep its changes and a failure could not be rolled back. "
                                "Remove the statement (BEGIN, COMMIT, ROLLBACK, END, START TRANSACTION, "
                                "SET autocommit, XA...)")
                     .arg(words),
                 where};
}

} // namespace covet
