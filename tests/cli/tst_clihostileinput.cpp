// covet-test-labels: cli sqlite postgres mysql
// Issue 11, item 2: a migration (or models) file is data. SQL text in a
// field that is not run_sql (a default, a check, a generated column, an
// index expression or predicate, a USING or ON UPDATE expression, a type, a
// view body, a trigger's timing, events, body or definition) can never run a
// statement of its own. On each of the three real databases: every hostile
// file is refused before anything runs, the error names the file, line,
// operations[i] and the field, the victim table survives and nothing is
// created; the same SQL in a quoted string is accepted and applied.
#include "../migrations/migrationtestsupport.h"

#include "db/sqlexecutor.h"
#include "migrations/migrationfile.h"
#include "sources/modelsfile.h"
#include "sources/schemasource.h"
#include "sql/sqlfragmentcheck.h"
#include "sql/sqlgenerator.h"
#include "../sql/richschema.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::writeFile;

namespace {

// A YAML double-quoted scalar holding text.
QByteArray yamlQuoted(const QString &text)
{
    QString t = text;
    t.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")).replace(u'\n', QStringLiteral("\\n"));
    return '"' + t.toUtf8() + '"';
}

struct HostileField
{
    const char *field;   // the field path the error must name
    const char *yaml;    // one operation; %1 is where the hostile text goes
};

// Every expression-carrying field of every operation.
const QList<HostileField> &fields()
{
    static const QList<HostileField> list = {
        {"column.default", "  - op: add_column\n    table: victim\n    column: {name: c, type: text, default: %1}\n"},
        {"column.generated", "  - op: add_column\n    table: victim\n    column: {name: c, type: integer, generated: %1, generated_stored: true}\n"},
        {"column.on_update", "  - op: add_column\n    table: victim\n    column: {name: c, type: timestamp, on_update: %1}\n"},
        {"column.type", "  - op: add_column\n    table: victim\n    column: {name: c, type: %1}\n"},
        {"after.default", "  - op: alter_column\n    table: victim\n    column: v\n    before: {name: v, type: integer}\n"
                          "    after: {name: v, type: integer, default: %1}\n"},
        {"backfill", "  - op: add_column\n    table: victim\n    column: {name: c, type: text, nullable: false}\n    backfill: %1\n"},
        {"using", "  - op: alter_column\n    table: victim\n    column: v\n    before: {name: v, type: integer}\n"
                  "    after: {name: v, type: bigint}\n    using: %1\n"},
        {"definition.columns[1].default", "  - op: create_table\n    definition:\n      name: t2\n      columns:\n"
                                          "        - {name: id, type: integer}\n        - {name: c, type: text, default: %1}\n"},
        {"definition.checks[0].expression", "  - op: create_table\n    definition:\n      name: t2\n      columns: [{name: id, type: integer}]\n"
                                            "      checks: [{name: ck, expression: %1}]\n"},
        {"definition.indexes[0].where", "  - op: create_table\n    definition:\n      name: t2\n      columns: [{name: id, type: integer}]\n"
                                        "      indexes: [{name: ix, parts: [{column: id}], where: %1}]\n"},
        {"definition.indexes[0].parts[0].expression", "  - op: create_table\n    definition:\n      name: t2\n"
                                                      "      columns: [{name: id, type: integer}]\n"
                                                      "      indexes: [{name: ix, parts: [{expression: %1}]}]\n"},
        {"index.where", "  - op: create_index\n    table: victim\n    index: {name: ix, parts: [{column: v}], where: %1}\n"},
        {"index.parts[0].expression", "  - op: create_index\n    table: victim\n    index: {name: ix, parts: [{expression: %1}]}\n"},
        {"check.expression", "  - op: add_check\n    table: victim\n    check: {name: ck, expression: %1}\n"},
        {"definition", "  - op: create_view\n    name: v2\n    definition: %1\n"},
        {"trigger.body", "  - op: create_trigger\n    table: victim\n    trigger: {name: trg, timing: AFTER, events: [INSERT], body: %1}\n"},
        {"trigger.definition", "  - op: create_trigger\n    table: victim\n    trigger: {name: trg, timing: AFTER, events: [INSERT], definition: %1}\n"},
        {"trigger.timing", "  - op: create_trigger\n    table: victim\n    trigger: {name: trg, timing: %1, events: [INSERT], body: SELECT 1}\n"},
        {"trigger.events[0]", "  - op: create_trigger\n    table: victim\n    trigger: {name: trg, timing: AFTER, events: [%1], body: SELECT 1}\n"},
    };
    return list;
}

// Texts that try to run statements of their own, for each dialect's
// quoting and comments.
QStringList payloads(Dialect d)
{
    const QString drop = d == Dialect::PostgreSQL ? QStringLiteral("DROP TABLE victim CASCADE") : QStringLiteral("DROP TABLE victim");
    const QString attack = drop + QStringLiteral("; CREATE TABLE pwned(i int)");
    return {
        QStringLiteral("'x'; %1; SELECT 'x'").arg(attack),                     // the issue's default
        QStringLiteral("0); %1; SELECT (0").arg(attack),                        // out of the parentheses Covet writes
        QStringLiteral("'a\\''; %1; SELECT 'b'").arg(attack),                   // one string to PostgreSQL, two to MySQL
        QStringLiteral("0 /*!50000 ; %1 */").arg(attack),                       // MySQL runs /*! ... */
        QStringLiteral("$$x$$; %1; SELECT $$y$$").arg(attack),                  // PostgreSQL dollar quotes
        QStringLiteral("SELECT 1; %1").arg(attack),                             // a view body of several statements
        QStringLiteral("BEGIN SELECT 1; END; %1").arg(attack),                  // out of a trigger's BEGIN ... END
        QStringLiteral("CREATE TRIGGER trg AFTER INSERT ON victim FOR EACH ROW BEGIN SELECT 1; END; %1").arg(attack),
    };
}

bool tableExists(Connection &c, const QString &name)
{
    SqlExecutor sql(c.database(), c.dialect());
    QString q;
    switch (c.dialect()) {
    case Dialect::SQLite: q = QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"); break;
    case Dialect::PostgreSQL:
        q = QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?");
        break;
    case Dialect::MySQL:
        q = QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = database() AND table_name = ?");
        break;
    }
    auto rows = sql.rows(q, {name});
    return rows && !rows->isEmpty() && rows->first().value(0).toLongLong() > 0;
}

// A scratch database `var` on the server of the row's dialect `d` (fails
// under CI=true without the server).
#define SCRATCH_DB_FOR_ROW(var, d)                                                                             \
    QFETCH(int, dialect);                                                                                      \
    const Dialect d = Dialect(dialect);                                                                        \
    COVET_REQUIRE_DIALECT(d);                                                                                  \
    QString var##Error;                                                                                        \
    auto var = test::ScratchDatabase::create(                                                                  \
        d, test::serverUrl(d == Dialect::PostgreSQL ? "COVET_TEST_PG_URL" : "COVET_TEST_MYSQL_URL"), &var##Error); \
    QVERIFY2(var, qPrintable(var##Error))

// A project in dir for the database db.
void writeProject(const QString &dir, Dialect d, const test::ScratchDatabase &db)
{
    QVERIFY(QDir(dir).mkpath(QStringLiteral("migrations")));
    writeFile(dir + QStringLiteral("/covet.yaml"),
              "dialect: " + dialectName(d).toUtf8() + "\ndatabase: '" + db.urlString().toUtf8() + "'\nmodels: models.yaml\n");
}

} // namespace

class TestCliHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void hostileFieldsNeverRun_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("sqlite") << int(Dialect::SQLite);
        QTest::newRow("postgresql") << int(Dialect::PostgreSQL);
        QTest::newRow("mariadb") << int(Dialect::MySQL);
    }

    void hostileFieldsNeverRun()
    {
        SCRATCH_DB_FOR_ROW(db, d);
        QString error;
        QVERIFY2(db->execScript(QStringLiteral("CREATE TABLE victim (v integer);\nINSERT INTO victim (v) VALUES (42);\n"), &error),
                 qPrintable(error));

        QTemporaryDir project;
        const QString dir = project.path();
        writeProject(dir, d, *db);
        writeFile(dir + QStringLiteral("/models.yaml"),
                  "tables:\n  - name: victim\n    columns:\n      - {name: v, type: integer, default: "
                      + yamlQuoted(payloads(d).first()) + "}\n");

        // One file per field and payload: each is refused on its own,
        // naming the file, the line, the operation and the field.
        int number = 0;
        for (const QString &payload : payloads(d)) {
            for (const HostileField &f : fields()) {
                const QString name = QStringLiteral("%1_hostile.yaml").arg(++number, 4, 10, QLatin1Char('0'));
                const QByteArray text = "dependencies: []\noperations:\n" + QString::fromUtf8(f.yaml).arg(QString::fromUtf8(yamlQuoted(payload))).toUtf8();
                const QString path = dir + QStringLiteral("/migrations/") + name;
                writeFile(path, text);
                const auto m = MigrationFile::read(path);
                QVERIFY2(!m, qPrintable(name + QStringLiteral(" was accepted:\n") + QString::fromUtf8(text)));
                const QString where = m.error().toString();
                QVERIFY2(m.error().location().startsWith(path + QStringLiteral(":")), qPrintable(where));
                QVERIFY2(where.contains(QStringLiteral("operations[0]")) && where.contains(QString::fromLatin1(f.field)),
                         qPrintable(QStringLiteral("%1: expected operations[0] and '%2' in:\n%3").arg(name, QString::fromLatin1(f.field), where)));
                QVERIFY2(m.error().category() == Error::Category::InvalidInput, qPrintable(where));
            }
        }
        QVERIFY(!ModelsFile::read(dir + QStringLiteral("/models.yaml")));

        // The CLI refuses all of it before touching the database.
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err, dir), 2);
        QVERIFY2(err.contains(QStringLiteral("problems in the migrations directory")), qPrintable(err));
        QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--dry-run"), QStringLiteral("--execute")}, &out, &err, dir), 2);
        QDir(dir + QStringLiteral("/migrations")).removeRecursively();
        QVERIFY(QDir(dir).mkpath(QStringLiteral("migrations")));
        QCOMPARE(test::runCli({QStringLiteral("makemigrations"), QStringLiteral("--no-input")}, &out, &err, dir), 2);
        QVERIFY2(err.contains(QStringLiteral("default of column victim.v cannot hold this SQL")), qPrintable(err));

        Connection &c = db->connection();
        QVERIFY2(tableExists(c, QStringLiteral("victim")), "the victim table was dropped");
        QCOMPARE(test::scalar(c, QStringLiteral("SELECT count(*) FROM victim")), qint64(1));
        QVERIFY2(!tableExists(c, QStringLiteral("pwned")), "a table was created by a hostile field");
    }

    // What the inspectors read back from real databases (every feature of
    // richSchema) passes the check, so the migrations makemigrations writes
    // from a database always load.
    void inspectedSchemasPass_data() { hostileFieldsNeverRun_data(); }
    void inspectedSchemasPass()
    {
        SCRATCH_DB_FOR_ROW(db, d);
        SqlExecutor sql(db->connection().database(), d);
        QStringList statements = SqlGenerator::create(d)->schemaStatements(test::richSchema(d));
        if (d == Dialect::PostgreSQL)
            statements.prepend(QStringLiteral("CREATE FUNCTION covet_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"));
        for (const QString &s : std::as_const(statements)) {
            auto r = sql.exec(s);
            QVERIFY2(r, qPrintable(test::errorText(r)));
        }
        const Schema inspected = test::inspectSchema(db->connection());
        QVERIFY(!inspected.tables.isEmpty());
        for (const SqlFragmentCheck::Finding &f : SqlFragmentCheck::checkSchema(inspected))
            QFAIL(qPrintable(f.path + QStringLiteral(": ") + f.message));
        // And through a models file, as `covet inspect --format yaml` writes it.
        auto models = ModelsFile::parse(ModelsFile::write(inspected), QStringLiteral("inspected.yaml"));
        QVERIFY2(models, qPrintable(test::errorText(models)));
    }

    // The same SQL inside string literals is data, and applies.
    void quotedSqlIsData_data() { hostileFieldsNeverRun_data(); }
    void quotedSqlIsData()
    {
        SCRATCH_DB_FOR_ROW(db, d);
        QTemporaryDir project;
        const QString dir = project.path();
        writeProject(dir, d, *db);
        writeFile(dir + QStringLiteral("/migrations/0001_victim.yaml"),
                  "dependencies: []\noperations:\n"
                  "  - op: create_table\n    definition: {name: victim, columns: [{name: v, type: integer}]}\n"
                  "  - op: run_sql\n    forward: INSERT INTO victim (v) VALUES (42)\n");
        writeFile(dir + QStringLiteral("/migrations/0002_quoted.yaml"),
                  "dependencies: [0001_victim]\noperations:\n"
                  "  - op: add_column\n    table: victim\n"
                  "    column: {name: note, type: varchar(200), default: \"'x''; DROP TABLE victim; CREATE TABLE pwned(i int); --'\"}\n"
                  "  - op: add_check\n    table: victim\n"
                  "    check: {name: ck_note, expression: \"note <> 'DROP TABLE victim;'\"}\n"
                  "  - op: create_view\n    name: v_victim\n"
                  "    definition: \"SELECT v, 'a;b' AS s FROM victim;\"\n");
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err, dir), 0);
        Connection &c = db->connection();
        QVERIFY(tableExists(c, QStringLiteral("victim")));
        QVERIFY(!tableExists(c, QStringLiteral("pwned")));
        SqlExecutor sql(c.database(), d);
        auto rows = sql.rows(QStringLiteral("SELECT note FROM victim"));
        QVERIFY2(rows && rows->size() == 1, qPrintable(test::errorText(rows)));
        QCOMPARE(rows->first().value(0).toString(), QStringLiteral("x'; DROP TABLE victim; CREATE TABLE pwned(i int); --"));
    }

    // A canonical JSON schema (covet diff --to schema.json) follows the
    // rules of models files.
    void jsonSchemaFollowsTheRules()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("schema.json"));
        writeFile(path, R"({"tables": [{"name": "b"}, {"name": "a", "columns": [{"name": "c", "type": "text",
                        "default": "'x'; DROP TABLE victim; CREATE TABLE pwned(i int); SELECT 'x'"}]}]})");
        const auto s = SchemaSource::load(path);
        QVERIFY(!s);
        QCOMPARE(s.error().location(), path);
        QVERIFY2(s.error().message().startsWith(QStringLiteral("table a columns[0].default cannot hold this SQL: it holds a statement separator")),
                 qPrintable(s.error().toString()));
    }

    // SQLite's own message for a text of several statements was "not an error".
    void sqliteNamesSeveralStatements()
    {
        auto db = test::ScratchDatabase::create(Dialect::SQLite, {});
        QVERIFY(db);
        SqlExecutor sql(db->connection().database(), Dialect::SQLite);
        QVERIFY(sql.exec(QStringLiteral("CREATE TABLE victim (v integer)")));
        const auto r = sql.exec(QStringLiteral("CREATE TABLE t (a text DEFAULT 'x'); DROP TABLE victim; CREATE TABLE pwned (i int)"));
        QVERIFY(!r);
        QVERIFY2(!r.error().message().contains(QStringLiteral("not an error")), qPrintable(r.error().toString()));
        QVERIFY2(r.error().message().contains(QStringLiteral("more than one SQL statement")), qPrintable(r.error().toString()));
        QVERIFY(tableExists(db->connection(), QStringLiteral("victim")));
        QVERIFY(!tableExists(db->connection(), QStringLiteral("t")));
    }
};

QTEST_GUILESS_MAIN(TestCliHostileInput)
#include "tst_clihostileinput.moc"
