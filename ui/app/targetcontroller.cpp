#include "targetcontroller.h"

#include "app/studiostyle.h"
#include "settings/connectionprofilestore.h"
#include "settings/passwordstore.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>

namespace covet {

namespace {

constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;

// A URL as written in covet.yaml, safe to show: a literal password masked.
QString shown(const QString &written)
{
    const auto url = DatabaseUrl::parse(written);
    return url ? url->display() : written;
}

} // namespace

TargetController::TargetController(QWidget *window) : QObject(window), m_window(window)
{
    m_widget = new QWidget(window);
    auto *layout = new QHBoxLayout(m_widget);
    layout->setContentsMargins(4, 0, 4, 0);
    m_projectLabel = new QLabel(m_widget);
    m_projectLabel->setObjectName(QStringLiteral("projectLabel"));
    m_box = new QComboBox(m_widget);
    m_box->setObjectName(QStringLiteral("targetBox"));
    m_box->setModel(new QStandardItemModel(m_box));
    m_box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_box->setMinimumContentsLength(16);
    m_box->setToolTip(tr("The database the views work on: an environment of the project or a saved connection"));
    layout->addWidget(m_projectLabel);
    layout->addWidget(m_box);
    connect(m_box, &QComboBox::activated, this, &TargetController::onActivated);
    rebuild();
}

QString TargetController::projectDir() const
{
    return m_project ? m_project->baseDirectory() : QString();
}

bool TargetController::openProject(const QString &dir, const QString &environment)
{
    auto config = ProjectConfig::find({}, dir);
    if (!config) {
        emit failed(tr("Cannot open the project %1: %2").arg(QDir::toNativeSeparators(dir), config.error().toString()));
        return false;
    }
    m_project = std::move(*config);
    m_current.reset();
    rebuild();
    const QString env = environment.isEmpty() ? m_project->defaultEnvironment() : environment;
    if (!env.isEmpty() && m_project->environment(env))
        chooseEnvironment(env);
    else if (!m_project->database().isEmpty())
        chooseProjectDatabase();
    else if (!m_project->environments().isEmpty())
        chooseEnvironment(m_project->environments().first().name);
    else
        emit failed(tr("The project %1 names no database: add a \"database:\" line or an environment to %2.")
                        .arg(QDir::toNativeSeparators(dir), ProjectConfig::fileName()));
    return true;
}

void TargetController::chooseProjectDatabase()
{
    if (!m_project)
        return;
    auto text = m_project->databaseUrl(QString(), QProcessEnvironment::systemEnvironment());
    // databaseUrl("") means the default environment when there is one; the
    // top-level database is what this entry stands for.
    if (!m_project->defaultEnvironment().isEmpty()) {
        ProjectConfig topLevel = *m_project;
        topLevel.setDefaultEnvironment(QString());
        text = topLevel.databaseUrl();
    }
    Result<DatabaseUrl> url = text ? DatabaseUrl::parse(*text) : Result<DatabaseUrl>(std::unexpected(text.error()));
    if (!url) {
        emit failed(tr("Cannot use the project's database: %1").arg(url.error().toString()));
        syncBox();
        return;
    }
    StudioTarget t;
    t.kind = StudioTarget::Kind::ProjectDatabase;
    t.project = m_project;
    t.url = *url;
    propose(t);
}

void TargetController::chooseEnvironment(const QString &name)
{
    if (!m_project)
        return;
    const auto text = m_project->databaseUrl(name, QProcessEnvironment::systemEnvironment());
    Result<DatabaseUrl> url = text ? DatabaseUrl::parse(*text) : Result<DatabaseUrl>(std::unexpected(text.error()));
    if (!url) {
        emit failed(tr("Cannot use the environment “%1”: %2").arg(name, url.error().toString()));
        syncBox();
        return;
    }
    StudioTarget t;
    t.kind = StudioTarget::Kind::Environment;
    t.name = name;
    t.project = m_project;
    t.url = *url;
    propose(t);
}

void TargetController::chooseProfile(const QString &name)
{
    const auto profile = ConnectionProfileStore::find(name);
    if (!profile) {
        emit failed(tr("There is no saved connection named “%1”.").arg(name));
        syncBox();
        return;
    }
    auto url = profile->url();
    if (!url) {
        emit failed(tr("Cannot use the connection “%1”: %2").arg(name, url.error().toString()));
        syncBox();
        return;
    }
    const quint64 request = ++m_request;
    switch (profile->passwordSource) {
    case ConnectionProfile::PasswordSource::None:
        chooseUrl(*url, name);
        return;
    case ConnectionProfile::PasswordSource::Ask:
        askForPassword(*profile, QString());
        return;
    case ConnectionProfile::PasswordSource::Keychain:
        PasswordStore::read(name, this, [this, request, profile = *profile](const Result<QString> &password) {
            if (request != m_request)
                return;
            if (!password) {
                askForPassword(profile, tr("The system keychain did not give the password: %1.").arg(password.error().message()));
                return;
            }
            auto withPassword = profile.url(*password);
            if (withPassword)
                chooseUrl(*withPassword, profile.name);
        });
        return;
    }
}

void TargetController::askForPassword(const ConnectionProfile &profile, const QString &reason)
{
    if (m_prompt)
        m_prompt->close();
    m_prompt = new QInputDialog(m_window);
    m_prompt->setAttribute(Qt::WA_DeleteOnClose);
    m_prompt->setObjectName(QStringLiteral("passwordPrompt"));
    m_prompt->setWindowTitle(tr("Password for %1").arg(profile.name));
    QString label = tr("Password for %1:").arg(profile.summary());
    if (!reason.isEmpty())
        label = reason + u'\n' + label;
    m_prompt->setLabelText(label);
    m_prompt->setTextEchoMode(QLineEdit::Password);
    const quint64 request = m_request;
    connect(m_prompt, &QInputDialog::textValueSelected, this, [this, request, profile](const QString &password) {
        if (request != m_request)
            return;
        if (auto url = profile.url(password))
            chooseUrl(*url, profile.name);
    });
    connect(m_prompt, &QInputDialog::rejected, this, &TargetController::syncBox);
    m_prompt->open();
}

void TargetController::chooseUrl(const DatabaseUrl &url, const QString &profileName)
{
    StudioTarget t;
    t.kind = profileName.isEmpty() ? StudioTarget::Kind::Url : StudioTarget::Kind::Profile;
    t.name = profileName;
    t.project = m_project;
    t.url = url;
    propose(t);
}

void TargetController::propose(const StudioTarget &target)
{
    ++m_request;
    m_current = target;
    rebuild();
    emit targetReady(target);
}

void TargetController::reloadProfiles()
{
    rebuild();
}

void TargetController::rebuild()
{
    auto *model = static_cast<QStandardItemModel *>(m_box->model());
    model->clear();
    auto header = [model](const QString &text) {
        auto *item = new QStandardItem(text);
        item->setFlags(Qt::NoItemFlags);
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
        model->appendRow(item);
    };
    auto entry = [model](const QIcon &icon, const QString &text, StudioTarget::Kind kind, const QString &name, const QString &tip) {
        auto *item = new QStandardItem(icon, text);
        item->setData(int(kind), kKindRole);
        item->setData(name, kNameRole);
        item->setToolTip(tip);
        model->appendRow(item);
    };
    if (m_project) {
        m_projectLabel->setText(tr("Project: <b>%1</b>").arg(QFileInfo(projectDir()).fileName().toHtmlEscaped()));
        m_projectLabel->setToolTip(QDir::toNativeSeparators(m_project->path()));
        header(tr("Project"));
        if (!m_project->database().isEmpty())
            entry(StudioStyle::icon("open-project"), tr("Project database"), StudioTarget::Kind::ProjectDatabase,
                  QString(), shown(m_project->database()));
        for (const EnvironmentConfig &env : m_project->environments()) {
            QString text = env.name;
            if (env.name == m_project->defaultEnvironment())
                text = tr("%1 (default)").arg(text);
            QString tip = shown(env.database);
            if (env.confirm)
                tip += u'\n' + tr("Applying migrations asks for this environment's name.");
            entry(StudioStyle::icon(env.confirm ? "migration-modified" : "namespace"), text,
                  StudioTarget::Kind::Environment, env.name, tip);
        }
    } else {
        m_projectLabel->setText(tr("No project"));
        m_projectLabel->setToolTip(tr("File > Open Project… opens a directory with covet.yaml"));
    }
    const QList<ConnectionProfile> profiles = ConnectionProfileStore::load();
    if (!profiles.isEmpty()) {
        header(tr("Saved connections"));
        for (const ConnectionProfile &p : profiles)
            entry(StudioStyle::icon("database"), p.name, StudioTarget::Kind::Profile, p.name, p.summary());
    }
    if (m_current && m_current->kind == StudioTarget::Kind::Url) {
        header(tr("Opened"));
        entry(StudioStyle::icon("database"), m_current->url.display(), StudioTarget::Kind::Url, QString(),
              m_current->url.display());
    }
    if (model->rowCount() == 0) {
        auto *item = new QStandardItem(tr("Not connected"));
        item->setFlags(Qt::NoItemFlags);
        model->appendRow(item);
    }
    syncBox();
}

void TargetController::syncBox()
{
    const QSignalBlocker block(m_box);
    int select = -1;
    for (int i = 0; m_current && i < m_box->count(); ++i) {
        const QVariant kind = m_box->itemData(i, kKindRole);
        if (kind.isValid() && kind.toInt() == int(m_current->kind) && m_box->itemData(i, kNameRole).toString() == m_current->name) {
            select = i;
            break;
        }
    }
    m_box->setCurrentIndex(select);
    if (select < 0)
        m_box->setPlaceholderText(tr("Choose a database"));
}

void TargetController::onActivated(int index)
{
    const QVariant kind = m_box->itemData(index, kKindRole);
    if (!kind.isValid())
        return;
    const QString name = m_box->itemData(index, kNameRole).toString();
    switch (StudioTarget::Kind(kind.toInt())) {
    case StudioTarget::Kind::ProjectDatabase: chooseProjectDatabase(); break;
    case StudioTarget::Kind::Environment: chooseEnvironment(name); break;
    case StudioTarget::Kind::Profile: chooseProfile(name); break;
    case StudioTarget::Kind::Url:
        if (m_current)
            propose(*m_current);   // reconnect
        break;
    }
}

} // namespace covet
