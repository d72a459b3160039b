#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace covet {

// Covet Studio's translations (built from translations/covet_*.ts into the
// ":/i18n" resources) and Qt's own. The language comes from the
// preferences (QSettings "ui/language": "" for the system's, "en", "de");
// it is applied when the application starts.
class StudioTranslations
{
    Q_DECLARE_TR_FUNCTIONS(StudioTranslations)

public:
    struct Language
    {
        QString code;   // "" (the system's), "en", "de"
        QString name;   // as shown in the preferences
    };

    // Installs the translators for the configured language, replacing those
    // an earlier call installed.
    static void install(QCoreApplication *app);
    // The same for a given language code ("" = the system's).
    static void install(QCoreApplication *app, const QString &language);

    // The languages the preferences offer, "" (the system's) first.
    static QList<Language> languages();
    static QString configuredLanguage();
    static void setConfiguredLanguage(const QString &code);
    // The language code install() applied last ("" = the system's).
    static QString installedLanguage();
};

} // namespace covet
