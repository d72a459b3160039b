#pragma once

#include "audit/auditchain.h"
#include "audit/auditlog.h"

#include <QAbstractTableModel>

#include <deque>
#include <memory>

namespace covet {

// The audit history, newest first, over pages the AuditJob reads: it holds
// what was read so far and, when a view scrolls to the end, asks for the
// next page (fetchMoreRequested) instead of reading on the GUI thread.
// Rows live in a deque, so a page appended to 100,000 rows moves none of
// them, and a listing replaced is freed a slice per event-loop turn.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Started, Migration, Direction, Status, Duration, User, Environment, Chain, ColumnCount };
    explicit AuditLogModel(QObject *parent = nullptr);

    // A new listing (the first page) and how many rows match in all.
    void reset(const QList<AuditRow> &rows, qint64 total, const ChainVerification &chain);
    void append(qint64 offset, const QList<AuditRow> &rows);
    void clear();
    const AuditRow *rowAt(int row) const;
    qint64 total() const { return m_total; }
    // The row's state in the chain: "verified", or the break's name at the first bad row, "after a break" past it.
    QString chainState(const AuditRow &row) const;
    // A status (AuditStatus) as the person reads it, translated.
    static QString statusLabel(const QString &status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void fetchMoreRequested(qint64 offset);

private:
    void release(std::shared_ptr<std::deque<AuditRow>> rows);

    std::deque<AuditRow> m_rows;
    qint64 m_total = 0;
    ChainVerification m_chain;
    bool m_fetching = false;
};

} // namespace covet
