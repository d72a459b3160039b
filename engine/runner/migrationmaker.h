#pragma once

#include "../core/error.h"
#include "../core/progress.h"
#include "../diff/differ.h"
#include "../diff/renamecandidate.h"
#include "../diff/renamedecisions.h"
#include "../migrations/migration.h"
#include "migrationlivecheck.h"
#include "../migrations/migrationrepository.h"
#include "../migrations/projectconfig.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace covet {

// Asks a person about one rename candidate (the CLI on a terminal, the GUI
// in a dialog). The engine never reads input itself: without a prompt the
// threshold, the models file's hints and the decisions file decide.
class RenamePrompt
{
public:
    enum class Answer {
        Accept,    // a rename
        Reject,    // drop + add
        Default,   // keep what the score (threshold) says
    };
    virtual ~RenamePrompt() = default;
    // `candidate.accepted` is what happens with Default.
    virtual Answer ask(const RenameCandidate &candidate) = 0;
};

struct MakeMigrationsOptions
{
    enum class Mode {
        Diff,    // the operations between the history and the desired schema
        Empty,   // an empty migration to fill in by hand
        Merge,   // a merge migration depending on every divergent leaf
    };
    Mode mode = Mode::Diff;
    // The desired schema: a models file (.yaml/.yml) or a DDL file (.sql);
    // empty: the project's `models`.
    QString modelsPath;
    // The migration's name ("add_phone"; lowercase letters, digits, _);
    // empty: derived from the operations.
    QString name;
    // Overrides the project's rename settings.
    std::optional<RenameOptions> renames;
    const RenameDecisions *decisions = nullptr;   // --renames FILE
    RenamePrompt *prompt = nullptr;               // interactive; nullptr: never asks
    // Where the prompt's answers are saved, merged into the decisions already
    // in that file, so the next run and CI (`--renames FILE`) reproduce
    // them. Empty: decisionsPathFor(config), renames.yaml beside covet.yaml.
    // Nothing is saved with dryRun or when nothing was asked.
    QString answersPath;
    // Compute only, write nothing (--check).
    bool dryRun = false;
    // For PostgreSQL/MySQL .sql models files and plain .sql migrations in the
    // history: the scratch server to run them on (HistoryReplay, DdlFile).
    QString devUrl;
    // The database to try the new migration on before writing it
    // (MigrationLiveCheck): a URL, empty for none. A migration that would
    // fail there is not written (the error says why). Not with dryRun.
    QString checkDatabase;
    // Whether a database that cannot be reached is an error (true: the URL
    // was asked for explicitly) or a note in the result, the migration
    // written unchecked (false: the project's default database).
    bool checkRequired = false;
    int lockTimeoutMs = 30000;
    // Writes `allow_lossy: true` on the alter_column operations that change
    // a type: values that the conversion rounds or cuts are converted
    // instead of stopping the migration (docs/migrations.md).
    bool allowLossy = false;
    // The migration's author (`author:`): unset, whom git names as the
    // author of a commit in the migrations directory (LocalUser::gitAuthor;
    // none when git does not know); set, this name (empty: none).
    std::optional<QString> author;
    // The operations a person reviewed (a preview computed with dryRun):
    // when set and the migration computed now differs (the files or the
    // models changed meanwhile), nothing is written and it is a Conflict.
    std::optional<OperationList> expectedOperations;
};

struct MakeMigrationsResult
{
    // The migration written (or, with dryRun, the one that would be); absent
    // when there is nothing to do.
    std::optional<Migration> migration;
    QString path;                         // the file (written unless dryRun)
    DiffResult diff;                      // Mode::Diff: the operations and every rename candidate
    QStringList leaves;                   // the leaves the new migration depends on
    // The prompt's answers, one entry per candidate asked about (a Default
    // answer is recorded as what the score decided), and the decisions file
    // they were merged into (empty when nothing was saved).
    RenameDecisions answers;
    QString answersPath;
    // The check on MakeMigrationsOptions::checkDatabase, when one was asked for.
    std::optional<LiveCheckReport> liveCheck;
    bool hasChanges() const { return migration.has_value(); }
};

// `covet makemigrations` in the engine: replays the migration history into
// a Schema in memory (HistoryReplay; no database), diffs it against the
// desired schema (Differ, with the models file's renamed_from hints, the
// decisions file and, when given, a prompt per scored rename candidate),
// and writes the next migration: number = highest + 1, dependencies = the
// current leaf. Divergent leaves are a Conflict unless Mode::Merge. Any
// invalid migration file, cycle or missing dependency stops it before
// anything is written.
class MigrationMaker
{
public:
    explicit MigrationMaker(ProjectConfig config);

    Result<MakeMigrationsResult> make(const MakeMigrationsOptions &options, const ProgressSink *progress = nullptr) const;

    // A file-name-safe name for the operations: "create_reviews",
    // "add_customers_phone", "rename_customers_name_full_name",
    // "alter_customers" (several changes to one table), or the first one's
    // name + "_and_more". Never empty; at most 60 characters.
    static QString deriveName(const OperationList &operations);
    // Whether `name` can be a migration name: ^[a-z0-9_]+$, at most 60 characters.
    static bool isValidName(const QString &name);
    // The default decisions file: renames.yaml beside covet.yaml.
    static QString decisionsPathFor(const ProjectConfig &config);

private:
    Result<Dialect> dialectFor(const Schema *desired) const;
    Result<LiveCheckReport> checkLive(const MigrationRepository &repo, Migration migration, const QString &path,
                                      const MakeMigrationsOptions &options) const;
    Result<DiffResult> diffWithPrompts(const Schema &from, const Schema &to, DiffOptions options,
                                       RenamePrompt *prompt, RenameDecisions &answers) const;

    ProjectConfig m_config;
};

} // namespace covet
