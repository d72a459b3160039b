// covet-test-labels: engine sqlite postgres mysql
// Pairs of schemas seen in real migration histories on which the Differ
// used to refuse ("the differ made a plan that does not apply to the source
// schema"): constraints over renamed columns, a unique column renamed onto
// the primary key's name while the key changes type, foreign-key columns
// renamed while their target table is renamed, a table moved aside while a
// new table takes its name, a table's name taken over by another (a chain
// of renames), a table replaced by a renamed one, and a table moved aside
// to a retired name. Each plan must apply in
// memory, reach the target, and run forward on SQLite, PostgreSQL and
// MariaDB (a server suite fails under CI=true when its server is missing).
#include "../sql/richschema.h"
#include "scratchrun.h"
#include "testsupport.h"

#include "diff/differ.h"
#include "operations/operationapplier.h"
#include "operations/operationdescriber.h"
#include "sql/sqlgenerator.h"

#include <QTest>

using namespace covet;
using test::makeColumn;
using K = SqlType::Kind;
using covet::test::ScratchRun;

constexpr int kPatterns = 9;

namespace {

QString listing(const OperationList &ops)
{
    QStringList out;
    for (const Operation &op : ops)
        out << OperationDescriber::describe(op);
    return u'\n' + out.join(u'\n');
}

Table table(const QString &name, const QList<Column> &columns, const QStringList &pk = {QStringLiteral("id")})
{
    Table t;
    t.name = name;
    t.columns = columns;
    if (!pk.isEmpty())
        t.primaryKey = PrimaryKey{name + QStringLiteral("_pkey"), pk};
    return t;
}

ForeignKey fk(const QString &name, const QString &column, const QString &refTable, const QString &refColumn = QStringLiteral("id"))
{
    ForeignKey f;
    f.name = name;
    f.columns = {column};
    f.refTable = refTable;
    f.refColumns = {refColumn};
    return f;
}

Column col(const char *name, SqlType type, bool nullable = true)
{
    return makeColumn(QString::fromLatin1(name), type, nullable);
}

struct Pair
{
    Schema from, to;
    QStringList expected;   // operations the plan must hold (OperationDescriber text)
    QStringList seed;       // rows inserted into `from` on the database
    struct Kept
    {
        QString from, to, column;   // a column whose rows must end in `to` (a table of `to`)
    };
    QList<Kept> kept;
    QList<Dialect> only;    // the dialects the pattern is for; empty: all
};

// 1. A unique uuid column renamed onto the primary key's name: the integer
// key `id` goes, `uuid` becomes `id` and the primary key.
Pair uniqueOntoPrimaryKey()
{
    Pair p;
    Table before = table(QStringLiteral("projects"), {col("id", SqlType(K::Integer), false), col("uuid", SqlType(K::Uuid), false),
                                                      col("title", SqlType::varchar(200), false)});
    before.uniques << UniqueConstraint{QStringLiteral("projects_uuid_key"), {QStringLiteral("uuid")}};
    Table after = table(QStringLiteral("projects"), {col("id", SqlType(K::Uuid), false), col("title", SqlType::varchar(200), false)});
    Table members = table(QStringLiteral("members"), {col("id", SqlType(K::Integer), false), col("project_uuid", SqlType(K::Uuid), false)});
    members.foreignKeys << fk(QStringLiteral("members_project_fk"), QStringLiteral("project_uuid"), QStringLiteral("projects"), QStringLiteral("uuid"));
    Table membersAfter = table(QStringLiteral("members"), {col("id", SqlType(K::Integer), false), col("project_id", SqlType(K::Uuid), false)});
    membersAfter.foreignKeys << fk(QStringLiteral("members_project_fk"), QStringLiteral("project_id"), QStringLiteral("projects"));
    p.from.tables << before << members;
    p.to.tables << after << membersAfter;
    p.expected << QStringLiteral("Rename column projects.uuid to id") << QStringLiteral("Rename column members.project_uuid to project_id");
    return p;
}

// 2. Foreign-key columns renamed while their target table is renamed (several
// such columns in one table).
Pair foreignKeysRetargeted()
{
    Pair p;
    Table posts = table(QStringLiteral("posts"), {col("id", SqlType(K::BigInt), false), col("body", SqlType(K::Text))});
    Table users = table(QStringLiteral("users"), {col("id", SqlType(K::BigInt), false), col("email", SqlType::varchar(255), false)});
    Table reports = table(QStringLiteral("reports"), {col("id", SqlType(K::BigInt), false), col("post_id", SqlType(K::BigInt), false),
                                                     col("parent_post_id", SqlType(K::BigInt)), col("reporter_id", SqlType(K::BigInt), false),
                                                     col("reason", SqlType(K::Text))});
    reports.foreignKeys << fk(QStringLiteral("reports_post_fk"), QStringLiteral("post_id"), QStringLiteral("posts"))
                        << fk(QStringLiteral("reports_parent_fk"), QStringLiteral("parent_post_id"), QStringLiteral("posts"))
                        << fk(QStringLiteral("reports_user_fk"), QStringLiteral("reporter_id"), QStringLiteral("users"));
    Index byPost;
    byPost.name = QStringLiteral("reports_post_idx");
    byPost.parts << test::columnPart(QStringLiteral("post_id"));
    reports.indexes << byPost;
    p.from.tables << posts << users << reports;

    Table items = posts;
    items.name = QStringLiteral("items");
    items.primaryKey->name = QStringLiteral("items_pkey");
    Table reportsAfter = table(QStringLiteral("reports"), {col("id", SqlType(K::BigInt), false), col("item_id", SqlType(K::BigInt), false),
                                                          col("parent_item_id", SqlType(K::BigInt)), col("user_id", SqlType(K::BigInt), false),
                                                          col("reason", SqlType(K::Text))});
    reportsAfter.foreignKeys << fk(QStringLiteral("reports_item_fk"), QStringLiteral("item_id"), QStringLiteral("items"))
                             << fk(QStringLiteral("reports_parent_fk"), QStringLiteral("parent_item_id"), QStringLiteral("items"))
                             << fk(QStringLiteral("reports_user_fk"), QStringLiteral("user_id"), QStringLiteral("users"));
    Index byItem;
    byItem.name = QStringLiteral("reports_item_idx");
    byItem.parts << test::columnPart(QStringLiteral("item_id"));
    reportsAfter.indexes << byItem;
    p.to.tables << items << users << reportsAfter;
    p.expected << QStringLiteral("Rename table posts to items") << QStringLiteral("Rename column reports.post_id to item_id")
               << QStringLiteral("Rename column reports.parent_post_id to parent_item_id");
    return p;
}

// 3. A renamed column that carried a unique constraint and one that carried
// a foreign key whose constraint is re-made under another name.
Pair constrainedColumnRenamed()
{
    Pair p;
    Table orgs = table(QStringLiteral("orgs"), {col("id", SqlType(K::Integer), false), col("name", SqlType::varchar(100), false)});
    Table accounts = table(QStringLiteral("accounts"), {col("id", SqlType(K::Integer), false), col("login", SqlType::varchar(80), false),
                                                       col("org", SqlType(K::Integer), false)});
    accounts.uniques << UniqueConstraint{QStringLiteral("accounts_login_key"), {QStringLiteral("login")}};
    accounts.foreignKeys << fk(QStringLiteral("accounts_org_fk"), QStringLiteral("org"), QStringLiteral("orgs"));
    p.from.tables << orgs << accounts;
    Table after = table(QStringLiteral("accounts"), {col("id", SqlType(K::Integer), false), col("username", SqlType::varchar(80), false),
                                                    col("org_id", SqlType(K::Integer), false)});
    after.uniques << UniqueConstraint{QStringLiteral("accounts_username_key"), {QStringLiteral("username")}};
    after.foreignKeys << fk(QStringLiteral("accounts_org_id_fk"), QStringLiteral("org_id"), QStringLiteral("orgs"));
    p.to.tables << orgs << after;
    p.expected << QStringLiteral("Rename column accounts.org to org_id");
    return p;
}

// 4. Name reuse with the primary key changing type and a unique column
// taking the old key's name, in the reverse direction as well.
Pair primaryKeyTypeChangeReverse()
{
    Pair p = uniqueOntoPrimaryKey();
    std::swap(p.from, p.to);
    p.expected = QStringList{QStringLiteral("Rename column projects.id to uuid")};
    return p;
}

// 5. A table moved aside while a new table takes its name (abstracts ->
// legacy_abstracts and a new abstracts), with a foreign key to the old one.
Pair tableMovedAside()
{
    Pair p;
    Table abstracts = table(QStringLiteral("abstracts"), {col("id", SqlType(K::Integer), false), col("title", SqlType::varchar(200), false),
                                                         col("body", SqlType(K::Text)), col("state", SqlType(K::Integer), false),
                                                         col("submitted_dt", SqlType(K::Timestamp))});
    Table reviews = table(QStringLiteral("reviews"), {col("id", SqlType(K::Integer), false), col("abstract_id", SqlType(K::Integer), false),
                                                     col("verdict", SqlType(K::Text))});
    reviews.foreignKeys << fk(QStringLiteral("reviews_abstract_fk"), QStringLiteral("abstract_id"), QStringLiteral("abstracts"));
    p.from.tables << abstracts << reviews;
    Table legacy = abstracts;
    legacy.name = QStringLiteral("legacy_abstracts");
    legacy.primaryKey->name = QStringLiteral("abstracts_pkey");   // PostgreSQL keeps the key's name on a rename
    Table fresh = table(QStringLiteral("abstracts"), {col("id", SqlType(K::Integer), false), col("friendly_id", SqlType(K::Integer), false),
                                                     col("track_id", SqlType(K::Integer)), col("description", SqlType(K::Text), false)});
    fresh.primaryKey->name = QStringLiteral("abstracts_pkey2");
    Table reviewsAfter = reviews;
    reviewsAfter.foreignKeys.first().refTable = QStringLiteral("legacy_abstracts");
    p.to.tables << legacy << fresh << reviewsAfter;
    p.expected << QStringLiteral("Rename table abstracts to legacy_abstracts") << QStringLiteral("Create table abstracts");
    return p;
}

// 6. A name taken over (wger's exercise -> translation while exercisebase
// -> exercise): the old exercises moves aside to translations and
// exercise_bases takes the name. The two tables share enough columns that
// the new exercises is no new table; references follow both.
Pair nameTakenOver()
{
    Pair p;
    const SqlType text100 = SqlType::varchar(100);
    Table exercises = table(QStringLiteral("exercises"), {col("id", SqlType(K::Integer), false), col("uuid", SqlType(K::Uuid), false),
                                                         col("name", SqlType::varchar(200), false), col("description", SqlType(K::Text)),
                                                         col("language_id", SqlType(K::Integer), false), col("license_author", text100),
                                                         col("license_title", text100)});
    Table bases = table(QStringLiteral("exercise_bases"), {col("id", SqlType(K::Integer), false), col("uuid", SqlType(K::Uuid), false),
                                                          col("category_id", SqlType(K::Integer), false), col("last_update", SqlType(K::Timestamp)),
                                                          col("license_author", text100), col("license_title", text100)});
    Table aliases = table(QStringLiteral("aliases"), {col("id", SqlType(K::Integer), false), col("exercise_id", SqlType(K::Integer), false),
                                                     col("alias", text100)});
    aliases.foreignKeys << fk(QStringLiteral("aliases_exercise_fk"), QStringLiteral("exercise_id"), QStringLiteral("exercises"));
    Table images = table(QStringLiteral("images"), {col("id", SqlType(K::Integer), false), col("exercise_base_id", SqlType(K::Integer), false),
                                                   col("image", text100)});
    images.foreignKeys << fk(QStringLiteral("images_base_fk"), QStringLiteral("exercise_base_id"), QStringLiteral("exercise_bases"));
    p.from.tables << exercises << bases << aliases << images;
    Table translations = exercises;
    translations.name = QStringLiteral("translations");
    Table taken = bases;
    taken.name = QStringLiteral("exercises");
    aliases.foreignKeys.first().refTable = QStringLiteral("translations");
    images.foreignKeys.first().refTable = QStringLiteral("exercises");
    p.to.tables << translations << taken << aliases << images;
    p.expected << QStringLiteral("Rename table exercises to translations") << QStringLiteral("Rename table exercise_bases to exercises");
    p.seed << QStringLiteral("INSERT INTO exercises (id, uuid, name, language_id) VALUES (1, '00000000-0000-0000-0000-000000000001', 'squat', 7)")
           << QStringLiteral("INSERT INTO exercise_bases (id, uuid, category_id) VALUES (5, '00000000-0000-0000-0000-000000000005', 3)")
           << QStringLiteral("INSERT INTO aliases (id, exercise_id, alias) VALUES (1, 1, 'deep squat')")
           << QStringLiteral("INSERT INTO images (id, exercise_base_id, image) VALUES (1, 5, 'squat.png')");
    p.kept = {{QStringLiteral("exercises"), QStringLiteral("translations"), QStringLiteral("name")},
              {QStringLiteral("exercise_bases"), QStringLiteral("exercises"), QStringLiteral("category_id")},
              {QStringLiteral("aliases"), QStringLiteral("aliases"), QStringLiteral("exercise_id")},
              {QStringLiteral("images"), QStringLiteral("images"), QStringLiteral("exercise_base_id")}};
    return p;
}

// 7. A table replaced (wger's day and dayng -> day): the old days shares
// little with the new one, which is days_ng renamed; the old days goes, and
// the reference to it now points at the new days.
Pair tableReplaced()
{
    Pair p;
    Table days = table(QStringLiteral("days"), {col("id", SqlType(K::Integer), false), col("description", SqlType::varchar(100), false),
                                               col("training_id", SqlType(K::Integer), false)});
    // Names the new days takes again: they must be free when it is made.
    Index byDescription;
    byDescription.name = QStringLiteral("days_description_idx");
    byDescription.parts << IndexPart{QStringLiteral("description"), {}, false, -1};
    days.indexes << byDescription;
    days.uniques << UniqueConstraint{QStringLiteral("days_order_key"), {QStringLiteral("training_id")}};
    Table next = table(QStringLiteral("days_ng"), {col("id", SqlType(K::Integer), false), col("name", SqlType::varchar(20), false),
                                                  col("description", SqlType::varchar(1000), false), col("is_rest", SqlType(K::Boolean), false),
                                                  col("routine_id", SqlType(K::Integer), false), col("sort_order", SqlType(K::Integer), false)});
    Table sets = table(QStringLiteral("sets"), {col("id", SqlType(K::Integer), false), col("day_id", SqlType(K::Integer)), col("sets", SqlType(K::Integer))});
    sets.foreignKeys << fk(QStringLiteral("sets_day_fk"), QStringLiteral("day_id"), QStringLiteral("days"));
    p.from.tables << days << next << sets;
    Table taken = next;
    taken.name = QStringLiteral("days");
    Index reused = byDescription;   // on a short column (MySQL keys a long varchar by a prefix)
    reused.parts = {IndexPart{QStringLiteral("name"), {}, false, -1}};
    taken.indexes << reused;
    taken.uniques << UniqueConstraint{QStringLiteral("days_order_key"), {QStringLiteral("sort_order")}};
    p.to.tables << taken << sets;
    p.expected << QStringLiteral("Rename table days to days_covet_replaced") << QStringLiteral("Rename table days_ng to days")
               << QStringLiteral("Drop table days_covet_replaced");
    p.seed << QStringLiteral("INSERT INTO days (id, description, training_id) VALUES (1, 'legacy', 9)")
           << QStringLiteral("INSERT INTO days_ng (id, name, description, is_rest, routine_id, sort_order) VALUES (1, 'Push', 'push day', 1 = 0, 4, 1)")
           << QStringLiteral("INSERT INTO sets (id, day_id, sets) VALUES (1, 1, 4)");
    p.kept = {{QStringLiteral("days_ng"), QStringLiteral("days"), QStringLiteral("name")},
              {QStringLiteral("sets"), QStringLiteral("sets"), QStringLiteral("sets")}};
    return p;
}

// 8. A table moved aside to a retired name (indico's payment_transactions
// -> payment_transactions_old) while the new table of its name shares much
// with it: the name says which one keeps the rows.
Pair movedToRetiredName()
{
    Pair p;
    Table old = table(QStringLiteral("payment_transactions"),
                      {col("id", SqlType(K::Integer), false), col("event_id", SqlType(K::Integer), false),
                       col("registrant_id", SqlType(K::Integer), false), col("status", SqlType(K::SmallInt), false),
                       col("amount", SqlType::decimal(10, 2), false), col("currency", SqlType::varchar(3), false),
                       col("provider", SqlType::varchar(40), false)});
    p.from.tables << old;
    Table retired = old;
    retired.name = QStringLiteral("payment_transactions_old");
    Table fresh = table(QStringLiteral("payment_transactions"),
                        {col("id", SqlType(K::Integer), false), col("registration_id", SqlType(K::Integer), false),
                         col("status", SqlType(K::Integer), false), col("amount", SqlType::decimal(10, 2), false),
                         col("currency", SqlType::varchar(3), false), col("provider", SqlType::varchar(40), false)});
    fresh.primaryKey->name = QStringLiteral("payment_transactions_pkey2");
    p.to.tables << retired << fresh;
    p.expected << QStringLiteral("Rename table payment_transactions to payment_transactions_old")
               << QStringLiteral("Create table payment_transactions");
    p.seed << QStringLiteral("INSERT INTO payment_transactions (id, event_id, registrant_id, status, amount, currency, provider) "
                             "VALUES (1, 2, 3, 1, 12.50, 'EUR', 'stripe')");
    p.kept = {{QStringLiteral("payment_transactions"), QStringLiteral("payment_transactions_old"), QStringLiteral("amount")}};
    return p;
}

// 9. An auto-increment key added to a table with rows while its old key
// goes (the reverse of a key change): MySQL takes an AUTO_INCREMENT column
// only as a key, in the statement that adds it (which numbers the rows).
Pair autoIncrementKeyAdded()
{
    Pair p;
    Table before = table(QStringLiteral("tickets"), {col("code", SqlType::varchar(20), false), col("title", SqlType::varchar(100))},
                         {QStringLiteral("code")});
    Column id = col("id", SqlType(K::BigInt), false);
    id.identity = Column::Identity::AutoIncrement;
    Table after = table(QStringLiteral("tickets"), {col("code", SqlType::varchar(20), false), col("title", SqlType::varchar(100)), id});
    p.from.tables << before;
    p.to.tables << after;
    p.seed << QStringLiteral("INSERT INTO tickets (code, title) VALUES ('A-1', 'first'), ('A-2', 'second'), ('B-7', 'third')");
    p.kept = {{QStringLiteral("tickets"), QStringLiteral("tickets"), QStringLiteral("code")},
              {QStringLiteral("tickets"), QStringLiteral("tickets"), QStringLiteral("title")}};
    p.only = {Dialect::PostgreSQL, Dialect::MySQL};
    return p;
}

void prepare(Pair &p, Dialect d)
{
    // MySQL has no uuid type: the columns are char(36) there.
    if (d == Dialect::MySQL)
        for (Schema *s : {&p.from, &p.to})
            for (Table &t : s->tables)
                for (Column &c : t.columns)
                    if (c.type.kind() == K::Uuid)
                        c.type = SqlType::parseCanonical(QStringLiteral("char(36)"));
    p.from.dialect = p.to.dialect = d;
    p.from.canonicalize();
    p.to.canonicalize();
}

} // namespace

class TstDifferRefusals : public QObject
{
    Q_OBJECT

private:
    void check(Pair p, Dialect d)
    {
        if (!p.only.isEmpty() && !p.only.contains(d))
            return;
        prepare(p, d);
        auto r = Differ::diff(p.from, p.to);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        const QString ops = listing(r->operations);
        for (const QString &e : p.expected)
            QVERIFY2(ops.contains(e), qPrintable(e + QStringLiteral(" missing from") + ops));
        // The Differ checked its plan against `from` as it compares it (MySQL:
        // unique constraints as unique indexes); SQLite and PostgreSQL keep
        // the model as written, so the plan applies to it as is.
        if (d == Dialect::MySQL)
            return;
        auto applied = OperationApplier::applyAll(p.from, r->operations);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString() + ops));
        DiffOptions plain;
        plain.renames.enabled = false;
        auto again = Differ::diff(*applied, p.to, plain);
        QVERIFY2(again && again->isEmpty(), qPrintable(again ? listing(again->operations) : again.error().toString()));
    }

    // Creates `from` on the database, diffs what is inspected against `to`,
    // runs the plan's SQL and compares the inspected result with `to`.
    void checkOnDatabase(Pair p, Dialect d, const QString &serverUrl)
    {
        if (!p.only.isEmpty() && !p.only.contains(d))
            return;
        prepare(p, d);
        COVET_SCRATCH_DB(db, d, serverUrl);
        ScratchRun run(db->connection().database(), d);
        const auto gen = SqlGenerator::create(d);
        QCOMPARE(run.exec(gen->schemaStatements(p.from) + p.seed), QString());
        QString error;
        QStringList before;
        for (const Pair::Kept &k : p.kept)
            before << run.checksum({}, k.from, {k.column}, &error);
        QCOMPARE(error, QString());
        auto inspectedA = run.inspect();
        COVET_VERIFY_OK(inspectedA);
        auto r = Differ::diff(*inspectedA, p.to);
        COVET_VERIFY_OK(r);
        const QString ops = listing(r->operations);
        for (const QString &e : p.expected)
            QVERIFY2(ops.contains(e), qPrintable(e + QStringLiteral(" missing from") + ops));
        QStringList sql;
        const QString e = run.apply(*gen, r->operations, *inspectedA, &sql);
        QVERIFY2(e.isEmpty(), qPrintable(e + u'\n' + sql.join(u'\n')));
        auto after = run.inspect();
        COVET_VERIFY_OK(after);
        const QString d2 = covet::test::schemaDifference(*after, p.to);
        QVERIFY2(d2.isEmpty(), qPrintable(d2 + ops));
        for (qsizetype i = 0; i < p.kept.size(); ++i) {
            const Pair::Kept &k = p.kept.at(i);
            QVERIFY2(!before.at(i).startsWith(QLatin1String("0:")), qPrintable(before.at(i)));   // the seeded rows
            QCOMPARE(run.checksum({}, k.to, {k.column}, &error), before.at(i));
            QCOMPARE(error, QString());
        }
    }

    static Pair make(int which)
    {
        return which == 0 ? uniqueOntoPrimaryKey() : which == 1 ? foreignKeysRetargeted()
             : which == 2 ? constrainedColumnRenamed() : which == 3 ? primaryKeyTypeChangeReverse() : which == 4 ? tableMovedAside()
             : which == 5 ? nameTakenOver() : which == 6 ? tableReplaced() : which == 7 ? movedToRetiredName() : autoIncrementKeyAdded();
    }

private slots:
    void inMemory_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<int>("dialect");
        const char *names[] = {"unique onto primary key", "foreign keys retargeted", "constrained column renamed", "reverse",
                               "table moved aside", "name taken over", "table replaced", "moved to a retired name",
                               "auto-increment key added"};
        for (int w = 0; w < kPatterns; ++w)
            for (Dialect d : {Dialect::SQLite, Dialect::PostgreSQL, Dialect::MySQL})
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QString::fromLatin1(names[w]), dialectName(d)))) << w << int(d);
    }
    void inMemory()
    {
        QFETCH(int, which);
        QFETCH(int, dialect);
        check(make(which), Dialect(dialect));
    }

    void sqlite()
    {
        for (int w = 0; w < kPatterns; ++w)
            checkOnDatabase(make(w), Dialect::SQLite, QString());
    }

    void postgres()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        for (int w = 0; w < kPatterns; ++w)
            checkOnDatabase(make(w), Dialect::PostgreSQL, url);
    }

    void mysql()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        for (int w = 0; w < kPatterns; ++w)
            checkOnDatabase(make(w), Dialect::MySQL, url);
    }
};

QTEST_GUILESS_MAIN(TstDifferRefusals)
#include "tst_differrefusals.moc"
