#pragma once

#include "../core/error.h"
#include "../sql/sqlgenerator.h"
#include "migration.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace covet {

// One step of a migration: an operation (YAML) or a statement (SQL).
struct MigrationStep
{
    QString label;
    QList<SqlBatch> batches;
    std::optional<QList<SqlBatch>> undo;   // how to take it back (when known)
};

// The SQL of one migration in one direction, step by step.
struct MigrationPlan
{
    const Migration *migration = nullptr;
    bool forward = true;
    QList<MigrationStep> steps;
    QStringList statements() const;
    QString script() const;
    bool anyForeignKeysOff() const;   // a SQLite table rebuild is in it
};

// Builds the plans of migrations from the files alone (no database).
//  - Plain SQL migrations: their up/down sections split by SqlScriptSplitter.
//  - YAML migrations: rendered with SqlGenerator on the schema the history
//    before them produces (HistoryReplay); each operation carries its
//    reverse as its undo. Rolling back through an irreversible operation is
//    refused before anything runs.
class MigrationPlanner
{
public:
    // ordered: every migration of the repository, in graph order.
    MigrationPlanner(Dialect dialect, const QList<Migration> &ordered, int sqliteVersion = 0);
    ~MigrationPlanner();

    Result<MigrationPlan> plan(const Migration &m, bool forward);

private:
    Result<Schema> schemaBefore(const QString &id);
    void replay();

    Dialect m_dialect;
    QList<Migration> m_ordered;
    std::unique_ptr<SqlGenerator> m_generator;
    QHash<QString, Schema> m_before;
};

} // namespace covet
