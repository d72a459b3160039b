#pragma once

#include "operations/operation.h"

#include <QDialog>
#include <QString>
#include <QStringList>

class QLabel;
class QListWidget;
class QPushButton;

namespace covet {

// Shows the migration "Create Migration" would write before it is written:
// MigrationMaker's dry run, one line per operation. The migration is
// computed against the migration HISTORY (the files), not the database the
// Diff compared: when the two lists differ (e.g. migrations still pending
// there) a note says so, naming the pending count, and the operations the
// Diff did not show are marked. Write Migration accepts, Cancel writes
// nothing.
class CreateMigrationDialog : public QDialog
{
    Q_OBJECT

public:
    // fileName: the file that would be written; operations: what it holds;
    // diffOperations: the Diff's change list; pending: migrations of the
    // history not applied to the database (-1: unknown).
    CreateMigrationDialog(const QString &fileName, const OperationList &operations, const OperationList &diffOperations,
                          int pending, const QString &database, QWidget *parent = nullptr);

    // One line per operation, as listed.
    QStringList operationLines() const;
    // The lines of operations the Diff's change list does not have.
    const QStringList &unseenOperations() const { return m_unseen; }
    // The note on differences; empty when the lists agree.
    QString differenceText() const;
    QPushButton *writeButton() const { return m_writeButton; }

private:
    QListWidget *m_operations = nullptr;
    QLabel *m_difference = nullptr;
    QPushButton *m_writeButton = nullptr;
    QStringList m_unseen;
};

} // namespace covet
