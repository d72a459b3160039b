#include "yamlreader.h"

#include "yamlscalartext.h"

#include <libfyaml.h>

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <memory>

namespace covet {

namespace {

constexpr int kMaxDepth = 200;

// A position in the text: 0-based line and column, as libfyaml counts them.
struct Mark
{
    int line = 0;
    int column = 0;
};

Mark markOf(fy_token *token, Mark fallback)
{
    if (!token)
        return fallback;
    const fy_mark *m = fy_token_start_mark(token);
    return m ? Mark{m->line, m->column} : fallback;
}

// An anchor's or alias's token starts after its & or *: the indicator's position.
Mark indicator(fy_token *token, Mark fallback)
{
    Mark m = markOf(token, fallback);
    m.column = std::max(0, m.column - 1);
    return m;
}

// Thrown inside the reader only; parse() returns it as an Error value.
struct Failure
{
    Mark at;
    QString message;
};

// Builds the YamlNode tree from libfyaml's events, refusing what Covet's
// files do not use (anchors, aliases, tags, several documents) and what
// YAML leaves to the application (duplicate keys).
class TreeBuilder
{
public:
    TreeBuilder(QString source, const QByteArray &utf8) : m_source(std::move(source)), m_utf8(utf8) {}

    void event(fy_event *e);
    YamlNode result()
    {
        if (m_root.line() == 0)   // an empty document
            m_root.setLocation(m_source, 1, 1);
        return std::move(m_root);
    }
    // The innermost flow collection still open ("the flow mapping opened at
    // line 3, column 9"), or empty: for libfyaml's messages at its end.
    QString openFlow() const
    {
        for (qsizetype i = m_stack.size() - 1; i >= 0; --i)
            if (m_stack.at(i).flow)
                return QStringLiteral("the flow %1 opened at line %2, column %3 (is its '%4' missing?)")
                    .arg(m_stack.at(i).node.isMapping() ? QStringLiteral("mapping") : QStringLiteral("sequence"))
                    .arg(m_stack.at(i).node.line()).arg(m_stack.at(i).node.column())
                    .arg(m_stack.at(i).node.isMapping() ? QChar(u'}') : QChar(u']'));
        return {};
    }

private:
    struct Open
    {
        YamlNode node;
        bool keyPending = false;   // mappings: a key was read, its value not yet
        YamlNode key;
        QHash<QString, int> keyLines;
        bool flow = false;
    };

    [[noreturn]] static void fail(Mark at, const QString &message) { throw Failure{at, message}; }
    YamlNode located(YamlNode n, Mark at) const
    {
        n.setLocation(m_source, at.line + 1, at.column + 1);
        return n;
    }
    static void refuseDecorations(fy_token *anchor, fy_token *tag, Mark at);
    bool expectingKey() const { return !m_stack.isEmpty() && m_stack.last().node.isMapping() && !m_stack.last().keyPending; }
    void add(YamlNode node, Mark at);
    void open(YamlNode node, Mark at, fy_token *start);

    QString scalarText(fy_token *value) const;
    int parentIndent() const { return m_stack.isEmpty() ? -1 : m_stack.last().node.column() - 1; }

    QString m_source;
    const QByteArray &m_utf8;
    QList<Open> m_stack;
    YamlNode m_root;
    int m_documents = 0;
    Mark m_last;
};

void TreeBuilder::refuseDecorations(fy_token *anchor, fy_token *tag, Mark at)
{
    if (anchor)
        fail(indicator(anchor, at), QStringLiteral("anchors (&name) are not supported; repeat the value instead"));
    if (tag)
        fail(markOf(tag, at), QStringLiteral("tags (!tag) are not supported; quote the value if it starts with '!'"));
}

void TreeBuilder::add(YamlNode node, Mark at)
{
    if (m_stack.isEmpty()) {
        m_root = std::move(node);
        return;
    }
    Open &top = m_stack.last();
    if (top.node.isSequence()) {
        top.node.append(std::move(node));
        return;
    }
    if (!top.keyPending) {
        if (!node.isScalar() && !node.isNull())
            fail(at, QStringLiteral("a %1 as a mapping key is not supported; keys are plain names").arg(node.typeName()));
        if (!node.isQuoted() && node.scalar().isEmpty())
            fail(at, QStringLiteral("empty mapping key"));
        const auto first = top.keyLines.constFind(node.scalar());
        if (first != top.keyLines.constEnd())
            fail(at, QStringLiteral("duplicate key '%1' (first at line %2)").arg(node.scalar()).arg(*first));
        top.keyLines.insert(node.scalar(), at.line + 1);
        top.key = std::move(node);
        top.keyPending = true;
        return;
    }
    top.node.insert(std::move(top.key), std::move(node));
    top.key = YamlNode();
    top.keyPending = false;
}

void TreeBuilder::open(YamlNode node, Mark at, fy_token *start)
{
    if (m_stack.size() >= kMaxDepth)
        fail(at, QStringLiteral("nesting deeper than %1 levels").arg(kMaxDepth));
    const fy_token_type type = start ? fy_token_get_type(start) : FYTT_NONE;
    m_stack << Open{located(std::move(node), at), false, {}, {}, type == FYTT_FLOW_MAPPING_START || type == FYTT_FLOW_SEQUENCE_START};
}

// A scalar's text: plain ones as libfyaml gives them; quoted and block ones
// decoded by YamlScalarText from the source range libfyaml delimited.
QString TreeBuilder::scalarText(fy_token *value) const
{
    if (!value)
        return {};
    const fy_scalar_style style = fy_token_scalar_style(value);
    const fy_mark *start = fy_token_start_mark(value);
    const fy_mark *end = fy_token_end_mark(value);
    if (style == FYSS_PLAIN || !start || !end || end->input_pos < start->input_pos || end->input_pos > size_t(m_utf8.size())) {
        size_t len = 0;
        const char *text = fy_token_get_text(value, &len);
        return text ? QString::fromUtf8(text, qsizetype(len)) : QString();
    }
    const qsizetype from = qsizetype(start->input_pos);
    qsizetype to = qsizetype(end->input_pos);
    if (style == FYSS_LITERAL || style == FYSS_FOLDED) {
        // A block may end with the indentation of the next line: not content.
        const qsizetype lastBreak = m_utf8.lastIndexOf('\n', to - 1);
        if (lastBreak >= from && to < m_utf8.size()
            && std::all_of(m_utf8.constBegin() + lastBreak + 1, m_utf8.constBegin() + to, [](char c) { return c == ' ' || c == '\t'; }))
            to = lastBreak + 1;
    }
    const QString body = QString::fromUtf8(m_utf8.constData() + from, to - from);
    if (style == FYSS_SINGLE_QUOTED)
        return YamlScalarText::singleQuoted(body);
    if (style == FYSS_DOUBLE_QUOTED)
        return YamlScalarText::doubleQuoted(body);
    // A block scalar's content starts on the line after its header ("key: |2-  # comment").
    const qsizetype headerEnd = m_utf8.lastIndexOf('\n', from - 1);
    const qsizetype headerStart = headerEnd < 0 ? 0 : m_utf8.lastIndexOf('\n', headerEnd - 1) + 1;
    QString headerLine = QString::fromUtf8(m_utf8.mid(headerStart, std::max<qsizetype>(headerEnd, headerStart) - headerStart));
    static const QRegularExpression header(QStringLiteral("([|>][1-9+-]{0,2})\\s*(?:\\s#.*)?$"));
    const QRegularExpressionMatch m = header.match(headerLine);
    return YamlScalarText::block(m.hasMatch() ? m.captured(1) : (style == FYSS_LITERAL ? QStringLiteral("|") : QStringLiteral(">")),
                                 body, parentIndent());
}

void TreeBuilder::event(fy_event *e)
{
    switch (e->type) {
    case FYET_DOCUMENT_START:
        if (++m_documents > 1)
            fail(markOf(e->document_start.document_start, m_last),
                 QStringLiteral("multiple documents are not supported; keep one document per file"));
        break;
    case FYET_ALIAS:
        fail(indicator(e->alias.anchor, m_last), QStringLiteral("aliases (*name) are not supported; repeat the value instead"));
    case FYET_SCALAR: {
        const fy_event_scalar_data &s = e->scalar;
        Mark at = markOf(s.value, m_last);
        if (s.value && (fy_token_scalar_style(s.value) == FYSS_SINGLE_QUOTED || fy_token_scalar_style(s.value) == FYSS_DOUBLE_QUOTED))
            at.column = std::max(0, at.column - 1);   // the token starts after the quote
        m_last = at;
        refuseDecorations(s.anchor, s.tag, at);
        const QString value = scalarText(s.value);
        const bool quoted = s.value && fy_token_scalar_style(s.value) != FYSS_PLAIN;
        YamlNode node;
        if (quoted)
            node = YamlNode::string(value);
        else if (expectingKey() || YamlNode::plainKind(value) != YamlNode::PlainKind::Null)
            node = YamlNode::plain(value);   // a key keeps its text, even "~"
        add(located(std::move(node), at), at);
        break;
    }
    case FYET_SEQUENCE_START: {
        const Mark at = markOf(e->sequence_start.sequence_start, m_last);
        m_last = at;
        refuseDecorations(e->sequence_start.anchor, e->sequence_start.tag, at);
        open(YamlNode::sequence(), at, e->sequence_start.sequence_start);
        break;
    }
    case FYET_MAPPING_START: {
        const Mark at = markOf(e->mapping_start.mapping_start, m_last);
        m_last = at;
        refuseDecorations(e->mapping_start.anchor, e->mapping_start.tag, at);
        open(YamlNode::mapping(), at, e->mapping_start.mapping_start);
        break;
    }
    case FYET_SEQUENCE_END:
    case FYET_MAPPING_END: {
        Open done = m_stack.takeLast();
        const Mark at{done.node.line() - 1, done.node.column() - 1};
        add(std::move(done.node), at);
        break;
    }
    default:
        break;
    }
}

// The first character the reader refuses, with its position.
std::optional<Failure> controlCharacter(const QString &text)
{
    int line = 0;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const ushort u = text.at(i).unicode();
        if (u == u'\n') {
            ++line;
            lineStart = i + 1;
            continue;
        }
        if ((u < 0x20 && u != u'\t') || u == 0x7F || (u >= 0x80 && u <= 0x9F && u != 0x85))
            return Failure{Mark{line, int(i - lineStart)},
                           QStringLiteral("control character U+%1 is not allowed; write it as an escape in a double-quoted string")
                               .arg(QStringLiteral("%1").arg(u, 4, 16, QLatin1Char('0')).toUpper())};
    }
    return std::nullopt;
}

// %YAML and %TAG directives: a line starting with '%' before any content.
std::optional<Failure> directive(const QString &text)
{
    int line = 0;
    for (qsizetype start = 0; start < text.size(); ++line) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        const QStringView l = QStringView(text).mid(start, end - start);
        if (l.startsWith(u'%'))
            return Failure{Mark{line, 0}, QStringLiteral("directives (%YAML, %TAG) are not supported")};
        const QStringView t = l.trimmed();
        if (!t.isEmpty() && !t.startsWith(u'#'))
            return std::nullopt;
        start = end + 1;
    }
    return std::nullopt;
}

// libfyaml's message, with what to do where it is not obvious.
QString withHint(const QString &message)
{
    static const QList<QPair<const char *, const char *>> hints = {
        {"nested block mapping on the same line", "quote values that contain ': '"},
        {"block sequence on the same line", "put the '- ' items on lines of their own"},
        {"multiline plain key", "check the indentation: keys of one mapping start in the same column"},
        {"wrongly indented", "check the indentation: keys of one mapping start in the same column"},
        {"invalid indentation", "check the indentation: keys of one mapping start in the same column"},
        {"tab character", "indent with spaces"},
        {"without closing quote", "close the quote, or quote with the other kind of quotes"},
        {"cannot start with", "quote the value"},
        {"did not find expected key", "check the indentation and the '- ' items above this line"},
    };
    for (const auto &[fragment, hint] : hints)
        if (message.contains(QLatin1String(fragment)))
            return QStringLiteral("%1; %2").arg(message, QLatin1String(hint));
    return message;
}

struct ParserDeleter
{
    void operator()(fy_parser *p) const { fy_parser_destroy(p); }
};
// fy_diag_destroy, not fy_diag_unref: only destroy frees the errors the
// object collected (unref frees the object alone, and every malformed file
// leaked its messages; found by tests/fuzz/fuzz_yaml).
struct DiagDeleter
{
    void operator()(fy_diag *d) const { fy_diag_destroy(d); }
};

} // namespace

Result<YamlNode> YamlReader::parse(const QByteArray &bytes, const QString &sourceName)
{
    const QString source = sourceName.isEmpty() ? QStringLiteral("<yaml>") : sourceName;
    // Stateless: an incomplete sequence at the end is an error too (a
    // stateful decoder keeps it for a next call, and libfyaml then spun on
    // "%a\xEF" for ever; found by tests/fuzz/fuzz_models).
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        const QList<QByteArray> lines = bytes.split('\n');
        int line = 1;
        for (; line <= lines.size(); ++line) {
            QStringDecoder d(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
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
    auto failure = [&source](const Failure &f) {
        return fail(Error::Category::InvalidInput, f.message, QStringLiteral("%1:%2:%3").arg(source).arg(f.at.line + 1).arg(f.at.column + 1));
    };
    if (auto f = controlCharacter(text))
        return failure(*f);
    if (auto f = directive(text))
        return failure(*f);

    fy_diag_cfg diagCfg;
    fy_diag_cfg_default(&diagCfg);
    diagCfg.fp = nullptr;
    diagCfg.output_fn = [](fy_diag *, void *, const char *, size_t) {};
    std::unique_ptr<fy_diag, DiagDeleter> diag(fy_diag_create(&diagCfg));
    if (!diag)
        return fail(Error::Category::Internal, QStringLiteral("cannot create the YAML reader (out of memory?)"), source);
    fy_diag_set_collect_errors(diag.get(), true);
    fy_parse_cfg cfg{};
    // Sloppy flow indentation: a closing ] or } may stand at its key's
    // indentation, as people write JSON-like YAML (and Covet always read it).
    cfg.flags = fy_parse_cfg_flags(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE | FYPCF_SLOPPY_FLOW_INDENTATION);
    cfg.diag = diag.get();
    std::unique_ptr<fy_parser, ParserDeleter> parser(fy_parser_create(&cfg));
    // The bytes as given when nothing was changed above (the usual case).
    const QByteArray utf8 = bytes.startsWith("\xEF\xBB\xBF") || bytes.contains('\r') ? text.toUtf8() : bytes;
    if (!parser || fy_parser_set_string(parser.get(), utf8.constData(), size_t(utf8.size())) != 0)
        return fail(Error::Category::Internal, QStringLiteral("cannot create the YAML reader (out of memory?)"), source);

    TreeBuilder builder(source, utf8);
    try {
        while (fy_event *e = fy_parser_parse(parser.get())) {
            struct Free
            {
                fy_parser *p;
                fy_event *e;
                ~Free() { fy_parser_event_free(p, e); }
            } release{parser.get(), e};
            builder.event(e);
        }
    } catch (const Failure &f) {
        return failure(f);
    }
    if (fy_parser_get_stream_error(parser.get()) || fy_diag_got_error(diag.get())) {
        void *iter = nullptr;
        if (const fy_diag_error *err = fy_diag_errors_iterate(diag.get(), &iter)) {
            // libfyaml counts diagnostic lines and columns from 1.
            QString message = withHint(QString::fromUtf8(err->msg ? err->msg : "malformed YAML"));
            if (const QString flow = builder.openFlow(); !flow.isEmpty())
                message += QStringLiteral(", in ") + flow;
            return failure(Failure{Mark{std::max(err->line, 1) - 1, std::max(err->column, 1) - 1}, message});
        }
        return fail(Error::Category::InvalidInput, QStringLiteral("malformed YAML"), source);
    }
    return builder.result();
}

} // namespace covet
