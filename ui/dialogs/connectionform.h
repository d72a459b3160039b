#pragma once

#include "settings/connectionprofile.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace covet {

// The fields of one connection profile: name, database type, host, port,
// database (or SQLite file), user, password, URL options, and whether the
// password is remembered in the keychain. Shows the resulting URL (password
// masked) or what is wrong with the fields. Emits edited() on every change.
class ConnectionForm : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionForm(QWidget *parent = nullptr);

    // Fills the fields (the password field is cleared).
    void setProfile(const ConnectionProfile &profile);
    // The fields as a profile; passwordSource says what saving would do:
    // Keychain for a remembered password, Ask for one not remembered.
    ConnectionProfile profile() const;
    QString password() const;
    void setPassword(const QString &password);
    bool remembersPassword() const;
    // The URL of the fields, with the password.
    Result<DatabaseUrl> url() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *dialectBox() const { return m_dialect; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *optionsEdit() const { return m_options; }
    QCheckBox *rememberBox() const { return m_remember; }

signals:
    void edited();

private:
    void onDialectChanged();
    void browse();
    void updateUrl();

    QLineEdit *m_name = nullptr;
    QComboBox *m_dialect = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QToolButton *m_browse = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLineEdit *m_options = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QLabel *m_urlLabel = nullptr;
    QList<QWidget *> m_serverOnly;
};

} // namespace covet
