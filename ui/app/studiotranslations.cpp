#include "studiotranslations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace covet {

void StudioTranslations::install(QCoreApplication *app)
{
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    // covet_en holds only English plural forms ("1 table", "3 tables"); it is
    // the fallback for every language without its own translation.
    auto *english = new QTranslator(app);
    if (english->load(QStringLiteral(":/i18n/covet_en.qm")))
        app->installTranslator(english);
    auto *covet = new QTranslator(app);
    if (QLocale().language() != QLocale::English
        && covet->load(QLocale(), QStringLiteral("covet"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app->installTranslator(covet);
}

} // namespace covet
