#include "studiostyle.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QTreeView>
#include <QLabel>
#include <QLocale>

namespace covet {

QIcon StudioStyle::icon(const char *name)
{
    return icon(QLatin1String(name));
}

QIcon StudioStyle::icon(const QString &name)
{
    return QIcon(QStringLiteral(":/covet/icons/%1.svg").arg(name));
}

void StudioStyle::setBanner(QLabel *label, const QString &text, Banner kind)
{
    QString style;
    switch (kind) {
    case Banner::Ok: style = QStringLiteral("background: #e7f4ec; color: #1b4d2b; border: 1px solid #b7dcc3;"); break;
    case Banner::Note: style = QStringLiteral("background: #fff4e0; color: #5c3a00; border: 1px solid #f0d29a;"); break;
    case Banner::Error: style = QStringLiteral("background: #fdecea; color: #611a15; border: 1px solid #f5c2c0;"); break;
    case Banner::Info: style = QStringLiteral("background: #eef3f8; color: #23384d; border: 1px solid #c9d6e3;"); break;
    }
    // The space inside is the label's margin, not CSS padding: QLabel's
    // height-for-width counts its margin, so wrapped text is never cut.
    label->setStyleSheet(QStringLiteral("QLabel { %1 border-radius: 4px; }").arg(style));
    label->setMargin(6);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QIcon StudioStyle::riskIcon(RiskLevel level)
{
    switch (level) {
    case RiskLevel::None: return icon("risk-none");
    case RiskLevel::Low: return icon("risk-low");
    case RiskLevel::Medium: return icon("risk-medium");
    case RiskLevel::High: return icon("risk-high");
    case RiskLevel::Critical: return icon("risk-critical");
    }
    return {};
}

QColor StudioStyle::riskColor(RiskLevel level)
{
    switch (level) {
    case RiskLevel::None: return QColor(0x2e, 0x7d, 0x32);
    case RiskLevel::Low: return QColor(0x1f, 0x5f, 0xa8);
    case RiskLevel::Medium: return QColor(0xa0, 0x60, 0x00);
    case RiskLevel::High: return QColor(0xc4, 0x4e, 0x00);
    case RiskLevel::Critical: return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QString StudioStyle::riskText(RiskLevel level)
{
    switch (level) {
    case RiskLevel::None: return QCoreApplication::translate("StudioStyle", "none");
    case RiskLevel::Low: return QCoreApplication::translate("StudioStyle", "low");
    case RiskLevel::Medium: return QCoreApplication::translate("StudioStyle", "medium");
    case RiskLevel::High: return QCoreApplication::translate("StudioStyle", "high");
    case RiskLevel::Critical: return QCoreApplication::translate("StudioStyle", "critical");
    }
    return {};
}

void StudioStyle::setUpList(QTreeView *view, int stretch)
{
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->header()->setSectionResizeMode(stretch, QHeaderView::Stretch);
}

QString StudioStyle::count(qint64 n)
{
    return QLocale().toString(n);
}

} // namespace covet
