#include "clihelp.h"

#include "bashcompletion.h"
#include "manpage.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace covet::cli {

namespace {

struct Entry
{
    QString term;
    QString text;
};

const QString kDescription = QStringLiteral("Covet: schema migrations for PostgreSQL, MySQL/MariaDB and SQLite.");

// The global options: names without dashes, as QCommandLineOption has them.
QList<QCommandLineOption> globalOptions()
{
    return {
        QCommandLineOption({QStringLiteral("help"), QStringLiteral("h")},
                           QStringLiteral("Show this help; `covet <command> --help` for a command's options.")),
        QCommandLineOption({QStringLiteral("version"), QStringLiteral("V")}, QStringLiteral("Show the version.")),
    };
}

const QList<Entry> &databaseUrls()
{
    static const QList<Entry> urls{
        {QStringLiteral("sqlite:path/to/file.db"), QStringLiteral("A SQLite database file.")},
        {QStringLiteral("sqlite::memory:"), QStringLiteral("An empty in-memory SQLite database.")},
        {QStringLiteral("postgresql://user@host:port/db?schema=s&sslmode=require"), QStringLiteral("A PostgreSQL database.")},
        {QStringLiteral("mysql://user@host:port/db"), QStringLiteral("A MySQL or MariaDB database.")},
        {QStringLiteral("mariadb://user@host:port/db"), QStringLiteral("The same as mysql://.")},
    };
    return urls;
}

const QString kPasswords = QStringLiteral("Passwords come from the URL, PGPASSWORD, COVET_PASSWORD or ~/.pgpass, and are never printed.");

const QList<Entry> &exitCodes()
{
    static const QList<Entry> codes{
        {QStringLiteral("0"), QStringLiteral("success")},
        {QStringLiteral("1"), QStringLiteral("differences found (diff, check)")},
        {QStringLiteral("2"), QStringLiteral("invalid input")},
        {QStringLiteral("3"), QStringLiteral("not found")},
        {QStringLiteral("4"), QStringLiteral("connection failed")},
        {QStringLiteral("5"), QStringLiteral("database error")},
        {QStringLiteral("6"), QStringLiteral("conflict")},
        {QStringLiteral("7"), QStringLiteral("unsupported")},
        {QStringLiteral("8"), QStringLiteral("cancelled")},
        {QStringLiteral("9"), QStringLiteral("internal error")},
    };
    return codes;
}

QString optionNames(const QCommandLineOption &o)
{
    QStringList names;
    for (const QString &n : o.names())
        names << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
    return names.join(QStringLiteral(", "));
}

// Words joined with `separator`, wrapped before 80 columns; continuation
// lines indented by two spaces.
QString wrapped(const QString &lead, const QStringList &items, const QString &separator)
{
    QString out = lead;
    qsizetype column = lead.size();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString piece = items.at(i) + (i + 1 < items.size() ? separator : QStringLiteral("."));
        if (column > 2 && column + 1 + piece.size() > 79) {
            out += QStringLiteral("\n  ");
            column = 2;
        } else if (column > 0) {
            out += u' ';
            ++column;
        }
        out += piece;
        column += piece.size();
    }
    return out + u'\n';
}

QStringList exitCodeWords()
{
    QStringList words;
    for (const Entry &e : exitCodes())
        words << e.term + u' ' + e.text;
    return words;
}

} // namespace

void CliHelp::setUp(const CliCommand &command, CommandLineSpec &parser)
{
    parser.setApplicationDescription(command.summary());
    // Our own --help: Qt's adds --help-all (Qt's options) and prints the
    // executable's absolute path.
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    command.addOptions(parser);
    for (const QCommandLineOption &o : parser.allOptions())
        if (o.valueName() == u"dialect")
            parser.setValueChoices(o.names().constLast(), {QStringLiteral("sqlite"), QStringLiteral("postgresql"), QStringLiteral("mysql")});
}

QString CliHelp::commandHelp(const CliCommand &command, const CommandLineSpec &parser)
{
    QString help = parser.helpText();
    const qsizetype lineEnd = help.indexOf(u'\n');
    const QString usage = help.left(lineEnd);
    const qsizetype options = usage.indexOf(QStringLiteral(" [options]"));
    help.replace(0, options < 0 ? lineEnd : options, QStringLiteral("Usage: covet ") + command.name());
    return help;
}

void CliHelp::printHelp(QTextStream &out) const
{
    out << "Usage: covet <command> [options]\n\n" << kDescription << "\n\nCommands:\n";
    qsizetype width = 0;
    for (const auto &c : m_commands)
        width = std::max(width, c->name().size());
    for (const auto &c : m_commands)
        out << "  " << c->name().leftJustified(width + 2) << c->summary() << '\n';
    out << "\nGlobal options:\n";
    qsizetype optionWidth = 0;
    for (const QCommandLineOption &o : globalOptions())
        optionWidth = std::max(optionWidth, optionNames(o).size());
    for (const QCommandLineOption &o : globalOptions())
        out << "  " << optionNames(o).leftJustified(optionWidth + 2) << o.description() << '\n';
    QStringList urls;
    for (const Entry &e : databaseUrls())
        urls << e.term;
    out << '\n' << wrapped(QStringLiteral("Database URLs:"), urls, QStringLiteral(",")) << kPasswords << "\n\n"
        << wrapped(QStringLiteral("Exit codes:"), exitCodeWords(), QStringLiteral(","));
}

QString CliHelp::manPage() const
{
    ManPage man(QStringLiteral("covet"), 1, QStringLiteral(COVET_RELEASE_DATE),
                QStringLiteral("covet ") + QCoreApplication::applicationVersion(), QStringLiteral("User Commands"),
                kDescription.section(QStringLiteral(": "), 1).chopped(1));   // without the full stop
    man.section(QStringLiteral("SYNOPSIS"));
    man.synopsis(QStringLiteral("covet"), ManPage::italic(QStringLiteral("command")) + QStringLiteral(" [") +
                                              ManPage::italic(QStringLiteral("options")) + u']');
    man.synopsis(QStringLiteral("covet"), ManPage::bold(QStringLiteral("--help")) + QStringLiteral(" | ") +
                                              ManPage::bold(QStringLiteral("--version")));
    man.section(QStringLiteral("DESCRIPTION"));
    man.paragraph(kDescription);
    for (const auto &c : m_commands)
        man.item(ManPage::bold(c->name()), c->summary());
    man.section(QStringLiteral("COMMANDS"));
    for (const auto &c : m_commands) {
        CommandLineSpec parser;
        setUp(*c, parser);
        QString title = QStringLiteral("covet %1 [options]").arg(c->name());
        if (!parser.arguments().isEmpty())
            title += u' ' + parser.argumentSyntax();
        man.subsection(title);
        man.paragraph(c->summary());
        man.options(parser.documentedOptions());
        for (const CommandLineSpec::Argument &a : parser.arguments())
            man.item(ManPage::italic(a.name), a.description);
    }
    man.section(QStringLiteral("GLOBAL OPTIONS"));
    man.options(globalOptions());
    man.section(QStringLiteral("DATABASE URLS"));
    for (const Entry &e : databaseUrls())
        man.item(ManPage::bold(e.term), e.text);
    man.section(QStringLiteral("ENVIRONMENT"));
    man.paragraph(kPasswords);
    man.section(QStringLiteral("EXIT STATUS"));
    for (const Entry &e : exitCodes())
        man.item(ManPage::bold(e.term), e.text);
    man.section(QStringLiteral("SEE ALSO"));
    man.paragraph(QStringLiteral("covet-studio(1), the desktop application on the same engine."));
    return man.text();
}

QString CliHelp::bashCompletion() const
{
    BashCompletion completion(QStringLiteral("covet"));
    QStringList top;
    for (const auto &c : m_commands) {
        top << c->name();
        CommandLineSpec parser;
        setUp(*c, parser);
        completion.addCommand(c->name(), parser);
    }
    for (const QCommandLineOption &o : globalOptions())
        for (const QString &n : o.names())
            top << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
    completion.setTopLevelWords(top);
    return completion.script();
}

} // namespace covet::cli
