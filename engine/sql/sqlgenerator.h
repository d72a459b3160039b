#pragma once

#include "../core/error.h"
#include "../operations/operation.h"
#include "../schema/dialect.h"
#include "../schema/schema.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace covet {

// Renders Schema objects as DDL for one dialect, and migration operations as
// the statements that carry them out. One subclass per dialect
// (PostgresGenerator, MysqlGenerator, SqliteGenerator), sharing the
// protected building blocks below (column definitions, constraint clauses).
//
// Every identifier goes through IdentifierQuoter and every string literal
// (comments, enum values) through IdentifierQuoter::literal. Expressions
// (defaults, checks, generated columns, index expressions, view bodies) are
// SQL text from the model and are written as they are.
// A run of statements from renderBatches(). A SQLite table rebuild
// (SqliteRebuild) must run with foreign keys off, and PRAGMA foreign_keys
// has no effect inside a transaction: a runner executes a batch with
// foreignKeysOff set as
//     remember PRAGMA foreign_keys; PRAGMA foreign_keys=OFF;   (outside any transaction)
//     BEGIN; <statements>; COMMIT;                             (ROLLBACK on any error)
//     PRAGMA foreign_keys=<remembered>;
// Its statements already hold the foreign-key check that fails (a CHECK
// constraint error) when the rebuild broke a reference. Other batches may
// share the runner's transaction.
struct SqlBatch
{
    QStringList statements;
    bool foreignKeysOff = false;
    bool operator==(const SqlBatch &) const = default;
};

// Operations rendered together, ops[first, first + count) of the list given
// to renderGroups(): one operation, or several that share one SQLite table
// rebuild.
struct OperationGroup
{
    qsizetype first = 0;
    qsizetype count = 1;
    QList<SqlBatch> batches;
    bool operator==(const OperationGroup &) const = default;
};

class SqlGenerator
{
public:
    static std::unique_ptr<SqlGenerator> create(Dialect dialect);
    virtual ~SqlGenerator();

    virtual Dialect dialect() const = 0;
    QString quote(const QString &identifier) const;
    QString qualified(const QString &schema, const QString &name) const;

    // CREATE TABLE (+ PostgreSQL COMMENT ON statements): primary key, uniques
    // and checks inline; foreign keys inline for SQLite only. Indexes and
    // triggers are not included.
    virtual QStringList createTable(const Table &table) const = 0;
    virtual QString createIndex(const Table &table, const Index &index) const = 0;
    // ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY; empty for SQLite (inline).
    virtual QString addForeignKey(const Table &table, const ForeignKey &fk) const;
    virtual QString createView(const View &view) const;
    // trigger.definition when present, else built from its parts
    // (triggerFromParts).
    QString createTrigger(const Table &table, const Trigger &trigger) const;
    // PostgreSQL CREATE TYPE ... AS ENUM; empty for the others.
    virtual QString createEnum(const EnumType &e) const;

    // The whole schema as one script the dialect's own shell (sqlite3, psql,
    // mariadb) runs as-is: namespaces, enums, tables in foreign-key
    // dependency order, indexes, foreign keys (PostgreSQL/MySQL: after every
    // table, so cycles work), views, triggers. Each statement ends with ";\n"
    // (MySQL multi-statement trigger bodies are wrapped in DELIMITER lines).
    QString schemaScript(const Schema &schema) const;
    // The same statements, one per element, without terminator (for QtSql).
    QStringList schemaStatements(const Schema &schema) const;

    // The statements for one operation, given the schema before it.
    Result<QStringList> render(const Operation &op, const Schema &before) const;
    // The statements for a list of operations, applying each one
    // (OperationApplier) to track the schema between them. SQLite table
    // rebuilds come wrapped as
    //     PRAGMA foreign_keys=OFF; BEGIN; ...; COMMIT; PRAGMA foreign_keys=ON
    // so executing the list in autocommit mode is safe (inside an outer
    // transaction the BEGIN fails before anything is dropped). A runner that
    // restores the caller's setting uses renderBatches() instead.
    Result<QStringList> renderAll(const OperationList &ops, const Schema &before) const;
    // The same work as runs of statements; see SqlBatch. Consecutive
    // operations on one SQLite table that need a rebuild become one rebuild.
    virtual Result<QList<SqlBatch>> renderBatches(const OperationList &ops, const Schema &before) const;
    // The same work per operation, for a runner that reports, undoes and
    // checks operation by operation: one group per operation, except that
    // consecutive operations on one SQLite table that needs a rebuild share
    // one group (one rebuild instead of one each). An operation that does
    // not fit the schema is an error (OperationApplier's), except that with
    // `applied` (the caller applied every one of ops to `before` without an
    // error, as the planner does) the last one is not applied again: that
    // would copy the whole schema only to be thrown away.
    virtual Result<QList<OperationGroup>> renderGroups(const OperationList &ops, const Schema &before, bool applied = false) const;
    // A complete script the dialect's own shell (sqlite3, psql, mariadb)
    // runs as-is: statements end with ";\n", MySQL bodies holding ';' are
    // wrapped in DELIMITER lines, a SQLite script starts with ".bail on" (so
    // a failed statement stops it) and keeps the rebuild pragmas outside the
    // rebuild's transaction.
    Result<QString> migrationScript(const OperationList &ops, const Schema &before) const;

    // The SQLite version to write for, e.g. 3024000 behaves as SQLite 3.24
    // (no RENAME COLUMN, no DROP COLUMN: a table rebuild instead). Default:
    // modern (3.35 and later).
    void setSqliteVersion(int versionNumber) { m_sqliteVersion = versionNumber; }
    int sqliteVersion() const { return m_sqliteVersion; }
    // Whether a SQLite table rebuild that tightens a column to NOT NULL
    // writes the column's default into the rows that hold NULL, in its copy
    // (the migration planner asks for it; on the other dialects it runs
    // MigrationPrecondition::fillStatement() before the ALTER). Default:
    // off, so a rebuild script keeps the data as it is.
    void setFillsNulls(bool on) { m_fillsNulls = on; }
    bool fillsNulls() const { return m_fillsNulls; }

protected:
    // The statements for one operation in this dialect; `before` is the
    // schema before it (drops look up what they remove there).
    virtual Result<QStringList> renderOperation(const Operation &op, const Schema &before) const = 0;
    // The statements for ops[i] as part of the plan `ops` (a dialect may
    // render two operations as one statement); `before` is the schema before
    // it. Default: renderOperation(ops[i], before).
    virtual Result<QStringList> renderInPlan(const OperationList &ops, qsizetype i, const Schema &before) const;
    // The parts every dialect writes the same way (CREATE TABLE with its
    // indexes, foreign keys and triggers; CREATE/DROP INDEX, VIEW,
    // TRIGGER; RENAME COLUMN; RunSql), or nullopt for the others.
    std::optional<Result<QStringList>> renderCommon(const Operation &op, const Schema &before) const;
    // "ALTER TABLE name action".
    QString alterTable(const QString &ns, const QString &table, const QString &action) const;
    // The ALTER TABLE words that drop a named constraint of this kind:
    // "DROP CONSTRAINT" (MySQL drops foreign keys and uniques its own way).
    enum class ConstraintKind { ForeignKey, Check, Unique };
    virtual QString dropConstraintAction(ConstraintKind kind) const;
    // The operation's table in `schema`, or a NotFound error naming it.
    static Result<const Table *> tableOf(const Schema &schema, const QString &ns, const QString &name);
    // A constraint's name for a DROP: the operation's, else the one the
    // schema before it knows; an Unsupported error when it has none.
    Result<QString> foreignKeyName(const Table &table, const ForeignKey &fk) const;
    Result<QString> checkName(const Table &table, const Check &check) const;
    Result<QString> uniqueName(const Table &table, const UniqueConstraint &unique) const;

    // One statement of a schema script, with what it creates (the script
    // form of a trigger differs per dialect).
    struct ScriptStatement
    {
        enum class Kind { Namespace, Enum, Table, Comment, Index, ForeignKey, View, Trigger };
        Kind kind;
        QString sql;
    };
    QList<ScriptStatement> schemaStatementList(const Schema &schema) const;

    // The namespace statement (PostgreSQL CREATE SCHEMA); empty if the
    // dialect has none.
    virtual QString createNamespace(const QString &name) const;
    // How one statement is written in a script, terminator included.
    virtual QString scriptText(const ScriptStatement &statement) const;

    // CREATE TRIGGER from the trigger's timing, events and body.
    virtual QString triggerFromParts(const Table &table, const Trigger &trigger) const = 0;
    // The elements of CREATE TABLE every dialect writes inline: columns,
    // primary key (unless withPrimaryKey is false), uniques, checks.
    QStringList tableElements(const Table &table, bool withPrimaryKey = true) const;
    // "CREATE TABLE name (elements)".
    QString createTableStatement(const Table &table, const QStringList &elements) const;

    // "name" type ... as it appears in CREATE TABLE / ADD COLUMN.
    virtual QString columnDefinition(const Table &table, const Column &column) const = 0;
    // Constraint clauses as they appear inside CREATE TABLE / ADD CONSTRAINT.
    virtual QString primaryKeyClause(const PrimaryKey &pk) const;
    virtual QString uniqueClause(const UniqueConstraint &unique) const;
    virtual QString checkClause(const Check &check) const;
    virtual QString foreignKeyClause(const Table &table, const ForeignKey &fk) const;
    // The referenced table of a foreign key, qualified as the dialect needs.
    virtual QString referencedTable(const Table &table, const ForeignKey &fk) const;
    // "ON DELETE CASCADE ON UPDATE SET NULL" (NO ACTION left out), with a
    // leading space, or empty.
    virtual QString foreignKeyActions(const ForeignKey &fk) const;
    // "col DESC", "(lower(x))": the key parts of an index.
    virtual QString indexPart(const IndexPart &part) const;
    QString indexParts(const Index &index) const;
    QString quoteList(const QStringList &identifiers) const;
    QString literal(const QString &value) const;

    // "CONSTRAINT "name" " or empty when the name is empty.
    QString constraintPrefix(const QString &name) const;

    // Wraps a default expression in parentheses unless it is a literal
    // (number, string, NULL, TRUE/FALSE, CURRENT_*): SQLite and MySQL need
    // parentheses around other expressions.
    static QString parenthesizedDefault(const QString &expression);
    static bool isWrappedInParentheses(const QString &expression);
    // Removes trailing ';' and whitespace (view and trigger texts).
    static QString withoutTerminator(const QString &sql);

    // Tables ordered so that a referenced table comes before the tables that
    // reference it (cycles are kept in their given order).
    static QList<const Table *> tablesInDependencyOrder(const Schema &schema);
    // Views ordered so that a view comes after the views its text names.
    QList<const View *> viewsInDependencyOrder(const Schema &schema) const;

public:
    // Whether SQL text names `name` as an identifier (bare as a word, or
    // quoted the dialect's way). Used to find the views and triggers that
    // depend on a table or column.
    bool mentions(const QString &sql, const QString &name) const;

private:
    int m_sqliteVersion = 3035000;
    bool m_fillsNulls = false;
};

} // namespace covet
