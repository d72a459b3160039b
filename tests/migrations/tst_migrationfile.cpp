// covet-test-labels: engine
#include "everythingmigration.h"
#include "migrations/checksum.h"
#include "migrations/migrationfile.h"
#include "operations/operationjson.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

const QByteArray kExample = R"(# Products get a SKU.
id: 0002_add_sku
description: Products get a SKU
dependencies: [0001_initial]
operations:
  - op: add_column
    table: products
    column: {name: sku, type: varchar(32), nullable: false, default: "''"}
  - op: create_index
    table: products
    index: {name: idx_products_sku, parts: [{column: sku}], unique: true}
  - op: run_sql
    forward: UPDATE products SET sku = 'P' || id
    reverse: UPDATE products SET sku = ''
)";

Migration parseOk(const QByteArray &text, const QString &file)
{
    auto m = MigrationFile::parse(text, file);
    if (!m)
        qWarning("%s", qPrintable(m.error().toString()));
    return m ? *m : Migration();
}

} // namespace

class TestMigrationFile : public QObject
{
    Q_OBJECT

private:
    void expectError(const QByteArray &text, const QString &file, const QString &location, const QString &fragment)
    {
        auto m = MigrationFile::parse(text, file);
        QVERIFY2(!m, qPrintable(QStringLiteral("expected an error containing \"%1\"").arg(fragment)));
        QCOMPARE(m.error().category(), Error::Category::InvalidInput);
        QCOMPARE(m.error().location(), location);
        QVERIFY2(m.error().message().contains(fragment), qPrintable(m.error().toString()));
    }

    // The row's text must fail with the row's location and message; an
    // empty location: any "file:line:column" (the YAML reader's own errors).
    void expectFetchedError(const QString &file)
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, location);
        QFETCH(QString, fragment);
        if (!location.isEmpty())
            return expectError(text, file, location, fragment);
        auto m = MigrationFile::parse(text, file);
        QVERIFY(!m);
        QCOMPARE(m.error().category(), Error::Category::InvalidInput);
        QVERIFY2(m.error().location().startsWith(file + u':'), qPrintable(m.error().toString()));
    }

    static void addErrorColumns()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("fragment");
    }

private slots:
    void readsHandWrittenYaml()
    {
        const Migration m = parseOk(kExample, QStringLiteral("0002_add_sku.yaml"));
        QCOMPARE(m.id, QStringLiteral("0002_add_sku"));
        QCOMPARE(m.number, 2);
        QCOMPARE(m.name, QStringLiteral("add_sku"));
        QCOMPARE(m.description, QStringLiteral("Products get a SKU"));
        QCOMPARE(m.dependencies, QStringList{QStringLiteral("0001_initial")});
        QVERIFY(m.transactional);
        QCOMPARE(m.operations.size(), 3);
        const auto *add = std::get_if<AddColumn>(&m.operations.at(0));
        QVERIFY(add);
        QCOMPARE(add->table, QStringLiteral("products"));
        QCOMPARE(add->column.name, QStringLiteral("sku"));
        QVERIFY(!add->column.nullable);
        QCOMPARE(add->column.defaultExpr, QStringLiteral("''"));
        const auto *idx = std::get_if<CreateIndex>(&m.operations.at(1));
        QVERIFY(idx && idx->index.unique);
        const auto *sql = std::get_if<RunSql>(&m.operations.at(2));
        QVERIFY(sql && sql->reversible());
        QVERIFY(m.isReversible());
        QCOMPARE(m.checksum.size(), 64);
    }

    void everyOperationRoundTrips()
    {
        Migration m = test::everythingMigration();
        m.replaces = {QStringLiteral("0001_x")};
        const QByteArray text = MigrationFile::serialize(m);
        auto back = MigrationFile::parse(text, m.fileName());
        QVERIFY2(back, qPrintable(test::errorText(back) + QStringLiteral("\n") + QString::fromUtf8(text)));
        QCOMPARE(back->operations.size(), m.operations.size());
        for (qsizetype i = 0; i < m.operations.size(); ++i)
            QVERIFY2(back->operations.at(i) == m.operations.at(i), qPrintable(OperationJson::name(m.operations.at(i))));
        QCOMPARE(back->description, m.description);
        QCOMPARE(back->dependencies, m.dependencies);
        QCOMPARE(back->replaces, m.replaces);
        QVERIFY(!back->transactional);
        // Writing again gives the same bytes.
        QCOMPARE(MigrationFile::serialize(*back), text);
    }

    void checksumIgnoresLayoutButNotContent()
    {
        const QString base = parseOk(kExample, QStringLiteral("0002_add_sku.yaml")).checksum;
        // Re-indented, block instead of flow, other quoting, comments, CRLF.
        QByteArray relaid = R"(# another comment
id: '0002_add_sku'
description: "Products get a SKU"
dependencies:
    - 0001_initial
operations:
    -   op: add_column      # trailing comment
        table: products
        column:
            name: sku
            type: varchar(32)
            nullable: false
            default: "''"
    - {op: create_index, table: products, index: {name: idx_products_sku, parts: [{column: sku}], unique: true}}
    - op: run_sql
      forward: UPDATE products SET sku = 'P' || id
      reverse: "UPDATE products SET sku = ''"
)";
        relaid.replace("\n", "\r\n");
        QCOMPARE(parseOk(relaid, QStringLiteral("0002_add_sku.yaml")).checksum, base);
        QByteArray changed = kExample;
        changed.replace("varchar(32)", "varchar(33)");
        QVERIFY(parseOk(changed, QStringLiteral("0002_add_sku.yaml")).checksum != base);
        changed = kExample;
        changed.replace("'P' || id", "'Q' || id");
        QVERIFY(parseOk(changed, QStringLiteral("0002_add_sku.yaml")).checksum != base);
        auto viaContent = Checksum::ofContent(kExample, QStringLiteral("0002_add_sku.yaml"));
        QVERIFY(viaContent);
        QCOMPARE(*viaContent, base);
    }

    void readsSqlMigration()
    {
        const QByteArray text = "-- Products can be discontinued.\n"
                                "-- covet:depends 0001_initial, 0002_b\n"
                                "-- covet:non-transactional\n"
                                "\n"
                                "-- covet:up\n"
                                "ALTER TABLE products ADD COLUMN discontinued BOOLEAN;\n"
                                "\n"
                                "CREATE INDEX CONCURRENTLY i ON products (discontinued);\n"
                                "\n"
                                "-- covet:down\n"
                                "DROP INDEX i;\n";
        const Migration m = parseOk(text, QStringLiteral("0003_flags.sql"));
        QVERIFY(m.isSql());
        QCOMPARE(m.description, QStringLiteral("Products can be discontinued."));
        QCOMPARE(m.dependencies, (QStringList{QStringLiteral("0001_initial"), QStringLiteral("0002_b")}));
        QVERIFY(!m.transactional);
        QCOMPARE(m.upLine, 6);
        QVERIFY(m.upSql.startsWith(QStringLiteral("ALTER TABLE")));
        QVERIFY(m.upSql.endsWith(QStringLiteral("(discontinued);")));
        QVERIFY(m.hasDown);
        QCOMPARE(m.downLine, 11);
        QCOMPARE(m.downSql, QStringLiteral("DROP INDEX i;"));
        // Serialised and read back.
        auto back = MigrationFile::parse(MigrationFile::serialize(m), m.fileName());
        QVERIFY2(back, qPrintable(test::errorText(back)));
        QCOMPARE(back->upSql, m.upSql);
        QCOMPARE(back->downSql, m.downSql);
        QCOMPARE(back->dependencies, m.dependencies);
        QCOMPARE(back->description, m.description);
        QVERIFY(!back->transactional);
        // Without a down section it is irreversible.
        const Migration noDown = parseOk("-- covet:up\nSELECT 1;\n", QStringLiteral("0004_x.sql"));
        QVERIFY(!noDown.hasDown);
        QVERIFY(!noDown.isReversible());
    }

    void sqlChecksumNormalisesWhitespaceOnly()
    {
        const QByteArray text = "-- covet:up\nCREATE TABLE t (a INTEGER);\n-- covet:down\nDROP TABLE t;\n";
        const QString base = parseOk(text, QStringLiteral("0001_t.sql")).checksum;
        QByteArray crlf = "\n\n-- covet:up   \r\nCREATE TABLE t (a INTEGER);  \r\n-- covet:down\r\nDROP TABLE t;\r\n\r\n";
        QCOMPARE(parseOk(crlf, QStringLiteral("0001_t.sql")).checksum, base);
        QVERIFY(parseOk("-- covet:up\nCREATE TABLE t (b INTEGER);\n-- covet:down\nDROP TABLE t;\n", QStringLiteral("0001_t.sql")).checksum
                != base);
    }

    void yamlErrors_data()
    {
        addErrorColumns();
        const QString f = QStringLiteral("0002_x.yaml");
        QTest::newRow("unknown key") << QByteArray("dependencies: []\noperations: []\nrun: rm -rf /\n") << f + QStringLiteral(":3:1")
                                     << QStringLiteral("unknown key 'run'");
        QTest::newRow("unknown op") << QByteArray("operations:\n  - op: drop_everything\n    table: x\n") << f + QStringLiteral(":2")
                                    << QStringLiteral("unknown operation 'drop_everything'");
        QTest::newRow("missing field") << QByteArray("operations:\n  - op: drop_table\n") << f + QStringLiteral(":2")
                                       << QStringLiteral("missing string field 'table'");
        QTest::newRow("unknown field") << QByteArray("operations:\n  - op: drop_table\n    table: t\n    cascade: yes please\n")
                                       << f + QStringLiteral(":4:5") << QStringLiteral("unknown key 'cascade' in operations[0] (drop_table)");
        QTest::newRow("number default") << QByteArray("operations:\n  - op: add_column\n    table: t\n    column:\n      name: a\n"
                                                      "      type: integer\n      default: 0\n")
                                        << f + QStringLiteral(":7") << QStringLiteral("'column.default' is not understood");
        QTest::newRow("no operations") << QByteArray("description: x\n") << f + QStringLiteral(":1") << QStringLiteral("no 'operations'");
        QTest::newRow("not a list") << QByteArray("operations: drop_table\n") << f + QStringLiteral(":1")
                                    << QStringLiteral("must be a list");
        QTest::newRow("op not a mapping") << QByteArray("operations:\n  - drop_table\n") << f + QStringLiteral(":2")
                                          << QStringLiteral("must be a mapping");
        QTest::newRow("id mismatch") << QByteArray("id: 0003_other\noperations: []\n") << f + QStringLiteral(":1")
                                     << QStringLiteral("must be 0002_x");
        QTest::newRow("bad dependency") << QByteArray("dependencies: [../0001_a]\noperations: []\n") << f + QStringLiteral(":1")
                                        << QStringLiteral("not a migration id");
        QTest::newRow("self dependency") << QByteArray("dependencies: [0002_x]\noperations: []\n") << f
                                         << QStringLiteral("depends on itself");
        QTest::newRow("transactional") << QByteArray("transactional: maybe\noperations: []\n") << f + QStringLiteral(":1")
                                       << QStringLiteral("true or false");
        QTest::newRow("malformed yaml") << QByteArray("operations: [\n  - op: x\n") << QString() << QString();
        QTest::newRow("alias") << QByteArray("a: &x 1\noperations: *x\n") << QString() << QString();
        QTest::newRow("not a mapping") << QByteArray("- op: drop_table\n") << f + QStringLiteral(":1") << QStringLiteral("found sequence");
        QTest::newRow("lone CR") << QByteArray("operations: []\rdescription: x\n") << f + QStringLiteral(":1")
                                 << QStringLiteral("lone carriage return");
        QTest::newRow("NUL") << QByteArray("operations: []\ndescription: x\0y\n", 33) << f + QStringLiteral(":2")
                             << QStringLiteral("NUL byte");
        QTest::newRow("escape char") << QByteArray("operations: []\ndescription: \x1b[31m\n") << f + QStringLiteral(":2")
                                     << QStringLiteral("control character");
        QTest::newRow("bad utf8") << QByteArray("operations: []\ndescription: \xc3\x28\n") << QString() << QString();
    }
    void yamlErrors()
    {
        expectFetchedError(QStringLiteral("0002_x.yaml"));
    }

    // Every unknown key is an error, whatever its value (a misspelt key
    // holding the default value used to pass), and all of them are named,
    // each at its line and column.
    void unknownKeysAreAllReported()
    {
        const QString f = QStringLiteral("0002_x.yaml");
        auto one = MigrationFile::parse("operations:\n  - op: add_column\n    table: t\n"
                                        "    column: {name: id, type: integer, nulable: false}\n", f);
        QVERIFY(!one);
        QCOMPARE(one.error().location(), f + QStringLiteral(":4:39"));
        QVERIFY2(one.error().message().contains(QStringLiteral("unknown key 'nulable' in operations[0].column (id) (did you mean 'nullable'?)")),
                 qPrintable(one.error().toString()));

        const QByteArray several = "operations:\n"
                                   "  - op: add_column\n"
                                   "    table: t\n"
                                   "    column: {name: id, type: integer, nulable: false, defualt: \"0\"}\n"
                                   "  - op: create_table\n"
                                   "    table: u\n"
                                   "    definition:\n"
                                   "      name: u\n"
                                   "      columns:\n"
                                   "        - {name: a, type: text, nullable: true, comments: \"\"}\n"
                                   "      indexes:\n"
                                   "        - {name: i, parts: [{column: a}], uniqe: false}\n"
                                   "  - op: run_sql\n"
                                   "    forward: SELECT 1\n"
                                   "    forward_by_dialect: {postgres: SELECT 2}\n"
                                   "descripton: x\n";
        auto all = MigrationFile::parse(several, f);
        QVERIFY(!all);
        const QString text = all.error().toString();
        QCOMPARE(all.error().location(), f + QStringLiteral(":4:39"));   // the first one
        QVERIFY2(text.contains(QStringLiteral("6 unknown keys")), qPrintable(text));
        for (const QString &expected : {QStringLiteral("0002_x.yaml:4:39: unknown key 'nulable'"),
                                        QStringLiteral("0002_x.yaml:4:55: unknown key 'defualt' in operations[0].column (id) (did you mean 'default'?)"),
                                        QStringLiteral("0002_x.yaml:10:49: unknown key 'comments' in operations[1].definition.columns[0] (a) (did you mean 'comment'?)"),
                                        QStringLiteral("0002_x.yaml:12:43: unknown key 'uniqe' in operations[1].definition.indexes[0] (i)"),
                                        QStringLiteral("0002_x.yaml:15:26: unknown key 'postgres' in operations[2].forward_by_dialect (did you mean 'postgresql'?)"),
                                        QStringLiteral("0002_x.yaml:16:1: unknown key 'descripton' (did you mean 'description'?)")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\nnot in:\n") + text));
    }

    // Migration::destructiveChanges reads raw SQL with the tokenizer: what
    // comments and string literals hold does not count, DELETE and ALTER
    // TABLE ... DROP do, in run_sql (every dialect's text) and .sql files.
    void destructiveChangesInRawSql_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("found");
        QTest::newRow("after an update") << "UPDATE t SET a = 1; DROP TABLE victim" << QStringList{"runs DROP TABLE victim"};
        QTest::newRow("after a comment") << "-- clean up\ndrop table x" << QStringList{"runs drop table x"};
        QTest::newRow("in a string") << "SELECT 'DROP TABLE x; TRUNCATE y'" << QStringList{};
        QTest::newRow("in a comment") << "/* DROP TABLE x; */ SELECT 1" << QStringList{};
        QTest::newRow("in a mysql comment") << "# DROP TABLE x\nSELECT 1" << QStringList{};
        QTest::newRow("delete") << "DELETE FROM t WHERE id = 1" << QStringList{"runs DELETE FROM t WHERE id = 1"};
        QTest::newRow("delete in with") << "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d"
                                        << QStringList{"runs WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d"};
        QTest::newRow("truncate") << "TRUNCATE t" << QStringList{"runs TRUNCATE t"};
        QTest::newRow("drop column") << "ALTER TABLE t DROP COLUMN a" << QStringList{"runs ALTER TABLE t DROP COLUMN a"};
        QTest::newRow("drop among actions") << "ALTER TABLE t ADD b int, DROP c" << QStringList{"runs ALTER TABLE t ADD b int, DROP c"};
        QTest::newRow("drop column if exists") << "ALTER TABLE t DROP COLUMN IF EXISTS c" << QStringList{"runs ALTER TABLE t DROP COLUMN IF EXISTS c"};
        QTest::newRow("drop partition") << "ALTER TABLE t DROP PARTITION p0" << QStringList{"runs ALTER TABLE t DROP PARTITION p0"};
        QTest::newRow("drop constraint") << "ALTER TABLE t DROP CONSTRAINT ck" << QStringList{};
        QTest::newRow("drop default") << "ALTER TABLE t ALTER COLUMN a DROP DEFAULT" << QStringList{};
        QTest::newRow("drop index") << "DROP INDEX i; DROP VIEW v" << QStringList{};
        QTest::newRow("quoted name") << "DROP TABLE \"a;b\"" << QStringList{"runs DROP TABLE \"a;b\""};
        QTest::newRow("do block") << "DO $$ BEGIN DROP TABLE x; END $$" << QStringList{"runs DROP TABLE x"};
        QTest::newRow("schema") << "DROP SCHEMA app CASCADE" << QStringList{"runs DROP SCHEMA app CASCADE"};
    }
    void destructiveChangesInRawSql()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, found);
        Migration yaml;
        yaml.operations << RunSql{QStringLiteral("SELECT 1"), {}, {{QStringLiteral("mysql"), sql}}, {}};
        QCOMPARE(yaml.destructiveChanges(), found);
        Migration plain;
        plain.format = Migration::Format::Sql;
        plain.upSql = sql;
        plain.downSql = QStringLiteral("DROP TABLE never_counted");
        QCOMPARE(plain.destructiveChanges(), found);
    }

    void sqlErrors_data()
    {
        addErrorColumns();
        const QString f = QStringLiteral("0002_x.sql");
        QTest::newRow("no up") << QByteArray("CREATE TABLE t (a INT);\n") << f + QStringLiteral(":1") << QStringLiteral("SQL before");
        QTest::newRow("no marker") << QByteArray("-- just a comment\n") << f << QStringLiteral("no \"-- covet:up\"");
        QTest::newRow("empty up") << QByteArray("-- covet:up\n\n-- covet:down\nDROP TABLE t;\n") << f + QStringLiteral(":1")
                                  << QStringLiteral("section is empty");
        QTest::newRow("down first") << QByteArray("-- covet:down\nDROP TABLE t;\n-- covet:up\nCREATE TABLE t (a INT);\n")
                                    << f + QStringLiteral(":1") << QStringLiteral("before \"-- covet:up\"");
        QTest::newRow("two ups") << QByteArray("-- covet:up\nSELECT 1;\n-- covet:up\nSELECT 2;\n") << f + QStringLiteral(":3")
                                 << QStringLiteral("second");
        QTest::newRow("unknown directive") << QByteArray("-- covet:run rm -rf /\n-- covet:up\nSELECT 1;\n") << f + QStringLiteral(":1")
                                           << QStringLiteral("unknown directive");
        QTest::newRow("late depends") << QByteArray("-- covet:up\nSELECT 1;\n-- covet:depends 0001_a\n") << f + QStringLiteral(":3")
                                      << QStringLiteral("must come before");
        QTest::newRow("bad depends") << QByteArray("-- covet:depends ../../etc/passwd\n-- covet:up\nSELECT 1;\n")
                                     << f + QStringLiteral(":1") << QStringLiteral("not a migration id");
        QTest::newRow("lone CR") << QByteArray("-- covet:up\nSELECT 1;\rSELECT 2;\n") << f + QStringLiteral(":2")
                                 << QStringLiteral("lone carriage return");
        QTest::newRow("bad utf8") << QByteArray("-- covet:up\nSELECT '\xff';\n") << f + QStringLiteral(":2") << QStringLiteral("UTF-8");
        QTest::newRow("utf8 cut off at the end") << QByteArray("-- covet:up\nSELECT 1;\n-- \xE2\x82") << f + QStringLiteral(":3")
                                                 << QStringLiteral("UTF-8");
        QTest::newRow("empty author") << QByteArray("-- covet:depends 0001_a\n-- covet:author   \n-- covet:up\nSELECT 1;\n") << f + QStringLiteral(":2")
                                      << QStringLiteral("needs the author's name");
        QTest::newRow("two authors") << QByteArray("-- covet:author A\n-- covet:author B\n-- covet:up\nSELECT 1;\n") << f + QStringLiteral(":2")
                                     << QStringLiteral("one author");
        QTest::newRow("late author") << QByteArray("-- covet:up\nSELECT 1;\n-- covet:author A\n") << f + QStringLiteral(":3")
                                     << QStringLiteral("must come before");
    }

    // author: YAML key and SQL directive, read, written back, checked.
    void authors()
    {
        const Migration y = parseOk("description: x\nauthor: \"Ann O'Neil\"\noperations: []\n", QStringLiteral("0003_a.yaml"));
        QCOMPARE(y.author, QStringLiteral("Ann O'Neil"));
        QCOMPARE(MigrationFile::parse(MigrationFile::serialize(y), y.fileName())->author, y.author);
        const Migration none = parseOk("operations: []\n", QStringLiteral("0003_a.yaml"));
        QVERIFY(none.author.isEmpty());
        const Migration q = parseOk("-- covet:author  Bo Builder \n-- covet:up\nSELECT 1;\n", QStringLiteral("0004_b.sql"));
        QCOMPARE(q.author, QStringLiteral("Bo Builder"));
        QCOMPARE(MigrationFile::parse(MigrationFile::serialize(q), q.fileName())->author, q.author);
        expectError("description: x\nauthor: [a, b]\noperations: []\n", QStringLiteral("0003_a.yaml"), QStringLiteral("0003_a.yaml:2"),
                    QStringLiteral("'author' must be a name"));
        expectError("description: x\nauthr: a\noperations: []\n", QStringLiteral("0003_a.yaml"), QStringLiteral("0003_a.yaml:2:1"),
                    QStringLiteral("authr"));
    }
    void sqlErrors()
    {
        expectFetchedError(QStringLiteral("0002_x.sql"));
    }

    void hugeContentIsRefused()
    {
        QByteArray text = "-- covet:up\n";
        text += QByteArray(MigrationFile::maxFileSize, 'x');
        expectError(text, QStringLiteral("0002_x.sql"), QStringLiteral("0002_x.sql"), QStringLiteral("limited to"));
    }

    void fileNamesAreChecked()
    {
        for (const QString &bad : {QStringLiteral("2_x.yaml"), QStringLiteral("0002-x.yaml"), QStringLiteral("0002_X.yaml"),
                                  QStringLiteral("0002_x.yml"), QStringLiteral("0002_x.py"), QStringLiteral("../0002_x.yaml"),
                                  QStringLiteral("0002_.yaml"), QStringLiteral("00002_x.yaml"), QStringLiteral("0002_x.yaml.sql.sh")}) {
            auto m = MigrationFile::parse("operations: []\n", bad);
            QVERIFY2(!m, qPrintable(bad));
            QVERIFY2(m.error().message().contains(QStringLiteral("not a migration file name")), qPrintable(m.error().toString()));
        }
        // A history past 9999 goes on with 10000 (bench_history runs 10,000 migrations).
        auto past = MigrationFile::parse("operations: []\n", QStringLiteral("10000_x.yaml"));
        COVET_VERIFY_OK(past);
        QCOMPARE(past->number, 10000);
        QCOMPARE(past->id, QStringLiteral("10000_x"));
        auto zero = MigrationFile::parse("operations: []\n", QStringLiteral("0000_x.yaml"));
        QVERIFY(!zero);
        QVERIFY(zero.error().message().contains(QStringLiteral("start at 0001")));
    }

    void writeAndRead()
    {
        QTemporaryDir dir;
        Migration m = parseOk(kExample, QStringLiteral("0002_add_sku.yaml"));
        const QString path = dir.filePath(m.fileName());
        QVERIFY(MigrationFile::write(m, path));
        auto again = MigrationFile::write(m, path);
        QVERIFY(!again);
        QCOMPARE(again.error().category(), Error::Category::Conflict);
        auto back = MigrationFile::read(path);
        QVERIFY2(back, qPrintable(test::errorText(back)));
        QCOMPARE(back->operations, m.operations);
        QCOMPARE(back->sourcePath, path);
        QCOMPARE(back->checksum, m.checksum);   // written canonically: same checksum as the hand-written file
        auto missing = MigrationFile::read(dir.filePath(QStringLiteral("0009_none.yaml")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().category(), Error::Category::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestMigrationFile)
#include "tst_migrationfile.moc"
