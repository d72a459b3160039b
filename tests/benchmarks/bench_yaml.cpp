// Benchmark: reading a migrations directory of 500 YAML files (a realistic
// mix of what makemigrations writes and what people write by hand: tables
// with indexes and checks, added columns, views as | blocks, run_sql).
// Prints, best of COVET_BENCH_RUNS rounds:
//   - the floor: reading the files' bytes;
//   - YAML parsing alone (YamlReader::parse of every file, in memory);
//   - MigrationRepository::load (parse, validate, checksum every file).
//
//   bench_yaml     environment: COVET_BENCH_MIGRATIONS (default 500), COVET_BENCH_RUNS (default 5)
#include "core/yamlreader.h"
#include "migrations/migrationrepository.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <limits>

using namespace covet;

namespace {

QByteArray migrationYaml(int i)
{
    const QByteArray t = "t" + QByteArray::number((i - 1) / 4 + 1);
    const QByteArray id = QString::asprintf("%04d_m%d", i, i).toUtf8();
    const QByteArray deps = i == 1 ? "[]" : "[" + QString::asprintf("%04d_m%d", i - 1, i - 1).toUtf8() + "]";
    QByteArray y = "# A Covet migration: data, never code. Once applied, do not edit it\n"
                   "# (its checksum is recorded); write a new migration instead.\n"
                   "id: " + id + "\ndescription: migration " + QByteArray::number(i) + "\ndependencies: " + deps + "\noperations:\n";
    switch ((i - 1) % 4) {
    case 0:
        y += "  - op: create_table\n    table: " + t + "\n    definition:\n      name: " + t + "\n      columns:\n"
             "        - {name: id, type: bigint, nullable: false, identity: auto_increment}\n"
             "        - {name: name, type: varchar(100), nullable: false}\n"
             "        - {name: email, type: varchar(255), nullable: false, default: \"''\"}\n"
             "        - {name: price, type: \"numeric(10,2)\", nullable: false, default: \"0\"}\n"
             "        - {name: created_at, type: timestamp, default: CURRENT_TIMESTAMP}\n"
             "        - {name: note, type: text, comment: \"free text, shown to staff\"}\n"
             "      primary_key: {columns: [id]}\n"
             "      checks:\n        - {name: ck_" + t + "_price, expression: price >= 0}\n"
             "      indexes:\n        - name: ix_" + t + "_name\n          parts:\n            - {column: name}\n"
             "            - {expression: lower(email), descending: true}\n          where: price > 0\n";
        break;
    case 1:
        y += "  - op: add_column\n    table: " + t + "\n    column: {name: qty, type: integer, nullable: false, default: \"0\"}\n"
             "  - op: create_index\n    table: " + t + "\n    index: {name: ix_" + t + "_qty, parts: [{column: qty}]}\n";
        break;
    case 2:
        y += "  - op: create_view\n    name: v_" + t + "\n    definition: |-\n      SELECT id, name, price * qty AS total\n"
             "      FROM " + t + "\n      WHERE price > 0\n";
        break;
    default:
        y += "  - op: run_sql\n    forward: |\n      UPDATE " + t + " SET note = 'migrated: ' || name\n      WHERE note IS NULL;\n"
             "    reverse: UPDATE " + t + " SET note = NULL\n";
        break;
    }
    return y;
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int count = envInt("COVET_BENCH_MIGRATIONS", 500);
    const int runs = envInt("COVET_BENCH_RUNS", 5);
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("migrations"));
    QDir().mkpath(dir);
    QStringList files;
    qint64 bytes = 0;
    for (int i = 1; i <= count; ++i) {
        const QString path = dir + QString::asprintf("/%04d_m%d.yaml", i, i);
        QFile f(path);
        const QByteArray text = migrationYaml(i);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) {
            qCritical() << "bench_yaml: cannot write" << path;
            return 1;
        }
        files << path;
        bytes += text.size();
    }

    double bestRead = std::numeric_limits<double>::max();
    double bestParse = bestRead;
    double bestLoad = bestRead;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        QList<QByteArray> texts;
        for (const QString &path : std::as_const(files)) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return 1;
            texts << f.readAll();
        }
        bestRead = std::min(bestRead, timer.nsecsElapsed() / 1e6);

        timer.restart();
        for (qsizetype i = 0; i < texts.size(); ++i) {
            if (!YamlReader::parse(texts.at(i), files.at(i))) {
                qCritical() << "bench_yaml: parse failed" << files.at(i);
                return 1;
            }
        }
        bestParse = std::min(bestParse, timer.nsecsElapsed() / 1e6);

        timer.restart();
        const MigrationRepository repo = MigrationRepository::load(dir);
        if (!repo.isValid() || repo.migrations().size() != count) {
            qCritical().noquote() << "bench_yaml: load failed:" << (repo.status() ? QString() : repo.status().error().toString());
            return 1;
        }
        bestLoad = std::min(bestLoad, timer.nsecsElapsed() / 1e6);
    }
    out << QStringLiteral("bench_yaml: %1 migration files, %2 KiB, best of %3 runs\n").arg(count).arg(bytes / 1024).arg(runs);
    out << QStringLiteral("  read the files (floor)        %1 ms\n").arg(bestRead, 0, 'f', 1);
    out << QStringLiteral("  YamlReader::parse, all files  %1 ms  (%2 ms per file)\n").arg(bestParse, 0, 'f', 1).arg(bestParse / count, 0, 'f', 3);
    out << QStringLiteral("  MigrationRepository::load     %1 ms  (%2x the floor)\n").arg(bestLoad, 0, 'f', 1).arg(bestLoad / bestRead, 0, 'f', 1);
    return 0;
}
