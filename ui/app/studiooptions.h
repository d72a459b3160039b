#pragma once

#include <QString>

class QCommandLineParser;

namespace covet {

// Covet Studio's command line:
//   covet-studio [--demo] [--select NAME] [--view schema|diff|migrations] [--dry-run] [DATABASE-URL | PROJECT-DIR]
// (--help and --version come from QCommandLineParser).
struct StudioOptions
{
    bool demo = false;
    QString select;    // a table or view to select once the schema is shown
    QString view;      // the view to show first: "schema" (default), "diff" or "migrations"
    QString target;    // a database URL, a SQLite file or a project directory
    bool dryRun = false;   // dry-run the pending migrations once listed (implies --view migrations)

    // Adds the options and the positional argument to parser.
    static void setup(QCommandLineParser &parser);
    static StudioOptions fromParser(const QCommandLineParser &parser);

    // A new, empty directory for a demo project: under $COVET_DEMO_DIR when
    // set, else under the application's local data directory. Empty when it
    // cannot be created (error says why).
    static QString freshDemoDirectory(QString *error = nullptr);
};

} // namespace covet
