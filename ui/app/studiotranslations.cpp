#include "studiotranslations.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace covet {

namespace {

const QString kLanguageKey = QStringLiteral("ui/language");

struct Installed
{
    QList<QPointer<QTranslator>> translators;
    QString language;
};

Installed &installed()
{
    static Installed state;
    return state;
}

} // namespace

QList<StudioTranslations::Language> StudioTranslations::languages()
{
    const QString system = QLocale::system().nativeLanguageName();
    return {
        {QString(), system.isEmpty() ? tr("System language") : tr("System language (%1)").arg(system)},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
    };
}

QString StudioTranslations::configuredLanguage()
{
    return QSettings().value(kLanguageKey).toString();
}

void StudioTranslations::setConfiguredLanguage(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(kLanguageKey);
    else
        settings.setValue(kLanguageKey, code);
}

QString StudioTranslations::installedLanguage()
{
    return installed().language;
}

void StudioTranslations::install(QCoreApplication *app)
{
    install(app, configuredLanguage());
}

void StudioTranslations::install(QCoreApplication *app, const QString &language)
{
    Installed &state = installed();
    for (const QPointer<QTranslator> &t : std::as_const(state.translators)) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t.data();
        }
    }
    state.translators.clear();
    state.language = language;

    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    auto add = [&state](QTranslator *t, bool loaded) {
        if (loaded) {
            QCoreApplication::installTranslator(t);
            state.translators << t;
        } else {
            delete t;
        }
    };
    auto *qt = new QTranslator(app);
    add(qt, qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    // covet_en holds only English plural forms ("1 table", "3 tables"); it is
    // the fallback for every language without its own translation.
    auto *english = new QTranslator(app);
    add(english, english->load(QStringLiteral(":/i18n/covet_en.qm")));
    auto *covet = new QTranslator(app);
    add(covet, locale.language() != QLocale::English
                   && covet->load(locale, QStringLiteral("covet"), QStringLiteral("_"), QStringLiteral(":/i18n")));
}

} // namespace covet
