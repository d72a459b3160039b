#include "scorebardelegate.h"

#include "app/studiostyle.h"

#include <QApplication>
#include <QPainter>

namespace covet {

ScoreBarDelegate::ScoreBarDelegate(int scoreRole, QObject *parent) : QStyledItemDelegate(parent), m_scoreRole(scoreRole) {}

void ScoreBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);   // background, selection

    const double score = qBound(0.0, index.data(m_scoreRole).toDouble(), 1.0);
    const QRect area = option.rect.adjusted(4, 4, -4, -4);
    const int textWidth = option.fontMetrics.horizontalAdvance(QStringLiteral("100%")) + 6;
    const QRect bar(area.left(), area.top(), qMax(10, area.width() - textWidth), area.height());
    const QRect text(bar.right() + 4, area.top(), area.right() - bar.right() - 4, area.height());

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.color(QPalette::Midlight));
    painter->drawRoundedRect(bar, 3, 3);
    painter->setBrush(StudioStyle::fill(score >= m_threshold ? StudioStyle::Banner::Ok : StudioStyle::Banner::Note));
    painter->drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * score, bar.height()), 3, 3);
    // The threshold marker.
    const qreal x = bar.left() + bar.width() * qBound(0.0, m_threshold, 1.0);
    painter->setPen(QPen(option.palette.color(QPalette::Text), 1.5));
    painter->drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom() + 2));
    painter->setPen(option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                          : option.palette.color(QPalette::Text));
    painter->drawText(text, Qt::AlignVCenter | Qt::AlignRight, index.data(Qt::DisplayRole).toString());
    painter->restore();
}

QSize ScoreBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(qMax(s.width(), 140));
    return s;
}

} // namespace covet
