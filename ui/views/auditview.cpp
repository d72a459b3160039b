#include "auditview.h"

#include "app/studiostyle.h"

#include "editors/sqleditor.h"
#include "migrations/projectconfig.h"
#include "models/auditlogmodel.h"
#include "reportrenderer.h"

#include "audit/auditstatus.h"
#include "audit/compliancereport.h"
#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "jobs/jobpool.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QBarSeries>
#include <QTabWidget>
#include <QTimer>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace covet {

namespace {

constexpr qint64 kPageSize = 200;

QChartView *chartView(QWidget *parent, const QString &name)
{
    auto *view = new QChartView(parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(200, 140);
    return view;
}

QChart *freshChart(QChartView *view, const QString &title)
{
    auto *chart = new QChart();
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
    return chart;
}

// Puts bar series on the chart with its categories along one axis
// (vertical bars: at the bottom; horizontal: at the left) and a value axis.
// countMax > 0: the values are counts up to it (whole-number ticks).
void addBars(QChart *chart, QAbstractBarSeries *series, const QList<QBarSet *> &sets, const QStringList &categories, bool horizontal,
             int countMax = 0)
{
    for (QBarSet *set : sets)
        series->append(set);
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis();
    categoryAxis->append(categories);
    categoryAxis->setTruncateLabels(false);
    if (!horizontal && categories.size() > 10)
        categoryAxis->setLabelsAngle(-90);
    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    series->attachAxis(categoryAxis);
    auto *values = new QValueAxis();
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(values);
    if (categories.isEmpty()) {
        values->setRange(0, 1);
    } else if (countMax > 0 && countMax <= 10) {
        values->setRange(0, countMax);
        values->setTickCount(countMax + 1);
    } else {
        values->applyNiceNumbers();
    }
    values->setLabelFormat(QStringLiteral("%.0f"));
}

} // namespace

AuditView::AuditView(QWidget *parent) : StudioPage(parent), m_job(new AuditJob(this)), m_model(new AuditLogModel(this))
{
    m_env = new QLineEdit(this);
    m_env->setObjectName(QStringLiteral("auditEnvironment"));
    m_env->setPlaceholderText(tr("Environment"));
    m_env->setClearButtonEnabled(true);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->addItem(tr("Any outcome"), QString());
    for (const QString &status : AuditStatus::all())
        m_status->addItem(AuditLogModel::statusLabel(status), status);
    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("auditDirection"));
    m_direction->addItem(tr("Applies and rollbacks"), QString());
    m_direction->addItem(tr("Applies"), QStringLiteral("apply"));
    m_direction->addItem(tr("Rollbacks"), QStringLiteral("rollback"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setPlaceholderText(tr("Search migrations and errors"));
    m_search->setClearButtonEnabled(true);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("auditRefresh"));
    m_export = new QPushButton(tr("Export Report"), this);
    m_export->setObjectName(QStringLiteral("auditExport"));
    auto *menu = new QMenu(m_export);
    for (const auto &[standard, label] : {std::pair{"sox", QT_TR_NOOP("SOX change-control evidence…")},
                                          std::pair{"hipaa", QT_TR_NOOP("HIPAA audit controls…")},
                                          std::pair{"gdpr", QT_TR_NOOP("GDPR records of processing…")}}) {
        const QString s = QString::fromLatin1(standard);
        menu->addAction(tr(label), this, [this, s]() {
            const QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), QStringLiteral("covet-%1.pdf").arg(s),
                                                              tr("PDF (*.pdf);;HTML (*.html);;CSV (*.csv);;JSON (*.json)"));
            if (!path.isEmpty())
                exportReport(s, path);
        });
    }
    m_export->setMenu(menu);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_env);
    filters->addWidget(m_status);
    filters->addWidget(m_direction);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_refresh);
    filters->addWidget(m_export);

    m_chain = new QLabel(this);
    m_chain->setObjectName(QStringLiteral("auditChain"));
    m_chain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_alerts = new QLabel(this);
    m_alerts->setObjectName(QStringLiteral("auditAlerts"));
    m_alerts->setWordWrap(true);
    m_alerts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("auditDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_sql = new SqlEditor(this);
    m_sql->setObjectName(QStringLiteral("auditSql"));
    m_sql->setReadOnly(true);
    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail);
    detailLayout->addWidget(m_sql, 1);
    auto *history = new QSplitter(Qt::Vertical, this);
    history->addWidget(m_table);
    history->addWidget(detailPane);
    history->setStretchFactor(0, 3);
    history->setStretchFactor(1, 2);

    auto *dashboard = new QWidget(this);
    dashboard->setObjectName(QStringLiteral("auditDashboard"));
    auto *grid = new QGridLayout(dashboard);
    const char *names[] = {"chartPerDay", "chartRates", "chartSlowest", "chartEnvironments"};
    for (int i = 0; i < 4; ++i) {
        m_charts << chartView(dashboard, QString::fromLatin1(names[i]));
        grid->addWidget(m_charts.last(), i / 2, i % 2);
    }

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("auditTabs"));
    m_tabs->addTab(history, tr("History"));
    m_tabs->addTab(dashboard, tr("Dashboard"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    auto *status = new QHBoxLayout;
    status->addWidget(m_chain);
    status->addWidget(m_alerts, 1);
    layout->addLayout(status);
    layout->addWidget(m_tabs, 1);

    connect(m_refresh, &QPushButton::clicked, this, &AuditView::refresh);
    connect(m_env, &QLineEdit::returnPressed, this, &AuditView::refresh);
    connect(m_search, &QLineEdit::returnPressed, this, &AuditView::refresh);
    connect(m_status, &QComboBox::currentIndexChanged, this, &AuditView::refresh);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &AuditView::refresh);
    connect(m_job, &AuditJob::finished, this, &AuditView::onFinished);
    connect(m_job, &AuditJob::failed, this, &AuditView::onFailed);
    // The next page, asked for from the event loop (not from inside the
    // model's or the job's signal), or when the running read is done.
    connect(m_model, &AuditLogModel::fetchMoreRequested, this, [this](qint64 offset) {
        m_pendingOffset = offset;
        QTimer::singleShot(0, this, &AuditView::startPending);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditView::showDetail);
    clear();
}

AuditFilter AuditView::filter() const
{
    AuditFilter f;
    f.environment = m_env->text().trimmed();
    f.status = m_status->currentData().toString();
    f.direction = m_direction->currentData().toString();
    f.search = m_search->text().trimmed();
    return f;
}

void AuditView::setTarget(const StudioTarget &target)
{
    m_url = target.url;
    m_hasUrl = true;
    m_thresholds = target.project ? target.project->auditThresholds() : AuditThresholds();
    m_scope = target.project ? ComplianceScope{target.project->dataTags(), target.project->backupRetentionDays()} : ComplianceScope();
    m_sql->setDialect(target.url.dialect());
    refresh();
}

void AuditView::clear()
{
    m_hasUrl = false;
    m_model->clear();
    m_stats.reset();
    m_alertTexts.clear();
    m_chain->setText(tr("Chain: not read"));
    m_alerts->clear();
    m_detail->clear();
    m_sql->setSql(QString());
    updateCharts();
}

void AuditView::refresh()
{
    if (!m_hasUrl)
        return;
    m_chain->setText(tr("Reading the audit log…"));
    m_job->start(m_url, filter(), 0, kPageSize);
}

QString AuditView::chainText() const
{
    return m_chain->text();
}

void AuditView::showDashboard(bool on)
{
    m_tabs->setCurrentIndex(on ? 1 : 0);
}

void AuditView::startPending()
{
    if (m_job->isRunning())
        return;   // onFinished() comes back here
    const qint64 offset = m_pendingOffset;
    m_pendingOffset = -1;
    if (offset > 0 && m_hasUrl && offset == m_model->rowCount())
        m_job->start(m_url, filter(), offset, kPageSize);
}

void AuditView::onFinished(const AuditOutcome &outcome)
{
    m_statements += outcome.statements;
    if (outcome.offset > 0) {
        m_model->append(outcome.offset, outcome.page.rows);
        QTimer::singleShot(0, this, &AuditView::startPending);
        return;
    }
    m_pendingOffset = -1;
    const ChainVerification chain = outcome.chain.value_or(ChainVerification());
    m_model->reset(outcome.page.rows, outcome.page.total, chain);
    m_stats = outcome.statistics;
    // The words are the engine's (ChainVerification::message, in the tool tip); the badge only shortens them.
    m_chain->setText(chain.kind == ChainVerification::Break::Missing ? tr("✖ Audit rows missing: %1 migration(s)").arg(chain.missing.size())
                     : !chain.intact()                               ? tr("✖ Chain broken at row %1: %2").arg(chain.rowId).arg(ChainVerification::breakName(chain.kind))
                     : chain.rows == 0 && chain.applied > 0          ? tr("No audit rows for %1 applied migration(s)").arg(chain.applied)
                     : !chain.notCovered.isEmpty()                   ? tr("⚠ Chain intact; %1 migration(s) not covered").arg(chain.notCovered.size())
                                                                     : tr("✔ Chain intact: %1 rows").arg(chain.rows));
    m_chain->setToolTip(chain.message());
    m_chain->setForegroundRole(chain.intact() ? QPalette::WindowText : QPalette::Link);
    m_alertTexts.clear();
    if (m_stats)
        for (const AuditAlert &a : m_stats->alerts(m_thresholds))
            m_alertTexts << a.message;
    m_alerts->setText(m_alertTexts.isEmpty() ? tr("No alert.") : tr("Alerts: %1").arg(m_alertTexts.join(QStringLiteral("; "))));
    updateCharts();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    m_table->resizeColumnsToContents();
    emit loaded();
}

void AuditView::onFailed(const Error &error)
{
    m_chain->setText(tr("Could not read the audit log"));
    m_alerts->setText(error.toString());
    m_pendingOffset = -1;
    m_model->append(-1, {});   // lets the table ask again
    emit loaded();
}

void AuditView::showDetail()
{
    const AuditRow *r = m_model->rowAt(m_table->currentIndex().row());
    if (!r) {
        m_detail->clear();
        m_sql->setSql(QString());
        return;
    }
    const AuditEntry &e = r->entry;
    QStringList lines;
    lines << tr("<b>%1</b> of <b>%2</b>: %3, %4 ms").arg(e.direction.toHtmlEscaped(), e.migrationId.toHtmlEscaped(), e.status.toHtmlEscaped()).arg(e.durationMs);
    lines << tr("by %1@%2%3 in %4, %5 to %6")
                 .arg(e.user.toHtmlEscaped(), e.host.toHtmlEscaped(),
                      e.databaseUser.isEmpty() ? QString() : tr(" (database user %1)").arg(e.databaseUser.toHtmlEscaped()),
                      e.environment.isEmpty() ? tr("no environment") : e.environment.toHtmlEscaped(), e.startedAt, e.finishedAt);
    if (!e.riskLevel.isEmpty())
        lines << tr("risk %1, %2 rows/values at stake%3%4")
                     .arg(e.riskLevel)
                     .arg(e.rowsAtRisk)
                     .arg(e.backupId ? tr(", backup %1").arg(e.backupId) : QString(),
                          e.acknowledged.isEmpty() ? QString() : tr(", acknowledged: %1").arg(e.acknowledged.toHtmlEscaped()));
    lines << tr("chain: %1").arg(m_model->chainState(*r));
    if (!e.error.isEmpty())
        lines << tr("<b>error:</b> %1").arg(e.error.toHtmlEscaped());
    m_detail->setText(lines.join(QStringLiteral("<br>")));
    m_sql->setSql(e.sql);
}

void AuditView::updateCharts()
{
    const AuditStatistics s = m_stats.value_or(AuditStatistics());
    // Executions per day, stacked by outcome (the last 30 days with executions).
    {
        QChart *chart = freshChart(m_charts.at(0), tr("Executions per day"));
        auto *ok = new QBarSet(tr("Succeeded"));
        auto *bad = new QBarSet(tr("Failed or cancelled"));
        QStringList days;
        int most = 1;
        for (const DayFigures &d : s.days.mid(std::max<qsizetype>(0, s.days.size() - 30))) {
            *ok << double(d.successes);
            *bad << double(d.failures);
            days << d.day.toString(QStringLiteral("MM-dd"));
            most = std::max(most, int(d.executions));
        }
        addBars(chart, new QStackedBarSeries(), {ok, bad}, days, false, most);
        // After the chart's theme coloured them: failures must not read as fine.
        ok->setColor(StudioStyle::riskColor(RiskLevel::None));
        bad->setColor(StudioStyle::riskColor(RiskLevel::Critical));
    }
    // Success and rollback rates per day against their thresholds.
    {
        QChart *chart = freshChart(m_charts.at(1), tr("Success and rollback rate per day"));
        auto *success = new QLineSeries();
        success->setName(tr("Success rate"));
        auto *rollback = new QLineSeries();
        rollback->setName(tr("Rollback rate"));
        auto *successLine = new QLineSeries();
        successLine->setName(tr("Success threshold %1%").arg(m_thresholds.successRateBelow * 100.0));
        auto *rollbackLine = new QLineSeries();
        rollbackLine->setName(tr("Rollback threshold %1%").arg(m_thresholds.rollbackRateAbove * 100.0));
        int i = 0;
        const QList<DayFigures> shown = s.days.mid(std::max<qsizetype>(0, s.days.size() - 30));
        for (const DayFigures &d : shown) {
            success->append(i, d.executions ? 100.0 * double(d.successes) / double(d.executions) : 100.0);
            rollback->append(i, d.executions ? 100.0 * double(d.rollbacks) / double(d.executions) : 0.0);
            ++i;
        }
        const double last = std::max(1, int(shown.size()) - 1);
        successLine->append(0, m_thresholds.successRateBelow * 100.0);
        successLine->append(last, m_thresholds.successRateBelow * 100.0);
        rollbackLine->append(0, m_thresholds.rollbackRateAbove * 100.0);
        rollbackLine->append(last, m_thresholds.rollbackRateAbove * 100.0);
        auto *x = new QValueAxis();
        x->setRange(0, last);
        x->setLabelFormat(QStringLiteral("%d"));
        x->setTitleText(tr("day"));
        auto *y = new QValueAxis();
        y->setRange(0, 100);
        y->setLabelFormat(QStringLiteral("%d%%"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (QLineSeries *l : {success, rollback, successLine, rollbackLine}) {
            chart->addSeries(l);
            l->attachAxis(x);
            l->attachAxis(y);
        }
        for (QLineSeries *l : {successLine, rollbackLine}) {
            QPen p = l->pen();
            p.setStyle(Qt::DashLine);
            l->setPen(p);
        }
    }
    // The slowest migrations: average and p95.
    {
        QChart *chart = freshChart(m_charts.at(2), tr("Slowest migrations (ms)"));
        auto *avg = new QBarSet(tr("average"));
        auto *p95 = new QBarSet(tr("p95"));
        QStringList ids;
        QList<DurationFigures> slowest = s.slowest.mid(0, 8);
        std::reverse(slowest.begin(), slowest.end());   // the slowest on top
        for (const DurationFigures &f : slowest) {
            *avg << f.averageMs;
            *p95 << f.p95Ms;
            ids << f.key;
        }
        addBars(chart, new QHorizontalBarSeries(), {avg, p95}, ids, true);
    }
    // Durations per environment.
    {
        QChart *chart = freshChart(m_charts.at(3), tr("Duration per environment (ms)"));
        auto *avg = new QBarSet(tr("average"));
        auto *median = new QBarSet(tr("median"));
        auto *p95 = new QBarSet(tr("p95"));
        QStringList envs;
        for (const DurationFigures &f : s.perEnvironment) {
            *avg << f.averageMs;
            *median << f.medianMs;
            *p95 << f.p95Ms;
            envs << f.key;
        }
        addBars(chart, new QBarSeries(), {avg, median, p95}, envs, false);
    }
}

void AuditView::exportReport(const QString &standard, const QString &path)
{
    if (!m_hasUrl)
        return;
    const auto std = ComplianceReport::standardFromName(standard);
    const auto format = ReportRenderer::formatFromName(path.section(u'.', -1));
    if (!std || !format) {
        emit reportWritten(false, tr("Choose a file ending in .pdf, .html, .csv or .json"));
        return;
    }
    auto *watcher = new QFutureWatcher<Status>(this);
    const DatabaseUrl url = m_url;
    const AuditFilter f = filter();
    const ComplianceScope scope = m_scope;
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, path]() {
        const Status st = watcher->result();
        watcher->deleteLater();
        emit reportWritten(bool(st), st ? tr("Wrote %1").arg(path) : st.error().toString());
    });
    watcher->setFuture(QtConcurrent::run(jobPool(), [url, f, std, format, path, scope]() -> Status {
        auto conn = Connection::open(url, QStringLiteral("audit-report"));
        if (!conn)
            return std::unexpected(conn.error());
        SqlExecutor sql((*conn)->database(), url.dialect());
        auto report = ComplianceReport::build(sql, *std, f, url.display(), scope);
        if (!report)
            return std::unexpected(report.error());
        return ReportRenderer::write(*report, *format, path);
    }));
}

} // namespace covet
