#include "compliancereport.h"

#include "auditstatus.h"

#include "../core/localuser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace covet {

namespace {

QList<ComplianceReport::Requirement> requirementsOf(const ComplianceReport &r)
{
    const bool empty = r.chain.intact() && (!r.chain.tableExists || r.chain.rows == 0);
    const QString chain = empty ? QStringLiteral("NO AUDIT ROWS: %1.").arg(r.chain.message())
                          : r.chain.intact()
                              ? QStringLiteral("The hash chain over the audit table verifies: no row was edited, deleted, "
                                               "inserted or reordered (%1 rows checked), and no migration applied after its last row lacks "
                                               "its row%2.")
                                    .arg(r.chain.rows)
                                    .arg(r.chain.notCovered.isEmpty()
                                             ? QString()
                                             : QStringLiteral("; BUT %1 migration(s) applied while the log was kept have no row (%2): the log was off when "
                                                              "they ran, or the newest rows were deleted before a later run")
                                                   .arg(r.chain.notCovered.size())
                                                   .arg(r.chain.notCovered.join(QStringLiteral(", "))))
                          : r.chain.kind == ChainVerification::Break::Missing
                              ? QStringLiteral("THE AUDIT LOG IS MISSING ROWS: %1. The records below cannot be relied on without investigation.")
                                    .arg(r.chain.detail)
                              : QStringLiteral("THE HASH CHAIN IS BROKEN: %1. The records below cannot be relied on "
                                               "without investigation.")
                                    .arg(r.chain.message());
    const QString who = QStringLiteral("%1 executions by %2.").arg(r.statistics.executions).arg(r.statistics.users.isEmpty()
                                                                                                    ? QStringLiteral("nobody")
                                                                                                    : r.statistics.users.join(QStringLiteral(", ")));
    const QString failures = QStringLiteral("%1 failed, %2 cancelled, %3 rollbacks; each is listed with its error.")
                                 .arg(r.statistics.failures)
                                 .arg(r.statistics.cancelled)
                                 .arg(r.statistics.rollbacks);
    switch (r.standard) {
    case ComplianceReport::Standard::Sox:
        return {{QStringLiteral("Every change to the production database is recorded: who made it, what it was, when and where."),
                 who + QStringLiteral(" Each row names the OS user, host, database user, environment, start and finish time and the SQL.")},
                {QStringLiteral("The change that ran is the change that was reviewed."),
                 QStringLiteral("Each row holds the checksum of the migration file as it was applied; compare it with the reviewed file.")},
                {QStringLiteral("Approvals and risk acceptances are on record (change authorisation)."),
                 QStringLiteral("%1 executions carried an acknowledgement (accepted risk, confirmed data loss, or a rule the migration "
                                "acknowledged).")
                     .arg(r.acknowledged().size())},
                {QStringLiteral("Segregation of duties: the person who applies a change is not the one who wrote it."),
                 QStringLiteral("%1 executions were applied by the migration's own author (listed below as exceptions); %2 executions "
                                "ran migrations that name no author (`author:` / \"-- covet:author\"), so for them it cannot be shown.")
                     .arg(r.selfApplied().size())
                     .arg(r.withoutAuthor().size())},
                {QStringLiteral("Failed and reversed changes are visible."), failures},
                {QStringLiteral("The change log itself is tamper-evident."), chain}};
    case ComplianceReport::Standard::Hipaa:
        return {{QStringLiteral("§164.312(b) Audit controls: mechanisms that record and examine activity in systems holding "
                                "electronic protected health information."),
                 who + QStringLiteral(" Every schema change is recorded with the person, host, database user and time.")},
                {QStringLiteral("§164.312(b) Activity in systems holding protected health information: who touched it, and when."),
                 r.tagged(QStringLiteral("phi"))
                     ? QStringLiteral("%1 executions changed tables tagged phi (%2); each is listed below with the OS user, database "
                                      "user, host, time and environment.")
                           .arg(r.touching(QStringLiteral("phi")).size())
                           .arg(r.effectiveTags.describe(QStringLiteral("phi")))
                     : r.untaggedNote(QStringLiteral("phi"))},
                {QStringLiteral("§164.312(c)(1) Integrity: protect the information from improper alteration or destruction."),
                 QStringLiteral("%1 rows or values were at stake in destructive changes; %2 executions took a backup first.")
                     .arg(r.statistics.rowsAtRisk)
                     .arg(r.statistics.withBackup)},
                {QStringLiteral("§164.308(a)(1)(ii)(D) Information system activity review: the records are reviewed regularly."),
                 failures + QStringLiteral(" Review this report for every period.")},
                {QStringLiteral("The audit record cannot be altered unnoticed."), chain}};
    case ComplianceReport::Standard::Gdpr:
        return {{QStringLiteral("Art. 30 Records of processing: keep a record of what is done with personal data and by whom."),
                 who + QStringLiteral(" Every change to the structures holding the data is listed with its SQL.")},
                {QStringLiteral("Art. 32 Security of processing: the ability to restore data and to test the measures regularly."),
                 QStringLiteral("%1 rows or values were destroyed or put at stake; %2 executions took a backup first (see the backup ids "
                                "below; `covet backup list` shows their retention).")
                     .arg(r.statistics.rowsAtRisk)
                     .arg(r.statistics.withBackup)},
                {QStringLiteral("Art. 30 and 5(1)(e): changes that drop, move or copy personal data, and copies of it kept in backups."),
                 r.tagged(QStringLiteral("pii"))
                     ? QStringLiteral("%1 executions dropped, moved or copied columns tagged pii (%2); %3 backups still hold such data "
                                      "(retention: %4).")
                           .arg(r.personalDataChanges().size())
                           .arg(r.effectiveTags.describe(QStringLiteral("pii")))
                           .arg(r.personalDataBackups().size())
                           .arg(r.scope.backupRetentionDays > 0 ? QStringLiteral("%1 days").arg(r.scope.backupRetentionDays)
                                                                : QStringLiteral("kept until dropped by hand"))
                     : r.untaggedNote(QStringLiteral("pii"))},
                {QStringLiteral("Art. 5(2) Accountability: be able to show what happened."), failures + u' ' + chain}};
    }
    return {};
}

QString csvField(const QString &v)
{
    if (!v.contains(u',') && !v.contains(u'"') && !v.contains(u'\n') && !v.contains(u'\r'))
        return v;
    QString q = v;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

} // namespace

QString ComplianceReport::standardName(Standard s)
{
    switch (s) {
    case Standard::Sox: return QStringLiteral("sox");
    case Standard::Hipaa: return QStringLiteral("hipaa");
    case Standard::Gdpr: return QStringLiteral("gdpr");
    }
    return QStringLiteral("sox");
}

std::optional<ComplianceReport::Standard> ComplianceReport::standardFromName(const QString &name)
{
    for (Standard s : {Standard::Sox, Standard::Hipaa, Standard::Gdpr})
        if (standardName(s) == name.toLower())
            return s;
    return std::nullopt;
}

QString ComplianceReport::title() const
{
    switch (standard) {
    case Standard::Sox: return QStringLiteral("SOX change-control evidence");
    case Standard::Hipaa: return QStringLiteral("HIPAA audit controls (§164.312(b))");
    case Standard::Gdpr: return QStringLiteral("GDPR records of processing and security (Art. 30, 32)");
    }
    return {};
}

QStringList ComplianceReport::people() const
{
    struct Counts
    {
        int all = 0, applied = 0, rolledBack = 0, failed = 0;
    };
    QMap<QString, Counts> by;
    for (const AuditRow &r : rows) {
        const QString who = r.entry.databaseUser.isEmpty() || r.entry.databaseUser == r.entry.user
                                ? r.entry.user
                                : QStringLiteral("%1 (database user %2)").arg(r.entry.user, r.entry.databaseUser);
        if (!AuditStatus::isExecution(r.entry.status))
            continue;
        Counts &c = by[who];
        ++c.all;
        if (r.entry.status != AuditStatus::Success)
            ++c.failed;
        else if (r.entry.direction == u"rollback")
            ++c.rolledBack;
        else
            ++c.applied;
    }
    QStringList out;
    for (auto it = by.cbegin(); it != by.cend(); ++it)
        out << QStringLiteral("%1: %2 executions (%3 applied, %4 rolled back, %5 failed or cancelled)")
                   .arg(it.key())
                   .arg(it->all)
                   .arg(it->applied)
                   .arg(it->rolledBack)
                   .arg(it->failed);
    return out;
}

QList<AuditRow> ComplianceReport::failures() const
{
    QList<AuditRow> out;
    for (const AuditRow &r : rows)
        if (AuditStatus::isExecution(r.entry.status) && r.entry.status != AuditStatus::Success)
            out << r;
    return out;
}

QList<AuditRow> ComplianceReport::rollbacks() const
{
    QList<AuditRow> out;
    for (const AuditRow &r : rows)
        if (AuditStatus::isExecution(r.entry.status) && r.entry.direction == u"rollback")
            out << r;
    return out;
}

QList<AuditRow> ComplianceReport::acknowledged() const
{
    QList<AuditRow> out;
    for (const AuditRow &r : rows)
        if (!r.entry.acknowledged.isEmpty())
            out << r;
    return out;
}

Result<ComplianceReport> ComplianceReport::build(SqlExecutor &sql, Standard standard, const AuditFilter &filter, const QString &database,
                                                 const ComplianceScope &scope)
{
    ComplianceReport r;
    r.standard = standard;
    r.database = database;
    r.generatedAt = LocalUser::nowUtc();
    r.generatedBy = LocalUser::atHost();
    r.filter = filter;
    auto chain = AuditChain::verify(sql);
    if (!chain)
        return std::unexpected(chain.error());
    r.chain = *chain;
    auto stats = AuditStatistics::compute(sql, filter);
    if (!stats)
        return std::unexpected(stats.error());
    r.statistics = *stats;
    auto rows = AuditLog::all(sql, filter);
    if (!rows)
        return std::unexpected(rows.error());
    r.rows = *rows;
    r.scope = scope;
    if (Status st = r.readScope(sql); !st)
        return std::unexpected(st.error());
    r.requirements = requirementsOf(r);
    return r;
}

QByteArray ComplianceReport::toJson() const
{
    QJsonArray reqs;
    for (const Requirement &q : requirements)
        reqs << QJsonObject{{QStringLiteral("asks"), q.asks}, {QStringLiteral("answer"), q.answer}};
    QJsonArray list;
    for (const AuditRow &row : rows)
        list << row.toJson();
    const QJsonObject o{{QStringLiteral("standard"), standardName(standard)},
                        {QStringLiteral("title"), title()},
                        {QStringLiteral("database"), database},
                        {QStringLiteral("generated_at"), generatedAt},
                        {QStringLiteral("generated_by"), generatedBy},
                        {QStringLiteral("period"), filter.periodText()},
                        {QStringLiteral("filter"), filter.toJson()},
                        {QStringLiteral("chain"), chain.toJson()},
                        {QStringLiteral("statistics"), statistics.toJson(AuditThresholds())},
                        {QStringLiteral("people"), QJsonArray::fromStringList(people())},
                        {QStringLiteral("requirements"), reqs},
                        {QStringLiteral("findings"), findingsJson()},
                        {QStringLiteral("executions"), list}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QStringList ComplianceReport::csvHeader()
{
    return {QStringLiteral("id"), QStringLiteral("migration_id"), QStringLiteral("direction"), QStringLiteral("status"),
            QStringLiteral("started_at"), QStringLiteral("finished_at"), QStringLiteral("duration_ms"), QStringLiteral("os_user"),
            QStringLiteral("host"), QStringLiteral("db_user"), QStringLiteral("environment"), QStringLiteral("file_checksum"),
            QStringLiteral("risk_level"), QStringLiteral("rows_at_risk"), QStringLiteral("acknowledged"), QStringLiteral("backup_id"),
            QStringLiteral("error"), QStringLiteral("row_hash"), QStringLiteral("run_id"), QStringLiteral("verification"),
            QStringLiteral("author"), QStringLiteral("objects"), QStringLiteral("data_tags"), QStringLiteral("finding")};
}

QByteArray ComplianceReport::toCsv() const
{
    QString out = csvHeader().join(u',') + QStringLiteral("\r\n");
    for (const AuditRow &row : rows) {
        const AuditEntry &e = row.entry;
        const QStringList fields{QString::number(row.id), e.migrationId, e.direction, e.status, e.startedAt, e.finishedAt,
                                 QString::number(e.durationMs), e.user, e.host, e.databaseUser, e.environment, e.checksum, e.riskLevel,
                                 QString::number(e.rowsAtRisk), e.acknowledged, QString::number(e.backupId), e.error, row.rowHash, e.runId,
                                 e.verification, e.author, AuditRow::objectTexts(e).join(QStringLiteral("; ")),
                                 e.dataTags.split(u'\n', Qt::SkipEmptyParts).join(QStringLiteral("; ")), findingOf(row)};
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        out += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace covet
