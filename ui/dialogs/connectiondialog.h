#pragma once

#include "app/studiostyle.h"
#include "jobs/connectiontestjob.h"
#include "settings/connectionprofile.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace covet {

class ConnectionForm;

// File > Connect…: the saved connection profiles on the left, the selected
// one's fields on the right. "Test Connection" opens the connection in a
// worker and shows the server and its version, or the error. Save is
// allowed once a test of exactly these fields succeeded (or, deliberately,
// with "Save without a successful test"); it writes the profile to the
// settings and the password to the OS keychain, asynchronously. When the
// keychain cannot take it, the dialog says so and the profile asks for the
// password when connecting: the password is never written to the settings.
// Connect emits connectRequested() with the fields' URL.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);

    // Shows a saved profile (reading its password from the keychain); false if unknown.
    bool selectProfile(const QString &name);
    void newProfile();
    // Deletes a saved profile and its keychain entry (no question asked).
    void deleteProfile(const QString &name);

    void testConnection();
    // Saves when allowed; false (with the reason shown) otherwise.
    bool save();

    bool canSave() const;
    bool isTesting() const { return m_test->isRunning(); }
    bool isSavingPassword() const { return m_savingPassword; }
    QString testResultText() const;
    QString statusText() const;
    QStringList profileNames() const;

    ConnectionForm *form() const { return m_form; }
    QPushButton *testButton() const { return m_testButton; }
    QPushButton *saveButton() const { return m_saveButton; }
    QPushButton *connectButton() const { return m_connectButton; }
    QCheckBox *saveUntestedBox() const { return m_saveUntested; }

signals:
    // The user chose to connect with these fields (the URL carries the password).
    void connectRequested(const covet::ConnectionProfile &profile, const covet::DatabaseUrl &url);
    // A profile was saved, renamed or deleted.
    void profilesChanged();
    // The keychain answered a save: error empty when the password is stored.
    void passwordSaved(const QString &profile, const QString &error);

private:
    void reloadList(const QString &select = {});
    void onSelectionChanged();
    void onEdited();
    void onTestSucceeded(const ConnectionTestOutcome &outcome);
    void onTestFailed(const Error &error);
    void askToDelete();
    void connectNow();
    void setTestResult(const QString &text, std::optional<StudioStyle::Tone> tone);
    void setStatus(const QString &text, bool warning = false);
    void updateButtons();
    QString fieldsKey() const;

    ConnectionForm *m_form = nullptr;
    ConnectionTestJob *m_test = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_connectButton = nullptr;
    QCheckBox *m_saveUntested = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_status = nullptr;

    QString m_loadedName;      // the saved profile being edited; empty for a new one
    QString m_loadedKey;       // its fields as loaded (nothing to save while unchanged)
    QString m_testingKey;      // the fields under test
    QString m_testedKey;       // the fields of the last successful test
    QString m_testedText;      // and what it found
    bool m_savingPassword = false;
};

} // namespace covet
