#include "studiodocs.h"

#include "app/studiooptions.h"
#include "bashcompletion.h"
#include "commandlinespec.h"
#include "manpage.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace covet::StudioDocs {

namespace {

// The parser exactly as StudioOptions::setup() builds it, but recorded.
void describe(CommandLineSpec &spec)
{
    spec.setApplicationDescription(StudioOptions::description());
    spec.addHelpOption();
    spec.addVersionOption();
    spec.addOptions(StudioOptions::options());
    const StudioOptions::Argument target = StudioOptions::targetArgument();
    spec.addPositionalArgument(target.name, target.description, target.syntax);
    spec.setValueChoices(QStringLiteral("view"), StudioOptions::viewNames());
}

} // namespace

QString manPage()
{
    CommandLineSpec spec;
    describe(spec);
    ManPage man(QStringLiteral("covet-studio"), 1, QStringLiteral(COVET_RELEASE_DATE),
                QStringLiteral("covet-studio ") + QStringLiteral(COVET_VERSION), QStringLiteral("User Commands"),
                QStringLiteral("review schemas and migrations of PostgreSQL, MySQL/MariaDB and SQLite databases"));
    man.section(QStringLiteral("SYNOPSIS"));
    man.synopsis(QStringLiteral("covet-studio"), u'[' + ManPage::italic(QStringLiteral("options")) + QStringLiteral("] ") +
                                                     ManPage::escape(spec.argumentSyntax()));
    man.section(QStringLiteral("DESCRIPTION"));
    man.paragraph(spec.applicationDescription());
    man.paragraph(QStringLiteral("Started without a target, Covet Studio shows its start page: open a project, connect to a "
                                 "database, open the demo, or reopen a recent project."));
    man.section(QStringLiteral("OPTIONS"));
    man.options(spec.documentedOptions());
    man.section(QStringLiteral("ARGUMENTS"));
    for (const CommandLineSpec::Argument &a : spec.arguments())
        man.item(ManPage::italic(a.name), a.description);
    man.section(QStringLiteral("ENVIRONMENT"));
    man.item(ManPage::bold(QStringLiteral("COVET_DEMO_DIR")), QStringLiteral("Where --demo and Open the Demo create demo projects."));
    man.section(QStringLiteral("SEE ALSO"));
    man.paragraph(QStringLiteral("covet(1), the command-line tool on the same engine."));
    return man.text();
}

QString bashCompletion()
{
    CommandLineSpec spec;
    describe(spec);
    BashCompletion completion(QStringLiteral("covet-studio"));
    completion.setOptions(spec);
    return completion.script();
}

bool printIfAsked(int argc, char **argv)
{
    if (argc != 2)
        return false;
    const bool man = std::strcmp(argv[1], "--help-man") == 0;
    if (!man && std::strcmp(argv[1], "--help-bash-completion") != 0)
        return false;
    // No QApplication (no display); untranslated, as the build generates it.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("covet-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COVET_VERSION));
    QTextStream out(stdout);
    out << (man ? manPage() : bashCompletion());
    return true;
}

} // namespace covet::StudioDocs
