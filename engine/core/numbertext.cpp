#include "numbertext.h"

#include <QLocale>

namespace covet {

QString groupedNumber(qint64 n)
{
    static const QLocale english(QLocale::English);
    return english.toString(n);
}

} // namespace covet
