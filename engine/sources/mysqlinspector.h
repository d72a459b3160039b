#pragma once

#include "inspector.h"

#include <QVariant>

#include <optional>

namespace covet {

// Reads the connection's current MySQL/MariaDB database (DATABASE()) from
// information_schema with a fixed number of queries. The database is the
// default namespace: every table's schema is empty.
class MysqlInspector : public Inspector
{
public:
    Result<Schema> inspect(SqlExecutor &sql, const InspectOptions &options = {},
                           const ProgressSink *progress = nullptr) override;

    // COLUMN_DEFAULT as a SQL expression. MariaDB >= 10.2.7 reports it as an
    // expression already (expressionDefaults: 'abc', NULL, current_timestamp());
    // MySQL reports the bare value and marks expressions with EXTRA
    // DEFAULT_GENERATED. Strings come back quoted, "DEFAULT NULL" as no
    // default, and current_timestamp() spelled CURRENT_TIMESTAMP.
    static std::optional<QString> normalizeDefault(const QVariant &columnDefault, const QString &extra,
                                                   const SqlType &type, bool expressionDefaults);
    // Removes the `database`. qualifier MySQL writes into view definitions,
    // so a view reads the same in any database (string literals untouched).
    static QString stripDatabaseQualifier(const QString &sql, const QString &database);
    // "(a > 0)" -> "a > 0" when the parentheses enclose the whole text.
    static QString stripOuterParentheses(const QString &expression);
    // The character set a collation belongs to: "latin1_swedish_ci" -> "latin1".
    static QString charsetOfCollation(const QString &collation);
};

} // namespace covet
