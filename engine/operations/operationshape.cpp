#include "operationshape.h"

namespace covet {

namespace {

const YamlShape kAny;

YamlShape names()
{
    return YamlShape::listOf(kAny);
}

YamlShape index()
{
    return YamlShape::mapping({{"name", kAny},
                               {"parts", YamlShape::listOf(YamlShape::mapping(
                                             {{"column", kAny}, {"expression", kAny}, {"descending", kAny}, {"length", kAny}}))},
                               {"unique", kAny},
                               {"where", kAny},
                               {"method", kAny}});
}

YamlShape primaryKey()
{
    return YamlShape::mapping({{"name", kAny}, {"columns", names()}});
}

YamlShape foreignKey()
{
    return YamlShape::mapping({{"name", kAny}, {"columns", names()}, {"ref_schema", kAny}, {"ref_table", kAny},
                               {"ref_columns", names()}, {"on_delete", kAny}, {"on_update", kAny}, {"deferrable", kAny},
                               {"initially_deferred", kAny}});
}

YamlShape check()
{
    return YamlShape::mapping({{"name", kAny}, {"expression", kAny}});
}

YamlShape trigger()
{
    return YamlShape::mapping({{"name", kAny}, {"timing", kAny}, {"events", names()}, {"for_each_row", kAny}, {"body", kAny},
                               {"definition", kAny}});
}

YamlShape dialectTexts()
{
    return YamlShape::mapping({{"sqlite", kAny}, {"postgresql", kAny}, {"mysql", kAny}});
}

} // namespace

const YamlShape &OperationShape::column()
{
    static const YamlShape s = YamlShape::mapping(
        {{"name", kAny}, {"type", kAny}, {"raw_type", kAny}, {"nullable", kAny}, {"default", kAny}, {"identity", kAny},
         {"generated", kAny}, {"generated_stored", kAny}, {"on_update", kAny}, {"collation", kAny}, {"charset", kAny},
         {"comment", kAny}});
    return s;
}

const YamlShape &OperationShape::table()
{
    static const YamlShape s = YamlShape::mapping(
        {{"schema", kAny}, {"name", kAny}, {"columns", YamlShape::listOf(column())}, {"primary_key", primaryKey()},
         {"unique_constraints", YamlShape::listOf(YamlShape::mapping({{"name", kAny}, {"columns", names()}}))},
         {"indexes", YamlShape::listOf(index())}, {"foreign_keys", YamlShape::listOf(foreignKey())},
         {"checks", YamlShape::listOf(check())}, {"triggers", YamlShape::listOf(trigger())}, {"comment", kAny},
         {"without_rowid", kAny}, {"engine", kAny}, {"charset", kAny}, {"collation", kAny}});
    return s;
}

const YamlShape &OperationShape::operation()
{
    const YamlShape bare = YamlShape::mapping({{"op", kAny}});
    const YamlShape base = bare.plus({{"schema", kAny}});
    const YamlShape onTable = base.plus({{"table", kAny}});
    const YamlShape unique = YamlShape::mapping({{"name", kAny}, {"columns", names()}});
    static const YamlShape s = YamlShape::selectedBy(
        "op",
        {{"create_table", onTable.plus({{"definition", table()}})},
         {"drop_table", onTable},
         {"rename_table", base.plus({{"from", kAny}, {"to", kAny}})},
         {"add_column", onTable.plus({{"column", column()}, {"backfill", kAny}, {"after", kAny}, {"first", kAny}})},
         {"drop_column", onTable.plus({{"column", kAny}})},
         {"alter_column", onTable.plus({{"column", kAny}, {"before", column()}, {"after", column()}, {"using", kAny}, {"allow_lossy", kAny}})},
         {"rename_column", onTable.plus({{"from", kAny}, {"to", kAny}})},
         {"create_index", onTable.plus({{"index", index()}})},
         {"drop_index", onTable.plus({{"index", kAny}})},
         {"add_foreign_key", onTable.plus({{"foreign_key", foreignKey()}})},
         {"drop_foreign_key", onTable.plus({{"foreign_key", foreignKey()}})},
         {"add_check", onTable.plus({{"check", check()}})},
         {"drop_check", onTable.plus({{"check", check()}})},
         {"add_unique", onTable.plus({{"unique", unique}})},
         {"drop_unique", onTable.plus({{"unique", unique}})},
         {"set_primary_key", onTable.plus({{"before", primaryKey()}, {"after", primaryKey()}})},
         {"create_view", base.plus({{"name", kAny}, {"definition", kAny}, {"materialized", kAny}})},
         {"drop_view", base.plus({{"name", kAny}})},
         {"create_trigger", onTable.plus({{"trigger", trigger()}})},
         {"drop_trigger", onTable.plus({{"trigger", kAny}})},
         {"create_enum", base.plus({{"name", kAny}, {"values", names()}})},
         {"drop_enum", base.plus({{"name", kAny}})},
         {"alter_enum", base.plus({{"name", kAny}, {"before", names()}, {"values", names()}})},
         {"run_sql", bare.plus({{"forward", kAny}, {"reverse", kAny}, {"forward_by_dialect", dialectTexts()},
                                {"reverse_by_dialect", dialectTexts()}, {"elidable", kAny}})},
         {"create_namespace", bare.plus({{"name", kAny}})},
         {"drop_namespace", bare.plus({{"name", kAny}})}});
    return s;
}

} // namespace covet
