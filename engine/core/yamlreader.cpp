#include "yamlreader.h"

#include "yamlscalarscanner.h"

#include <QHash>
#include <QList>
#include <QStringDecoder>

#include <algorithm>

namespace covet {

namespace {

constexpr int kMaxDepth = 200;

// The block and flow structure of a document; scalars come from YamlScalarScanner.
class Parser : public YamlScalarScanner
{
public:
    using YamlScalarScanner::YamlScalarScanner;

    YamlNode document();
    void checkCharacters() const;

private:
    struct DepthGuard
    {
        DepthGuard(Parser *p, qsizetype pos) : m_parser(p)
        {
            if (++m_parser->m_depth > kMaxDepth)
                m_parser->fail(pos, QStringLiteral("nesting deeper than %1 levels").arg(kMaxDepth));
        }
        ~DepthGuard() { --m_parser->m_depth; }
        DepthGuard(const DepthGuard &) = delete;
        DepthGuard &operator=(const DepthGuard &) = delete;
        Parser *m_parser;
    };

    bool isSequenceDash(qsizetype p) const { return at(p) == u'-' && isBlankOrEnd(p + 1); }
    YamlNode plainNode(const QString &text, qsizetype pos) const
    {
        return located(YamlNode::plainKind(text) == YamlNode::PlainKind::Null ? YamlNode() : YamlNode::plain(text), pos);
    }
    bool isDocumentMarker(qsizetype p) const
    {
        return p == lineStart(p) && (m_text.mid(p, 3) == u"---" || m_text.mid(p, 3) == u"...") && isBlankOrEnd(p + 3);
    }

    void skipBlankLines();
    int indent() const;
    YamlNode blockNode(int parentIndent, qsizetype nullPos);
    YamlNode nodeHere(int col, int parentIndent);
    YamlNode valueOnNextLines(int col, qsizetype nullPos);
    // After an entry of the block mapping or sequence at column `col`: skips
    // blank lines and tells whether the next line continues the block (its
    // indentation is `col`); a deeper one is an error.
    bool blockContinues(int col, bool mapping);
    YamlNode blockMapping(int col);
    YamlNode blockSequence(int col);
    bool mappingKeyAhead() const;
    qsizetype skipQuotedOnLine(qsizetype p) const;
    YamlNode mappingKey();
    YamlNode inlineValue(int parentIndent, bool *consumedLines);
    void endOfLine();
    void checkIndicator(qsizetype p) const;
    YamlNode plainBlock();
    void flowSpace(qsizetype open, QChar closer);
    bool closesFlow(qsizetype open, QChar closer);   // after an entry: true at the closer, false after a comma
    YamlNode flowNode();
    YamlNode flowSequence();
    YamlNode flowMapping();
    YamlNode plainFlow() { const qsizetype start = m_pos; return plainNode(plainFlowText(), start); }
    QString plainFlowText();
    void insertUnique(YamlNode &map, QHash<QString, qsizetype> &seen, YamlNode key, YamlNode value, qsizetype keyPos) const;

    int m_depth = 0;
};

void Parser::checkCharacters() const
{
    for (qsizetype i = 0; i < m_text.size(); ++i) {
        const ushort u = m_text.at(i).unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n') || u == 0x7F || (u >= 0x80 && u <= 0x9F && u != 0x85))
            fail(i, QStringLiteral("control character U+%1 is not allowed; write it as an escape in a double-quoted string")
                        .arg(QStringLiteral("%1").arg(u, 4, 16, QLatin1Char('0')).toUpper()));
    }
}

void Parser::skipBlankLines()
{
    while (!atEnd()) {
        qsizetype p = m_pos;
        while (isBlank(at(p)))
            ++p;
        const QChar c = at(p);
        if (c.isNull()) {
            m_pos = m_text.size();
            return;
        }
        if (c != u'\n' && c != u'#')
            return;
        m_pos = p;
        toNextLine();
    }
}

int Parser::indent() const
{
    qsizetype p = m_pos;
    while (at(p) == u' ')
        ++p;
    if (at(p) == u'\t')
        fail(p, QStringLiteral("tab character used for indentation; indent with spaces"));
    return int(p - m_pos);
}

YamlNode Parser::document()
{
    skipBlankLines();
    if (!atEnd() && cur() == u'%')
        fail(m_pos, QStringLiteral("directives (%YAML, %TAG) are not supported"));
    if (!atEnd() && m_text.mid(m_pos, 3) == u"---" && isBlankOrEnd(m_pos + 3)) {
        m_pos += 3;
        skipBlanks();
        if (!atEnd() && cur() != u'\n' && cur() != u'#')
            fail(m_pos, QStringLiteral("content after '---' on the same line is not supported; start it on the next line"));
        toNextLine();
    }
    YamlNode root = blockNode(-1, m_pos);
    skipBlankLines();
    if (atEnd())
        return root;
    if (m_text.mid(m_pos, 3) == u"---")
        fail(m_pos, QStringLiteral("multiple documents are not supported; keep one document per file"));
    if (m_text.mid(m_pos, 3) == u"..." && isBlankOrEnd(m_pos + 3)) {
        m_pos += 3;
        endOfLine();
        skipBlankLines();
        if (!atEnd())
            fail(m_pos, QStringLiteral("content after the document end marker '...'"));
        return root;
    }
    fail(m_pos + indent(), QStringLiteral("unexpected content: this line does not continue the structure above; check its indentation"));
}

YamlNode Parser::blockNode(int parentIndent, qsizetype nullPos)
{
    skipBlankLines();
    if (atEnd())
        return located(YamlNode(), nullPos);
    const int ind = indent();
    if (ind <= parentIndent || (ind == 0 && isDocumentMarker(m_pos)))
        return located(YamlNode(), nullPos);
    m_pos += ind;
    return nodeHere(ind, parentIndent);
}

YamlNode Parser::nodeHere(int col, int parentIndent)
{
    DepthGuard guard(this, m_pos);
    if (isSequenceDash(m_pos))
        return blockSequence(col);
    if (cur() == u'?' && isBlankOrEnd(m_pos + 1))
        fail(m_pos, QStringLiteral("complex mapping keys ('? ') are not supported"));
    if (mappingKeyAhead())
        return blockMapping(col);
    bool consumed = false;
    YamlNode n = inlineValue(parentIndent, &consumed);
    if (!consumed)
        endOfLine();
    return n;
}

YamlNode Parser::valueOnNextLines(int col, qsizetype nullPos)
{
    skipBlankLines();
    if (atEnd())
        return located(YamlNode(), nullPos);
    const int ind = indent();
    if (ind > col) {
        m_pos += ind;
        return nodeHere(ind, col);
    }
    if (ind == col && isSequenceDash(m_pos + ind)) {
        // A sequence written at its key's indentation ("key:\n- a").
        m_pos += ind;
        DepthGuard guard(this, m_pos);
        return blockSequence(col);
    }
    return located(YamlNode(), nullPos);
}

void Parser::insertUnique(YamlNode &map, QHash<QString, qsizetype> &seen, YamlNode key, YamlNode value, qsizetype keyPos) const
{
    const auto it = seen.constFind(key.scalar());
    if (it != seen.constEnd())
        fail(keyPos, QStringLiteral("duplicate key '%1' (first at line %2)").arg(key.scalar()).arg(lineOf(*it)));
    seen.insert(key.scalar(), keyPos);
    map.insert(std::move(key), std::move(value));
}

bool Parser::blockContinues(int col, bool mapping)
{
    skipBlankLines();
    if (atEnd())
        return false;
    const int ind = indent();
    if (ind < col || (ind == 0 && isDocumentMarker(m_pos)))
        return false;
    if (ind > col)
        fail(m_pos + ind, mapping ? QStringLiteral("unexpected indentation: the keys of this mapping start at column %1 "
                                                   "(a value continued on the next line must be quoted or a | block)")
                                        .arg(col + 1)
                                  : QStringLiteral("unexpected indentation: the items of this sequence start at column %1").arg(col + 1));
    return true;
}

YamlNode Parser::blockMapping(int col)
{
    YamlNode map = located(YamlNode::mapping(), m_pos);
    QHash<QString, qsizetype> seen;
    for (;;) {
        const qsizetype keyPos = m_pos;
        YamlNode key = mappingKey();
        skipBlanks();
        if (cur() != u':')
            fail(m_pos, QStringLiteral("expected ':' after the key"));
        const qsizetype colonPos = m_pos++;
        skipBlanks();
        YamlNode value;
        if (atEnd() || cur() == u'\n' || cur() == u'#') {
            toNextLine();
            value = valueOnNextLines(col, colonPos);
        } else {
            bool consumed = false;
            value = inlineValue(col, &consumed);
            if (!consumed)
                endOfLine();
        }
        insertUnique(map, seen, std::move(key), std::move(value), keyPos);

        if (!blockContinues(col, true))
            break;
        m_pos += col;
        if (isSequenceDash(m_pos))
            fail(m_pos, QStringLiteral("a sequence item ('- ') where a 'key: value' entry was expected"));
        if (cur() == u'?' && isBlankOrEnd(m_pos + 1))
            fail(m_pos, QStringLiteral("complex mapping keys ('? ') are not supported"));
        if (!mappingKeyAhead())
            fail(m_pos, QStringLiteral("expected a 'key: value' entry (quote values that contain ': ' or ' #')"));
    }
    return map;
}

YamlNode Parser::blockSequence(int col)
{
    YamlNode seq = located(YamlNode::sequence(), m_pos);
    for (;;) {
        const qsizetype dashPos = m_pos++;
        while (cur() == u' ')
            ++m_pos;
        if (cur() == u'\t')
            fail(m_pos, QStringLiteral("tab character after '-'; indent with spaces"));
        YamlNode item;
        if (atEnd() || cur() == u'\n' || cur() == u'#') {
            toNextLine();
            item = blockNode(col, dashPos);
        } else {
            item = nodeHere(int(m_pos - lineStart(m_pos)), col);
        }
        seq.append(std::move(item));

        if (!blockContinues(col, false))
            break;
        if (!isSequenceDash(m_pos + col))
            break;   // a key of the mapping this sequence is the value of
        m_pos += col;
    }
    return seq;
}

qsizetype Parser::skipQuotedOnLine(qsizetype p) const
{
    const QChar q = at(p++);
    for (;;) {
        const QChar c = at(p);
        if (c.isNull() || c == u'\n')
            return -1;
        if (q == u'"' && c == u'\\') {
            p += 2;
            continue;
        }
        if (c == q) {
            if (q == u'\'' && at(p + 1) == u'\'') {
                p += 2;
                continue;
            }
            return p + 1;
        }
        ++p;
    }
}

bool Parser::mappingKeyAhead() const
{
    qsizetype p = m_pos;
    const QChar c = at(p);
    if (c == u'"' || c == u'\'') {
        p = skipQuotedOnLine(p);
        if (p < 0)
            return false;
        while (isBlank(at(p)))
            ++p;
        return at(p) == u':' && isBlankOrEnd(p + 1);
    }
    if (c == u'[' || c == u'{')
        return false;
    for (; p < m_text.size() && at(p) != u'\n'; ++p) {
        if (at(p) == u':' && isBlankOrEnd(p + 1))
            return true;
        if (at(p) == u'#' && p > m_pos && isBlank(at(p - 1)))
            return false;
    }
    return false;
}

YamlNode Parser::mappingKey()
{
    if (cur() == u'"' || cur() == u'\'')
        return quoted();
    const qsizetype start = m_pos;
    checkIndicator(start);
    while (!(cur() == u':' && isBlankOrEnd(m_pos + 1)))
        ++m_pos;
    QString text = m_text.mid(start, m_pos - start);
    while (!text.isEmpty() && isBlank(text.back()))
        text.chop(1);
    if (text.isEmpty())
        fail(start, QStringLiteral("empty mapping key"));
    return located(YamlNode::plain(text), start);
}

void Parser::checkIndicator(qsizetype p) const
{
    const QChar c = at(p);
    if (c == u'&')
        fail(p, QStringLiteral("anchors (&name) are not supported; repeat the value instead"));
    if (c == u'*')
        fail(p, QStringLiteral("aliases (*name) are not supported; repeat the value instead"));
    if (c == u'!')
        fail(p, QStringLiteral("tags (!tag) are not supported; quote the value if it starts with '!'"));
    if (c == u'%' || c == u'@' || c == u'`')
        fail(p, QStringLiteral("'%1' is reserved at the start of a value; quote the value").arg(c));
    if (c == u'|' || c == u'>')
        fail(p, QStringLiteral("a block scalar ('%1') is not allowed here").arg(c));
    if (c == u',' || c == u']' || c == u'}' || c == u'[' || c == u'{' || c == u'#')
        fail(p, QStringLiteral("unexpected '%1'").arg(c));
    if (isSequenceDash(p))
        fail(p, QStringLiteral("a sequence item ('- ') cannot start here; put it on its own line"));
    if (c == u'?' && isBlankOrEnd(p + 1))
        fail(p, QStringLiteral("complex mapping keys ('? ') are not supported"));
}

YamlNode Parser::inlineValue(int parentIndent, bool *consumedLines)
{
    *consumedLines = false;
    const QChar c = cur();
    if (c == u'|' || c == u'>') {
        *consumedLines = true;
        return blockScalar(parentIndent);
    }
    if (c == u'[' || c == u'{')
        return flowNode();
    if (c == u'"' || c == u'\'')
        return quoted();
    checkIndicator(m_pos);
    return plainBlock();
}

YamlNode Parser::plainBlock()
{
    const qsizetype start = m_pos;
    while (!atEnd() && cur() != u'\n') {
        if (cur() == u':' && isBlankOrEnd(m_pos + 1))
            break;
        if (cur() == u'#' && isBlank(at(m_pos - 1)))
            break;
        ++m_pos;
    }
    QString text = m_text.mid(start, m_pos - start);
    while (!text.isEmpty() && isBlank(text.back()))
        text.chop(1);
    return plainNode(text, start);
}

void Parser::endOfLine()
{
    qsizetype p = m_pos;
    while (isBlank(at(p)))
        ++p;
    const QChar c = at(p);
    if (c.isNull() || c == u'\n' || (c == u'#' && (p == lineStart(p) || isBlank(at(p - 1))))) {
        m_pos = p;
        toNextLine();
        return;
    }
    if (c == u':')
        fail(p, QStringLiteral("unexpected ':' after a value; quote values that contain ': '"));
    fail(p, QStringLiteral("unexpected text after the value: '%1'").arg(m_text.mid(p, lineEnd(p) - p).left(40)));
}

void Parser::flowSpace(qsizetype open, QChar closer)
{
    for (;;) {
        const QChar c = cur();
        if (isBlank(c) || c == u'\n') {
            ++m_pos;
        } else if (c == u'#' && (m_pos == lineStart(m_pos) || isBlank(at(m_pos - 1)) || at(m_pos - 1) == u'\n')) {
            m_pos = lineEnd(m_pos);
        } else {
            break;
        }
    }
    if (atEnd())
        fail(open, QStringLiteral("unterminated flow collection: missing '%1'").arg(closer));
}

YamlNode Parser::flowNode()
{
    DepthGuard guard(this, m_pos);
    const QChar c = cur();
    if (c == u'[')
        return flowSequence();
    if (c == u'{')
        return flowMapping();
    if (c == u'"' || c == u'\'')
        return quoted();
    return plainFlow();
}

QString Parser::plainFlowText()
{
    const qsizetype start = m_pos;
    checkIndicator(start);
    auto isFlowIndicator = [](QChar c) { return c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}'; };
    while (!atEnd()) {
        const QChar c = cur();
        if (c == u'\n' || isFlowIndicator(c))
            break;
        if (c == u':' && (isBlankOrEnd(m_pos + 1) || isFlowIndicator(at(m_pos + 1))))
            break;
        if (c == u'#' && isBlank(at(m_pos - 1)))
            break;
        ++m_pos;
    }
    QString text = m_text.mid(start, m_pos - start);
    while (!text.isEmpty() && isBlank(text.back()))
        text.chop(1);
    if (text.isEmpty())
        fail(start, QStringLiteral("expected a value"));
    return text;
}

bool Parser::closesFlow(qsizetype open, QChar closer)
{
    if (cur() == u',' || cur() == closer)
        return at(m_pos++) == closer;
    fail(m_pos, QStringLiteral("expected ',' or '%1' in the flow %2 opened at line %3, column %4")
                    .arg(closer).arg(closer == u']' ? QStringLiteral("sequence") : QStringLiteral("mapping"))
                    .arg(lineOf(open)).arg(columnOf(open)));
}

YamlNode Parser::flowSequence()
{
    const qsizetype open = m_pos++;
    YamlNode seq = located(YamlNode::sequence(), open);
    for (;;) {
        flowSpace(open, u']');
        if (cur() == u']') {
            ++m_pos;
            break;
        }
        YamlNode item = flowNode();
        flowSpace(open, u']');
        if (cur() == u':')
            fail(m_pos, QStringLiteral("a 'key: value' pair inside [ ] is not supported; write it as {key: value}"));
        seq.append(std::move(item));
        if (closesFlow(open, u']'))
            break;
    }
    return seq;
}

YamlNode Parser::flowMapping()
{
    const qsizetype open = m_pos++;
    YamlNode map = located(YamlNode::mapping(), open);
    QHash<QString, qsizetype> seen;
    for (;;) {
        flowSpace(open, u'}');
        if (cur() == u'}') {
            ++m_pos;
            break;
        }
        const qsizetype keyPos = m_pos;
        if (cur() == u'[' || cur() == u'{')
            fail(m_pos, QStringLiteral("collections as mapping keys are not supported"));
        const QString keyText = cur() == u'"' || cur() == u'\'' ? quoted().scalar() : plainFlowText();
        YamlNode key = located(YamlNode::plain(keyText), keyPos);
        flowSpace(open, u'}');
        YamlNode value = located(YamlNode(), m_pos);
        if (cur() == u':') {
            ++m_pos;
            flowSpace(open, u'}');
            if (cur() != u',' && cur() != u'}')
                value = flowNode();
            flowSpace(open, u'}');
        }
        insertUnique(map, seen, std::move(key), std::move(value), keyPos);
        if (closesFlow(open, u'}'))
            break;
    }
    return map;
}

} // namespace

Result<YamlNode> YamlReader::parse(const QByteArray &bytes, const QString &sourceName)
{
    const QString source = sourceName.isEmpty() ? QStringLiteral("<yaml>") : sourceName;
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        const QList<QByteArray> lines = bytes.split('\n');
        int line = 1;
        for (; line <= lines.size(); ++line) {
            QStringDecoder d(QStringDecoder::Utf8);
            const QString decoded = d.decode(lines.at(line - 1));
            if (d.hasError())
                break;
        }
        return fail(Error::Category::InvalidInput, QStringLiteral("the file is not valid UTF-8"),
                    QStringLiteral("%1:%2").arg(source).arg(std::min(line, int(lines.size()))));
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(u'\r', u'\n');
    Parser parser(text, source);
    try {
        parser.checkCharacters();
        return parser.document();
    } catch (const YamlParseFailure &f) {
        return fail(Error::Category::InvalidInput, f.message, parser.locationOf(f.pos));
    }
}

} // namespace covet
