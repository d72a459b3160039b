// covet-test-labels: engine
// Runs the Differ (RenameDetector inside it) over two evaluation sets and
// fails when the targets are missed at the default threshold (0.80):
//  - tests/diff/data/rename_eval.yaml, written by hand from knowledge of
//    public histories;
//  - tests/diff/data/mined/, cases mined from public projects' migration
//    histories (scripts/mine-rename-cases.py); projects split into a training
//    part, from which scripts/learn-rename-lexicon.py learned the word
//    substitutions of real renames, and an evaluation part it never read.
// Issue 17's targets: precision >= 0.95, recall >= 0.90, candidate recall
// (the true rename is among the candidates shown) >= 0.97; no refusal on any
// case. Asserted on the written set and the mined evaluation part; the mined
// training part and the mined set as a whole do not meet them yet and are
// held to floors (see below), the gap printed. Prints the
// figures per project, Django's rule on the same cases, and a calibration
// table. Deterministic: the data is committed, nothing is timed.
#include "renameevalmetrics.h"

#include <QTest>

using namespace covet;
using namespace covet::evalset;

namespace {

// Issue 17's targets at the default threshold.
constexpr double kPrecision = 0.95;
constexpr double kRecall = 0.90;
constexpr double kCandidateRecall = 0.97;

void printList(const char *label, const QStringList &items)
{
    for (const QString &i : items)
        qInfo().noquote() << QStringLiteral("  %1: %2").arg(QString::fromLatin1(label), i);
}

} // namespace

class TstRenameEvaluation : public QObject
{
    Q_OBJECT

private slots:
    void evaluate()
    {
        const auto written = loadWritten();
        QVERIFY2(written, qPrintable(test::errorText(written)));
        const auto mined = loadMined();
        QVERIFY2(mined, qPrintable(test::errorText(mined)));
        QVERIFY2(written->size() >= 150, "the written set must hold at least 150 cases");
        QVERIFY2(mined->size() >= 200, "the mined set must hold at least 200 cases");
        int minedRenames = 0;
        for (const EvalCase &c : *mined)
            minedRenames += int(c.truth.size());
        QVERIFY2(minedRenames >= 300, "the mined set must hold at least 300 true renames");

        QMap<QString, Figures> perProject;
        Figures writtenF, trainF, evalF;
        Calibration calibration;
        QStringList dump;
        auto run = [&](const EvalCase &c) {
            const Outcome o = runDiffer(c);
            dump << dumpLines(c, o);
            const QSet<QString> django = djangoRule(c);
            Figures one;
            one.add(c, o, django);
            calibration.add(c, o);
            if (c.split == u"written") {
                writtenF.add(one);
                return;
            }
            perProject[c.split + u' ' + c.project].add(one);
            (c.split == u"eval" ? evalF : trainF).add(one);
        };
        for (const EvalCase &c : *written)
            run(c);
        for (const EvalCase &c : *mined)
            run(c);

        if (const QString path = qEnvironmentVariable("COVET_RENAME_EVAL_DUMP"); !path.isEmpty()) {
            QFile f(path);
            QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
            f.write((dump.join(u'\n') + u'\n').toUtf8());
        }
        Figures minedAll;
        minedAll.add(trainF);
        minedAll.add(evalF);
        qInfo().noquote() << "rename evaluation at threshold 0.80 (Differ::diff per case):";
        qInfo().noquote() << Figures::header();
        for (auto it = perProject.cbegin(); it != perProject.cend(); ++it)
            qInfo().noquote() << it.value().row(it.key());
        qInfo().noquote() << trainF.row(QStringLiteral("mined, training part"));
        qInfo().noquote() << evalF.row(QStringLiteral("mined, evaluation part"));
        qInfo().noquote() << minedAll.row(QStringLiteral("mined, all"));
        qInfo().noquote() << writtenF.row(QStringLiteral("written set (rename_eval.yaml)"));
        qInfo().noquote() << "calibration (every candidate shown, both sets):";
        for (const QString &line : calibration.table())
            qInfo().noquote() << line;
        for (const Figures *f : {&writtenF, &minedAll}) {
            printList("refused", f->refused);
            printList("missed (below the threshold)", f->misses);
            printList("not among the candidates", f->candidateMisses);
            printList("false positive", f->falsePositives);
        }

        // Issue 17's targets, printed for every part with the gap where one
        // is missed.
        struct Part
        {
            const char *name;
            const Figures *figures;
            double precision, recall, candidateRecall;   // what is asserted
        };
        // The written set and the mined evaluation part (held out) meet the
        // targets and are held to them, and so does the mined set as a whole
        // on recall and candidate recall. The training part (all three) and
        // the mined set's precision do not yet: for those the asserted
        // figures are FLOORS equal to what was measured (rounded down to
        // 0.005), guarding the progress made while issue 17's targets remain
        // open there. Raise them when detection improves; never lower them
        // to make a change pass.
        const Part parts[] = {
            {"written set", &writtenF, kPrecision, kRecall, kCandidateRecall},
            {"mined evaluation part", &evalF, kPrecision, kRecall, kCandidateRecall},
            {"mined training part", &trainF, 0.900, 0.875, 0.965},
            {"mined, all", &minedAll, 0.930, kRecall, kCandidateRecall},
        };
        qInfo().noquote() << "issue 17 targets (precision >= 0.95, recall >= 0.90, candidate recall >= 0.97):";
        for (const Part &p : parts) {
            auto gap = [](const char *what, double target, double measured) {
                return measured >= target ? QStringLiteral("%1 %2 met").arg(QString::fromLatin1(what)).arg(measured, 0, 'f', 3)
                                          : QStringLiteral("%1 target %2, measured %3 (NOT MET)")
                                                .arg(QString::fromLatin1(what)).arg(target, 0, 'f', 2).arg(measured, 0, 'f', 3);
            };
            qInfo().noquote() << QStringLiteral("  %1: %2; %3; %4").arg(QString::fromLatin1(p.name),
                                                                       gap("precision", kPrecision, p.figures->precision()),
                                                                       gap("recall", kRecall, p.figures->recall()),
                                                                       gap("candidate recall", kCandidateRecall, p.figures->candidateRecall()));
        }
        for (const Part &p : parts) {
            const QString line = p.figures->row(QString::fromLatin1(p.name));
            QVERIFY2(p.figures->precision() >= p.precision, qPrintable(QStringLiteral("precision below %1: ").arg(p.precision) + line));
            QVERIFY2(p.figures->recall() >= p.recall, qPrintable(QStringLiteral("recall below %1: ").arg(p.recall) + line));
            QVERIFY2(p.figures->candidateRecall() >= p.candidateRecall,
                     qPrintable(QStringLiteral("candidate recall below %1: ").arg(p.candidateRecall) + line));
        }
        QVERIFY2(writtenF.refusals + minedAll.refusals == 0, "the differ refused a real pair of schemas");
        // Scores mean something: in every band holding 20 or more candidates,
        // the share of real renames is within 0.25 of the band's middle.
        QVERIFY2(calibration.worstGap(20) <= 0.25, qPrintable(calibration.table().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TstRenameEvaluation)
#include "tst_renameevaluation.moc"
