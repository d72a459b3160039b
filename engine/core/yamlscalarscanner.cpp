#include "yamlscalarscanner.h"

#include <algorithm>

namespace covet {

void YamlScalarScanner::foldLineBreak(QString &out, qsizetype &trimTo)
{
    out.truncate(trimTo);
    ++m_pos;   // the line break
    int breaks = 0;
    for (;;) {
        skipBlanks();
        if (cur() != u'\n')
            break;
        ++breaks;
        ++m_pos;
    }
    out += breaks == 0 ? QStringLiteral(" ") : QString(breaks, u'\n');
    trimTo = out.size();
}

void YamlScalarScanner::appendEscape(QString &out)
{
    const qsizetype start = m_pos;
    const QChar e = at(m_pos + 1);
    m_pos += 2;
    int hexDigits = 0;
    switch (e.unicode()) {
    case u'0': out += QChar(0); return;
    case u'a': out += QChar(7); return;
    case u'b': out += QChar(8); return;
    case u't': case u'\t': out += QChar(9); return;
    case u'n': out += QChar(10); return;
    case u'v': out += QChar(11); return;
    case u'f': out += QChar(12); return;
    case u'r': out += QChar(13); return;
    case u'e': out += QChar(27); return;
    case u' ': case u'"': case u'/': case u'\\': out += e; return;
    case u'N': out += QChar(0x85); return;
    case u'_': out += QChar(0xA0); return;
    case u'L': out += QChar(0x2028); return;
    case u'P': out += QChar(0x2029); return;
    case u'x': hexDigits = 2; break;
    case u'u': hexDigits = 4; break;
    case u'U': hexDigits = 8; break;
    default:
        fail(start, QStringLiteral("unknown escape '\\%1' in a double-quoted string").arg(e.isNull() ? QString() : QString(e)));
    }
    bool ok = false;
    const QString digits = m_text.mid(m_pos, hexDigits);
    const uint code = digits.size() == hexDigits ? digits.toUInt(&ok, 16) : 0;
    if (!ok || digits.contains(u'+') || digits.contains(u'-') || digits.contains(u' ') || code > 0x10FFFF)
        fail(start, QStringLiteral("invalid escape '\\%1%2': expected %3 hex digits").arg(e).arg(digits).arg(hexDigits));
    m_pos += hexDigits;
    if (code > 0xFFFF) {
        out += QChar(QChar::highSurrogate(code));
        out += QChar(QChar::lowSurrogate(code));
    } else {
        out += QChar(char16_t(code));
    }
}

YamlNode YamlScalarScanner::quoted()
{
    const qsizetype start = m_pos;
    const QChar quote = at(m_pos++);
    const bool isDouble = quote == u'"';
    QString out;
    qsizetype trimTo = 0;   // raw blanks before a line break are dropped
    for (;;) {
        if (atEnd())
            fail(start, isDouble ? QStringLiteral("unterminated double-quoted string: missing closing '\"'")
                                 : QStringLiteral("unterminated single-quoted string: missing closing \"'\""));
        const QChar c = cur();
        if (c == quote && !(!isDouble && at(m_pos + 1) == u'\'')) {
            ++m_pos;
            break;
        }
        if (c == u'\n') {
            foldLineBreak(out, trimTo);
            continue;
        }
        if (!isDouble && c == u'\'') {   // '' is one quote
            out += c;
            trimTo = out.size();
            m_pos += 2;
            continue;
        }
        if (isDouble && c == u'\\') {
            if (at(m_pos + 1) == u'\n') {   // an escaped line break joins the lines
                m_pos += 2;
                skipBlanks();
            } else {
                appendEscape(out);
            }
            trimTo = out.size();
            continue;
        }
        out += c;
        if (!isBlank(c))
            trimTo = out.size();
        ++m_pos;
    }
    return located(YamlNode::string(out), start);
}

QString YamlScalarScanner::foldLines(const QStringList &lines)
{
    QString out;
    bool first = true;
    bool prevMoreIndented = false;
    int pendingEmpty = 0;
    for (const QString &l : lines) {
        if (l.isEmpty()) {
            ++pendingEmpty;
            continue;
        }
        const bool more = isBlank(l.front());
        if (first)
            out += QString(pendingEmpty, u'\n');
        else if (!more && !prevMoreIndented)
            out += pendingEmpty == 0 ? QStringLiteral(" ") : QString(pendingEmpty, u'\n');
        else
            out += QString(pendingEmpty + 1, u'\n');
        out += l;
        first = false;
        prevMoreIndented = more;
        pendingEmpty = 0;
    }
    return out;
}

YamlNode YamlScalarScanner::blockScalar(int parentIndent)
{
    const qsizetype start = m_pos;
    const bool literal = cur() == u'|';
    ++m_pos;
    QChar chomp;
    int indicator = 0;
    for (int i = 0; i < 2; ++i) {
        const QChar c = cur();
        if ((c == u'-' || c == u'+') && chomp.isNull())
            chomp = c;
        else if (c >= u'1' && c <= u'9' && indicator == 0)
            indicator = c.digitValue();
        else
            break;
        ++m_pos;
    }
    {
        qsizetype p = m_pos;
        while (isBlank(at(p)))
            ++p;
        if (!(at(p).isNull() || at(p) == u'\n' || (at(p) == u'#' && p > m_pos)))
            fail(p, QStringLiteral("unexpected text after the block scalar header; the content starts on the next line"));
        m_pos = p;
        toNextLine();
    }
    const int base = std::max(parentIndent, 0);
    int contentIndent = base + indicator;
    if (indicator == 0) {
        // The first non-empty line sets the indentation.
        qsizetype q = m_pos;
        contentIndent = parentIndent + 1;
        while (q < m_text.size()) {
            qsizetype s = q;
            while (at(s) == u' ')
                ++s;
            if (at(s) == u'\n') {
                q = s + 1;
                continue;
            }
            if (!at(s).isNull())
                contentIndent = std::max(int(s - q), parentIndent + 1);
            break;
        }
    }
    QStringList lines;
    bool lastHasBreak = false;
    while (!atEnd()) {
        const qsizetype ls = m_pos;
        const qsizetype le = lineEnd(ls);
        qsizetype s = ls;
        while (s < le && at(s) == u' ')
            ++s;
        qsizetype b = s;
        while (b < le && isBlank(at(b)))
            ++b;
        if (b == le)   // blank line
            lines << (s - ls >= contentIndent ? m_text.mid(ls + contentIndent, le - ls - contentIndent) : QString());
        else if (s - ls < contentIndent)
            break;
        else
            lines << m_text.mid(ls + contentIndent, le - ls - contentIndent);
        m_pos = le;
        lastHasBreak = !atEnd();
        toNextLine();
    }
    qsizetype last = lines.size() - 1;
    while (last >= 0 && lines.at(last).isEmpty())
        --last;
    const QStringList body = lines.mid(0, last + 1);
    const qsizetype trailing = lines.size() - 1 - last;
    QString text = literal ? body.join(u'\n') : foldLines(body);
    const bool bodyBreak = last >= 0 && (trailing > 0 || lastHasBreak);
    if (last < 0)
        text = chomp == u'+' ? QString(lines.size(), u'\n') : QString();
    else if (chomp.isNull() && bodyBreak)
        text += u'\n';
    else if (chomp == u'+')
        text += QString((bodyBreak ? 1 : 0) + trailing, u'\n');
    return located(YamlNode::string(text), start);
}

} // namespace covet
