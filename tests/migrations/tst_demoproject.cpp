// covet-test-labels: engine sqlite
#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "runner/demoproject.h"
#include "sources/modelsfile.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

class TestDemoProject : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_project;
    std::unique_ptr<Connection> m_conn;

    qlonglong scalar(const QString &sql)
    {
        SqlExecutor ex(m_conn->database(), Dialect::SQLite);
        auto rows = ex.rows(sql);
        if (!rows || rows->isEmpty())
            return -1;
        return rows->first().first().toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        auto created = DemoProject::create(m_tmp.filePath(QStringLiteral("shop")));
        QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
        m_project = *created;
        QVERIFY(QDir::isAbsolutePath(m_project));
        auto conn = Connection::open(DatabaseUrl::sqliteFile(QDir(m_project).filePath(DemoProject::databaseFileName())),
                                     QStringLiteral("test"), false);
        QVERIFY2(conn, qPrintable(conn ? QString() : conn.error().toString()));
        m_conn = std::move(*conn);
    }

    void filesAreCopied_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("config") << QStringLiteral("covet.yaml");
        QTest::newRow("models") << QStringLiteral("models.yaml");
        QTest::newRow("seed") << QStringLiteral("seed.sql");
        QTest::newRow("0001") << QStringLiteral("migrations/0001_initial.sql");
        QTest::newRow("0002") << QStringLiteral("migrations/0002_customer_loyalty.sql");
        QTest::newRow("0003") << QStringLiteral("migrations/0003_product_flags.sql");
    }
    void filesAreCopied()
    {
        QFETCH(QString, file);
        QFile f(QDir(m_project).filePath(file));
        QVERIFY2(f.exists(), qPrintable(f.fileName()));
        QVERIFY(f.size() > 0);
        // The user can edit the copies (resources are read-only).
        QVERIFY(f.permissions() & QFile::WriteOwner);
        QFile original(covet::test::sourcePath(QStringLiteral("resources/demo/") + file));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), original.readAll());
    }

    void rowCounts_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<qlonglong>("rows");
        QTest::newRow("categories") << QStringLiteral("categories") << 12LL;
        QTest::newRow("customers") << QStringLiteral("customers") << 500LL;
        QTest::newRow("products") << QStringLiteral("products") << 200LL;
        QTest::newRow("orders") << QStringLiteral("orders") << 2000LL;
        QTest::newRow("order_items") << QStringLiteral("order_items") << 5000LL;
    }
    void rowCounts()
    {
        QFETCH(QString, table);
        QFETCH(qlonglong, rows);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM \"%1\"").arg(table)), rows);
    }

    void foreignKeysHold()
    {
        SqlExecutor ex(m_conn->database(), Dialect::SQLite);
        auto violations = ex.rows(QStringLiteral("PRAGMA foreign_key_check"));
        QVERIFY(violations);
        QCOMPARE(violations->size(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_list('order_items')")), 2LL);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_list('order_items') "
                                       "WHERE \"table\" = 'orders' AND on_delete = 'CASCADE'")), 1LL);
    }

    void cascadeDeletesItems()
    {
        SqlExecutor ex(m_conn->database(), Dialect::SQLite);
        QVERIFY(ex.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        QVERIFY(m_conn->database().transaction());
        const qlonglong items = scalar(QStringLiteral("SELECT COUNT(*) FROM order_items WHERE order_id = 7"));
        QVERIFY(items > 0);
        QVERIFY(ex.exec(QStringLiteral("DELETE FROM orders WHERE id = 7")));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM order_items")), 5000 - items);
        // Products are protected: a sold product cannot be deleted.
        QVERIFY(!ex.exec(QStringLiteral("DELETE FROM products WHERE id = (SELECT product_id FROM order_items LIMIT 1)")));
        QVERIFY(m_conn->database().rollback());
    }

    void viewAndTriggerExist()
    {
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'view' AND name = 'order_totals'")), 1LL);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'trg_order_items_stock'")), 1LL);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM order_totals")), 2000LL);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%'")), 4LL);
        // The trigger took every sold unit out of stock: stock is 100 + (id*13) % 400 before sales.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM products p WHERE stock + "
                                       "(SELECT COALESCE(SUM(quantity), 0) FROM order_items WHERE product_id = p.id) "
                                       "<> 100 + (p.id * 13) % 400")), 0LL);
    }

    void twoMigrationsAppliedTheThirdPending()
    {
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM _covet_migrations")), 2LL);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM _covet_migrations WHERE id IN ('0001_initial', '0002_customer_loyalty')")), 2LL);
        // 0002's loyalty values are data a rollback would destroy: 500
        // points (0 for those outside the programme) and 334 tiers.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(loyalty_points) FROM customers")), 500LL);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(loyalty_tier) FROM customers")), 334LL);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM customers WHERE loyalty_points > 0")), 334LL);
        // 0003 adds products.discontinued and idx_customers_country: still pending.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('products') WHERE name = 'discontinued'")), 0LL);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'idx_customers_country'")), 0LL);
    }

    void modelsFileIsNewerThanTheMigrations()
    {
        auto models = ModelsFile::read(QDir(m_project).filePath(QStringLiteral("models.yaml")));
        QVERIFY2(models, qPrintable(models ? QString() : models.error().toString()));
        const Schema &s = models->schema();
        QVERIFY(s.table(QStringLiteral("reviews")));                      // an added table
        QVERIFY(s.table(QStringLiteral("customers"))->column(QStringLiteral("phone")));   // an added column
        QVERIFY(s.table(QStringLiteral("customers"))->column(QStringLiteral("full_name")));
        QVERIFY(s.table(QStringLiteral("orders"))->column(QStringLiteral("placed_at")));
        QVERIFY(s.view(QStringLiteral("order_totals")));
        // One rename is declared, the other is left for the rename detector.
        const QList<RenameHint> hints = models->renameHints();
        QCOMPARE(hints.size(), 1);
        QCOMPARE(hints.first().table, QStringLiteral("customers"));
        QCOMPARE(hints.first().from, QStringLiteral("name"));
        QCOMPARE(hints.first().to, QStringLiteral("full_name"));
        // The database holds the old names.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('customers') WHERE name = 'name'")), 1LL);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('orders') WHERE name = 'placed'")), 1LL);
    }

    void deterministic()
    {
        QTemporaryDir other;
        auto again = DemoProject::create(other.path());
        QVERIFY(again);
        auto conn = Connection::open(DatabaseUrl::sqliteFile(QDir(*again).filePath(DemoProject::databaseFileName())));
        QVERIFY(conn);
        const QString digest = QStringLiteral(
            "SELECT SUM(o.id * 31 + o.customer_id * 7 + length(o.placed)), "
            "(SELECT SUM(quantity * product_id + order_id) FROM order_items), "
            "(SELECT group_concat(email, ',') FROM (SELECT email FROM customers ORDER BY id LIMIT 50)) FROM orders o");
        SqlExecutor a(m_conn->database(), Dialect::SQLite);
        SqlExecutor b((*conn)->database(), Dialect::SQLite);
        auto ra = a.rows(digest);
        auto rb = b.rows(digest);
        QVERIFY(ra && rb);
        QCOMPARE(*ra, *rb);
    }

    void refusesExistingProject()
    {
        auto again = DemoProject::create(m_project);
        QVERIFY(!again);
        QCOMPARE(again.error().category(), Error::Category::Conflict);
        QVERIFY2(again.error().message().contains(QStringLiteral("empty directory")), qPrintable(again.error().toString()));
        // The existing project is untouched.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM orders")), 2000LL);
    }

    void unwritableTargetIsAnError()
    {
        QTemporaryDir tmp;
        const QString blocker = tmp.filePath(QStringLiteral("file"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto r = DemoProject::create(blocker + QStringLiteral("/sub"));
        QVERIFY(!r);
        QVERIFY2(r.error().location().contains(QStringLiteral("sub")), qPrintable(r.error().toString()));
    }

    void migrationSections()
    {
        const QString sql = QStringLiteral("-- header\n-- covet:up\nCREATE TABLE t (a INTEGER);\n-- covet:down\nDROP TABLE t;\n");
        auto up = DemoProject::migrationSection(sql, QStringLiteral("up"), QStringLiteral("x.sql"));
        QVERIFY(up);
        QVERIFY(up->contains(QStringLiteral("CREATE TABLE")));
        QVERIFY(!up->contains(QStringLiteral("DROP TABLE")));
        // Line numbers are kept: the CREATE is on line 3 of the file.
        QCOMPARE(up->split(u'\n').indexOf(QStringLiteral("CREATE TABLE t (a INTEGER);")), 2);
        auto down = DemoProject::migrationSection(sql, QStringLiteral("down"), QStringLiteral("x.sql"));
        QVERIFY(down && down->contains(QStringLiteral("DROP TABLE")) && !down->contains(QStringLiteral("CREATE")));
        auto missing = DemoProject::migrationSection(QStringLiteral("CREATE TABLE t (a INTEGER);"), QStringLiteral("up"),
                                                     QStringLiteral("x.sql"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().location(), QStringLiteral("x.sql"));
    }
};

QTEST_GUILESS_MAIN(TestDemoProject)
#include "tst_demoproject.moc"
