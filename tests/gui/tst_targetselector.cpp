// covet-test-labels: gui sqlite
#include "testsupport.h"

#include "app/mainwindow.h"
#include "app/targetcontroller.h"
#include "runner/demoproject.h"
#include "migrations/projectconfig.h"
#include "models/diffmodel.h"
#include "models/schematreemodel.h"
#include "settings/connectionprofilestore.h"
#include "views/diffview.h"
#include "views/migrationsview.h"
#include "views/schemabrowserview.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

int indexOf(QComboBox *box, const QString &text)
{
    for (int i = 0; i < box->count(); ++i)
        if (box->itemText(i) == text)
            return i;
    return -1;
}

QStringList itemTexts(QComboBox *box)
{
    QStringList out;
    for (int i = 0; i < box->count(); ++i)
        out << box->itemText(i);
    return out;
}

} // namespace

class TestTargetSelector : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_project;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("CovetTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_targetselector"));
        qunsetenv("COVET_TEST_UNSET_SECRET");

        // The demo project with three environments: dev (the default),
        // copy (another SQLite file with one more table) and prod (a
        // PostgreSQL URL whose password comes from an unset variable).
        auto created = DemoProject::create(m_tmp.filePath(QStringLiteral("shop")));
        COVET_VERIFY_OK(created);
        m_project = *created;
        const QDir dir(m_project);
        QVERIFY(QFile::copy(dir.filePath(DemoProject::databaseFileName()), dir.filePath(QStringLiteral("copy.db"))));
        {
            auto conn = Connection::open(DatabaseUrl::sqliteFile(dir.filePath(QStringLiteral("copy.db"))), QStringLiteral("fixture"));
            COVET_VERIFY_OK(conn);
            QSqlQuery q((*conn)->database());
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE audit_copy (id INTEGER PRIMARY KEY, note TEXT)")));
        }
        auto config = ProjectConfig::read(dir.filePath(ProjectConfig::fileName()));
        COVET_VERIFY_OK(config);
        EnvironmentConfig copy;
        copy.name = QStringLiteral("copy");
        copy.database = QStringLiteral("sqlite:copy.db");
        config->setEnvironment(copy);
        EnvironmentConfig prod;
        prod.name = QStringLiteral("prod");
        prod.database = QStringLiteral("postgresql://deploy:${COVET_TEST_UNSET_SECRET}@127.0.0.1/shop");
        prod.confirm = true;
        config->setEnvironment(prod);
        config->setDefaultEnvironment(QStringLiteral("dev"));
        COVET_VERIFY_OK(config->write(dir.filePath(ProjectConfig::fileName()), true));
    }

    void environmentsRetargetEveryView()
    {
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.showView(QStringLiteral("diff")));
        w.openProject(m_project);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.diffView()->hasResult() && !w.diffView()->isBusy(), 15000);
        QVERIFY2(w.errorText().isEmpty(), qPrintable(w.errorText()));
        QComboBox *box = w.targets()->targetBox();
        const QStringList texts = itemTexts(box);
        for (const char *t : {"Project database", "dev (default)", "copy", "prod"})
            QVERIFY2(texts.contains(QLatin1String(t)), qPrintable(texts.join(u'|')));
        QCOMPARE(box->currentText(), QStringLiteral("dev (default)"));
        QCOMPARE(w.target()->kind, StudioTarget::Kind::Environment);
        QCOMPARE(w.migrationsView()->environment(), QStringLiteral("dev"));
        QVERIFY(w.targets()->widget()->findChild<QLabel *>(QStringLiteral("projectLabel"))->text().contains(QStringLiteral("shop")));
        QVERIFY(!w.schemaBrowser()->model()->findObject(QStringLiteral("audit_copy")).isValid());

        // Switching to "copy" re-targets the schema browser, the diff and
        // the migrations view.
        emit box->activated(indexOf(box, QStringLiteral("copy")));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.schemaBrowser()->model()->findObject(QStringLiteral("audit_copy")).isValid(), 15000);
        QCOMPARE(w.target()->name, QStringLiteral("copy"));
        QVERIFY(w.connectionText().contains(QStringLiteral("copy.db")));
        QCOMPARE(w.migrationsView()->environment(), QStringLiteral("copy"));
        QTRY_VERIFY_WITH_TIMEOUT(w.diffView()->model()->objectIndex(QStringLiteral("audit_copy")).isValid() && !w.diffView()->isBusy(), 15000);
        QCOMPARE(w.diffView()->model()->objectIndex(QStringLiteral("audit_copy")).data(DiffModel::ChangeKindRole).toInt(),
                 int(DiffModel::ChangeKind::Removed));

        // prod needs ${COVET_TEST_UNSET_SECRET}: a clear error, and the
        // selector stays on the database still shown.
        emit box->activated(indexOf(box, QStringLiteral("prod")));
        QVERIFY2(w.errorText().contains(QStringLiteral("COVET_TEST_UNSET_SECRET")), qPrintable(w.errorText()));
        QVERIFY2(w.errorText().contains(QStringLiteral("not set")), qPrintable(w.errorText()));
        QVERIFY2(w.errorText().contains(QStringLiteral("prod")), qPrintable(w.errorText()));
        QVERIFY2(w.errorText().contains(QStringLiteral("covet.yaml")), qPrintable(w.errorText()));
        QVERIFY(!w.isBusy());
        QCOMPARE(box->currentText(), QStringLiteral("copy"));
        QCOMPARE(w.target()->name, QStringLiteral("copy"));
        QVERIFY(w.schemaBrowser()->model()->findObject(QStringLiteral("audit_copy")).isValid());

        // The top-level database of covet.yaml is a target too.
        emit box->activated(indexOf(box, QStringLiteral("Project database")));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && !w.schemaBrowser()->model()->findObject(QStringLiteral("audit_copy")).isValid(), 15000);
        QCOMPARE(w.target()->kind, StudioTarget::Kind::ProjectDatabase);
        QVERIFY(w.errorText().isEmpty());
        emit box->activated(indexOf(box, QStringLiteral("copy")));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.target()->name == QStringLiteral("copy"), 15000);
    }

    void profilesAreTargetsToo()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("copy via profile");
        p.dialect = Dialect::SQLite;
        p.database = QDir(m_project).filePath(QStringLiteral("copy.db"));
        ConnectionProfileStore::save(p);
        MainWindow w;
        w.show();
        w.openProject(m_project, QStringLiteral("dev"));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 15000);
        QComboBox *box = w.targets()->targetBox();
        QVERIFY(itemTexts(box).contains(QStringLiteral("Saved connections")));
        const int index = indexOf(box, p.name);
        QVERIFY(index >= 0);
        emit box->activated(index);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.schemaBrowser()->model()->findObject(QStringLiteral("audit_copy")).isValid(), 15000);
        QCOMPARE(w.target()->kind, StudioTarget::Kind::Profile);
        QCOMPARE(box->currentText(), p.name);
        // The project stays open for the Diff and Migrations views.
        QCOMPARE(w.projectDir(), QFileInfo(m_project).absoluteFilePath());
        ConnectionProfileStore::remove(p.name);
    }

    void lastEnvironmentIsRemembered()
    {
        {
            MainWindow w;
            w.openProject(m_project, QStringLiteral("copy"));
            QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 15000);
        }
        MainWindow again;
        QVERIFY(again.openLastProject());
        QTRY_VERIFY_WITH_TIMEOUT(!again.isBusy(), 15000);
        QCOMPARE(again.target()->name, QStringLiteral("copy"));
        QVERIFY(again.schemaBrowser()->model()->findObject(QStringLiteral("audit_copy")).isValid());
    }
};

QTEST_MAIN(TestTargetSelector)
#include "tst_targetselector.moc"
