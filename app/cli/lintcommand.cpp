#include "lintcommand.h"

#include "migratecommand.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace covet::cli {

void LintCommand::addOptions(CommandLineSpec &p) const
{
    MigrateCommand::addTargetOptions(p);
    p.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Pending migrations to check (ids or files); default: every pending one."),
                            QStringLiteral("[FILE...]"));
    p.addOption({QStringLiteral("fail-on"), QStringLiteral("Fail (exit 1) at this level or above: low, medium, high, critical (default: "
                                                           "safety.fail_on in covet.yaml, else high)."),
                 QStringLiteral("level")});
    p.setValueChoices(QStringLiteral("fail-on"), {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"), QStringLiteral("critical")});
    p.addOption({QStringLiteral("rollback"), QStringLiteral("Check a rollback instead (of the last migration, or --to / --steps).")});
    p.addOption({QStringLiteral("to"), QStringLiteral("With --rollback: roll back everything after this migration; else: pending up to it."),
                 QStringLiteral("id")});
    p.addOption({QStringLiteral("steps"), QStringLiteral("With --rollback: how many migrations (default 1)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Every finding as JSON (rule, level, table, column, counts, reason, safe alternative).")});
}

int LintCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    const bool json = p.isSet(QStringLiteral("json"));
    const bool rollback = p.isSet(QStringLiteral("rollback"));
    if (p.isSet(QStringLiteral("steps")) && !rollback)
        return usageError(QStringLiteral("--steps goes with --rollback"), err);
    int rc = 0;
    const std::optional<int> stepsOption = positiveOption(p, QStringLiteral("steps"), 0, err, &rc);
    if (!stepsOption)
        return rc;
    const int steps = *stepsOption;
    auto target = MigrateCommand::openTarget(p, true, MigrateCommand::MissingSqlite::ReadEmpty);
    if (!target)
        return report(target.error(), err);
    if (!target->notice.isEmpty() && !json)
        err << "covet: warning: " << target->notice << '\n';
    const RunSettings settings = target->config.runSettings(target->environment);
    const QString failOnText = p.isSet(QStringLiteral("fail-on")) ? p.value(QStringLiteral("fail-on")) : settings.lintFailOn;
    const auto failOn = riskLevelFromName(failOnText);
    if (!failOn || *failOn == RiskLevel::None)
        return usageError(QStringLiteral("--fail-on must be low, medium, high or critical, got '%1'").arg(failOnText), err);

    RunOptions o;
    o.settings = settings;
    o.target = p.value(QStringLiteral("to"));
    o.steps = steps;
    MigrationRunner runner(*target->connection, target->repository);
    auto plan = runner.plan(o, !rollback);
    if (!plan)
        return report(plan.error(), err);
    // Only the named migrations: they must be part of the plan.
    QStringList named;
    for (const QString &arg : p.positionalArguments()) {
        const QString id = QFileInfo(arg).completeBaseName();
        const Migration *m = target->repository.find(id);
        if (!m)
            return report(Error(Error::Category::NotFound, QStringLiteral("no migration '%1' in %2").arg(arg, target->repository.directory())), err);
        if (!plan->ids().contains(m->id))
            return report(Error(Error::Category::InvalidInput,
                                QStringLiteral("%1 is not %2: lint checks what would run (`covet status` shows where it stands)")
                                    .arg(m->id, rollback ? QStringLiteral("in the rollback") : QStringLiteral("pending"))),
                          err);
        named << m->id;
    }
    auto risk = runner.assess(*plan);
    if (!risk)
        return report(risk.error(), err);
    RiskReport r = named.isEmpty() ? *risk : risk->only(named);
    const QList<RiskFinding> failing = r.atLeast(*failOn);
    const bool failed = !failing.isEmpty();
    if (json) {
        QJsonObject o2 = r.toJson();
        o2.insert(QStringLiteral("migrations"), QJsonArray::fromStringList(named.isEmpty() ? plan->ids() : named));
        o2.insert(QStringLiteral("fail_on"), riskLevelName(*failOn));
        o2.insert(QStringLiteral("failed"), failed);
        o2.insert(QStringLiteral("database"), target->connection->url().display());
        out << QJsonDocument(o2).toJson(QJsonDocument::Indented);
        return failed ? 1 : 0;
    }
    const QStringList ids = named.isEmpty() ? plan->ids() : named;
    out << (rollback ? "Lint of the rollback of " : "Lint of ") << (ids.isEmpty() ? QStringLiteral("nothing (no pending migration)") : ids.join(QStringLiteral(", ")))
        << " against " << target->connection->url().display() << "\n";
    out << r.toText();
    if (failed)
        out << "FAILED: " << failing.size() << (failing.size() == 1 ? " finding reaches " : " findings reach ") << riskLevelName(*failOn)
            << " (acknowledge one in its migration with `safety: {acknowledge: [RULE], reason: ...}` if the risk is meant).\n";
    else
        out << "OK: nothing reaches " << riskLevelName(*failOn) << ".\n";
    return failed ? 1 : 0;
}

} // namespace covet::cli
