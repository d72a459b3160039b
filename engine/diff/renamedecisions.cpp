#include "renamedecisions.h"

#include "../core/savefile.h"
#include "../core/yamlreader.h"
#include "../core/yamlwriter.h"

#include <QFile>

#include <algorithm>
#include <tuple>

namespace covet {

QString renameKindName(RenameCandidate::Kind kind)
{
    return kind == RenameCandidate::Kind::Table ? QStringLiteral("table") : QStringLiteral("column");
}

QString renameSourceName(RenameCandidate::Source source)
{
    switch (source) {
    case RenameCandidate::Source::Score: return QStringLiteral("score");
    case RenameCandidate::Source::Hint: return QStringLiteral("hint");
    case RenameCandidate::Source::Decision: return QStringLiteral("decision");
    }
    return {};
}

QString verdictName(RenameDecisions::Verdict v)
{
    return v == RenameDecisions::Verdict::Accept ? QStringLiteral("accept") : QStringLiteral("reject");
}

namespace {

auto sortKey(const RenameDecisions::Entry &e)
{
    return std::make_tuple(int(e.kind), e.schema, e.table, e.from, e.to);
}

bool sameKey(const RenameDecisions::Entry &a, const RenameDecisions::Entry &b)
{
    return sortKey(a) == sortKey(b);
}

} // namespace

RenameDecisions::Entry RenameDecisions::keyOf(const RenameCandidate &c)
{
    Entry e;
    e.kind = c.kind;
    e.schema = c.schema;
    e.table = c.kind == RenameCandidate::Kind::Column ? c.table : QString();
    e.from = c.from;
    e.to = c.to;
    return e;
}

qsizetype RenameDecisions::find(const Entry &key) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (sameKey(m_entries.at(i), key))
            return i;
    return -1;
}

void RenameDecisions::insertSorted(const Entry &e)
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), e,
                                     [](const Entry &a, const Entry &b) { return sortKey(a) < sortKey(b); });
    m_entries.insert(it, e);
}

void RenameDecisions::setEntry(const Entry &e)
{
    const qsizetype i = find(e);
    if (i >= 0)
        m_entries[i].verdict = e.verdict;
    else
        insertSorted(e);
}

void RenameDecisions::set(const RenameCandidate &c, Verdict v)
{
    Entry e = keyOf(c);
    e.verdict = v;
    setEntry(e);
}

void RenameDecisions::merge(const RenameDecisions &other)
{
    for (const Entry &e : other.m_entries)
        setEntry(e);
}

Status RenameDecisions::mergeInto(const QString &path, const RenameDecisions &answers)
{
    RenameDecisions all;
    if (QFile::exists(path)) {
        auto existing = read(path);
        if (!existing) {
            const Error &e = existing.error();
            return fail(e.category(),
                        e.message() + QStringLiteral(" The new rename decisions were not saved: fix or move the file and run again."),
                        e.location());
        }
        all = std::move(*existing);
    }
    all.merge(answers);
    return all.save(path);
}

void RenameDecisions::remove(const RenameCandidate &c)
{
    const qsizetype i = find(keyOf(c));
    if (i >= 0)
        m_entries.removeAt(i);
}

std::optional<RenameDecisions::Verdict> RenameDecisions::verdict(const RenameCandidate &c) const
{
    const qsizetype i = find(keyOf(c));
    if (i < 0)
        return std::nullopt;
    return m_entries.at(i).verdict;
}

Result<RenameDecisions> RenameDecisions::read(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return fail(Error::Category::NotFound,
                    QStringLiteral("The rename decisions file does not exist. Check the path given to --renames."), path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("Cannot read the rename decisions file: %1.").arg(f.errorString()), path);
    return parse(f.readAll(), path);
}

Result<RenameDecisions> RenameDecisions::parse(const QByteArray &text, const QString &sourceName)
{
    const Result<YamlNode> doc = YamlReader::parse(text, sourceName);
    if (!doc)
        return std::unexpected(doc.error());
    RenameDecisions out;
    const YamlNode &root = *doc;
    auto bad = [](const YamlNode &node, const QString &message) {
        return fail(Error::Category::InvalidInput, message, node.location());
    };
    if (root.isNull())
        return out;   // an empty file: no decisions yet
    if (!root.isMapping())
        return bad(root, QStringLiteral("A rename decisions file is a mapping with a 'renames' list, not a %1.")
                             .arg(root.typeName()));
    for (qsizetype i = 0; i < root.size(); ++i) {
        const QString key = root.keyAt(i).scalar();
        if (key != u"version" && key != u"renames")
            return bad(root.keyAt(i), QStringLiteral("Unknown key '%1' in a rename decisions file; expected 'version' and 'renames'.").arg(key));
    }
    if (const YamlNode *v = root.get(QStringLiteral("version"))) {
        bool ok = false;
        const int version = v->toInt(&ok);
        if (!ok || version != 1)
            return bad(*v, QStringLiteral("Unsupported rename decisions file version '%1'; this Covet reads version 1.").arg(v->scalar()));
    }
    const YamlNode *list = root.get(QStringLiteral("renames"));
    if (!list || list->isNull())
        return out;
    if (!list->isSequence())
        return bad(*list, QStringLiteral("'renames' must be a list of {kind, table, from, to, decision} entries."));
    for (const YamlNode &item : list->items()) {
        if (!item.isMapping())
            return bad(item, QStringLiteral("Each rename decision is a mapping {kind, table, from, to, decision}."));
        static const QStringList known = {QStringLiteral("kind"), QStringLiteral("schema"), QStringLiteral("table"),
                                          QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("decision")};
        for (qsizetype k = 0; k < item.size(); ++k) {
            const QString key = item.keyAt(k).scalar();
            if (!known.contains(key))
                return bad(item.keyAt(k), QStringLiteral("Unknown key '%1' in a rename decision; expected one of %2.")
                                              .arg(key, known.join(QStringLiteral(", "))));
        }
        auto text = [&](const char *key, bool required, QString *value) -> Status {
            const YamlNode *n = item.get(QString::fromLatin1(key));
            if (!n || n->isNull()) {
                if (required)
                    return bad(item, QStringLiteral("A rename decision needs '%1'.").arg(QString::fromLatin1(key)));
                return {};
            }
            if (!n->isScalar() || n->scalar().isEmpty())
                return bad(*n, QStringLiteral("'%1' must be a non-empty name.").arg(QString::fromLatin1(key)));
            *value = n->scalar();
            return {};
        };
        Entry e;
        QString kind, decision;
        if (Status s = text("kind", false, &kind); !s)
            return std::unexpected(s.error());
        if (kind.isEmpty() || kind == u"column")
            e.kind = RenameCandidate::Kind::Column;
        else if (kind == u"table")
            e.kind = RenameCandidate::Kind::Table;
        else
            return bad(*item.get(QStringLiteral("kind")), QStringLiteral("Unknown kind '%1'; use 'column' or 'table'.").arg(kind));
        for (const auto &[key, required, target] :
             {std::tuple{"schema", false, &e.schema}, std::tuple{"table", e.kind == RenameCandidate::Kind::Column, &e.table},
              std::tuple{"from", true, &e.from}, std::tuple{"to", true, &e.to}, std::tuple{"decision", true, &decision}}) {
            if (Status s = text(key, required, target); !s)
                return std::unexpected(s.error());
        }
        if (e.kind == RenameCandidate::Kind::Table)
            e.table.clear();
        const YamlNode *dn = item.get(QStringLiteral("decision"));
        if (decision == u"accept" || decision == u"accepted")
            e.verdict = Verdict::Accept;
        else if (decision == u"reject" || decision == u"rejected")
            e.verdict = Verdict::Reject;
        else
            return bad(*dn, QStringLiteral("Unknown decision '%1'; use 'accept' or 'reject'.").arg(decision));
        const qsizetype existing = out.find(e);
        if (existing >= 0) {
            if (out.m_entries.at(existing).verdict != e.verdict)
                return bad(item, QStringLiteral("Conflicting decisions for %1 %2 -> %3: accepted and rejected. Keep one.")
                                     .arg(renameKindName(e.kind), e.from, e.to));
            continue;
        }
        out.insertSorted(e);
    }
    return out;
}

QByteArray RenameDecisions::write() const
{
    YamlNode root = YamlNode::mapping();
    root.insert(QStringLiteral("version"), YamlNode::integer(1));
    YamlNode list = YamlNode::sequence();
    for (const Entry &e : m_entries) {
        YamlNode item = YamlNode::mapping();
        item.insert(QStringLiteral("kind"), YamlNode::string(renameKindName(e.kind)));
        if (!e.schema.isEmpty())
            item.insert(QStringLiteral("schema"), YamlNode::string(e.schema));
        if (e.kind == RenameCandidate::Kind::Column)
            item.insert(QStringLiteral("table"), YamlNode::string(e.table));
        item.insert(QStringLiteral("from"), YamlNode::string(e.from));
        item.insert(QStringLiteral("to"), YamlNode::string(e.to));
        item.insert(QStringLiteral("decision"), YamlNode::string(verdictName(e.verdict)));
        list.append(item);
    }
    root.insert(QStringLiteral("renames"), list);
    return "# Covet rename decisions: pairs accepted or rejected whatever their score.\n" + YamlWriter::write(root);
}

Status RenameDecisions::save(const QString &path) const
{
    return SaveFile::write(path, write(), QStringLiteral("rename decisions file"), true);
}

} // namespace covet
