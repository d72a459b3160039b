#include "makemigrationscommand.h"

#include "runner/migrationmaker.h"
#include "migrations/projectconfig.h"
#include "operations/operationdescriber.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

namespace covet::cli {

namespace {

QString candidateLine(const RenameCandidate &c)
{
    const QString what = c.kind == RenameCandidate::Kind::Table ? QStringLiteral("table %1 -> %2").arg(c.from, c.to)
                                                                 : QStringLiteral("column %1.%2 -> %3").arg(c.table, c.from, c.to);
    QStringList reasons;
    for (auto it = c.reasons.begin(); it != c.reasons.end(); ++it)
        reasons << QStringLiteral("%1 %2").arg(it.key(), QString::number(it.value(), 'f', 2));
    QString line = QStringLiteral("%1  score %2 (%3)").arg(what, QString::number(c.score, 'f', 2), renameSourceName(c.source));
    if (!reasons.isEmpty())
        line += QStringLiteral("  [%1]").arg(reasons.join(QStringLiteral(", ")));
    if (!c.explanation.isEmpty())
        line += QStringLiteral("\n      ") + c.explanation;
    return line;
}

// Asks on the terminal. Only used when stdin is a terminal: end of input
// keeps the default, so it never waits for input that cannot come.
class TerminalRenamePrompt : public RenamePrompt
{
public:
    explicit TerminalRenamePrompt(QTextStream &out) : m_out(out), m_in(stdin) {}
    Answer ask(const RenameCandidate &c) override
    {
        for (;;) {
            m_out << "Rename " << candidateLine(c) << "\n  Is this a rename? [" << (c.accepted ? "Y/n" : "y/N") << "] ";
            m_out.flush();
            const QString line = m_in.readLine();
            if (line.isNull())
                return Answer::Default;
            const QString a = line.trimmed().toLower();
            if (a.isEmpty())
                return Answer::Default;
            if (a == u"y" || a == u"yes")
                return Answer::Accept;
            if (a == u"n" || a == u"no")
                return Answer::Reject;
            m_out << "  Please answer y or n.\n";
        }
    }

private:
    QTextStream &m_out;
    QTextStream m_in;
};

} // namespace

void MakeMigrationsCommand::addOptions(CommandLineSpec &p) const
{
    p.addOption({QStringLiteral("models"), QStringLiteral("The desired schema: a models file (.yaml) or a DDL file (.sql) (default: covet.yaml's)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("name"), QStringLiteral("The migration's name (lowercase letters, digits, _)."), QStringLiteral("name")});
    p.addOption({QStringLiteral("empty"), QStringLiteral("Write an empty migration to fill in by hand.")});
    p.addOption({QStringLiteral("merge"), QStringLiteral("Write a merge migration depending on every divergent leaf.")});
    p.addOption({QStringLiteral("no-input"), QStringLiteral("Never ask: the threshold, renamed_from hints and --renames decide renames.")});
    p.addOption({QStringLiteral("renames"), QStringLiteral("A rename decisions file (accepted/rejected pairs) that overrides scores; answers given on a terminal are "
                                                                  "saved into it (default: renames.yaml beside covet.yaml)."),
                 QStringLiteral("file")});
    p.addOption({QStringLiteral("author"), QStringLiteral("The migration's author (default: the author git would name for a commit here; \"\" for none)."), QStringLiteral("name")});
    p.addOption({QStringLiteral("check"), QStringLiteral("Write nothing; exit 1 when the models and the migrations disagree (for CI).")});
    p.addOption({QStringLiteral("dev-url"), QStringLiteral("Scratch server URL for running PostgreSQL/MySQL .sql models files and .sql migrations."), QStringLiteral("url")});
    p.addOption({QStringLiteral("db"), QStringLiteral("Try the new migration on this database before writing it (default: covet.yaml's database)."), QStringLiteral("url")});
    p.addOption({QStringLiteral("environment"), QStringLiteral("Try the new migration on this environment's database of covet.yaml."), QStringLiteral("name")});
    p.addOption({QStringLiteral("no-db-check"), QStringLiteral("Write the migration without trying it on a database.")});
    p.addOption({QStringLiteral("allow-lossy"), QStringLiteral("Let type changes round or cut values (writes allow_lossy: true on them) instead of stopping at such rows.")});
    p.addOption({QStringLiteral("config"), QStringLiteral("The project file (default: ./covet.yaml)."), QStringLiteral("path")});
}

int MakeMigrationsCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    const bool empty = p.isSet(QStringLiteral("empty"));
    const bool merge = p.isSet(QStringLiteral("merge"));
    const bool check = p.isSet(QStringLiteral("check"));
    if (empty && merge)
        return usageError(QStringLiteral("--empty and --merge cannot be combined"), err);
    if (check && (empty || merge))
        return usageError(QStringLiteral("--check cannot be combined with --empty or --merge"), err);

    auto config = ProjectConfig::find(p.value(QStringLiteral("config")), QDir::currentPath());
    if (!config)
        return report(config.error(), err);

    // Ask only a person at a terminal; never wait on a pipe, a file or a closed stdin.
    const bool interactive = !check && !p.isSet(QStringLiteral("no-input")) && isatty(STDIN_FILENO) == 1;
    std::optional<RenameDecisions> decisions;
    // On a terminal a --renames FILE that does not exist yet is where the answers go.
    if (p.isSet(QStringLiteral("renames")) && !(interactive && !QFileInfo::exists(p.value(QStringLiteral("renames"))))) {
        auto d = RenameDecisions::read(p.value(QStringLiteral("renames")));
        if (!d)
            return report(d.error(), err);
        decisions = std::move(*d);
    }

    MakeMigrationsOptions options;
    options.mode = merge ? MakeMigrationsOptions::Mode::Merge
                 : empty ? MakeMigrationsOptions::Mode::Empty
                         : MakeMigrationsOptions::Mode::Diff;
    if (p.isSet(QStringLiteral("models")))
        options.modelsPath = QDir::current().absoluteFilePath(p.value(QStringLiteral("models")));
    options.name = p.value(QStringLiteral("name"));
    if (p.isSet(QStringLiteral("author")))
        options.author = p.value(QStringLiteral("author"));
    options.decisions = decisions ? &*decisions : nullptr;
    if (p.isSet(QStringLiteral("renames")))
        options.answersPath = QDir::current().absoluteFilePath(p.value(QStringLiteral("renames")));
    options.dryRun = check;
    options.devUrl = p.value(QStringLiteral("dev-url"));
    options.allowLossy = p.isSet(QStringLiteral("allow-lossy"));
    // The database the new migration is tried on: --db, else the
    // environment's, else covet.yaml's default. Asked for explicitly, it
    // must be reachable; the project's default only warns when it is not.
    QString unchecked;
    if (p.isSet(QStringLiteral("no-db-check"))) {
        if (p.isSet(QStringLiteral("db")) || p.isSet(QStringLiteral("environment")))
            return usageError(QStringLiteral("--no-db-check cannot be combined with --db or --environment"), err);
    } else if (p.isSet(QStringLiteral("db"))) {
        options.checkDatabase = p.value(QStringLiteral("db"));
        options.checkRequired = true;
    } else {
        auto url = config->databaseUrl(p.value(QStringLiteral("environment")));
        if (url) {
            options.checkDatabase = *url;
        } else if (p.isSet(QStringLiteral("environment"))) {
            return report(url.error(), err);
        } else if (!config->database().isEmpty() || !config->defaultEnvironment().isEmpty()) {
            unchecked = url.error().toString();   // configured, but not usable (e.g. an unset ${VAR})
        }
        options.checkRequired = p.isSet(QStringLiteral("environment"));
    }
    std::optional<TerminalRenamePrompt> prompt;
    if (interactive) {
        prompt.emplace(out);
        options.prompt = &*prompt;
    }

    auto result = MigrationMaker(*config).make(options);
    if (!result)
        return report(result.error(), err);
    if (!result->answersPath.isEmpty()) {
        const QString saved = QDir::current().relativeFilePath(result->answersPath);
        out << "Saved " << result->answers.size() << (result->answers.size() == 1 ? " rename decision" : " rename decisions") << " to "
            << saved << "; CI reproduces them with: covet makemigrations --no-input --renames " << saved << " --check\n";
    }

    if (!result->hasChanges()) {
        out << "No changes detected: the migrations match the models.\n";
        return 0;
    }
    const Migration &m = *result->migration;
    const QString file = QDir::current().relativeFilePath(result->path);
    if (check)
        out << "The models and the migrations disagree: makemigrations would write " << file << ":\n";
    else
        out << "Created " << file << ":\n";
    if (merge)
        out << "  merges " << m.dependencies.join(QStringLiteral(", ")) << '\n';
    else if (empty)
        out << "  an empty migration: add its operations by hand\n";
    for (const Operation &op : m.operations)
        out << "  - " << OperationDescriber::describe(op) << '\n';
    bool rejected = false;
    for (const RenameCandidate &c : std::as_const(result->diff.renameCandidates)) {
        out << "  rename " << (c.accepted ? "accepted: " : "rejected: ") << candidateLine(c) << '\n';
        rejected = rejected || !c.accepted;
    }
    if (rejected)
        out << "A rejected rename is a drop + add (its data is lost): accept it in a decisions file (--renames FILE) "
               "or with renamed_from in the models file.\n";
    if (result->liveCheck) {
        const LiveCheckReport &live = *result->liveCheck;
        if (live.checked || live.noDatabase)
            out << "The migration was " << live.summary() << ".\n";
        else
            err << "covet: warning: the migration was " << live.summary() << ".\n";
        for (const QString &w : live.warnings)
            err << "covet: warning: " << w << '\n';
    } else if (!unchecked.isEmpty() && !check && !empty && !merge) {
        err << "covet: warning: the migration was not checked against the database: " << unchecked << ".\n";
    }
    return check ? 1 : 0;
}

} // namespace covet::cli
