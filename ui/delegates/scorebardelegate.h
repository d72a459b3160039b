#pragma once

#include <QStyledItemDelegate>

namespace covet {

// Draws a score in [0,1] (read from scoreRole) as a horizontal bar with its
// percentage, and a marker at the threshold: green at or above it, amber
// below.
class ScoreBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ScoreBarDelegate(int scoreRole, QObject *parent = nullptr);

    void setThreshold(double threshold) { m_threshold = threshold; }
    double threshold() const { return m_threshold; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_scoreRole;
    double m_threshold = 0.8;
};

} // namespace covet
