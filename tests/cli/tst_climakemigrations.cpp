// covet-test-labels: cli sqlite
#include "../migrations/itemsproject.h"
#include "terminalsupport.h"
#include "testsupport.h"

#include "diff/renamedecisions.h"
#include "migrations/migrationfile.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void copyDemo(const QString &target)
{
    const QString source = test::sourcePath(QStringLiteral("resources/demo"));
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString dest = target + u'/' + QDir(source).relativeFilePath(file);
        QDir().mkpath(QFileInfo(dest).absolutePath());
        QFile::copy(file, dest);
    }
}

QStringList migrationFiles(const QString &dir)
{
    return QDir(dir + QStringLiteral("/migrations")).entryList({QStringLiteral("*.yaml"), QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
}

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out{QStringLiteral("makemigrations")};
    for (const char *a : list)
        out << QString::fromUtf8(a);
    return out;
}

} // namespace

class TestCliMakeMigrations : public QObject
{
    Q_OBJECT

private slots:
    void initCreatesTheProject()
    {
        QTemporaryDir dir;
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--db"), QStringLiteral("sqlite:app.db"),
                               QStringLiteral("--models"), QStringLiteral("schema.sql")},
                              &out, &err, dir.path()),
                 0);
        QVERIFY2(QFileInfo(dir.filePath(QStringLiteral("migrations"))).isDir(), qPrintable(err));
        const QByteArray yaml = readFile(dir.filePath(QStringLiteral("covet.yaml")));
        QVERIFY2(yaml.contains("dialect: sqlite"), yaml.constData());
        QVERIFY(yaml.contains("schema.sql"));
        QVERIFY(yaml.contains("sqlite:app.db"));

        // Refuses to overwrite.
        writeFile(dir.filePath(QStringLiteral("covet.yaml")), "dialect: sqlite\n# mine\n");
        const int rc = test::runCli({QStringLiteral("init"), QStringLiteral("--dialect"), QStringLiteral("postgresql")}, &out, &err, dir.path());
        QVERIFY(rc >= 2);
        QVERIFY2(err.contains(QStringLiteral("covet.yaml")), qPrintable(err));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("covet.yaml"))), QByteArray("dialect: sqlite\n# mine\n"));

        QTemporaryDir other;
        QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--dialect"), QStringLiteral("oracle")}, &out, &err, other.path()), 2);
        QVERIFY(!QFileInfo::exists(other.filePath(QStringLiteral("covet.yaml"))));
    }

    void initWarnsAboutAPasswordInTheUrl()
    {
        QTemporaryDir dir;
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--db"), QStringLiteral("postgresql://app:s3cret@db.example.com/shop")},
                              &out, &err, dir.path()),
                 0);
        QVERIFY2(err.contains(QStringLiteral("holds a password")) && err.contains(QStringLiteral("${")), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("s3cret")), qPrintable(err));

        QTemporaryDir clean;
        QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--db"), QStringLiteral("postgresql://app:${PW}@db.example.com/shop")},
                              &out, &err, clean.path()),
                 0);
        QVERIFY2(!err.contains(QStringLiteral("holds a password")), qPrintable(err));
    }

    void initThenMakemigrationsFromDdl()
    {
        QTemporaryDir dir;
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("init"), QStringLiteral("--dialect"), QStringLiteral("sqlite"),
                               QStringLiteral("--models"), QStringLiteral("schema.sql")},
                              &out, &err, dir.path()),
                 0);
        writeFile(dir.filePath(QStringLiteral("schema.sql")), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        QCOMPARE(test::runCli(args({}), &out, &err, dir.path()), 0);
        QCOMPARE(migrationFiles(dir.path()), QStringList{QStringLiteral("0001_initial.yaml")});
        QCOMPARE(test::runCli(args({"--check"}), &out, &err, dir.path()), 0);
    }

    void demoRenamesAndCheck()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        QString out, err;

        QCOMPARE(test::runCli(args({"--check"}), &out, &err, dir.path()), 1);
        QVERIFY2(out.contains(QStringLiteral("disagree")), qPrintable(out));
        QCOMPARE(migrationFiles(dir.path()).size(), 3);   // --check writes nothing

        QCOMPARE(test::runCli(args({}), &out, &err, dir.path()), 0);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QStringList files = migrationFiles(dir.path());
        QCOMPARE(files.size(), 4);
        QVERIFY(files.last().startsWith(u"0004_"));
        const QByteArray yaml = readFile(dir.filePath(QStringLiteral("migrations/") + files.last()));
        QVERIFY(yaml.contains("{op: rename_column, table: customers, from: name, to: full_name}"));
        QVERIFY(yaml.contains("{op: rename_column, table: orders, from: placed, to: placed_at}"));
        QVERIFY(!yaml.contains("drop_column"));
        QVERIFY(yaml.contains("op: add_column"));
        QVERIFY(yaml.contains("op: create_table"));
        QVERIFY(yaml.contains("dependencies: [\"0003_product_flags\"]"));

        QCOMPARE(test::runCli(args({}), &out, &err, dir.path()), 0);
        QVERIFY2(out.contains(QStringLiteral("No changes")), qPrintable(out));
        QCOMPARE(migrationFiles(dir.path()).size(), 4);
        QCOMPARE(test::runCli(args({"--check"}), &out, &err, dir.path()), 0);
    }

    void noInputBelowThresholdAndDecisionsFile()
    {
        QTemporaryDir dir;
        test::writeItemsProject(dir.path());
        QString out, err;

        QCOMPARE(test::runCli(args({"--no-input", "--check"}), &out, &err, dir.path()), 1);
        QVERIFY2(out.contains(QStringLiteral("Drop column items.title")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("Add column items.heading")));
        QVERIFY(out.contains(QStringLiteral("rename rejected: column items.title -> heading")));

        writeFile(dir.filePath(QStringLiteral("renames.yaml")),
                  "version: 1\nrenames:\n  - {kind: column, table: items, from: title, to: heading, decision: accept}\n");
        QCOMPARE(test::runCli(args({"--no-input", "--renames", "renames.yaml", "--name", "heading"}), &out, &err, dir.path()), 0);
        const QByteArray yaml = readFile(dir.filePath(QStringLiteral("migrations/0002_heading.yaml")));
        QVERIFY2(yaml.contains("{op: rename_column, table: items, from: title, to: heading}"), yaml.constData());
        QVERIFY(!yaml.contains("drop_column"));

        // A malformed decisions file is an input error.
        writeFile(dir.filePath(QStringLiteral("bad.yaml")), "version: 1\nrenames:\n  - {kind: column, decision: maybe}\n");
        QCOMPARE(test::runCli(args({"--no-input", "--renames", "bad.yaml"}), &out, &err, dir.path()), 2);
    }

    // On a terminal the answers are saved as a decisions file, so that CI
    // (--no-input --renames FILE --check) reproduces them.
    void promptAnswersAreSavedForCi()
    {
        if (!test::haveScript())
            QSKIP("util-linux `script` is not installed: cannot give covet a terminal");
        QTemporaryDir dir;
        test::writeItemsProject(dir.path());
        QTemporaryDir pristine;
        test::writeItemsProject(pristine.path());
        // renames.yaml beside covet.yaml: its other decisions are kept, this pair's is updated.
        writeFile(dir.filePath(QStringLiteral("renames.yaml")),
                  "version: 1\nrenames:\n  - {kind: table, from: old_a, to: new_a, decision: reject}\n"
                  "  - {kind: column, table: items, from: title, to: heading, decision: reject}\n");
        QString screen, out, err;
        QCOMPARE(test::runCliOnTerminal(args({}), dir.path(), &screen, "y\n"), 0);
        QVERIFY2(screen.contains(QStringLiteral("Rename column items.title -> heading")), qPrintable(screen));
        QVERIFY2(screen.contains(QStringLiteral("Is this a rename? [y/N]")), qPrintable(screen));
        QVERIFY2(screen.contains(QStringLiteral("Saved 1 rename decision to renames.yaml")), qPrintable(screen));
        auto saved = RenameDecisions::read(dir.filePath(QStringLiteral("renames.yaml")));
        QVERIFY2(saved, qPrintable(test::errorText(saved)));
        QCOMPARE(saved->size(), 2);
        RenameDecisions::Entry title;
        title.kind = RenameCandidate::Kind::Column;
        title.table = QStringLiteral("items");
        title.from = QStringLiteral("title");
        title.to = QStringLiteral("heading");
        title.verdict = RenameDecisions::Verdict::Accept;
        QVERIFY(saved->entries().contains(title));
        QCOMPARE(saved->entries().first().from, QStringLiteral("old_a"));
        const QByteArray yaml = readFile(dir.filePath(QStringLiteral("migrations/0002_alter_items.yaml")));
        QVERIFY2(yaml.contains("{op: rename_column, table: items, from: title, to: heading}"), yaml.constData());

        // CI agrees with what was written...
        QCOMPARE(test::runCli(args({"--no-input", "--renames", "renames.yaml", "--check"}), &out, &err, dir.path()), 0);
        // ...and, on the history before it, derives the same rename.
        QVERIFY(QFile::copy(dir.filePath(QStringLiteral("renames.yaml")), pristine.filePath(QStringLiteral("renames.yaml"))));
        QCOMPARE(test::runCli(args({"--no-input", "--renames", "renames.yaml", "--check"}), &out, &err, pristine.path()), 1);
        QVERIFY2(out.contains(QStringLiteral("Rename column items.title to heading")) && !out.contains(QStringLiteral("Drop column")),
                 qPrintable(out));
        QVERIFY(!QFileInfo::exists(pristine.filePath(QStringLiteral("migrations/0002_alter_items.yaml"))));

        // --renames FILE on a terminal: the answers go there, even when it does not exist yet.
        QFile::remove(pristine.filePath(QStringLiteral("renames.yaml")));
        QCOMPARE(test::runCliOnTerminal(args({"--renames", "decisions.yaml"}), pristine.path(), &screen, "n\n"), 0);
        QVERIFY2(screen.contains(QStringLiteral("Saved 1 rename decision to decisions.yaml")), qPrintable(screen));
        QVERIFY(!QFileInfo::exists(pristine.filePath(QStringLiteral("renames.yaml"))));
        const QByteArray decided = readFile(pristine.filePath(QStringLiteral("decisions.yaml")));
        QVERIFY2(decided.contains("{kind: column, table: items, from: title, to: heading, decision: reject}"), decided.constData());
        QCOMPARE(test::runCli(args({"--no-input", "--renames", "decisions.yaml", "--check"}), &out, &err, pristine.path()), 0);
    }

    void mergeAndEmpty()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        writeFile(dir.filePath(QStringLiteral("migrations/0004_side.yaml")),
                  "dependencies: [0002_customer_loyalty]\noperations:\n  - {op: run_sql, forward: SELECT 1, reverse: SELECT 1}\n");
        QString out, err;
        const int conflict = test::runCli(args({}), &out, &err, dir.path());
        QVERIFY(conflict >= 2);
        QVERIFY2(err.contains(QStringLiteral("--merge")), qPrintable(err));
        QCOMPARE(migrationFiles(dir.path()).size(), 4);

        QCOMPARE(test::runCli(args({"--merge"}), &out, &err, dir.path()), 0);
        const QByteArray merge = readFile(dir.filePath(QStringLiteral("migrations/0005_merge_0003_0004.yaml")));
        QVERIFY2(merge.contains("0003_product_flags") && merge.contains("0004_side"), qPrintable(err));
        QVERIFY(test::runCli(args({"--merge"}), &out, &err, dir.path()) >= 2);   // nothing left to merge

        QCOMPARE(test::runCli(args({"--empty", "--name", "backfill"}), &out, &err, dir.path()), 0);
        const QByteArray empty = readFile(dir.filePath(QStringLiteral("migrations/0006_backfill.yaml")));
        QVERIFY2(empty.contains("0005_merge_0003_0004"), empty.constData());
        QCOMPARE(test::runCli(args({"--empty", "--name", "Bad Name"}), &out, &err, dir.path()), 2);
        QCOMPARE(test::runCli(args({"--empty", "--merge"}), &out, &err, dir.path()), 2);
    }

    // The new migration's author is whom git would name for a commit in the
    // project (its own config here, nothing from the machine's), --author
    // overrides it, --author "" leaves it out; the file reads back with it.
    void authorFromGit()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        const QStringList env{QStringLiteral("HOME=") + dir.path(), QStringLiteral("GIT_CONFIG_NOSYSTEM=1")};
        auto git = [&](const QStringList &a) {
            QProcess p;
            p.setWorkingDirectory(dir.path());
            p.start(QStringLiteral("git"), a);
            return p.waitForFinished(30000) && p.exitCode() == 0;
        };
        QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q")}));
        QVERIFY(git({QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Alice O'Example")}));
        QVERIFY(git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("alice@example.com")}));
        QString out, err;
        QCOMPARE(test::runCli(args({"--empty", "--name", "by_git"}), &out, &err, dir.path(), env), 0);
        auto fromGit = MigrationFile::read(dir.filePath(QStringLiteral("migrations/0004_by_git.yaml")));
        COVET_VERIFY_OK(fromGit);
        QCOMPARE(fromGit->author, QStringLiteral("Alice O'Example <alice@example.com>"));
        QCOMPARE(test::runCli(args({"--empty", "--name", "by_flag", "--author", "Bob Builder"}), &out, &err, dir.path(), env), 0);
        QCOMPARE(MigrationFile::read(dir.filePath(QStringLiteral("migrations/0005_by_flag.yaml")))->author, QStringLiteral("Bob Builder"));
        QCOMPARE(test::runCli(args({"--empty", "--name", "nobody", "--author", ""}), &out, &err, dir.path(), env), 0);
        const QByteArray nobody = readFile(dir.filePath(QStringLiteral("migrations/0006_nobody.yaml")));
        QVERIFY2(!nobody.contains("author"), nobody.constData());
    }

    void malformedModelsNamesFileAndLine()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        writeFile(dir.filePath(QStringLiteral("models.yaml")),
                  "dialect: sqlite\ntables:\n  - name: t\n    columns:\n      - {name: id, type: nosuchtype(}\n");
        QString out, err;
        QCOMPARE(test::runCli(args({}), &out, &err, dir.path()), 2);
        QVERIFY2(err.contains(QStringLiteral("models.yaml:")), qPrintable(err));
        QCOMPARE(migrationFiles(dir.path()).size(), 3);

        QCOMPARE(test::runCli(args({"--models", "missing.yaml"}), &out, &err, dir.path()), 3);
        QVERIFY2(err.contains(QStringLiteral("missing.yaml")), qPrintable(err));

        QTemporaryDir noProject;
        QVERIFY(test::runCli(args({}), &out, &err, noProject.path()) >= 2);
        QVERIFY2(err.contains(QStringLiteral("covet.yaml")), qPrintable(err));
    }

    void configOption()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        QTemporaryDir elsewhere;
        QString out, err;
        QCOMPARE(test::runCli(args({"--check", "--config", qPrintable(dir.filePath(QStringLiteral("covet.yaml")))}), &out, &err,
                              elsewhere.path()),
                 1);
    }

    void neverWaitsForInputWithoutATerminal()
    {
        // stdin an open pipe that never delivers anything (not closed): a
        // prompt would block forever; makemigrations must not ask.
        QTemporaryDir dir;
        copyDemo(dir.path());
        QByteArray config = readFile(dir.filePath(QStringLiteral("covet.yaml")));
        config.replace("threshold: 0.8", "threshold: 0.5");
        writeFile(dir.filePath(QStringLiteral("covet.yaml")), config);
        QProcess p;
        p.setWorkingDirectory(dir.path());
        QElapsedTimer timer;
        timer.start();
        p.start(QStringLiteral(COVET_CLI_PATH), args({}));
        const bool finished = p.waitForFinished(30000);
        if (!finished) {
            p.kill();
            p.waitForFinished();
        }
        QVERIFY2(finished, "covet makemigrations waited for input on a non-terminal stdin");
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(!p.readAllStandardOutput().contains("Is this a rename?"));
        QCOMPARE(migrationFiles(dir.path()).size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestCliMakeMigrations)
#include "tst_climakemigrations.moc"
