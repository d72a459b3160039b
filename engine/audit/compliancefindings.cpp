// ComplianceReport's sections scoped by data tags and by authors: which
// executions touched protected (phi) data, which dropped, moved or copied
// personal (pii) data, which backups hold it, and which executions were
// applied by their own author.
#include "compliancereport.h"

#include "auditstatus.h"

#include "../db/dialectcapabilities.h"
#include "../sources/inspector.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace covet {

namespace {

// "pii:customers.email" lines as recorded by the runner.
QList<DataTags::Entry> recordedEntries(const AuditRow &row)
{
    QList<DataTags::Entry> out;
    for (const QString &line : row.entry.dataTags.split(u'\n', Qt::SkipEmptyParts)) {
        const QString tag = line.section(u':', 0, 0);
        const QString name = line.section(u':', 1);
        out << DataTags::Entry{tag, name.section(u'.', 0, 0), name.section(u'.', 1), QStringLiteral("audit row %1").arg(row.id)};
    }
    return out;
}

bool sameEntry(const DataTags::Entry &a, const DataTags::Entry &b)
{
    return a.tag == b.tag && a.name().compare(b.name(), Qt::CaseInsensitive) == 0;
}

bool isExecution(const AuditRow &r)
{
    return AuditStatus::isExecution(r.entry.status);
}

// Whether an author and a user are one person: the author as written, or,
// for an author as git names one ("Alice Example <alice@example.com>", what
// makemigrations writes), its name, its e-mail or the e-mail's local part.
bool sameName(const QString &author, const QString &user)
{
    const QString u = user.trimmed();
    const QString a = author.trimmed();
    if (u.isEmpty() || a.isEmpty())
        return false;
    QStringList forms{a};
    static const QRegularExpression ident(QStringLiteral("^(.*?)\\s*<([^<>@\\s]*)(@[^<>\\s]*)?>$"));
    if (const QRegularExpressionMatch m = ident.match(a); m.hasMatch())
        forms << m.captured(1) << m.captured(2) + m.captured(3) << m.captured(2);
    return std::any_of(forms.cbegin(), forms.cend(), [&](const QString &f) { return !f.isEmpty() && f.compare(u, Qt::CaseInsensitive) == 0; });
}

// Drops, moves (renames, type changes) and raw SQL (which may copy or move
// the data elsewhere) are what GDPR asks about; creating or re-indexing is not.
bool movesData(const TouchedObject &o)
{
    return o.action == u"drop" || o.action == u"rename" || o.action == u"retype" || o.action == u"sql";
}

QString verb(const TouchedObject &o)
{
    if (o.action == u"drop")
        return QStringLiteral("drops ") + o.name();
    if (o.action == u"rename")
        return QStringLiteral("moves %1 to %2 (rename)").arg(o.name(), o.newName());
    if (o.action == u"retype")
        return QStringLiteral("changes the type of ") + o.name();
    return QStringLiteral("raw SQL on %1 (may copy, move or delete it)").arg(o.name());
}

} // namespace

Status ComplianceReport::readScope(SqlExecutor &sql)
{
    effectiveTags = scope.tags;
    for (const AuditRow &row : std::as_const(rows))
        for (const DataTags::Entry &e : recordedEntries(row))
            if (std::none_of(effectiveTags.entries.cbegin(), effectiveTags.entries.cend(), [&](const DataTags::Entry &x) { return sameEntry(x, e); }))
                effectiveTags.entries << e;
    if (!scope.tags.isEmpty()) {
        // A tagged name must be in the database or in a recorded change.
        QSet<QString> known;
        auto schema = Inspector::create(sql.dialect())->inspect(sql);
        if (!schema)
            return std::unexpected(schema.error().withContext(QStringLiteral("checking the names data_tags lists")));
        for (const Table &t : schema->tables) {
            const QString table = t.schema.isEmpty() ? t.name : t.schema + u'.' + t.name;
            known.insert(table.toLower());
            for (const Column &c : t.columns)
                known.insert((table + u'.' + c.name).toLower());
        }
        AuditFilter every;
        auto all = AuditLog::all(sql, every, false);
        if (!all)
            return std::unexpected(all.error());
        for (const AuditRow &row : std::as_const(*all))
            for (const TouchedObject &o : TouchedObject::decode(row.entry.objects)) {
                known << o.table.toLower() << o.name().toLower();
                if (!o.toTable.isEmpty())
                    known << o.toTable.toLower() << o.newName().toLower();
            }
        if (Status st = scope.tags.checkKnown(known); !st)
            return st;
    }
    if (standard == Standard::Gdpr) {
        BackupStore store(sql, DialectCapabilities::of(sql.dialect()));
        auto list = store.list();
        if (!list)
            return std::unexpected(list.error().withContext(QStringLiteral("reading the backups")));
        for (const BackupRecord &b : std::as_const(*list))
            if (b.status != u"dropped")
                backups << b;
    }
    return {};
}

QList<AuditRow> ComplianceReport::touching(const QString &tag) const
{
    QList<AuditRow> out;
    for (const AuditRow &r : rows) {
        if (!isExecution(r))
            continue;
        const QList<TouchedObject> objects = TouchedObject::decode(r.entry.objects);
        if (std::any_of(objects.cbegin(), objects.cend(), [&](const TouchedObject &o) { return effectiveTags.touches(o, tag); }))
            out << r;
    }
    return out;
}

QList<ComplianceReport::PersonalDataChange> ComplianceReport::personalDataChanges() const
{
    QList<PersonalDataChange> out;
    for (const AuditRow &r : rows) {
        if (!isExecution(r))
            continue;
        PersonalDataChange c{r, {}};
        for (const TouchedObject &o : TouchedObject::decode(r.entry.objects))
            if (movesData(o) && effectiveTags.touches(o, QStringLiteral("pii")))
                c.changes << verb(o);
        if (!c.changes.isEmpty())
            out << c;
    }
    return out;
}

QList<ComplianceReport::PersonalDataBackup> ComplianceReport::personalDataBackups() const
{
    QList<PersonalDataBackup> out;
    const QDateTime now = QDateTime::fromString(generatedAt, Qt::ISODateWithMs).isValid() ? QDateTime::fromString(generatedAt, Qt::ISODateWithMs)
                                                                                         : QDateTime::currentDateTimeUtc();
    const QString pii = QStringLiteral("pii");
    for (const BackupRecord &b : backups) {
        PersonalDataBackup p{b, {}, b.takenAt.daysTo(now), {}};
        for (const BackupItem &i : b.items) {
            QStringList names;
            if (i.kind == DataAtStake::Kind::Table) {
                if (effectiveTags.touches(TouchedObject{{}, i.source()}, pii))
                    names << i.source();
            } else {
                for (const QString &c : i.columns.mid(i.key.size()))
                    if (effectiveTags.touches(TouchedObject{{}, i.source(), c}, pii))
                        names << i.source() + u'.' + c;
            }
            for (const QString &n : std::as_const(names))
                p.holds << QStringLiteral("%1 (%2 rows)").arg(n).arg(i.rows);
        }
        if (p.holds.isEmpty())
            continue;
        if (scope.backupRetentionDays > 0)
            p.removableFrom = b.takenAt.addDays(scope.backupRetentionDays).toUTC().toString(QStringLiteral("yyyy-MM-dd"));
        out << p;
    }
    return out;
}

QString ComplianceReport::untaggedNote(const QString &tag) const
{
    if (tagged(tag))
        return {};
    return QStringLiteral("No table or column is tagged %1 (data_tags in covet.yaml), and no recorded execution carries the tag: "
                          "this section cannot be scoped, and any execution above may touch such data.")
        .arg(tag);
}

QList<AuditRow> ComplianceReport::selfApplied() const
{
    QList<AuditRow> out;
    for (const AuditRow &r : rows)
        if (isExecution(r) && (sameName(r.entry.author, r.entry.user) || sameName(r.entry.author, r.entry.databaseUser)))
            out << r;
    return out;
}

QList<AuditRow> ComplianceReport::withoutAuthor() const
{
    QList<AuditRow> out;
    for (const AuditRow &r : rows)
        if (isExecution(r) && r.entry.author.trimmed().isEmpty())
            out << r;
    return out;
}

QString ComplianceReport::findingOf(const AuditRow &row) const
{
    if (!isExecution(row))
        return {};
    switch (standard) {
    case Standard::Sox:
        if (row.entry.author.trimmed().isEmpty())
            return QStringLiteral("no author");
        return sameName(row.entry.author, row.entry.user) || sameName(row.entry.author, row.entry.databaseUser)
                   ? QStringLiteral("self-applied")
                   : QString();
    case Standard::Hipaa: {
        const QList<TouchedObject> objects = TouchedObject::decode(row.entry.objects);
        const QString phi = QStringLiteral("phi");
        return std::any_of(objects.cbegin(), objects.cend(), [&](const TouchedObject &o) { return effectiveTags.touches(o, phi); })
                   ? phi
                   : QString();
    }
    case Standard::Gdpr: {
        QStringList parts;
        for (const TouchedObject &o : TouchedObject::decode(row.entry.objects))
            if (movesData(o) && effectiveTags.touches(o, QStringLiteral("pii")))
                parts << verb(o);
        if (row.entry.backupId)
            for (const PersonalDataBackup &b : personalDataBackups())
                if (b.backup.id == row.entry.backupId)
                    parts << QStringLiteral("backup %1 holds personal data").arg(b.backup.id);
        return parts.join(QStringLiteral("; "));
    }
    }
    return {};
}

QJsonObject ComplianceReport::findingsJson() const
{
    auto list = [](const QList<AuditRow> &rows) {
        QJsonArray a;
        for (const AuditRow &r : rows)
            a << r.toJson(false);
        return a;
    };
    QJsonObject o{{QStringLiteral("data_tags"), effectiveTags.describe()}};
    switch (standard) {
    case Standard::Sox:
        o.insert(QStringLiteral("self_applied"), list(selfApplied()));
        o.insert(QStringLiteral("without_author"), list(withoutAuthor()));
        o.insert(QStringLiteral("self_applied_count"), int(selfApplied().size()));
        o.insert(QStringLiteral("without_author_count"), int(withoutAuthor().size()));
        break;
    case Standard::Hipaa:
        o.insert(QStringLiteral("phi_executions"), list(touching(QStringLiteral("phi"))));
        o.insert(QStringLiteral("phi_note"), untaggedNote(QStringLiteral("phi")));
        break;
    case Standard::Gdpr: {
        QJsonArray changes;
        for (const PersonalDataChange &c : personalDataChanges()) {
            QJsonObject j = c.row.toJson(false);
            j.insert(QStringLiteral("changes"), QJsonArray::fromStringList(c.changes));
            changes << j;
        }
        QJsonArray held;
        for (const PersonalDataBackup &b : personalDataBackups()) {
            QJsonObject j = b.backup.toJson();
            j.insert(QStringLiteral("holds"), QJsonArray::fromStringList(b.holds));
            j.insert(QStringLiteral("age_days"), double(b.ageDays));
            j.insert(QStringLiteral("retention_days"), scope.backupRetentionDays);
            j.insert(QStringLiteral("removable_from"), b.removableFrom);
            held << j;
        }
        o.insert(QStringLiteral("personal_data_changes"), changes);
        o.insert(QStringLiteral("personal_data_backups"), held);
        o.insert(QStringLiteral("pii_note"), untaggedNote(QStringLiteral("pii")));
        break;
    }
    }
    return o;
}

} // namespace covet
