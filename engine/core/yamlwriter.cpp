#include "yamlwriter.h"

#include <QStringList>

namespace covet {

namespace {

// Calls f(codePoint, isLoneSurrogate) for each code point of s.
template <typename F>
void forEachCodePoint(const QString &s, F f)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            f(QChar::surrogateToUcs4(c, s.at(i + 1)), false);
            ++i;
        } else {
            f(char32_t(c.unicode()), c.isSurrogate());
        }
    }
}

// Characters that may appear as they are in YAML text (not tab or newline).
bool isSafeRaw(char32_t cp, bool loneSurrogate)
{
    if (loneSurrogate || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
        return false;
    if (cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF)
        return false;
    return QChar::isPrint(cp);
}

bool allSafeRaw(const QString &s, bool allowTabAndNewline)
{
    bool ok = true;
    forEachCodePoint(s, [&](char32_t cp, bool lone) {
        if (!isSafeRaw(cp, lone) && !(allowTabAndNewline && (cp == u'\t' || cp == u'\n')))
            ok = false;
    });
    return ok;
}

bool isFlowIndicator(QChar c)
{
    return c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}';
}

// Whether s, written plain, reads back as the same text (whatever it means).
bool plainSafe(const QString &s, bool flow)
{
    if (s.isEmpty() || !allSafeRaw(s, false))
        return false;
    const QChar first = s.front();
    if (QStringLiteral("?:,[]{}#&*!|>'\"%@` ").contains(first))
        return false;
    if (first == u'-' && (s.size() == 1 || s.at(1) == u' ' || s.startsWith(QLatin1String("---"))))
        return false;
    if (s.startsWith(QLatin1String("...")) || s.back() == u' ' || s.back() == u':')
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'#' && s.at(i - 1) == u' ')
            return false;
        if (c == u':' && (s.at(i + 1) == u' ' || (flow && isFlowIndicator(s.at(i + 1)))))
            return false;
        if (flow && isFlowIndicator(c))
            return false;
    }
    return true;
}

// Strings that some YAML reader could take for a number.
bool looksNumeric(const QString &s)
{
    qsizetype i = 0;
    if (i < s.size() && (s.at(i) == u'+' || s.at(i) == u'-'))
        ++i;
    if (i < s.size() && s.at(i) == u'.')
        ++i;
    if (i < s.size() && s.at(i).isDigit())
        return true;
    return YamlNode::plainKind(s) != YamlNode::PlainKind::String;
}

QString doubleQuoted(const QString &s)
{
    QString out = QStringLiteral("\"");
    forEachCodePoint(s, [&](char32_t cp, bool lone) {
        switch (cp) {
        case u'"': out += QLatin1String("\\\""); return;
        case u'\\': out += QLatin1String("\\\\"); return;
        case u'\n': out += QLatin1String("\\n"); return;
        case u'\t': out += QLatin1String("\\t"); return;
        case u'\r': out += QLatin1String("\\r"); return;
        case 0: out += QLatin1String("\\0"); return;
        default: break;
        }
        if (isSafeRaw(cp, lone))
            out += QString::fromUcs4(&cp, 1);
        else if (cp <= 0xFF)
            out += QStringLiteral("\\x%1").arg(uint(cp), 2, 16, QLatin1Char('0'));
        else if (cp <= 0xFFFF)
            out += QStringLiteral("\\u%1").arg(uint(cp), 4, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\U%1").arg(uint(cp), 8, 16, QLatin1Char('0'));
    });
    return out + u'"';
}

QString quoted(const QString &s)
{
    if ((s.contains(u'"') || s.contains(u'\\')) && allSafeRaw(s, false)) {
        QString q = s;
        q.replace(u'\'', QLatin1String("''"));
        return u'\'' + q + u'\'';
    }
    return doubleQuoted(s);
}

QString inlineScalar(const YamlNode &n, bool flow, bool isKey = false)
{
    if (!isKey && n.isNull())
        return QStringLiteral("null");
    const QString text = n.scalar();
    const bool isString = isKey || n.isString();
    if (plainSafe(text, flow) && (!isString || !looksNumeric(text)))
        return text;
    return quoted(text);
}

bool isScalarish(const YamlNode &n)
{
    return n.isNull() || (n.isScalar() && !n.scalar().contains(u'\n'));
}

bool isSimpleSequence(const YamlNode &n)
{
    if (!n.isSequence())
        return false;
    for (const YamlNode &i : n.items())
        if (!isScalarish(i))
            return false;
    return true;
}

// A mapping of scalars, simple sequences and (one level) such mappings.
bool isSimpleMapping(const YamlNode &n, int depth = 0)
{
    if (!n.isMapping() || depth > 1)
        return false;
    for (const YamlNode &v : n.items())
        if (!isScalarish(v) && !isSimpleSequence(v) && !isSimpleMapping(v, depth + 1))
            return false;
    return true;
}

QString flowText(const YamlNode &n)
{
    if (n.isSequence()) {
        QStringList parts;
        for (const YamlNode &i : n.items())
            parts << flowText(i);
        return u'[' + parts.join(QLatin1String(", ")) + u']';
    }
    if (n.isMapping()) {
        QStringList parts;
        for (qsizetype i = 0; i < n.size(); ++i)
            parts << inlineScalar(n.keyAt(i), true, true) + QLatin1String(": ") + flowText(n.at(i));
        return u'{' + parts.join(QLatin1String(", ")) + u'}';
    }
    return inlineScalar(n, true);
}

// A multi-line string that a | block carries exactly.
bool fitsLiteralBlock(const YamlNode &n)
{
    if (!n.isScalar() || n.isNull() || !n.isString())
        return false;
    const QString s = n.scalar();
    if (!s.contains(u'\n') || !allSafeRaw(s, true))
        return false;
    QString body = s;
    while (body.endsWith(u'\n'))
        body.chop(1);
    return !body.isEmpty();
}

class Writer
{
public:
    explicit Writer(int lineWidth) : m_width(lineWidth) {}

    void document(const YamlNode &n)
    {
        if (n.isMapping() && n.size() > 0)
            mappingBody(n, 0, false);
        else if (n.isSequence() && n.size() > 0)
            sequenceBody(n, 0, false);
        else if (n.isMapping())
            m_out += QLatin1String("{}\n");
        else if (n.isSequence())
            m_out += QLatin1String("[]\n");
        else
            m_out += (n.isNull() ? QStringLiteral("null") : n.isString() ? doubleQuoted(n.scalar()) : inlineScalar(n, false)) + u'\n';
    }

    QString result() const { return m_out; }

private:
    static QString spaces(int n) { return QString(n, u' '); }

    // After "key:" or "-" at column `col`, which the cursor is on.
    void value(const YamlNode &v, int col, int lineLength)
    {
        if (fitsLiteralBlock(v)) {
            literalBlock(v.scalar(), col);
            return;
        }
        if (v.isNull() || v.isScalar()) {
            m_out += u' ' + inlineScalar(v, false) + u'\n';
            return;
        }
        if (v.size() == 0) {
            m_out += v.isMapping() ? QLatin1String(" {}\n") : QLatin1String(" []\n");
            return;
        }
        if (isSimpleSequence(v) || isSimpleMapping(v)) {
            const QString flow = flowText(v);
            if (lineLength + 1 + flow.size() <= m_width) {
                m_out += u' ' + flow + u'\n';
                return;
            }
        }
        m_out += u'\n';
        if (v.isMapping())
            mappingBody(v, col + 2, false);
        else
            sequenceBody(v, col + 2, false);
    }

    void mappingBody(const YamlNode &m, int indent, bool firstInline)
    {
        for (qsizetype i = 0; i < m.size(); ++i) {
            const QString line = (i > 0 || !firstInline ? spaces(indent) : QString())
                + inlineScalar(m.keyAt(i), false, true) + u':';
            m_out += line;
            value(m.at(i), indent, indent + int(line.size()));
        }
    }

    void sequenceBody(const YamlNode &s, int indent, bool firstInline)
    {
        for (const YamlNode &item : s.items()) {
            if (&item != &s.items().front() || !firstInline)
                m_out += spaces(indent);
            m_out += u'-';
            if (!item.isMapping() && !item.isSequence()) {
                value(item, indent, indent + 1);
                continue;
            }
            if (item.size() > 0 && !isSimpleSequence(item) && !isSimpleMapping(item)) {
                m_out += u' ';
                nestedBody(item, indent + 2);
                continue;
            }
            if (item.size() > 0 && indent + 2 + flowText(item).size() > m_width) {
                m_out += u' ';
                nestedBody(item, indent + 2);
                continue;
            }
            value(item, indent, indent + 1);
        }
    }

    void nestedBody(const YamlNode &n, int indent)
    {
        if (n.isMapping())
            mappingBody(n, indent, true);
        else
            sequenceBody(n, indent, true);
    }

    void literalBlock(const QString &s, int col)
    {
        QString body = s;
        int trailing = 0;
        while (body.endsWith(u'\n')) {
            body.chop(1);
            ++trailing;
        }
        const QStringList lines = body.split(u'\n');
        QString header = QStringLiteral(" |");
        for (const QString &l : lines) {
            if (!l.isEmpty()) {
                if (l.front() == u' ')
                    header += u'2';
                break;
            }
        }
        if (trailing == 0)
            header += u'-';
        else if (trailing > 1)
            header += u'+';
        m_out += header + u'\n';
        for (const QString &l : lines)
            m_out += l.isEmpty() ? QStringLiteral("\n") : spaces(col + 2) + l + u'\n';
        if (trailing > 1)
            m_out += QString(trailing - 1, u'\n');
    }

    int m_width;
    QString m_out;
};

} // namespace

QByteArray YamlWriter::write(const YamlNode &node, int lineWidth)
{
    Writer w(lineWidth);
    w.document(node);
    return w.result().toUtf8();
}

QString YamlWriter::scalarText(const YamlNode &scalar)
{
    return inlineScalar(scalar, false);
}

QString YamlWriter::keyText(const QString &key)
{
    return inlineScalar(YamlNode::string(key), false, true);
}

} // namespace covet
