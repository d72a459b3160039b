#include "migrationmaker.h"

#include "../core/localuser.h"

#include "../migrations/desiredschema.h"

#include "../db/connection.h"
#include "../db/databaseurl.h"
#include "../operations/operationdescriber.h"
#include "../sources/modelsfile.h"
#include "../sql/typeconversion.h"
#include "../sources/schemasource.h"
#include "../migrations/historyreplay.h"
#include "../migrations/migrationfile.h"
#include "../migrations/migrationgraph.h"
#include "../migrations/migrationrepository.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <utility>

namespace covet {

namespace {

constexpr qsizetype kMaxName = 60;

template <class... Ts>
struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;   // Clang 16 does not deduce it for aggregates

// Lowercase, [a-z0-9_] only, runs of '_' collapsed, trimmed.
QString sanitize(const QString &text)
{
    QString out;
    for (const QChar ch : text.toLower()) {
        const bool ok = (ch >= u'a' && ch <= u'z') || (ch >= u'0' && ch <= u'9');
        if (ok)
            out += ch;
        else if (!out.isEmpty() && !out.endsWith(u'_'))
            out += u'_';
    }
    while (out.endsWith(u'_'))
        out.chop(1);
    return out;
}

QString join(std::initializer_list<QString> parts)
{
    QStringList list;
    for (const QString &p : parts)
        if (!p.isEmpty())
            list << p;
    return list.join(u'_');
}

// The table an operation is about (empty for views, enums, raw SQL...).
QString tableOf(const Operation &op)
{
    return std::visit(Overloaded{
                          [](const CreateTable &o) { return o.table.name; },
                          [](const DropTable &o) { return o.name; },
                          [](const RenameTable &o) { return o.to; },
                          [](const CreateView &) { return QString(); },
                          [](const DropView &) { return QString(); },
                          [](const CreateEnum &) { return QString(); },
                          [](const DropEnum &) { return QString(); },
                          [](const AlterEnum &) { return QString(); },
                          [](const RunSql &) { return QString(); },
                          [](const CreateNamespace &) { return QString(); },
                          [](const DropNamespace &) { return QString(); },
                          [](const auto &o) { return o.table; },
                      },
                      op);
}

QString nameOf(const Operation &op)
{
    return std::visit(Overloaded{
                          [](const CreateTable &o) { return join({QStringLiteral("create"), o.table.name}); },
                          [](const DropTable &o) { return join({QStringLiteral("drop"), o.name}); },
                          [](const RenameTable &o) { return join({QStringLiteral("rename"), o.from, o.to}); },
                          [](const AddColumn &o) { return join({QStringLiteral("add"), o.table, o.column.name}); },
                          [](const DropColumn &o) { return join({QStringLiteral("remove"), o.table, o.column}); },
                          [](const AlterColumn &o) { return join({QStringLiteral("alter"), o.table, o.after.name}); },
                          [](const RenameColumn &o) { return join({QStringLiteral("rename"), o.table, o.from, o.to}); },
                          [](const CreateIndex &o) { return join({QStringLiteral("add_index"), o.index.name}); },
                          [](const DropIndex &o) { return join({QStringLiteral("drop_index"), o.name}); },
                          [](const AddForeignKey &o) { return join({QStringLiteral("add_fk"), o.table}); },
                          [](const DropForeignKey &o) { return join({QStringLiteral("drop_fk"), o.table}); },
                          [](const AddCheck &o) { return join({QStringLiteral("add_check"), o.check.name}); },
                          [](const DropCheck &o) { return join({QStringLiteral("drop_check"), o.check.name}); },
                          [](const AddUnique &o) { return join({QStringLiteral("add_unique"), o.unique.name}); },
                          [](const DropUnique &o) { return join({QStringLiteral("drop_unique"), o.unique.name}); },
                          [](const SetPrimaryKey &o) { return join({QStringLiteral("primary_key"), o.table}); },
                          [](const CreateView &o) { return join({QStringLiteral("create_view"), o.view.name}); },
                          [](const DropView &o) { return join({QStringLiteral("drop_view"), o.name}); },
                          [](const CreateTrigger &o) { return join({QStringLiteral("create_trigger"), o.trigger.name}); },
                          [](const DropTrigger &o) { return join({QStringLiteral("drop_trigger"), o.name}); },
                          [](const CreateEnum &o) { return join({QStringLiteral("create_enum"), o.enumType.name}); },
                          [](const DropEnum &o) { return join({QStringLiteral("drop_enum"), o.name}); },
                          [](const AlterEnum &o) { return join({QStringLiteral("alter_enum"), o.after.name}); },
                          [](const RunSql &) { return QStringLiteral("run_sql"); },
                          [](const CreateNamespace &o) { return join({QStringLiteral("create_schema"), o.name}); },
                          [](const DropNamespace &o) { return join({QStringLiteral("drop_schema"), o.name}); },
                      },
                      op);
}

QString limited(QString name, const QString &suffix = {})
{
    name = sanitize(name);
    const qsizetype room = kMaxName - suffix.size();
    if (name.size() > room) {
        name.truncate(room);
        while (name.endsWith(u'_'))
            name.chop(1);
    }
    if (name.isEmpty())
        name = QStringLiteral("auto");
    return name + suffix;
}

// "Rename column customers.name to full_name; Add column ... (and 3 more)".
QString describe(const OperationList &operations)
{
    constexpr qsizetype kShown = 3;
    QStringList parts;
    for (qsizetype i = 0; i < operations.size() && i < kShown; ++i)
        parts << OperationDescriber::describe(operations.at(i));
    QString text = parts.join(QStringLiteral("; "));
    if (operations.size() > kShown)
        text += QStringLiteral(" (and %1 more)").arg(operations.size() - kShown);
    return text;
}

} // namespace

MigrationMaker::MigrationMaker(ProjectConfig config)
    : m_config(std::move(config))
{
}

bool MigrationMaker::isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9_]+$"));
    return !name.isEmpty() && name.size() <= kMaxName && re.match(name).hasMatch();
}

QString MigrationMaker::deriveName(const OperationList &operations)
{
    if (operations.isEmpty())
        return QStringLiteral("auto");
    if (operations.size() == 1)
        return limited(nameOf(operations.first()));
    const QString table = tableOf(operations.first());
    bool sameTable = !table.isEmpty();
    for (const Operation &op : operations)
        sameTable = sameTable && tableOf(op) == table;
    if (sameTable)
        return limited(QStringLiteral("alter_") + table);
    // Views and triggers dropped to be re-created around a change are not
    // what the migration is about.
    const Operation *main = &operations.first();
    for (const Operation &op : operations) {
        if (!std::holds_alternative<DropView>(op) && !std::holds_alternative<DropTrigger>(op)) {
            main = &op;
            break;
        }
    }
    return limited(nameOf(*main), QStringLiteral("_and_more"));
}

Result<Dialect> MigrationMaker::dialectFor(const Schema *desired) const
{
    if (m_config.dialect())
        return *m_config.dialect();
    if (desired && desired->dialect)
        return *desired->dialect;
    return fail(Error::Category::InvalidInput,
                QStringLiteral("the project has no dialect; add `dialect: sqlite|postgresql|mysql` to covet.yaml"),
                m_config.path());
}

QString MigrationMaker::decisionsPathFor(const ProjectConfig &config)
{
    const QString base = config.baseDirectory().isEmpty() ? QFileInfo(config.path()).absolutePath() : config.baseDirectory();
    return QDir(base).filePath(QStringLiteral("renames.yaml"));
}

Result<DiffResult> MigrationMaker::diffWithPrompts(const Schema &from, const Schema &to, DiffOptions options,
                                                   RenamePrompt *prompt, RenameDecisions &answers) const
{
    RenameDecisions working = options.decisions ? *options.decisions : RenameDecisions();
    options.decisions = &working;
    QSet<QString> asked;
    const auto key = [](const RenameCandidate &c) {
        return QStringList{renameKindName(c.kind), c.schema, c.table, c.from, c.to}.join(QChar(0x1f));
    };
    // Accepting or rejecting one candidate can change the others (a table
    // rename brings its columns' candidates): ask, diff again, until every
    // scored candidate has been asked about. Bounded: each round asks at
    // least one new candidate or stops.
    for (int round = 0;; ++round) {
        auto result = Differ::diff(from, to, options);
        if (!result || !prompt || round >= 32)
            return result;
        bool changed = false;
        for (const RenameCandidate &c : std::as_const(result->renameCandidates)) {
            if (c.source != RenameCandidate::Source::Score || asked.contains(key(c)))
                continue;
            asked.insert(key(c));
            const RenamePrompt::Answer answer = prompt->ask(c);
            // Default keeps what the score says; it is recorded as that, so
            // another threshold later does not change what the person saw.
            const bool accept = answer == RenamePrompt::Answer::Default ? c.accepted : answer == RenamePrompt::Answer::Accept;
            const auto verdict = accept ? RenameDecisions::Verdict::Accept : RenameDecisions::Verdict::Reject;
            answers.set(c, verdict);
            if (answer == RenamePrompt::Answer::Default)
                continue;
            working.set(c, verdict);
            changed = changed || accept != c.accepted;
        }
        if (!changed)
            return result;
    }
}

Result<LiveCheckReport> MigrationMaker::checkLive(const MigrationRepository &repo, Migration migration, const QString &path,
                                                  const MakeMigrationsOptions &options) const
{
    migration.sourcePath = path;
    auto url = DatabaseUrl::parse(options.checkDatabase);
    LiveCheckReport unchecked;
    unchecked.database = url ? url->display() : options.checkDatabase;
    auto connection = Connection::open(options.checkDatabase, QStringLiteral("makemigrations"), false);
    if (!connection) {
        // A SQLite file that does not exist yet holds no data to check.
        if (connection.error().category() == Error::Category::NotFound && url && url->dialect() == Dialect::SQLite) {
            unchecked.note = QStringLiteral("the database file does not exist yet (`covet migrate` creates it)");
            unchecked.noDatabase = true;
            return unchecked;
        }
        if (options.checkRequired)
            return std::unexpected(connection.error().withContext(QStringLiteral("checking %1 against the database; nothing was written").arg(migration.id)));
        unchecked.note = connection.error().toString();
        return unchecked;
    }
    if (auto d = dialectFor(nullptr); d && *d != (*connection)->dialect())
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("the project's dialect is %1 but %2 is a %3 database; nothing was written")
                        .arg(dialectName(*d), unchecked.database, dialectName((*connection)->dialect())),
                    m_config.path());
    return MigrationLiveCheck::run(repo, migration, **connection, options.lockTimeoutMs);
}

Result<MakeMigrationsResult> MigrationMaker::make(const MakeMigrationsOptions &options, const ProgressSink *progress) const
{
    if (!options.name.isEmpty() && !isValidName(options.name))
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("invalid migration name '%1': use lowercase letters, digits and _ (at most %2 characters)")
                        .arg(options.name)
                        .arg(kMaxName));

    const MigrationRepository repo = MigrationRepository::load(m_config.migrationsPath());
    if (!repo.isValid())
        return std::unexpected(repo.status().error());
    const MigrationGraph graph = MigrationGraph::build(repo.migrations());

    MakeMigrationsResult result;
    result.leaves = graph.leaves();
    bool divergent = false;
    for (const GraphConflict &c : graph.conflicts()) {
        if (c.kind == GraphConflict::Kind::DivergentLeaves)
            divergent = true;
        else
            return std::unexpected(Error(Error::Category::Conflict, c.message, repo.directory()));
    }

    Migration migration;
    migration.number = repo.nextNumber();
    migration.dependencies = result.leaves;
    migration.author = options.author ? options.author->simplified() : LocalUser::gitAuthor(repo.directory());

    if (options.mode == MakeMigrationsOptions::Mode::Merge) {
        if (!divergent)
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("nothing to merge: the migrations have a single leaf (%1)")
                            .arg(result.leaves.isEmpty() ? QStringLiteral("none") : result.leaves.join(QStringLiteral(", "))),
                        repo.directory());
        QStringList numbers;
        for (const QString &leaf : std::as_const(result.leaves))
            numbers << leaf.section(u'_', 0, 0);
        migration.name = options.name.isEmpty() ? limited(QStringLiteral("merge_") + numbers.join(u'_')) : options.name;
        migration.description = QStringLiteral("Merges the branches %1.").arg(result.leaves.join(QStringLiteral(", ")));
    } else {
        if (divergent)
            return fail(Error::Category::Conflict,
                        QStringLiteral("the migrations have divergent leaves (%1): two migrations share a parent; "
                                       "run `covet makemigrations --merge` first")
                            .arg(result.leaves.join(QStringLiteral(", "))),
                        repo.directory());
        if (options.mode == MakeMigrationsOptions::Mode::Empty) {
            migration.name = options.name.isEmpty() ? QStringLiteral("custom") : options.name;
            migration.description = QStringLiteral("An empty migration: add operations (e.g. run_sql) by hand.");
        } else {
            const QString spec = options.modelsPath.isEmpty() ? m_config.modelsPath() : options.modelsPath;
            if (spec.isEmpty())
                return fail(Error::Category::InvalidInput,
                            QStringLiteral("no models file: pass --models FILE or set `models:` in covet.yaml"), m_config.path());
            if (!QFileInfo::exists(spec))
                return fail(Error::Category::NotFound, QStringLiteral("the models file does not exist"), spec);

            DiffOptions diffOptions;
            diffOptions.renames.enabled = m_config.renameDetection();
            diffOptions.renames.threshold = m_config.renameThreshold();
            if (options.renames)
                diffOptions.renames = *options.renames;
            diffOptions.decisions = options.decisions;

            // Models files and DDL files; the dialect (for a DDL file) is
            // the project's.
            const DesiredSchema::Kind kind = DesiredSchemaLoader::classify(spec);
            if (kind != DesiredSchema::Kind::ModelsFile && kind != DesiredSchema::Kind::SqlFile && kind != DesiredSchema::Kind::JsonFile)
                return fail(Error::Category::InvalidInput,
                            QStringLiteral("the desired schema must be a models file (.yaml) or a DDL file (.sql)"), spec);
            SchemaSourceOptions so;
            if (kind != DesiredSchema::Kind::ModelsFile) {
                auto dialect = dialectFor(nullptr);
                if (!dialect)
                    return std::unexpected(dialect.error());
                so.dialect = *dialect;
            }
            so.devUrl = options.devUrl;
            so.progress = progress;
            auto loaded = DesiredSchemaLoader::load(spec, so);
            if (!loaded)
                return std::unexpected(loaded.error());
            Schema desired = std::move(loaded->schema);
            diffOptions.hints = loaded->hints;
            diffOptions.backfills = loaded->backfills;

            auto dialect = dialectFor(&desired);
            if (!dialect)
                return std::unexpected(dialect.error());
            auto replayed = HistoryReplay::replay(graph.ordered(), *dialect, progress, options.devUrl);
            if (!replayed)
                return std::unexpected(replayed.error());

            auto diff = diffWithPrompts(*replayed, desired, diffOptions, options.prompt, result.answers);
            if (!diff)
                return std::unexpected(diff.error());
            result.diff = std::move(*diff);
            // The answers first: a file that cannot be saved stops before the
            // migration is written.
            if (!options.dryRun && !result.answers.isEmpty()) {
                const QString path = options.answersPath.isEmpty() ? decisionsPathFor(m_config) : options.answersPath;
                if (auto saved = RenameDecisions::mergeInto(path, result.answers); !saved)
                    return std::unexpected(saved.error());
                result.answersPath = path;
            }
            if (result.diff.isEmpty())
                return result;
            if (options.allowLossy) {
                // Where the conversion can change values in this dialect.
                for (Operation &op : result.diff.operations) {
                    auto *a = std::get_if<AlterColumn>(&op);
                    if (!a)
                        continue;
                    const auto checks = TypeConversion(*dialect, a->before, a->after).checks(QStringLiteral("v"));
                    a->allowLossy = std::any_of(checks.begin(), checks.end(),
                                                [](const TypeConversion::Check &c) { return c.problem == TypeConversion::Problem::Lossy; });
                }
            }
            migration.operations = result.diff.operations;
            if (!options.name.isEmpty())
                migration.name = options.name;
            else if (result.leaves.isEmpty())
                migration.name = QStringLiteral("initial");
            else
                migration.name = deriveName(migration.operations);
            migration.description = describe(migration.operations);
        }
    }

    migration.id = Migration::makeId(migration.number, migration.name);
    migration.format = Migration::Format::Yaml;
    auto path = repo.checkedPath(migration.fileName());
    if (!path)
        return std::unexpected(path.error());
    result.path = *path;
    // The file must read back as what we mean to write.
    auto reread = MigrationFile::parse(MigrationFile::serialize(migration), migration.fileName());
    if (!reread)
        return fail(Error::Category::Internal,
                    QStringLiteral("the generated migration does not read back: %1").arg(reread.error().toString()),
                    migration.fileName());
    if (options.expectedOperations && *options.expectedOperations != migration.operations)
        return fail(Error::Category::Conflict,
                    QStringLiteral("the migration computed now differs from the one reviewed (the migrations or the desired schema "
                                   "changed meanwhile); nothing was written: review it again"),
                    migration.fileName());
    if (!options.dryRun && options.mode == MakeMigrationsOptions::Mode::Diff && !options.checkDatabase.isEmpty()) {
        auto live = checkLive(repo, *reread, *path, options);
        if (!live)
            return std::unexpected(live.error());
        result.liveCheck = *live;
    }
    if (!options.dryRun) {
        auto written = MigrationFile::write(migration, *path);
        if (!written)
            return std::unexpected(written.error());
        migration.sourcePath = *path;
    }
    result.migration = std::move(migration);
    return result;
}

} // namespace covet
