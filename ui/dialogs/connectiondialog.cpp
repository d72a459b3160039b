#include "connectiondialog.h"

#include "app/studiostyle.h"
#include "dialogs/connectionform.h"
#include "settings/connectionprofilestore.h"
#include "settings/passwordstore.h"

#include <QApplication>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace covet {

ConnectionDialog::ConnectionDialog(QWidget *parent) : QDialog(parent), m_test(new ConnectionTestJob(this))
{
    setWindowTitle(tr("Connections"));
    setObjectName(QStringLiteral("ConnectionDialog"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profiles"));
    m_list->setMinimumWidth(180);
    m_newButton = new QPushButton(StudioStyle::icon("database"), tr("&New"), this);
    m_deleteButton = new QPushButton(StudioStyle::icon("cancel"), tr("De&lete…"), this);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Saved connections:"), left));
    leftLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_newButton);
    listButtons->addWidget(m_deleteButton);
    leftLayout->addLayout(listButtons);

    m_form = new ConnectionForm(this);
    m_testButton = new QPushButton(StudioStyle::icon("check"), tr("&Test Connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setMinimumHeight(m_testResult->fontMetrics().height() * 2);
    m_saveUntested = new QCheckBox(tr("Save without a successful test"), this);
    m_saveUntested->setObjectName(QStringLiteral("saveUntested"));
    m_saveUntested->setToolTip(tr("For a server you cannot reach from here right now"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("saveStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_form);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    rightLayout->addLayout(testRow);
    rightLayout->addWidget(m_saveUntested);
    rightLayout->addWidget(m_status);
    rightLayout->addStretch(1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::ActionRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setIcon(StudioStyle::icon("save"));
    m_connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setIcon(StudioStyle::icon("database"));
    buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(760, 460);

    connect(m_list, &QListWidget::currentItemChanged, this, &ConnectionDialog::onSelectionChanged);
    connect(m_newButton, &QPushButton::clicked, this, &ConnectionDialog::newProfile);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionDialog::askToDelete);
    connect(m_form, &ConnectionForm::edited, this, &ConnectionDialog::onEdited);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_saveButton, &QPushButton::clicked, this, &ConnectionDialog::save);
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectionDialog::connectNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_saveUntested, &QCheckBox::toggled, this, &ConnectionDialog::updateButtons);
    connect(m_test, &ConnectionTestJob::succeeded, this, &ConnectionDialog::onTestSucceeded);
    connect(m_test, &ConnectionTestJob::failed, this, &ConnectionDialog::onTestFailed);

    reloadList();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        newProfile();
}

QString ConnectionDialog::fieldsKey() const
{
    // Identifies the fields (password included) without keeping them as text.
    const ConnectionProfile p = m_form->profile();
    const QStringList parts = {p.name, dialectName(p.dialect), p.host, QString::number(p.port), p.database, p.user,
                               p.options, ConnectionProfile::passwordSourceName(p.passwordSource), m_form->password()};
    return QString::fromLatin1(QCryptographicHash::hash(parts.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha256).toHex());
}

QStringList ConnectionDialog::profileNames() const
{
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i)
        names << m_list->item(i)->data(Qt::UserRole).toString();
    return names;
}

void ConnectionDialog::reloadList(const QString &select)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const ConnectionProfile &p : ConnectionProfileStore::load()) {
        auto *item = new QListWidgetItem(StudioStyle::icon("database"), p.name, m_list);
        item->setData(Qt::UserRole, p.name);
        item->setToolTip(p.summary());
        if (p.name == select)
            m_list->setCurrentItem(item);
    }
    m_deleteButton->setEnabled(m_list->currentItem() != nullptr);
}

bool ConnectionDialog::selectProfile(const QString &name)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == name) {
            m_list->setCurrentRow(i);
            onSelectionChanged();   // also when it was current already
            return true;
        }
    }
    return false;
}

void ConnectionDialog::onSelectionChanged()
{
    QListWidgetItem *item = m_list->currentItem();
    m_deleteButton->setEnabled(item != nullptr);
    if (!item)
        return;
    const auto profile = ConnectionProfileStore::find(item->data(Qt::UserRole).toString());
    if (!profile)
        return;
    m_test->abandon();
    m_form->setProfile(*profile);
    m_loadedName = profile->name;
    m_testedKey.clear();
    m_saveUntested->setChecked(false);
    setTestResult(tr("Not tested yet."), std::nullopt);
    setStatus(QString());
    if (profile->passwordSource == ConnectionProfile::PasswordSource::Keychain) {
        setStatus(tr("Reading the password from the system keychain…"));
        const QString name = profile->name;
        PasswordStore::read(name, this, [this, name](const Result<QString> &password) {
            if (m_loadedName != name)
                return;
            const bool unchanged = m_loadedKey == fieldsKey();
            if (password && m_form->password().isEmpty())
                m_form->setPassword(*password);
            if (unchanged)
                m_loadedKey = fieldsKey();
            setStatus(password ? QString()
                               : tr("Could not read the password from the system keychain: %1. Type it to test or connect.")
                                     .arg(password.error().message()),
                      !password);
            updateButtons();
        });
    } else if (profile->passwordSource == ConnectionProfile::PasswordSource::Ask && profile->isServer()) {
        setStatus(tr("The password of this connection is not stored; type it to test or connect."));
    }
    m_loadedKey = fieldsKey();
    updateButtons();
}

void ConnectionDialog::newProfile()
{
    m_test->abandon();
    {
        const QSignalBlocker block(m_list);
        m_list->clearSelection();
        m_list->setCurrentItem(nullptr);
    }
    m_deleteButton->setEnabled(false);
    ConnectionProfile p;
    p.host = QStringLiteral("localhost");
    m_form->setProfile(p);
    m_loadedName.clear();
    m_loadedKey.clear();
    m_testedKey.clear();
    m_saveUntested->setChecked(false);
    setTestResult(tr("Not tested yet."), std::nullopt);
    setStatus(QString());
    m_form->nameEdit()->setFocus();
    updateButtons();
}

void ConnectionDialog::onEdited()
{
    if (!m_test->isRunning())
        setTestResult(fieldsKey() == m_testedKey ? m_testedText : tr("Not tested yet."),
                      fieldsKey() == m_testedKey ? std::optional(StudioStyle::Tone::Ok) : std::nullopt);
    updateButtons();
}

void ConnectionDialog::testConnection()
{
    const auto url = m_form->url();
    if (!url) {
        setTestResult(tr("Cannot test: %1.").arg(url.error().message()), StudioStyle::Tone::Error);
        return;
    }
    m_testingKey = fieldsKey();
    m_test->start(*url);
    setTestResult(tr("Connecting to %1…").arg(url->display()), StudioStyle::Tone::Muted);
    updateButtons();
}

void ConnectionDialog::onTestSucceeded(const ConnectionTestOutcome &outcome)
{
    if (m_testingKey != fieldsKey()) {
        setTestResult(tr("The fields changed during the test; test again."), std::nullopt);
    } else {
        m_testedKey = m_testingKey;
        m_testedText = tr("Connected: %1 at %2").arg(outcome.serverVersion, outcome.displayUrl);
        setTestResult(m_testedText, StudioStyle::Tone::Ok);
    }
    updateButtons();
}

void ConnectionDialog::onTestFailed(const Error &error)
{
    m_testedKey.clear();
    setTestResult(tr("Connection failed: %1").arg(error.toString()), StudioStyle::Tone::Error);
    updateButtons();
}

bool ConnectionDialog::canSave() const
{
    const ConnectionProfile p = m_form->profile();
    const QString key = fieldsKey();
    return !p.name.isEmpty() && m_form->url().has_value() && key != m_loadedKey && !m_savingPassword
           && (key == m_testedKey || m_saveUntested->isChecked());
}

bool ConnectionDialog::save()
{
    const ConnectionProfile p = m_form->profile();
    if (p.name.isEmpty()) {
        setStatus(tr("Give the connection a name first."), true);
        return false;
    }
    if (p.name != m_loadedName && ConnectionProfileStore::find(p.name)) {
        setStatus(tr("A connection named “%1” exists already; choose another name.").arg(p.name), true);
        return false;
    }
    if (!canSave()) {
        setStatus(tr("Test the connection first (or tick “Save without a successful test”)."), true);
        return false;
    }
    // Saved as "ask" until the keychain confirms it holds the password.
    ConnectionProfile stored = p;
    const bool toKeychain = p.passwordSource == ConnectionProfile::PasswordSource::Keychain;
    if (toKeychain)
        stored.passwordSource = ConnectionProfile::PasswordSource::Ask;
    const QString previous = m_loadedName;
    ConnectionProfileStore::save(stored, previous);
    if (!previous.isEmpty() && previous != p.name)
        PasswordStore::remove(previous, qApp);
    m_loadedName = p.name;
    m_loadedKey = fieldsKey();
    reloadList(p.name);
    emit profilesChanged();

    if (!toKeychain) {
        // A password remembered before is forgotten now.
        PasswordStore::remove(p.name, qApp);
        setStatus(p.passwordSource == ConnectionProfile::PasswordSource::Ask
                      ? tr("Saved “%1”. You will be asked for the password when connecting.").arg(p.name)
                      : tr("Saved “%1”.").arg(p.name));
        updateButtons();
        return true;
    }
    m_savingPassword = true;
    setStatus(tr("Saved “%1”; storing the password in the system keychain…").arg(p.name));
    updateButtons();
    // The keychain may answer after the dialog is gone: qApp is the context.
    QPointer<ConnectionDialog> self(this);
    const QString name = p.name;
    PasswordStore::write(name, m_form->password(), qApp, [self, name](const Status &written) {
        if (written) {
            if (auto current = ConnectionProfileStore::find(name);
                current && current->passwordSource == ConnectionProfile::PasswordSource::Ask) {
                current->passwordSource = ConnectionProfile::PasswordSource::Keychain;
                ConnectionProfileStore::save(*current);
            }
        }
        if (!self)
            return;
        self->m_savingPassword = false;
        if (written)
            self->setStatus(tr("Saved “%1”; the password is in the system keychain.").arg(name));
        else
            self->setStatus(tr("Saved “%1”, but the password was not saved: %2. You will be asked for it when connecting.")
                                .arg(name, written.error().message()),
                            true);
        self->updateButtons();
        emit self->passwordSaved(name, written ? QString() : written.error().message());
    });
    return true;
}

void ConnectionDialog::deleteProfile(const QString &name)
{
    ConnectionProfileStore::remove(name);
    PasswordStore::remove(name, qApp);
    reloadList();
    emit profilesChanged();
    if (m_loadedName == name) {
        if (m_list->count() > 0)
            m_list->setCurrentRow(0);
        else
            newProfile();
    }
    setStatus(tr("Deleted “%1”.").arg(name));
}

void ConnectionDialog::askToDelete()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->data(Qt::UserRole).toString();
    if (QMessageBox::question(this, tr("Delete Connection"),
                              tr("Delete the saved connection “%1” and its password in the keychain?").arg(name))
        == QMessageBox::Yes)
        deleteProfile(name);
}

void ConnectionDialog::connectNow()
{
    const auto url = m_form->url();
    if (!url) {
        setTestResult(tr("Cannot connect: %1.").arg(url.error().message()), StudioStyle::Tone::Error);
        return;
    }
    emit connectRequested(m_form->profile(), *url);
    accept();
}

void ConnectionDialog::setTestResult(const QString &text, std::optional<StudioStyle::Tone> tone)
{
    m_testResult->setText(text);
    if (tone)
        StudioStyle::setTextTone(m_testResult, *tone);
    else
        StudioStyle::clearTextTone(m_testResult);
}

void ConnectionDialog::setStatus(const QString &text, bool warning)
{
    if (warning) {
        StudioStyle::setBanner(m_status, text, StudioStyle::Banner::Note);
        return;
    }
    m_status->setStyleSheet(QString());
    m_status->setMargin(0);
    m_status->setText(text);
    m_status->show();
}
QString ConnectionDialog::testResultText() const
{
    return m_testResult->text();
}

QString ConnectionDialog::statusText() const
{
    return m_status->text();
}

void ConnectionDialog::updateButtons()
{
    const bool valid = m_form->url().has_value();
    m_testButton->setEnabled(valid);
    m_connectButton->setEnabled(valid);
    m_saveButton->setEnabled(canSave());
    m_saveButton->setToolTip(canSave() || m_saveUntested->isChecked()
                                 ? QString()
                                 : tr("Test the connection first; Save is allowed once the test succeeds."));
}

} // namespace covet
