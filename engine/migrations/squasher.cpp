#include "squasher.h"

#include "../operations/operationapplier.h"
#include "../operations/operationreverser.h"
#include "../schema/schemajson.h"
#include "historyreplay.h"
#include "migrationfile.h"
#include "migrationgraph.h"
#include "squashscratch.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace covet {

namespace {


qsizetype position(const QStringList &order, const QList<Migration> &migrations, const QString &idOrNumber)
{
    bool isNumber = false;
    const int number = idOrNumber.toInt(&isNumber);
    for (const Migration &m : migrations)
        if (m.id == idOrNumber || (isNumber && m.number == number))
            return order.indexOf(m.id);
    return -1;
}

} // namespace

QString SquashConflict::kindName(Kind k)
{
    switch (k) {
    case Kind::DivergentBranches: return QStringLiteral("divergent_branches");
    case Kind::RawSql: return QStringLiteral("raw_sql");
    case Kind::RunSqlBarrier: return QStringLiteral("run_sql_barrier");
    case Kind::EditedSinceApplied: return QStringLiteral("edited_since_applied");
    }
    return {};
}

QString SquashProof::summary() const
{
    if (!proven)
        return QStringLiteral("not proven: %1 difference(s) between the originals and the squashed migration").arg(differences.size());
    QString text = reversible ? QStringLiteral("proven: same schema as the originals, and its down part gives back the schema before")
                              : QStringLiteral("proven: same schema as the originals (irreversible: a run_sql has no reverse SQL)");
    if (scratchChecked)
        text += QStringLiteral("; applied to scratch databases, the inspected schemas are equal");
    return text;
}

double SquashPlan::reduction() const
{
    return operationsBefore == 0 ? 0.0 : 1.0 - double(operationsAfter) / double(operationsBefore);
}

bool SquashPlan::blocked() const
{
    return !proof.proven || std::any_of(conflicts.cbegin(), conflicts.cend(), [](const SquashConflict &c) { return c.blocking; });
}

SquashProof Squasher::prove(const Schema &start, const QList<Migration> &originals, const OperationList &squashed, Dialect dialect)
{
    SquashProof proof;
    Schema viaOriginals = start;
    for (const Migration &m : originals) {
        if (Status st = HistoryReplay::apply(viaOriginals, m, dialect); !st) {
            proof.differences << QStringLiteral("the originals do not replay: %1").arg(st.error().message());
            return proof;
        }
    }
    auto viaSquashed = OperationApplier::applyAll(start, squashed);
    if (!viaSquashed) {
        proof.differences << QStringLiteral("the squashed operations do not replay: %1").arg(viaSquashed.error().message());
        return proof;
    }
    proof.differences = SquashScratch::differences(viaOriginals, *viaSquashed);
    if (auto down = OperationReverser::reverseAll(squashed, start); down) {
        proof.reversible = true;
        auto back = OperationApplier::applyAll(*viaSquashed, *down);
        if (!back)
            proof.differences << QStringLiteral("the down part does not replay: %1").arg(back.error().message());
        else
            for (const QString &d : SquashScratch::differences(start, *back))
                proof.differences << QStringLiteral("down part: ") + d;
    }
    proof.proven = proof.differences.isEmpty();
    return proof;
}

Result<QStringList> Squasher::range(const QList<Migration> &migrations, const SquashRequest &request)
{
    const MigrationGraph graph = MigrationGraph::build(migrations);
    const QStringList order = graph.order();
    if (order.size() < 2)
        return fail(Error::Category::InvalidInput, QStringLiteral("there are %1 migration(s); squashing needs at least two").arg(order.size()));
    const qsizetype first = request.from.isEmpty() ? 0 : position(order, migrations, request.from);
    qsizetype last = request.to.isEmpty() ? order.size() - 1 : position(order, migrations, request.to);
    for (const QString &given : {request.from, request.to}) {
        const qsizetype at = given.isEmpty() ? 0 : position(graph.skipped(), migrations, given);
        if (at >= 0 && !given.isEmpty())
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("%1 is already replaced by a squashed migration; give the squashed migration (or a later one) "
                                       "as the end of the range")
                            .arg(graph.skipped().at(at)),
                        given == request.from ? QStringLiteral("--from") : QStringLiteral("--to"));
    }
    if (first < 0 || last < 0)
        return fail(Error::Category::NotFound,
                    QStringLiteral("migration %1 is not in the migrations directory (give an id such as 0003_add_sku or its number)")
                        .arg(first < 0 ? request.from : request.to),
                    first < 0 ? QStringLiteral("--from") : QStringLiteral("--to"));
    if (request.keepRecent < 0)
        return fail(Error::Category::InvalidInput, QStringLiteral("--keep-recent must be 0 or more"), QStringLiteral("--keep-recent"));
    last -= request.keepRecent;
    if (last - first + 1 < 2)
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("the range %1 … %2 (after --keep-recent %3) holds fewer than two migrations; nothing to squash")
                        .arg(order.value(first), order.value(std::max(first, last)))
                        .arg(request.keepRecent));

    return order.mid(first, last - first + 1);
}

QString Squasher::defaultName(const Migration &first, const Migration &last)
{
    return QStringLiteral("squashed_%1_%2").arg(first.number, 4, 10, QLatin1Char('0')).arg(last.number, 4, 10, QLatin1Char('0'));
}

Result<SquashPlan> Squasher::plan(const QList<Migration> &migrations, Dialect dialect, const SquashRequest &request,
                                  const QHash<QString, QString> &appliedChecksums)
{
    const MigrationGraph graph = MigrationGraph::build(migrations);
    const QStringList order = graph.order();
    auto ids = Squasher::range(migrations, request);
    if (!ids)
        return std::unexpected(ids.error());
    const qsizetype first = order.indexOf(ids->first());
    SquashPlan plan;
    plan.range = *ids;
    QList<Migration> originals;
    for (const QString &id : std::as_const(plan.range)) {
        const Migration &m = *graph.migration(id);
        originals << m;
        plan.replaced << m.replaces << m.id;
        plan.operationsBefore += int(m.operations.size());
        if (m.isSql())
            plan.conflicts << SquashConflict{SquashConflict::Kind::RawSql, id,
                                             QStringLiteral("%1 is a plain SQL migration: its statements cannot be squashed with typed "
                                                            "operations; end the range before it (--to) or start after it (--from)")
                                                 .arg(id)};
        for (const Operation &op : m.operations)
            if (const auto *sql = std::get_if<RunSql>(&op); sql && !sql->elidable)
                plan.conflicts << SquashConflict{SquashConflict::Kind::RunSqlBarrier, id,
                                                 QStringLiteral("%1 has a run_sql operation: it is kept as it is, and nothing it may touch is "
                                                                "moved across it (the tables its SQL names, or everything when Covet cannot "
                                                                "read it); mark it `elidable: true` if squashing may leave it out")
                                                     .arg(id),
                                                 false};
    }
    plan.replaced.removeDuplicates();
    for (const GraphConflict &c : graph.conflicts()) {
        const bool inRange = std::any_of(c.ids.cbegin(), c.ids.cend(), [&](const QString &id) { return plan.range.contains(id); });
        if (inRange && c.kind == GraphConflict::Kind::DivergentLeaves)
            plan.conflicts << SquashConflict{SquashConflict::Kind::DivergentBranches, c.ids.join(QStringLiteral(", ")),
                                             QStringLiteral("divergent branches inside the range: %1; merge them first (`covet makemigrations "
                                                            "--merge`) or end the range before they split")
                                                 .arg(c.ids.join(QStringLiteral(" and ")))};
    }
    for (const QString &id : std::as_const(plan.replaced)) {
        const auto *m = graph.migration(id);
        const auto recorded = appliedChecksums.constFind(id);
        if (m && recorded != appliedChecksums.cend() && *recorded != m->checksum)
            plan.conflicts << SquashConflict{SquashConflict::Kind::EditedSinceApplied, id,
                                             QStringLiteral("%1 was edited after it was applied (recorded checksum %2, the file now has %3): "
                                                            "the squashed migration would not match the databases that ran it; restore the "
                                                            "file as it was applied, then squash")
                                                 .arg(id, recorded->left(12), m->checksum.left(12))};
    }

    OperationList all;
    bool transactional = true;
    QStringList dependencies;
    for (const Migration &m : std::as_const(originals)) {
        all << m.operations;
        transactional = transactional && m.transactional;
        for (const QString &dep : graph.dependenciesOf(m.id))
            if (!plan.range.contains(dep) && !dependencies.contains(dep))
                dependencies << dep;
    }
    std::sort(dependencies.begin(), dependencies.end());
    QList<Migration> before;
    for (qsizetype i = 0; i < first; ++i)
        before << *graph.migration(order.at(i));
    auto start = HistoryReplay::replay(before, dialect);
    plan.optimized = SquashOptimizer::optimize(all, DialectCapabilities::of(dialect), start ? &*start : nullptr);
    plan.operationsAfter = int(plan.optimized.operations.size());

    int number = 0;
    for (const Migration &m : migrations)
        number = std::max(number, m.number);
    Migration &s = plan.squashed;
    s.number = number + 1;
    const Migration &firstM = originals.first();
    const Migration &lastM = originals.last();
    s.name = request.name.isEmpty() ? defaultName(firstM, lastM) : request.name;
    s.id = Migration::makeId(s.number, s.name);
    if (!Migration::parseId(s.id))
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("\"%1\" is not a migration name: use lowercase letters, digits and _").arg(request.name), QStringLiteral("--name"));
    s.description = QStringLiteral("Squashes %1 … %2 (%3 migrations, %4 operations into %5)")
                        .arg(firstM.id, lastM.id)
                        .arg(originals.size())
                        .arg(plan.operationsBefore)
                        .arg(plan.operationsAfter);
    s.dependencies = dependencies;
    s.dependenciesDeclared = true;
    s.replaces = plan.replaced;
    s.operations = plan.optimized.operations;
    s.transactional = transactional;

    if (!start)
        plan.proof.differences << QStringLiteral("the history before the range does not replay: %1").arg(start.error().message());
    else
        plan.proof = prove(*start, originals, s.operations, dialect);
    if (start && plan.proof.proven && request.scratch && (dialect == Dialect::SQLite || !request.devUrl.isEmpty())) {
        auto scratch = SquashScratch::compare(*start, originals, s.operations, dialect, request.devUrl);
        if (!scratch)
            plan.proof.differences << QStringLiteral("the scratch database check failed: %1").arg(scratch.error().toString());
        else
            plan.proof.differences << *scratch;
        plan.proof.scratchChecked = true;
        plan.proof.proven = plan.proof.differences.isEmpty();
    }
    return plan;
}

Result<QString> Squasher::write(const SquashPlan &plan, const QString &directory)
{
    if (plan.blocked()) {
        QStringList why;
        for (const SquashConflict &c : plan.conflicts)
            if (c.blocking)
                why << c.message;
        why << plan.proof.differences;
        return fail(Error::Category::Conflict, QStringLiteral("nothing was written: %1").arg(why.join(QStringLiteral("; "))), plan.squashed.id);
    }
    const QString path = QDir(directory).absoluteFilePath(plan.squashed.fileName());
    if (QFileInfo::exists(path))
        return fail(Error::Category::Conflict,
                    QStringLiteral("%1 already exists; Covet never overwrites a migration file: choose another name with --name").arg(path));
    if (Status st = MigrationFile::write(plan.squashed, path, false); !st)
        return std::unexpected(st.error());
    return path;
}

} // namespace covet
