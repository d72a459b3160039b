#pragma once

#include "studiopage.h"
#include "app/studiotarget.h"
#include "audit/auditstatistics.h"
#include "audit/compliancereport.h"
#include "migrations/auditthresholds.h"
#include "db/databaseurl.h"
#include "jobs/auditjob.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace covet {

class AuditLogModel;
class SqlEditor;

// The Audit view: the history of every execution (filtered, read page by
// page as the table scrolls), the chain badge (AuditChain::verify), the
// alerts from covet.yaml's thresholds, a detail pane (the SQL in the
// SqlEditor, who/where/environment, duration, error, the row's chain
// state), and a Dashboard with Qt Charts: executions per day stacked by
// outcome, success and rollback rates per day against their thresholds,
// the slowest migrations and durations per environment. Every figure comes
// from the engine (AuditStatistics), read by an AuditJob off the GUI thread;
// Export Report writes a SOX/HIPAA/GDPR report (covet_reports) from a worker.
class AuditView : public StudioPage
{
    Q_OBJECT

public:
    explicit AuditView(QWidget *parent = nullptr);

    // The database and its project's alert thresholds (no project: defaults).
    void setTarget(const StudioTarget &target);
    void clear();
    void refresh();
    AuditFilter filter() const;

    bool isBusy() const { return m_job->isRunning(); }
    void waitForFinished() { m_job->waitForFinished(); }
    AuditLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString chainText() const;
    QStringList alertTexts() const { return m_alertTexts; }
    const std::optional<AuditStatistics> &statistics() const { return m_stats; }
    QList<QChartView *> charts() const { return m_charts; }
    // Statements the view's reads ran so far (benchmarks print it).
    qint64 statementCount() const { return m_statements; }
    void showDashboard(bool on);
    // Writes a report in a worker; done(ok, message) when written.
    void exportReport(const QString &standard, const QString &path);

signals:
    void loaded();
    void reportWritten(bool ok, const QString &message);

private:
    void onFinished(const AuditOutcome &outcome);
    void onFailed(const Error &error);
    void showDetail();
    void startPending();
    void updateCharts();

    DatabaseUrl m_url;
    bool m_hasUrl = false;
    qint64 m_pendingOffset = -1;   // a page the table asked for while a read was running
    qint64 m_statements = 0;
    AuditThresholds m_thresholds;
    ComplianceScope m_scope;   // the open project's data tags and backup retention (reports)
    AuditJob *m_job;
    AuditLogModel *m_model;
    std::optional<AuditStatistics> m_stats;
    QStringList m_alertTexts;

    QLineEdit *m_env;
    QComboBox *m_status;
    QComboBox *m_direction;
    QLineEdit *m_search;
    QPushButton *m_refresh;
    QPushButton *m_export;
    QLabel *m_chain;
    QLabel *m_alerts;
    QTabWidget *m_tabs;
    QTableView *m_table;
    QLabel *m_detail;
    SqlEditor *m_sql;
    QList<QChartView *> m_charts;
};

} // namespace covet
