// covet-test-labels: cli sqlite postgres mysql
// Issue 19, item 4: credentials are never printed. Every command runs with
// URLs that carry passwords (the test servers' covet_pw, made-up ones, one
// that needs percent-encoding), by --db, in covet.yaml and through an
// environment variable, on success and on every kind of failure
// (connection refused, wrong password, unknown database, malformed URL, a
// stray argument); no output holds a password. Then the transcripts of
// every CLI run of the suite (tests/common: runCli and the fault suites
// write them to <build>/cli-transcripts; CTest runs this suite after the
// other CLI suites) are scanned the same way.
#include "clifixtures.h"
#include "../migrations/migrationtestsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using namespace covet::test;

namespace {

// Every password the suites use, as typed and as percent-encoded in URLs.
QStringList passwords()
{
    return {QStringLiteral("covet_pw"), QStringLiteral("Sekr3t-Pw9"), QStringLiteral("p@ss:w0rd/x"), QStringLiteral("p%40ss%3Aw0rd%2Fx")};
}

// The passwords found in text ("" when none), skipping the "$ covet ..."
// lines of a transcript: those are the arguments the test passed.
QString leaked(const QString &text)
{
    QStringList found;
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(QStringLiteral("$ covet ")))
            continue;
        for (const QString &pw : passwords())
            if (line.contains(pw))
                found << QStringLiteral("%1 in: %2").arg(pw, line.left(300));
    }
    return found.join(u'\n');
}

// The URL of a server with another password (and user, database).
QString withPassword(const QString &url, const QString &password, const QString &database = {})
{
    QString u = url;
    u.replace(QStringLiteral(":covet_pw@"), u':' + password + u'@');
    if (!database.isEmpty())
        u = u.section(u'/', 0, -2) + u'/' + database;
    return u;
}

} // namespace

class TestCliCredentials : public QObject
{
    Q_OBJECT

private slots:
    void neverPrinted_data() { addDialectRows(); }
    void neverPrinted()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, serverFor(d));
        QTemporaryDir project;
        const QString dir = project.path();
        QVERIFY(QDir(dir).mkdir(QStringLiteral("migrations")));
        writeFile(dir + QStringLiteral("/migrations/0001_items.yaml"), kItemsMigration);
        writeFile(dir + QStringLiteral("/migrations/0002_qty.yaml"), kQtyMigration);
        writeFile(dir + QStringLiteral("/models.yaml"), "tables:\n  - name: items\n    columns:\n      - {name: id, type: bigint, nullable: false}\n");
        const QString url = db->urlString();
        const QString server = d == Dialect::SQLite ? QStringLiteral("postgresql://covet:covet_pw@127.0.0.1:1/covet") : url;
        const QStringList env{QStringLiteral("COVET_T_URL=") + url};
        const QStringList badUrls{
            withPassword(server, QStringLiteral("Sekr3t-Pw9")),                                // wrong password (refused at 127.0.0.1:1 for SQLite)
            withPassword(server, QStringLiteral("covet_pw"), QStringLiteral("no_such_db")),    // unknown database
            withPassword(server, QStringLiteral("p%40ss%3Aw0rd%2Fx")),                          // an encoded password, wrong
            QStringLiteral("postgresql://covet:covet_pw@127.0.0.1:1/covet"),                     // connection refused
            QStringLiteral("mysql://covet:Sekr3t-Pw9@127.0.0.1:notaport/covet"),                // malformed: the port
            QStringLiteral("postgresql://covet:Sekr3t-Pw9@[127.0.0.1/covet"),                    // malformed: the host
            QStringLiteral("postgresql://covet:p@ss:w0rd/x@127.0.0.1:1/covet"),                 // unencoded characters
            QStringLiteral("oracle://covet:Sekr3t-Pw9@127.0.0.1/covet"),                        // unknown scheme
        };
        QList<QStringList> runs;
        for (const QString &bad : badUrls) {
            for (const char *command : {"status", "migrate", "rollback", "verify", "lint"})
                runs << QStringList{QString::fromLatin1(command), QStringLiteral("--db"), bad};
            runs << QStringList{QStringLiteral("migrate"), QStringLiteral("--json"), QStringLiteral("--db"), bad}
                 << QStringList{QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--db"), bad}
                 << QStringList{QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("--db"), bad}
                 << QStringList{QStringLiteral("inspect"), QStringLiteral("--db"), bad}
                 << QStringList{QStringLiteral("inspect"), bad}   // a stray argument
                 << QStringList{QStringLiteral("diff"), QStringLiteral("--from"), bad, QStringLiteral("--to"), QStringLiteral("models.yaml")}
                 << QStringList{QStringLiteral("sqlmigrate"), QStringLiteral("0001"), QStringLiteral("--db"), bad}
                 << QStringList{QStringLiteral("makemigrations"), QStringLiteral("--no-input"), QStringLiteral("--db"), bad};
        }
        // And the successful runs, by --db, by covet.yaml and by the environment.
        QList<QStringList> good;
        for (const QStringList &target : {QStringList{QStringLiteral("--db"), url}, QStringList{}}) {
            for (const QStringList &args :
                 {QStringList{QStringLiteral("migrate"), QStringLiteral("--dry-run")}, QStringList{QStringLiteral("migrate"), QStringLiteral("--json")},
                  QStringList{QStringLiteral("status")}, QStringList{QStringLiteral("status"), QStringLiteral("--json")},
                  QStringList{QStringLiteral("verify")}, QStringList{QStringLiteral("lint"), QStringLiteral("--rollback")},
                  QStringList{QStringLiteral("rollback"), QStringLiteral("--yes")}, QStringList{QStringLiteral("migrate")},
                  QStringList{QStringLiteral("audit"), QStringLiteral("list")}, QStringList{QStringLiteral("audit"), QStringLiteral("stats")},
                  QStringList{QStringLiteral("audit"), QStringLiteral("verify")}, QStringList{QStringLiteral("backup"), QStringLiteral("list")},
                  QStringList{QStringLiteral("makemigrations"), QStringLiteral("--check")}})
                good << args + target;
        }
        good << QStringList{QStringLiteral("inspect"), QStringLiteral("--db"), url, QStringLiteral("--format"), QStringLiteral("yaml")}
             << QStringList{QStringLiteral("diff"), QStringLiteral("--from"), url, QStringLiteral("--to"), QStringLiteral("models.yaml")};
        int checked = 0;
        const QList<std::pair<const char *, bool>> configs{
            {"database: ${COVET_T_URL}\naudit_log: true\n", true},
            {"database: 'URL'\naudit_log: true\n", true},
            // A typo beside a URL with a password: the error quotes the value, masked.
            {"database: 'URL${'\n", false},
            {"database: '${URL}'\n", false}};
        for (const auto &[config, everyRun] : configs) {
            writeFile(dir + QStringLiteral("/covet.yaml"),
                      QByteArray(config).replace("'URL", "'" + url.toUtf8()).replace("{URL}", "{" + url.toUtf8() + "}"));
            // The failing URLs come by --db: once is enough.
            const QList<QStringList> these = !everyRun ? QList<QStringList>{{QStringLiteral("status")}, {QStringLiteral("migrate")}}
                                             : checked == 0 ? runs + good
                                                            : good;
            for (const QStringList &args : these) {
                QString out, err;
                const int code = runCli(args, &out, &err, dir, env);
                const QString found = leaked(out + u'\n' + err);
                QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("covet %1 (exit %2) printed a password:\n%3")
                                                         .arg(DatabaseUrl::redacted(args.join(u' ')))
                                                         .arg(code)
                                                         .arg(found)));
                ++checked;
            }
        }
        qInfo("%d runs of covet, none printed a password", checked);
    }

    // Runs last (CTest DEPENDS): the transcripts of every suite's CLI runs.
    void transcriptsHoldNoPassword()
    {
        QDirIterator it(cliTranscriptDir(), {QStringLiteral("*.log")}, QDir::Files);
        int files = 0;
        qint64 lines = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            lines += text.count(u'\n');
            const QString found = leaked(text);
            QVERIFY2(found.isEmpty(), qPrintable(f.fileName() + QStringLiteral(":\n") + found));
            ++files;
        }
        QVERIFY2(files > 0, "no CLI transcripts were written");
        qInfo("%d transcripts, %lld lines of CLI output, no password", files, lines);
    }
};

QTEST_GUILESS_MAIN(TestCliCredentials)
#include "tst_clicredentials.moc"
