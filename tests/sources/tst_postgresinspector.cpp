// covet-test-labels: engine postgres
#include "postgresinspectorfixture.h"

using namespace covet;
using namespace covet::test;

class TstPostgresInspector : public PostgresInspectorFixture
{
    Q_OBJECT

private slots:
    void init()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        m_serverUrl = url;
        COVET_SCRATCH_DB(db, Dialect::PostgreSQL, url);
        m_db = std::move(db);
    }
    void cleanup() { m_db.reset(); }

    void compositePrimaryAndForeignKeys()
    {
        RUN_SQL(QStringLiteral(
            "CREATE TABLE parent (a int, b text, c int UNIQUE,\n"
            "  CONSTRAINT parent_pk PRIMARY KEY (a, b), CONSTRAINT parent_c_positive CHECK (c > 0 AND c < 1000));\n"
            "CREATE TABLE child (id int PRIMARY KEY, pa int, pb text,\n"
            "  CONSTRAINT child_parent_fk FOREIGN KEY (pb, pa) REFERENCES parent (b, a)\n"
            "    ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,\n"
            "  CONSTRAINT child_plain_fk FOREIGN KEY (pa, pb) REFERENCES parent (a, b),\n"
            "  CONSTRAINT child_pb_uq UNIQUE (pb, pa));\n"));
        INSPECT(s);
        QCOMPARE(s.dialect, Dialect::PostgreSQL);
        QCOMPARE(s.tables.size(), 2);
        const Table *parent = s.table(QStringLiteral("parent"));
        QVERIFY(parent);
        QVERIFY(parent->primaryKey);
        QCOMPARE(*parent->primaryKey, (PrimaryKey{QStringLiteral("parent_pk"), list({u"a", u"b"})}));
        QCOMPARE(parent->uniques, QList<UniqueConstraint>({{QStringLiteral("parent_c_key"), list({u"c"})}}));
        QCOMPARE(parent->checks, QList<Check>({{QStringLiteral("parent_c_positive"), QStringLiteral("c > 0 AND c < 1000")}}));
        QVERIFY2(parent->indexes.isEmpty(), "indexes backing constraints are not listed as indexes");
        QCOMPARE(parent->column(QStringLiteral("a"))->nullable, false);
        QCOMPARE(parent->column(QStringLiteral("c"))->nullable, true);
        QCOMPARE(parent->column(QStringLiteral("b"))->type.kind(), SqlType::Kind::Text);

        const Table *child = s.table(QStringLiteral("child"));
        QVERIFY(child);
        QCOMPARE(child->foreignKeys.size(), 2);
        const ForeignKey &fk = child->foreignKeys.at(0);   // canonical order: by name
        QCOMPARE(fk.name, QStringLiteral("child_parent_fk"));
        QCOMPARE(fk.columns, list({u"pb", u"pa"}));
        QCOMPARE(fk.refSchema, QString());
        QCOMPARE(fk.refTable, QStringLiteral("parent"));
        QCOMPARE(fk.refColumns, list({u"b", u"a"}));
        QCOMPARE(fk.onDelete, ForeignKey::Action::Cascade);
        QCOMPARE(fk.onUpdate, ForeignKey::Action::SetNull);
        QVERIFY(fk.deferrable);
        QVERIFY(fk.initiallyDeferred);
        const ForeignKey &plain = child->foreignKeys.at(1);
        QCOMPARE(plain.columns, list({u"pa", u"pb"}));
        QCOMPARE(plain.onDelete, ForeignKey::Action::NoAction);
        QVERIFY(!plain.deferrable);
        QCOMPARE(child->uniques, QList<UniqueConstraint>({{QStringLiteral("child_pb_uq"), list({u"pb", u"pa"})}}));
        QVERIFY2(child->triggers.isEmpty(), "internal foreign key triggers are not user triggers");
        QCOMPARE(child->columns.size(), 3);
        QCOMPARE(child->columns.at(0).name, QStringLiteral("id"));
        QCOMPARE(child->columns.at(2).name, QStringLiteral("pb"));
        VERIFY_ROUND_TRIP(s);
    }

    void partialAndExpressionIndexes()
    {
        RUN_SQL(QStringLiteral(
            "CREATE TABLE users (id int PRIMARY KEY, email text, name text, active bool, tags text[], created timestamptz);\n"
            "CREATE UNIQUE INDEX users_email_lower ON users (lower(email));\n"
            "CREATE INDEX users_active_name ON users (name DESC, id) WHERE active AND email IS NOT NULL;\n"
            "CREATE INDEX users_tags_gin ON users USING gin (tags);\n"
            "CREATE INDEX users_mixed ON users (name, (id + 1), created DESC NULLS LAST);\n"
            "CREATE INDEX users_hash ON users USING hash (email);\n"
            "ALTER TABLE users DROP COLUMN active;\n"   // drops the partial index with it; attnums get a gap
            "CREATE INDEX users_created ON users (created) WHERE created > '2020-01-01';\n"));
        INSPECT(s);
        const Table *t = s.table(QStringLiteral("users"));
        QVERIFY(t);
        QCOMPARE(t->columns.size(), 5);
        QCOMPARE(t->indexes.size(), 5);
        const Index *lower = t->index(QStringLiteral("users_email_lower"));
        QVERIFY(lower);
        QVERIFY(lower->unique);
        QCOMPARE(lower->parts.size(), 1);
        QCOMPARE(lower->parts.at(0).expression, QStringLiteral("lower(email)"));
        QVERIFY(lower->parts.at(0).isExpression());
        QCOMPARE(lower->method, QString());

        const Index *mixed = t->index(QStringLiteral("users_mixed"));
        QVERIFY(mixed);
        QVERIFY(!mixed->unique);
        QCOMPARE(mixed->parts.size(), 3);
        QCOMPARE(mixed->parts.at(0).column, QStringLiteral("name"));
        QCOMPARE(mixed->parts.at(1).expression, QStringLiteral("id + 1"));
        QCOMPARE(mixed->parts.at(2).column, QStringLiteral("created"));
        QVERIFY(mixed->parts.at(2).descending);
        QVERIFY(!mixed->parts.at(0).descending);

        const Index *gin = t->index(QStringLiteral("users_tags_gin"));
        QVERIFY(gin);
        QCOMPARE(gin->method, QStringLiteral("gin"));
        QCOMPARE(gin->parts.at(0).column, QStringLiteral("tags"));
        QCOMPARE(t->index(QStringLiteral("users_hash"))->method, QStringLiteral("hash"));

        const Index *partial = t->index(QStringLiteral("users_created"));
        QVERIFY(partial);
        QCOMPARE(partial->where, QStringLiteral("created > '2020-01-01 00:00:00+00'::timestamp with time zone"));
        QCOMPARE(partial->parts.at(0).column, QStringLiteral("created"));
        VERIFY_ROUND_TRIP(s);

        // A partial index with a DESC column on a table without gaps.
        RUN_SQL(QStringLiteral("CREATE TABLE p (a int, b bool);\nCREATE INDEX p_a ON p (a DESC) WHERE b;\n"));
        INSPECT(s2);
        const Index *pa = s2.table(QStringLiteral("p"))->index(QStringLiteral("p_a"));
        QVERIFY(pa);
        QCOMPARE(pa->where, QStringLiteral("b"));
        QVERIFY(pa->parts.at(0).descending);
    }

    void generatedColumns()
    {
        RUN_SQL(QStringLiteral(
            "CREATE TABLE g (a int, b int GENERATED ALWAYS AS (a * 2) STORED, c text DEFAULT 'x',\n"
            "  full_name text GENERATED ALWAYS AS (c || ' ' || (a)::text) STORED);\n"));
        INSPECT(s);
        const Table *t = s.table(QStringLiteral("g"));
        QVERIFY(t);
        const Column *b = t->column(QStringLiteral("b"));
        QVERIFY(b->isGenerated());
        QCOMPARE(b->generatedExpr, QStringLiteral("a * 2"));
        QVERIFY(b->generatedStored);
        QVERIFY(!b->defaultExpr);
        QCOMPARE(t->column(QStringLiteral("full_name"))->generatedExpr, QStringLiteral("(c || ' '::text) || (a)::text"));
        QVERIFY(!t->column(QStringLiteral("a"))->isGenerated());
        QCOMPARE(t->column(QStringLiteral("c"))->defaultExpr, std::optional<QString>(QStringLiteral("'x'::text")));
        VERIFY_ROUND_TRIP(s);
    }

    void identityAndSerial()
    {
        RUN_SQL(QStringLiteral(
            "CREATE SEQUENCE free_seq;\n"
            "CREATE TABLE ids (a int GENERATED ALWAYS AS IDENTITY, b bigint GENERATED BY DEFAULT AS IDENTITY,\n"
            "  c serial, d bigserial, e int DEFAULT nextval('free_seq'), f smallserial);\n"
            "CREATE SCHEMA s2;\n"
            "CREATE TABLE s2.\"Mixed Case\" (id serial PRIMARY KEY);\n"));
        INSPECT(s);
        const Table *t = s.table(QStringLiteral("ids"));
        QVERIFY(t);
        QCOMPARE(t->column(QStringLiteral("a"))->identity, Column::Identity::Always);
        QCOMPARE(t->column(QStringLiteral("a"))->type.kind(), SqlType::Kind::Integer);
        QVERIFY(!t->column(QStringLiteral("a"))->defaultExpr);
        QCOMPARE(t->column(QStringLiteral("b"))->identity, Column::Identity::ByDefault);
        QCOMPARE(t->column(QStringLiteral("b"))->type.kind(), SqlType::Kind::BigInt);
        const Column *c = t->column(QStringLiteral("c"));
        QCOMPARE(c->identity, Column::Identity::AutoIncrement);
        QCOMPARE(c->type.kind(), SqlType::Kind::Integer);
        QVERIFY2(!c->defaultExpr, "the nextval default of a serial column is implied by its identity");
        QCOMPARE(c->nullable, false);
        QCOMPARE(t->column(QStringLiteral("d"))->identity, Column::Identity::AutoIncrement);
        QCOMPARE(t->column(QStringLiteral("d"))->type.kind(), SqlType::Kind::BigInt);
        QCOMPARE(t->column(QStringLiteral("f"))->identity, Column::Identity::AutoIncrement);
        QCOMPARE(t->column(QStringLiteral("f"))->type.kind(), SqlType::Kind::SmallInt);
        const Column *e = t->column(QStringLiteral("e"));
        QCOMPARE(e->identity, Column::Identity::None);
        QCOMPARE(e->defaultExpr, std::optional<QString>(QStringLiteral("nextval('free_seq'::regclass)")));
        // A serial in another schema with a name that needs quoting.
        const Table *mixed = s.table(QStringLiteral("Mixed Case"), QStringLiteral("s2"));
        QVERIFY(mixed);
        QCOMPARE(mixed->column(QStringLiteral("id"))->identity, Column::Identity::AutoIncrement);
        QVERIFY(!mixed->column(QStringLiteral("id"))->defaultExpr);
        VERIFY_ROUND_TRIP(s);
    }

    void enumsAndArrays()
    {
        RUN_SQL(QStringLiteral(
            "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n"
            "CREATE SCHEMA other;\n"
            "CREATE TYPE other.level AS ENUM ('low', 'it''s high');\n"));
        RUN_SQL(QStringLiteral("ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok'"));
        RUN_SQL(QStringLiteral(
            "CREATE TABLE e (m mood NOT NULL DEFAULT 'ok', ms mood[], lv other.level, ints int[], grid text[][],\n"
            "  nums numeric(10,2)[], ts timestamp(3) without time zone, v varchar(40), u uuid, j jsonb);\n"));
        INSPECT(s);
        QCOMPARE(s.enums.size(), 2);
        QCOMPARE(s.enums.at(0), (EnumType{QString(), QStringLiteral("mood"), list({u"sad", u"meh", u"ok", u"happy"})}));
        QCOMPARE(s.enums.at(1), (EnumType{QStringLiteral("other"), QStringLiteral("level"), list({u"low", u"it's high"})}));
        QCOMPARE(s.namespaces, list({u"other"}));
        const Table *t = s.table(QStringLiteral("e"));
        QVERIFY(t);
        const Column *m = t->column(QStringLiteral("m"));
        QCOMPARE(m->type.kind(), SqlType::Kind::Enum);
        QCOMPARE(m->type.enumName(), QStringLiteral("mood"));
        QCOMPARE(m->type.enumValues(), list({u"sad", u"meh", u"ok", u"happy"}));
        QCOMPARE(m->type.arrayDimensions(), 0);
        QCOMPARE(m->defaultExpr, std::optional<QString>(QStringLiteral("'ok'::mood")));
        QCOMPARE(m->nullable, false);
        const Column *ms = t->column(QStringLiteral("ms"));
        QCOMPARE(ms->type.kind(), SqlType::Kind::Enum);
        QCOMPARE(ms->type.enumName(), QStringLiteral("mood"));
        QCOMPARE(ms->type.arrayDimensions(), 1);
        const Column *lv = t->column(QStringLiteral("lv"));
        QCOMPARE(lv->type.kind(), SqlType::Kind::Enum);
        QCOMPARE(lv->type.enumName(), QStringLiteral("other.level"));
        QCOMPARE(lv->type.enumValues(), list({u"low", u"it's high"}));
        QCOMPARE(t->column(QStringLiteral("ints"))->type.kind(), SqlType::Kind::Integer);
        QCOMPARE(t->column(QStringLiteral("ints"))->type.arrayDimensions(), 1);
        QCOMPARE(t->column(QStringLiteral("grid"))->type.kind(), SqlType::Kind::Text);
        QCOMPARE(t->column(QStringLiteral("grid"))->type.arrayDimensions(), 2);
        const SqlType nums = t->column(QStringLiteral("nums"))->type;
        QCOMPARE(nums.kind(), SqlType::Kind::Decimal);
        QCOMPARE(nums.precision(), 10);
        QCOMPARE(nums.scale(), 2);
        QCOMPARE(nums.arrayDimensions(), 1);
        QCOMPARE(t->column(QStringLiteral("ts"))->type.kind(), SqlType::Kind::Timestamp);
        QCOMPARE(t->column(QStringLiteral("ts"))->type.precision(), 3);
        QCOMPARE(t->column(QStringLiteral("v"))->type, SqlType::fromDialect(Dialect::PostgreSQL, QStringLiteral("character varying(40)")));
        QCOMPARE(t->column(QStringLiteral("v"))->type.length(), 40);
        QCOMPARE(t->column(QStringLiteral("u"))->type.kind(), SqlType::Kind::Uuid);
        QCOMPARE(t->column(QStringLiteral("j"))->type.kind(), SqlType::Kind::Jsonb);
        VERIFY_ROUND_TRIP(s);
    }

    void multipleSchemas()
    {
        RUN_SQL(QStringLiteral(
            "CREATE TABLE customers (id int PRIMARY KEY, name text);\n"
            "CREATE SCHEMA sales;\n"
            "CREATE TABLE sales.orders (id int PRIMARY KEY, customer_id int, note text,\n"
            "  CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES public.customers (id) ON DELETE RESTRICT);\n"
            "CREATE TABLE sales.customers (id int PRIMARY KEY, region text);\n"
            "CREATE TABLE order_notes (order_id int REFERENCES sales.orders (id), body text);\n"
            "CREATE VIEW sales.big_orders AS SELECT id FROM sales.orders WHERE id > 100;\n"
            "CREATE SCHEMA empty_one;\n"));
        int count = 0;
        INSPECT(s, {}, &count);
        QCOMPARE(s.namespaces, list({u"empty_one", u"sales"}));
        QCOMPARE(s.tables.size(), 4);
        QVERIFY(s.table(QStringLiteral("customers")));
        QVERIFY(s.table(QStringLiteral("customers"), QStringLiteral("sales")));
        QCOMPARE(s.table(QStringLiteral("customers"), QStringLiteral("sales"))->columns.at(1).name, QStringLiteral("region"));
        const Table *orders = s.table(QStringLiteral("orders"), QStringLiteral("sales"));
        QVERIFY(orders);
        QCOMPARE(orders->foreignKeys.size(), 1);
        const ForeignKey &fk = orders->foreignKeys.first();
        QCOMPARE(fk.refSchema, QString());
        QCOMPARE(fk.refTable, QStringLiteral("customers"));
        QCOMPARE(fk.refColumns, list({u"id"}));
        QCOMPARE(fk.onDelete, ForeignKey::Action::Restrict);
        const ForeignKey &back = s.table(QStringLiteral("order_notes"))->foreignKeys.first();
        QCOMPARE(back.refSchema, QStringLiteral("sales"));
        QCOMPARE(back.refTable, QStringLiteral("orders"));
        QCOMPARE(s.views.size(), 1);
        QCOMPARE(s.views.first().schema, QStringLiteral("sales"));
        VERIFY_ROUND_TRIP(s);

        // Only the sales schema: the foreign key into public still resolves
        // (one extra query reads the referenced columns).
        InspectOptions salesOnly;
        salesOnly.schemas = list({u"sales"});
        int filteredCount = 0;
        INSPECT(sales, salesOnly, &filteredCount);
        QCOMPARE(sales.tables.size(), 2);
        for (const Table &t : sales.tables)
            QCOMPARE(t.schema, QStringLiteral("sales"));
        QCOMPARE(sales.namespaces, list({u"sales"}));
        QCOMPARE(sales.table(QStringLiteral("orders"), QStringLiteral("sales"))->foreignKeys.first(), fk);
        QCOMPARE(sales.views.size(), 1);
        QCOMPARE(filteredCount, count + 1);

        InspectOptions publicOnly;
        publicOnly.schemas = list({u"public"});
        INSPECT(pub, publicOnly);
        QCOMPARE(pub.tables.size(), 2);
        QVERIFY(pub.namespaces.isEmpty());
        QCOMPARE(pub.table(QStringLiteral("order_notes"))->foreignKeys.first().refColumns, list({u"id"}));
        QVERIFY(pub.views.isEmpty());

        // With search_path = sales, sales becomes the default namespace.
        auto conn = Connection::open(m_db->urlString() + QStringLiteral("?schema=sales"), QStringLiteral("pg-sales"));
        QVERIFY2(conn, qPrintable(conn ? QString() : conn.error().toString()));
        SqlExecutor ex((*conn)->database(), Dialect::PostgreSQL);
        auto other = PostgresInspector().inspect(ex);
        QVERIFY2(other, qPrintable(other ? QString() : other.error().toString()));
        QCOMPARE(other->namespaces, list({u"empty_one", u"public"}));
        const Table *defaultOrders = other->table(QStringLiteral("orders"));
        QVERIFY(defaultOrders);
        QCOMPARE(defaultOrders->foreignKeys.first().refSchema, QStringLiteral("public"));
        QVERIFY(other->table(QStringLiteral("customers"), QStringLiteral("public")));
        QCOMPARE(other->table(QStringLiteral("order_notes"), QStringLiteral("public"))->foreignKeys.first().refSchema, QString());
    }

    void viewsMaterializedViewsAndTriggers()
    {
        RUN_SQL(QStringLiteral(
            "CREATE TABLE items (id int PRIMARY KEY, price numeric(10,2), updated timestamptz);\n"
            "CREATE VIEW cheap_items AS SELECT id, price FROM items WHERE price < 10;\n"
            "CREATE MATERIALIZED VIEW item_totals AS SELECT count(*) AS n FROM items;\n"
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n  NEW.updated := now();\n  RETURN NEW;\nEND;\n$$;\n"
            "CREATE FUNCTION log_it() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;\n"
            "CREATE TRIGGER items_touch BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();\n"
            "CREATE TRIGGER items_log AFTER DELETE OR TRUNCATE ON items FOR EACH STATEMENT EXECUTE FUNCTION log_it('a''b', 'EXECUTE FUNCTION x');\n"
            "CREATE TRIGGER items_when AFTER UPDATE OF price ON items FOR EACH ROW WHEN (OLD.price IS DISTINCT FROM NEW.price) EXECUTE FUNCTION log_it();\n"));
        INSPECT(s);
        QCOMPARE(s.views.size(), 2);
        const View *cheap = s.view(QStringLiteral("cheap_items"));
        QVERIFY(cheap);
        QVERIFY(!cheap->materialized);
        QVERIFY2(cheap->definition.startsWith(QLatin1String("SELECT")), qPrintable(cheap->definition));
        QVERIFY2(cheap->definition.contains(QLatin1String("price < 10")), qPrintable(cheap->definition));
        QVERIFY(!cheap->definition.endsWith(u';'));
        const View *totals = s.view(QStringLiteral("item_totals"));
        QVERIFY(totals);
        QVERIFY(totals->materialized);
        QVERIFY(totals->definition.contains(QLatin1String("count(*)")));
        QVERIFY2(!s.table(QStringLiteral("item_totals")), "a materialized view is not a table");

        const Table *items = s.table(QStringLiteral("items"));
        QVERIFY(items);
        QCOMPARE(items->triggers.size(), 3);
        const Trigger &log = items->triggers.at(0);      // sorted by name
        QCOMPARE(log.name, QStringLiteral("items_log"));
        QCOMPARE(log.timing, QStringLiteral("AFTER"));
        QCOMPARE(log.events, list({u"DELETE", u"TRUNCATE"}));
        QVERIFY(!log.forEachRow);
        QCOMPARE(log.body, QStringLiteral("EXECUTE FUNCTION log_it('a''b', 'EXECUTE FUNCTION x')"));
        const Trigger &touch = items->triggers.at(1);
        QCOMPARE(touch.name, QStringLiteral("items_touch"));
        QCOMPARE(touch.timing, QStringLiteral("BEFORE"));
        QCOMPARE(touch.events, list({u"INSERT", u"UPDATE"}));
        QVERIFY(touch.forEachRow);
        QCOMPARE(touch.body, QStringLiteral("EXECUTE FUNCTION touch()"));
        QCOMPARE(touch.definition,
                 QStringLiteral("CREATE TRIGGER items_touch BEFORE INSERT OR UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION touch()"));
        const Trigger &when = items->triggers.at(2);
        QCOMPARE(when.events, list({u"UPDATE"}));
        QCOMPARE(when.body, QStringLiteral("EXECUTE FUNCTION log_it()"));
        QVERIFY2(when.definition.contains(QLatin1String("WHEN ((old.price IS DISTINCT FROM new.price))")), qPrintable(when.definition));
        VERIFY_ROUND_TRIP(s);
    }

    void defaultsCommentsAndCollations()
    {
        RUN_SQL(QStringLiteral(
            "CREATE TABLE d (id int PRIMARY KEY, status text NOT NULL DEFAULT 'new', created timestamptz DEFAULT now(),\n"
            "  qty int DEFAULT 0, ratio double precision DEFAULT 0.5, flag boolean DEFAULT true,\n"
            "  code text COLLATE \"C\", plain text COLLATE \"default\", label varchar(20) COLLATE \"POSIX\");\n"
            "COMMENT ON TABLE d IS 'Delivery notes; 表';\n"
            "COMMENT ON COLUMN d.status IS 'Workflow state, see \"docs\"';\n"));
        INSPECT(s);
        const Table *t = s.table(QStringLiteral("d"));
        QVERIFY(t);
        QCOMPARE(t->comment, QStringLiteral("Delivery notes; 表"));
        QCOMPARE(t->column(QStringLiteral("status"))->comment, QStringLiteral("Workflow state, see \"docs\""));
        QCOMPARE(t->column(QStringLiteral("id"))->comment, QString());
        QCOMPARE(t->column(QStringLiteral("status"))->defaultExpr, std::optional<QString>(QStringLiteral("'new'::text")));
        QCOMPARE(t->column(QStringLiteral("created"))->defaultExpr, std::optional<QString>(QStringLiteral("now()")));
        QCOMPARE(t->column(QStringLiteral("qty"))->defaultExpr, std::optional<QString>(QStringLiteral("0")));
        QCOMPARE(t->column(QStringLiteral("ratio"))->defaultExpr, std::optional<QString>(QStringLiteral("0.5")));
        QCOMPARE(t->column(QStringLiteral("flag"))->defaultExpr, std::optional<QString>(QStringLiteral("true")));
        QVERIFY(!t->column(QStringLiteral("code"))->defaultExpr);
        QCOMPARE(t->column(QStringLiteral("code"))->collation, QStringLiteral("C"));
        QCOMPARE(t->column(QStringLiteral("label"))->collation, QStringLiteral("POSIX"));
        QCOMPARE(t->column(QStringLiteral("plain"))->collation, QString());
        QCOMPARE(t->column(QStringLiteral("status"))->collation, QString());
        VERIFY_ROUND_TRIP(s);

        // Altering a column rewrites its pg_attribute row, so catalog rows
        // come back out of attnum order: columns still follow attnum order.
        RUN_SQL(QStringLiteral("CREATE TABLE o (a int, b int, c int, d int);\n"
                               "CREATE TABLE o2 (x int);\n"
                               "ALTER TABLE o ALTER COLUMN a SET DEFAULT 5;\n"
                               "ALTER TABLE o ALTER COLUMN b SET NOT NULL;\n"
                               "ALTER TABLE o ADD COLUMN e int;\n"
                               "ALTER TABLE o DROP COLUMN c;\n"));
        INSPECT(s2);
        const Table *o = s2.table(QStringLiteral("o"));
        QVERIFY(o);
        QStringList names;
        for (const Column &c : o->columns)
            names << c.name;
        QCOMPARE(names, list({u"a", u"b", u"d", u"e"}));
        QCOMPARE(o->columns.at(0).defaultExpr, std::optional<QString>(QStringLiteral("5")));
        QVERIFY(!o->columns.at(1).nullable);
    }

    void covetTablesExcluded()
    {
        RUN_SQL(QStringLiteral(
            "CREATE TABLE _covet_migrations (id text PRIMARY KEY, checksum text);\n"
            "CREATE TABLE _covet_migration_audit (id serial PRIMARY KEY, migration text REFERENCES _covet_migrations (id));\n"
            "CREATE TABLE app (id int PRIMARY KEY, migration text REFERENCES _covet_migrations (id));\n"
            "CREATE TABLE covet_like (id int);\n"));
        INSPECT(s);
        QCOMPARE(s.tables.size(), 2);
        QVERIFY(s.table(QStringLiteral("app")));
        QVERIFY(s.table(QStringLiteral("covet_like")));
        // A user table may still reference a Covet table.
        QCOMPARE(s.table(QStringLiteral("app"))->foreignKeys.first().refTable, QStringLiteral("_covet_migrations"));
        QCOMPARE(s.table(QStringLiteral("app"))->foreignKeys.first().refColumns, list({u"id"}));

        InspectOptions all;
        all.includeCovetTables = true;
        INSPECT(withCovet, all);
        QCOMPARE(withCovet.tables.size(), 4);
        const Table *audit = withCovet.table(QStringLiteral("_covet_migration_audit"));
        QVERIFY(audit);
        QCOMPARE(audit->foreignKeys.first().refTable, QStringLiteral("_covet_migrations"));
    }
};

QTEST_GUILESS_MAIN(TstPostgresInspector)
#include "tst_postgresinspector.moc"
