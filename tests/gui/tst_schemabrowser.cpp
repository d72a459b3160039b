// covet-test-labels: gui sqlite
#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "editors/sqleditor.h"
#include "jobs/inspectjob.h"
#include "runner/demoproject.h"
#include "models/schematreemodel.h"
#include "views/schemabrowserview.h"

#include <Qsci/qscilexersql.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace covet;

class TestSchemaBrowser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    InspectOutcome m_outcome;

    QStringList visibleNames(const QAbstractItemModel *m, const QModelIndex &parent)
    {
        QStringList out;
        for (int r = 0; r < m->rowCount(parent); ++r)
            out << m->index(r, 0, parent).data().toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        auto project = DemoProject::create(m_tmp.filePath(QStringLiteral("demo")));
        QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
        const DatabaseUrl url = DatabaseUrl::sqliteFile(QDir(*project).filePath(DemoProject::databaseFileName()));
        // The worker path, run here synchronously.
        auto outcome = InspectJob::run(url, nullptr);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().toString()));
        m_outcome = *outcome;
        QVERIFY(m_outcome.serverVersion.startsWith(QStringLiteral("SQLite 3.")));
    }

    void showsTheDemoTables()
    {
        SchemaBrowserView view;
        view.resize(1000, 600);
        view.show();
        QAbstractItemModelTester tester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setSchema(m_outcome.schema, m_outcome.dialect);
        const QModelIndex main = view.proxy()->index(0, 0);
        QCOMPARE(main.data().toString(), QStringLiteral("main"));
        const QStringList names = visibleNames(view.proxy(), main);
        for (const char *t : {"customers", "products", "orders", "order_items", "order_totals"})
            QVERIFY2(names.contains(QLatin1String(t)), qPrintable(names.join(u',')));
        QVERIFY(view.tree()->isExpanded(main));
    }

    void filterNarrowsTheTree()
    {
        SchemaBrowserView view;
        view.show();
        view.setSchema(m_outcome.schema, m_outcome.dialect);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QModelIndex main = view.proxy()->index(0, 0);
        const int before = view.proxy()->rowCount(main);
        QVERIFY(before >= 5);
        view.filterEdit()->setFocus();
        QTest::keyClicks(view.filterEdit(), QStringLiteral("order_it"));
        QCOMPARE(visibleNames(view.proxy(), view.proxy()->index(0, 0)), QStringList{QStringLiteral("order_items")});
        // A column name matches inside its table: "placed" lives in orders (and the view).
        view.filterEdit()->clear();
        QTest::keyClicks(view.filterEdit(), QStringLiteral("PLACED"));
        const QStringList withPlaced = visibleNames(view.proxy(), view.proxy()->index(0, 0));
        QVERIFY2(withPlaced.contains(QStringLiteral("orders")), qPrintable(withPlaced.join(u',')));
        QVERIFY(!withPlaced.contains(QStringLiteral("customers")));
        const QModelIndex orders = view.proxy()->index(withPlaced.indexOf(QStringLiteral("orders")), 0, view.proxy()->index(0, 0));
        QVERIFY(view.tree()->isExpanded(orders));   // matches are shown, not hidden in collapsed rows
        QVERIFY(visibleNames(view.proxy(), orders).contains(QStringLiteral("placed")));
        // No match: empty tree; clearing restores everything.
        QTest::keyClicks(view.filterEdit(), QStringLiteral("zzz"));
        QCOMPARE(view.proxy()->rowCount(), 0);
        view.filterEdit()->clear();
        QCOMPARE(view.proxy()->rowCount(view.proxy()->index(0, 0)), before);
    }

    void selectingATableShowsItsDdl()
    {
        SchemaBrowserView view;
        view.show();
        view.setSchema(m_outcome.schema, m_outcome.dialect);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy selected(&view, &SchemaBrowserView::objectSelected);
        const QModelIndex main = view.proxy()->index(0, 0);
        const QStringList names = visibleNames(view.proxy(), main);
        const QModelIndex orderItems = view.proxy()->index(names.indexOf(QStringLiteral("order_items")), 0, main);
        // Click it like a user.
        const QRect rect = view.tree()->visualRect(orderItems);
        QVERIFY(rect.isValid());
        QTest::mouseClick(view.tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first().first().toString(), QStringLiteral("order_items"));
        const QString sql = view.editor()->text();
        QVERIFY2(sql.contains(QStringLiteral("CREATE TABLE \"order_items\"")), qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("ON DELETE CASCADE")), qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("CREATE INDEX \"idx_order_items_product\"")), qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("CREATE TRIGGER")), qPrintable(sql));
        QVERIFY(view.editor()->isReadOnly());

        // The view's DDL.
        QVERIFY(view.selectObject(QStringLiteral("order_totals")));
        QVERIFY2(view.editor()->text().contains(QStringLiteral("CREATE VIEW")), qPrintable(view.editor()->text()));
        QVERIFY(!view.selectObject(QStringLiteral("no_such_table")));

        // Copy: with nothing selected in the editor, the object's name.
        QVERIFY(view.selectObject(QStringLiteral("customers")));
        view.copy();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("customers"));
        view.editor()->selectAll();
        view.copy();
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("CREATE TABLE \"customers\"")));
    }

    void sqlEditor()
    {
        SqlEditor editor;
        editor.setDialect(Dialect::MySQL);
        QCOMPARE(editor.dialect(), Dialect::MySQL);
        editor.setReadOnly(true);
        editor.setSql(QStringLiteral("SELECT 1;"));
        QCOMPARE(editor.text(), QStringLiteral("SELECT 1;"));
        QVERIFY(editor.isReadOnly());
        QVERIFY(editor.lexer());
        QVERIFY(QFontInfo(editor.lexer()->font(QsciLexerSQL::Default)).fixedPitch());
        QVERIFY(QFontInfo(editor.lexer()->font(QsciLexerSQL::Keyword)).fixedPitch());
        QVERIFY(editor.marginWidth(0) > 0);   // line numbers
        // Copy: everything when nothing is selected, else the selection.
        QVERIFY(editor.copyAction()->isEnabled());
        editor.copyAction()->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("SELECT 1;"));
        editor.setSelection(0, 0, 0, 6);
        editor.copyAction()->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("SELECT"));
        editor.setSql(QString());
        QVERIFY(!editor.copyAction()->isEnabled());
        editor.setSql(QStringLiteral("SELECT 1;"));
        const QString path = m_tmp.filePath(QStringLiteral("out.sql"));
        QCOMPARE(editor.saveTo(path), QString());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("SELECT 1;\n"));
        // Saving where it cannot: a readable message, no crash.
        const QString error = editor.saveTo(m_tmp.filePath(QStringLiteral("missing/dir/out.sql")));
        QVERIFY2(error.contains(QStringLiteral("missing/dir/out.sql")), qPrintable(error));
    }

    void workerReportsErrors()
    {
        auto missing = InspectJob::run(DatabaseUrl::sqliteFile(m_tmp.filePath(QStringLiteral("nope.db"))), nullptr);
        QVERIFY(!missing);
        QCOMPARE(missing.error().category(), Error::Category::NotFound);
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("nope.db"))));   // never created by browsing

        std::atomic_bool cancel{true};
        auto cancelled = InspectJob::run(DatabaseUrl::sqliteFile(m_tmp.filePath(QStringLiteral("demo/demo.db"))), &cancel);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().category(), Error::Category::Cancelled);
    }

    void jobRunsOffTheGuiThread()
    {
        InspectJob job;
        QSignalSpy finished(&job, &InspectJob::finished);
        QSignalSpy failed(&job, &InspectJob::failed);
        job.start(DatabaseUrl::sqliteFile(m_tmp.filePath(QStringLiteral("demo/demo.db"))));
        QVERIFY(job.isRunning() || finished.count() == 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(failed.count(), 0);
        const auto outcome = finished.first().first().value<InspectOutcome>();
        QVERIFY(outcome.schema.table(QStringLiteral("orders")));

        job.start(DatabaseUrl::sqliteFile(m_tmp.filePath(QStringLiteral("absent.db"))));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY(failed.first().first().value<Error>().toString().contains(QStringLiteral("absent.db")));
    }
};

QTEST_MAIN(TestSchemaBrowser)
#include "tst_schemabrowser.moc"
