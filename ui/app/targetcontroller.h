#pragma once

#include "app/studiotarget.h"
#include "migrations/projectconfig.h"
#include "settings/connectionprofile.h"

#include <QInputDialog>
#include <QObject>
#include <QPointer>

#include <optional>

class QComboBox;
class QLabel;
class QWidget;

namespace covet {

// The project and the target selector of the toolbar: opens a project's
// covet.yaml (through the engine's ProjectConfig), lists its environments
// and the saved connection profiles in a combo box, and turns a choice into
// a database URL — ${VAR} references interpolated, a profile's password
// read from the keychain (asynchronously) or asked for. Emits targetReady()
// for the main window to connect, or failed() with a message a DBA can act
// on; after such a failure the combo shows the current target again.
class TargetController : public QObject
{
    Q_OBJECT

public:
    explicit TargetController(QWidget *window);

    // The toolbar widget: "Project: NAME" and the target combo.
    QWidget *widget() const { return m_widget; }
    QComboBox *targetBox() const { return m_box; }

    // Reads dir/covet.yaml and lists its targets; then chooses `environment`
    // (empty: the project's default). False (failed() emitted) when the
    // project cannot be read.
    bool openProject(const QString &dir, const QString &environment = {});
    const std::optional<ProjectConfig> &project() const { return m_project; }
    QString projectDir() const;

    void chooseProjectDatabase();
    void chooseEnvironment(const QString &name);
    void chooseProfile(const QString &name);
    // A URL from elsewhere (the command line, the connection dialog); the
    // project stays open.
    void chooseUrl(const DatabaseUrl &url, const QString &profileName = {});

    // The target being connected or connected; the combo follows it.
    const std::optional<StudioTarget> &current() const { return m_current; }
    // Lists the profiles again (after the connection dialog saved some).
    void reloadProfiles();
    // The password prompt while it is open (tests, automation), else null.
    QInputDialog *passwordPrompt() const { return m_prompt; }

signals:
    void targetReady(const covet::StudioTarget &target);
    void failed(const QString &message);

private:
    void rebuild();
    void syncBox();
    void onActivated(int index);
    void propose(const StudioTarget &target);
    void askForPassword(const ConnectionProfile &profile, const QString &reason);

    QWidget *m_window = nullptr;
    QWidget *m_widget = nullptr;
    QLabel *m_projectLabel = nullptr;
    QComboBox *m_box = nullptr;
    QPointer<QInputDialog> m_prompt;
    std::optional<ProjectConfig> m_project;
    std::optional<StudioTarget> m_current;
    quint64 m_request = 0;   // a newer choice drops an older keychain answer
};

} // namespace covet
