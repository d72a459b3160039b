#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QPushButton;

namespace covet {

// Asks for a typed confirmation before migrations are applied: the
// environment's name when covet.yaml says `confirm: true`, else "yes" when
// the run destroys data. It lists the migrations and, from the engine's
// risk report, what they destroy with counts. The Apply button stays
// disabled until the text matches exactly.
class ConfirmEnvironmentDialog : public QDialog
{
    Q_OBJECT

public:
    // destroyed: RiskReport::dataLossLines() of the run; backups: whether
    // Covet backs that data up first (safety.backup_before_data_loss).
    ConfirmEnvironmentDialog(const QString &environment, const QString &database, const QStringList &migrations,
                             const QStringList &destroyed = {}, bool backups = true, QWidget *parent = nullptr);

    QString environment() const { return m_environment; }
    // What has to be typed: the environment's name, or "yes".
    QString word() const { return m_word; }
    bool isConfirmed() const;
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QPushButton *applyButton() const { return m_applyButton; }

private:
    QString m_environment;
    QString m_word;
    QLineEdit *m_nameEdit = nullptr;
    QPushButton *m_applyButton = nullptr;
};

} // namespace covet
