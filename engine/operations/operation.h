#pragma once

#include "../schema/schema.h"

#include <QMap>
#include <QString>

#include <variant>

namespace covet {

// The one vocabulary of schema changes. Diffing produces these, migration
// files store them, the SQL generators render them per dialect, rollback
// analysis and squashing reason about them. Each is a small value type.
//
// Operations that remove something (DropTable, DropColumn, DropIndex, ...)
// carry only what identifies it: their reverse is computed from the schema
// as it was before them (see OperationReverser).
//
// All operations live in this one header on purpose: they are one closed
// vocabulary (a std::variant), read together.

struct CreateTable { Table table; bool operator==(const CreateTable &) const = default; };
struct DropTable { QString schema; QString name; bool operator==(const DropTable &) const = default; };
struct RenameTable { QString schema; QString from; QString to; bool operator==(const RenameTable &) const = default; };

// Where the new column goes: at the end unless `after` names a column (or
// `first` is set). MySQL/MariaDB honour it (ADD COLUMN … AFTER c / FIRST),
// so undoing a DROP COLUMN puts the column back where it was; PostgreSQL
// and SQLite always add at the end, and their schemas are compared by
// column name, not position.
struct AddColumn
{
    QString schema;
    QString table;
    Column column;
    // For a NOT NULL column without a default: the SQL expression that
    // gives the existing rows their value (it may name other columns of the
    // table). The column is added nullable, filled, then made NOT NULL; on
    // SQLite the table rebuild's copy computes it. Empty: none (the runner
    // then refuses a populated table, naming its row count).
    QString backfill = {};
    QString after = {};
    bool first = false;
    bool operator==(const AddColumn &) const = default;
};
struct DropColumn { QString schema; QString table; QString column; bool operator==(const DropColumn &) const = default; };
// Changes a column's definition (type, nullability, default, identity,
// collation, comment...). Carries both sides: PostgreSQL needs the old type
// for USING casts, MySQL the full new definition, reversal the old one.
struct AlterColumn
{
    QString schema;
    QString table;
    Column before;
    Column after;
    // Expression converting the old value (PostgreSQL USING; SQLite: the
    // table rebuild's copy), empty: Covet's conversion (TypeConversion).
    QString usingExpr;
    // A type change that changes values (rounding to the new scale or to a
    // whole number, integers collapsed to booleans, timestamps cut to dates)
    // is refused, naming the rows, unless this is set (`allow_lossy: true`).
    // Values that cannot be converted at all are refused either way.
    bool allowLossy = false;
    bool operator==(const AlterColumn &) const = default;
};
struct RenameColumn { QString schema; QString table; QString from; QString to; bool operator==(const RenameColumn &) const = default; };

struct CreateIndex { QString schema; QString table; Index index; bool operator==(const CreateIndex &) const = default; };
struct DropIndex { QString schema; QString table; QString name; bool operator==(const DropIndex &) const = default; };

struct AddForeignKey { QString schema; QString table; ForeignKey foreignKey; bool operator==(const AddForeignKey &) const = default; };
// Identified by name where the dialect names it, else by its columns.
struct DropForeignKey { QString schema; QString table; ForeignKey foreignKey; bool operator==(const DropForeignKey &) const = default; };

struct AddCheck { QString schema; QString table; Check check; bool operator==(const AddCheck &) const = default; };
struct DropCheck { QString schema; QString table; Check check; bool operator==(const DropCheck &) const = default; };

struct AddUnique { QString schema; QString table; UniqueConstraint unique; bool operator==(const AddUnique &) const = default; };
struct DropUnique { QString schema; QString table; UniqueConstraint unique; bool operator==(const DropUnique &) const = default; };

// Replaces the primary key (either side may be absent).
struct SetPrimaryKey
{
    QString schema;
    QString table;
    std::optional<PrimaryKey> before;
    std::optional<PrimaryKey> after;
    bool operator==(const SetPrimaryKey &) const = default;
};

struct CreateView { View view; bool operator==(const CreateView &) const = default; };
struct DropView { QString schema; QString name; bool operator==(const DropView &) const = default; };

struct CreateTrigger { QString schema; QString table; Trigger trigger; bool operator==(const CreateTrigger &) const = default; };
struct DropTrigger { QString schema; QString table; QString name; bool operator==(const DropTrigger &) const = default; };

struct CreateEnum { EnumType enumType; bool operator==(const CreateEnum &) const = default; };
struct DropEnum { QString schema; QString name; bool operator==(const DropEnum &) const = default; };
// Adds values to an enum type (PostgreSQL ALTER TYPE ... ADD VALUE).
struct AlterEnum { EnumType before; EnumType after; bool operator==(const AlterEnum &) const = default; };

// A non-default namespace (PostgreSQL CREATE SCHEMA / DROP SCHEMA). The
// differ creates a namespace before anything in it and drops it after
// everything in it; dialects without namespaces render nothing.
struct CreateNamespace { QString name; bool operator==(const CreateNamespace &) const = default; };
struct DropNamespace { QString name; bool operator==(const DropNamespace &) const = default; };

// Raw SQL written by a person. Per-dialect texts override the generic one
// (keys: "sqlite", "postgresql", "mysql"). Without reverse SQL it is
// irreversible. `elidable: true` says it does nothing the schema or a later
// migration needs (a data fix-up), so squashing may leave it out; otherwise
// it is a barrier the squash optimiser moves nothing across.
struct RunSql
{
    QString forward;
    QString reverse;
    QMap<QString, QString> forwardByDialect;
    QMap<QString, QString> reverseByDialect;
    bool elidable = false;
    bool reversible() const { return !reverse.isEmpty() || !reverseByDialect.isEmpty(); }
    bool operator==(const RunSql &) const = default;
};

using Operation = std::variant<CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn, RenameColumn,
                               CreateIndex, DropIndex, AddForeignKey, DropForeignKey, AddCheck, DropCheck, AddUnique,
                               DropUnique, SetPrimaryKey, CreateView, DropView, CreateTrigger, DropTrigger, CreateEnum,
                               DropEnum, AlterEnum, RunSql, CreateNamespace, DropNamespace>;

using OperationList = QList<Operation>;

} // namespace covet
