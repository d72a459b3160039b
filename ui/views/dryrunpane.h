#pragma once

#include "jobs/migratejob.h"

#include <QWidget>

class QLabel;

namespace covet {

class SqlEditor;

// A dry run's result: a banner over the SQL. Green when the SQL was
// executed in a transaction that was rolled back (PostgreSQL, SQLite),
// amber when it could only be printed (MySQL/MariaDB commit each DDL
// statement), red with the failing statement selected when it failed.
// Used by the Migrations view (Apply's dry run) and the rollback desk.
class DryRunPane : public QWidget
{
    Q_OBJECT

public:
    explicit DryRunPane(const QString &intro, QWidget *parent = nullptr);

    void setDialect(Dialect dialect);
    // A dry run started.
    void start();
    // Back to the introduction, without SQL: what the last dry run showed no
    // longer describes the database (it was changed since).
    void reset();
    // The outcome of a dry run of `count` migrations; returns the banner's
    // first line (for a log).
    QString show(const MigrateOutcome &outcome, int count);

    QString resultText() const;
    SqlEditor *editor() const { return m_sql; }
    QLabel *banner() const { return m_result; }

private:
    QString m_intro;
    QLabel *m_result = nullptr;
    SqlEditor *m_sql = nullptr;
};

} // namespace covet
