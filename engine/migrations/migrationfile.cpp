#include "migrationfile.h"

#include "../core/savefile.h"
#include "../core/yamljson.h"
#include "../core/yamlreader.h"
#include "../core/yamlwriter.h"
#include "../operations/operationjson.h"
#include "../operations/operationshape.h"
#include "../safety/riskanalyzer.h"
#include "../sql/sqlfragmentcheck.h"
#include "checksum.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

namespace covet {

namespace {

// What a YAML migration may hold: every other key is an error.
const YamlShape &migrationShape()
{
    static const YamlShape s = YamlShape::mapping({{"id", {}}, {"description", {}}, {"author", {}}, {"dependencies", {}}, {"replaces", {}},
                                                   {"transactional", {}},
                                                   {"safety", YamlShape::mapping({{"acknowledge", {}}, {"reason", {}}})},
                                                   {"operations", YamlShape::listOf(OperationShape::operation())}});
    return s;
}
// The order fields are written in; the rest follow alphabetically.
const QStringList kLeadingKeys = {QStringLiteral("op"), QStringLiteral("schema"), QStringLiteral("table"), QStringLiteral("name"),
                                  QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("type"), QStringLiteral("nullable"),
                                  QStringLiteral("default"), QStringLiteral("column"), QStringLiteral("columns")};

Error invalid(const QString &message, const QString &source, int line)
{
    return Error(Error::Category::InvalidInput, message, line > 0 ? QStringLiteral("%1:%2").arg(source).arg(line) : source);
}

// Checks what both formats refuse and returns the text with LF line endings.
Result<QString> decodeText(const QByteArray &content, const QString &source)
{
    if (content.size() > MigrationFile::maxFileSize)
        return std::unexpected(invalid(QStringLiteral("the file is %1 bytes; migration files are limited to %2 bytes "
                                                      "(move bulk data out of migrations)")
                                           .arg(content.size()).arg(MigrationFile::maxFileSize), source, 0));
    int line = 1;
    for (qsizetype i = 0; i < content.size(); ++i) {
        const char c = content.at(i);
        if (c == '\n') {
            ++line;
        } else if (c == '\r') {
            if (i + 1 >= content.size() || content.at(i + 1) != '\n')
                return std::unexpected(invalid(QStringLiteral("line ends with a lone carriage return (CR); "
                                                              "save the file with LF or CRLF line endings"), source, line));
        } else if (c == '\0') {
            return std::unexpected(invalid(QStringLiteral("the file holds a NUL byte; a migration file is UTF-8 text"), source, line));
        } else if (uchar(c) < 0x20 && c != '\t') {
            return std::unexpected(invalid(QStringLiteral("control character 0x%1; a migration file is UTF-8 text")
                                               .arg(int(c), 2, 16, QLatin1Char('0')), source, line));
        }
    }
    // Stateless: a sequence cut off at the end of the file is an error too.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    QString text = decoder(content);
    if (decoder.hasError()) {
        const qsizetype bad = text.indexOf(QChar::ReplacementCharacter);
        const int badLine = bad < 0 ? 0 : int(text.left(bad).count(u'\n')) + 1;
        return std::unexpected(invalid(QStringLiteral("invalid UTF-8; save the file as UTF-8"), source, badLine));
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return text;
}

Result<QStringList> idList(const YamlNode &node, const QString &key, const QString &source)
{
    QStringList ids;
    if (node.isNull())
        return ids;
    if (!node.isSequence())
        return std::unexpected(invalid(QStringLiteral("'%1' must be a list of migration ids, e.g. [0001_initial]").arg(key),
                                       source, node.line()));
    for (const YamlNode &item : node.items()) {
        if (!item.isScalar() || !Migration::parseId(item.scalar()))
            return std::unexpected(invalid(QStringLiteral("'%1' lists '%2', which is not a migration id (NNNN_name, e.g. 0001_initial)")
                                               .arg(key, item.isScalar() ? item.scalar() : item.typeName()),
                                           source, item.line()));
        if (ids.contains(item.scalar()))
            return std::unexpected(invalid(QStringLiteral("'%1' lists %2 twice").arg(key, item.scalar()), source, item.line()));
        ids << item.scalar();
    }
    return ids;
}

// The node at a path such as "definition.columns[2].default" below node.
const YamlNode *nodeAt(const YamlNode &node, const QString &path)
{
    static const QRegularExpression segment(QStringLiteral("^([^\\[]+)((?:\\[\\d+\\])*)$"));
    const YamlNode *n = &node;
    for (const QString &part : path.split(u'.')) {
        const QRegularExpressionMatch m = segment.match(part);
        if (!m.hasMatch() || !n->isMapping() || !(n = n->get(m.captured(1))))
            return nullptr;
        static const QRegularExpression index(QStringLiteral("\\[(\\d+)\\]"));
        for (auto it = index.globalMatch(m.captured(2)); it.hasNext();) {
            const qsizetype i = it.next().captured(1).toLongLong();
            if (!n->isSequence() || i >= n->size())
                return nullptr;
            n = &n->at(i);
        }
    }
    return n;
}

Status parseOperations(const YamlNode &node, const QString &source, OperationList *out)
{
    if (!node.isSequence() && !node.isNull())
        return std::unexpected(invalid(QStringLiteral("'operations' must be a list of operations (\"- op: add_column\" ...)"),
                                       source, node.line()));
    // SQL texts that are not what their field says (a default holding a
    // statement, ...): every one in the file is reported.
    QList<Error> sqlProblems;
    for (qsizetype i = 0; i < node.size(); ++i) {
        const YamlNode &item = node.at(i);
        const QString where = QStringLiteral("operations[%1]").arg(i);
        if (!item.isMapping())
            return std::unexpected(invalid(QStringLiteral("%1 must be a mapping with an 'op' field, not a %2").arg(where, item.typeName()),
                                           source, item.line()));
        auto op = OperationJson::fromJson(YamlJson::toJson(item).toObject(), where);
        if (!op)
            return std::unexpected(invalid(QStringLiteral("%1: %2").arg(op.error().location(), op.error().message()), source, item.line()));
        QString path;
        if (const YamlNode *lost = YamlJson::firstLostField(item, OperationJson::toJson(*op), &path))
            return std::unexpected(invalid(QStringLiteral("%1 (%2): field '%3' is not understood: an unknown field or a value of "
                                                          "the wrong type (quote SQL text that reads as a number or boolean, e.g. '0')")
                                               .arg(where, OperationJson::name(*op), path),
                                           source, lost->line() > 0 ? lost->line() : item.line()));
        for (const SqlFragmentCheck::Finding &f : SqlFragmentCheck::checkOperation(*op)) {
            const YamlNode *field = nodeAt(item, f.path);
            sqlProblems << Error(Error::Category::InvalidInput,
                                 QStringLiteral("%1 (%2): field '%3' cannot hold this SQL: %4")
                                     .arg(where, OperationJson::name(*op), f.path, f.message),
                                 field ? field->locationWithColumn() : item.locationWithColumn());
        }
        out->append(*op);
    }
    if (sqlProblems.size() == 1)
        return std::unexpected(sqlProblems.first());
    if (!sqlProblems.isEmpty()) {
        QStringList lines;
        for (const Error &e : std::as_const(sqlProblems))
            lines << QStringLiteral("  ") + e.toString();
        return std::unexpected(Error(Error::Category::InvalidInput,
                                     QStringLiteral("%1 fields hold SQL they cannot hold (only run_sql carries statements):\n%2")
                                         .arg(sqlProblems.size()).arg(lines.join(u'\n')),
                                     sqlProblems.first().location()));
    }
    return {};
}

// Rule names a migration may acknowledge, checked so that a misspelt one
// does not leave a finding silently unacknowledged.
Status checkRules(const QStringList &rules, const QString &source, int line)
{
    for (const QString &r : rules)
        if (r != u"all" && !RiskAnalyzer::ruleNames().contains(r))
            return std::unexpected(invalid(QStringLiteral("'%1' is not a safety rule; the rules are: all, %2 (docs/safety.md)")
                                               .arg(r, RiskAnalyzer::ruleNames().join(QStringLiteral(", "))),
                                           source, line));
    return {};
}

// safety: {acknowledge: [RULE...], reason: "..."}
Status parseSafety(const YamlNode &node, const QString &source, Migration &m)
{
    if (!node.isMapping())
        return std::unexpected(invalid(QStringLiteral("'safety' is a mapping: {acknowledge: [drop-column], reason: \"...\"}"), source, node.line()));
    for (qsizetype i = 0; i < node.size(); ++i) {
        const YamlNode &key = node.keyAt(i);
        if (key.scalar() != u"acknowledge" && key.scalar() != u"reason")
            return std::unexpected(invalid(QStringLiteral("unknown key 'safety.%1'; 'safety' has acknowledge and reason").arg(key.scalar()),
                                           source, key.line()));
    }
    const YamlNode *ack = node.get(QStringLiteral("acknowledge"));
    if (!ack || !ack->isSequence() || ack->size() == 0)
        return std::unexpected(invalid(QStringLiteral("'safety.acknowledge' must list the rules acknowledged, e.g. [drop-column]"), source,
                                       ack ? ack->line() : node.line()));
    for (const YamlNode &item : ack->items()) {
        if (!item.isScalar())
            return std::unexpected(invalid(QStringLiteral("'safety.acknowledge' lists rule names"), source, item.line()));
        m.acknowledged << item.scalar();
    }
    if (Status st = checkRules(m.acknowledged, source, ack->line()); !st)
        return st;
    const YamlNode *reason = node.get(QStringLiteral("reason"));
    if (!reason || !reason->isScalar() || reason->scalar().trimmed().isEmpty())
        return std::unexpected(invalid(QStringLiteral("'safety.reason' must say why the risk is accepted (it goes to the audit log)"), source,
                                       reason ? reason->line() : node.line()));
    m.acknowledgement = reason->scalar().trimmed();
    return {};
}

Result<Migration> parseYaml(const QString &text, Migration m, const QString &source)
{
    auto doc = YamlReader::parse(text.toUtf8(), source);
    if (!doc)
        return std::unexpected(doc.error());
    if (!doc->isMapping())
        return std::unexpected(invalid(QStringLiteral("a YAML migration is a mapping with 'description', 'dependencies' and "
                                                      "'operations'; found %1").arg(doc->typeName()), source, doc->line()));
    // Every unknown key, at every level, whatever its value: a misspelt
    // "nulable: false" must not leave the column NULL-able unseen.
    if (auto unknown = migrationShape().check(*doc, source))
        return std::unexpected(*unknown);
    if (const YamlNode *id = doc->get(QStringLiteral("id")); id && id->scalar() != m.id)
        return std::unexpected(invalid(QStringLiteral("id '%1' does not match the file name; it must be %2").arg(id->scalar(), m.id),
                                       source, id->line()));
    if (const YamlNode *d = doc->get(QStringLiteral("description"))) {
        if (!d->isScalar() && !d->isNull())
            return std::unexpected(invalid(QStringLiteral("'description' must be text"), source, d->line()));
        m.description = d->scalar();
    }
    if (const YamlNode *a = doc->get(QStringLiteral("author"))) {
        if (!a->isScalar() || a->scalar().trimmed().isEmpty() || a->scalar().contains(u'\n'))
            return std::unexpected(invalid(QStringLiteral("'author' must be a name on one line, e.g. author: Alice Example"), source, a->line()));
        m.author = a->scalar().trimmed();
    }
    for (const QString &key : {QStringLiteral("dependencies"), QStringLiteral("replaces")}) {
        const YamlNode *n = doc->get(key);
        auto ids = n ? idList(*n, key, source) : Result<QStringList>();
        if (!ids)
            return std::unexpected(ids.error());
        (key == u"replaces" ? m.replaces : m.dependencies) = *ids;
        if (key == u"dependencies" && n)
            m.dependenciesDeclared = true;
    }
    if (const YamlNode *t = doc->get(QStringLiteral("transactional"))) {
        bool ok = false;
        m.transactional = t->toBool(&ok);
        if (!ok || t->isQuoted())
            return std::unexpected(invalid(QStringLiteral("'transactional' must be true or false"), source, t->line()));
    }
    if (const YamlNode *safety = doc->get(QStringLiteral("safety"))) {
        if (Status st = parseSafety(*safety, source, m); !st)
            return std::unexpected(st.error());
    }
    const YamlNode *ops = doc->get(QStringLiteral("operations"));
    if (!ops)
        return std::unexpected(invalid(QStringLiteral("no 'operations' list; write \"operations: []\" for an empty migration"),
                                       source, doc->line()));
    if (Status st = parseOperations(*ops, source, &m.operations); !st)
        return std::unexpected(st.error());
    m.checksum = Checksum::ofYaml(*doc);
    return m;
}

struct SqlDirective
{
    QString name;
    QString argument;
};

std::optional<SqlDirective> directive(const QString &line)
{
    static const QRegularExpression re(QStringLiteral("^\\s*--\\s*covet:([A-Za-z_-]+)(?:\\s+(.*?))?\\s*$"));
    const auto match = re.match(line);
    if (!match.hasMatch())
        return std::nullopt;
    return SqlDirective{match.captured(1), match.captured(2)};
}

Status addIds(const QString &argument, const QString &what, int line, const QString &source, QStringList *ids)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    const QStringList parts = argument.split(separators, Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return std::unexpected(invalid(QStringLiteral("'-- covet:%1' needs migration ids, e.g. \"-- covet:%1 0001_initial\"").arg(what),
                                       source, line));
    for (const QString &id : parts) {
        if (!Migration::parseId(id))
            return std::unexpected(invalid(QStringLiteral("'%1' is not a migration id (NNNN_name, e.g. 0001_initial)").arg(id), source, line));
        if (ids->contains(id))
            return std::unexpected(invalid(QStringLiteral("%1 is listed twice").arg(id), source, line));
        *ids << id;
    }
    return {};
}

QString trimmedSection(const QStringList &lines, int first, int last, int *firstLine)
{
    // Drop leading and trailing blank lines, remembering the file line.
    while (first <= last && lines.at(first).trimmed().isEmpty())
        ++first;
    while (last >= first && lines.at(last).trimmed().isEmpty())
        --last;
    *firstLine = first + 1;
    return lines.mid(first, last - first + 1).join(u'\n');
}

Result<Migration> parseSql(const QString &text, Migration m, const QString &source)
{
    m.format = Migration::Format::Sql;
    const QStringList lines = text.split(u'\n');
    int upMarker = -1;
    int downMarker = -1;
    QStringList comments;
    bool explicitDescription = false;
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const auto d = directive(lines.at(i));
        const bool inHeader = upMarker < 0;
        if (!d) {
            const QString t = lines.at(i).trimmed();
            if (inHeader && t.startsWith(QLatin1String("--"))) {
                comments << t.mid(2).trimmed();
            } else if (inHeader && !t.isEmpty()) {
                return std::unexpected(invalid(QStringLiteral("SQL before \"-- covet:up\"; statements belong under "
                                                              "\"-- covet:up\" or \"-- covet:down\""), source, lineNo));
            }
            continue;
        }
        const QString name = d->name.toLower();
        const bool headerOnly = name == u"depends" || name == u"replaces" || name == u"non-transactional" || name == u"description"
            || name == u"acknowledge" || name == u"author";
        if (headerOnly && !inHeader)
            return std::unexpected(invalid(QStringLiteral("\"-- covet:%1\" must come before \"-- covet:up\"").arg(name), source, lineNo));
        if (name == u"up" || name == u"down") {
            if (!d->argument.isEmpty())
                return std::unexpected(invalid(QStringLiteral("\"-- covet:%1\" stands on a line of its own").arg(name), source, lineNo));
            int &marker = name == u"up" ? upMarker : downMarker;
            if (marker >= 0)
                return std::unexpected(invalid(QStringLiteral("a second \"-- covet:%1\" section (the first is on line %2)")
                                                   .arg(name).arg(marker + 1), source, lineNo));
            if (name == u"down" && upMarker < 0)
                return std::unexpected(invalid(QStringLiteral("\"-- covet:down\" before \"-- covet:up\"; the up section comes first"),
                                               source, lineNo));
            marker = i;
        } else if (name == u"depends" || name == u"replaces") {
            if (Status st = addIds(d->argument, name, lineNo, source, name == u"depends" ? &m.dependencies : &m.replaces); !st)
                return std::unexpected(st.error());
            if (name == u"depends")
                m.dependenciesDeclared = true;
        } else if (name == u"non-transactional") {
            m.transactional = false;
        } else if (name == u"description") {
            m.description = d->argument;
            explicitDescription = true;
        } else if (name == u"author") {
            if (d->argument.trimmed().isEmpty())
                return std::unexpected(invalid(QStringLiteral("\"-- covet:author\" needs the author's name: \"-- covet:author Alice Example\""),
                                               source, lineNo));
            if (!m.author.isEmpty())
                return std::unexpected(invalid(QStringLiteral("a second \"-- covet:author\"; a migration has one author"), source, lineNo));
            m.author = d->argument.trimmed();
        } else if (name == u"acknowledge") {
            // -- covet:acknowledge drop-column, drop-table: the reason
            const qsizetype colon = d->argument.indexOf(u':');
            static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
            const QStringList rules = d->argument.left(colon < 0 ? d->argument.size() : colon).split(separators, Qt::SkipEmptyParts);
            const QString reason = colon < 0 ? QString() : d->argument.mid(colon + 1).trimmed();
            if (rules.isEmpty() || reason.isEmpty())
                return std::unexpected(invalid(QStringLiteral("\"-- covet:acknowledge\" needs the rules and the reason: "
                                                              "\"-- covet:acknowledge drop-column: the column is unused since v2\""),
                                               source, lineNo));
            if (Status st = checkRules(rules, source, lineNo); !st)
                return std::unexpected(st.error());
            m.acknowledged << rules;
            m.acknowledgement = reason;
        } else {
            return std::unexpected(invalid(QStringLiteral("unknown directive \"-- covet:%1\"; known: up, down, depends, replaces, "
                                                          "non-transactional, description, author, acknowledge").arg(d->name), source, lineNo));
        }
    }
    if (upMarker < 0)
        return std::unexpected(invalid(QStringLiteral("no \"-- covet:up\" line; a SQL migration has \"-- covet:up\" "
                                                      "(and optionally \"-- covet:down\") sections"), source, 0));
    const int upEnd = downMarker < 0 ? int(lines.size()) - 1 : downMarker - 1;
    m.upSql = trimmedSection(lines, upMarker + 1, upEnd, &m.upLine);
    if (m.upSql.isEmpty())
        return std::unexpected(invalid(QStringLiteral("the \"-- covet:up\" section is empty"), source, upMarker + 1));
    if (downMarker >= 0) {
        m.hasDown = true;
        m.downSql = trimmedSection(lines, downMarker + 1, int(lines.size()) - 1, &m.downLine);
    }
    if (!explicitDescription)
        m.description = comments.join(u' ').trimmed();
    m.checksum = Checksum::ofSql(text);
    return m;
}

QByteArray serializeSql(const Migration &m)
{
    QString out;
    if (!m.description.isEmpty())
        out += QStringLiteral("-- covet:description %1\n").arg(QString(m.description).replace(u'\n', u' '));
    if (!m.author.isEmpty())
        out += QStringLiteral("-- covet:author %1\n").arg(m.author);
    if (!m.dependencies.isEmpty())
        out += QStringLiteral("-- covet:depends %1\n").arg(m.dependencies.join(u' '));
    if (!m.replaces.isEmpty())
        out += QStringLiteral("-- covet:replaces %1\n").arg(m.replaces.join(u' '));
    if (!m.transactional)
        out += QStringLiteral("-- covet:non-transactional\n");
    if (!m.acknowledged.isEmpty())
        out += QStringLiteral("-- covet:acknowledge %1: %2\n").arg(m.acknowledged.join(QStringLiteral(", ")), m.acknowledgement);
    if (!out.isEmpty())
        out += u'\n';
    out += QStringLiteral("-- covet:up\n") + m.upSql + u'\n';
    if (m.hasDown)
        out += QStringLiteral("\n-- covet:down\n") + m.downSql + u'\n';
    return out.toUtf8();
}

} // namespace

Result<Migration> MigrationFile::read(const QString &path)
{
    const QFileInfo info(path);
    if (!Migration::isValidFileName(info.fileName()))
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("'%1' is not a migration file name; use NNNN_name.yaml or NNNN_name.sql "
                                   "(four digits — from 10000 on, the number without leading zeros — then lowercase letters, digits and _)").arg(info.fileName()),
                    path);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::Category::NotFound, QStringLiteral("cannot read the migration file: %1").arg(f.errorString()), path);
    if (f.size() > maxFileSize)
        return std::unexpected(invalid(QStringLiteral("the file is %1 bytes; migration files are limited to %2 bytes "
                                                      "(move bulk data out of migrations)").arg(f.size()).arg(maxFileSize), path, 0));
    return parse(f.read(maxFileSize + 1), info.fileName(), path);
}

Result<Migration> MigrationFile::parse(const QByteArray &content, const QString &fileName, const QString &sourceName)
{
    const QString source = sourceName.isEmpty() ? fileName : sourceName;
    if (!Migration::isValidFileName(fileName))
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("'%1' is not a migration file name; use NNNN_name.yaml or NNNN_name.sql").arg(fileName), source);
    Migration m;
    m.id = fileName.section(u'.', 0, 0);
    const auto parts = Migration::parseId(m.id);
    if (!parts)
        return fail(Error::Category::InvalidInput, QStringLiteral("migration numbers start at 0001"), source);
    m.number = parts->number;
    m.name = parts->name;
    m.sourcePath = sourceName;
    auto text = decodeText(content, source);
    if (!text)
        return std::unexpected(text.error());
    auto result = fileName.endsWith(QLatin1String(".sql")) ? parseSql(*text, m, source) : parseYaml(*text, m, source);
    if (!result)
        return result;
    for (const QString &dep : std::as_const(result->dependencies)) {
        if (dep == m.id)
            return fail(Error::Category::InvalidInput, QStringLiteral("the migration depends on itself"), source);
        if (result->replaces.contains(dep))
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("%1 is both a dependency and replaced by this migration").arg(dep), source);
    }
    return result;
}

YamlNode MigrationFile::toYaml(const Migration &m)
{
    YamlNode doc = YamlNode::mapping();
    doc.insert(QStringLiteral("id"), YamlNode::string(m.id));
    if (!m.description.isEmpty())
        doc.insert(QStringLiteral("description"), YamlNode::string(m.description));
    if (!m.author.isEmpty())
        doc.insert(QStringLiteral("author"), YamlNode::string(m.author));
    doc.insert(QStringLiteral("dependencies"), YamlNode::stringList(m.dependencies));
    if (!m.replaces.isEmpty())
        doc.insert(QStringLiteral("replaces"), YamlNode::stringList(m.replaces));
    if (!m.transactional)
        doc.insert(QStringLiteral("transactional"), YamlNode::boolean(false));
    if (!m.acknowledged.isEmpty()) {
        YamlNode safety = YamlNode::mapping();
        safety.insert(QStringLiteral("acknowledge"), YamlNode::stringList(m.acknowledged));
        safety.insert(QStringLiteral("reason"), YamlNode::string(m.acknowledgement));
        doc.insert(QStringLiteral("safety"), safety);
    }
    YamlNode ops = YamlNode::sequence();
    for (const Operation &op : m.operations)
        ops.append(YamlJson::fromJson(OperationJson::toJson(op), kLeadingKeys));
    doc.insert(QStringLiteral("operations"), ops);
    return doc;
}

QByteArray MigrationFile::serialize(const Migration &m)
{
    if (m.isSql())
        return serializeSql(m);
    return QByteArrayLiteral("# A Covet migration: data, never code. Once applied, do not edit it\n"
                             "# (its checksum is recorded); write a new migration instead.\n")
        + YamlWriter::write(toYaml(m));
}

Status MigrationFile::write(const Migration &m, const QString &path, bool overwrite)
{
    return SaveFile::write(path, serialize(m), QStringLiteral("migration file"), overwrite);
}

} // namespace covet
