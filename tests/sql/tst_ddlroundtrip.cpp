// covet-test-labels: engine sqlite postgres mysql
//
// DDL round trip on the real databases: a rich Schema -> SqlGenerator ->
// executed (through QtSql, and as a script through sqlite3 / psql / mariadb)
// -> inspected -> compared with the original.

#include "richschema.h"
#include "schemacompare.h"
#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "sources/inspector.h"
#include "sql/sqlgenerator.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using covet::test::ScratchDatabase;

namespace {

// PostgreSQL trigger functions are not part of the model: the schema's
// trigger calls this one.
const QString kPgTouchFunction = QStringLiteral(
    "CREATE FUNCTION covet_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");

// Inspects the scratch database and compares it with `expected`.
QString inspectAndCompare(ScratchDatabase &db, const Schema &expected)
{
    SqlExecutor ex(db.connection().database(), db.url().dialect());
    auto inspected = Inspector::create(db.url().dialect())->inspect(ex);
    if (!inspected)
        return QStringLiteral("inspection failed: ") + inspected.error().toString();
    covet::test::CompareOptions o;
    o.dialect = db.url().dialect();
    return covet::test::SchemaComparer(o).firstDifference(expected, *inspected);
}

QString runStatements(ScratchDatabase &db, const QStringList &statements)
{
    SqlExecutor ex(db.connection().database(), db.url().dialect());
    for (const QString &s : statements)
        if (auto r = ex.exec(s); !r)
            return r.error().toString();
    return {};
}

// Runs a program with a file on standard input; returns "" or its output.
QString runTool(const QString &program, const QStringList &args, const QString &stdinFile, const QStringList &env = {})
{
    const QString exe = QStandardPaths::findExecutable(program);
    if (exe.isEmpty())
        return program + QStringLiteral(" is not installed (scripts/install-deps.sh installs it)");
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : env)
        e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    p.setProcessEnvironment(e);
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    p.start(exe, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return program + QStringLiteral(" did not finish");
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 failed (exit %2): %3%4")
            .arg(program)
            .arg(p.exitCode())
            .arg(QString::fromUtf8(p.readAllStandardError()), QString::fromUtf8(p.readAllStandardOutput()));
    return {};
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text.toUtf8());
    return path;
}

} // namespace

class TestDdlRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void comparerReportsDifferences()
    {
        // The comparison helper must be able to fail.
        const Schema a = covet::test::richSchema(Dialect::PostgreSQL);
        Schema b = a;
        covet::test::CompareOptions o;
        o.dialect = Dialect::PostgreSQL;
        const covet::test::SchemaComparer cmp(o);
        QCOMPARE(cmp.firstDifference(a, b), QString());
        b.table(QStringLiteral("orders"))->columns[3].nullable = true;
        QVERIFY(cmp.firstDifference(a, b).startsWith(QStringLiteral("table orders column total nullable differs")));
        b = a;
        b.table(QStringLiteral("orders"))->foreignKeys[0].onDelete = ForeignKey::Action::SetNull;
        QVERIFY(cmp.firstDifference(a, b).startsWith(QStringLiteral("table orders foreign key differs")));
        b = a;
        b.table(QStringLiteral("orders"))->checks[0].expression = QStringLiteral("total > 0");
        QVERIFY(!cmp.firstDifference(a, b).isEmpty());
        b = a;
        b.views[0].definition += QStringLiteral(" AND true");
        QVERIFY(cmp.firstDifference(a, b).contains(QStringLiteral("definition differs")));
        // What databases rewrite compares equal.
        QCOMPARE(covet::test::normalizedExpression(QStringLiteral("((status)::text = 'open'::text)")),
                 covet::test::normalizedExpression(QStringLiteral("status = 'open'")));
    }

    void sqlite()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        const Schema schema = covet::test::richSchema(Dialect::SQLite);
        const QString err = runStatements(*db, SqlGenerator::create(Dialect::SQLite)->schemaStatements(schema));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString d = inspectAndCompare(*db, schema);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    void postgres()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        COVET_SCRATCH_DB(db, Dialect::PostgreSQL, url);
        const Schema schema = covet::test::richSchema(Dialect::PostgreSQL);
        const QString err = runStatements(*db, QStringList{kPgTouchFunction} + SqlGenerator::create(Dialect::PostgreSQL)->schemaStatements(schema));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString d = inspectAndCompare(*db, schema);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    void mysql()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        const Schema schema = covet::test::richSchema(Dialect::MySQL);
        const QString err = runStatements(*db, SqlGenerator::create(Dialect::MySQL)->schemaStatements(schema));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString d = inspectAndCompare(*db, schema);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    void sqliteShell()
    {
        QTemporaryDir dir;
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        const Schema schema = covet::test::richSchema(Dialect::SQLite);
        const QString script = writeFile(dir, QStringLiteral("schema.sql"), SqlGenerator::create(Dialect::SQLite)->schemaScript(schema));
        const QString err = runTool(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), db->url().database()}, script);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString d = inspectAndCompare(*db, schema);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    void postgresShell()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        COVET_SCRATCH_DB(db, Dialect::PostgreSQL, url);
        QTemporaryDir dir;
        const Schema schema = covet::test::richSchema(Dialect::PostgreSQL);
        const QString script = writeFile(dir, QStringLiteral("schema.sql"),
                                         kPgTouchFunction + QStringLiteral(";\n") + SqlGenerator::create(Dialect::PostgreSQL)->schemaScript(schema));
        const DatabaseUrl &u = db->url();
        const QString err = runTool(QStringLiteral("psql"),
                                    {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                     QStringLiteral("-h"), u.host(), QStringLiteral("-p"), QString::number(u.port()), QStringLiteral("-U"),
                                     u.user(), QStringLiteral("-d"), u.database(), QStringLiteral("-f"), script},
                                    QString(), {QStringLiteral("PGPASSWORD=") + u.resolvePassword()});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString d = inspectAndCompare(*db, schema);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    void mysqlShell()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        QTemporaryDir dir;
        const Schema schema = covet::test::richSchema(Dialect::MySQL);
        const QString script = writeFile(dir, QStringLiteral("schema.sql"), SqlGenerator::create(Dialect::MySQL)->schemaScript(schema));
        const DatabaseUrl &u = db->url();
        const QString err = runTool(QStringLiteral("mariadb"),
                                    {QStringLiteral("--no-defaults"), QStringLiteral("-h"), u.host(), QStringLiteral("-P"),
                                     QString::number(u.port()), QStringLiteral("-u"), u.user(), u.database()},
                                    script, {QStringLiteral("MYSQL_PWD=") + u.resolvePassword()});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString d = inspectAndCompare(*db, schema);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }
};

QTEST_GUILESS_MAIN(TestDdlRoundTrip)
#include "tst_ddlroundtrip.moc"
