// libFuzzer harness: the one SQL tokenizer under every server reading, and
// SqlScriptSplitter under each dialect (migration scripts, schema.sql,
// seed files). Bad input is an error naming its line; tokens tile the text
// in order and never run past it.
#include "fuzzsupport.h"

#include "schema/sqltokenizer.h"
#include "sql/sqlscriptsplitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace covet;
    const QString sql = fuzz::text(data, size);
    QList<SqlTokenizer::Rules> readings = SqlTokenizer::Rules::everyServerReading();
    readings << SqlTokenizer::Rules::generic();
    for (const auto &rules : readings) {
        qsizetype last = 0;
        for (const auto &t : SqlTokenizer::tokenize(sql, rules)) {
            fuzz::require(t.start >= last && t.end > t.start && t.end <= sql.size(), "tokens advance within the text");
            last = t.end;
            (void)SqlTokenizer::unquoted(t, sql);
        }
    }
    for (Dialect d : {Dialect::SQLite, Dialect::PostgreSQL, Dialect::MySQL}) {
        auto statements = SqlScriptSplitter::split(sql, d);
        if (!statements)
            fuzz::require(!statements.error().location().isEmpty(), "a split error names its line");
    }
    return 0;
}
