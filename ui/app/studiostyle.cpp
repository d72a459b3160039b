#include "studiostyle.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QHeaderView>
#include <QTreeView>
#include <QLabel>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace covet {

QIcon StudioStyle::icon(const char *name)
{
    return icon(QLatin1String(name));
}

QIcon StudioStyle::icon(const QString &name)
{
    return QIcon(QStringLiteral(":/covet/icons/%1.svg").arg(name));
}

namespace {

// The status hues. A light Base tinted with them gives the banners DBAs
// know from the screenshots (#e7f4ec, #fff4e0, #fdecea, #eef3f8).
QColor hue(StudioStyle::Banner kind)
{
    switch (kind) {
    case StudioStyle::Banner::Ok: return QColor(0x37, 0xa3, 0x61);
    case StudioStyle::Banner::Note: return QColor(0xff, 0xa3, 0x00);
    case StudioStyle::Banner::Error: return QColor(0xee, 0x61, 0x50);
    case StudioStyle::Banner::Info: return QColor(0x71, 0x9b, 0xc5);
    }
    return {};
}

// a moved towards b by t (0 … 1), per sRGB channel.
QColor mix(const QColor &a, const QColor &b, double t)
{
    const auto channel = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue()));
}

double luminance(const QColor &c)
{
    const auto linear = [](int v) {
        const double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
}

// start, moved towards black or white (whichever reads better on
// background) by at least `from` and only as far as needed for
// minContrast; all the way when even that is not enough. Black or white
// on any background reads at 4.58:1 or better.
QColor readable(const QColor &start, const QColor &background, double minContrast, double from)
{
    const QColor pole = StudioStyle::contrast(Qt::black, background) >= StudioStyle::contrast(Qt::white, background)
                            ? QColor(Qt::black)
                            : QColor(Qt::white);
    for (double t = from; t < 1.0; t += 0.05) {
        const QColor c = mix(start, pole, t);
        if (StudioStyle::contrast(c, background) >= minContrast)
            return c;
    }
    return pole;
}

// The tones' inks on a light window.
QColor ink(StudioStyle::Tone tone)
{
    switch (tone) {
    case StudioStyle::Tone::Ok: return QColor(0x2e, 0x7d, 0x32);
    case StudioStyle::Tone::Info: return QColor(0x1f, 0x5f, 0xa8);
    case StudioStyle::Tone::Warning: return QColor(0xa0, 0x60, 0x00);
    case StudioStyle::Tone::Error: return QColor(0xc6, 0x28, 0x28);
    case StudioStyle::Tone::Muted: break;
    }
    return {};
}

QColor onWindow(const QColor &color, const QPalette &palette)
{
    return readable(color, palette.color(QPalette::Active, QPalette::Window), 4.5, 0.0);
}

} // namespace

double StudioStyle::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

StudioStyle::BannerColors StudioStyle::bannerColors(Banner kind)
{
    return bannerColors(kind, QGuiApplication::palette());
}

StudioStyle::BannerColors StudioStyle::bannerColors(Banner kind, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    // A dark base takes more of the hue, or the banner would not stand out.
    const double tint = 0.12 + 0.12 * (1.0 - base.lightnessF());
    BannerColors c;
    c.background = mix(base, hue(kind), tint);
    // Text in the kind's hue, darkened (or lightened) for at least 7:1 where
    // it can be had, never below 4.5:1.
    c.text = readable(hue(kind), c.background, 7.0, 0.55);
    c.border = mix(c.background, hue(kind), 0.35);
    return c;
}

QString StudioStyle::bannerStyleSheet(Banner kind)
{
    const BannerColors c = bannerColors(kind);
    return QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 4px; }")
        .arg(c.background.name(), c.text.name(), c.border.name());
}

void StudioStyle::setBanner(QLabel *label, const QString &text, Banner kind)
{
    // The space inside is the label's margin, not CSS padding: QLabel's
    // height-for-width counts its margin, so wrapped text is never cut.
    label->setStyleSheet(bannerStyleSheet(kind));
    label->setMargin(6);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QColor StudioStyle::textColor(Tone tone)
{
    return textColor(tone, QGuiApplication::palette());
}

QColor StudioStyle::textColor(Tone tone, const QPalette &palette)
{
    if (tone == Tone::Muted)
        return onWindow(mix(palette.color(QPalette::Active, QPalette::WindowText),
                            palette.color(QPalette::Active, QPalette::Window), 0.45),
                        palette);
    return onWindow(ink(tone), palette);
}

QColor StudioStyle::fill(Banner kind)
{
    return hue(kind);
}

void StudioStyle::setTextTone(QLabel *label, Tone tone)
{
    label->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(textColor(tone).name()));
}

void StudioStyle::clearTextTone(QLabel *label)
{
    label->setStyleSheet(QString());
}

QString StudioStyle::span(const QString &html, Tone tone)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(textColor(tone).name(), html);
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
    case RiskLevel::None: return textColor(Tone::Ok);
    case RiskLevel::Low: return textColor(Tone::Info);
    case RiskLevel::Medium: return textColor(Tone::Warning);
    // Orange, between a medium risk's amber and a critical one's red.
    case RiskLevel::High: return onWindow(QColor(0xc4, 0x4e, 0x00), QGuiApplication::palette());
    case RiskLevel::Critical: return textColor(Tone::Error);
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

QLabel *StudioStyle::caption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setStyleSheet(QStringLiteral("font-weight: 600; padding: 2px;"));
    return label;
}

} // namespace covet
