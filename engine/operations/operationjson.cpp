#include "operationjson.h"

#include "../schema/schemajson.h"

#include <QJsonArray>

#include <array>
#include <functional>

namespace covet {

namespace {

constexpr std::array<const char16_t *, std::variant_size_v<Operation>> kNames = {
    u"create_table", u"drop_table", u"rename_table", u"add_column", u"drop_column", u"alter_column", u"rename_column",
    u"create_index", u"drop_index", u"add_foreign_key", u"drop_foreign_key", u"add_check", u"drop_check", u"add_unique",
    u"drop_unique", u"set_primary_key", u"create_view", u"drop_view", u"create_trigger", u"drop_trigger", u"create_enum",
    u"drop_enum", u"alter_enum", u"run_sql", u"create_namespace", u"drop_namespace"};

QLatin1String key(const char *k) { return QLatin1String(k); }

QJsonArray array(const QStringList &l)
{
    QJsonArray a;
    for (const QString &s : l)
        a.append(s);
    return a;
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

QJsonObject dialectMap(const QMap<QString, QString> &m)
{
    QJsonObject o;
    for (auto it = m.begin(); it != m.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QMap<QString, QString> dialectMap(const QJsonValue &v)
{
    QMap<QString, QString> m;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        m.insert(it.key(), it.value().toString());
    return m;
}

// Constraint objects reuse SchemaJson's table shapes: wrap one item in a
// table, serialise, take it out again.
QJsonValue tablePart(const Table &t, const char *list)
{
    const QJsonObject o = SchemaJson::tableToJson(t);
    const QJsonValue v = o.value(key(list));
    return v.isArray() ? v.toArray().first() : v;
}

Result<Table> parseTablePart(const QJsonObject &tableObject, const QString &where)
{
    QJsonObject schema;
    schema.insert(key("tables"), QJsonArray{tableObject});
    auto s = SchemaJson::fromJson(schema);
    if (!s)
        return std::unexpected(s.error().withContext(where));
    return s->tables.first();
}

Result<Table> parsePart(const QJsonObject &o, const char *field, const char *list, bool isArray, const QString &where)
{
    if (!o.value(key(field)).isObject())
        return fail(Error::Category::InvalidInput, QStringLiteral("missing object field '%1'").arg(QLatin1String(field)), where);
    QJsonObject t;
    t.insert(key("name"), QStringLiteral("t"));
    if (isArray)
        t.insert(key(list), QJsonArray{o.value(key(field))});
    else
        t.insert(key(list), o.value(key(field)));
    return parseTablePart(t, where);
}

struct Writer
{
    QJsonObject o;

    void ns(const QString &s)
    {
        if (!s.isEmpty())
            o.insert(key("schema"), s);
    }
    void put(const char *k, const QString &v) { o.insert(key(k), v); }
    void table(const QString &s, const QString &t)
    {
        ns(s);
        put("table", t);
    }
    template <typename T>
    void part(const char *field, const char *list, QList<T> Table::*member, const T &value)
    {
        Table t;
        t.name = QStringLiteral("t");
        (t.*member) << value;
        o.insert(key(field), tablePart(t, list));
    }

    void operator()(const CreateTable &op)
    {
        table(op.table.schema, op.table.name);
        o.insert(key("definition"), SchemaJson::tableToJson(op.table));
    }
    void operator()(const DropTable &op) { table(op.schema, op.name); }
    void operator()(const RenameTable &op)
    {
        ns(op.schema);
        put("from", op.from);
        put("to", op.to);
    }
    void operator()(const AddColumn &op)
    {
        table(op.schema, op.table);
        o.insert(key("column"), SchemaJson::columnToJson(op.column));
        if (!op.backfill.isEmpty())
            put("backfill", op.backfill);
        if (!op.after.isEmpty())
            put("after", op.after);
        if (op.first)
            o.insert(key("first"), true);
    }
    void operator()(const DropColumn &op)
    {
        table(op.schema, op.table);
        put("column", op.column);
    }
    void operator()(const AlterColumn &op)
    {
        table(op.schema, op.table);
        put("column", op.after.name);
        o.insert(key("before"), SchemaJson::columnToJson(op.before));
        o.insert(key("after"), SchemaJson::columnToJson(op.after));
        if (!op.usingExpr.isEmpty())
            put("using", op.usingExpr);
        if (op.allowLossy)
            o.insert(key("allow_lossy"), true);
    }
    void operator()(const RenameColumn &op)
    {
        table(op.schema, op.table);
        put("from", op.from);
        put("to", op.to);
    }
    void operator()(const CreateIndex &op)
    {
        table(op.schema, op.table);
        part("index", "indexes", &Table::indexes, op.index);
    }
    void operator()(const DropIndex &op)
    {
        table(op.schema, op.table);
        put("index", op.name);
    }
    void operator()(const AddForeignKey &op)
    {
        table(op.schema, op.table);
        part("foreign_key", "foreign_keys", &Table::foreignKeys, op.foreignKey);
    }
    void operator()(const DropForeignKey &op)
    {
        table(op.schema, op.table);
        part("foreign_key", "foreign_keys", &Table::foreignKeys, op.foreignKey);
    }
    void operator()(const AddCheck &op)
    {
        table(op.schema, op.table);
        part("check", "checks", &Table::checks, op.check);
    }
    void operator()(const DropCheck &op)
    {
        table(op.schema, op.table);
        part("check", "checks", &Table::checks, op.check);
    }
    void operator()(const AddUnique &op)
    {
        table(op.schema, op.table);
        part("unique", "unique_constraints", &Table::uniques, op.unique);
    }
    void operator()(const DropUnique &op)
    {
        table(op.schema, op.table);
        part("unique", "unique_constraints", &Table::uniques, op.unique);
    }
    void operator()(const SetPrimaryKey &op)
    {
        table(op.schema, op.table);
        for (auto [field, pk] : {std::pair{"before", &op.before}, std::pair{"after", &op.after}}) {
            if (!*pk)
                continue;
            Table t;
            t.name = QStringLiteral("t");
            t.primaryKey = **pk;
            o.insert(key(field), tablePart(t, "primary_key"));
        }
    }
    void operator()(const CreateView &op)
    {
        ns(op.view.schema);
        put("name", op.view.name);
        put("definition", op.view.definition);
        if (op.view.materialized)
            o.insert(key("materialized"), true);
    }
    void operator()(const DropView &op)
    {
        ns(op.schema);
        put("name", op.name);
    }
    void operator()(const CreateTrigger &op)
    {
        table(op.schema, op.table);
        part("trigger", "triggers", &Table::triggers, op.trigger);
    }
    void operator()(const DropTrigger &op)
    {
        table(op.schema, op.table);
        put("trigger", op.name);
    }
    void operator()(const CreateEnum &op)
    {
        ns(op.enumType.schema);
        put("name", op.enumType.name);
        o.insert(key("values"), array(op.enumType.values));
    }
    void operator()(const DropEnum &op)
    {
        ns(op.schema);
        put("name", op.name);
    }
    void operator()(const AlterEnum &op)
    {
        ns(op.after.schema);
        put("name", op.after.name);
        o.insert(key("before"), array(op.before.values));
        o.insert(key("values"), array(op.after.values));
    }
    void operator()(const RunSql &op)
    {
        put("forward", op.forward);
        if (!op.reverse.isEmpty())
            put("reverse", op.reverse);
        if (!op.forwardByDialect.isEmpty())
            o.insert(key("forward_by_dialect"), dialectMap(op.forwardByDialect));
        if (!op.reverseByDialect.isEmpty())
            o.insert(key("reverse_by_dialect"), dialectMap(op.reverseByDialect));
        if (op.elidable)
            o.insert(key("elidable"), true);
    }
    void operator()(const CreateNamespace &op) { put("name", op.name); }
    void operator()(const DropNamespace &op) { put("name", op.name); }
};

// Reads the fields of one operation; `where` names it in errors.
struct Reader
{
    const QJsonObject &o;
    QString where;
    std::optional<Error> error;

    QString ns() const { return o.value(key("schema")).toString(); }
    QString str(const char *k)
    {
        const QJsonValue v = o.value(key(k));
        if (!v.isString() || v.toString().isEmpty()) {
            if (!error)
                error = Error(Error::Category::InvalidInput, QStringLiteral("missing string field '%1'").arg(QLatin1String(k)), where);
            return {};
        }
        return v.toString();
    }
    Table part(const char *field, const char *list, bool isArray = true)
    {
        auto t = parsePart(o, field, list, isArray, where);
        if (!t) {
            if (!error)
                error = t.error();
            return {};
        }
        return *t;
    }
    Column column(const char *field)
    {
        const Table t = part(field, "columns");
        return t.columns.isEmpty() ? Column() : t.columns.first();
    }
    template <typename T>
    T first(const QList<T> &l) { return l.isEmpty() ? T() : l.first(); }
};

using Parser = std::function<Operation(Reader &)>;

const QMap<QString, Parser> &parsers()
{
    static const QMap<QString, Parser> map = {
        {QStringLiteral("create_table"), [](Reader &r) -> Operation {
             if (!r.o.value(key("definition")).isObject()) {
                 r.error = Error(Error::Category::InvalidInput, QStringLiteral("missing object field 'definition'"), r.where);
                 return RunSql{};
             }
             auto t = parseTablePart(r.o.value(key("definition")).toObject(), r.where);
             if (!t) {
                 r.error = t.error();
                 return RunSql{};
             }
             return CreateTable{*t};
         }},
        {QStringLiteral("drop_table"), [](Reader &r) -> Operation { return DropTable{r.ns(), r.str("table")}; }},
        {QStringLiteral("rename_table"), [](Reader &r) -> Operation { return RenameTable{r.ns(), r.str("from"), r.str("to")}; }},
        {QStringLiteral("add_column"), [](Reader &r) -> Operation {
             return AddColumn{r.ns(), r.str("table"), r.column("column"), r.o.value(key("backfill")).toString(), r.o.value(key("after")).toString(),
                              r.o.value(key("first")).toBool()};
         }},
        {QStringLiteral("drop_column"), [](Reader &r) -> Operation { return DropColumn{r.ns(), r.str("table"), r.str("column")}; }},
        {QStringLiteral("alter_column"), [](Reader &r) -> Operation {
             return AlterColumn{r.ns(), r.str("table"), r.column("before"), r.column("after"), r.o.value(key("using")).toString(),
                                r.o.value(key("allow_lossy")).toBool()};
         }},
        {QStringLiteral("rename_column"), [](Reader &r) -> Operation { return RenameColumn{r.ns(), r.str("table"), r.str("from"), r.str("to")}; }},
        {QStringLiteral("create_index"), [](Reader &r) -> Operation { return CreateIndex{r.ns(), r.str("table"), r.first(r.part("index", "indexes").indexes)}; }},
        {QStringLiteral("drop_index"), [](Reader &r) -> Operation { return DropIndex{r.ns(), r.str("table"), r.str("index")}; }},
        {QStringLiteral("add_foreign_key"), [](Reader &r) -> Operation {
             return AddForeignKey{r.ns(), r.str("table"), r.first(r.part("foreign_key", "foreign_keys").foreignKeys)};
         }},
        {QStringLiteral("drop_foreign_key"), [](Reader &r) -> Operation {
             return DropForeignKey{r.ns(), r.str("table"), r.first(r.part("foreign_key", "foreign_keys").foreignKeys)};
         }},
        {QStringLiteral("add_check"), [](Reader &r) -> Operation { return AddCheck{r.ns(), r.str("table"), r.first(r.part("check", "checks").checks)}; }},
        {QStringLiteral("drop_check"), [](Reader &r) -> Operation { return DropCheck{r.ns(), r.str("table"), r.first(r.part("check", "checks").checks)}; }},
        {QStringLiteral("add_unique"), [](Reader &r) -> Operation {
             return AddUnique{r.ns(), r.str("table"), r.first(r.part("unique", "unique_constraints").uniques)};
         }},
        {QStringLiteral("drop_unique"), [](Reader &r) -> Operation {
             return DropUnique{r.ns(), r.str("table"), r.first(r.part("unique", "unique_constraints").uniques)};
         }},
        {QStringLiteral("set_primary_key"), [](Reader &r) -> Operation {
             SetPrimaryKey op{r.ns(), r.str("table"), {}, {}};
             if (r.o.contains(key("before")))
                 op.before = r.part("before", "primary_key", false).primaryKey;
             if (r.o.contains(key("after")))
                 op.after = r.part("after", "primary_key", false).primaryKey;
             return op;
         }},
        {QStringLiteral("create_view"), [](Reader &r) -> Operation {
             return CreateView{View{r.ns(), r.str("name"), r.str("definition"), r.o.value(key("materialized")).toBool()}};
         }},
        {QStringLiteral("drop_view"), [](Reader &r) -> Operation { return DropView{r.ns(), r.str("name")}; }},
        {QStringLiteral("create_trigger"), [](Reader &r) -> Operation {
             return CreateTrigger{r.ns(), r.str("table"), r.first(r.part("trigger", "triggers").triggers)};
         }},
        {QStringLiteral("drop_trigger"), [](Reader &r) -> Operation { return DropTrigger{r.ns(), r.str("table"), r.str("trigger")}; }},
        {QStringLiteral("create_enum"), [](Reader &r) -> Operation {
             return CreateEnum{EnumType{r.ns(), r.str("name"), strings(r.o.value(key("values")))}};
         }},
        {QStringLiteral("drop_enum"), [](Reader &r) -> Operation { return DropEnum{r.ns(), r.str("name")}; }},
        {QStringLiteral("alter_enum"), [](Reader &r) -> Operation {
             const QString name = r.str("name");
             return AlterEnum{EnumType{r.ns(), name, strings(r.o.value(key("before")))}, EnumType{r.ns(), name, strings(r.o.value(key("values")))}};
         }},
        {QStringLiteral("run_sql"), [](Reader &r) -> Operation {
             RunSql op;
             op.forward = r.o.value(key("forward")).toString();
             op.reverse = r.o.value(key("reverse")).toString();
             op.forwardByDialect = dialectMap(r.o.value(key("forward_by_dialect")));
             op.reverseByDialect = dialectMap(r.o.value(key("reverse_by_dialect")));
             op.elidable = r.o.value(key("elidable")).toBool();
             if (op.forward.isEmpty() && op.forwardByDialect.isEmpty())
                 r.error = Error(Error::Category::InvalidInput, QStringLiteral("run_sql needs 'forward' or 'forward_by_dialect'"), r.where);
             return op;
         }},
        {QStringLiteral("create_namespace"), [](Reader &r) -> Operation { return CreateNamespace{r.str("name")}; }},
        {QStringLiteral("drop_namespace"), [](Reader &r) -> Operation { return DropNamespace{r.str("name")}; }},
    };
    return map;
}

} // namespace

QString OperationJson::name(const Operation &op)
{
    return QString::fromUtf16(kNames.at(op.index()));
}

QJsonObject OperationJson::toJson(const Operation &op)
{
    Writer w;
    w.o.insert(key("op"), name(op));
    std::visit(w, op);
    return w.o;
}

Result<Operation> OperationJson::fromJson(const QJsonObject &o, const QString &where)
{
    const QString op = o.value(key("op")).toString();
    const auto it = parsers().find(op);
    if (it == parsers().end()) {
        QStringList known;
        for (const char16_t *n : kNames)
            known << QString::fromUtf16(n);
        return fail(Error::Category::InvalidInput,
                    op.isEmpty() ? QStringLiteral("missing field 'op' (one of %1)").arg(known.join(QStringLiteral(", ")))
                                 : QStringLiteral("unknown operation '%1'; known: %2").arg(op, known.join(QStringLiteral(", "))),
                    where);
    }
    Reader r{o, where.isEmpty() ? op : where + QStringLiteral(" (") + op + u')', {}};
    Operation result = (*it)(r);
    if (r.error)
        return std::unexpected(*r.error);
    return result;
}

} // namespace covet
