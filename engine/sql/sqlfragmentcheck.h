#pragma once

#include "../operations/operation.h"
#include "../schema/schema.h"

#include <QList>
#include <QString>

#include <optional>

namespace covet {

// Checks the SQL texts that migration and models files carry into the
// statements Covet writes (defaults, checks, generated columns, index
// expressions and predicates, USING and ON UPDATE expressions, raw types,
// view bodies, trigger timings, events, bodies and definitions): each must
// be one thing of the kind its field says, never a way to run a statement
// of its own. Only run_sql (and plain .sql migrations) carry statements.
//
// The text is read with SqlTokenizer under every reading a PostgreSQL,
// MySQL/MariaDB or SQLite server may use (SqlTokenizer::Rules::
// everyServerReading()), and must pass under each, so no server setting
// can make a quote, comment or dollar body end elsewhere than Covet saw it:
//  - no unterminated quote, comment or dollar body; no MySQL executable
//    comment (/*! */, /*M! */, /*+ */);
//  - an expression or type: no ';' at all, balanced ( ) and [ ], no ','
//    and no clause keyword (CONSTRAINT, PRIMARY, REFERENCES, FOREIGN,
//    CHECK, UNIQUE, DEFAULT, ON, SELECT; for types also NOT, NULL, AS,
//    COLLATE, GENERATED, AUTO_INCREMENT, AUTOINCREMENT) outside
//    parentheses, no line comment (it would swallow the SQL written after
//    the field);
//  - a view definition: one query starting with SELECT, WITH, VALUES or
//    TABLE (after opening parentheses), ';' only at its end;
//  - a trigger body: one statement without ';', or one BEGIN ... END block
//    whose own END is its last word (BEGIN/END, CASE, IF, LOOP, WHILE and
//    REPEAT are paired the way MySQL pairs them); a trigger definition: a
//    CREATE ... TRIGGER statement of that shape. A body that is not
//    rendered (the trigger has a definition) need only be well quoted;
//  - a trigger timing: BEFORE, AFTER or INSTEAD OF; an event: INSERT,
//    UPDATE [OF columns], DELETE or TRUNCATE.
// No server is asked: the check needs no connection (files are validated
// when they are read), and it is sound on its own because it accepts a text
// only when no reading finds a statement boundary in it.
class SqlFragmentCheck
{
public:
    enum class Kind { Expression, Type, Query, TriggerTiming, TriggerEvent, TriggerBody, TriggerStatementList, TriggerDefinition };

    // Why `text` cannot stand in a field of this kind, or nullopt when it
    // can. Empty text is always fine (the field is unset).
    static std::optional<QString> problem(const QString &text, Kind kind);

    // A field's problem: `path` names the field in the JSON shape of
    // SchemaJson / OperationJson ("columns[2].default", "index.where").
    struct Finding
    {
        QString path;
        QString message;
        bool operator==(const Finding &) const = default;
    };
    static QList<Finding> checkColumn(const Column &column, const QString &path = {});
    static QList<Finding> checkTrigger(const Trigger &trigger, const QString &path = {});
    static QList<Finding> checkIndex(const Index &index, const QString &path = {});
    static QList<Finding> checkTable(const Table &table, const QString &path = {});
    static QList<Finding> checkSchema(const Schema &schema);
    static QList<Finding> checkOperation(const Operation &op);
};

} // namespace covet
