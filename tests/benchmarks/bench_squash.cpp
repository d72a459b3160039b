// Benchmark: squashing generated histories of 100, 1,000 and 5,000
// migrations (tests/migrations/randomhistory.h), two shapes:
//   - realistic: mostly tables created and then grown (columns, indexes,
//     foreign keys, checks), some renames and alters, few drops, run_sql now
//     and then (a data fix-up UPDATE of a table's own column or a SELECT 1;
//     half of them elidable);
//   - uniform: every operation kind equally often (drops, renames, views,
//     triggers, enums, run_sql barriers): the hard case.
// Prints per history: operations before and after, the reduction, the time
// of the optimiser alone and of the whole squash (Squasher::plan: graph,
// replay of the history before the range, optimiser, in-memory proof with
// the down part), best of COVET_BENCH_RUNS rounds, and the ratio of the
// whole squash against the floor: replaying the history once in memory
// (HistoryReplay::replay), the least any squash must do to read it.
// Targets (issue 16): >= 60% fewer operations on the realistic history;
// < 1 s for 1,000 migrations. The optimiser gets the schema before the
// range (empty here), so a run_sql is a barrier only for what it names.
// Measured (2 shared cores, best of 3):
//   realistic  100: 79.8%   1000: 74.8% (squash 271 ms)   5000: 76.6%
//   uniform    100: 69.7%   1000: 72.8%                   5000: 70.2%
//
//   bench_squash     environment: COVET_BENCH_RUNS (default 3)
#include "../migrations/randomhistory.h"

#include "migrations/historyreplay.h"
#include "migrations/squasher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <limits>

using namespace covet;
using namespace covet::test;

namespace {

template <typename F>
double bestMs(int runs, F &&f)
{
    double best = std::numeric_limits<double>::max();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int runs = std::max(1, qEnvironmentVariableIntValue("COVET_BENCH_RUNS") ? qEnvironmentVariableIntValue("COVET_BENCH_RUNS") : 3);
    const Dialect dialect = Dialect::PostgreSQL;
    out << "bench_squash: PostgreSQL vocabulary, best of " << runs << " runs\n";
    out << "shape      migrations  ops before  ops after  reduction  optimiser ms  squash ms  floor ms  squash/floor  proven\n";
    for (const bool realistic : {true, false}) {
        for (const int n : {100, 1000, 5000}) {
            RandomHistoryOptions o;
            o.migrations = n;
            o.realistic = realistic;
            RandomHistory history(20261206u + quint32(n), o);
            const QList<Migration> migrations = history.generate();
            OperationList all;
            for (const Migration &m : migrations)
                all << m.operations;
            SquashedOperations optimized;
            const Schema empty;   // the range starts at the first migration
            const double optimiserMs = bestMs(runs, [&] { optimized = SquashOptimizer::optimize(all, DialectCapabilities::of(dialect), &empty); });
            SquashRequest request;
            request.scratch = false;
            std::optional<SquashPlan> plan;
            const double squashMs = bestMs(runs, [&] {
                auto p = Squasher::plan(migrations, dialect, request);
                if (p)
                    plan = std::move(*p);
            });
            const double floorMs = bestMs(runs, [&] { (void)HistoryReplay::replay(migrations, dialect); });
            if (!plan) {
                out << "squash failed\n";
                return 1;
            }
            out << QString(realistic ? QStringLiteral("realistic") : QStringLiteral("uniform")).leftJustified(10)
                << QString::number(n).rightJustified(11) << QString::number(plan->operationsBefore).rightJustified(12)
                << QString::number(plan->operationsAfter).rightJustified(11)
                << (QString::number(plan->reduction() * 100.0, 'f', 1) + u'%').rightJustified(11)
                << QString::number(optimiserMs, 'f', 1).rightJustified(14) << QString::number(squashMs, 'f', 1).rightJustified(11)
                << QString::number(floorMs, 'f', 1).rightJustified(10) << QString::number(squashMs / std::max(floorMs, 0.001), 'f', 1).rightJustified(14)
                << (plan->proof.proven ? "  yes" : "  NO") << '\n';
            out.flush();
        }
    }
    return 0;
}
