#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace covet {

// Covet Studio's command line:
//   covet-studio [--demo] [--select NAME] [--view schema|diff|migrations|rollback|backups] [--dry-run]
//                [--rollback-steps N] [--squash] [DATABASE-URL | PROJECT-DIR]
// (--help and --version come from QCommandLineParser).
struct StudioOptions
{
    bool demo = false;
    QString select;    // a table or view to select once the schema is shown
    QString view;      // the view to show first: "schema" (default), "diff", "migrations", "rollback" or "backups"
    QString target;    // a database URL, a SQLite file or a project directory
    bool dryRun = false;   // dry-run the pending migrations once listed (implies --view migrations)
    int rollbackSteps = 0; // choose the last N applied migrations in the rollback desk (implies --view rollback)
    bool squash = false;   // open Squash… and preview the whole range once listed (implies --view migrations)

    // Adds the description, --help, --version, the options and the
    // positional argument to parser, in this order. The manual page and the
    // bash completion (covet-studio --help-man, --help-bash-completion) are
    // written from the same pieces.
    static void setup(QCommandLineParser &parser);
    static QString description();
    static QList<QCommandLineOption> options();
    struct Argument
    {
        QString name, description, syntax;
    };
    static Argument targetArgument();
    // The names --view accepts.
    static QStringList viewNames();
    static StudioOptions fromParser(const QCommandLineParser &parser);

    // A new, empty directory for a demo project: under $COVET_DEMO_DIR when
    // set, else under the application's local data directory. Empty when it
    // cannot be created (error says why).
    static QString freshDemoDirectory(QString *error = nullptr);
};

} // namespace covet
