#pragma once

#include "jobs/migratejob.h"

#include <QDialog>

class QLabel;

namespace covet {

class SqlEditor;

// A failed migration run, readable: what failed (the migration and its
// operation), the runner's message (which says what it did about it), the
// failing statement in a read-only SQL view, and the state of the database
// (filled in by setDatabaseState() once the history has been read again).
class MigrationErrorDialog : public QDialog
{
    Q_OBJECT

public:
    MigrationErrorDialog(const MigrateOutcome &outcome, const QString &database, QWidget *parent = nullptr);

    void setDatabaseState(const QString &text);

    QString headline() const;
    QString message() const;
    QString databaseState() const;
    SqlEditor *statementEditor() const { return m_statement; }

    // The error's message without the statement it quotes (shown apart).
    static QString readableMessage(const Error &error);
    // All of it as plain text, for the clipboard.
    QString detailsText() const;

private:
    QLabel *m_headline = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_state = nullptr;
    SqlEditor *m_statement = nullptr;
    QString m_details;
};

} // namespace covet
