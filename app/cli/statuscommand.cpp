#include "statuscommand.h"

#include "migratecommand.h"
#include "runner/partialresume.h"

#include <QJsonArray>
#include <algorithm>
#include <QJsonDocument>
#include <QJsonObject>

namespace covet::cli {

void StatusCommand::addOptions(CommandLineSpec &p) const
{
    MigrateCommand::addTargetOptions(p);
    p.addOption({QStringLiteral("json"),
                 QStringLiteral("Print {\"migrations\": [{\"id\", \"state\"}, ...], \"conflicts\": [{\"kind\", \"migrations\", \"detail\"}, ...]}.")});
}

int StatusCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    auto target = MigrateCommand::openTarget(p, true, MigrateCommand::MissingSqlite::ReadEmpty);
    if (!target)
        return report(target.error(), err);
    if (!target->notice.isEmpty())
        err << "covet: warning: " << target->notice << '\n';
    MigrationRunner runner(*target->connection, target->repository);
    runner.setEnvironment(target->environment);   // recorded with the conflicts it finds
    auto states = runner.status();
    if (!states)
        return report(states.error(), err);
    for (const QString &w : runner.warnings())
        err << "covet: warning: " << w << '\n';
    // Conflicts (divergent leaves, cycles, missing dependencies, modified or
    // missing applied files) exit 6 after the full status is printed.
    const QList<MigrationConflict> &conflicts = runner.conflicts();
    for (const MigrationConflict &c : conflicts)
        err << "covet: warning: conflict: " << c.detail << '\n';
    err.flush();
    const int code = conflicts.isEmpty() ? 0 : Error(Error::Category::Conflict, QString()).exitCode();
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const MigrationState &s : *states) {
            QJsonObject o{{QStringLiteral("id"), s.id}, {QStringLiteral("state"), MigrationState::name(s.state)}};
            if (!s.appliedAt.isEmpty())
                o.insert(QStringLiteral("applied_at"), s.appliedAt);
            if (!s.file.isEmpty())
                o.insert(QStringLiteral("file"), s.file);
            if (s.partial) {
                QJsonArray steps;
                for (const PartialStep &step : s.partialSteps)
                    steps.append(step.describe());
                o.insert(QStringLiteral("partial"), QJsonObject{{QStringLiteral("direction"), s.partial->direction},
                                                               {QStringLiteral("steps_done"), s.partial->stepsDone},
                                                               {QStringLiteral("step_count"), s.partial->stepCount},
                                                               {QStringLiteral("running_step"), s.partial->runningStep},
                                                               {QStringLiteral("in_effect"), s.partial->describe()},
                                                               {QStringLiteral("steps"), steps},
                                                               {QStringLiteral("way_out"), PartialResume::wayOut(*s.partial)}});
            }
            if (!s.squash.isEmpty())
                o.insert(QStringLiteral("squash"), s.squash);
            list.append(o);
        }
        QJsonArray conflictList;
        for (const MigrationConflict &c : conflicts)
            conflictList.append(QJsonObject{{QStringLiteral("kind"), c.kind},
                                            {QStringLiteral("migrations"), QJsonArray::fromStringList(c.migrationIds)},
                                            {QStringLiteral("detail"), c.detail}});
        out << QJsonDocument(QJsonObject{{QStringLiteral("migrations"), list}, {QStringLiteral("conflicts"), conflictList}})
                   .toJson(QJsonDocument::Indented);
        return code;
    }
    out << "Database: " << target->connection->url().display() << '\n';
    if (states->isEmpty())
        out << "No migrations.\n";
    for (const MigrationState &s : *states) {
        out << "  " << MigrationState::name(s.state).leftJustified(9) << ' ' << s.id;
        if (!s.appliedAt.isEmpty())
            out << "  (applied " << s.appliedAt << ')';
        out << '\n';
        // A migration a stopped run left part-way: what is in effect, and the way out.
        if (s.partial) {
            out << "            " << s.partial->describe() << ".\n";
            for (const PartialStep &step : s.partialSteps)
                out << "              " << step.describe() << '\n';
            out << "            " << PartialResume::wayOut(*s.partial) << ".\n";
        }
        if (!s.squash.isEmpty())
            out << "            " << s.squash << '\n';
    }
    if (!conflicts.isEmpty()) {
        const bool blocking = std::any_of(conflicts.begin(), conflicts.end(), &MigrationRunner::blocksMigrate);
        out << conflicts.size() << (conflicts.size() == 1 ? " conflict" : " conflicts") << " (see the warnings)"
            << (blocking ? "; `covet migrate` refuses until resolved" : "") << '\n';
    }
    return code;
}

} // namespace covet::cli
