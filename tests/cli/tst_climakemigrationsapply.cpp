// covet-test-labels: cli engine sqlite postgres mysql
// makemigrations writes migrations that apply (issue 11, item 5), on the
// three real databases, through the CLI and the engine:
//  (a) a type change of a column a generated column uses: PostgreSQL gets
//      the generated column dropped and added again around it (with its
//      index and the view over it); MariaDB and SQLite need nothing;
//  (b) a NOT NULL column added to a table with rows: without a default or a
//      backfill it is refused naming table, column and row count (by
//      makemigrations against the database, and by migrate when written
//      anyway); with `backfill:` it is added in steps;
//  (c) the new migration is tried on the project's database before it is
//      written: a failing statement (PostgreSQL, SQLite) or a broken data
//      check (all three) writes nothing and says why.
#include "runner/migrationmaker.h"
#include "runner/migrationrunner.h"
#include "../migrations/migrationtestsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::scalar;

namespace {

struct Project
{
    QTemporaryDir dir;
    std::unique_ptr<test::ScratchDatabase> db;
    Dialect dialect = Dialect::SQLite;

    QString path(const QString &name) const { return dir.filePath(name); }
    void models(const QByteArray &tables) const { test::writeFile(path(QStringLiteral("models.yaml")), "version: 1\ntables:\n" + tables); }
    int cli(const QStringList &args, QString *out, QString *err) const { return test::runCli(args, out, err, dir.path()); }
    int make(QString *out, QString *err, const QStringList &more = {}) const
    {
        return cli(QStringList{QStringLiteral("makemigrations"), QStringLiteral("--no-input")} + more, out, err);
    }
    QStringList files() const { return QDir(path(QStringLiteral("migrations"))).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name); }
    Connection &conn() const { return db->connection(); }
};

std::unique_ptr<Project> project(Dialect d, QString *error)
{
    auto p = std::make_unique<Project>();
    p->dialect = d;
    p->db = test::ScratchDatabase::create(d, test::serverFor(d), error);
    if (!p->db)
        return nullptr;
    QDir(p->dir.path()).mkpath(QStringLiteral("migrations"));
    test::writeFile(p->path(QStringLiteral("covet.yaml")), QStringLiteral("dialect: %1\ndatabase: \"%2\"\nmigrations: migrations\nmodels: models.yaml\n")
                                                              .arg(dialectName(d), p->db->urlString())
                                                              .toUtf8());
    return p;
}

#define COVET_PROJECT(var, d)                                                                  \
    QString var##_error;                                                                       \
    auto var = project(d, &var##_error);                                                       \
    QVERIFY2(var, qPrintable(var##_error))

// The row's dialect `d` and a project `p` on a scratch database of it.
#define COVET_DIALECT_PROJECT(p, d)                                                            \
    QFETCH(int, dialect);                                                                      \
    const Dialect d = Dialect(dialect);                                                        \
    COVET_REQUIRE_DIALECT(d);                                                                  \
    COVET_PROJECT(p, d)

#define COVET_CLI_OK(p, ...)                                                                   \
    do {                                                                                       \
        QString o_, e_;                                                                        \
        const int rc_ = (p)->cli(__VA_ARGS__, &o_, &e_);                                       \
        QVERIFY2(rc_ == 0, qPrintable(QStringLiteral("exit %1\n%2\n%3").arg(rc_).arg(o_, e_))); \
    } while (false)

const QStringList kMigrate{QStringLiteral("migrate")};

// Writes the models, makes and applies the first migration, then adds rows.
QString start(const Project &p, const QByteArray &models, const QString &insert)
{
    p.models(models);
    QString out, err;
    if (const int rc = p.make(&out, &err); rc != 0)
        return QStringLiteral("makemigrations: exit %1\n%2%3").arg(rc).arg(out, err);
    if (const int rc = p.cli(kMigrate, &out, &err); rc != 0)
        return QStringLiteral("migrate: exit %1\n%2%3").arg(rc).arg(out, err);
    SqlExecutor sql(p.conn().database(), p.dialect);
    auto r = sql.exec(insert);
    return r ? QString() : r.error().toString();
}

#define COVET_START(p, models, insert)                                                         \
    do {                                                                                       \
        const QString started_ = start(*(p), models, insert);                                  \
        QVERIFY2(started_.isEmpty(), qPrintable(started_));                                    \
    } while (false)

} // namespace

class TestCliMakemigrationsApply : public QObject
{
    Q_OBJECT

private slots:
    void generatedColumnTypeChange_data() { test::addDialectRows(); }
    void generatedColumnTypeChange();
    void notNullColumnOnRows_data() { test::addDialectRows(); }
    void notNullColumnOnRows();
    void failingStatementIsNotWritten_data() { test::addDialectRows(); }
    void failingStatementIsNotWritten();
    void engineChecksConversions_data() { test::addDialectRows(); }
    void engineChecksConversions();
    void engineGeneratedAndBackfill_data() { test::addDialectRows(); }
    void engineGeneratedAndBackfill();
};

void TestCliMakemigrationsApply::generatedColumnTypeChange()
{
    COVET_DIALECT_PROJECT(p, d);
    const QByteArray table = R"y(  - name: g
    columns:
      - {name: id, type: integer, nullable: false}
      - {name: price, type: "numeric(10,2)"}
      - {name: qty, type: %QTY%}
      - {name: total, type: "numeric(20,2)", generated: price * qty, stored: true}
    primary_key: [id]
    indexes:
      - {name: g_total, columns: [total]}
)y";
    COVET_START(p, QByteArray(table).replace("%QTY%", "integer"), QStringLiteral("INSERT INTO g (id, price, qty) VALUES (1, 2.50, 3), (2, 1.25, 4)"));
    QString out, err;

    p->models(QByteArray(table).replace("%QTY%", "bigint"));
    const int rc = p->make(&out, &err);
    QVERIFY2(rc == 0, qPrintable(out + err));
    const bool regenerates = out.contains(QStringLiteral("Drop column g.total")) && out.contains(QStringLiteral("Add column g.total"));
    QVERIFY2(regenerates == (d == Dialect::PostgreSQL), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("checked against")) && out.contains(QStringLiteral("it applies")) == (d != Dialect::MySQL),
             qPrintable(out + err));
    QCOMPARE(p->cli(kMigrate, &out, &err), 0);
    QVERIFY2(!err.contains(QStringLiteral("destroy data")), qPrintable(err));   // the generated column is recomputed, not lost
    QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(*) FROM g WHERE total = price * qty")), 2);
    QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(*) FROM g WHERE id = 1 AND total = 7.5")), 1);
    const Schema after = test::inspectSchema(p->conn());
    QVERIFY(after.table(QStringLiteral("g")));
    QVERIFY(after.table(QStringLiteral("g"))->column(QStringLiteral("total"))->isGenerated());
    bool indexed = false;
    for (const Index &i : after.table(QStringLiteral("g"))->indexes)
        indexed = indexed || i.name == QStringLiteral("g_total");
    QVERIFY(indexed);
    // The models and the database agree afterwards.
    QCOMPARE(p->make(&out, &err, {QStringLiteral("--check")}), 0);

    // A hand-written alter_column on PostgreSQL gets the same steps in its SQL.
    if (d == Dialect::PostgreSQL) {
        test::writeFile(p->path(QStringLiteral("migrations/0003_price.yaml")), R"y(dependencies: [0002_alter_g]
operations:
  - op: alter_column
    table: g
    before: {name: price, type: "numeric(10,2)"}
    after: {name: price, type: "numeric(12,2)"}
)y");
        COVET_CLI_OK(p, kMigrate);
        QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(*) FROM g WHERE total = price * qty")), 2);
        QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'g_total'")), 1);
    }
}

void TestCliMakemigrationsApply::notNullColumnOnRows()
{
    COVET_DIALECT_PROJECT(p, d);
    const QByteArray items = R"y(  - name: items
    columns:
      - {name: id, type: integer, nullable: false}
      - {name: name, type: "varchar(20)"}
)y";
    COVET_START(p, items + "    primary_key: [id]\n", QStringLiteral("INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')"));
    QString out, err;

    // No default, no backfill: makemigrations says what is missing and writes nothing.
    p->models(items + "      - {name: status, type: \"varchar(16)\", nullable: false}\n    primary_key: [id]\n");
    QCOMPARE(p->make(&out, &err), 6);
    QVERIFY2(err.contains(QStringLiteral("cannot add items.status NOT NULL: table items has 3 rows")) && err.contains(QStringLiteral("backfill"))
                 && err.contains(QStringLiteral("Nothing was written")),
             qPrintable(err));
    QCOMPARE(p->files().size(), 1);
    // Written anyway, migrate refuses the same way and changes nothing (MySQL would fill '').
    QCOMPARE(p->make(&out, &err, {QStringLiteral("--no-db-check")}), 0);
    QCOMPARE(p->files().size(), 2);
    QCOMPARE(p->cli(kMigrate, &out, &err), 6);
    QVERIFY2(err.contains(QStringLiteral("cannot add items.status NOT NULL: table items has 3 rows")), qPrintable(err));
    QVERIFY(!test::inspectSchema(p->conn()).table(QStringLiteral("items"))->column(QStringLiteral("status")));
    QVERIFY(QFile::remove(p->path(QStringLiteral("migrations/") + p->files().last())));

    // With a backfill naming another column: added in steps, checked first.
    p->models(items + "      - {name: status, type: \"varchar(16)\", nullable: false, backfill: upper(name)}\n    primary_key: [id]\n");
    QCOMPARE(p->make(&out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("existing rows set to upper(name)")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("checked against")), qPrintable(out + err));
    QFile written(p->path(QStringLiteral("migrations/") + p->files().last()));
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray text = written.readAll();
    QVERIFY2(text.contains("backfill:") && text.contains("upper(name)"), text.constData());
    COVET_CLI_OK(p, kMigrate);
    QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(*) FROM items WHERE status = upper(name)")), 3);
    const Schema after = test::inspectSchema(p->conn());
    const Column *status = after.table(QStringLiteral("items"))->column(QStringLiteral("status"));
    QVERIFY(status && !status->nullable);
    QCOMPARE(p->make(&out, &err, {QStringLiteral("--check")}), 0);
}

void TestCliMakemigrationsApply::failingStatementIsNotWritten()
{
    COVET_DIALECT_PROJECT(p, d);
    const QByteArray items = R"y(  - name: items
    columns:
      - {name: id, type: integer, nullable: false}
      - {name: sku, type: "varchar(20)"}
    primary_key: [id]
)y";
    COVET_START(p, items, QStringLiteral("INSERT INTO items (id, sku) VALUES (1, 'a'), (2, 'a')"));
    QString out, err;

    p->models(items + "    unique: [{name: items_sku_key, columns: [sku]}]\n");
    const int rc = p->make(&out, &err);
    if (d == Dialect::MySQL) {
        // MySQL commits DDL at once: only the data checks run, and it says so.
        QCOMPARE(rc, 0);
        QVERIFY2(err.contains(QStringLiteral("cannot execute")) || err.contains(QStringLiteral("only printed")), qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("the statements were not executed")), qPrintable(out));
        return;
    }
    QVERIFY2(rc == 5, qPrintable(QStringLiteral("exit %1\n%2\n%3").arg(rc).arg(out, err)));
    QVERIFY2(err.contains(QStringLiteral("would not apply to")) && err.contains(QStringLiteral("Nothing was written"))
                 && err.contains(QStringLiteral("items_sku_key")),
             qPrintable(err));
    QCOMPARE(p->files().size(), 1);
    QCOMPARE(p->make(&out, &err, {QStringLiteral("--check")}), 1);   // still different; nothing was written
    // An explicit database that cannot be reached is an error; the default one only a warning.
    QCOMPARE(p->make(&out, &err, {QStringLiteral("--db"), QStringLiteral("postgresql://nobody@127.0.0.1:1/none")}), 4);
    QCOMPARE(p->files().size(), 1);
}

void TestCliMakemigrationsApply::engineChecksConversions()
{
    COVET_DIALECT_PROJECT(p, d);
    const QByteArray table = R"y(  - name: items
    columns:
      - {name: id, type: integer, nullable: false}
      - {name: price, type: %PRICE%}
    primary_key: [id]
)y";
    COVET_START(p, QByteArray(table).replace("%PRICE%", "\"numeric(10,2)\""), QStringLiteral("INSERT INTO items (id, price) VALUES (1, 2.50), (2, 3.00), (3, 4.75)"));
    QString out, err;
    p->models(QByteArray(table).replace("%PRICE%", "integer"));

    auto config = ProjectConfig::read(p->path(QStringLiteral("covet.yaml")));
    COVET_VERIFY_OK(config);
    MakeMigrationsOptions o;
    o.checkDatabase = p->db->urlString();
    o.checkRequired = true;
    auto refused = MigrationMaker(*config).make(o);
    QVERIFY(!refused);
    QCOMPARE(refused.error().category(), Error::Category::Conflict);
    QVERIFY2(refused.error().message().contains(QStringLiteral("changing items.price from")) &&
                 refused.error().message().contains(QStringLiteral("2 rows hold values that have a fractional part")),
             qPrintable(refused.error().message()));
    QCOMPARE(p->files().size(), 1);

    o.allowLossy = true;
    auto made = MigrationMaker(*config).make(o);
    COVET_VERIFY_OK(made);
    QVERIFY(made->liveCheck && made->liveCheck->checked);
    QCOMPARE(made->liveCheck->executed, d != Dialect::MySQL);
    QVERIFY(std::get<AlterColumn>(made->migration->operations.first()).allowLossy);
    // Two prices are rounded: without the DBA's yes nothing runs.
    QString refusedOut, refusedErr;
    QCOMPARE(p->cli(kMigrate, &refusedOut, &refusedErr), 2);
    QVERIFY2(refusedErr.contains(QStringLiteral("destroys data")) && (refusedOut + refusedErr).contains(QStringLiteral("items.price")), qPrintable(refusedOut + refusedErr));
    QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(*) FROM items WHERE price <> round(price)")), 2);
    COVET_CLI_OK(p, (QStringList{QStringLiteral("migrate"), QStringLiteral("--yes")}));
    QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT sum(price) FROM items")), 3 + 3 + 5);
}

// (a) and (b) through the engine alone: MigrationMaker with the database
// check, then MigrationRunner.
void TestCliMakemigrationsApply::engineGeneratedAndBackfill()
{
    COVET_DIALECT_PROJECT(p, d);
    const QByteArray table = R"y(  - name: g
    columns:
      - {name: id, type: integer, nullable: false}
      - {name: name, type: "varchar(20)"}
      - {name: qty, type: %QTY%}
      - {name: twice, type: bigint, generated: qty * 2, stored: true}
%STATUS%    primary_key: [id]
)y";
    auto models = [&](const char *qty, const char *status) {
        return QByteArray(table).replace("%QTY%", qty).replace("%STATUS%", status);
    };
    COVET_START(p, models("integer", ""), QStringLiteral("INSERT INTO g (id, name, qty) VALUES (1, 'a', 3), (2, 'b', 4)"));
    auto config = ProjectConfig::read(p->path(QStringLiteral("covet.yaml")));
    COVET_VERIFY_OK(config);
    MakeMigrationsOptions o;
    o.checkDatabase = p->db->urlString();
    o.checkRequired = true;

    // (a) qty's type changes under the generated column.
    p->models(models("bigint", ""));
    auto retyped = MigrationMaker(*config).make(o);
    COVET_VERIFY_OK(retyped);
    bool dropsGenerated = false;
    for (const Operation &op : retyped->migration->operations)
        dropsGenerated = dropsGenerated || (std::holds_alternative<DropColumn>(op) && std::get<DropColumn>(op).column == QStringLiteral("twice"));
    QCOMPARE(dropsGenerated, d == Dialect::PostgreSQL);
    QVERIFY(retyped->liveCheck && retyped->liveCheck->checked);
    auto applied = test::migrateDirectory(p->conn(), p->path(QStringLiteral("migrations")));
    COVET_VERIFY_OK(applied);
    QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(*) FROM g WHERE twice = qty * 2")), 2);

    // (b) a NOT NULL column on rows: refused naming the rows, then backfilled.
    p->models(models("bigint", "      - {name: status, type: \"varchar(16)\", nullable: false}\n"));
    auto refused = MigrationMaker(*config).make(o);
    QVERIFY(!refused);
    QCOMPARE(refused.error().category(), Error::Category::Conflict);
    QVERIFY2(refused.error().message().contains(QStringLiteral("cannot add g.status NOT NULL: table g has 2 rows")), qPrintable(refused.error().message()));
    QCOMPARE(p->files().size(), 2);
    p->models(models("bigint", "      - {name: status, type: \"varchar(16)\", nullable: false, backfill: \"'new'\"}\n"));
    auto backfilled = MigrationMaker(*config).make(o);
    COVET_VERIFY_OK(backfilled);
    QCOMPARE(std::get<AddColumn>(backfilled->migration->operations.first()).backfill, QStringLiteral("'new'"));
    auto added = test::migrateDirectory(p->conn(), p->path(QStringLiteral("migrations")));
    COVET_VERIFY_OK(added);
    QCOMPARE(scalar(p->conn(), QStringLiteral("SELECT count(*) FROM g WHERE status = 'new'")), 2);
}

QTEST_GUILESS_MAIN(TestCliMakemigrationsApply)
#include "tst_climakemigrationsapply.moc"
