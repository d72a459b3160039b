// covet-test-labels: engine
// Runs the Differ (RenameDetector inside it) over two evaluation sets and
// fails when the targets are missed at the default threshold (0.80):
//  - tests/diff/data/rename_eval.yaml, written by hand from knowledge of
//    public histories;
//  - tests/diff/data/mined/, cases mined from public projects' migration
//    histories (scripts/mine-rename-cases.py); projects split into a training
//    part, from which scripts/learn-rename-lexicon.py learned the word
//    substitutions of real renames, and an evaluation part it never read.
// Targets on the written set and on the mined evaluation part alike:
// precision >= 0.95, recall >= 0.90, candidate recall (the true rename is
// among the candidates shown) >= 0.97; no refusal on any case. Prints the
// figures per project, Django's rule on the same cases, and a calibration
// table. Deterministic: the data is committed, nothing is timed.
#include "renameevalmetrics.h"

#include <QTest>

using namespace covet;
using namespace covet::evalset;

namespace {

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

        for (const auto &[name, f] : {std::pair{"written set", &writtenF}, std::pair{"mined evaluation part", &evalF}}) {
            const QString line = f->row(QString::fromLatin1(name));
            QVERIFY2(f->precision() >= 0.95, qPrintable("precision below 0.95: " + line));
            QVERIFY2(f->recall() >= 0.90, qPrintable("recall below 0.90: " + line));
            QVERIFY2(f->candidateRecall() >= 0.97, qPrintable("candidate recall below 0.97: " + line));
        }
        QVERIFY2(writtenF.refusals + minedAll.refusals == 0, "the differ refused a real pair of schemas");
        // Scores mean something: in every band holding 20 or more candidates,
        // the share of real renames is within 0.25 of the band's middle.
        QVERIFY2(calibration.worstGap(20) <= 0.25, qPrintable(calibration.table().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TstRenameEvaluation)
#include "tst_renameevaluation.moc"
