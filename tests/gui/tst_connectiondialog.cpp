// covet-test-labels: gui sqlite postgres
#include "testsupport.h"

#include "app/mainwindow.h"
#include "app/targetcontroller.h"
#include "dialogs/connectiondialog.h"
#include "dialogs/connectionform.h"
#include "models/schematreemodel.h"
#include "settings/connectionprofilestore.h"
#include "settings/passwordstore.h"
#include "views/schemabrowserview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

// Types into a line edit as a person would (textEdited is emitted).
void type(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

void chooseDialect(ConnectionForm *form, Dialect d)
{
    form->dialectBox()->setCurrentIndex(form->dialectBox()->findData(int(d)));
}

// The settings file as bytes: what a password must never be part of.
QByteArray settingsFile()
{
    QSettings settings;
    settings.sync();
    QFile f(settings.fileName());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_sqlite;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        // Like a headless CI machine: no Secret Service can answer.
        qputenv("DBUS_SESSION_BUS_ADDRESS", ("unix:path=" + m_tmp.filePath(QStringLiteral("no-bus"))).toUtf8());
        qunsetenv("PGPASSWORD");
        qunsetenv("COVET_PASSWORD");
        qputenv("PGPASSFILE", m_tmp.filePath(QStringLiteral("no-pgpass")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("CovetTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connectiondialog"));
        m_sqlite = m_tmp.filePath(QStringLiteral("shop.db"));
        auto conn = Connection::open(DatabaseUrl::sqliteFile(m_sqlite), QStringLiteral("fixture"));
        COVET_VERIFY_OK(conn);
        QSqlQuery q((*conn)->database());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")));
    }

    void init()
    {
        for (const ConnectionProfile &p : ConnectionProfileStore::load())
            ConnectionProfileStore::remove(p.name);
    }

    void profilesRoundTripWithoutPasswords()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("staging / shop");
        p.dialect = Dialect::PostgreSQL;
        p.host = QStringLiteral("db.example.com");
        p.port = 6543;
        p.database = QStringLiteral("shop");
        p.user = QStringLiteral("app user");
        p.options = QStringLiteral("schema=sales&sslmode=require");
        p.passwordSource = ConnectionProfile::PasswordSource::Keychain;
        ConnectionProfileStore::save(p);
        ConnectionProfile lite;
        lite.name = QStringLiteral("local");
        lite.dialect = Dialect::SQLite;
        lite.database = m_sqlite;
        ConnectionProfileStore::save(lite);
        const auto all = ConnectionProfileStore::load();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0), lite);   // sorted by name
        QCOMPARE(all.at(1), p);
        // The URL of the fields, with a password given only in memory.
        auto url = p.url(QStringLiteral("s3cret:@/"));
        COVET_VERIFY_OK(url);
        QCOMPARE(url->host(), QStringLiteral("db.example.com"));
        QCOMPARE(url->port(), 6543);
        QCOMPARE(url->user(), QStringLiteral("app user"));
        QCOMPARE(url->password(), QStringLiteral("s3cret:@/"));
        QCOMPARE(url->schemaParam(), QStringLiteral("sales"));
        QCOMPARE(url->param(QStringLiteral("sslmode")), QStringLiteral("require"));
        QVERIFY(!url->display().contains(QStringLiteral("s3cret")));
        QCOMPARE(ConnectionProfile::fromUrl(*url, p.name), p);
        // Renaming replaces; removing removes.
        ConnectionProfile renamed = p;
        renamed.name = QStringLiteral("staging");
        ConnectionProfileStore::save(renamed, p.name);
        QVERIFY(!ConnectionProfileStore::find(p.name));
        QCOMPARE(*ConnectionProfileStore::find(QStringLiteral("staging")), renamed);
        ConnectionProfileStore::remove(QStringLiteral("staging"));
        QCOMPARE(ConnectionProfileStore::load().size(), 1);
        QVERIFY(!settingsFile().contains("s3cret"));
        // Fields that make no URL say which.
        ConnectionProfile noHost = p;
        noHost.host.clear();
        QVERIFY(!noHost.url());
        QVERIFY(noHost.url().error().message().contains(QStringLiteral("host")));
    }

    void keychainErrorsAreReportedAndNothingIsWritten()
    {
        std::optional<Status> written;
        PasswordStore::write(QStringLiteral("probe"), QStringLiteral("keychain-probe-secret"), this,
                             [&written](const Status &s) { written = s; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
        QVERIFY(!*written);
        QVERIFY2(!written->error().message().isEmpty(), "the keychain error needs a text");
        std::optional<Result<QString>> read;
        PasswordStore::read(QStringLiteral("probe"), this, [&read](const Result<QString> &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
        QVERIFY(!*read);
        // No plaintext fallback anywhere under the config directory.
        QDirIterator it(m_tmp.filePath(QStringLiteral("config")), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("keychain-probe-secret"), qPrintable(f.fileName()));
        }
    }

    void sqliteTestBeforeSave()
    {
        ConnectionDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        ConnectionForm *form = dialog.form();
        type(form->nameEdit(), QStringLiteral("local shop"));
        chooseDialect(form, Dialect::SQLite);
        QVERIFY(!form->hostEdit()->isEnabled());
        type(form->databaseEdit(), m_sqlite);
        QVERIFY(!dialog.saveButton()->isEnabled());   // not tested yet
        QVERIFY(!dialog.save());
        QVERIFY(dialog.statusText().contains(QStringLiteral("Test the connection first")));
        QVERIFY(ConnectionProfileStore::load().isEmpty());

        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting(), 10000);
        QVERIFY2(dialog.testResultText().contains(QStringLiteral("SQLite 3.")), qPrintable(dialog.testResultText()));
        QVERIFY(dialog.saveButton()->isEnabled());
        // Any change needs a new test.
        type(form->databaseEdit(), m_sqlite + QStringLiteral("x"));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(dialog.testResultText().contains(QStringLiteral("Not tested")));
        type(form->databaseEdit(), m_sqlite);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.saveButton()->isEnabled(), 10000);
        QSignalSpy changed(&dialog, &ConnectionDialog::profilesChanged);
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("Saved")), qPrintable(dialog.statusText()));
        const auto saved = ConnectionProfileStore::find(QStringLiteral("local shop"));
        QVERIFY(saved);
        QCOMPARE(saved->dialect, Dialect::SQLite);
        QCOMPARE(saved->database, m_sqlite);
        QCOMPARE(dialog.profileNames(), QStringList{QStringLiteral("local shop")});
        QVERIFY(!dialog.saveButton()->isEnabled());   // nothing changed since

        // A file that is not a database fails the test: Save stays off,
        // unless the person deliberately saves without a successful test.
        const QString junk = m_tmp.filePath(QStringLiteral("junk.db"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        dialog.newProfile();
        type(form->nameEdit(), QStringLiteral("junk"));
        chooseDialect(form, Dialect::SQLite);
        type(form->databaseEdit(), junk);
        dialog.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting(), 10000);
        QVERIFY2(dialog.testResultText().contains(QStringLiteral("failed")), qPrintable(dialog.testResultText()));
        QVERIFY2(dialog.testResultText().contains(QStringLiteral("not a database")), qPrintable(dialog.testResultText()));
        QVERIFY(!dialog.saveButton()->isEnabled());
        dialog.saveUntestedBox()->setChecked(true);
        QVERIFY(dialog.saveButton()->isEnabled());
        QVERIFY(dialog.save());
        QVERIFY(ConnectionProfileStore::find(QStringLiteral("junk")));
        // A missing file is never created by a test.
        dialog.newProfile();
        chooseDialect(form, Dialect::SQLite);
        type(form->databaseEdit(), m_tmp.filePath(QStringLiteral("missing.db")));
        dialog.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting(), 10000);
        QVERIFY(dialog.testResultText().contains(QStringLiteral("does not exist")));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("missing.db"))));
    }

    void postgresWrongPasswordThenKeychainFailure()
    {
        COVET_REQUIRE_SERVER(server, "COVET_TEST_PG_URL");
        auto serverUrl = DatabaseUrl::parse(server);
        COVET_VERIFY_OK(serverUrl);
        const QString realPassword = serverUrl->password();
        QVERIFY(!realPassword.isEmpty());

        ConnectionDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        ConnectionForm *form = dialog.form();
        type(form->nameEdit(), QStringLiteral("pg test"));
        chooseDialect(form, Dialect::PostgreSQL);
        type(form->hostEdit(), serverUrl->host());
        form->portBox()->setValue(serverUrl->port());
        type(form->databaseEdit(), serverUrl->database());
        type(form->userEdit(), serverUrl->user());
        type(form->passwordEdit(), QStringLiteral("wrong-secret-pw"));
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting(), 15000);
        const QString failure = dialog.testResultText();
        QVERIFY2(failure.contains(QStringLiteral("Connection failed")), qPrintable(failure));
        QVERIFY2(failure.contains(QStringLiteral("password authentication failed")), qPrintable(failure));
        QVERIFY2(!failure.contains(QStringLiteral("wrong-secret-pw")), qPrintable(failure));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.save());
        QVERIFY(!ConnectionProfileStore::find(QStringLiteral("pg test")));

        type(form->passwordEdit(), realPassword);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting(), 15000);
        QVERIFY2(dialog.testResultText().contains(QStringLiteral("PostgreSQL 1")), qPrintable(dialog.testResultText()));
        QVERIFY(dialog.saveButton()->isEnabled());
        QSignalSpy keychain(&dialog, &ConnectionDialog::passwordSaved);
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QVERIFY(dialog.isSavingPassword());
        QTRY_COMPARE_WITH_TIMEOUT(keychain.count(), 1, 15000);
        // No keychain here: said clearly, and the profile asks for the password.
        const QString keychainError = keychain.first().at(1).toString();
        QVERIFY(!keychainError.isEmpty());
        qInfo("keychain: %s", qPrintable(dialog.statusText()));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("the password was not saved")), qPrintable(dialog.statusText()));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("asked for it when connecting")), qPrintable(dialog.statusText()));
        const auto saved = ConnectionProfileStore::find(QStringLiteral("pg test"));
        QVERIFY(saved);
        QCOMPARE(saved->passwordSource, ConnectionProfile::PasswordSource::Ask);
        QCOMPARE(saved->port, serverUrl->port());
        QVERIFY(!settingsFile().contains(realPassword.toUtf8()));
        QVERIFY(!settingsFile().contains("wrong-secret-pw"));

        // Connecting with the profile from the main window's selector asks
        // for the password, then reads the schema.
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.targets()->chooseProfile(QStringLiteral("pg test"));
        QTRY_VERIFY_WITH_TIMEOUT(w.targets()->passwordPrompt() != nullptr, 5000);
        QInputDialog *prompt = w.targets()->passwordPrompt();
        QCOMPARE(prompt->textEchoMode(), QLineEdit::Password);
        prompt->setTextValue(realPassword);
        prompt->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.connectionText().startsWith(QStringLiteral("PostgreSQL")), 20000);
        QVERIFY2(w.errorText().isEmpty(), qPrintable(w.errorText()));
        QCOMPARE(w.target()->kind, StudioTarget::Kind::Profile);
        QCOMPARE(w.targets()->targetBox()->currentText(), QStringLiteral("pg test"));
        QVERIFY(!w.connectionText().contains(realPassword));
        w.close();
        QVERIFY(!settingsFile().contains(realPassword.toUtf8()));
    }

    void connectFromTheDialogOpensTheDatabase()
    {
        MainWindow w;
        w.show();
        ConnectionDialog *dialog = w.showConnectionDialog();
        QVERIFY(dialog && dialog->isVisible());
        ConnectionForm *form = dialog->form();
        chooseDialect(form, Dialect::SQLite);
        type(form->databaseEdit(), m_sqlite);
        QTest::mouseClick(dialog->connectButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.connectionText().startsWith(QStringLiteral("SQLite")), 15000);
        QVERIFY(w.schemaBrowser()->model()->findObject(QStringLiteral("customers")).isValid());
        QCOMPARE(w.target()->kind, StudioTarget::Kind::Url);
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
