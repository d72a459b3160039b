// covet-test-labels: engine
// Table names that change hands within one change (docs/rename-detection.md,
// "Names that change hands"): a chain of renames where a table takes the
// name of one that moves aside, a table replaced by a renamed one, a person's
// decisions that make such a chain, the rule that a rename onto a name still
// taken is offered and never accepted, and the same table rename repeated
// in several tables of one change. The plans are checked against the
// schemas here; tst_differrefusals and tst_roundtrip run them on the three
// databases with rows.
#include "renametables.h"
#include "testsupport.h"

#include "diff/differ.h"
#include "diff/operationorder.h"
#include "diff/renamedecisions.h"
#include "diff/renamedetector.h"
#include "operations/operationapplier.h"
#include "operations/operationdescriber.h"

#include <QTest>

using namespace covet;
using namespace covet::renametest;

namespace {

// `from` holds a and b; `to` holds a renamed to `aside` and b renamed to a's
// name.
void chain(Schema &from, Schema &to, const Table &a, const Table &b, const QString &aside)
{
    from.tables = {a, b};
    Table moved = a, taken = b;
    moved.name = aside;
    taken.name = a.name;
    to.tables = {moved, taken};
}

// wger's exercise -> translation while exercisebase -> exercise: the two old
// tables share their license columns, so the new `exercises` has much in
// common with the old one too.
void chainSchemas(Schema &from, Schema &to)
{
    const Table exercises = table("exercises", {col("id", "integer", false), col("uuid", "uuid", false), col("name", "varchar(200)", false),
                                                col("description", "text"), col("language_id", "integer", false),
                                                col("license_author", "varchar(100)"), col("license_title", "varchar(100)")});
    const Table bases = table("exercise_bases", {col("id", "integer", false), col("uuid", "uuid", false), col("category_id", "integer", false),
                                                 col("last_update", "timestamp"), col("license_author", "varchar(100)"),
                                                 col("license_title", "varchar(100)")});
    chain(from, to, exercises, bases, "translations");
}

QStringList described(const OperationList &ops)
{
    QStringList out;
    for (const Operation &op : ops)
        out << OperationDescriber::describe(op);
    return out;
}

// The plan applies to `from` in its order and reaches `to`.
QString reaches(const Schema &from, const Schema &to, const OperationList &ops)
{
    auto applied = OperationApplier::applyAll(from, ops);
    if (!applied)
        return applied.error().toString();
    DiffOptions plain;
    plain.renames.enabled = false;
    auto again = Differ::diff(*applied, to, plain);
    if (!again)
        return again.error().toString();
    return again->isEmpty() ? QString() : described(again->operations).join(u'\n');
}

} // namespace

class TstTableNames : public QObject
{
    Q_OBJECT

private slots:
    void chainFoundByTheColumns()
    {
        Schema from, to;
        chainSchemas(from, to);
        const QList<RenameCandidate> list = RenameDetector().detectTables(from, to);
        const RenameCandidate *aside = find(list, "exercises", "translations");
        const RenameCandidate *taken = find(list, "exercise_bases", "exercises");
        QVERIFY(aside && taken);
        QVERIFY2(aside->accepted && aside->explanation.contains("moved aside"), qPrintable(aside->explanation));
        QVERIFY2(taken->accepted && taken->explanation.contains("takes the name of table exercises"), qPrintable(taken->explanation));
        // The old and the new `exercises` share enough that only the chain's
        // gain (kTakenOverGain) tells them apart.
        QVERIFY(!find(list, "exercises", "exercises"));

        auto r = Differ::diff(from, to);
        COVET_VERIFY_OK(r);
        const QStringList ops = described(r->operations);
        QCOMPARE(ops.mid(0, 2), QStringList({"Rename table exercises to translations", "Rename table exercise_bases to exercises"}));
        QCOMPARE(reaches(from, to, r->operations), QString());
    }

    // One side of the chain rejected: the other is offered, never accepted
    // (its name is still taken), and the plan stays valid.
    void renameOntoANameStillTakenIsOnlyOffered()
    {
        Schema from, to;
        chainSchemas(from, to);
        const QList<RenameCandidate> plain = RenameDetector().detectTables(from, to);
        RenameDecisions d;
        d.set(*find(plain, "exercises", "translations"), RenameDecisions::Verdict::Reject);
        const QList<RenameCandidate> list = RenameDetector().detectTables(from, to, {}, &d);
        const RenameCandidate *taken = find(list, "exercise_bases", "exercises");
        QVERIFY(taken);
        QVERIFY(!taken->accepted);
        QVERIFY2(taken->explanation.contains("not accepted: table exercises keeps its name"), qPrintable(taken->explanation));

        DiffOptions o;
        o.decisions = &d;
        auto r = Differ::diff(from, to, o);
        COVET_VERIFY_OK(r);
        QVERIFY(!described(r->operations).join(u'\n').contains("Rename table"));
        QCOMPARE(reaches(from, to, r->operations), QString());
    }

    // Tables with nothing in common: a person's decisions alone make the
    // chain (x -> x_old, y -> x), and the Differ frees the name first.
    void decisionsMakeAChainTheColumnsDoNotShow()
    {
        Schema from, to;
        const Table x = table("ledger", {col("id", "bigint", false), col("posted_on", "date", false), col("amount", "numeric(12,2)")});
        const Table y = table("journal", {col("id", "bigint", false), col("memo", "text"), col("author_id", "integer")});
        chain(from, to, x, y, "ledger_old");
        const Table yNew = to.tables.at(1);
        RenameDecisions d;
        for (const auto &[f, t] : {std::pair<QString, QString>{"ledger", "ledger_old"}, {"journal", "ledger"}}) {
            RenameCandidate c;
            c.kind = RenameCandidate::Kind::Table;
            c.table = t;
            c.from = f;
            c.to = t;
            d.set(c, RenameDecisions::Verdict::Accept);
        }
        DiffOptions o;
        o.decisions = &d;
        auto r = Differ::diff(from, to, o);
        COVET_VERIFY_OK(r);
        QCOMPARE(described(r->operations), QStringList({"Rename table ledger to ledger_old", "Rename table journal to ledger"}));
        QCOMPARE(reaches(from, to, r->operations), QString());

        // Only `journal -> ledger` decided: the old ledger is replaced (it
        // goes, under a name of its own first).
        RenameDecisions one;
        RenameCandidate c;
        c.kind = RenameCandidate::Kind::Table;
        c.table = c.to = "ledger";
        c.from = "journal";
        one.set(c, RenameDecisions::Verdict::Accept);
        Schema onlyTo;
        onlyTo.tables = {yNew};
        o.decisions = &one;
        auto replaced = Differ::diff(from, onlyTo, o);
        COVET_VERIFY_OK(replaced);
        QCOMPARE(described(replaced->operations), QStringList({"Rename table ledger to ledger_covet_replaced", "Rename table journal to ledger",
                                                              "Drop table ledger_covet_replaced"}));
        QCOMPARE(reaches(from, onlyTo, replaced->operations), QString());
    }

    // wger's day and dayng -> day: the old table shares little with the new
    // one of its name, which a dropped table matches.
    void tableReplacedByARenamedOne()
    {
        Schema from, to;
        const Table days = table("days", {col("id", "integer", false), col("description", "varchar(100)", false), col("training_id", "integer", false)});
        const Table next = table("days_ng", {col("id", "integer", false), col("name", "varchar(20)", false), col("description", "varchar(1000)", false),
                                             col("is_rest", "boolean", false), col("routine_id", "integer", false), col("sort_order", "integer", false)});
        from.tables = {days, next};
        Table taken = next;
        taken.name = "days";
        to.tables = {taken};
        const QList<RenameCandidate> list = RenameDetector().detectTables(from, to);
        const RenameCandidate *c = find(list, "days_ng", "days");
        QVERIFY(c);
        QVERIFY2(c->accepted && c->explanation.contains("replaces table days, which shares little with it and goes"), qPrintable(c->explanation));

        // Nothing dropped that could take the name: the changed table stays.
        Schema alone = from, aloneTo = to;
        alone.tables = {days};
        QVERIFY(RenameDetector().detectTables(alone, aloneTo).isEmpty());
        auto r = Differ::diff(alone, aloneTo);
        COVET_VERIFY_OK(r);
        QVERIFY(!described(r->operations).join(u'\n').contains("table"));
    }

    // The order of table renames: a name freed before a rename takes it, a
    // replaced table moved aside to a name nobody holds, tables swapping
    // names through a temporary one, a taken name that is not replaced
    // refused.
    void tableRenameOrder()
    {
        Schema before, after;
        for (const char *n : {"a", "b", "x"})
            before.tables << table(n, {col("id", "integer", false)});
        auto text = [](const QList<RenameTable> &list) {
            QStringList out;
            for (const RenameTable &r : list)
                out << r.from + u'>' + r.to;
            return out.join(u' ');
        };
        const QString keyA = QString(QChar(0x1f)) + "a";
        auto chain = OperationOrder::tableRenames({RenameTable{{}, "a", "b"}, RenameTable{{}, "b", "c"}}, {}, before, after);
        COVET_VERIFY_OK(chain);
        QCOMPARE(text(*chain), QString("b>c a>b"));
        after.tables << table("a_covet_replaced", {col("id", "integer", false)});
        auto replaced = OperationOrder::tableRenames({RenameTable{{}, "b", "a"}}, {keyA}, before, after);
        COVET_VERIFY_OK(replaced);
        QCOMPARE(text(*replaced), QString("a>a_covet_replaced_ b>a"));
        auto stays = OperationOrder::tableRenames({RenameTable{{}, "b", "a"}}, {}, before, after);
        QVERIFY(!stays);
        QVERIFY2(stays.error().message().contains("takes the name of a table that stays"), qPrintable(stays.error().message()));
        auto swap = OperationOrder::tableRenames({RenameTable{{}, "a", "b"}, RenameTable{{}, "b", "a"}}, {}, before, after);
        COVET_VERIFY_OK(swap);
        QCOMPARE(text(*swap), QString("a>a_covet_tmp b>a a_covet_tmp>b"));
        // Names kept within 63 characters.
        const QString longName(60, u'n');
        Schema longBefore;
        longBefore.tables << table(longName, {col("id", "integer", false)}) << table("b", {col("id", "integer", false)});
        auto longReplaced = OperationOrder::tableRenames({RenameTable{{}, "b", longName}}, {QString(QChar(0x1f)) + longName}, longBefore, {});
        COVET_VERIFY_OK(longReplaced);
        QVERIFY(longReplaced->first().to.size() <= 63);
        QVERIFY(longReplaced->first().to.endsWith("_covet_replaced"));
    }

    // With many added tables the moved-aside check only compares a table
    // with those that share enough column names (an index of their
    // columns): the one that matches is still found among twenty.
    void movedAsideAmongManyAddedTables()
    {
        Schema from, to;
        const Table abstracts = table("abstracts", {col("id", "integer", false), col("title", "varchar(200)", false), col("body", "text"),
                                                    col("state", "integer", false), col("submitted_dt", "timestamp")});
        from.tables = {abstracts};
        Table legacy = abstracts;
        legacy.name = "legacy_abstracts";
        for (int i = 0; i < 20; ++i) {
            if (i == 7)
                to.tables << legacy;
            to.tables << table(QString("report_%1").arg(i), {col("id", "integer", false), col(QString("metric_%1").arg(i), "integer"),
                                                             col("title", "varchar(200)")});
        }
        to.tables << table("abstracts", {col("id", "integer", false), col("friendly_id", "integer", false), col("track_id", "integer"),
                                         col("description", "text", false)});
        const QList<RenameCandidate> list = RenameDetector().detectTables(from, to);
        const RenameCandidate *c = find(list, "abstracts", "legacy_abstracts");
        QVERIFY(c);
        QVERIFY2(c->accepted && c->explanation.contains("moved aside"), qPrintable(c->explanation));
    }

    // A replacement drops the old table's rows: without names that say so
    // (users slimmed while an unrelated admins table goes) it is offered,
    // never accepted by score, and the plan keeps users.
    void replacementNeedsNamesThatSaySo()
    {
        Schema from, to;
        const Table users = table("users", {col("id", "integer", false), col("email", "varchar(200)", false), col("name", "text"),
                                            col("bio", "text"), col("avatar_url", "text"), col("website", "text"), col("phone", "text"),
                                            col("street", "text"), col("city", "text"), col("zip", "text"), col("country", "text"),
                                            col("birthday", "date")});
        const Table admins = table("admins", {col("id", "integer", false), col("login", "varchar(200)", false), col("password_hash", "text"),
                                              col("last_seen", "timestamp")});
        from.tables = {users, admins};
        Table slim = admins;
        slim.name = "users";
        to.tables = {slim};
        const QList<RenameCandidate> list = RenameDetector().detectTables(from, to);
        const RenameCandidate *c = find(list, "admins", "users");
        QVERIFY(c);
        QVERIFY2(!c->accepted && c->score < RenameDetector::kCalibratedFrom, qPrintable(c->explanation));
        QVERIFY2(c->explanation.contains("offered, not accepted by score: the names do not say so"), qPrintable(c->explanation));
        QCOMPARE(c->reusesDroppedName, QString("users"));
        auto r = Differ::diff(from, to);
        COVET_VERIFY_OK(r);
        QVERIFY(!described(r->operations).join(u'\n').contains("Rename table"));
        QCOMPARE(reaches(from, to, r->operations), QString());
    }

    // A retired name alone does not move a table aside that its new self
    // still matches nearly as well (orders gains a column while an
    // orders_old copy is made): the name keeps its rows.
    void retiredNameNeedsAClearMargin()
    {
        Schema from, to;
        const Table orders = table("orders", {col("id", "integer", false), col("customer_id", "integer", false), col("total", "numeric(10,2)"),
                                              col("status", "varchar(20)"), col("placed_at", "timestamp")});
        from.tables = {orders};
        Table more = orders;
        more.columns << col("currency", "varchar(3)");
        Table copy = orders;
        copy.name = "orders_old";
        to.tables = {more, copy};
        for (const RenameCandidate &c : RenameDetector().detectTables(from, to))
            QVERIFY2(!c.accepted, qPrintable(c.explanation));
    }

    // A table that keeps much of its columns while an added table copies
    // some of them: no dropped table takes its name, so it stays.
    void splitTableStays()
    {
        Schema from, to;
        const Table users = table("users", {col("id", "integer", false), col("email", "varchar(200)", false), col("name", "text"),
                                            col("bio", "text"), col("avatar_url", "text"), col("website", "text")});
        from.tables = {users};
        const Table slim = table("users", {col("id", "integer", false), col("email", "varchar(200)", false), col("name", "text")});
        const Table profiles = table("user_profiles", {col("id", "integer", false), col("user_id", "integer", false), col("bio", "text"),
                                                       col("avatar_url", "text"), col("website", "text")});
        to.tables = {slim, profiles};
        const QList<RenameCandidate> list = RenameDetector().detectTables(from, to);
        for (const RenameCandidate &c : list)
            QVERIFY2(!c.accepted, qPrintable(c.explanation));
    }

    // The same table rename in several tables of one change (alaveteli's
    // exim_logs -> mail_server_logs with exim_log_dones ->
    // mail_server_log_dones) is stronger evidence than either pair alone.
    void repeatedTableRename()
    {
        const Table logs = table("exim_logs", {col("id", "integer", false), col("exim_log_done_id", "integer"), col("line", "text"),
                                               col("order", "integer"), col("created_at", "timestamp", false), col("updated_at", "timestamp", false)});
        const Table dones = table("exim_log_dones", {col("id", "integer", false), col("filename", "text", false), col("last_stat", "timestamp", false),
                                                     col("created_at", "timestamp", false), col("updated_at", "timestamp", false)});
        Table newLogs = logs;
        newLogs.name = "mail_server_logs";
        newLogs.columns[1].name = "mail_server_log_done_id";
        newLogs.columns.removeAt(3);
        Table newDones = dones;
        newDones.name = "mail_server_log_dones";
        newDones.columns[2].name = "last_seen";
        Schema from, to;
        from.tables = {logs, dones};
        to.tables = {newLogs, newDones};
        const QList<RenameCandidate> both = RenameDetector().detectTables(from, to);
        for (const auto &[f, t] : {std::pair<QString, QString>{"exim_logs", "mail_server_logs"}, {"exim_log_dones", "mail_server_log_dones"}}) {
            const RenameCandidate *c = find(both, f, t);
            QVERIFY(c);
            QVERIFY2(c->accepted && c->explanation.contains("the same rename in 2 tables of this change"), qPrintable(c->explanation));
        }
        // Each pair alone, with another table dropped and added beside it,
        // is below the threshold.
        const Table other = table("bounces", {col("id", "integer", false), col("address", "text", false)});
        const Table otherNew = table("mail_events", {col("id", "integer", false), col("kind", "text", false), col("payload", "text")});
        Schema oneFrom, oneTo;
        oneFrom.tables = {logs, other};
        oneTo.tables = {newLogs, otherNew};
        const QList<RenameCandidate> one = RenameDetector().detectTables(oneFrom, oneTo);
        const RenameCandidate *alone = find(one, "exim_logs", "mail_server_logs");
        QVERIFY(alone);
        QVERIFY2(!alone->accepted && !alone->explanation.contains("same rename"), qPrintable(alone->explanation));
    }
};

QTEST_GUILESS_MAIN(TstTableNames)
#include "tst_tablenames.moc"
