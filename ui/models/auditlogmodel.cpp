#include "auditlogmodel.h"

#include "audit/auditstatus.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>
#include <QTimer>

#include <memory>

namespace covet {

namespace {

// Freeing a listing takes about 1 ms per 1,000 rows: a replaced one is
// freed this many rows per turn of the event loop. (Not in a worker: a
// thread freeing 100,000 rows others allocated held the GUI thread back
// for 240 ms in bench_studio_audit.)
constexpr std::size_t kFreeSlice = 5000;

} // namespace

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditLogModel::reset(const QList<AuditRow> &rows, qint64 total, const ChainVerification &chain)
{
    beginResetModel();
    auto old = std::make_shared<std::deque<AuditRow>>();
    old->swap(m_rows);
    m_rows.assign(rows.begin(), rows.end());
    m_total = total;
    m_chain = chain;
    m_fetching = false;
    endResetModel();
    release(std::move(old));
}

void AuditLogModel::release(std::shared_ptr<std::deque<AuditRow>> rows)
{
    rows->erase(rows->begin(), rows->begin() + std::ptrdiff_t(std::min(rows->size(), kFreeSlice)));
    if (!rows->empty())
        QTimer::singleShot(0, this, [this, rows]() { release(rows); });
}

void AuditLogModel::append(qint64 offset, const QList<AuditRow> &rows)
{
    if (offset == qint64(m_rows.size()) && !rows.isEmpty()) {
        // Still "fetching" while views hear of the insertion, so none asks
        // for the page that is arriving.
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
        m_rows.insert(m_rows.end(), rows.begin(), rows.end());
        endInsertRows();
    }
    m_fetching = false;   // a stale page: ask again
}

void AuditLogModel::clear()
{
    reset({}, 0, ChainVerification());
}

const AuditRow *AuditLogModel::rowAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_rows.size() ? &m_rows[std::size_t(row)] : nullptr;
}

QString AuditLogModel::chainState(const AuditRow &row) const
{
    if (m_chain.verifies(row.id))
        return tr("verified");
    return row.id == m_chain.rowId ? ChainVerification::breakName(m_chain.kind) : tr("after a break");
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    const AuditRow *r = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!r || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const AuditEntry &e = r->entry;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id: return r->id;
        case Started: return e.startedAt.left(19).replace(u'T', u' ');
        case Migration: return e.migrationId;
        case Direction: return e.direction;
        case Status: return e.status;
        case Duration: return tr("%1 ms").arg(e.durationMs);
        case User: return e.databaseUser.isEmpty() ? QStringLiteral("%1@%2").arg(e.user, e.host)
                                                    : QStringLiteral("%1@%2 [%3]").arg(e.user, e.host, e.databaseUser);
        case Environment: return e.environment;
        case Chain: return chainState(*r);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status && AuditStatus::isExecution(e.status) && e.status != AuditStatus::Success)
        return QGuiApplication::palette().brush(QPalette::Active, QPalette::Link);
    if (role == Qt::ToolTipRole && !e.error.isEmpty())
        return e.error;
    if (role == Qt::TextAlignmentRole && (index.column() == Id || index.column() == Duration))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QString AuditLogModel::statusLabel(const QString &status)
{
    if (status == AuditStatus::Success)
        return tr("Succeeded");
    if (status == AuditStatus::Failure)
        return tr("Failed");
    if (status == AuditStatus::Cancelled)
        return tr("Cancelled");
    if (status == AuditStatus::Interrupted)
        return tr("Interrupted (killed or connection lost)");
    if (status == AuditStatus::Refused)
        return tr("Refused before running");
    if (status == AuditStatus::Started)
        return tr("Run started");
    if (status == AuditStatus::Finished)
        return tr("Run finished (verification)");
    return status;
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("#");
    case Started: return tr("Started (UTC)");
    case Migration: return tr("Migration");
    case Direction: return tr("Direction");
    case Status: return tr("Status");
    case Duration: return tr("Duration");
    case User: return tr("User");
    case Environment: return tr("Environment");
    case Chain: return tr("Chain");
    }
    return {};
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && qint64(m_rows.size()) < m_total;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    emit fetchMoreRequested(qint64(m_rows.size()));
}

} // namespace covet
