#pragma once

#include "auditchain.h"
#include "auditfilter.h"
#include "auditlog.h"
#include "auditstatistics.h"

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
struct ComplianceReport
{
    enum class Standard { Sox, Hipaa, Gdpr };
    struct Requirement
    {
        QString asks;      // what the framework asks for, in plain words
        QString answer;    // what this report shows for it
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

    static QString standardName(Standard s);     // "sox", "hipaa", "gdpr"
    static std::optional<Standard> standardFromName(const QString &name);
    QString title() const;                       // "SOX change-control evidence"
    // Who did what: "alice: 12 executions (10 applied, 1 rolled back, 1 failed)".
    QStringList people() const;
    QList<AuditRow> failures() const;            // failed or cancelled
    QList<AuditRow> rollbacks() const;
    QList<AuditRow> acknowledged() const;        // executions where a person accepted a risk or data loss

    // Reads the chain, the statistics and the rows (four statements plus the
    // chain's read).
    static Result<ComplianceReport> build(SqlExecutor &sql, Standard standard, const AuditFilter &filter, const QString &database);

    QByteArray toJson() const;
    // The header, then one line per execution (RFC 4180, CRLF): no summary
    // lines, so a spreadsheet's rows are the audit rows.
    QByteArray toCsv() const;
    static QStringList csvHeader();
};

} // namespace covet
