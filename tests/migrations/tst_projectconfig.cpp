// covet-test-labels: engine
#include "db/databaseurl.h"
#include "migrations/projectconfig.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

const QByteArray kFull = R"(dialect: postgresql
database: postgresql://app@localhost/shop_dev
migrations: db/migrations
models: models.yaml
renames: {detect: false, threshold: 0.65}
backups: {before_destructive: false}
audit_log: false
default_environment: dev
environments:
  dev:
    database: sqlite:dev.db
  production:
    database: postgresql://deploy:${SHOP_PW}@db.example.com/shop?sslmode=${SSL_MODE}
    confirm: true
)";

QProcessEnvironment envWith(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment env;
    for (const auto &[k, v] : vars)
        env.insert(QString::fromUtf8(k), QString::fromUtf8(v));
    return env;
}

} // namespace

class TestProjectConfig : public QObject
{
    Q_OBJECT

private slots:
    // Every unknown key is reported, each at its line and column, whatever its value.
    void unknownKeysAreAllReported()
    {
        const QByteArray text = "dialect: sqlite\n"
                                "audit_logs: true\n"
                                "backups: {before_destructive: true, befor_destructive: true}\n"
                                "environments:\n"
                                "  prod: {database: x, confrim: true}\n";
        auto c = ProjectConfig::parse(text, QStringLiteral("covet.yaml"), QStringLiteral("/p"));
        QVERIFY(!c);
        const QString all = c.error().toString();
        QVERIFY2(all.contains(QStringLiteral("3 unknown keys")), qPrintable(all));
        for (const QString &expected : {QStringLiteral("covet.yaml:2:1: unknown key 'audit_logs' (did you mean 'audit_log'?)"),
                                        QStringLiteral("covet.yaml:3:37: unknown key 'befor_destructive' in backups"),
                                        QStringLiteral("covet.yaml:5:23: unknown key 'confrim' in environments.prod (did you mean 'confirm'?)")})
            QVERIFY2(all.contains(expected), qPrintable(expected + QStringLiteral("\nnot in:\n") + all));
    }

    void readsEverySetting()
    {
        auto c = ProjectConfig::parse(kFull, QStringLiteral("covet.yaml"), QStringLiteral("/srv/shop"));
        QVERIFY2(c, qPrintable(test::errorText(c)));
        QCOMPARE(c->dialect(), Dialect::PostgreSQL);
        QCOMPARE(c->migrationsPath(), QStringLiteral("/srv/shop/db/migrations"));
        QCOMPARE(c->modelsPath(), QStringLiteral("/srv/shop/models.yaml"));
        QVERIFY(!c->renameDetection());
        QCOMPARE(c->renameThreshold(), 0.65);
        QVERIFY(!c->backupsBeforeDestructive());
        QVERIFY(!c->auditLog());
        QCOMPARE(c->environments().size(), 2);
        QVERIFY(c->requiresConfirmation(QStringLiteral("production")));
        QVERIFY(!c->requiresConfirmation(QStringLiteral("dev")));
        QVERIFY(!c->requiresConfirmation());   // the default environment is dev
        // The default environment wins over the top-level database; relative SQLite paths follow the project.
        auto dev = c->databaseUrl({}, QProcessEnvironment());
        QVERIFY2(dev, qPrintable(test::errorText(dev)));
        QCOMPARE(*dev, QStringLiteral("sqlite:/srv/shop/dev.db"));
        auto parsed = DatabaseUrl::parse(*dev);
        QVERIFY(parsed);
        QCOMPARE(parsed->database(), QStringLiteral("/srv/shop/dev.db"));
    }

    void defaults()
    {
        auto c = ProjectConfig::parse("", QStringLiteral("covet.yaml"), QStringLiteral("/p"));
        QVERIFY(c);
        QVERIFY(!c->dialect());
        QCOMPARE(c->migrationsPath(), QStringLiteral("/p/migrations"));
        QVERIFY(c->renameDetection());
        QCOMPARE(c->renameThreshold(), 0.8);
        QVERIFY(c->backupsBeforeDestructive());
        QVERIFY(c->auditLog());
        auto none = c->databaseUrl({}, QProcessEnvironment());
        QVERIFY(!none);
        QVERIFY(none.error().message().contains(QStringLiteral("--db URL")));
    }

    void interpolatesSecrets()
    {
        auto c = ProjectConfig::parse(kFull, QStringLiteral("covet.yaml"), QStringLiteral("/srv/shop"));
        QVERIFY(c);
        auto url = c->databaseUrl(QStringLiteral("production"), envWith({{"SHOP_PW", "s3cr$t"}, {"SSL_MODE", "require"}}));
        QVERIFY2(url, qPrintable(test::errorText(url)));
        QCOMPARE(*url, QStringLiteral("postgresql://deploy:s3cr$t@db.example.com/shop?sslmode=require"));
        // The raw text keeps the reference: the secret never goes into the file.
        QVERIFY(c->environment(QStringLiteral("production"))->database.contains(QStringLiteral("${SHOP_PW}")));

        auto missing = c->databaseUrl(QStringLiteral("production"), envWith({{"SSL_MODE", "require"}}));
        QVERIFY(!missing);
        QCOMPARE(missing.error().category(), Error::Category::InvalidInput);
        QVERIFY2(missing.error().message().contains(QStringLiteral("SHOP_PW is not set")), qPrintable(missing.error().toString()));
        QCOMPARE(missing.error().location(), QStringLiteral("covet.yaml:13"));

        auto unknown = c->databaseUrl(QStringLiteral("staging"), QProcessEnvironment());
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().message().contains(QStringLiteral("known: dev, production")), qPrintable(unknown.error().toString()));
    }

    void interpolation()
    {
        const auto env = envWith({{"A", "x"}, {"EMPTY", ""}});
        QCOMPARE(*ProjectConfig::interpolate(QStringLiteral("${A}-${EMPTY}-$$-$A"), env, {}), QStringLiteral("x--$-$A"));
        for (const QString &bad : {QStringLiteral("${A"), QStringLiteral("${}"), QStringLiteral("${1A}"), QStringLiteral("${A-B}"),
                                   QStringLiteral("${B}")}) {
            auto r = ProjectConfig::interpolate(bad, env, QStringLiteral("covet.yaml:3"));
            QVERIFY2(!r, qPrintable(bad));
            QCOMPARE(r.error().location(), QStringLiteral("covet.yaml:3"));
        }
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("typo") << QByteArray("dialect: sqlite\nbackup: {before_destructive: false}\n") << QStringLiteral("covet.yaml:2:1")
                              << QStringLiteral("unknown key 'backup'");
        QTest::newRow("nested typo") << QByteArray("backups:\n  before_destructve: false\n") << QStringLiteral("covet.yaml:2:3")
                                     << QStringLiteral("unknown key 'before_destructve'");
        QTest::newRow("dialect") << QByteArray("dialect: oracle\n") << QStringLiteral("covet.yaml:1") << QStringLiteral("unknown dialect");
        QTest::newRow("threshold") << QByteArray("renames: {threshold: 2}\n") << QStringLiteral("covet.yaml:1")
                                   << QStringLiteral("from 0 to 1");
        QTest::newRow("bool") << QByteArray("audit_log: \"no\"\n") << QStringLiteral("covet.yaml:1") << QStringLiteral("true or false");
        QTest::newRow("env without url") << QByteArray("environments:\n  prod: {confirm: true}\n") << QStringLiteral("covet.yaml:2")
                                         << QStringLiteral("no 'database'");
        QTest::newRow("env confirm") << QByteArray("environments:\n  prod: {database: x, confirm: sure}\n")
                                     << QStringLiteral("covet.yaml:2") << QStringLiteral("true or false");
        QTest::newRow("bad reference") << QByteArray("environments:\n  prod:\n    database: pg://${PW\n")
                                       << QStringLiteral("covet.yaml:3") << QStringLiteral("without a closing");
        QTest::newRow("default env") << QByteArray("default_environment: prod\n") << QStringLiteral("covet.yaml:1")
                                     << QStringLiteral("not one of the environments");
        QTest::newRow("list") << QByteArray("- dialect\n") << QStringLiteral("covet.yaml:1") << QStringLiteral("mapping");
        QTest::newRow("unknown tag") << QByteArray("data_tags:\n  phi: [patients]\n  pci: [cards]\n") << QStringLiteral("covet.yaml:3")
                                     << QStringLiteral("unknown data tag 'pci'; the tags are phi and pii");
        QTest::newRow("tag not a list") << QByteArray("data_tags:\n  pii: customers.email\n") << QStringLiteral("covet.yaml:2")
                                        << QStringLiteral("must list tables and columns");
        QTest::newRow("tag name") << QByteArray("data_tags:\n  pii:\n    - customers.email\n    - a..b\n") << QStringLiteral("covet.yaml:4")
                                  << QStringLiteral("entry 'a..b' is not a name");
        QTest::newRow("tags not a mapping") << QByteArray("data_tags: [patients]\n") << QStringLiteral("covet.yaml:1")
                                            << QStringLiteral("maps a tag to the tables and columns");
    }

    // data_tags: read, written back by toYaml(), hostile names kept as data.
    void dataTags()
    {
        auto c = ProjectConfig::parse("data_tags:\n  phi: [patients]\n  pii: [customers.email, \"o'brien; --\"]\n", QStringLiteral("covet.yaml"),
                                      QStringLiteral("/p"));
        QVERIFY2(c, qPrintable(test::errorText(c)));
        QCOMPARE(c->dataTags().describe(), QStringLiteral("phi: patients; pii: customers.email, o'brien; --"));
        QCOMPARE(c->dataTags().entries.at(1).location, QStringLiteral("covet.yaml:3"));
        QCOMPARE(c->runSettings().dataTags, c->dataTags());
        auto back = ProjectConfig::parse(c->toYaml(), QStringLiteral("covet.yaml"), QStringLiteral("/p"));
        QVERIFY2(back, qPrintable(test::errorText(back)));
        QCOMPARE(back->dataTags().describe(), c->dataTags().describe());
        QCOMPARE(back->toYaml(), c->toYaml());
    }
    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, location);
        QFETCH(QString, fragment);
        auto c = ProjectConfig::parse(text, QStringLiteral("covet.yaml"), QStringLiteral("/p"));
        QVERIFY(!c);
        QCOMPARE(c.error().location(), location);
        QVERIFY2(c.error().message().contains(fragment), qPrintable(c.error().toString()));
    }

    void writeReadFind()
    {
        QTemporaryDir tmp;
        ProjectConfig c;
        c.setDialect(Dialect::MySQL);
        c.setDatabase(QStringLiteral("mysql://app@localhost/shop"));
        c.setModelsFile(QStringLiteral("schema.sql"));
        c.setRenameThreshold(0.9);
        c.setAuditLog(false);
        c.setEnvironment({QStringLiteral("production"), QStringLiteral("mysql://deploy:${PW}@db/shop"), true});
        const QString path = QDir(tmp.path()).filePath(ProjectConfig::fileName());
        QVERIFY(c.write(path));
        auto again = c.write(path);
        QVERIFY(!again);
        QCOMPARE(again.error().category(), Error::Category::Conflict);

        auto found = ProjectConfig::find({}, tmp.path());
        QVERIFY2(found, qPrintable(test::errorText(found)));
        QCOMPARE(found->path(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(found->dialect(), Dialect::MySQL);
        QCOMPARE(found->database(), c.database());
        QCOMPARE(found->modelsFile(), QStringLiteral("schema.sql"));
        QCOMPARE(found->renameThreshold(), 0.9);
        QVERIFY(!found->auditLog());
        QCOMPARE(found->environments(), c.environments());
        QCOMPARE(found->toYaml(), c.toYaml());

        QTemporaryDir empty;
        auto none = ProjectConfig::find({}, empty.path());
        QVERIFY(!none);
        QCOMPARE(none.error().category(), Error::Category::NotFound);
        QVERIFY(none.error().message().contains(QStringLiteral("covet init")));
        auto explicitMissing = ProjectConfig::find(empty.filePath(QStringLiteral("other.yaml")));
        QVERIFY(!explicitMissing);
        QCOMPARE(explicitMissing.error().category(), Error::Category::NotFound);
        auto explicitOk = ProjectConfig::find(path, empty.path());
        QVERIFY(explicitOk);
    }

    void demoConfigIsValid()
    {
        auto c = ProjectConfig::read(test::sourcePath(QStringLiteral("resources/demo/covet.yaml")));
        QVERIFY2(c, qPrintable(test::errorText(c)));
        QCOMPARE(c->dialect(), Dialect::SQLite);
        QVERIFY(c->migrationsPath().endsWith(QStringLiteral("resources/demo/migrations")));
        QVERIFY(QFileInfo::exists(c->modelsPath()));
        QVERIFY(c->environment(QStringLiteral("dev")));
        auto url = c->databaseUrl();
        QVERIFY2(url, qPrintable(test::errorText(url)));
        QVERIFY(url->endsWith(QStringLiteral("resources/demo/demo.db")));
    }
};

QTEST_GUILESS_MAIN(TestProjectConfig)
#include "tst_projectconfig.moc"
