// covet-test-labels: gui sqlite
// The item models of Covet Studio under QAbstractItemModelTester on real
// data — the demo database and the 2,000-table schema — through what the
// views do to them: resets, filtering, accepting and rejecting renames,
// threshold changes, another desired side, failures. And the status
// colours StudioStyle derives from the palette (issue 12): readable banners
// and text on the default and on a dark palette, and no view writing a
// colour literal of its own.
#include "studiotargetfixture.h"
#include "testsupport.h"
#include "largeschemafixture.h"

#include "app/studiostyle.h"
#include "jobs/inspectjob.h"
#include "runner/demoproject.h"
#include "models/diffmodel.h"
#include "models/renamecandidatemodel.h"
#include "models/schematreemodel.h"
#include "sources/modelsfile.h"
#include "views/diffview.h"
#include "views/schemabrowserview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <functional>

using namespace covet;

namespace {

using Tester = QAbstractItemModelTester;
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

// Visits every index (children are built lazily) and returns how many.
int walk(const QAbstractItemModel *m, const QModelIndex &parent = {})
{
    int n = 0;
    for (int r = 0; r < m->rowCount(parent); ++r) {
        for (int c = 0; c < m->columnCount(parent); ++c) {
            const QModelIndex i = m->index(r, c, parent);
            if (!i.isValid() || i.parent() != parent)
                return -1;
            (void)i.data();
            (void)i.data(Qt::DecorationRole);
            (void)i.data(Qt::ToolTipRole);
        }
        ++n;
        const int below = walk(m, m->index(r, 0, parent));
        if (below < 0)
            return -1;
        n += below;
    }
    return n;
}

// Shows a view at a realistic size and waits until it is on screen.
bool exposed(QWidget &view, QSize size)
{
    view.resize(size);
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

} // namespace

class TestStudioModels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_demo;
    InspectOutcome m_demoSchema;
    QString m_large;
    InspectOutcome m_largeSchema;
    QString m_largeModels;

    void filterAndCheck(SchemaBrowserView &view, const QString &text)
    {
        view.filterEdit()->clear();
        QTest::keyClicks(view.filterEdit(), text);
        QVERIFY(walk(view.proxy()) >= 0);
    }

    // Each banner kind's text reads on its background at 4.5:1 or better
    // (WCAG), and so does each text tone on the window; on a dark palette
    // the banners are dark too. Returns through QVERIFY on the first miss.
    void checkStatusColors(bool dark)
    {
        using B = StudioStyle::Banner;
        for (B kind : {B::Ok, B::Note, B::Error, B::Info}) {
            const StudioStyle::BannerColors c = StudioStyle::bannerColors(kind);
            const double ratio = StudioStyle::contrast(c.text, c.background);
            QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("banner %1: %2 on %3 reads at %4:1")
                                                  .arg(int(kind))
                                                  .arg(c.text.name(), c.background.name())
                                                  .arg(ratio)));
            QVERIFY2(dark ? c.background.lightnessF() < 0.35 : c.background.lightnessF() > 0.85,
                     qPrintable(c.background.name()));
            QLabel label;
            StudioStyle::setBanner(&label, QStringLiteral("text"), kind);
            QVERIFY(label.styleSheet().contains(c.background.name()));
            QVERIFY(label.styleSheet().contains(c.text.name()));
        }
        using T = StudioStyle::Tone;
        const QColor window = QGuiApplication::palette().color(QPalette::Window);
        for (T tone : {T::Muted, T::Ok, T::Warning, T::Error})
            QVERIFY2(StudioStyle::contrast(StudioStyle::textColor(tone), window) >= 4.5,
                     qPrintable(StudioStyle::textColor(tone).name()));
        QVERIFY(StudioStyle::span(QStringLiteral("x"), T::Warning).contains(StudioStyle::textColor(T::Warning).name()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        auto demo = DemoProject::create(m_tmp.filePath(QStringLiteral("demo")));
        COVET_VERIFY_OK(demo);
        m_demo = *demo;
        auto inspected = InspectJob::run(DatabaseUrl::sqliteFile(QDir(m_demo).filePath(DemoProject::databaseFileName())), nullptr);
        COVET_VERIFY_OK(inspected);
        m_demoSchema = *inspected;

        m_large = m_tmp.filePath(QStringLiteral("large.db"));
        COVET_VERIFY_OK(test::createLargeSqliteDatabase(m_large, 2000));
        auto large = InspectJob::run(DatabaseUrl::sqliteFile(m_large), nullptr);
        COVET_VERIFY_OK(large);
        m_largeSchema = *large;
        QCOMPARE(m_largeSchema.schema.tables.size(), 2000);
        m_largeModels = m_tmp.filePath(QStringLiteral("large-models.yaml"));
        QFile f(m_largeModels);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(ModelsFile::write(test::changedLargeSchema(m_largeSchema.schema)));
    }

    void schemaTreeOnTheDemoDatabase()
    {
        SchemaBrowserView view;
        QVERIFY(exposed(view, QSize(900, 600)));
        Tester model(view.model(), kQtTest);
        Tester proxy(view.proxy(), kQtTest);
        view.setSchema(m_demoSchema.schema, m_demoSchema.dialect);
        QVERIFY(walk(view.model()) > 40);
        QVERIFY(view.selectObject(QStringLiteral("orders")));
        view.tree()->expand(view.tree()->currentIndex());
        for (const char *text : {"order", "PLACED", "idx_", "zzz", ""})
            filterAndCheck(view, QLatin1String(text));
        // The selection survives a filter that keeps it.
        QVERIFY(view.selectObject(QStringLiteral("customers")));
        filterAndCheck(view, QStringLiteral("cust"));
        QCOMPARE(view.tree()->currentIndex().data().toString(), QStringLiteral("customers"));
        view.setSchema(m_demoSchema.schema, m_demoSchema.dialect);   // a reload: reset while filtered
        QVERIFY(walk(view.proxy()) > 0);
        view.clear();
        QCOMPARE(view.model()->rowCount(), 1);
    }

    void schemaTreeOnTheLargeSchema()
    {
        SchemaBrowserView view;
        QVERIFY(exposed(view, QSize(900, 600)));
        Tester model(view.model(), kQtTest);
        view.setSchema(m_largeSchema.schema, m_largeSchema.dialect);
        // The namespace, 2,000 tables x (15 columns + 2 groups + their
        // items), but bench_0 has no foreign key (group and item).
        QCOMPARE(walk(view.model()), 1 + 2000 * (1 + 15 + 2 + 2) - 2);
        Tester proxy(view.proxy(), kQtTest);
        view.tree()->setColumnWidth(SchemaTreeModel::NameColumn, 260);
        filterAndCheck(view, QStringLiteral("bench_1999"));
        QCOMPARE(view.tree()->columnWidth(SchemaTreeModel::NameColumn), 260);   // filtering keeps the layout
        QCOMPARE(view.proxy()->rowCount(view.proxy()->index(0, 0)), 1);
        filterAndCheck(view, QStringLiteral("email"));
        QCOMPARE(view.proxy()->rowCount(view.proxy()->index(0, 0)), 2000);
        // 2,000 matches are listed, not all opened.
        QVERIFY(!view.tree()->isExpanded(view.proxy()->index(1999, 0, view.proxy()->index(0, 0))));
        filterAndCheck(view, QStringLiteral("bench_19"));   // bench_19, bench_190..199, bench_1900..1999
        QCOMPARE(view.proxy()->rowCount(view.proxy()->index(0, 0)), 111);
        filterAndCheck(view, QString());
        QCOMPARE(view.proxy()->rowCount(view.proxy()->index(0, 0)), 2000);
    }

    void diffAndRenameModelsThroughDecisions()
    {
        DiffView view;
        QVERIFY(exposed(view, QSize(1200, 800)));
        Tester changes(view.model(), kQtTest);
        Tester renames(view.renameModel(), kQtTest);
        QSignalSpy shown(&view, &DiffView::diffShown);
        view.setTarget(test::studioTarget(DatabaseUrl::sqliteFile(QDir(m_demo).filePath(DemoProject::databaseFileName())), m_demo));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !view.isBusy(), 15000);
        QVERIFY(walk(view.model()) > 5);
        QCOMPARE(view.renameModel()->rowCount(), 2);
        const int row = view.renameModel()->rowOf(QStringLiteral("orders"), QStringLiteral("placed"), QStringLiteral("placed_at"));
        for (auto verdict : {RenameDecisions::Verdict::Reject, RenameDecisions::Verdict::Accept, RenameDecisions::Verdict::Reject}) {
            const int before = int(shown.count());
            QVERIFY(view.renameModel()->setVerdict(row, verdict));
            QTRY_VERIFY_WITH_TIMEOUT(shown.count() > before && !view.isBusy(), 10000);
            QVERIFY(walk(view.model()) > 5);
            QVERIFY(walk(view.renameModel()) == 2);
        }
        // The check box of the decision column, as a click would set it.
        QVERIFY(view.renameModel()->setData(view.renameModel()->index(row, RenameCandidateModel::DecisionColumn), Qt::Checked,
                                            Qt::CheckStateRole));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 10000);
        view.thresholdSlider()->setValue(99);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 10000);
        // Another desired side (the history: no rename candidates), then a failure (cleared).
        view.setDesiredSource(DiffView::SourceKind::MigrationHistory, QDir(m_demo).filePath(QStringLiteral("migrations")));
        view.compare();
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy() && view.renameModel()->rowCount() == 0, 15000);
        QVERIFY(walk(view.model()) > 0);
        view.setDesiredSource(DiffView::SourceKind::ModelsFile, QDir(m_demo).filePath(QStringLiteral("missing.yaml")));
        view.compare();
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy() && !view.errorText().isEmpty(), 15000);
        QCOMPARE(view.model()->rowCount(), 0);
    }

    void diffModelOnTheLargeSchema()
    {
        DiffView view;
        QVERIFY(exposed(view, QSize(1200, 800)));
        Tester changes(view.model(), kQtTest);
        Tester renames(view.renameModel(), kQtTest);
        view.setDesiredSource(DiffView::SourceKind::ModelsFile, m_largeModels);
        view.setTarget(test::studioTarget(DatabaseUrl::sqliteFile(m_large)), m_largeSchema.schema);
        QTRY_VERIFY_WITH_TIMEOUT(view.hasResult() && !view.isBusy(), 120000);
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        // 200 tables changed, 40 dropped, 40 lose their FK, 20 new.
        QVERIFY2(view.model()->objectCount() >= 260, qPrintable(QString::number(view.model()->objectCount())));
        QVERIFY(walk(view.model()) > view.model()->objectCount());
        QVERIFY(view.renameModel()->rowCount() > 0);
        QVERIFY(view.renameModel()->setVerdict(0, RenameDecisions::Verdict::Accept));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 120000);
        QVERIFY(walk(view.model()) > 0);
    }

    void statusColorsReadOnTheDefaultPalette()
    {
        // The formula itself, on known pairs: black on white is 21:1.
        QCOMPARE(StudioStyle::contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(StudioStyle::contrast(Qt::white, Qt::white), 1.0);
        checkStatusColors(false);
    }

    void statusColorsReadOnADarkPalette()
    {
        const QPalette original = QApplication::palette();
        QPalette dark = original;
        dark.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        QApplication::setPalette(dark);
        const auto restore = qScopeGuard([&] { QApplication::setPalette(original); });
        checkStatusColors(true);
    }

    // One place writes colour literals: no other source file under ui/
    // spells a "#rrggbb" colour or a QColor(0x…) one.
    void noColourLiteralsOutsideStudioStyle()
    {
        const QRegularExpression hex(QStringLiteral("#[0-9a-fA-F]{6}\\b|QColor\\(0x"));
        QDirIterator it(QStringLiteral(COVET_SOURCE_DIR "/ui"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                        QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        QStringList offenders;
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QStringLiteral("/app/studiostyle.cpp")))
                continue;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            ++files;
            const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
            for (qsizetype i = 0; i < lines.size(); ++i)
                if (lines[i].contains(hex))
                    offenders << QStringLiteral("%1:%2").arg(path).arg(i + 1);
        }
        QVERIFY(files > 50);
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u' ')));
    }
};

QTEST_MAIN(TestStudioModels)
#include "tst_studiomodels.moc"
