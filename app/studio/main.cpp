// Covet Studio: the desktop application. Gathers the command line and hands
// it to the main window; everything else lives in covet_ui and the engine.
#include "app/mainwindow.h"
#include "app/studiooptions.h"
#include "app/studiostyle.h"
#include "app/studiotranslations.h"
#include "views/migrationsview.h"
#include "views/rollbackdesk.h"
#include "studiodocs.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char **argv)
{
    // For the build (man page and completion of the packages), not for people.
    if (covet::StudioDocs::printIfAsked(argc, argv))
        return 0;
    // --help and --version need no display: answered before QApplication
    // (which needs one) exists, with the same parser.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v") {
            QCoreApplication core(argc, argv);
            QCoreApplication::setApplicationName(QStringLiteral("Covet Studio"));
            QCoreApplication::setApplicationVersion(QStringLiteral(COVET_VERSION));
            covet::StudioTranslations::install(&core);
            QCommandLineParser parser;
            covet::StudioOptions::setup(parser);
            parser.process(core);   // prints and exits
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Covet"));
    QApplication::setApplicationName(QStringLiteral("Covet Studio"));
    QApplication::setApplicationVersion(QStringLiteral(COVET_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("covet-studio"));
    QApplication::setWindowIcon(covet::StudioStyle::icon("covet"));
    covet::StudioTranslations::install(&app);

    QCommandLineParser parser;
    covet::StudioOptions::setup(parser);
    parser.process(app);   // --help and --version print and exit here
    const covet::StudioOptions options = covet::StudioOptions::fromParser(parser);

    covet::MainWindow window;
    window.setPendingSelection(options.select);
    window.show();
    if (!options.view.isEmpty() && !window.showView(options.view)) {
        qCritical("covet-studio: unknown view '%s'; use %s", qPrintable(options.view),
                  qPrintable(covet::StudioOptions::viewNames().join(QStringLiteral(", "))));
        return 2;
    }
    if (options.dryRun && options.rollbackSteps > 0) {
        // The rollback desk's dry run and its rehearsal, once the risk is there.
        covet::RollbackDesk *desk = window.rollbackDesk();
        QObject::connect(
            desk, &covet::RollbackDesk::assessed, desk, [desk]() { desk->next() && desk->next(); }, Qt::SingleShotConnection);
    } else if (options.dryRun) {
        window.migrationsView()->dryRunWhenListed();
    }
    if (options.squash)
        window.migrationsView()->squashWhenListed();
    if (options.rollbackSteps > 0)
        window.rollbackDesk()->rollBackSteps(options.rollbackSteps);
    if (options.demo) {
        QString error;
        const QString dir = covet::StudioOptions::freshDemoDirectory(&error);
        if (dir.isEmpty()) {
            qCritical("covet-studio: %s", qPrintable(error));
            return 2;
        }
        window.openDemo(dir);
    } else if (!options.target.isEmpty()) {
        window.openTarget(options.target);
    }
    // Otherwise the start page: open a project, connect, the demo, recent projects.
    return app.exec();
}
