#include "yamlscalartext.h"

#include <QStringList>

#include <algorithm>

namespace covet {

namespace {

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// Folds the line break at body[*pos] (and the empty lines after it) into
// out: the blanks before it (from trimTo on) go, one break becomes a
// space, a break and n empty lines n line breaks.
void foldLineBreak(QStringView body, qsizetype *pos, QString &out, qsizetype *trimTo)
{
    out.truncate(*trimTo);
    ++*pos;
    int breaks = 0;
    for (;;) {
        while (*pos < body.size() && isBlank(body.at(*pos)))
            ++*pos;
        if (*pos >= body.size() || body.at(*pos) != u'\n')
            break;
        ++breaks;
        ++*pos;
    }
    out += breaks == 0 ? QStringLiteral(" ") : QString(breaks, u'\n');
    *trimTo = out.size();
}

// Appends the escape at body[*pos] (a backslash) and moves past it.
void appendEscape(QStringView body, qsizetype *pos, QString &out)
{
    const qsizetype start = *pos;
    const QChar e = *pos + 1 < body.size() ? body.at(*pos + 1) : QChar();
    *pos += 2;
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
        out += body.mid(start, *pos - start);
        return;
    }
    bool ok = false;
    const uint code = body.mid(*pos, hexDigits).toUInt(&ok, 16);
    if (!ok || code > 0x10FFFF) {
        out += body.mid(start, *pos - start);
        return;
    }
    *pos += hexDigits;
    if (code > 0xFFFF) {
        out += QChar(QChar::highSurrogate(code));
        out += QChar(QChar::lowSurrogate(code));
    } else {
        out += QChar(char16_t(code));
    }
}

QString quoted(QStringView body, bool isDouble)
{
    QString out;
    qsizetype trimTo = 0;   // blanks before a line break are dropped
    qsizetype pos = 0;
    while (pos < body.size()) {
        const QChar c = body.at(pos);
        if (c == u'\n') {
            foldLineBreak(body, &pos, out, &trimTo);
            continue;
        }
        if (!isDouble && c == u'\'') {   // '' is one quote
            out += c;
            trimTo = out.size();
            pos += 2;
            continue;
        }
        if (isDouble && c == u'\\') {
            if (pos + 1 < body.size() && body.at(pos + 1) == u'\n') {   // an escaped line break joins the lines
                pos += 2;
                while (pos < body.size() && isBlank(body.at(pos)))
                    ++pos;
            } else {
                appendEscape(body, &pos, out);
            }
            trimTo = out.size();
            continue;
        }
        out += c;
        if (!isBlank(c))
            trimTo = out.size();
        ++pos;
    }
    return out;
}

// Folds the lines of a > block: a break between two lines that do not start
// with a blank becomes a space; more-indented lines keep theirs.
QString foldLines(const QStringList &lines)
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

} // namespace

QString YamlScalarText::singleQuoted(QStringView body)
{
    return quoted(body, false);
}

QString YamlScalarText::doubleQuoted(QStringView body)
{
    return quoted(body, true);
}

QString YamlScalarText::block(QStringView header, QStringView text, int parentIndent)
{
    const bool literal = header.startsWith(u'|');
    QChar chomp;
    int indicator = 0;
    for (const QChar c : header.mid(1)) {
        if (c == u'-' || c == u'+')
            chomp = c;
        else if (c >= u'1' && c <= u'9')
            indicator = c.digitValue();
    }
    const QList<QStringView> rawLines = text.split(u'\n');
    // The last element is what follows the last line break ("" when the
    // text ends with one).
    const bool lastHasBreak = text.endsWith(u'\n');
    const qsizetype lineCount = lastHasBreak ? rawLines.size() - 1 : rawLines.size();
    int contentIndent = std::max(parentIndent, 0) + indicator;
    if (indicator == 0) {
        // The first non-empty line sets the indentation.
        contentIndent = parentIndent + 1;
        for (qsizetype i = 0; i < lineCount; ++i) {
            const QStringView l = rawLines.at(i);
            qsizetype s = 0;
            while (s < l.size() && l.at(s) == u' ')
                ++s;
            if (s < l.size()) {
                contentIndent = std::max(int(s), parentIndent + 1);
                break;
            }
        }
    }
    QStringList lines;
    for (qsizetype i = 0; i < lineCount; ++i) {
        const QStringView l = rawLines.at(i);
        qsizetype s = 0;
        while (s < l.size() && l.at(s) == u' ')
            ++s;
        qsizetype b = s;
        while (b < l.size() && isBlank(l.at(b)))
            ++b;
        if (b == l.size())   // a blank line
            lines << (s >= contentIndent ? l.mid(contentIndent).toString() : QString());
        else if (s < contentIndent)
            break;
        else
            lines << l.mid(contentIndent).toString();
    }
    qsizetype last = lines.size() - 1;
    while (last >= 0 && lines.at(last).isEmpty())
        --last;
    const QStringList body = lines.mid(0, last + 1);
    const qsizetype trailing = lines.size() - 1 - last;
    QString out = literal ? body.join(u'\n') : foldLines(body);
    const bool bodyBreak = last >= 0 && (trailing > 0 || lastHasBreak || last + 1 < lines.size());
    if (last < 0)
        out = chomp == u'+' ? QString(lines.size(), u'\n') : QString();
    else if (chomp.isNull() && bodyBreak)
        out += u'\n';
    else if (chomp == u'+')
        out += QString((bodyBreak ? 1 : 0) + trailing, u'\n');
    return out;
}

} // namespace covet
