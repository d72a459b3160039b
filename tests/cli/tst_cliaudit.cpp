// covet-test-labels: cli sqlite
// `covet audit`: a real history (a destructive migration confirmed with
// --yes and backed up, a failure, a rollback) read back with filters and
// --json; what the runner records for the statistics (file checksum, risk,
// rows at risk, acknowledgement, backup id, environment); verify exits 0
// and then 6 naming the tampered row; stats/alerts exit 10 when a threshold
// in covet.yaml is crossed and 0 when not; reports in every format parsed
// back, an unwritable PDF report an error naming it (no "Wrote"); usage
// errors exit 2.
#include "../migrations/migrationtestsupport.h"
#include "clifixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::writeFile;

namespace {

// items(id, label) with three rows.
const QByteArray k0001 = test::kItemsMigration + R"(  - op: run_sql
    forward: INSERT INTO items (id, label) VALUES (1, 'a'), (2, 'b'), (3, 'c')
    reverse: DELETE FROM items
)";
const QByteArray k0002 = R"(dependencies: [0001_items]
operations:
  - op: drop_column
    table: items
    column: label
)";
const QByteArray k0003Bad = R"(dependencies: [0002_drop_label]
operations:
  - op: run_sql
    forward: INSERT INTO no_such_table VALUES (1)
    reverse: DELETE FROM no_such_table
)";

QJsonObject json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestCliAudit : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    int covet(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        QString o, e;
        const int rc = test::runCli(args, &o, &e, m_path);
        if (out)
            *out = o;
        if (err)
            *err = e;
        return rc;
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.path();
        QVERIFY(QDir(m_path).mkpath(QStringLiteral("migrations")));
        writeFile(m_path + QStringLiteral("/covet.yaml"),
                  "environments:\n  staging: {database: \"sqlite:app.db\"}\ndefault_environment: staging\n");
        writeFile(m_path + QStringLiteral("/migrations/0001_items.yaml"), k0001);
        QString out, err;
        QCOMPARE(covet({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err), 0);
        // Applied on its own, so the data it destroys is counted live and backed up.
        writeFile(m_path + QStringLiteral("/migrations/0002_drop_label.yaml"), k0002);
        QCOMPARE(covet({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err), 0);
        writeFile(m_path + QStringLiteral("/migrations/0003_bad.yaml"), k0003Bad);
        QVERIFY(covet({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err) != 0);
        QFile::remove(m_path + QStringLiteral("/migrations/0003_bad.yaml"));
        QCOMPARE(covet({QStringLiteral("rollback"), QStringLiteral("--yes")}, &out, &err), 0);
    }

    void listAndFilters()
    {
        QString out, err;
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")}, &out, &err), 0);
        const QJsonObject all = json(out);
        QCOMPARE(all.value(QStringLiteral("total")).toInt(), 4);
        const QJsonArray rows = all.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 4);
        // Newest first: the rollback of 0002, the failure of 0003, 0002, 0001.
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("direction")).toString(), QStringLiteral("rollback"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("failure"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("migration_id")).toString(), QStringLiteral("0003_bad"));
        const QJsonObject drop = rows.at(2).toObject();
        QCOMPARE(drop.value(QStringLiteral("migration_id")).toString(), QStringLiteral("0002_drop_label"));
        QCOMPARE(drop.value(QStringLiteral("environment")).toString(), QStringLiteral("staging"));
        QCOMPARE(drop.value(QStringLiteral("rows_at_risk")).toInt(), 3);
        QVERIFY(drop.value(QStringLiteral("backup_id")).toInt() > 0);
        QVERIFY2(drop.value(QStringLiteral("acknowledged")).toString().contains(QStringLiteral("confirmed-data-loss")),
                 qPrintable(drop.value(QStringLiteral("acknowledged")).toString()));
        QVERIFY(!drop.value(QStringLiteral("risk_level")).toString().isEmpty());
        QCOMPARE(drop.value(QStringLiteral("file_checksum")).toString().size(), 64);
        QCOMPARE(drop.value(QStringLiteral("hash_version")).toInt(), 4);
        QVERIFY(drop.value(QStringLiteral("author")).toString().isEmpty());
        QCOMPARE(drop.value(QStringLiteral("objects")).toArray().toVariantList(), QVariantList{QStringLiteral("drop items.label")});
        QVERIFY(!drop.value(QStringLiteral("run_id")).toString().isEmpty());

        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--status"),
                        QStringLiteral("failure")},
                       &out),
                 0);
        QCOMPARE(json(out).value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--direction"),
                        QStringLiteral("apply"), QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--offset"), QStringLiteral("1")},
                       &out),
                 0);
        QCOMPARE(json(out).value(QStringLiteral("total")).toInt(), 3);
        QCOMPARE(json(out).value(QStringLiteral("rows")).toArray().first().toObject().value(QStringLiteral("migration_id")).toString(),
                 QStringLiteral("0002_drop_label"));
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--env"), QStringLiteral("production")}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("No audit rows match")), qPrintable(out));
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("2000-01-01"),
                        QStringLiteral("--until"), QStringLiteral("2000-01-02")},
                       &out),
                 0);
        QVERIFY(out.contains(QStringLiteral("No audit rows match")));
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("show"), QString::number(drop.value(QStringLiteral("id")).toInt())}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("0002_drop_label")) && out.contains(QStringLiteral("backup")), qPrintable(out));
    }

    void usageErrors()
    {
        QString out, err;
        QCOMPARE(covet({QStringLiteral("audit")}, &out, &err), 2);
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("show")}, &out, &err), 2);
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("fine")}, &out, &err), 2);
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("yesterday")}, &out, &err), 2);
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--standard"), QStringLiteral("pci")}, &out, &err), 2);
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("show"), QStringLiteral("99")}, &out, &err), 3);
    }

    void statsAndAlerts()
    {
        QString out, err;
        // 1 failure and 1 rollback in 4: both default thresholds crossed.
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("stats"), QStringLiteral("--json")}, &out, &err), 10);
        const QJsonObject s = json(out);
        QCOMPARE(s.value(QStringLiteral("executions")).toInt(), 4);
        QCOMPARE(s.value(QStringLiteral("failures")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("rollbacks")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("success_rate")).toDouble(), 0.75);
        QCOMPARE(s.value(QStringLiteral("alerts")).toArray().size(), 2);
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("alerts")}, &out, &err), 10);
        QVERIFY2(out.contains(QStringLiteral("ALERT: success rate 75.0% is below 95.0%")), qPrintable(out));
        // Only the applies that succeeded: no alert.
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("alerts"), QStringLiteral("--status"), QStringLiteral("success"),
                        QStringLiteral("--direction"), QStringLiteral("apply")},
                       &out, &err),
                 0);
        // Thresholds from covet.yaml.
        QTemporaryDir other;
        writeFile(other.filePath(QStringLiteral("covet.yaml")),
                  "database: sqlite:" + m_dir.filePath(QStringLiteral("app.db")).toUtf8()
                      + "\naudit:\n  alerts: {success_rate_below: 70%, rollback_rate_above: 30%}\n");
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("stats"), QStringLiteral("--config"), other.filePath(QStringLiteral("covet.yaml"))},
                       &out, &err),
                 0);
        QVERIFY2(out.contains(QStringLiteral("No alert.")), qPrintable(out));
    }

    void reports()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        for (const char *standard : {"sox", "hipaa", "gdpr"}) {
            for (const char *format : {"json", "csv", "html", "pdf"}) {
                const QString file = m_dir.filePath(QStringLiteral("report-%1.%2").arg(QLatin1String(standard), QLatin1String(format)));
                QString out, err;
                QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--standard"), QLatin1String(standard),
                                QStringLiteral("--format"), QLatin1String(format), QStringLiteral("--out"), file},
                               &out, &err),
                         0);
                QFile f(file);
                QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file + err));
                const QByteArray bytes = f.readAll();
                const QString fmt = QLatin1String(format);
                if (fmt == u"json") {
                    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
                    QCOMPARE(o.value(QStringLiteral("standard")).toString(), QLatin1String(standard));
                    QCOMPARE(o.value(QStringLiteral("chain")).toObject().value(QStringLiteral("intact")).toBool(), true);
                    QCOMPARE(o.value(QStringLiteral("executions")).toArray().size(), 4);
                    QVERIFY(o.value(QStringLiteral("requirements")).toArray().size() >= 3);
                    // No data_tags: the scoped sections say they cannot be scoped; no migration names an author.
                    const QJsonObject f = o.value(QStringLiteral("findings")).toObject();
                    const QString std = QLatin1String(standard);
                    if (std == u"sox")
                        QCOMPARE(f.value(QStringLiteral("without_author_count")).toInt(), 4);
                    else
                        QVERIFY2(f.value(std == u"hipaa" ? QStringLiteral("phi_note") : QStringLiteral("pii_note"))
                                     .toString()
                                     .startsWith(QStringLiteral("No table or column is tagged %1").arg(std == u"hipaa" ? "phi" : "pii")),
                                 qPrintable(QString::fromUtf8(bytes)));
                } else if (fmt == u"csv") {
                    const QList<QByteArray> lines = bytes.trimmed().split('\n');
                    QCOMPARE(lines.size(), 5);
                    QVERIFY(lines.first().startsWith("id,migration_id,direction,status"));
                    // Executions only (each run's started/finished rows are left out, their ids skipped).
                    QVERIFY(lines.at(1).contains(",0001_items,apply,success,"));
                    QVERIFY(lines.at(3).contains(",0003_bad,apply,failure,"));
                    QVERIFY(lines.at(4).contains(",0002_drop_label,rollback,success,"));
                } else if (fmt == u"html") {
                    const QString html = QString::fromUtf8(bytes);
                    QVERIFY(html.contains(QStringLiteral("Chain verification")));
                    QVERIFY(html.contains(QStringLiteral("INTACT")));
                    QVERIFY(html.contains(QStringLiteral("0003_bad")) && html.contains(QStringLiteral("0002_drop_label")));
                    QVERIFY(html.contains(QStringLiteral("confirmed-data-loss")));
                    QVERIFY(html.contains(QStringLiteral("Rollbacks")) && html.contains(QStringLiteral("Failures")));
                    if (QLatin1String(standard) != QLatin1String("sox"))
                        QVERIFY(html.contains(QStringLiteral("No table or column is tagged")));
                } else {
                    QVERIFY(bytes.startsWith("%PDF-"));
                    QVERIFY(bytes.trimmed().endsWith("%%EOF"));
                    QVERIFY(bytes.count("/Type /Page\n") + bytes.count("/Type /Page ") + bytes.count("/Type/Page") >= 1);
                    if (pdftotext.isEmpty()) {
                        if (test::inCi())
                            QFAIL("pdftotext (poppler-utils) is missing; scripts/install-deps.sh installs it");
                        continue;
                    }
                    QProcess p;
                    p.start(pdftotext, {file, QStringLiteral("-")});
                    QVERIFY(p.waitForFinished(60000));
                    const QString text = QString::fromUtf8(p.readAllStandardOutput());
                    QVERIFY2(text.contains(QStringLiteral("0003_bad")) && text.contains(QStringLiteral("0001_items")), qPrintable(text.left(2000)));
                    QVERIFY(text.contains(qEnvironmentVariable("USER").isEmpty() ? QStringLiteral("staging") : qEnvironmentVariable("USER")));
                    QVERIFY(text.contains(QStringLiteral("INTACT: the audit chain is intact")));   // ("Chain veriﬁcation": a ligature)
                }
            }
        }
    }

    // A PDF that cannot be written is an error naming the file, never "Wrote".
    void unwritableReportIsAnError()
    {
        const QString file = m_dir.filePath(QStringLiteral("no-such-dir/report.pdf"));
        QString out, err;
        QVERIFY(covet({QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--standard"), QStringLiteral("sox"), QStringLiteral("--format"),
                       QStringLiteral("pdf"), QStringLiteral("--out"), file},
                      &out, &err)
                != 0);
        QVERIFY2(!out.contains(QStringLiteral("Wrote")), qPrintable(out));
        QVERIFY2(err.contains(file), qPrintable(err));
        QVERIFY(!QFile::exists(file));
    }

    // The report writer is a module the CLI loads (app/cli/reportmodule.h):
    // a covet without it says so at once, exit 3 (missing), before it opens
    // the database, and writes nothing.
    void reportWithoutTheModule()
    {
        QTemporaryDir bin;
        const QString lone = bin.filePath(QStringLiteral("covet"));
        QVERIFY(QFile::copy(test::cliPath(), lone));
        const QString file = m_dir.filePath(QStringLiteral("nomodule.csv"));
        const QString db = m_dir.filePath(QStringLiteral("never-opened.db"));
        QProcess p;
        p.setWorkingDirectory(m_path);
        p.start(lone, {QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--standard"), QStringLiteral("sox"), QStringLiteral("--out"), file,
                       QStringLiteral("--db"), QStringLiteral("sqlite:") + db});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 3);
        QVERIFY2(err.contains(QStringLiteral("libcovet-reports.so")) && err.contains(bin.path()), qPrintable(err));
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(db));
        // And every other command runs without it.
        p.start(lone, {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
    }

    // Last: tampering with the table.
    void verifyNamesTheBrokenRow()
    {
        QString out, err;
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("verify")}, &out, &err), 0);
        // 4 executions, and each of the 4 runs' started and finished rows.
        QVERIFY2(out.startsWith(QStringLiteral("Intact: 12 audit rows")), qPrintable(out));
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("app.db")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE _covet_migration_audit SET status = 'success' WHERE status = 'failure'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("verify")}, &out, &err), 6);
        QVERIFY2(err.contains(QStringLiteral("(migration 0003_bad): edited")), qPrintable(err));
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")}, &out, &err), 6);
        QCOMPARE(json(out).value(QStringLiteral("break")).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("edited"));
        // A report still gets written, and says so.
        const QString file = m_dir.filePath(QStringLiteral("broken.html"));
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--standard"), QStringLiteral("sox"), QStringLiteral("--out"), file},
                       &out, &err),
                 6);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("BROKEN"));
    }
};

QTEST_GUILESS_MAIN(TestCliAudit)
#include "tst_cliaudit.moc"
