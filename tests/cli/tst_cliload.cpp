// covet-test-labels: cli postgres mysql
// Issue 19, item 3: 16 `covet migrate` processes started together against
// PostgreSQL and MariaDB, over the long migration of faultproject.h and
// three small ones. Every process ends (no deadlock) with exit 0; each
// migration is applied exactly once (by the "done" events, the history
// and the audit); the waiters say who holds the lock.
#include "faultproject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace covet;
using namespace covet::test;

class TestCliLoad : public QObject
{
    Q_OBJECT

private slots:
    void sixteenRunners_data() { addServerRows(); }

    void sixteenRunners()
    {
        COVET_FAULT_PROJECT(p);
        const QStringList ids{QStringLiteral("0002_long"), QStringLiteral("0003_a"), QStringLiteral("0004_b"), QStringLiteral("0005_c")};
        writeFile(p.dir() + QStringLiteral("/migrations/0003_a.yaml"),
                  "dependencies: [0002_long]\noperations:\n  - op: add_column\n    table: items\n    column: {name: a, type: integer}\n");
        writeFile(p.dir() + QStringLiteral("/migrations/0004_b.yaml"),
                  "dependencies: [0003_a]\noperations:\n  - op: create_index\n    table: items\n    index: {name: idx_items_a, parts: [{column: a}]}\n");
        writeFile(p.dir() + QStringLiteral("/migrations/0005_c.yaml"),
                  "dependencies: [0004_b]\noperations:\n  - op: add_column\n    table: big\n    column: {name: c, type: varchar(10)}\n");
        const QStringList args{QStringLiteral("migrate"), QStringLiteral("--json"), QStringLiteral("--lock-timeout"), QStringLiteral("600")};
        QElapsedTimer timer;
        timer.start();
        std::vector<std::unique_ptr<QProcess>> procs;
        for (int i = 0; i < 16; ++i)
            procs.push_back(p.start(args));
        QMap<QString, int> applied;
        int waitersNamingHolder = 0;
        QString sample;
        for (auto &proc : procs) {
            const CliRun r = FaultProject::finish(*proc, args, 600000);
            QVERIFY2(!r.crashed && r.exitCode == 0, qPrintable(QStringLiteral("exit %1:\n%2%3").arg(r.exitCode).arg(r.out, r.err)));
            bool named = false;
            for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts)) {
                const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
                const QString event = o.value(QStringLiteral("event")).toString();
                if (event == u"done")
                    for (const QJsonValue &v : o.value(QStringLiteral("applied")).toArray())
                        applied[v.toString()]++;
                if (event == u"log" && o.value(QStringLiteral("message")).toString().contains(QStringLiteral("held by"))) {
                    named = true;
                    sample = o.value(QStringLiteral("message")).toString();
                }
            }
            waitersNamingHolder += named ? 1 : 0;
        }
        const qint64 ms = timer.elapsed();
        for (const QString &id : ids) {
            QCOMPARE(applied.value(id), 1);
            QCOMPARE(p.recorded(id), 1);
            QCOMPARE(scalar(p.connection(), QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE migration_id = '%1' AND "
                                                           "direction = 'apply' AND status = 'success'")
                                                .arg(id)),
                     id == u"0002_long" ? 2 : 1);   // 0002_long: also once by setUp()
        }
        QCOMPARE(applied.size(), ids.size());
        QVERIFY(p.partials().isEmpty());
        QCOMPARE(p.keptChecksums(), p.expectedChecksums());
        QVERIFY2(waitersNamingHolder >= 1, "no waiting runner said who holds the lock");
        qInfo("%s: 16 runners in %lld ms; each of %lld migrations applied once; %d waiters said who holds the lock, e.g. \"%s\"",
              qPrintable(dialectName(d)), ms, qlonglong(ids.size()), waitersNamingHolder, qPrintable(sample));
    }
};

QTEST_GUILESS_MAIN(TestCliLoad)
#include "tst_cliload.moc"
