// covet-test-labels: engine
#include "migrations/migrationrepository.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

void put(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

const QByteArray kOk = "dependencies: []\noperations: []\n";

} // namespace

class TestMigrationRepository : public QObject
{
    Q_OBJECT

private:
    // The error whose location starts with the file, or nullptr.
    static const Error *errorFor(const MigrationRepository &repo, const QString &file)
    {
        for (const Error &e : repo.errors()) {
            if (e.location().contains(file))
                return &e;
        }
        return nullptr;
    }

private slots:
    void loadsAValidDirectory()
    {
        QTemporaryDir tmp;
        const QDir d(tmp.path());
        put(d.filePath(QStringLiteral("0001_initial.sql")), "-- covet:up\nCREATE TABLE t (a INTEGER);\n-- covet:down\nDROP TABLE t;\n");
        put(d.filePath(QStringLiteral("0002_more.yaml")), "dependencies: [0001_initial]\noperations: []\n");
        put(d.filePath(QStringLiteral("README.md")), "notes");
        put(d.filePath(QStringLiteral(".gitkeep")), "");
        const MigrationRepository repo = MigrationRepository::load(tmp.path());
        QVERIFY2(repo.isValid(), qPrintable(test::errorText(repo.status())));
        QCOMPARE(repo.migrations().size(), 2);
        QCOMPARE(repo.migrations().at(0).id, QStringLiteral("0001_initial"));
        QCOMPARE(repo.migrations().at(1).id, QStringLiteral("0002_more"));
        QVERIFY(repo.find(QStringLiteral("0002")));
        QVERIFY(repo.find(QStringLiteral("0001_initial")));
        QVERIFY(!repo.find(QStringLiteral("0003")));
        QCOMPARE(repo.nextNumber(), 3);
        auto p = repo.checkedPath(QStringLiteral("0003_next.yaml"));
        QVERIFY2(p, qPrintable(test::errorText(p)));
        QVERIFY(p->endsWith(QStringLiteral("/0003_next.yaml")));
    }

    void demoMigrationsAreValid()
    {
        const MigrationRepository repo = MigrationRepository::load(test::sourcePath(QStringLiteral("resources/demo/migrations")));
        QVERIFY2(repo.isValid(), qPrintable(test::errorText(repo.status())));
        QCOMPARE(repo.migrations().size(), 3);
        QCOMPARE(repo.migrations().at(1).dependencies, QStringList{QStringLiteral("0001_initial")});
        QCOMPARE(repo.migrations().at(2).dependencies, QStringList{QStringLiteral("0002_customer_loyalty")});
        QVERIFY(repo.migrations().at(1).isReversible());
        QVERIFY(repo.migrations().at(2).isReversible());
    }

    void missingDirectory()
    {
        QTemporaryDir tmp;
        const MigrationRepository repo = MigrationRepository::load(tmp.filePath(QStringLiteral("nope")));
        QVERIFY(!repo.isValid());
        QCOMPARE(repo.errors().first().category(), Error::Category::NotFound);
        QVERIFY(repo.errors().first().message().contains(QStringLiteral("covet init")));
    }

    void hostileEntriesAreRefused()
    {
        QTemporaryDir tmp;
        const QDir d(tmp.path());
        QVERIFY(d.mkdir(QStringLiteral("migrations")));
        const QDir m(d.filePath(QStringLiteral("migrations")));
        put(d.filePath(QStringLiteral("0005_outside.yaml")), kOk);   // outside the directory
        put(m.filePath(QStringLiteral("0001_ok.yaml")), kOk);
        QVERIFY(QFile::link(d.filePath(QStringLiteral("0005_outside.yaml")), m.filePath(QStringLiteral("0002_escape.yaml"))));
        QVERIFY(QFile::link(QStringLiteral("../0005_outside.yaml"), m.filePath(QStringLiteral("0003_relative.yaml"))));
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), m.filePath(QStringLiteral("0004_passwd.sql"))));
        QVERIFY(QFile::link(m.filePath(QStringLiteral("gone.yaml")), m.filePath(QStringLiteral("0006_dangling.yaml"))));
        QVERIFY(QFile::link(m.filePath(QStringLiteral("0001_ok.yaml")), m.filePath(QStringLiteral("0007_inside.yaml"))));
        QVERIFY(m.mkdir(QStringLiteral("0008_dir.yaml")));
        put(m.filePath(QStringLiteral("0009_Upper.yaml")), kOk);
        put(m.filePath(QStringLiteral("0010_x.yml")), kOk);
        put(m.filePath(QStringLiteral("10_short.sql")), "-- covet:up\nSELECT 1;\n");
        put(m.filePath(QStringLiteral("0011 spaces.sql")), "-- covet:up\nSELECT 1;\n");
        put(m.filePath(QStringLiteral(".0012_hidden.yaml")), kOk);
        put(m.filePath(QStringLiteral("0013_malformed.yaml")), "operations: [\n");
        put(m.filePath(QStringLiteral("0014_unknown_op.yaml")), "operations:\n  - op: format_disk\n");
        put(m.filePath(QStringLiteral("0015_crlf.sql")), "-- covet:up\rSELECT 1;\r");
        QByteArray huge = "-- covet:up\n";
        huge += QByteArray(5 * 1024 * 1024, '-');
        put(m.filePath(QStringLiteral("0016_huge.sql")), huge);
        put(m.filePath(QStringLiteral("0001_again.sql")), "-- covet:up\nSELECT 1;\n");

        const MigrationRepository repo = MigrationRepository::load(m.path());
        QVERIFY(!repo.isValid());
        const QStringList valid = [&] {
            QStringList ids;
            for (const Migration &x : repo.migrations())
                ids << x.id;
            return ids;
        }();
        // Only the file inside, and the symlink that stays inside, load.
        QCOMPARE(valid, (QStringList{QStringLiteral("0001_again"), QStringLiteral("0007_inside")}));

        const struct { const char *file; const char *fragment; } expected[] = {
            {"0002_escape.yaml", "leads outside the migrations directory"},
            {"0003_relative.yaml", "leads outside the migrations directory"},
            {"0004_passwd.sql", "leads outside the migrations directory"},
            {"0006_dangling.yaml", "target does not exist"},
            {"0008_dir.yaml", "not a regular file"},
            {"0009_Upper.yaml", "not a migration file name"},
            {"0010_x.yml", "not .yml"},
            {"10_short.sql", "not a migration file name"},
            {"0011 spaces.sql", "not a migration file name"},
            {".0012_hidden.yaml", "hidden file"},
            {"0013_malformed.yaml", ""},
            {"0014_unknown_op.yaml", "unknown operation 'format_disk'"},
            {"0015_crlf.sql", "lone carriage return"},
            {"0016_huge.sql", "limited to"},
            {"0001_ok.yaml", "number 0001 is used twice"},
        };
        for (const auto &e : expected) {
            const Error *err = errorFor(repo, QString::fromUtf8(e.file));
            QVERIFY2(err, e.file);
            QVERIFY2(err->message().contains(QString::fromUtf8(e.fragment)), qPrintable(err->toString()));
        }
        QCOMPARE(repo.errors().size(), qsizetype(std::size(expected)));
        // Errors with a line say which line.
        QVERIFY2(errorFor(repo, QStringLiteral("0014_unknown_op.yaml"))->location().endsWith(QStringLiteral(":2")),
                 qPrintable(errorFor(repo, QStringLiteral("0014_unknown_op.yaml"))->toString()));
        QVERIFY2(errorFor(repo, QStringLiteral("0013_malformed.yaml"))->location().contains(QStringLiteral("0013_malformed.yaml:")),
                 qPrintable(errorFor(repo, QStringLiteral("0013_malformed.yaml"))->toString()));
        // The combined status lists every problem, one per line.
        const Status st = repo.status();
        QVERIFY(!st);
        QCOMPARE(st.error().message().count(u'\n'), repo.errors().size());
    }

    // Enough files that they are read on several threads: the result is
    // what reading them one by one in name order gives, errors included.
    void manyFilesLoadInNameOrder()
    {
        QTemporaryDir tmp;
        const QDir d(tmp.path());
        QStringList loaded, broken;
        for (int n = 1; n <= 300; ++n) {
            const QString id = QStringLiteral("%1_m%2").arg(n, 4, 10, QLatin1Char('0')).arg(n);
            if (n % 37 == 0) {
                put(d.filePath(id + QStringLiteral(".yaml")), "operations: [\n");
                broken << id;
            } else if (n % 50 == 0) {
                put(d.filePath(id + QStringLiteral(".sql")), "-- covet:up\nCREATE TABLE t" + QByteArray::number(n) + " (a INTEGER);\n");
                loaded << id;
            } else {
                put(d.filePath(id + QStringLiteral(".yaml")),
                    "operations:\n  - op: create_table\n    definition: {name: t" + QByteArray::number(n) + ", columns: [{name: a, type: integer}]}\n");
                loaded << id;
            }
        }
        // A second file numbered 0120: the first in name order loads, the other is refused.
        put(d.filePath(QStringLiteral("0120_zz.yaml")), kOk);
        const MigrationRepository repo = MigrationRepository::load(tmp.path());
        QStringList ids, dependencies;
        for (const Migration &m : repo.migrations()) {
            ids << m.id;
            dependencies << m.dependencies.join(u',');
        }
        QCOMPARE(ids, loaded);
        QCOMPARE(dependencies.first(), QString());
        for (qsizetype i = 1; i < ids.size(); ++i)
            QCOMPARE(dependencies.at(i), ids.at(i - 1));
        QStringList errorFiles;
        for (const Error &e : repo.errors())
            errorFiles << QFileInfo(e.location().section(u':', 0, 0)).completeBaseName();
        QStringList expected = broken;
        expected.insert(std::upper_bound(expected.begin(), expected.end(), QStringLiteral("0120_zz")) - expected.begin(), QStringLiteral("0120_zz"));
        QCOMPARE(errorFiles, expected);
        QVERIFY(repo.errors().at(expected.indexOf(QStringLiteral("0120_zz"))).message().contains(QStringLiteral("number 0120 is used twice")));
    }

    void checkedPathRefusesEscapes()
    {
        QTemporaryDir tmp;
        const QDir d(tmp.path());
        QVERIFY(d.mkdir(QStringLiteral("m")));
        put(d.filePath(QStringLiteral("0001_secret.yaml")), kOk);
        QVERIFY(QFile::link(d.filePath(QStringLiteral("0001_secret.yaml")), d.filePath(QStringLiteral("m/0002_link.yaml"))));
        const MigrationRepository repo = MigrationRepository::load(d.filePath(QStringLiteral("m")));
        for (const QString &bad : {QStringLiteral("../x.yaml"), QStringLiteral("../0001_secret.yaml"), QStringLiteral("/etc/0001_a.yaml"),
                                   QStringLiteral("sub/0001_a.yaml"), QStringLiteral("..\\0001_a.yaml"), QStringLiteral("0001_a..yaml"),
                                   QStringLiteral("0002_link.yaml"), QStringLiteral("x.yaml"), QString()}) {
            auto p = repo.checkedPath(bad);
            QVERIFY2(!p, qPrintable(bad));
            QCOMPARE(p.error().category(), Error::Category::InvalidInput);
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationRepository)
#include "tst_migrationrepository.moc"
