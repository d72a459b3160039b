#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QPushButton;

namespace covet {

// Asks for a typed confirmation before migrations are applied (or rolled
// back, or a backup restored): the
// environment's name when covet.yaml says `confirm: true`, else "yes" when
// the run destroys data. It lists the migrations and, from the engine's
// risk report, what they destroy with counts. The Apply button stays
// disabled until the text matches exactly.
class ConfirmEnvironmentDialog : public QDialog
{
    Q_OBJECT

public:
    // What is confirmed: applying migrations, rolling them back, or
    // restoring a backup (`migrations` then lists what it writes).
    enum class Action { Apply, RollBack, Restore };

    // destroyed: RiskReport::dataLossLines() of the run; backups: whether
    // Covet backs that data up first (safety.backup_before_data_loss).
    ConfirmEnvironmentDialog(const QString &environment, const QString &database, const QStringList &migrations,
                             const QStringList &destroyed = {}, bool backups = true, QWidget *parent = nullptr,
                             Action action = Action::Apply);

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
