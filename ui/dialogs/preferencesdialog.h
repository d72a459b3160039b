#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace covet {

// Edit > Preferences…: the user interface language (the system's, English,
// Deutsch). Saved in QSettings when accepted; like Qt Creator, the new
// language applies when Covet Studio starts again, and the dialog says so
// as soon as another language is chosen.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QString chosenLanguage() const;
    // Whether the choice differs from the language in use.
    bool needsRestart() const;
    QString noticeText() const;

    // Saves the choice; true if a restart is needed to see it.
    bool apply();

private:
    void updateNotice();

    QComboBox *m_language = nullptr;
    QLabel *m_notice = nullptr;
};

} // namespace covet
