#include "squashcommand.h"

#include "migratecommand.h"
#include "migrations/squashproject.h"
#include "operations/operationdescriber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace covet::cli {

namespace {

QJsonArray describe(const OperationList &ops)
{
    QJsonArray a;
    for (const Operation &op : ops)
        a.append(OperationDescriber::describe(op));
    return a;
}

QJsonObject toJson(const SquashPlan &plan, const QString &written)
{
    QJsonArray conflicts;
    for (const SquashConflict &c : plan.conflicts)
        conflicts.append(QJsonObject{{QStringLiteral("kind"), SquashConflict::kindName(c.kind)},
                                     {QStringLiteral("migration"), c.migration},
                                     {QStringLiteral("message"), c.message},
                                     {QStringLiteral("blocking"), c.blocking}});
    QJsonObject rules;
    for (auto it = plan.optimized.rules.cbegin(); it != plan.optimized.rules.cend(); ++it)
        rules.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("id"), plan.squashed.id},
                       {QStringLiteral("replaces"), QJsonArray::fromStringList(plan.squashed.replaces)},
                       {QStringLiteral("dependencies"), QJsonArray::fromStringList(plan.squashed.dependencies)},
                       {QStringLiteral("operations_before"), plan.operationsBefore},
                       {QStringLiteral("operations_after"), plan.operationsAfter},
                       {QStringLiteral("reduction_percent"), qRound(plan.reduction() * 1000.0) / 10.0},
                       {QStringLiteral("rules"), rules},
                       {QStringLiteral("operations"), describe(plan.squashed.operations)},
                       {QStringLiteral("conflicts"), conflicts},
                       {QStringLiteral("proof"), QJsonObject{{QStringLiteral("proven"), plan.proof.proven},
                                                              {QStringLiteral("reversible"), plan.proof.reversible},
                                                              {QStringLiteral("scratch_database"), plan.proof.scratchChecked},
                                                              {QStringLiteral("differences"), QJsonArray::fromStringList(plan.proof.differences)}}},
                       {QStringLiteral("written"), written.isEmpty() ? QJsonValue() : QJsonValue(written)}};
}

} // namespace

void SquashCommand::addOptions(CommandLineSpec &p) const
{
    MigrateCommand::addTargetOptions(p);
    p.addOption({QStringLiteral("from"), QStringLiteral("The first migration to squash, by id or number (default: the first)."), QStringLiteral("id")});
    p.addOption({QStringLiteral("to"), QStringLiteral("The last migration to squash, by id or number (default: the last)."), QStringLiteral("id")});
    p.addOption({QStringLiteral("keep-recent"), QStringLiteral("Leave the newest N migrations of the range as they are."), QStringLiteral("n"), QStringLiteral("0")});
    p.addOption({QStringLiteral("name"), QStringLiteral("The squashed migration's name (default: squashed_<first>_<last>)."), QStringLiteral("name")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Show the operations before and after, the reduction and the proof; write nothing.")});
    p.addOption({QStringLiteral("dev-url"), QStringLiteral("Scratch server where the proof also applies both to real databases (SQLite: always, in memory)."),
                 QStringLiteral("url")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print {\"id\", \"replaces\", \"operations_before\", \"operations_after\", \"reduction_percent\", "
                                                        "\"conflicts\", \"proof\", \"written\"}.")});
}

int SquashCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    auto target = MigrateCommand::openTarget(p, false);
    if (!target)
        return report(target.error(), err);
    auto project = SquashProject::load(target->config, target->url, p.value(QStringLiteral("dev-url")));
    if (!project)
        return report(project.error(), err);
    if (auto unavailable = project->unavailableError())
        return report(*unavailable, err);
    for (const QString &warning : std::as_const(project->warnings))
        err << "covet: warning: " << warning << '\n';
    int code = 0;
    const auto keep = positiveOption(p, QStringLiteral("keep-recent"), 0, err, &code);
    if (!keep)
        return code;
    SquashRequest request;
    request.from = p.value(QStringLiteral("from"));
    request.to = p.value(QStringLiteral("to"));
    request.keepRecent = *keep;
    request.name = p.value(QStringLiteral("name"));
    auto plan = project->plan(request);
    if (!plan)
        return report(plan.error(), err);
    QString written;
    std::optional<Error> writeError;
    if (!p.isSet(QStringLiteral("dry-run")) && !plan->blocked()) {
        auto path = Squasher::write(*plan, project->directory);
        if (path)
            written = *path;
        else
            writeError = path.error();
    }
    if (p.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(toJson(*plan, written)).toJson(QJsonDocument::Indented);
    } else {
        out << "Squashing " << plan->range.size() << " migrations: " << plan->range.first() << " … " << plan->range.last() << '\n';
        out << "Operations: " << plan->operationsBefore << " before, " << plan->operationsAfter << " after ("
            << QString::number(plan->reduction() * 100.0, 'f', 1) << "% fewer)\n";
        for (auto it = plan->optimized.rules.cbegin(); it != plan->optimized.rules.cend(); ++it)
            out << "  " << it.value() << " × " << it.key() << '\n';
        out << "Squashed operations:\n";
        for (const Operation &op : plan->squashed.operations)
            out << "  " << OperationDescriber::describe(op) << '\n';
        for (const SquashConflict &c : plan->conflicts)
            out << (c.blocking ? "Conflict: " : "Note: ") << c.message << '\n';
        out << "Proof: " << plan->proof.summary() << '\n';
        for (const QString &d : plan->proof.differences)
            out << "  " << d << '\n';
        if (!written.isEmpty())
            out << "Wrote " << written << " (replaces " << plan->squashed.replaces.join(QStringLiteral(", "))
                << "). Databases that applied them all see it as applied; the replaced files can be deleted once every "
                   "database has applied the whole range.\n";
        else if (p.isSet(QStringLiteral("dry-run")))
            out << "Dry run: nothing was written.\n";
    }
    if (writeError)
        return report(*writeError, err);
    if (plan->blocked() && !p.isSet(QStringLiteral("dry-run")))
        return report(Error(Error::Category::Conflict, QStringLiteral("nothing was written: the squash is not proven or has conflicts (see above)")), err);
    return plan->blocked() ? Error(Error::Category::Conflict, QString()).exitCode() : 0;
}

} // namespace covet::cli
