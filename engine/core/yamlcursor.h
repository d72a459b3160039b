#pragma once

#include "yamlnode.h"

#include <QList>
#include <QString>

#include <algorithm>

namespace covet {

// Thrown inside the YAML reader only; YamlReader::parse() returns it as an
// Error value located "file:line:column".
struct YamlParseFailure
{
    qsizetype pos;
    QString message;
};

// A read position in YAML text (CR LF already turned into LF), with the
// character tests and the line/column bookkeeping the reader's parts share.
class YamlCursor
{
public:
    YamlCursor(QString text, QString source) : m_text(std::move(text)), m_source(std::move(source))
    {
        m_lineStarts << 0;
        for (qsizetype i = 0; i < m_text.size(); ++i)
            if (m_text.at(i) == u'\n')
                m_lineStarts << i + 1;
    }

    QString locationOf(qsizetype pos) const
    {
        return QStringLiteral("%1:%2:%3").arg(m_source).arg(lineOf(pos)).arg(columnOf(pos));
    }

protected:
    QChar at(qsizetype p) const { return p >= 0 && p < m_text.size() ? m_text.at(p) : QChar(); }
    QChar cur() const { return at(m_pos); }
    bool atEnd() const { return m_pos >= m_text.size(); }
    static bool isBlank(QChar c) { return c == u' ' || c == u'\t'; }
    bool isBlankOrEnd(qsizetype p) const
    {
        const QChar c = at(p);
        return c.isNull() || isBlank(c) || c == u'\n';
    }
    int lineOf(qsizetype p) const
    {
        return int(std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), p) - m_lineStarts.begin());
    }
    int columnOf(qsizetype p) const { return int(p - m_lineStarts.at(lineOf(p) - 1)) + 1; }
    qsizetype lineStart(qsizetype p) const { return m_lineStarts.at(lineOf(p) - 1); }
    qsizetype lineEnd(qsizetype p) const
    {
        const qsizetype e = m_text.indexOf(u'\n', p);
        return e < 0 ? m_text.size() : e;
    }
    [[noreturn]] void fail(qsizetype pos, const QString &message) const { throw YamlParseFailure{pos, message}; }
    YamlNode located(YamlNode n, qsizetype pos) const
    {
        n.setLocation(m_source, lineOf(pos), columnOf(pos));
        return n;
    }
    void skipBlanks()
    {
        while (isBlank(cur()))
            ++m_pos;
    }
    void toNextLine()
    {
        m_pos = lineEnd(m_pos);
        if (!atEnd())
            ++m_pos;
    }

    QString m_text;
    QString m_source;
    QList<qsizetype> m_lineStarts;
    qsizetype m_pos = 0;
};

} // namespace covet
