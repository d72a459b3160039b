#pragma once

#include "../core/error.h"
#include "../schema/dialect.h"
#include "../schema/schema.h"
#include "scratchdatabase.h"

#include <QString>

namespace covet {

// A desired schema from a SQL DDL file, read by executing the file in a
// scratch database and inspecting that: no SQL parser beyond statement
// splitting (SqlScriptSplitter).
//  - SQLite: an in-memory database.
//  - PostgreSQL/MySQL: a uniquely named database (covet_dev_<random>) created
//    on the server given by devUrl (the CLI's --dev-url) and always dropped
//    afterwards, also when a statement fails.
// A failing statement is reported as "file:line" with the server's message.
class DdlFile
{
public:
    static Result<Schema> load(const QString &path, Dialect dialect, const QString &devUrl = {});
    // sourceName names the text in messages (a file path, "<stdin>").
    static Result<Schema> loadText(const QString &text, const QString &sourceName, Dialect dialect,
                                   const QString &devUrl = {});

    // The prefix of every scratch database name.
    static QString scratchPrefix() { return ScratchDatabase::prefix(); }
};

} // namespace covet
