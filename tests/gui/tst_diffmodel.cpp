// covet-test-labels: gui sqlite
#include "delegates/scorebardelegate.h"
#include "jobs/diffjob.h"
#include "runner/demoproject.h"
#include "migrations/projectconfig.h"
#include "models/diffmodel.h"
#include "models/renamecandidatemodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QStyleOptionViewItem>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace covet;

class TestDiffModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_project;
    DatabaseUrl m_url;
    std::shared_ptr<const DiffSides> m_sides;

    QString modelsPath() const { return QDir(m_project).filePath(QStringLiteral("models.yaml")); }

    DiffOutcome diffWith(const DiffJob::Options &options)
    {
        auto out = DiffJob::diff(m_sides, options);
        if (!out)
            qWarning("%s", qPrintable(out.error().toString()));
        return out ? *out : DiffOutcome{};
    }

    static const RenameCandidate *candidate(const QList<RenameCandidate> &list, const QString &from, const QString &to)
    {
        for (const RenameCandidate &c : list)
            if (c.from == from && c.to == to)
                return &c;
        return nullptr;
    }

    // Every description of an operation below the object row `name`.
    static QStringList changesOf(const DiffModel &m, const QString &name)
    {
        QStringList out;
        const QModelIndex parent = m.objectIndex(name);
        for (int r = 0; r < m.rowCount(parent); ++r)
            out << m.index(r, 0, parent).data().toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        auto project = DemoProject::create(m_tmp.filePath(QStringLiteral("demo")));
        QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
        m_project = *project;
        m_url = DatabaseUrl::sqliteFile(QDir(m_project).filePath(DemoProject::databaseFileName()));
        // The worker step, run here synchronously.
        auto sides = DiffJob::loadSides(modelsPath(), m_url, nullptr);
        QVERIFY2(sides, qPrintable(sides ? QString() : sides.error().toString()));
        QVERIFY(sides->actual.table(QStringLiteral("orders")));
        QVERIFY(sides->desired.table(QStringLiteral("reviews")));
        QVERIFY(!sides->hints.isEmpty());
        m_sides = std::make_shared<const DiffSides>(*sides);
    }

    void demoHasTheTwoRenameCandidates()
    {
        const DiffOutcome out = diffWith({});
        const RenameCandidate *byHint = candidate(out.result.renameCandidates, QStringLiteral("name"), QStringLiteral("full_name"));
        QVERIFY(byHint);
        QCOMPARE(byHint->table, QStringLiteral("customers"));
        QCOMPARE(byHint->source, RenameCandidate::Source::Hint);
        QVERIFY(byHint->accepted);
        const RenameCandidate *byScore = candidate(out.result.renameCandidates, QStringLiteral("placed"), QStringLiteral("placed_at"));
        QVERIFY(byScore);
        QCOMPARE(byScore->table, QStringLiteral("orders"));
        QCOMPARE(byScore->source, RenameCandidate::Source::Score);
        QVERIFY(byScore->accepted);
        QVERIFY(out.sql.contains(QStringLiteral("RENAME COLUMN \"placed\" TO \"placed_at\"")));
    }

    void treeGroupsChangesPerObjectWithKinds()
    {
        DiffModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const DiffOutcome out = diffWith({});
        m.setOperations(out.result.operations);
        QVERIFY(m.objectCount() >= 3);

        const QModelIndex reviews = m.objectIndex(QStringLiteral("reviews"));
        QVERIFY(reviews.isValid());
        QCOMPARE(reviews.data(DiffModel::ChangeKindRole).toInt(), int(DiffModel::ChangeKind::Added));
        QCOMPARE(reviews.siblingAtColumn(DiffModel::KindColumn).data().toString(), QStringLiteral("added"));
        QCOMPARE(reviews.data(Qt::ForegroundRole).value<QColor>(), DiffModel::colorFor(DiffModel::ChangeKind::Added));
        QVERIFY(!reviews.data(Qt::DecorationRole).value<QIcon>().isNull());

        const QModelIndex orders = m.objectIndex(QStringLiteral("orders"));
        QVERIFY(orders.isValid());
        QCOMPARE(orders.data(DiffModel::ChangeKindRole).toInt(), int(DiffModel::ChangeKind::Changed));
        bool sawRename = false;
        for (int r = 0; r < m.rowCount(orders); ++r) {
            const QModelIndex child = m.index(r, 0, orders);
            const int op = child.data(DiffModel::OperationIndexRole).toInt();
            QVERIFY(op >= 0 && op < m.operations().size());
            QCOMPARE(child.parent(), orders);
            if (std::holds_alternative<RenameColumn>(m.operations().at(op))) {
                sawRename = true;
                QCOMPARE(child.data(DiffModel::ChangeKindRole).toInt(), int(DiffModel::ChangeKind::Renamed));
                QCOMPARE(child.data(Qt::ForegroundRole).value<QColor>(), DiffModel::colorFor(DiffModel::ChangeKind::Renamed));
            }
        }
        QVERIFY2(sawRename, qPrintable(changesOf(m, QStringLiteral("orders")).join(u'\n')));
        QCOMPARE(orders.data(DiffModel::OperationIndexRole).toInt(), -1);

        m.clear();
        QCOMPARE(m.rowCount(), 0);
        QVERIFY(!m.objectIndex(QStringLiteral("orders")).isValid());
    }

    void changeKindsOfOperations()
    {
        QCOMPARE(DiffModel::changeKind(DropTable{{}, QStringLiteral("t")}), DiffModel::ChangeKind::Removed);
        QCOMPARE(DiffModel::changeKind(RenameTable{{}, QStringLiteral("a"), QStringLiteral("b")}), DiffModel::ChangeKind::Renamed);
        QCOMPARE(DiffModel::changeKind(AlterColumn{}), DiffModel::ChangeKind::Changed);
        QCOMPARE(DiffModel::changeKind(CreateIndex{}), DiffModel::ChangeKind::Added);
        QCOMPARE(DiffModel::changeKind(RunSql{}), DiffModel::ChangeKind::Changed);

        DiffModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setOperations({RenameTable{{}, QStringLiteral("clients"), QStringLiteral("customers")},
                         DropTable{{}, QStringLiteral("legacy")}});
        const QModelIndex renamed = m.objectIndex(QStringLiteral("customers"));
        QCOMPARE(renamed.data(DiffModel::OldObjectNameRole).toString(), QStringLiteral("clients"));
        QCOMPARE(renamed.data().toString(), QStringLiteral("customers (was clients)"));
        QCOMPARE(m.objectIndex(QStringLiteral("legacy")).data(DiffModel::ChangeKindRole).toInt(), int(DiffModel::ChangeKind::Removed));
    }

    void rejectingTheScoredCandidateTurnsItIntoDropAndAdd()
    {
        DiffJob::Options options;
        RenameCandidateModel renames;
        QAbstractItemModelTester tester(&renames, QAbstractItemModelTester::FailureReportingMode::QtTest);
        renames.setCandidates(diffWith(options).result.renameCandidates);
        const int row = renames.rowOf(QStringLiteral("orders"), QStringLiteral("placed"), QStringLiteral("placed_at"));
        QVERIFY(row >= 0);
        const QModelIndex decision = renames.index(row, RenameCandidateModel::DecisionColumn);
        QCOMPARE(decision.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(renames.flags(decision) & Qt::ItemIsUserCheckable);
        QVERIFY(!(renames.flags(renames.index(row, RenameCandidateModel::OldNameColumn)) & Qt::ItemIsUserCheckable));
        QCOMPARE(renames.index(row, RenameCandidateModel::OldNameColumn).data().toString(), QStringLiteral("placed"));
        QCOMPARE(renames.index(row, RenameCandidateModel::NewNameColumn).data().toString(), QStringLiteral("placed_at"));
        QCOMPARE(renames.index(row, RenameCandidateModel::TableColumn).data().toString(), QStringLiteral("orders"));
        const double score = renames.index(row, RenameCandidateModel::ScoreColumn).data(RenameCandidateModel::ScoreRole).toDouble();
        QVERIFY(score >= 0.8 && score <= 1.0);
        QVERIFY(renames.index(row, RenameCandidateModel::ReasonsColumn).data().toString().contains(QStringLiteral("type 100%")));

        QSignalSpy changed(&renames, &RenameCandidateModel::decisionsChanged);
        QVERIFY(renames.setData(decision, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!renames.setData(renames.index(row, RenameCandidateModel::OldNameColumn), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!renames.setVerdict(99, RenameDecisions::Verdict::Accept));
        QCOMPARE(renames.decisions().size(), 1);
        QCOMPARE(renames.decisions().entries().first().verdict, RenameDecisions::Verdict::Reject);

        options.decisions = renames.decisions();
        const DiffOutcome out = diffWith(options);
        QVERIFY2(!out.sql.contains(QStringLiteral("\"placed_at\"")) || out.sql.contains(QStringLiteral("DROP COLUMN \"placed\"")),
                 qPrintable(out.sql));
        QVERIFY2(!out.sql.contains(QStringLiteral("RENAME COLUMN \"placed\"")), qPrintable(out.sql));
        // The same pairs come back: rows update in place, no reset.
        QSignalSpy reset(&renames, &QAbstractItemModel::modelReset);
        renames.setCandidates(out.result.renameCandidates);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(renames.index(row, RenameCandidateModel::DecisionColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        renames.setCandidates({});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(renames.rowCount(), 0);
    }

    void withoutScoredRenamesOnlyTheHintHolds()
    {
        DiffJob::Options options;
        options.renames.enabled = false;
        const DiffOutcome out = diffWith(options);
        const RenameCandidate *byScore = candidate(out.result.renameCandidates, QStringLiteral("placed"), QStringLiteral("placed_at"));
        QVERIFY(!byScore || !byScore->accepted);
        QVERIFY2(!out.sql.contains(QStringLiteral("RENAME COLUMN \"placed\"")), qPrintable(out.sql));
        QVERIFY(out.sql.contains(QStringLiteral("RENAME COLUMN \"name\" TO \"full_name\"")));
    }

    void scoreBarPaintsTheScore()
    {
        RenameCandidateModel renames;
        renames.setCandidates(diffWith({}).result.renameCandidates);
        ScoreBarDelegate delegate(RenameCandidateModel::ScoreRole);
        delegate.setThreshold(0.5);
        QImage image(200, 24, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.rect = image.rect();
        option.palette = QPalette(Qt::black, Qt::white);
        option.fontMetrics = QFontMetrics(QFont());
        delegate.paint(&painter, option, renames.index(0, RenameCandidateModel::ScoreColumn));
        painter.end();
        // The start of the bar is filled green (score above 0.5).
        const QColor c = image.pixelColor(8, 12);
        QVERIFY2(c.green() > c.red() && c.green() > c.blue(), qPrintable(c.name()));
        QVERIFY(delegate.sizeHint(option, renames.index(0, RenameCandidateModel::ScoreColumn)).width() >= 140);
    }

    void migrationHistoryIsADesiredSide()
    {
        const QString dir = ProjectConfig::read(QDir(m_project).filePath(QStringLiteral("covet.yaml")))->migrationsPath();
        auto sides = DiffJob::loadSides(dir, m_url, nullptr);
        QVERIFY2(sides, qPrintable(sides ? QString() : sides.error().toString()));
        auto out = DiffJob::diff(std::make_shared<const DiffSides>(*sides), {});
        QVERIFY(out);
        // demo.db has 0001 applied; the history also has 0002.
        QVERIFY2(out->sql.contains(QStringLiteral("discontinued")), qPrintable(out->sql));
        QVERIFY(out->result.renameCandidates.isEmpty());
    }

    void germanTranslation()
    {
        QTranslator de;
        QVERIFY(de.load(QStringLiteral(":/i18n/covet_de.qm")));
        QCoreApplication::installTranslator(&de);
        QCOMPARE(DiffModel::changeKindName(DiffModel::ChangeKind::Renamed), QStringLiteral("umbenannt"));
        RenameCandidateModel renames;
        QCOMPARE(renames.headerData(RenameCandidateModel::OldNameColumn, Qt::Horizontal).toString(), QStringLiteral("Alter Name"));
        QCoreApplication::removeTranslator(&de);
        QCOMPARE(DiffModel::changeKindName(DiffModel::ChangeKind::Renamed), QStringLiteral("renamed"));
    }

    void loadErrorsNameTheSource()
    {
        const QString missing = m_tmp.filePath(QStringLiteral("nope.yaml"));
        auto sides = DiffJob::loadSides(missing, m_url, nullptr);
        QVERIFY(!sides);
        QVERIFY2(sides.error().toString().contains(QStringLiteral("nope.yaml")), qPrintable(sides.error().toString()));
        QVERIFY(!DiffJob::loadSides(QString(), m_url, nullptr));
        std::atomic_bool cancelled{true};
        auto stopped = DiffJob::loadSides(modelsPath(), m_url, &cancelled);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().category(), Error::Category::Cancelled);
    }
};

QTEST_MAIN(TestDiffModel)
#include "tst_diffmodel.moc"
