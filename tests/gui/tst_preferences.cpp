// covet-test-labels: gui
#include "app/mainwindow.h"
#include "app/studiotranslations.h"
#include "dialogs/preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

QStringList menuTitles(const MainWindow &w)
{
    QStringList out;
    for (QAction *a : w.menuBar()->actions())
        out << a->text();
    return out;
}

} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("CovetTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_preferences"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void cleanup()
    {
        StudioTranslations::setConfiguredLanguage(QString());
        StudioTranslations::install(qApp);
    }

    void savedLanguageAppliesAtTheNextStart()
    {
        // What main() does at start, with "Deutsch" chosen earlier.
        StudioTranslations::setConfiguredLanguage(QStringLiteral("de"));
        StudioTranslations::install(qApp);
        {
            MainWindow w;
            QCOMPARE(menuTitles(w), (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
                                                 QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));
        }
        PreferencesDialog dialog;
        QCOMPARE(dialog.chosenLanguage(), QStringLiteral("de"));
        QVERIFY(dialog.noticeText().isEmpty());   // the language in use
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("en")));
        QVERIFY(dialog.needsRestart());
        QVERIFY(!dialog.noticeText().isEmpty());
        QVERIFY(dialog.apply());
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
        // The next start.
        StudioTranslations::install(qApp);
        MainWindow w;
        QCOMPARE(menuTitles(w), (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&View"),
                                             QStringLiteral("&Help")}));
    }

    void qtsOwnButtonsFollowTheLanguage()
    {
        // Qt's own strings (the "Cancel" of a button box) come from
        // qtbase_<lang>.qm (Debian: qt6-translations-l10n); without it they
        // stay English and nothing fails.
        const bool haveQtBase = QFileInfo::exists(
            QDir(QLibraryInfo::path(QLibraryInfo::TranslationsPath)).filePath(QStringLiteral("qtbase_de.qm")));
        StudioTranslations::setConfiguredLanguage(QStringLiteral("de"));
        StudioTranslations::install(qApp);
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
                 haveQtBase ? QStringLiteral("Abbrechen") : QStringLiteral("Cancel"));
        if (!haveQtBase)
            QSKIP("qtbase_de.qm is not installed (qt6-translations-l10n)");
    }

    void preferencesFromTheEditMenu()
    {
        StudioTranslations::install(qApp);
        MainWindow w;
        w.show();
        QAction *prefs = nullptr;
        for (QAction *menu : w.menuBar()->actions())
            for (QAction *a : menu->menu()->actions())
                if (a->text() == QStringLiteral("&Preferences…"))
                    prefs = a;
        QVERIFY(prefs);
        QCOMPARE(prefs->shortcut(), QKeySequence(QKeySequence::Preferences));
        PreferencesDialog *dialog = w.showPreferences();
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->chosenLanguage(), QString());   // the system's
        QCOMPARE(dialog->languageBox()->itemText(2), QStringLiteral("Deutsch"));
        dialog->languageBox()->setCurrentIndex(2);
        QVERIFY(dialog->noticeText().contains(QStringLiteral("starts again")));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(StudioTranslations::configuredLanguage(), QStringLiteral("de"));
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("starts again")));
        // The running window keeps its language until the restart.
        QCOMPARE(menuTitles(w).first(), QStringLiteral("&File"));
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
