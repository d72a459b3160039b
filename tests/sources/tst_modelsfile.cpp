// covet-test-labels: engine sqlite
#include "canonicalcolumn.h"
#include "testsupport.h"

#include "schema/schemajson.h"
#include "sources/modelsfile.h"
#include "sources/sqliteinspector.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

QByteArray docsExample()
{
    QFile f(test::sourcePath(QStringLiteral("docs/models-file.md")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray md = f.readAll();
    const qsizetype start = md.indexOf("```yaml\n") + 8;
    return md.mid(start, md.indexOf("\n```", start) - start + 1);
}

Column col(const QString &name, const QString &type, bool nullable = true)
{
    return test::canonicalColumn(name, type, nullable);
}

// A schema using every feature of the model, with hostile names.
Schema richSchema(std::optional<Dialect> dialect)
{
    Schema s;
    s.dialect = dialect;
    s.namespaces = {QStringLiteral("sales"), QStringLiteral("we:ird #ns")};
    s.enums << EnumType{QString(), QStringLiteral("mood"), {QStringLiteral("happy"), QStringLiteral("it's"), QStringLiteral("a,b")}}
            << EnumType{QStringLiteral("sales"), QStringLiteral("Status"), {QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("")}};

    Table parent;
    parent.schema = QStringLiteral("sales");
    parent.name = QStringLiteral("parents");
    parent.columns << col(QStringLiteral("a"), QStringLiteral("integer"), false) << col(QStringLiteral("b"), QStringLiteral("integer"), false);
    parent.primaryKey = PrimaryKey{QStringLiteral("pk_parents"), {QStringLiteral("a"), QStringLiteral("b")}};

    Table t;
    t.schema = QStringLiteral("we:ird #ns");
    t.name = QStringLiteral("we\"ird 'tab`le: #1");
    t.comment = QStringLiteral("multi\nline comment\n");
    t.withoutRowid = true;
    t.engine = QStringLiteral("InnoDB");
    t.charset = QStringLiteral("utf8mb4");
    t.collation = QStringLiteral("utf8mb4_bin");
    Column id = col(QStringLiteral("id"), QStringLiteral("bigint unsigned"), false);
    id.identity = Column::Identity::AutoIncrement;
    Column dash = col(QStringLiteral("- dash"), QStringLiteral("varchar(255)"));
    dash.defaultExpr = QStringLiteral("'it''s'::character varying");
    dash.collation = QStringLiteral("C");
    Column yes = col(QStringLiteral("yes"), QStringLiteral("numeric(10,2)"));
    yes.defaultExpr = QStringLiteral("");
    Column nul = col(QStringLiteral("null"), QStringLiteral("timestamptz(3)"));
    nul.defaultExpr = QStringLiteral("NULL");
    Column num = col(QStringLiteral("123"), QStringLiteral("text[]"));
    num.comment = QStringLiteral(" leading space, trailing tab\t");
    Column gen = col(QStringLiteral("total #"), QStringLiteral("double"));
    gen.generatedExpr = QStringLiteral("\"yes\" * 2");
    gen.generatedStored = true;
    Column nonAscii = col(QStringLiteral("日本語 ünï"), QStringLiteral("enum mood('happy','it''s','a,b')"));
    Column newline = col(QStringLiteral("new\nline"), QStringLiteral("enum('x y','z)')"));
    newline.charset = QStringLiteral("latin1");
    Column status;
    status.name = QStringLiteral("status");
    status.type = SqlType(SqlType::Kind::Enum);
    status.type.setEnumName(QStringLiteral("sales.Status"));
    status.type.setEnumValues({QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("")});
    status.type.setArrayDimensions(1);
    Column other;
    other.name = QStringLiteral("search");
    other.type = SqlType::fromDialect(Dialect::PostgreSQL, QStringLiteral("tsvector[]"));
    other.type.setArrayDimensions(2);   // format_type() prints one [] whatever the dimensions
    Column raw = col(QStringLiteral("uuid"), QStringLiteral("uuid"));
    raw.type.setRaw(QStringLiteral("char(36)"));
    Column always = col(QStringLiteral("a"), QStringLiteral("integer"), false);
    always.identity = Column::Identity::Always;
    Column b = col(QStringLiteral("b"), QStringLiteral("timestamp"), false);
    b.onUpdateExpr = QStringLiteral("CURRENT_TIMESTAMP");
    t.columns << id << dash << yes << nul << num << gen << nonAscii << newline << status << other << raw << always << b;
    if (dialect) {
        for (Column &c : t.columns)
            if (c.type.kind() != SqlType::Kind::Other && c.name != u"uuid")
                c.type.setRaw(c.type.toDialect(*dialect));
        for (Column &c : parent.columns)
            c.type.setRaw(c.type.toDialect(*dialect));
        t.columns[1].type.setRaw(QStringLiteral("character varying(255) /* odd */"));
    }
    t.primaryKey = PrimaryKey{QString(), {QStringLiteral("id")}};
    t.uniques << UniqueConstraint{QStringLiteral("uq: \"x\""), {QStringLiteral("- dash"), QStringLiteral("yes")}}
              << UniqueConstraint{QString(), {QStringLiteral("null")}};
    Index plainIx{QStringLiteral("ix_plain"), {IndexPart{QStringLiteral("123"), {}, false, -1}}, false, {}, {}};
    Index exprIx{QStringLiteral("ix_expr"), {IndexPart{{}, QStringLiteral("lower(\"- dash\")"), false, -1}}, true,
                 QStringLiteral("\"null\" IS NOT NULL"), QStringLiteral("btree")};
    Index mixed{QStringLiteral("ix mixed\n"), {IndexPart{QStringLiteral("id"), {}, true, -1}, IndexPart{{}, QStringLiteral("a + b"), false, -1},
                                                 IndexPart{QStringLiteral("- dash"), {}, false, 10}},
                false, {}, QStringLiteral("gin")};
    t.indexes << plainIx << exprIx << mixed;
    ForeignKey fk;
    fk.name = QStringLiteral("fk_parents");
    fk.columns = {QStringLiteral("a"), QStringLiteral("b")};
    fk.refSchema = QStringLiteral("sales");
    fk.refTable = QStringLiteral("parents");
    fk.refColumns = {QStringLiteral("a"), QStringLiteral("b")};
    fk.onDelete = ForeignKey::Action::Cascade;
    fk.onUpdate = ForeignKey::Action::SetNull;
    fk.deferrable = true;
    fk.initiallyDeferred = true;
    ForeignKey self;
    self.columns = {QStringLiteral("a")};
    self.refSchema = t.schema;
    self.refTable = t.name;
    self.refColumns = {QStringLiteral("id")};
    t.foreignKeys << fk << self;
    t.checks << Check{QStringLiteral("ck_positive"), QStringLiteral("\"yes\" >= 0")} << Check{QString(), QStringLiteral("a <> b")};
    Trigger tr;
    tr.name = QStringLiteral("trg");
    tr.timing = QStringLiteral("BEFORE");
    tr.events = {QStringLiteral("INSERT"), QStringLiteral("UPDATE")};
    tr.forEachRow = false;
    tr.body = QStringLiteral("EXECUTE FUNCTION touch()");
    tr.definition = QStringLiteral("CREATE TRIGGER trg\n  BEFORE INSERT OR UPDATE ON t\n  EXECUTE FUNCTION touch()");
    t.triggers << tr;

    Table empty;
    empty.name = QStringLiteral("empty");
    s.tables << t << parent << empty;
    s.views << View{QStringLiteral("sales"), QStringLiteral("v"), QStringLiteral("SELECT 1\n  -- comment: yes\n"), true}
            << View{QString(), QStringLiteral("v2"), QStringLiteral("SELECT 'a: b'"), false};
    return s;
}

} // namespace

class TestModelsFile : public QObject
{
    Q_OBJECT

private slots:
    void docsExampleParses()
    {
        const QByteArray text = docsExample();
        QVERIFY(!text.isEmpty());
        const auto m = ModelsFile::parse(text, QStringLiteral("models.yaml"));
        QVERIFY2(m, qPrintable(m ? QString() : m.error().toString()));
        const Schema &s = m->schema();
        QCOMPARE(s.dialect, std::optional<Dialect>(Dialect::PostgreSQL));
        QCOMPARE(s.namespaces, QStringList{QStringLiteral("sales")});
        QCOMPARE(s.enums.size(), 2);
        const Table *c = s.table(QStringLiteral("customers"), QStringLiteral("sales"));
        QVERIFY(c);
        QCOMPARE(c->comment, QStringLiteral("People who buy"));
        QCOMPARE(c->column(QStringLiteral("id"))->identity, Column::Identity::AutoIncrement);
        QCOMPARE(c->column(QStringLiteral("id"))->nullable, false);
        QCOMPARE(c->column(QStringLiteral("email"))->type.kind(), SqlType::Kind::Varchar);
        QCOMPARE(c->column(QStringLiteral("email"))->type.length(), 255);
        QCOMPARE(c->column(QStringLiteral("email"))->type.raw(), QStringLiteral("character varying(255)"));
        QCOMPARE(c->column(QStringLiteral("created_at"))->defaultExpr, std::optional<QString>(QStringLiteral("CURRENT_TIMESTAMP")));
        QCOMPARE(c->column(QStringLiteral("qty"))->type.isUnsigned(), true);
        QCOMPARE(c->column(QStringLiteral("qty"))->defaultExpr, std::optional<QString>(QStringLiteral("1")));
        const Column *total = c->column(QStringLiteral("total"));
        QCOMPARE(total->type.precision(), 10);
        QCOMPARE(total->type.scale(), 2);
        QCOMPARE(total->generatedExpr, QStringLiteral("price * qty"));
        QVERIFY(total->generatedStored);
        const SqlType feeling = c->column(QStringLiteral("feeling"))->type;
        QCOMPARE(feeling.kind(), SqlType::Kind::Enum);
        QCOMPARE(feeling.enumName(), QStringLiteral("mood"));
        QCOMPARE(feeling.enumValues(), (QStringList{QStringLiteral("happy"), QStringLiteral("sad"), QStringLiteral("so-so")}));
        QCOMPARE(c->column(QStringLiteral("state"))->type.enumValues().size(), 3);
        QCOMPARE(c->column(QStringLiteral("size"))->type.enumValues(), (QStringList{QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L")}));
        QCOMPARE(c->column(QStringLiteral("tags"))->type.arrayDimensions(), 1);
        QCOMPARE(c->column(QStringLiteral("search"))->type.kind(), SqlType::Kind::Other);
        QCOMPARE(c->column(QStringLiteral("search"))->type.raw(), QStringLiteral("tsvector"));
        QCOMPARE(c->column(QStringLiteral("notes"))->comment, QStringLiteral("Free text.\nSeveral lines are fine.\n"));
        QCOMPARE(c->primaryKey->columns, QStringList{QStringLiteral("id")});
        QCOMPARE(c->uniques.size(), 1);
        QCOMPARE(c->indexes.size(), 3);
        const Index *lower = c->index(QStringLiteral("ix_lower_email"));
        QVERIFY(lower->unique);
        QCOMPARE(lower->parts.at(0).expression, QStringLiteral("lower(email)"));
        const Index *recent = c->index(QStringLiteral("ix_recent"));
        QCOMPARE(recent->parts.size(), 2);
        QVERIFY(recent->parts.at(0).descending);
        QCOMPARE(c->index(QStringLiteral("ix_customers_name"))->where, QStringLiteral("full_name IS NOT NULL"));
        QCOMPARE(c->foreignKeys.size(), 1);
        QCOMPARE(c->foreignKeys.at(0).onDelete, ForeignKey::Action::Cascade);
        QCOMPARE(c->foreignKeys.at(0).refSchema, QStringLiteral("sales"));
        QCOMPARE(c->checks.at(0).expression, QStringLiteral("total >= 0"));
        QCOMPARE(c->triggers.at(0).events, QStringList{QStringLiteral("UPDATE")});
        QCOMPARE(s.views.size(), 1);
        QCOMPARE(s.views.at(0).definition, QStringLiteral("SELECT id, email\nFROM sales.customers\nWHERE total > 1000"));

        const QList<RenameHint> hints = m->renameHints();
        QCOMPARE(hints.size(), 2);
        QCOMPARE(hints.at(0).kind, RenameHint::Table);
        QCOMPARE(hints.at(0).schema, QStringLiteral("sales"));
        QCOMPARE(hints.at(0).from, QStringLiteral("clients"));
        QCOMPARE(hints.at(0).to, QStringLiteral("customers"));
        QCOMPARE(hints.at(1).kind, RenameHint::Column);
        QCOMPARE(hints.at(1).table, QStringLiteral("customers"));
        QCOMPARE(hints.at(1).from, QStringLiteral("name"));
        QCOMPARE(hints.at(1).to, QStringLiteral("full_name"));
        QVERIFY(hints.at(1).location.startsWith(QStringLiteral("models.yaml:")));

        // The example written back and read again is the same schema.
        const auto again = ModelsFile::parse(ModelsFile::write(s), QStringLiteral("again.yaml"));
        QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
        QCOMPARE(SchemaJson::toCanonicalJson(again->schema()), SchemaJson::toCanonicalJson(s));
        QVERIFY(again->schema() == s);
    }

    void writeParseRichSchema_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("no dialect") << -1;
        QTest::newRow("postgresql") << int(Dialect::PostgreSQL);
        QTest::newRow("mysql") << int(Dialect::MySQL);
        QTest::newRow("sqlite") << int(Dialect::SQLite);
    }

    void writeParseRichSchema()
    {
        QFETCH(int, dialect);
        Schema s = richSchema(dialect < 0 ? std::nullopt : std::optional<Dialect>(Dialect(dialect)));
        s.canonicalize();
        const QByteArray text = ModelsFile::write(s);
        const auto m = ModelsFile::parse(text, QStringLiteral("rich.yaml"));
        QVERIFY2(m, qPrintable((m ? QString() : m.error().toString()) + u'\n' + QString::fromUtf8(text)));
        if (!(m->schema() == s)) {
            QCOMPARE(QString::fromUtf8(SchemaJson::toCanonicalJson(m->schema())), QString::fromUtf8(SchemaJson::toCanonicalJson(s)));
            QFAIL(qPrintable(QStringLiteral("schemas differ outside their JSON form:\n") + QString::fromUtf8(text)));
        }
        // Writing is stable.
        QCOMPARE(ModelsFile::write(m->schema()), text);
        QVERIFY(m->renameHints().isEmpty());
    }

    void writtenFileIsReadable()
    {
        Schema s = richSchema(Dialect::PostgreSQL);
        const QString text = QString::fromUtf8(ModelsFile::write(s));
        QVERIFY(text.startsWith(QStringLiteral("# Covet models file")));
        QVERIFY(text.contains(QStringLiteral("\n  - name: parents\n    schema: sales\n")));
        QVERIFY(text.contains(QStringLiteral("      - {name: a, type: integer, nullable: false}\n")));
        QVERIFY(text.contains(QStringLiteral("primary_key: {name: pk_parents, columns: [a, b]}")));
        QVERIFY2(text.contains(QStringLiteral("type: \"enum(sales.Status)[]\"")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("raw_type: \"tsvector[]\", array_dimensions: 2")));
        QVERIFY(text.contains(QStringLiteral("    definition: |\n      SELECT 1\n        -- comment: yes\n")));
    }

    void sqliteDatabaseRoundTrip()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        QString error;
        QVERIFY2(db->execScript(QStringLiteral(
                     "CREATE TABLE \"par\"\"ents\" (a INTEGER NOT NULL, \"b:c #\" TEXT NOT NULL, PRIMARY KEY (a, \"b:c #\"));\n"
                     "CREATE TABLE \"yes\" (id INTEGER PRIMARY KEY AUTOINCREMENT, \"- name\" VARCHAR(40) NOT NULL DEFAULT 'it''s',"
                     " price NUMERIC(10,2) CHECK (price >= 0), qty INT DEFAULT 1, total REAL GENERATED ALWAYS AS (price * qty) STORED,"
                     " pa INTEGER, pb TEXT, \"日本\" BLOB, created DATETIME DEFAULT CURRENT_TIMESTAMP, flag BOOLEAN, odd FOOBAR,"
                     " FOREIGN KEY (pa, pb) REFERENCES \"par\"\"ents\" (a, \"b:c #\") ON DELETE CASCADE);\n"
                     "CREATE UNIQUE INDEX \"ix: lower\" ON \"yes\" (lower(\"- name\")) WHERE qty > 0;\n"
                     "CREATE INDEX ix_multi ON \"yes\" (qty DESC, price);\n"
                     "CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;\n"
                     "CREATE VIEW \"v #1\" AS SELECT id, \"- name\" FROM \"yes\" WHERE qty > 1;\n"
                     "CREATE TRIGGER trg AFTER INSERT ON \"yes\" BEGIN UPDATE \"yes\" SET qty = qty WHERE id = NEW.id; END"),
                 &error),
                 qPrintable(error));
        SqlExecutor sql(db->connection().database(), Dialect::SQLite);
        SqliteInspector inspector;
        auto inspected = inspector.inspect(sql);
        QVERIFY2(inspected, qPrintable(inspected ? QString() : inspected.error().toString()));
        Schema s = *inspected;
        s.canonicalize();
        QVERIFY(s.tables.size() >= 3);
        const QByteArray text = ModelsFile::write(s);
        const auto m = ModelsFile::parse(text, QStringLiteral("inspected.yaml"));
        QVERIFY2(m, qPrintable((m ? QString() : m.error().toString()) + u'\n' + QString::fromUtf8(text)));
        QCOMPARE(QString::fromUtf8(SchemaJson::toCanonicalJson(m->schema())), QString::fromUtf8(SchemaJson::toCanonicalJson(s)));
        QVERIFY(m->schema() == s);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        const QByteArray head = "version: 1\ntables:\n  - name: customers\n    columns:\n";
        QTest::newRow("unknown type") << head + "      - {name: id, type: bigint}\n      - {name: email, type: varchr(20)}\n"
                                      << "m.yaml:6" << "unknown column type 'varchr(20)' for column customers.email; known types: boolean";
        QTest::newRow("malformed size") << head + "      - {name: email, type: varchar(abc)}\n" << "m.yaml:5" << "malformed column type 'varchar(abc)'";
        QTest::newRow("trailing words") << head + "      - {name: email, type: varchar(20) please}\n" << "m.yaml:5" << "malformed column type";
        QTest::newRow("unknown column key") << head + "      - {name: email, type: text, nulable: false}\n"
                                            << "m.yaml:5:35" << "unknown key 'nulable' in tables[0].columns[0] (email) (did you mean 'nullable'?); allowed: name, type";
        QTest::newRow("unknown table key") << head + "      - {name: id, type: text}\n    primary: [id]\n"
                                           << "m.yaml:6:5" << "unknown key 'primary' in tables[0] (customers)";
        QTest::newRow("statement in a default") << head + "      - {name: email, type: text, default: \"''; DROP TABLE victim\"}\n"
                                                << "m.yaml:5:44" << "default of column customers.email cannot hold this SQL: it holds a statement separator";
        QTest::newRow("statement in a check") << head + "      - {name: id, type: integer}\n    checks: [{expression: \"id > 0); DROP TABLE victim; --\"}]\n"
                                              << "m.yaml:6:27" << "expression of a check of table customers cannot hold this SQL";
        QTest::newRow("statement in an index predicate") << head + "      - {name: id, type: integer}\n"
                                                         "    indexes: [{name: i, columns: [id], where: \"id > 0 -- x\"}]\n"
                                                         << "m.yaml:6" << "where of index i cannot hold this SQL: it holds a line comment";
        QTest::newRow("two statements in a view") << QByteArray("views:\n  - {name: v, definition: \"SELECT 1; DROP TABLE victim\"}\n")
                                                  << "m.yaml:2" << "definition of view v cannot hold this SQL";
        QTest::newRow("statements in a trigger body") << head + "      - {name: id, type: integer}\n"
                                                      "    triggers: [{name: t, timing: AFTER, events: [INSERT], body: \"SELECT 1; DROP TABLE victim\"}]\n"
                                                      << "m.yaml:6" << "body of a trigger of table customers cannot hold this SQL";
        QTest::newRow("statement in a raw type") << head + "      - {name: id, raw_type: \"int; DROP TABLE victim\"}\n"
                                                 << "m.yaml:5" << "raw_type of column customers.id cannot hold this SQL";
        QTest::newRow("unknown top key") << QByteArray("version: 1\ntabels: []\n") << "m.yaml:2" << "(did you mean 'tables'?)";
        QTest::newRow("missing table name") << QByteArray("tables:\n  - columns: []\n") << "m.yaml:2" << "missing name for a table";
        QTest::newRow("missing column name") << head + "      - {type: text}\n" << "m.yaml:5" << "missing name for a column of table customers";
        QTest::newRow("missing type") << head + "      - {name: id}\n" << "m.yaml:5" << "missing type for column customers.id";
        QTest::newRow("duplicate table") << head + "      - {name: id, type: text}\n  - name: customers\n"
                                         << "m.yaml:6" << "duplicate table customers (first at line 3)";
        QTest::newRow("duplicate column") << head + "      - {name: id, type: text}\n      - {name: id, type: integer}\n"
                                          << "m.yaml:6" << "duplicate column 'id' in table customers (first at line 5)";
        QTest::newRow("pk unknown column") << head + "      - {name: id, type: text}\n    primary_key: [idd]\n"
                                           << "m.yaml:6" << "names column 'idd', which table customers does not have";
        QTest::newRow("unique unknown column") << head + "      - {name: id, type: text}\n    unique:\n      - {name: uq, columns: [x]}\n"
                                               << "m.yaml:7" << "unique constraint uq names column 'x'";
        QTest::newRow("index unknown column") << head + "      - {name: id, type: text}\n    indexes:\n      - {name: ix, columns: [id, y]}\n"
                                              << "m.yaml:7" << "index ix names column 'y'";
        QTest::newRow("index without parts") << head + "      - {name: id, type: text}\n    indexes:\n      - {name: ix}\n"
                                             << "m.yaml:7" << "index ix has no columns";
        QTest::newRow("fk unknown column") << head + "      - {name: id, type: text}\n    foreign_keys:\n"
                                                     "      - {name: fk, columns: [pid], references: {table: customers, columns: [id]}}\n"
                                           << "m.yaml:7" << "foreign key fk names column 'pid'";
        QTest::newRow("fk missing table") << head + "      - {name: id, type: text}\n    foreign_keys:\n"
                                                    "      - {name: fk, columns: [id], references: {table: parents, columns: [id]}}\n"
                                          << "m.yaml:7" << "references table parents, which is not in the models file";
        QTest::newRow("fk missing ref column") << head + "      - {name: id, type: text}\n    foreign_keys:\n"
                                                         "      - {name: fk, columns: [id], references: {table: customers, columns: [nope]}}\n"
                                               << "m.yaml:7" << "references column 'nope'";
        QTest::newRow("fk column count") << head + "      - {name: id, type: text}\n    foreign_keys:\n"
                                                   "      - {columns: [id], references: {table: customers, columns: [id, id]}}\n"
                                         << "m.yaml:7" << "has 1 columns but references 2";
        QTest::newRow("fk action") << head + "      - {name: id, type: text}\n    foreign_keys:\n"
                                             "      - {columns: [id], references: {table: customers, columns: [id]}, on_delete: explode}\n"
                                   << "m.yaml:7" << "unknown action 'explode'";
        QTest::newRow("bad bool") << head + "      - {name: id, type: text, nullable: \"no\"}\n" << "m.yaml:5" << "expected true or false for nullable";
        QTest::newRow("enum not declared") << head + "      - {name: id, type: enum(mod)}\n" << "m.yaml:5" << "names no enum declared under enums:";
        QTest::newRow("bad identity") << head + "      - {name: id, type: integer, identity: sometimes}\n" << "m.yaml:5" << "unknown identity 'sometimes'";
        QTest::newRow("version") << QByteArray("version: 2\ntables: []\n") << "m.yaml:1" << "unsupported models file version '2'";
        QTest::newRow("dialect") << QByteArray("dialect: oracle\ntables: []\n") << "m.yaml:1" << "unknown dialect 'oracle'";
        QTest::newRow("namespace") << QByteArray("namespaces: [sales]\ntables:\n  - {name: t, schema: sale}\n")
                                   << "m.yaml:3" << "namespace 'sale', which is not listed";
        QTest::newRow("columns not a list") << head + "      name: id\n" << "m.yaml:5" << "expected a list";
        QTest::newRow("table not a mapping") << QByteArray("tables:\n  - customers\n") << "m.yaml:2" << "expected a mapping";
        QTest::newRow("name is a list") << QByteArray("tables:\n  - name: [a]\n") << "m.yaml:2" << "expected a single value";
        QTest::newRow("malformed yaml") << head + "      - {name: id, type: text\n" << "m.yaml:6:1" << "the flow mapping opened at line 5, column 9 (is its '}' missing?)";
        QTest::newRow("tabs") << QByteArray("tables:\n\t- name: t\n") << "m.yaml:2:1" << "tab";
        QTest::newRow("empty file") << QByteArray("# nothing\n") << "m.yaml:" << "the models file is empty";
        QTest::newRow("duplicate enum") << QByteArray("enums:\n  - {name: e, values: [a]}\n  - {name: e, values: [b]}\ntables: []\n")
                                        << "m.yaml:3" << "duplicate enum e";
        QTest::newRow("duplicate index") << head + "      - {name: id, type: text}\n    indexes:\n      - {name: ix, columns: [id]}\n"
                                                   "      - {name: ix, columns: [id]}\n" << "m.yaml:8" << "duplicate index 'ix'";
        QTest::newRow("self rename") << head + "      - {name: id, type: text, renamed_from: id}\n" << "m.yaml:5" << "renamed_from its own name";
        QTest::newRow("view without definition") << QByteArray("tables: []\nviews:\n  - name: v\n") << "m.yaml:3" << "missing definition for view v";
    }

    // Every unknown key is reported, each at its line and column, whatever its value.
    void unknownKeysAreAllReported()
    {
        const QByteArray text = "version: 1\n"
                                "tables:\n"
                                "  - name: customers\n"
                                "    columns:\n"
                                "      - {name: id, type: integer, nulable: true}\n"
                                "      - {name: email, type: text, defualt: \"''\"}\n"
                                "    primary_key: {columns: [id], nam: pk}\n"
                                "views:\n"
                                "  - {name: v, definition: SELECT 1, materialised: false}\n";
        auto m = ModelsFile::parse(text, QStringLiteral("m.yaml"));
        QVERIFY(!m);
        const QString all = m.error().toString();
        QVERIFY2(all.contains(QStringLiteral("4 unknown keys")), qPrintable(all));
        for (const QString &expected : {QStringLiteral("m.yaml:5:35: unknown key 'nulable' in tables[0].columns[0] (id)"),
                                        QStringLiteral("m.yaml:6:35: unknown key 'defualt' in tables[0].columns[1] (email) (did you mean 'default'?)"),
                                        QStringLiteral("m.yaml:7:34: unknown key 'nam' in tables[0].primary_key (did you mean 'name'?)"),
                                        QStringLiteral("m.yaml:9:37: unknown key 'materialised' in views[0] (v) (did you mean 'materialized'?)")})
            QVERIFY2(all.contains(expected), qPrintable(expected + QStringLiteral("\nnot in:\n") + all));
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, location);
        QFETCH(QString, message);
        const auto m = ModelsFile::parse(text, QStringLiteral("m.yaml"));
        QVERIFY2(!m, "the parse should fail");
        QCOMPARE(m.error().category(), Error::Category::InvalidInput);
        QVERIFY2(m.error().location().startsWith(location), qPrintable(m.error().toString()));
        QVERIFY2(m.error().message().contains(message), qPrintable(m.error().toString()));
    }

    void readFromDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("models.yaml"));
        const auto missing = ModelsFile::read(path);
        QVERIFY(!missing);
        QCOMPARE(missing.error().category(), Error::Category::NotFound);
        QCOMPARE(missing.error().location(), path);

        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("tables:\n  - name: t\n    columns:\n      - {name: id, type: integr}\n");
        f.close();
        const auto bad = ModelsFile::read(path);
        QVERIFY(!bad);
        QCOMPARE(bad.error().location(), path + QStringLiteral(":4"));
        QVERIFY(bad.error().toString().contains(QStringLiteral("unknown column type 'integr'")));

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(ModelsFile::write(richSchema(Dialect::MySQL)));
        f.close();
        const auto good = ModelsFile::read(path);
        QVERIFY2(good, qPrintable(good ? QString() : good.error().toString()));
        QCOMPARE(good->sourceName(), path);
        QCOMPARE(good->schema().tables.size(), 3);
    }

    // A schema inspected on MySQL holds the index InnoDB made for a foreign
    // key; the models leave it out (no migration made it: makemigrations
    // would create it again, a duplicate name), and only that index.
    void innoDbForeignKeyIndexLeftOut()
    {
        auto index = [](const QString &name, const QStringList &columns) {
            Index i;
            i.name = name;
            for (const QString &c : columns) {
                IndexPart part;
                part.column = c;
                i.parts << part;
            }
            return i;
        };
        auto fk = [](const QString &name, const QString &column) {
            ForeignKey f;
            f.name = name;
            f.columns = {column};
            f.refTable = QStringLiteral("p");
            f.refColumns = {QStringLiteral("id")};
            return f;
        };
        Table p;
        p.name = QStringLiteral("p");
        p.columns << col(QStringLiteral("id"), QStringLiteral("integer"), false);
        p.primaryKey = PrimaryKey{QString(), {QStringLiteral("id")}};
        Table c;
        c.name = QStringLiteral("c");
        for (const char *n : {"id", "p_id", "q_id", "r_id", "a"})
            c.columns << col(QString::fromLatin1(n), QStringLiteral("integer"));
        c.foreignKeys << fk(QStringLiteral("fk_p"), QStringLiteral("p_id")) << fk(QStringLiteral("fk_q"), QStringLiteral("q_id"))
                      << fk(QStringLiteral("fk_r"), QStringLiteral("r_id"));
        c.indexes << index(QStringLiteral("fk_p"), {QStringLiteral("p_id")})                     // InnoDB's own: left out
                  << index(QStringLiteral("fk_q"), {QStringLiteral("q_id")})                     // another index starts with q_id:
                  << index(QStringLiteral("ix_q_a"), {QStringLiteral("q_id"), QStringLiteral("a")})   // InnoDB would have dropped its own
                  << index(QStringLiteral("fk_r"), {QStringLiteral("r_id"), QStringLiteral("a")}); // not exactly the key's columns
        Schema s;
        s.tables << p << c;
        auto indexNames = [](const Schema &schema) {
            auto m = ModelsFile::parse(ModelsFile::write(schema), QStringLiteral("t"));
            QStringList names;
            if (m)
                for (const Index &i : m->schema().table(QStringLiteral("c"))->indexes)
                    names << i.name;
            return names;
        };
        s.dialect = Dialect::MySQL;
        QCOMPARE(indexNames(s), (QStringList{QStringLiteral("fk_q"), QStringLiteral("fk_r"), QStringLiteral("ix_q_a")}));
        // Elsewhere an index by a key's name is an index someone made.
        s.dialect = Dialect::PostgreSQL;
        QCOMPARE(indexNames(s), (QStringList{QStringLiteral("fk_p"), QStringLiteral("fk_q"), QStringLiteral("fk_r"), QStringLiteral("ix_q_a")}));
    }

    void fuzzNeverCrashes()
    {
        const QByteArray seed = docsExample();
        QVERIFY(!seed.isEmpty());
        static const QRegularExpression loc(QStringLiteral("^m\\.yaml:\\d+"));
        static const char pieces[] = "-:#[]{},'\"|>!&*?\n \\()0aZ";
        QRandomGenerator rng(42);
        int ok = 0, failed = 0;
        for (int i = 0; i < 1500; ++i) {
            QByteArray text;
            if (i % 10 == 0) {
                const int len = rng.bounded(300);
                for (int j = 0; j < len; ++j)
                    text += char(rng.bounded(256));
            } else if (i % 3 == 0) {
                text = seed.left(rng.bounded(int(seed.size()) + 1));
            } else {
                text = seed;
                const int edits = rng.bounded(1, 4);
                for (int e = 0; e < edits; ++e) {
                    const int at = rng.bounded(int(text.size()));
                    switch (rng.bounded(4)) {
                    case 0: text.remove(at, rng.bounded(1, 20)); break;
                    case 1: text.insert(at, pieces[rng.bounded(int(sizeof(pieces) - 1))]); break;
                    case 2: text[at] = pieces[rng.bounded(int(sizeof(pieces) - 1))]; break;
                    default: text.insert(at, text.mid(rng.bounded(int(text.size())), rng.bounded(1, 40))); break;
                    }
                }
            }
            const auto m = ModelsFile::parse(text, QStringLiteral("m.yaml"));
            if (!m) {
                ++failed;
                QVERIFY2(loc.match(m.error().location()).hasMatch(), qPrintable(m.error().toString()));
                continue;
            }
            ++ok;
            // Whatever was accepted survives write/parse.
            const auto again = ModelsFile::parse(ModelsFile::write(m->schema()), QStringLiteral("again.yaml"));
            QVERIFY2(again, qPrintable(again ? QString() : again.error().toString() + u'\n' + QString::fromUtf8(text)));
            QVERIFY2(again->schema() == m->schema(), text.constData());
        }
        QVERIFY2(ok > 50 && failed > 50, qPrintable(QStringLiteral("ok %1, failed %2").arg(ok).arg(failed)));
    }
};

QTEST_GUILESS_MAIN(TestModelsFile)
#include "tst_modelsfile.moc"
