// covet-test-labels: engine mysql
#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "schema/schemajson.h"
#include "sources/mysqlinspector.h"
#include "sql/identifierquoter.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>

using namespace covet;

namespace {

QString q(const QString &identifier)
{
    return IdentifierQuoter::quote(Dialect::MySQL, identifier);
}

QStringList names(std::initializer_list<const char16_t *> list)
{
    QStringList out;
    for (const char16_t *s : list)
        out << QString::fromUtf16(s);
    return out;
}

} // namespace

// Runs a fixture script; fails the test on error.
#define RUN(db, script)                                                    \
    do {                                                                   \
        QString runError;                                                  \
        QVERIFY2(run(*(db), (script), &runError), qPrintable(runError));   \
    } while (false)

#define INSPECT(var, db)                                                   \
    auto var##_result = inspect(*(db));                                    \
    QVERIFY2(var##_result, qPrintable(var##_result ? QString() : var##_result.error().toString())); \
    const Schema &var = *var##_result;                                     \
    QVERIFY2(survivesJson(var), "schema does not survive JSON round trip")

class TstMysqlInspector : public QObject
{
    Q_OBJECT

private:
    // Inspects the scratch database; fails the test (via the returned error
    // text) when inspection fails.
    static Result<Schema> inspect(test::ScratchDatabase &db, int *statements = nullptr, const InspectOptions &options = {},
                                  const ProgressSink *progress = nullptr)
    {
        SqlExecutor ex(db.connection().database(), Dialect::MySQL);
        MysqlInspector inspector;
        auto schema = inspector.inspect(ex, options, progress);
        if (statements)
            *statements = ex.statementCount();
        return schema;
    }

    static bool run(test::ScratchDatabase &db, const QString &script, QString *error)
    {
        return db.execScript(script, error);
    }

    // Every inspected schema must survive canonical JSON unchanged.
    static bool survivesJson(const Schema &s)
    {
        auto back = SchemaJson::fromJson(SchemaJson::toJson(s));
        return back && *back == s;
    }

private slots:
    void compositeKeysAndForeignKeys()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral(
            "CREATE TABLE parent (a INT NOT NULL, b VARCHAR(20) NOT NULL, PRIMARY KEY (a, b));\n"
            "CREATE TABLE child (id INT NOT NULL, pa INT, pb VARCHAR(20), other INT,\n"
            "  PRIMARY KEY (id),\n"
            "  CONSTRAINT fk_child_parent FOREIGN KEY (pa, pb) REFERENCES parent (a, b) ON DELETE CASCADE ON UPDATE SET NULL,\n"
            "  CONSTRAINT fk_child_self FOREIGN KEY (other) REFERENCES child (id));\n"));
        INSPECT(s, db);
        QCOMPARE(s.dialect, std::optional<Dialect>(Dialect::MySQL));
        QCOMPARE(s.tables.size(), 2);
        const Table *parent = s.table(QStringLiteral("parent"));
        QVERIFY(parent);
        QCOMPARE(parent->schema, QString());
        QVERIFY(parent->primaryKey);
        QCOMPARE(parent->primaryKey->name, QString());
        QCOMPARE(parent->primaryKey->columns, names({u"a", u"b"}));
        QVERIFY(parent->indexes.isEmpty());   // PRIMARY is the primary key, not an index

        const Table *child = s.table(QStringLiteral("child"));
        QVERIFY(child);
        QCOMPARE(child->foreignKeys.size(), 2);
        const ForeignKey &fk = child->foreignKeys.at(0);
        QCOMPARE(fk.name, QStringLiteral("fk_child_parent"));
        QCOMPARE(fk.columns, names({u"pa", u"pb"}));
        QCOMPARE(fk.refSchema, QString());
        QCOMPARE(fk.refTable, QStringLiteral("parent"));
        QCOMPARE(fk.refColumns, names({u"a", u"b"}));
        QCOMPARE(fk.onDelete, ForeignKey::Action::Cascade);
        QCOMPARE(fk.onUpdate, ForeignKey::Action::SetNull);
        const ForeignKey &self = child->foreignKeys.at(1);
        QCOMPARE(self.refTable, QStringLiteral("child"));
        QCOMPARE(self.columns, names({u"other"}));
        // No action given: MariaDB reports RESTRICT, MySQL 8 NO ACTION (the same in InnoDB).
        QVERIFY(self.onDelete == ForeignKey::Action::Restrict || self.onDelete == ForeignKey::Action::NoAction);
        // The indexes InnoDB created for the foreign keys are listed like any other.
        QVERIFY(child->index(QStringLiteral("fk_child_parent")));
        QCOMPARE(child->index(QStringLiteral("fk_child_parent"))->columnNames(), names({u"pa", u"pb"}));
    }

    void typesUnsignedBooleanEnum()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral(
            "CREATE TABLE ty (u INT UNSIGNED, bu BIGINT UNSIGNED NOT NULL, flag TINYINT(1), ti TINYINT, tu TINYINT UNSIGNED,\n"
            "  su SMALLINT UNSIGNED, mi MEDIUMINT, d DECIMAL(10,2), dt DATETIME, dt3 DATETIME(3), ts TIMESTAMP NULL,\n"
            "  e ENUM('a','b''c'), st SET('x','y'), tt TINYTEXT, mt MEDIUMTEXT, lt LONGTEXT, tx TEXT, bl BLOB, lb LONGBLOB,\n"
            "  vc VARCHAR(100), ch CHAR(3), f FLOAT, dbl DOUBLE, dte DATE, tm TIME);\n"));
        INSPECT(s, db);
        const Table *t = s.table(QStringLiteral("ty"));
        QVERIFY(t);
        QCOMPARE(t->columns.size(), 25);
        // Ordinal order.
        QCOMPARE(t->columns.at(0).name, QStringLiteral("u"));
        QCOMPARE(t->columns.at(24).name, QStringLiteral("tm"));
        auto type = [&](const char16_t *name) { return t->column(QString::fromUtf16(name))->type; };
        QCOMPARE(type(u"u").kind(), SqlType::Kind::Integer);
        QVERIFY(type(u"u").isUnsigned());
        QCOMPARE(type(u"bu").kind(), SqlType::Kind::BigInt);
        QVERIFY(type(u"bu").isUnsigned());
        QCOMPARE(t->column(QStringLiteral("bu"))->nullable, false);
        QCOMPARE(t->column(QStringLiteral("u"))->nullable, true);
        QCOMPARE(type(u"flag").kind(), SqlType::Kind::Boolean);
        QCOMPARE(type(u"ti").kind(), SqlType::Kind::TinyInt);
        QCOMPARE(type(u"tu").kind(), SqlType::Kind::TinyInt);
        QVERIFY(type(u"tu").isUnsigned());
        QCOMPARE(type(u"su").canonicalName(), QStringLiteral("smallint unsigned"));
        QCOMPARE(type(u"mi").kind(), SqlType::Kind::MediumInt);
        QCOMPARE(type(u"d").canonicalName(), QStringLiteral("numeric(10,2)"));
        QCOMPARE(type(u"dt").kind(), SqlType::Kind::Timestamp);
        QCOMPARE(type(u"dt3").canonicalName(), QStringLiteral("timestamp(3)"));
        QCOMPARE(type(u"ts").kind(), SqlType::Kind::TimestampTz);
        QCOMPARE(type(u"e").kind(), SqlType::Kind::Enum);
        QCOMPARE(type(u"e").enumValues(), names({u"a", u"b'c"}));
        QCOMPARE(type(u"st").kind(), SqlType::Kind::Other);
        QCOMPARE(type(u"st").raw(), QStringLiteral("set('x','y')"));
        for (const char16_t *n : {u"tt", u"mt", u"lt", u"tx"})
            QCOMPARE(type(n).kind(), SqlType::Kind::Text);
        QCOMPARE(type(u"lt").raw(), QStringLiteral("longtext"));
        QCOMPARE(type(u"bl").kind(), SqlType::Kind::Blob);
        QCOMPARE(type(u"lb").kind(), SqlType::Kind::Blob);
        QCOMPARE(type(u"vc").canonicalName(), QStringLiteral("varchar(100)"));
        QCOMPARE(type(u"ch").canonicalName(), QStringLiteral("char(3)"));
        QCOMPARE(type(u"f").kind(), SqlType::Kind::Real);
        QCOMPARE(type(u"dbl").kind(), SqlType::Kind::Double);
        QCOMPARE(type(u"dte").kind(), SqlType::Kind::Date);
        QCOMPARE(type(u"tm").kind(), SqlType::Kind::Time);
        // A plain table stays plain: no per-column charset or collation.
        for (const Column &c : t->columns) {
            QVERIFY2(c.charset.isEmpty(), qPrintable(c.name));
            QVERIFY2(c.collation.isEmpty(), qPrintable(c.name));
            QVERIFY2(!c.defaultExpr, qPrintable(c.name));
        }
    }

    void charsetsAndCollations()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral(
            "CREATE TABLE cs (id INT, a VARCHAR(10), l VARCHAR(10) CHARACTER SET latin1, b VARCHAR(10) COLLATE utf8mb4_bin)\n"
            "  ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\n"
            "CREATE TABLE lat (a VARCHAR(10), u VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci)\n"
            "  ENGINE=MyISAM DEFAULT CHARSET=latin1;\n"));
        INSPECT(s, db);
        const Table *cs = s.table(QStringLiteral("cs"));
        QVERIFY(cs);
        QCOMPARE(cs->engine, QStringLiteral("InnoDB"));
        QCOMPARE(cs->charset, QStringLiteral("utf8mb4"));
        QCOMPARE(cs->collation, QStringLiteral("utf8mb4_unicode_ci"));
        QCOMPARE(cs->column(QStringLiteral("a"))->charset, QString());
        QCOMPARE(cs->column(QStringLiteral("a"))->collation, QString());
        QCOMPARE(cs->column(QStringLiteral("l"))->charset, QStringLiteral("latin1"));
        QCOMPARE(cs->column(QStringLiteral("l"))->collation, QStringLiteral("latin1_swedish_ci"));
        QCOMPARE(cs->column(QStringLiteral("b"))->charset, QString());
        QCOMPARE(cs->column(QStringLiteral("b"))->collation, QStringLiteral("utf8mb4_bin"));
        QCOMPARE(cs->column(QStringLiteral("id"))->charset, QString());

        const Table *lat = s.table(QStringLiteral("lat"));
        QVERIFY(lat);
        QCOMPARE(lat->engine, QStringLiteral("MyISAM"));
        QCOMPARE(lat->charset, QStringLiteral("latin1"));
        QCOMPARE(lat->collation, QStringLiteral("latin1_swedish_ci"));
        QCOMPARE(lat->column(QStringLiteral("a"))->charset, QString());
        QCOMPARE(lat->column(QStringLiteral("u"))->charset, QStringLiteral("utf8mb4"));
        QCOMPARE(lat->column(QStringLiteral("u"))->collation, QStringLiteral("utf8mb4_general_ci"));
    }

    void generatedAndAutoIncrement()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral(
            "CREATE TABLE g (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, price DECIMAL(8,2) NOT NULL, qty INT NOT NULL,\n"
            "  total DECIMAL(10,2) AS (price * qty) VIRTUAL,\n"
            "  total_s DECIMAL(10,2) GENERATED ALWAYS AS (price * qty) STORED);\n"));
        INSPECT(s, db);
        const Table *t = s.table(QStringLiteral("g"));
        QVERIFY(t);
        const Column *id = t->column(QStringLiteral("id"));
        QCOMPARE(id->identity, Column::Identity::AutoIncrement);
        QVERIFY(!id->defaultExpr);
        QCOMPARE(id->nullable, false);
        QCOMPARE(t->column(QStringLiteral("price"))->identity, Column::Identity::None);
        const Column *v = t->column(QStringLiteral("total"));
        QVERIFY(v->isGenerated());
        QCOMPARE(v->generatedExpr, QStringLiteral("`price` * `qty`"));
        QCOMPARE(v->generatedStored, false);
        QVERIFY(!v->defaultExpr);
        const Column *st = t->column(QStringLiteral("total_s"));
        QCOMPARE(st->generatedExpr, QStringLiteral("`price` * `qty`"));
        QCOMPARE(st->generatedStored, true);
        QVERIFY(!t->column(QStringLiteral("qty"))->isGenerated());
        QCOMPARE(t->primaryKey->columns, names({u"id"}));
    }

    void jsonColumns()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral(
            "CREATE TABLE j (id INT PRIMARY KEY, doc JSON NOT NULL, other LONGTEXT,\n"
            "  CONSTRAINT other_is_json CHECK (json_valid(other)));\n"));
        INSPECT(s, db);
        const Table *t = s.table(QStringLiteral("j"));
        QVERIFY(t);
        const Column *doc = t->column(QStringLiteral("doc"));
        QCOMPARE(doc->type.kind(), SqlType::Kind::Json);
        QCOMPARE(doc->nullable, false);
        QCOMPARE(doc->collation, QString());   // MariaDB's forced utf8mb4_bin is not reported
        QCOMPARE(doc->charset, QString());
        QCOMPARE(t->column(QStringLiteral("other"))->type.kind(), SqlType::Kind::Text);
        // The automatic json_valid(`doc`) check is dropped; the user's check stays.
        QCOMPARE(t->checks.size(), 1);
        QCOMPARE(t->checks.at(0).name, QStringLiteral("other_is_json"));
        QCOMPARE(t->checks.at(0).expression, QStringLiteral("json_valid(`other`)"));
    }

    void indexes()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral(
            "CREATE TABLE ix (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL, name VARCHAR(100), created DATETIME, body TEXT,\n"
            "  CONSTRAINT uq_email UNIQUE (email),\n"
            "  UNIQUE KEY uq_name_created (name, created),\n"
            "  KEY ix_prefix_desc (name(10), created DESC),\n"
            "  FULLTEXT KEY ft_body (body)) ENGINE=InnoDB;\n"
            "CREATE INDEX ix_created ON ix (created);\n"
            "CREATE TABLE mem (k INT, KEY hk (k) USING HASH) ENGINE=MEMORY;\n"));
        INSPECT(s, db);
        const Table *t = s.table(QStringLiteral("ix"));
        QVERIFY(t);
        // Unique constraints are unique indexes (one object in MySQL).
        QVERIFY(t->uniques.isEmpty());
        QCOMPARE(t->indexes.size(), 5);
        const Index *email = t->index(QStringLiteral("uq_email"));
        QVERIFY(email);
        QVERIFY(email->unique);
        QCOMPARE(email->columnNames(), names({u"email"}));
        QCOMPARE(email->method, QString());
        const Index *nc = t->index(QStringLiteral("uq_name_created"));
        QVERIFY(nc->unique);
        QCOMPARE(nc->columnNames(), names({u"name", u"created"}));
        const Index *pd = t->index(QStringLiteral("ix_prefix_desc"));
        QVERIFY(pd);
        QVERIFY(!pd->unique);
        QCOMPARE(pd->parts.size(), 2);
        QCOMPARE(pd->parts.at(0).column, QStringLiteral("name"));
        QCOMPARE(pd->parts.at(0).length, 10);
        QCOMPARE(pd->parts.at(0).descending, false);
        QCOMPARE(pd->parts.at(1).column, QStringLiteral("created"));
        QCOMPARE(pd->parts.at(1).length, -1);
        QCOMPARE(pd->parts.at(1).descending, true);
        QCOMPARE(t->index(QStringLiteral("ft_body"))->method, QStringLiteral("fulltext"));
        QCOMPARE(t->index(QStringLiteral("ix_created"))->parts.size(), 1);
        QVERIFY(!t->index(QStringLiteral("PRIMARY")));
        const Table *mem = s.table(QStringLiteral("mem"));
        QCOMPARE(mem->engine, QStringLiteral("MEMORY"));
        QCOMPARE(mem->index(QStringLiteral("hk"))->method, QStringLiteral("hash"));
        // The prefix length survives JSON.
        QVERIFY(SchemaJson::toCanonicalJson(s).contains("\"length\": 10"));
    }

    void checkConstraints()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral(
            "CREATE TABLE ck (qty INT CHECK (qty >= 0), lo INT, hi INT,\n"
            "  CONSTRAINT lo_below_hi CHECK (lo < hi));\n"
            "CREATE TABLE ck2 (qty INT CHECK (qty < 10));\n"));
        INSPECT(s, db);
        const Table *t = s.table(QStringLiteral("ck"));
        QVERIFY(t);
        QCOMPARE(t->checks.size(), 2);
        QCOMPARE(t->checks.at(0).name, QStringLiteral("lo_below_hi"));
        QCOMPARE(t->checks.at(0).expression, QStringLiteral("`lo` < `hi`"));
        // A column-level check (MariaDB names it after the column).
        QCOMPARE(t->checks.at(1).expression, QStringLiteral("`qty` >= 0"));
        // Same constraint name in another table stays with its own table.
        const Table *t2 = s.table(QStringLiteral("ck2"));
        QCOMPARE(t2->checks.size(), 1);
        QCOMPARE(t2->checks.at(0).expression, QStringLiteral("`qty` < 10"));
    }

    void viewsAndTriggers()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral(
            "CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2), note VARCHAR(50), updated INT DEFAULT 0);\n"
            "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100 AND note <> 'x.y';\n"
            "CREATE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW SET NEW.note = UPPER(NEW.note);\n"
            "CREATE TRIGGER orders_au AFTER UPDATE ON orders FOR EACH ROW BEGIN DECLARE x INT; SET x = 1; END;\n"));
        INSPECT(s, db);
        QCOMPARE(s.views.size(), 1);
        const View *v = s.view(QStringLiteral("big_orders"));
        QVERIFY(v);
        QCOMPARE(v->schema, QString());
        QVERIFY2(v->definition.startsWith(QLatin1String("select "), Qt::CaseInsensitive), qPrintable(v->definition));
        QVERIFY2(v->definition.contains(QLatin1String("from `orders`")), qPrintable(v->definition));
        // The scratch database's name is not baked into the definition.
        QVERIFY2(!v->definition.contains(db->url().database()), qPrintable(v->definition));
        QVERIFY(!s.table(QStringLiteral("big_orders")));   // a view is not a table

        const Table *t = s.table(QStringLiteral("orders"));
        QCOMPARE(t->triggers.size(), 2);
        const Trigger &au = t->triggers.at(0);
        QCOMPARE(au.name, QStringLiteral("orders_au"));
        QCOMPARE(au.timing, QStringLiteral("AFTER"));
        QCOMPARE(au.events, names({u"UPDATE"}));
        QVERIFY(au.forEachRow);
        QCOMPARE(au.body, QStringLiteral("BEGIN DECLARE x INT; SET x = 1; END"));
        const Trigger &bi = t->triggers.at(1);
        QCOMPARE(bi.timing, QStringLiteral("BEFORE"));
        QCOMPARE(bi.events, names({u"INSERT"}));
        QCOMPARE(bi.body, QStringLiteral("SET NEW.note = UPPER(NEW.note)"));
        QCOMPARE(bi.definition,
                 QStringLiteral("CREATE TRIGGER `orders_bi` BEFORE INSERT ON `orders` FOR EACH ROW SET NEW.note = UPPER(NEW.note)"));

        // The reconstructed definition is executable: drop and recreate it, then inspect again.
        RUN(db, QStringLiteral("DROP TRIGGER orders_bi;\n") + bi.definition + QStringLiteral(";\n"));
        INSPECT(again, db);
        QCOMPARE(again, s);
    }

    void defaults()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral(
            "CREATE TABLE d (s VARCHAR(20) DEFAULT 'abc', quoted VARCHAR(20) DEFAULT 'it''s', bs VARCHAR(20) DEFAULT 'a\\\\b',\n"
            "  empty_s VARCHAR(5) NOT NULL DEFAULT '', n INT DEFAULT 42, neg DECIMAL(6,2) DEFAULT -1.50,\n"
            "  nul VARCHAR(5) DEFAULT NULL, nn VARCHAR(5) NOT NULL, nullword VARCHAR(5) DEFAULT 'NULL',\n"
            "  ts TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, dt DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3),\n"
            "  dn DATETIME DEFAULT NOW(), dd DATE DEFAULT '2024-02-29', flag TINYINT(1) NOT NULL DEFAULT 1,\n"
            "  e ENUM('a','b') DEFAULT 'b', ex INT DEFAULT (1 + 2),\n"
            "  upd DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),\n"
            "  upd0 TIMESTAMP NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP);\n"));
        INSPECT(s, db);
        const Table *t = s.table(QStringLiteral("d"));
        QVERIFY(t);
        auto def = [&](const char16_t *name) { return t->column(QString::fromUtf16(name))->defaultExpr; };
        using Opt = std::optional<QString>;
        QCOMPARE(def(u"s"), Opt(QStringLiteral("'abc'")));
        QCOMPARE(def(u"quoted"), Opt(QStringLiteral("'it''s'")));
        QCOMPARE(def(u"bs"), Opt(QStringLiteral("'a\\\\b'")));   // the SQL literal for a\b
        QCOMPARE(def(u"empty_s"), Opt(QStringLiteral("''")));
        QCOMPARE(def(u"n"), Opt(QStringLiteral("42")));
        QCOMPARE(def(u"neg"), Opt(QStringLiteral("-1.50")));
        QCOMPARE(def(u"nul"), Opt());
        QCOMPARE(def(u"nn"), Opt());
        QCOMPARE(def(u"nullword"), Opt(QStringLiteral("'NULL'")));
        QCOMPARE(def(u"ts"), Opt(QStringLiteral("CURRENT_TIMESTAMP")));
        QCOMPARE(def(u"dt"), Opt(QStringLiteral("CURRENT_TIMESTAMP(3)")));
        QCOMPARE(def(u"dn"), Opt(QStringLiteral("CURRENT_TIMESTAMP")));
        QCOMPARE(def(u"dd"), Opt(QStringLiteral("'2024-02-29'")));
        QCOMPARE(def(u"flag"), Opt(QStringLiteral("1")));
        QCOMPARE(def(u"e"), Opt(QStringLiteral("'b'")));
        QCOMPARE(def(u"ex"), Opt(QStringLiteral("(1 + 2)")));
        QCOMPARE(t->column(QStringLiteral("upd"))->onUpdateExpr, QStringLiteral("CURRENT_TIMESTAMP(3)"));
        QCOMPARE(t->column(QStringLiteral("upd0"))->onUpdateExpr, QStringLiteral("CURRENT_TIMESTAMP"));
        QCOMPARE(t->column(QStringLiteral("ts"))->onUpdateExpr, QString());
        QCOMPARE(t->column(QStringLiteral("nul"))->nullable, true);
    }

    // MySQL 8 reports bare values (no server here runs it, so the rule is checked directly).
    void defaultsMysqlStyle()
    {
        const SqlType varchar = SqlType::fromDialect(Dialect::MySQL, QStringLiteral("varchar(10)"));
        const SqlType integer = SqlType::fromDialect(Dialect::MySQL, QStringLiteral("int"));
        const SqlType ts = SqlType::fromDialect(Dialect::MySQL, QStringLiteral("timestamp"));
        using Opt = std::optional<QString>;
        QCOMPARE(MysqlInspector::normalizeDefault(QVariant(), {}, varchar, false), Opt());
        QCOMPARE(MysqlInspector::normalizeDefault(QStringLiteral("abc"), {}, varchar, false), Opt(QStringLiteral("'abc'")));
        QCOMPARE(MysqlInspector::normalizeDefault(QStringLiteral("it's"), {}, varchar, false), Opt(QStringLiteral("'it''s'")));
        QCOMPARE(MysqlInspector::normalizeDefault(QStringLiteral("NULL"), {}, varchar, false), Opt(QStringLiteral("'NULL'")));
        QCOMPARE(MysqlInspector::normalizeDefault(QStringLiteral("42"), {}, integer, false), Opt(QStringLiteral("42")));
        QCOMPARE(MysqlInspector::normalizeDefault(QStringLiteral("42"), {}, varchar, false), Opt(QStringLiteral("'42'")));
        QCOMPARE(MysqlInspector::normalizeDefault(QStringLiteral("CURRENT_TIMESTAMP"), QStringLiteral("DEFAULT_GENERATED"), ts, false),
                 Opt(QStringLiteral("CURRENT_TIMESTAMP")));
        QCOMPARE(MysqlInspector::normalizeDefault(QStringLiteral("CURRENT_TIMESTAMP"), {}, ts, false), Opt(QStringLiteral("CURRENT_TIMESTAMP")));
        QCOMPARE(MysqlInspector::normalizeDefault(QStringLiteral("(rand() * 10)"), QStringLiteral("DEFAULT_GENERATED"), integer, false),
                 Opt(QStringLiteral("(rand() * 10)")));
        // MariaDB style: already expressions.
        QCOMPARE(MysqlInspector::normalizeDefault(QStringLiteral("NULL"), {}, varchar, true), Opt());
        QCOMPARE(MysqlInspector::normalizeDefault(QStringLiteral("'NULL'"), {}, varchar, true), Opt(QStringLiteral("'NULL'")));
        QCOMPARE(MysqlInspector::normalizeDefault(QStringLiteral("current_timestamp()"), {}, ts, true), Opt(QStringLiteral("CURRENT_TIMESTAMP")));

        QCOMPARE(MysqlInspector::stripDatabaseQualifier(QStringLiteral("select `db`.`t`.`a` AS `a`,'`db`.x' from `db`.`t` join `db2`.`u`"),
                                                        QStringLiteral("db")),
                 QStringLiteral("select `t`.`a` AS `a`,'`db`.x' from `t` join `db2`.`u`"));
        QCOMPARE(MysqlInspector::stripOuterParentheses(QStringLiteral("((a > 0))")), QStringLiteral("a > 0"));
        QCOMPARE(MysqlInspector::stripOuterParentheses(QStringLiteral("(a) > (b)")), QStringLiteral("(a) > (b)"));
        QCOMPARE(MysqlInspector::stripOuterParentheses(QStringLiteral("(a = ')(')")), QStringLiteral("a = ')('"));
        QCOMPARE(MysqlInspector::charsetOfCollation(QStringLiteral("latin1_swedish_ci")), QStringLiteral("latin1"));
        QCOMPARE(MysqlInspector::charsetOfCollation(QStringLiteral("binary")), QStringLiteral("binary"));
    }

    void comments()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral(
            "CREATE TABLE c (id INT COMMENT 'the id; it''s \"unique\"', plain INT) COMMENT 'Kunden — Müller';\n"));
        INSPECT(s, db);
        const Table *t = s.table(QStringLiteral("c"));
        QCOMPARE(t->comment, QStringLiteral("Kunden — Müller"));
        QCOMPARE(t->column(QStringLiteral("id"))->comment, QStringLiteral("the id; it's \"unique\""));
        QCOMPARE(t->column(QStringLiteral("plain"))->comment, QString());
    }

    void hostileNames()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        const QString sel = QStringLiteral("select");
        const QString order = QStringLiteral("order");
        const QString weird = QStringLiteral("we`ird \"col\"; x");
        const QString nonAscii = QStringLiteral("Müller_ß_表");
        const QString idx = QStringLiteral("idx `\"; drop");
        const QString chk = QStringLiteral("chk \"; `x");
        const QString tab = QStringLiteral("tab `\"; le");
        const QString fk = QStringLiteral("fk `\"; 表");
        const QString view = QStringLiteral("view `\"; v");
        const QString trg = QStringLiteral("trg `\"; t");
        RUN(db, QStringLiteral("CREATE TABLE %1 (%2 INT NOT NULL, %3 VARCHAR(20), %4 INT, PRIMARY KEY (%2), KEY %5 (%3(5) DESC),"
                               " CONSTRAINT %6 CHECK (%4 > 0));\n")
                    .arg(q(sel), q(order), q(weird), q(nonAscii), q(idx), q(chk))
                + QStringLiteral("CREATE TABLE %1 (%2 INT PRIMARY KEY, %3 INT, CONSTRAINT %4 FOREIGN KEY (%3) REFERENCES %5 (%6) ON DELETE SET NULL);\n")
                      .arg(q(tab), q(order), q(nonAscii), q(fk), q(sel), q(order))
                + QStringLiteral("CREATE TABLE %1 (%2 JSON);\n").arg(q(nonAscii), q(weird))
                + QStringLiteral("CREATE VIEW %1 AS SELECT %2 FROM %3;\n").arg(q(view), q(weird), q(sel))
                + QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT ON %2 FOR EACH ROW SET NEW.%3 = 1;\n").arg(q(trg), q(tab), q(nonAscii)));
        INSPECT(s, db);
        QCOMPARE(s.tables.size(), 3);
        const Table *t = s.table(sel);
        QVERIFY(t);
        QCOMPARE(t->columns.size(), 3);
        QCOMPARE(t->columns.at(1).name, weird);
        QCOMPARE(t->columns.at(2).name, nonAscii);
        QCOMPARE(t->primaryKey->columns, QStringList{order});
        const Index *i = t->index(idx);
        QVERIFY(i);
        QCOMPARE(i->parts.at(0).column, weird);
        QCOMPARE(i->parts.at(0).length, 5);
        QVERIFY(i->parts.at(0).descending);
        QCOMPARE(t->checks.size(), 1);
        QCOMPARE(t->checks.at(0).name, chk);
        QCOMPARE(t->checks.at(0).expression, q(nonAscii) + QStringLiteral(" > 0"));

        const Table *t2 = s.table(tab);
        QVERIFY(t2);
        QCOMPARE(t2->foreignKeys.size(), 1);
        QCOMPARE(t2->foreignKeys.at(0).name, fk);
        QCOMPARE(t2->foreignKeys.at(0).columns, QStringList{nonAscii});
        QCOMPARE(t2->foreignKeys.at(0).refTable, sel);
        QCOMPARE(t2->foreignKeys.at(0).refColumns, QStringList{order});
        QCOMPARE(t2->foreignKeys.at(0).onDelete, ForeignKey::Action::SetNull);
        QCOMPARE(t2->triggers.size(), 1);
        QCOMPARE(t2->triggers.at(0).name, trg);
        QCOMPARE(t2->triggers.at(0).definition,
                 QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT ON %2 FOR EACH ROW SET NEW.%3 = 1").arg(q(trg), q(tab), q(nonAscii)));

        const Table *t3 = s.table(nonAscii);
        QVERIFY(t3);
        QCOMPARE(t3->column(weird)->type.kind(), SqlType::Kind::Json);   // json_valid(`we``ird ...`) recognised
        QVERIFY(t3->checks.isEmpty());

        const View *v = s.view(view);
        QVERIFY(v);
        QVERIFY2(v->definition.contains(q(weird)), qPrintable(v->definition));
    }

    void covetTablesExcluded()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral(
            "CREATE TABLE _covet_migrations (id VARCHAR(100) PRIMARY KEY, checksum CHAR(64));\n"
            "CREATE TABLE users (id INT PRIMARY KEY);\n"));
        INSPECT(s, db);
        QCOMPARE(s.tables.size(), 1);
        QCOMPARE(s.tables.at(0).name, QStringLiteral("users"));
        InspectOptions all;
        all.includeCovetTables = true;
        auto withCovet = inspect(*db, nullptr, all);
        QVERIFY(withCovet);
        QCOMPARE(withCovet->tables.size(), 2);
        QVERIFY(withCovet->table(QStringLiteral("_covet_migrations")));
        QCOMPARE(withCovet->table(QStringLiteral("_covet_migrations"))->primaryKey->columns, names({u"id"}));
    }

    void statementCountIsFixed()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        auto createTables = [&](int from, int to) {
            QString script;
            for (int i = from; i < to; ++i) {
                script += QStringLiteral("CREATE TABLE t%1 (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT 'x',"
                                         " ref INT, amount DECIMAL(10,2), created DATETIME DEFAULT CURRENT_TIMESTAMP,"
                                         " KEY ix_t%1_name (name), CONSTRAINT ck_t%1 CHECK (amount >= 0)%2);\n")
                              .arg(i)
                              .arg(i == 0 ? QString() : QStringLiteral(", CONSTRAINT fk_t%1 FOREIGN KEY (ref) REFERENCES t0 (id)").arg(i));
                if (i % 50 == 0)
                    script += QStringLiteral("CREATE VIEW v%1 AS SELECT id FROM t%1;\n"
                                             "CREATE TRIGGER tr%1 BEFORE INSERT ON t%1 FOR EACH ROW SET NEW.name = 'y';\n")
                                  .arg(i);
            }
            return script;
        };
        RUN(db, createTables(0, 5));
        int small = 0;
        auto s5 = inspect(*db, &small);
        QVERIFY2(s5, qPrintable(s5 ? QString() : s5.error().toString()));
        QCOMPARE(s5->tables.size(), 5);
        QVERIFY(survivesJson(*s5));

        RUN(db, createTables(5, 300));
        int large = 0;
        QElapsedTimer timer;
        timer.start();
        auto s300 = inspect(*db, &large);
        const qint64 ms = timer.elapsed();
        QVERIFY2(s300, qPrintable(s300 ? QString() : s300.error().toString()));
        QCOMPARE(s300->tables.size(), 300);
        QCOMPARE(s300->views.size(), 6);
        QCOMPARE(small, large);
        QVERIFY(large <= 8);
        qInfo("300 tables inspected with %d statements in %lld ms", large, ms);
        QVERIFY2(ms < 5000, qPrintable(QStringLiteral("inspection of 300 tables took %1 ms").arg(ms)));
        const Table *t = s300->table(QStringLiteral("t299"));
        QVERIFY(t);
        QCOMPARE(t->columns.size(), 5);
        QCOMPARE(t->foreignKeys.size(), 1);
        QCOMPARE(t->checks.size(), 1);
        QVERIFY(t->index(QStringLiteral("ix_t299_name")));
        QCOMPARE(s300->table(QStringLiteral("t250"))->triggers.size(), 1);
        QVERIFY(survivesJson(*s300));
    }

    void progressAndCancel()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        RUN(db, QStringLiteral("CREATE TABLE a (id INT PRIMARY KEY);\n"));
        int lastDone = -1, lastTotal = -1, calls = 0;
        std::atomic_bool cancel{false};
        ProgressSink sink;
        sink.cancel = &cancel;
        sink.progress = [&](int done, int total, const QString &) {
            QVERIFY(done >= lastDone);
            lastDone = done;
            lastTotal = total;
            ++calls;
        };
        auto ok = inspect(*db, nullptr, {}, &sink);
        QVERIFY(ok);
        QVERIFY(calls >= 8);
        QCOMPARE(lastDone, lastTotal);

        // Cancelled after the third step: a Cancelled error, not a partial schema.
        int statements = 0;
        int seen = 0;
        sink.progress = [&](int, int, const QString &) {
            if (++seen == 3)
                cancel = true;
        };
        auto cancelled = inspect(*db, &statements, {}, &sink);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().category(), Error::Category::Cancelled);
        QCOMPARE(statements, 3);
    }

    void noCurrentDatabaseIsAnError()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        // Dropping the current database leaves the session without one (DATABASE() is NULL).
        RUN(db, QStringLiteral("DROP DATABASE %1;\n").arg(q(db->url().database())));
        auto s = inspect(*db);
        QVERIFY(!s);
        QCOMPARE(s.error().category(), Error::Category::InvalidInput);
        QVERIFY2(s.error().message().contains(QLatin1String("no database")), qPrintable(s.error().toString()));
    }

    void closedPortIsAConnectionError()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        auto parsed = DatabaseUrl::parse(url);
        QVERIFY(parsed);
        const QString closed = QStringLiteral("mysql://%1@127.0.0.1:1/%2").arg(parsed->user(), parsed->database());
        auto conn = Connection::open(closed);
        QVERIFY(!conn);
        QCOMPARE(conn.error().category(), Error::Category::Connection);
        QVERIFY2(conn.error().toString().contains(QLatin1String("127.0.0.1")), qPrintable(conn.error().toString()));
    }

    void wrongPasswordIsAConnectionErrorWithoutThePassword()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        auto parsed = DatabaseUrl::parse(url);
        QVERIFY(parsed);
        DatabaseUrl wrong = *parsed;
        const QString secret = QStringLiteral("Wr0ng-Secret-4711");
        wrong.setPassword(secret);
        auto conn = Connection::open(wrong);
        QVERIFY(!conn);
        QCOMPARE(conn.error().category(), Error::Category::Connection);
        const QString text = conn.error().toString() + conn.error().message() + conn.error().location();
        QVERIFY2(!text.contains(secret), qPrintable(text));
        QVERIFY2(text.contains(parsed->host()), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TstMysqlInspector)
#include "tst_mysqlinspector.moc"
