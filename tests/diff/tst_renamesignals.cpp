// covet-test-labels: engine
// The signals of rename detection beyond name similarity (issue 17): sole
// references, derived siblings, staging columns, splits and ambiguity.
#include "renametables.h"
#include "testsupport.h"

#include "diff/columnpairscorer.h"
#include "diff/renamedetector.h"

#include <QTest>

using namespace covet;
using namespace covet::renametest;

class TstRenameSignals : public QObject
{
    Q_OBJECT

private slots:
    // The only reference a table drops and the only one it adds, of the same
    // type, are a reference renamed for what it now means (post_id ->
    // target_id), whatever the names say; but not when both declare foreign
    // keys to different tables (a new relation), nor with other references
    // added beside it.
    void soleReferencesAreARename()
    {
        const Table before = table("likes", {col("id", "integer", false), col("post_id", "integer", false),
                                             col("positive", "boolean")});
        Table after = table("likes", {col("id", "integer", false), col("target_id", "integer", false),
                                      col("positive", "boolean"), col("target_type", "varchar(60)")});
        const QList<RenameCandidate> list = RenameDetector().detectColumns(before, after);
        const RenameCandidate *c = find(list, "post_id", "target_id");
        QVERIFY(c);
        QVERIFY2(c->accepted && c->score >= 0.8 && c->score < 0.9, qPrintable(c->explanation));
        QVERIFY2(c->explanation.contains("the only reference dropped and the only one added"), qPrintable(c->explanation));

        Table other = after;
        other.columns << col("author_id", "integer");   // two references added: no longer the sole pair
        const QList<RenameCandidate> twoList = RenameDetector().detectColumns(before, other);
        const RenameCandidate *two = find(twoList, "post_id", "target_id");
        QVERIFY(!two || !two->accepted);

        Table fkBefore = table("projects", {col("id", "integer", false), col("name", "varchar(100)"), col("user_id", "integer")});
        fkBefore.foreignKeys << ForeignKey{QStringLiteral("p_user_fk"), {QStringLiteral("user_id")}, {}, QStringLiteral("users"), {QStringLiteral("id")}};
        Table fkAfter = table("projects", {col("id", "integer", false), col("name", "varchar(100)"), col("team_id", "integer")});
        fkAfter.foreignKeys << ForeignKey{QStringLiteral("p_team_fk"), {QStringLiteral("team_id")}, {}, QStringLiteral("teams"), {QStringLiteral("id")}};
        const QList<RenameCandidate> retargetedList = RenameDetector().detectColumns(fkBefore, fkAfter);
        const RenameCandidate *retargeted = find(retargetedList, "user_id", "team_id");
        QVERIFY(retargeted);
        QVERIFY2(!retargeted->accepted, qPrintable(retargeted->explanation));
    }

    // Expand and contract: a staging column new_X takes the name of X, whose
    // data goes (X's definition now is the staging column's), or which moves
    // aside to old_X in the same change (a swap the Differ orders).
    void stagingColumnTakesTheNameItWasMadeFor()
    {
        const Table before = table("orders", {col("id", "integer", false), col("total", "integer"), col("new_total", "numeric(12,2)")});
        const Table after = table("orders", {col("id", "integer", false), col("total", "numeric(12,2)")});
        const QList<RenameCandidate> list = RenameDetector().detectColumns(before, after);
        const RenameCandidate *c = find(list, "new_total", "total");
        QVERIFY(c);
        QVERIFY2(c->accepted && c->reusesDroppedName == u"total", qPrintable(c->explanation));
        // X unchanged: the staging column was simply dropped.
        const Table kept = table("orders", {col("id", "integer", false), col("total", "integer")});
        const QList<RenameCandidate> noneList = RenameDetector().detectColumns(before, kept);
        const RenameCandidate *none = find(noneList, "new_total", "total");
        QVERIFY(!none || !none->accepted);

        const Table swapBefore = table("listings", {col("id", "integer", false), col("category_id", "integer"), col("new_category_id", "integer")});
        const Table swapAfter = table("listings", {col("id", "integer", false), col("category_id", "integer"), col("old_category_id", "integer")});
        const QList<RenameCandidate> swap = RenameDetector().detectColumns(swapBefore, swapAfter);
        const RenameCandidate *promoted = find(swap, "new_category_id", "category_id");
        const RenameCandidate *retired = find(swap, "category_id", "old_category_id");
        QVERIFY(promoted && retired);
        QVERIFY2(promoted->accepted && promoted->reusesDroppedName.isEmpty(), qPrintable(promoted->explanation));
        QVERIFY2(retired->accepted, qPrintable(retired->explanation));
    }

    // A column named after a dropped one plus a word for a representation
    // derived from it (password -> password_digest, body -> body_html) is
    // offered for review, never accepted by score.
    void derivedSiblingsAreNotAcceptedByScore()
    {
        QVERIFY(ColumnPairScorer::isDerivedSibling("password", "password_digest"));
        QVERIFY(ColumnPairScorer::isDerivedSibling("body", "bodyHtml"));
        QVERIFY(!ColumnPairScorer::isDerivedSibling("password", "encrypted_password"));
        QVERIFY(!ColumnPairScorer::isDerivedSibling("description", "description_json"));
        const Table before = table("documents", {col("id", "integer", false), col("title", "varchar(200)"), col("body", "text")});
        const Table after = table("documents", {col("id", "integer", false), col("title", "varchar(200)"), col("body_html", "text")});
        const QList<RenameCandidate> list = RenameDetector().detectColumns(before, after);
        const RenameCandidate *c = find(list, "body", "body_html");
        QVERIFY(c);   // still a candidate
        QVERIFY2(!c->accepted, qPrintable(c->explanation));
        QVERIFY2(c->explanation.contains("derived from it"), qPrintable(c->explanation));
        QVERIFY(c->reasons.value("uncalibrated") <= ColumnPairScorer::kDerivedSibling);
    }

    // A column split in two named after it (recipient_name ->
    // recipient_first_name, recipient_last_name): the names cannot say which
    // one holds its data, so neither is accepted by score and both are shown.
    // A rival that a better pair explains is no rival: notes ->
    // customer_notes stays accepted next to internal -> internal_notes.
    void splitColumnsAreShownNotGuessed()
    {
        const Table before = table("invoices", {col("id", "integer", false), col("recipient_name", "varchar(255)"), col("total", "integer")});
        const Table after = table("invoices", {col("id", "integer", false), col("recipient_first_name", "varchar(255)"),
                                               col("recipient_last_name", "varchar(255)"), col("total", "integer")});
        const QList<RenameCandidate> list = RenameDetector().detectColumns(before, after);
        QVERIFY(find(list, "recipient_name", "recipient_first_name"));
        QVERIFY(find(list, "recipient_name", "recipient_last_name"));
        for (const RenameCandidate &c : list)
            QVERIFY2(!c.accepted, qPrintable(c.explanation));

        const Table ob = table("orders", {col("id", "integer", false), col("notes", "text"), col("internal", "text")});
        const Table oa = table("orders", {col("id", "integer", false), col("customer_notes", "text"), col("internal_notes", "text")});
        const QList<RenameCandidate> orders = RenameDetector().detectColumns(ob, oa);
        const RenameCandidate *notes = find(orders, "notes", "customer_notes");
        const RenameCandidate *internal = find(orders, "internal", "internal_notes");
        QVERIFY(notes && internal);
        QVERIFY2(notes->accepted, qPrintable(notes->explanation));
        QVERIFY2(internal->accepted, qPrintable(internal->explanation));
    }
};

QTEST_GUILESS_MAIN(TstRenameSignals)
#include "tst_renamesignals.moc"
