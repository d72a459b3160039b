#pragma once
// What the migrate benchmarks share: the realistic mix of YAML migrations,
// a project directory holding them, the statements the engine plans for
// them (the floor runs the same ones by hand), and timing a process.

#include "core/error.h"
#include "migrations/migrationgraph.h"
#include "migrations/migrationplanner.h"
#include "migrations/migrationrepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <limits>

namespace covet::bench {

inline bool writeMigrationFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

// Migration i (1-based) of a realistic mix: every fourth one creates a
// table, the next two add a column to it, the fourth indexes one.
inline QByteArray migrationYaml(int i)
{
    const int table = (i - 1) / 4 + 1;
    const QByteArray t = "t" + QByteArray::number(table);
    QByteArray deps = i == 1 ? "[]" : "[" + QString::asprintf("%04d_m%d", i - 1, i - 1).toUtf8() + "]";
    QByteArray y = "dependencies: " + deps + "\noperations:\n";
    switch ((i - 1) % 4) {
    case 0:
        y += "  - op: create_table\n    definition:\n      name: " + t
           + "\n      columns:\n        - {name: id, type: bigint, nullable: false}\n"
             "        - {name: name, type: varchar(100), nullable: false}\n"
             "        - {name: created_at, type: timestamp}\n"
             "      primary_key: {columns: [id]}\n";
        break;
    case 1:
        y += "  - op: add_column\n    table: " + t + "\n    column: {name: qty, type: integer, nullable: false, default: \"0\"}\n";
        break;
    case 2:
        y += "  - op: add_column\n    table: " + t + "\n    column: {name: note, type: text}\n";
        break;
    default:
        y += "  - op: create_index\n    table: " + t + "\n    index: {name: idx_" + t + "_name, parts: [{column: name}]}\n";
        break;
    }
    return y;
}

// A project (covet.yaml with the audit log on, migrations/) holding
// migrations 1..n in `project`; false when a file cannot be written.
inline bool writeProject(const QString &project, int n)
{
    const QString migrations = project + QStringLiteral("/migrations");
    QDir().mkpath(migrations);
    if (!writeMigrationFile(project + QStringLiteral("/covet.yaml"), "audit_log: true\n"))
        return false;
    for (int i = 1; i <= n; ++i)
        if (!writeMigrationFile(migrations + QString::asprintf("/%04d_m%d.yaml", i, i), migrationYaml(i)))
            return false;
    return true;
}

inline double seconds(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e9;
}

inline double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype m = v.size() / 2;
    return v.size() % 2 ? v.at(m) : (v.at(m - 1) + v.at(m)) / 2;
}

// Seconds `exe args` took (stdin from a file, in a directory, with an
// environment), or why it failed.
inline Result<double> processTime(const QString &exe, const QStringList &args, const QString &stdinFile = {}, const QString &workDir = {},
                                  const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    QElapsedTimer t;
    t.start();
    p.start(exe, args);
    const bool finished = p.waitForFinished(1800000);
    const double s = seconds(t);
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return fail(Error::Category::Internal, QStringLiteral("%1 failed: %2").arg(exe, QString::fromUtf8(p.readAllStandardError()).left(2000)));
    return s;
}

// One way of doing the work: run(round) does it on a fresh target and
// returns the seconds taken, or an error. A peer (another tool) that fails
// is reported, not fatal.
struct Contender
{
    Contender(QString name_, std::function<Result<double>(int round)> run_, bool peer_ = false)
        : name(std::move(name_)), run(std::move(run_)), peer(peer_) {}

    QString name;
    std::function<Result<double>(int round)> run;
    bool peer = false;
    double best = std::numeric_limits<double>::max();
    QString failure;   // a peer's last line of error; it is not run again
};

// Runs every contender once per round, interleaved, so that a disk or CPU
// busy with something else for a while hits them alike; keeps each one's best.
inline Status race(QList<Contender> &contenders, int rounds)
{
    for (int round = 0; round < rounds; ++round)
        for (Contender &c : contenders) {
            if (!c.failure.isEmpty())
                continue;
            auto s = c.run(round);
            if (!s && !c.peer)
                return std::unexpected(s.error().withContext(c.name));
            if (!s)
                c.failure = s.error().message().trimmed().split(u'\n').last();
            else
                c.best = std::min(c.best, *s);
        }
    return {};
}

// The statements of every migration, rendered by the engine's planner.
inline Result<QList<QStringList>> statementsFor(const MigrationRepository &repo, Dialect dialect, int sqliteVersion)
{
    const MigrationGraph graph = MigrationGraph::build(repo.migrations());
    MigrationPlanner planner(dialect, graph.ordered(), sqliteVersion);
    QList<QStringList> out;
    for (const Migration &m : graph.ordered()) {
        auto plan = planner.plan(m, true);
        if (!plan)
            return std::unexpected(plan.error());
        out << plan->statements();
    }
    return out;
}

// The floor's script: each migration's statements in its own BEGIN/COMMIT.
inline QByteArray perTransactionScript(const QList<QStringList> &migrations, const QString &prelude = {})
{
    QString s = prelude;
    for (const QStringList &stmts : migrations) {
        s += QStringLiteral("BEGIN;\n");
        for (const QString &st : stmts)
            s += st + QStringLiteral(";\n");
        s += QStringLiteral("COMMIT;\n");
    }
    return s.toUtf8();
}

} // namespace covet::bench
