#pragma once

#include "auditchain.h"
#include "auditfilter.h"
#include "auditlog.h"
#include "auditstatistics.h"
#include "../migrations/datatags.h"

#include "../safety/backupstore.h"

#include "../core/error.h"
#include "../db/sqlexecutor.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace covet {

// A compliance report over the audit log: SOX change-control evidence,
// HIPAA audit controls (§164.312(b)), GDPR records of processing and
// security of processing (Art. 30, 32). One value, built by the engine;
// CSV and JSON are written here, HTML and PDF by covet_reports
// (ReportRenderer), all from the same fields.
// What scopes a report beyond the audit table: the project's data tags and
// backup retention (covet.yaml).
struct ComplianceScope
{
    DataTags tags;
    int backupRetentionDays = 30;   // 0: backups are kept forever
};

struct ComplianceReport
{
    enum class Standard { Sox, Hipaa, Gdpr };
    struct Requirement
    {
        QString asks;      // what the framework asks for, in plain words
        QString answer;    // what this report shows for it
    };
    // An execution that drops, moves or copies personal data (GDPR).
    struct PersonalDataChange
    {
        AuditRow row;
        QStringList changes;   // "drop customers.email", "rename customers.full_name to customers.name"
    };
    // A backup still holding personal data (GDPR), with its retention.
    struct PersonalDataBackup
    {
        BackupRecord backup;
        QStringList holds;     // "customers.email (3 rows)"
        qint64 ageDays = 0;
        QString removableFrom; // ISO date from which `covet backup prune` drops it; empty: kept forever
    };

    Standard standard = Standard::Sox;
    QString database;          // the target, without its password
    QString generatedAt;       // ISO 8601 UTC
    QString generatedBy;       // user@host
    AuditFilter filter;        // the period and any other filter
    ChainVerification chain;
    AuditStatistics statistics;
    QList<AuditRow> rows;      // every execution of the period, oldest first (SQL included)
    QList<Requirement> requirements;
    ComplianceScope scope;
    // The tags in effect: covet.yaml's now, and those the rows recorded when
    // they ran (a column dropped and untagged since still counts).
    DataTags effectiveTags;
    QList<BackupRecord> backups;   // every backup not dropped

    static QString standardName(Standard s);     // "sox", "hipaa", "gdpr"
    static std::optional<Standard> standardFromName(const QString &name);
    QString title() const;                       // "SOX change-control evidence"
    // Who did what: "alice: 12 executions (10 applied, 1 rolled back, 1 failed)".
    QStringList people() const;
    QList<AuditRow> failures() const;            // failed or cancelled
    QList<AuditRow> rollbacks() const;
    QList<AuditRow> acknowledged() const;        // executions where a person accepted a risk or data loss

    // Scoped by the data tags (compliancefindings.cpp).
    bool tagged(const QString &tag) const { return effectiveTags.has(tag); }
    QList<AuditRow> touching(const QString &tag) const;            // executions touching tagged data (HIPAA: "phi")
    QList<PersonalDataChange> personalDataChanges() const;         // drops, renames, type changes and raw SQL on pii data
    QList<PersonalDataBackup> personalDataBackups() const;         // backups holding pii data
    QString untaggedNote(const QString &tag) const;                // why a section cannot be scoped (empty when it can)
    // Segregation of duties (SOX): executions applied by the migration's
    // author, and those whose migration names no author.
    QList<AuditRow> selfApplied() const;
    QList<AuditRow> withoutAuthor() const;
    // What this standard's sections say about one execution (the CSV's
    // `finding` column): "self-applied", "no author", "phi", "drop customers.email".
    QString findingOf(const AuditRow &row) const;
    QJsonObject findingsJson() const;

    // Reads the chain, the statistics and the rows (four statements plus the
    // chain's read).
    // With data tags, also reads the live schema (one inspection) and every
    // row's objects (one statement) to refuse a tagged name that is in
    // neither, naming its covet.yaml line; and the backups (two statements).
    static Result<ComplianceReport> build(SqlExecutor &sql, Standard standard, const AuditFilter &filter, const QString &database,
                                          const ComplianceScope &scope = {});

    QByteArray toJson() const;

private:
    // The effective tags (refusing unknown names) and the backups.
    Status readScope(SqlExecutor &sql);

public:
    // The header, then one line per execution (RFC 4180, CRLF): no summary
    // lines, so a spreadsheet's rows are the audit rows.
    QByteArray toCsv() const;
    static QStringList csvHeader();
};

} // namespace covet
