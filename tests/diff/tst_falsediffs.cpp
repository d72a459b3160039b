// covet-test-labels: engine sqlite postgres mysql
// No false differences right after a clean apply: the models' SQL is run on a
// real database, the database is inspected, and the diff against the models
// must be empty (SQLite rowid alias, InnoDB's own foreign-key index,
// PostgreSQL ?schema= with other schemas in the database).
#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "diff/differ.h"
#include "operations/operationdescriber.h"
#include "sources/modelsfile.h"
#include "sources/schemasource.h"
#include "sql/sqlgenerator.h"

#include <QTest>

using namespace covet;

namespace {

const char *const kModels = R"(tables:
  - name: customers
    columns:
      - {name: id, type: bigint, identity: auto_increment, nullable: false}
      - {name: email, type: varchar(255), nullable: false}
      - {name: status, type: varchar(20), nullable: false, default: "'active'"}
    primary_key: [id]
    unique: [{name: uq_customers_email, columns: [email]}]
  - name: products
    columns:
      - {name: id, type: bigint, identity: auto_increment, nullable: false}
      - {name: title, type: text, nullable: false}
    primary_key: [id]
  - name: orders
    columns:
      - {name: id, type: bigint, identity: auto_increment, nullable: false}
      - {name: customer_id, type: bigint, nullable: false}
      - {name: product_id, type: bigint}
      - {name: note, type: text}
    primary_key: [id]
    indexes:
      - {name: ix_orders_customer, columns: [customer_id]}
    foreign_keys:
      - {name: fk_orders_customer, columns: [customer_id], references: {table: customers, columns: [id]}, on_delete: cascade}
      - {name: fk_orders_product, columns: [product_id], references: {table: products, columns: [id]}}
)";

QString listing(const OperationList &ops)
{
    QStringList out;
    for (const Operation &op : ops)
        out << OperationDescriber::describe(op);
    return u'\n' + out.join(u'\n');
}

Schema models(const QByteArray &text)
{
    auto m = ModelsFile::parse(text, QStringLiteral("models.yaml"));
    if (!m)
        qFatal("models: %s", qPrintable(m.error().toString()));
    return m->schema();
}

// Creates the models' schema in the database the way `covet migrate` would:
// the plan from nothing, rendered for the dialect, executed.
QString apply(test::ScratchDatabase &db, const Schema &desired)
{
    auto plan = Differ::diff(Schema{}, desired);
    if (!plan)
        return plan.error().toString();
    auto sql = SqlGenerator::create(db.url().dialect())->renderAll(plan->operations, Schema{});
    if (!sql)
        return sql.error().toString();
    SqlExecutor ex(db.connection().database(), db.url().dialect());
    for (const QString &s : *sql)
        if (auto r = ex.exec(s); !r)
            return r.error().toString();
    return {};
}

} // namespace

class TstFalseDiffs : public QObject
{
    Q_OBJECT

    void applyInspectDiff(Dialect dialect, const QString &server)
    {
        COVET_SCRATCH_DB(db, dialect, server);
        const Schema desired = models(kModels);
        const QString applied = apply(*db, desired);
        QVERIFY2(applied.isEmpty(), qPrintable(applied));
        auto actual = SchemaSource::inspectDatabase(db->url());
        COVET_VERIFY_OK(actual);
        auto d = Differ::diff(*actual, desired);
        COVET_VERIFY_OK(d);
        QVERIFY2(d->isEmpty(), qPrintable(listing(d->operations)));

        // A real change still shows, alone.
        QByteArray changed = QByteArray(kModels).replace("{name: note, type: text}", "{name: note, type: text}\n      - {name: qty, type: integer}");
        auto one = Differ::diff(*actual, models(changed));
        COVET_VERIFY_OK(one);
        QCOMPARE(listing(one->operations), QStringLiteral("\nAdd column orders.qty integer"));
    }

private slots:
    void sqliteAutoincrementBigintAndForeignKeys()
    {
        applyInspectDiff(Dialect::SQLite, QString());
    }

    void mysqlImplicitForeignKeyIndex()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        applyInspectDiff(Dialect::MySQL, url);
    }

    void mysqlExplicitIndexStillCompared()
    {
        // An index the models do not have, that is not InnoDB's own, is still a difference.
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        const Schema desired = models(kModels);
        const QString applied = apply(*db, desired);
        QVERIFY2(applied.isEmpty(), qPrintable(applied));
        QVERIFY(db->execScript(QStringLiteral("CREATE INDEX ix_orders_note ON orders (note(10));")));
        auto actual = SchemaSource::inspectDatabase(db->url());
        COVET_VERIFY_OK(actual);
        auto d = Differ::diff(*actual, desired);
        COVET_VERIFY_OK(d);
        QCOMPARE(listing(d->operations), QStringLiteral("\nDrop index ix_orders_note on orders"));
    }

    void postgresTargetSchemaOnly()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        COVET_SCRATCH_DB(db, Dialect::PostgreSQL, url);
        QString error;
        QVERIFY2(db->execScript(QStringLiteral("CREATE TABLE public.legacy (id int PRIMARY KEY, x text);\n"
                                               "CREATE SCHEMA app;\n"
                                               "CREATE TABLE app.customers (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                                               " email varchar(255) NOT NULL);\n"
                                               "CREATE TABLE app.orders (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                                               " customer_id bigint NOT NULL REFERENCES app.customers (id));\n"),
                                &error),
                 qPrintable(error));
        auto target = DatabaseUrl::parse(db->urlString() + QStringLiteral("?schema=app"));
        COVET_VERIFY_OK(target);
        auto actual = SchemaSource::inspectDatabase(*target);
        COVET_VERIFY_OK(actual);
        const QByteArray appModels = R"(tables:
  - name: customers
    columns:
      - {name: id, type: bigint, nullable: false, identity: by_default}
      - {name: email, type: varchar(255), nullable: false}
    primary_key: [id]
  - name: orders
    columns:
      - {name: id, type: bigint, nullable: false, identity: by_default}
      - {name: customer_id, type: bigint, nullable: false}
    primary_key: [id]
    foreign_keys:
      - {name: orders_customer_id_fkey, columns: [customer_id], references: {table: customers, columns: [id]}}
)";
        auto d = Differ::diff(*actual, models(appModels));
        COVET_VERIFY_OK(d);
        QVERIFY2(d->isEmpty(), qPrintable(listing(d->operations)));

        auto one = Differ::diff(*actual, models(QByteArray(appModels).replace("varchar(255)", "varchar(300)")));
        COVET_VERIFY_OK(one);
        QCOMPARE(listing(one->operations), QStringLiteral("\nAlter column customers.email: type varchar(255) -> varchar(300)"));

        // Through the CLI, as the reviewer ran it: only the change, in the target schema.
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("models.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(appModels).replace("varchar(255)", "varchar(300)"));
        f.close();
        QString out, err;
        const int rc = test::runCli({QStringLiteral("diff"), QStringLiteral("--from"), target->toString(), QStringLiteral("--to"),
                                     f.fileName(), QStringLiteral("--format"), QStringLiteral("sql")},
                                    &out, &err);
        QVERIFY2(rc == 1, qPrintable(QString::number(rc) + err));
        QVERIFY2(!out.contains(QStringLiteral("DROP")) && out.contains(QStringLiteral("ALTER TABLE")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TstFalseDiffs)
#include "tst_falsediffs.moc"
