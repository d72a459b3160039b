#pragma once

#include "safety/riskreport.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QLabel;
class QTreeView;

namespace covet {

// The look Covet Studio's views share: SVG icons by name, the coloured
// banners over panes, and how a risk level is shown (icon, colour, word).
class StudioStyle
{
public:
    enum class Banner { Ok, Note, Error, Info };

    // ":/covet/icons/NAME.svg".
    static QIcon icon(const char *name);
    static QIcon icon(const QString &name);
    // A coloured box: green (ok), amber (note), red (error) or blue (info);
    // hidden when text is empty. Wrapped text is never cut.
    static void setBanner(QLabel *label, const QString &text, Banner kind);

    static QIcon riskIcon(RiskLevel level);
    static QColor riskColor(RiskLevel level);
    static QString riskText(RiskLevel level);   // translated: "high", "none", …
    // A flat list of rows (migrations, backups): whole rows selected one at
    // a time, columns sized to their contents, `stretch` taking the rest.
    static void setUpList(QTreeView *view, int stretch);
    // "5,000" in the user's locale.
    static QString count(qint64 n);
};

} // namespace covet
