#include "riskpanel.h"

#include "app/studiostyle.h"
#include "models/riskreportmodel.h"
#include "wrappedlabel.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace covet {

RiskPanel::RiskPanel(QWidget *parent) : QWidget(parent), m_model(new RiskReportModel(this))
{
    setObjectName(QStringLiteral("riskPanel"));
    m_summary = new WrappedLabel(this);
    m_summary->setObjectName(QStringLiteral("riskSummary"));
    m_allPending = new QCheckBox(tr("All pending migrations"), this);
    m_allPending->setObjectName(QStringLiteral("riskAllPending"));
    m_allPending->setToolTip(tr("Show the risk of every pending migration instead of the selected one"));
    m_allPending->hide();
    connect(m_allPending, &QCheckBox::toggled, this, &RiskPanel::showCurrent);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("riskTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(RiskReportModel::WhatColumn, QHeaderView::Stretch);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RiskPanel::showDetails);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("riskDetails"));
    m_details->setOpenLinks(false);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_tree);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_allPending, 0, Qt::AlignRight);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    clear();
}

QString RiskPanel::summaryText() const
{
    return m_summary->text();
}

void RiskPanel::clear(const QString &message)
{
    m_pending.reset();
    m_model->clear();
    m_allPending->hide();
    StudioStyle::setBanner(m_summary, message.isEmpty() ? tr("No risk report yet.") : message, StudioStyle::Banner::Info);
    m_details->clear();
}

void RiskPanel::setPending(const std::optional<RiskReport> &report, const QString &selectedId, const QString &unavailable)
{
    m_pending = report;
    m_selectedId = selectedId;
    m_unavailable = unavailable;
    m_allPending->show();
    showCurrent();
}

void RiskPanel::setReport(const RiskReport &report, const QString &title)
{
    m_pending.reset();
    m_allPending->hide();
    show(report, title);
}

void RiskPanel::showCurrent()
{
    if (!m_pending) {
        m_model->clear();
        m_details->clear();
        StudioStyle::setBanner(m_summary,
                               m_unavailable.isEmpty() ? tr("Nothing is pending.") : tr("No risk report: %1").arg(m_unavailable),
                               m_unavailable.isEmpty() ? StudioStyle::Banner::Info : StudioStyle::Banner::Note);
        return;
    }
    const bool all = m_allPending->isChecked() || m_selectedId.isEmpty();
    if (all)
        show(*m_pending, tr("Every pending migration"));
    else
        show(m_pending->only({m_selectedId}), m_selectedId);
}

void RiskPanel::show(const RiskReport &report, const QString &title)
{
    m_model->setReport(report);
    m_tree->expandAll();
    const RiskLevel level = report.level();
    const QString graded = report.live ? tr("graded by the live data (%n statement(s))", nullptr, report.statements)
                                       : tr("not graded by live data: counts unknown");
    QString text;
    if (report.findings.isEmpty())
        text = tr("<b>%1</b>: no risk found, %2.").arg(title.toHtmlEscaped(), graded);
    else
        text = tr("<b>%1</b>: risk <b>%2</b> · %n finding(s), %3.", nullptr, int(report.findings.size()))
                   .arg(title.toHtmlEscaped(), StudioStyle::riskText(level).toUpper(), graded);
    const QStringList lost = report.dataLossLines();
    if (!lost.isEmpty())
        text += QStringLiteral("<br>") + tr("Destroys: %1").arg(lost.join(QStringLiteral("; ")).toHtmlEscaped());
    if (report.needsBackup())
        text += QStringLiteral("<br>") + tr("A backup keeps %n table(s) of data at stake before it runs.", nullptr, int(report.stakes.size()));
    for (const QString &n : report.notes)
        text += QStringLiteral("<br>") + tr("Note: %1").arg(n.toHtmlEscaped());
    StudioStyle::setBanner(m_summary, text,
                           level >= RiskLevel::High     ? StudioStyle::Banner::Error
                           : level >= RiskLevel::Medium ? StudioStyle::Banner::Note
                                                        : StudioStyle::Banner::Ok);
    // The most severe finding first in the details.
    QModelIndex first;
    for (int r = 0; r < m_model->rowCount() && !first.isValid(); ++r) {
        const QModelIndex op = m_model->index(r, 0);
        if (m_model->operationAt(op)->level() == level)
            first = m_model->index(0, 0, op);
    }
    if (first.isValid())
        m_tree->setCurrentIndex(first);
    else
        m_details->clear();
}

void RiskPanel::showDetails()
{
    const QModelIndex current = m_tree->currentIndex();
    if (const RiskFinding *f = m_model->findingAt(current)) {
        m_details->setHtml(RiskReportModel::findingHtml(*f));
        return;
    }
    const RiskOperation *op = m_model->operationAt(current);
    if (!op) {
        m_details->clear();
        return;
    }
    QString html = QStringLiteral("<p><b>%1 · %2</b></p>").arg(op->migrationId.toHtmlEscaped(), op->operation.toHtmlEscaped());
    for (const RiskFinding &f : op->findings)
        html += RiskReportModel::findingHtml(f) + QStringLiteral("<hr>");
    m_details->setHtml(html);
}

} // namespace covet
