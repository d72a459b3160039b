#pragma once

#include "safety/riskreport.h"

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

class QLabel;
class QWidget;
class QTreeView;

namespace covet {

// The look Covet Studio's views share: SVG icons by name, the coloured
// banners over panes, status text colours, and how a risk level is shown
// (icon, colour, word). The one place that decides status colours: each is
// derived from a QPalette (the application's unless given), so a dark
// palette gives dark banners, and text is chosen by its contrast with the
// background it is drawn on. No view writes a colour literal.
class StudioStyle
{
public:
    enum class Banner { Ok, Note, Error, Info };
    // Coloured text on the window or in item views (labels, HTML spans,
    // ForegroundRole): green, blue, amber, red, or grey for the muted.
    enum class Tone { Muted, Ok, Info, Warning, Error };

    struct BannerColors
    {
        QColor background;
        QColor text;
        QColor border;
    };

    // ":/covet/icons/NAME.svg".
    static QIcon icon(const char *name);
    static QIcon icon(const QString &name);
    // A coloured box: green (ok), amber (note), red (error) or blue (info);
    // hidden when text is empty. Wrapped text is never cut.
    static void setBanner(QLabel *label, const QString &text, Banner kind);
    // The palette's Base tinted with the kind's hue; text and border read
    // against that background (text contrast at least 4.5:1, WCAG).
    // Without a palette: the application's.
    static BannerColors bannerColors(Banner kind);
    static BannerColors bannerColors(Banner kind, const QPalette &palette);
    static QString bannerStyleSheet(Banner kind);
    // The tone's colour readable on the palette's Window (at least 4.5:1).
    // On a light palette: the inks DBAs know, a shade darker only where
    // they read below 4.5:1.
    static QColor textColor(Tone tone);
    static QColor textColor(Tone tone, const QPalette &palette);
    // The label's text in the tone's colour; clearTextTone() gives it back
    // the palette's.
    static void setTextTone(QLabel *label, Tone tone);
    static void clearTextTone(QLabel *label);
    // The kind's hue for painted shapes (bars, markers), not for text.
    static QColor fill(Banner kind);
    // html wrapped in a span of the tone's colour, for rich-text labels.
    static QString span(const QString &html, Tone tone);
    // WCAG 2 contrast ratio of two opaque colours, 1 … 21.
    static double contrast(const QColor &a, const QColor &b);

    static QIcon riskIcon(RiskLevel level);
    static QColor riskColor(RiskLevel level);
    static QString riskText(RiskLevel level);   // translated: "high", "none", …
    // A flat list of rows (migrations, backups): whole rows selected one at
    // a time, columns sized to their contents, `stretch` taking the rest.
    static void setUpList(QTreeView *view, int stretch);
    // "5,000" in the user's locale.
    static QString count(qint64 n);
    // A bold caption over a pane.
    static QLabel *caption(const QString &text, QWidget *parent);
};

} // namespace covet
