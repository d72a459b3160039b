#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QPushButton;

namespace covet {

// Asks for an environment's name to be typed before migrations are applied
// to it (covet.yaml: `confirm: true`). The Apply button stays disabled until
// the text matches the name exactly.
class ConfirmEnvironmentDialog : public QDialog
{
    Q_OBJECT

public:
    ConfirmEnvironmentDialog(const QString &environment, const QString &database, const QStringList &migrations,
                             QWidget *parent = nullptr);

    QString environment() const { return m_environment; }
    bool isConfirmed() const;
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QPushButton *applyButton() const { return m_applyButton; }

private:
    QString m_environment;
    QLineEdit *m_nameEdit = nullptr;
    QPushButton *m_applyButton = nullptr;
};

} // namespace covet
