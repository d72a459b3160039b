#include "preferencesdialog.h"

#include "app/studiostyle.h"
#include "app/studiotranslations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace covet {

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("PreferencesDialog"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    for (const StudioTranslations::Language &l : StudioTranslations::languages())
        m_language->addItem(l.name, l.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(StudioTranslations::configuredLanguage())));

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("restartNotice"));
    m_notice->setWordWrap(true);
    StudioStyle::setBanner(m_notice, QString(), StudioStyle::Banner::Info);

    auto *group = new QGroupBox(tr("User interface"), this);
    auto *form = new QFormLayout(group);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(m_notice);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(group);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(440, 200);

    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateNotice);
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateNotice();
}

QString PreferencesDialog::chosenLanguage() const
{
    return m_language->currentData().toString();
}

bool PreferencesDialog::needsRestart() const
{
    return chosenLanguage() != StudioTranslations::installedLanguage();
}

QString PreferencesDialog::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void PreferencesDialog::updateNotice()
{
    m_notice->setText(tr("The new language takes effect when Covet Studio starts again."));
    m_notice->setVisible(needsRestart());
}

bool PreferencesDialog::apply()
{
    StudioTranslations::setConfiguredLanguage(chosenLanguage());
    return needsRestart();
}

} // namespace covet
