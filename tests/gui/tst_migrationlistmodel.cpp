// covet-test-labels: gui
#include "models/migrationlistmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace covet;

class TestMigrationListModel : public QObject
{
    Q_OBJECT

private:
    static MigrationState state(const QString &id, MigrationState::State st, const QString &at = {}, qint64 ms = 0)
    {
        MigrationState s;
        s.id = id;
        s.state = st;
        s.file = st == MigrationState::State::Missing ? QString() : QStringLiteral("/p/migrations/%1.sql").arg(id);
        if (st != MigrationState::State::Pending) {
            s.appliedAt = at;
            s.appliedBy = QStringLiteral("dba@db1");
            s.durationMs = ms;
            s.recordedChecksum = QStringLiteral("aaaaaaaaaaaaaaaa");
        }
        s.fileChecksum = st == MigrationState::State::Modified ? QStringLiteral("bbbbbbbbbbbbbbbb") : s.recordedChecksum;
        return s;
    }

    static QList<MigrationState> sample()
    {
        return {state("0001_initial", MigrationState::State::Applied, "2024-05-01T12:00:00.000Z", 42),
                state("0002_flags", MigrationState::State::Modified, "2024-05-02T08:30:05.250Z", 2400),
                state("0003_gone", MigrationState::State::Missing, "2024-05-03T09:00:00Z", 190000),
                state("0004_next", MigrationState::State::Pending)};
    }

private slots:
    void passesTheModelTester()
    {
        MigrationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStates(sample());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(MigrationListModel::ColumnCount));
        // Same ids: updated in place, no reset.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QList<MigrationState> next = sample();
        next[3] = state("0004_next", MigrationState::State::Applied, "2024-06-01T00:00:00Z", 5);
        model.setStates(next);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(model.index(3, MigrationListModel::StateColumn).data().toString(), QStringLiteral("applied"));
        // Other ids: a reset.
        next.removeAt(2);
        model.setStates(next);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void showsStateDatesWhoAndDuration()
    {
        MigrationListModel model;
        model.setStates(sample());
        auto text = [&](int row, int col) { return model.index(row, col).data().toString(); };
        QCOMPARE(text(0, MigrationListModel::IdColumn), QStringLiteral("0001_initial"));
        QCOMPARE(text(0, MigrationListModel::StateColumn), QStringLiteral("applied"));
        QCOMPARE(text(1, MigrationListModel::StateColumn), QStringLiteral("modified"));
        QCOMPARE(text(2, MigrationListModel::StateColumn), QStringLiteral("missing"));
        QCOMPARE(text(3, MigrationListModel::StateColumn), QStringLiteral("pending"));
        QCOMPARE(text(0, MigrationListModel::AppliedByColumn), QStringLiteral("dba@db1"));
        QCOMPARE(text(0, MigrationListModel::AppliedAtColumn),
                 QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC).toLocalTime().toString("yyyy-MM-dd HH:mm:ss"));
        QCOMPARE(text(0, MigrationListModel::DurationColumn), QStringLiteral("42 ms"));
        QCOMPARE(text(1, MigrationListModel::DurationColumn), QStringLiteral("2.4 s"));
        QCOMPARE(text(2, MigrationListModel::DurationColumn), QStringLiteral("3 min 10 s"));
        // A pending migration has no date, user or duration.
        QVERIFY(text(3, MigrationListModel::AppliedAtColumn).isEmpty());
        QVERIFY(text(3, MigrationListModel::AppliedByColumn).isEmpty());
        QVERIFY(text(3, MigrationListModel::DurationColumn).isEmpty());

        // Icon and colour per state; roles for views and tests.
        QColor seen[4];
        for (int r = 0; r < 4; ++r) {
            QVERIFY(!model.index(r, MigrationListModel::IdColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
            seen[r] = model.index(r, MigrationListModel::StateColumn).data(Qt::ForegroundRole).value<QColor>();
            QVERIFY(seen[r].isValid());
            QCOMPARE(model.index(r, 0).data(MigrationListModel::IdRole).toString(), sample().at(r).id);
            QCOMPARE(model.index(r, 0).data(MigrationListModel::StateRole).toInt(), int(sample().at(r).state));
        }
        QVERIFY(seen[0] != seen[1] && seen[1] != seen[2] && seen[2] != seen[3] && seen[0] != seen[3]);
        QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains("changed after it was applied"));
        QVERIFY(model.index(2, 0).data(Qt::ToolTipRole).toString().contains("missing"));

        QCOMPARE(model.rowOf("0003_gone"), 2);
        QCOMPARE(model.rowOf("nope"), -1);
        QCOMPARE(model.count(MigrationState::State::Pending), 1);
        QCOMPARE(model.count(MigrationState::State::Applied), 1);
        QVERIFY(model.stateAt(4) == nullptr);
        QCOMPARE(model.headerData(MigrationListModel::AppliedByColumn, Qt::Horizontal).toString(), QStringLiteral("Applied by"));
    }

    void formatsTimesItCannotParseAsRecorded()
    {
        QCOMPARE(MigrationListModel::localTime("yesterday"), QStringLiteral("yesterday"));
        QVERIFY(MigrationListModel::localTime({}).isEmpty());
    }
};

QTEST_MAIN(TestMigrationListModel)
#include "tst_migrationlistmodel.moc"
