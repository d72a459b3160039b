// libFuzzer harness: SqliteCreateParser, which reads the CREATE TABLE /
// INDEX / TRIGGER / VIEW texts that sqlite_schema holds (a database file is
// input too: anyone can hand a DBA one).
#include "fuzzsupport.h"

#include "sources/sqlitecreateparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace covet;
    const QString sql = fuzz::text(data, size);
    for (const auto &t : SqliteCreateParser::tokenize(sql))
        fuzz::require(t.start >= 0 && t.start <= t.end && t.end <= sql.size(), "tokens lie within the text");
    const auto table = SqliteCreateParser::parseCreateTable(sql);
    for (const auto &c : table.columns)
        fuzz::require(c.checkNames.size() == c.checkExprs.size(), "check names and expressions pair up");
    const auto index = SqliteCreateParser::parseCreateIndex(sql);
    fuzz::require(index.parts.size() == index.descending.size(), "index parts and directions pair up");
    (void)SqliteCreateParser::parseCreateTrigger(sql);
    (void)SqliteCreateParser::viewSelect(sql);
    return 0;
}
