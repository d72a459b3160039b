#pragma once

#include "safety/riskreport.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QTextBrowser;
class QTreeView;

namespace covet {

class RiskReportModel;

// The Risk tab: the engine's risk report of a plan — the pending
// migrations (all of them, or the selected one) or a rollback — as a tree
// grouped by operation (RiskReportModel), the selected finding in full
// (reason, data at stake with counts, FK dependents, lock notes, the safe
// alternative, the acknowledgement) and the report's notes. It shows what
// the engine found; it grades nothing itself.
class RiskPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RiskPanel(QWidget *parent = nullptr);

    // The pending migrations' report and the selected migration (empty: none
    // or not pending); with "All pending" unchecked only the selected one's
    // part (RiskReport::only) is shown.
    void setPending(const std::optional<RiskReport> &report, const QString &selectedId, const QString &unavailable = {});
    // A report shown as it is (a rollback's), without the scope toggle.
    void setReport(const RiskReport &report, const QString &title);
    void clear(const QString &message = {});

    RiskReportModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QCheckBox *allPendingToggle() const { return m_allPending; }
    QTextBrowser *details() const { return m_details; }
    QString summaryText() const;

private:
    void show(const RiskReport &report, const QString &title);
    void showCurrent();
    void showDetails();

    RiskReportModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_allPending = nullptr;
    QTreeView *m_tree = nullptr;
    QTextBrowser *m_details = nullptr;
    std::optional<RiskReport> m_pending;
    QString m_selectedId;
    QString m_unavailable;
};

} // namespace covet
