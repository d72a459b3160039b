#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace covet {

// Reads what SQLite keeps only in a CREATE TABLE / CREATE INDEX / CREATE
// TRIGGER statement's text (no pragma reports it): CHECK expressions,
// generated-column expressions, collations, AUTOINCREMENT, constraint names,
// WITHOUT ROWID, trigger timing. Column names, types, nullability, defaults
// and key membership come from the pragmas; this only fills in the rest.
class SqliteCreateParser
{
public:
    struct Token
    {
        enum Kind { Identifier, String, Number, Punct, Keyword } kind;
        QString text;      // unquoted identifier, string contents, or the raw text
        qsizetype start;   // offset in the source
        qsizetype end;     // one past the last character
    };

    struct ColumnInfo
    {
        QString name;
        QString collation;
        QString generatedExpr;
        bool generatedStored = false;
        bool autoincrement = false;
        QString primaryKeyName;
        QStringList checkNames;       // parallel to checkExprs
        QStringList checkExprs;
        QString uniqueName;
        bool unique = false;
        QString fkName;               // column-level REFERENCES
        bool fkDeferrable = false;
        bool fkInitiallyDeferred = false;
        bool hasFk = false;
    };

    struct TableConstraint
    {
        enum Kind { PrimaryKey, Unique, Check, ForeignKey } kind;
        QString name;
        QStringList columns;          // PK, UNIQUE, FK local columns
        QString expression;           // CHECK
        bool deferrable = false;
        bool initiallyDeferred = false;
    };

    struct TableInfo
    {
        QList<ColumnInfo> columns;
        QList<TableConstraint> constraints;
        bool withoutRowid = false;
        bool strict = false;
        bool ok = false;
    };

    struct IndexInfo
    {
        QStringList parts;            // each part's text: column name or expression
        QList<bool> descending;
        QString where;
        bool ok = false;
    };

    struct TriggerInfo
    {
        QString timing;               // BEFORE / AFTER / INSTEAD OF
        QStringList events;           // INSERT / UPDATE / DELETE
        bool forEachRow = true;
        QString body;                 // between BEGIN and END
        bool ok = false;
    };

    static QList<Token> tokenize(const QString &sql);
    static TableInfo parseCreateTable(const QString &sql);
    static IndexInfo parseCreateIndex(const QString &sql);
    static TriggerInfo parseCreateTrigger(const QString &sql);
    // The SELECT of a CREATE VIEW statement.
    static QString viewSelect(const QString &sql);
};

} // namespace covet
