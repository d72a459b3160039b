#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace covet {

struct MigrationOverview;
struct MigrationState;

// Above the selected migration's SQL, what its state means when the list's
// words are not enough, all of it as the engine says it:
//  - a part-way migration (MySQL/MariaDB): what is in effect, step by step
//    (PartialStep::describe), how to finish or undo it
//    (PartialResume::wayOut, the words `covet status` prints), and the
//    buttons that do it in Covet Studio, enabled when the engine would
//    allow them (MigrationOverview::partialWays), else saying why not: the
//    one that runs `covet migrate --resume` (Finish; Re-apply for a part-way
//    rollback) and the one that runs `covet rollback --resume` (Undo;
//    Finish rollback for a part-way rollback);
//  - a squashed migration: its case (MigrationState::squash); for an
//    original whose file was removed after the squash, what the history
//    recorded of it (checksum, when, by whom) since there is no file to show.
// Hidden for every other migration.
class MigrationStateNote : public QWidget
{
    Q_OBJECT

public:
    explicit MigrationStateNote(QWidget *parent = nullptr);

    // overview: the listing the state comes from (null: none); running: a run is going on.
    void showState(const MigrationState *state, const MigrationOverview *overview, bool running);
    QString text() const;
    QLabel *label() const { return m_label; }
    QPushButton *migrateResumeButton() const { return m_migrateResume; }
    QPushButton *rollbackResumeButton() const { return m_rollbackResume; }

signals:
    void migrateResumeRequested(const QString &id);
    void rollbackResumeRequested(const QString &id);

private:
    QString m_id;
    QLabel *m_label = nullptr;
    QHBoxLayout *m_buttons = nullptr;
    QPushButton *m_migrateResume = nullptr;
    QPushButton *m_rollbackResume = nullptr;
};

} // namespace covet
