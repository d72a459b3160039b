#include "connectionform.h"

#include "app/studiostyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>

namespace covet {

ConnectionForm::ConnectionForm(QWidget *parent) : QWidget(parent)
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setPlaceholderText(tr("e.g. shop (staging)"));

    m_dialect = new QComboBox(this);
    m_dialect->setObjectName(QStringLiteral("dialect"));
    m_dialect->addItem(tr("PostgreSQL"), int(Dialect::PostgreSQL));
    m_dialect->addItem(tr("MySQL / MariaDB"), int(Dialect::MySQL));
    m_dialect->addItem(tr("SQLite"), int(Dialect::SQLite));

    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(QStringLiteral("localhost"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_port->setToolTip(tr("The server's port; \"default\" uses 5432 (PostgreSQL) or 3306 (MySQL)"));
    auto *hostRow = new QHBoxLayout;
    hostRow->setContentsMargins(0, 0, 0, 0);
    hostRow->addWidget(m_host, 1);
    auto *portLabel = new QLabel(tr("Port:"), this);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);

    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("database"));
    m_browse = new QToolButton(this);
    m_browse->setIcon(StudioStyle::icon("open-project"));
    m_browse->setToolTip(tr("Choose the SQLite database file"));
    auto *databaseRow = new QHBoxLayout;
    databaseRow->setContentsMargins(0, 0, 0, 0);
    databaseRow->addWidget(m_database, 1);
    databaseRow->addWidget(m_browse);

    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("user"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: none, or from PGPASSWORD / ~/.pgpass"));
    m_remember = new QCheckBox(tr("Remember the password in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_remember->setChecked(true);
    m_remember->setToolTip(tr("The password is never written to Covet Studio's settings file; "
                              "without the keychain you are asked for it when connecting."));
    m_options = new QLineEdit(this);
    m_options->setObjectName(QStringLiteral("options"));
    m_options->setPlaceholderText(QStringLiteral("sslmode=require&schema=app"));
    m_options->setToolTip(tr("URL parameters, e.g. sslmode=require, schema=app, connect_timeout=10"));

    m_urlLabel = new QLabel(this);
    m_urlLabel->setObjectName(QStringLiteral("urlPreview"));
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_urlLabel->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Type:"), m_dialect);
    auto *hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(m_host);
    form->addRow(hostLabel, hostRow);
    m_databaseLabel = new QLabel(tr("&Database:"), this);
    m_databaseLabel->setBuddy(m_database);
    form->addRow(m_databaseLabel, databaseRow);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(tr("&Options:"), m_options);
    form->addRow(tr("URL:"), m_urlLabel);
    for (QWidget *w : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port), static_cast<QWidget *>(portLabel),
                       static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_remember)})
        m_serverOnly << w;
    m_serverOnly << hostLabel;
    for (QWidget *w : {m_user, m_password})
        m_serverOnly << form->labelForField(w);
    m_serverOnly.removeAll(nullptr);

    for (QLineEdit *e : {m_name, m_host, m_database, m_user, m_password, m_options})
        connect(e, &QLineEdit::textChanged, this, [this]() {
            updateUrl();
            emit edited();
        });
    connect(m_port, &QSpinBox::valueChanged, this, [this]() {
        updateUrl();
        emit edited();
    });
    connect(m_remember, &QCheckBox::toggled, this, &ConnectionForm::edited);
    connect(m_dialect, &QComboBox::currentIndexChanged, this, [this]() {
        onDialectChanged();
        emit edited();
    });
    connect(m_browse, &QToolButton::clicked, this, &ConnectionForm::browse);
    onDialectChanged();
}

void ConnectionForm::onDialectChanged()
{
    const bool server = Dialect(m_dialect->currentData().toInt()) != Dialect::SQLite;
    for (QWidget *w : std::as_const(m_serverOnly))
        w->setEnabled(server);
    m_browse->setVisible(!server);
    m_databaseLabel->setText(server ? tr("&Database:") : tr("&File:"));
    m_database->setPlaceholderText(server ? tr("the database's name") : tr("path to the .db file"));
    updateUrl();
}

void ConnectionForm::browse()
{
    const QString start = m_database->text().isEmpty() ? QString() : QFileInfo(m_database->text()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a SQLite Database"), start,
                                                      tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (file.isEmpty())
        return;
    m_database->setText(file);
    updateUrl();
    emit edited();
}

void ConnectionForm::setProfile(const ConnectionProfile &p)
{
    const QSignalBlocker blockDialect(m_dialect);
    const QSignalBlocker blockPort(m_port);
    const QSignalBlocker blockRemember(m_remember);
    m_name->setText(p.name);
    m_dialect->setCurrentIndex(m_dialect->findData(int(p.dialect)));
    m_host->setText(p.host);
    m_port->setValue(p.port > 0 ? p.port : 0);
    m_database->setText(p.database);
    m_user->setText(p.user);
    m_password->clear();
    m_options->setText(p.options);
    m_remember->setChecked(p.passwordSource != ConnectionProfile::PasswordSource::Ask);
    onDialectChanged();
}

ConnectionProfile ConnectionForm::profile() const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.dialect = Dialect(m_dialect->currentData().toInt());
    p.database = m_database->text().trimmed();
    if (p.isServer()) {
        p.host = m_host->text().trimmed();
        p.port = m_port->value() > 0 ? m_port->value() : -1;
        p.user = m_user->text().trimmed();
    }
    p.options = m_options->text().trimmed();
    using Source = ConnectionProfile::PasswordSource;
    if (!p.isServer())
        p.passwordSource = Source::None;
    else if (!m_remember->isChecked())
        p.passwordSource = Source::Ask;
    else
        p.passwordSource = password().isEmpty() ? Source::None : Source::Keychain;
    return p;
}

QString ConnectionForm::password() const
{
    return m_password->text();
}

void ConnectionForm::setPassword(const QString &password)
{
    m_password->setText(password);
    updateUrl();
}

bool ConnectionForm::remembersPassword() const
{
    return m_remember->isChecked();
}

Result<DatabaseUrl> ConnectionForm::url() const
{
    const ConnectionProfile p = profile();
    return p.url(p.isServer() ? password() : QString());
}

void ConnectionForm::updateUrl()
{
    const auto u = url();
    m_urlLabel->setText(u ? u->display() : tr("incomplete: %1").arg(u.error().message()));
    m_urlLabel->setForegroundRole(u ? QPalette::WindowText : QPalette::PlaceholderText);
}

} // namespace covet
