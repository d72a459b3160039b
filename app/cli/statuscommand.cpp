#include "statuscommand.h"

#include "migratecommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace covet::cli {

void StatusCommand::addOptions(QCommandLineParser &p) const
{
    MigrateCommand::addTargetOptions(p);
    p.addOption({QStringLiteral("json"), QStringLiteral("Print {\"migrations\": [{\"id\", \"state\"}, ...]}.")});
}

int StatusCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    auto target = MigrateCommand::openTarget(p);
    if (!target)
        return report(target.error(), err);
    MigrationRunner runner(*target->connection, target->repository);
    runner.setEnvironment(target->environment);   // recorded with the conflicts it finds
    auto states = runner.status();
    if (!states)
        return report(states.error(), err);
    for (const QString &w : runner.warnings())
        err << "covet: warning: " << w << '\n';
    err.flush();
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const MigrationState &s : *states) {
            QJsonObject o{{QStringLiteral("id"), s.id}, {QStringLiteral("state"), MigrationState::name(s.state)}};
            if (!s.appliedAt.isEmpty())
                o.insert(QStringLiteral("applied_at"), s.appliedAt);
            if (!s.file.isEmpty())
                o.insert(QStringLiteral("file"), s.file);
            list.append(o);
        }
        out << QJsonDocument(QJsonObject{{QStringLiteral("migrations"), list}}).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << "Database: " << target->connection->url().display() << '\n';
    if (states->isEmpty())
        out << "No migrations.\n";
    for (const MigrationState &s : *states) {
        out << "  " << MigrationState::name(s.state).leftJustified(9) << ' ' << s.id;
        if (!s.appliedAt.isEmpty())
            out << "  (applied " << s.appliedAt << ')';
        out << '\n';
    }
    return 0;
}

} // namespace covet::cli
