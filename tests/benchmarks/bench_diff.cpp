// Diff + rename detection between two 2,000-table x 15-column schemas with
// 10% of the columns renamed (the renames real histories show: suffixes
// added, abbreviations spelled out, prefixes dropped, type widened).
// Target: under 0.5 s and 200 MB peak RSS.

#include "diff/differ.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <tuple>
#include <cstdio>

using namespace covet;
using K = SqlType::Kind;

namespace {

struct Spec
{
    const char *name;
    SqlType type;
    bool nullable;
    const char *renamedTo;   // nullptr: kept
    SqlType newType = SqlType();
};

QList<Spec> pool()
{
    SqlType ts(K::Timestamp), tstz(K::TimestampTz), text(K::Text), integer(K::Integer), big(K::BigInt), boolean(K::Boolean);
    return {
        {"created", ts, false, "created_at"},
        {"qty", integer, false, "quantity", big},
        {"descr", text, true, "description"},
        {"addr", SqlType::varchar(200), true, "address"},
        {"active", boolean, false, "is_active"},
        {"phone", SqlType::varchar(30), true, "phone_number"},
        {"amt", SqlType::decimal(12, 2), false, "amount"},
        {"updated", ts, true, "updated_at", tstz},
        {"mail", SqlType::varchar(255), true, "email"},
        {"zip", SqlType::varchar(10), true, "zip_code"},
        {"note", text, true, "notes"},
        {"categoryName", SqlType::varchar(80), true, "category_name"},
        {"img_url", SqlType::varchar(500), true, "image_url"},
        {"meta", SqlType(K::Jsonb), true, "metadata"},
        {"title", SqlType::varchar(120), false, nullptr},
        {"status", SqlType::varchar(20), false, nullptr},
        {"code", SqlType::varchar(32), false, nullptr},
        {"price", SqlType::decimal(10, 2), true, nullptr},
        {"sort_order", integer, false, nullptr},
        {"external_ref", SqlType::varchar(64), true, nullptr},
        {"deleted_at", ts, true, nullptr},
        {"version", integer, false, nullptr},
        {"country", SqlType::varchar(2), true, nullptr},
        {"currency", SqlType::varchar(3), true, nullptr},
        {"weight", SqlType(K::Double), true, nullptr},
        {"payload", SqlType(K::Json), true, nullptr},
    };
}

const char *const kModules[] = {"crm", "billing", "shop", "hr", "cms", "auth", "stock", "ship", "pay", "report"};
const char *const kEntities[] = {"customer", "order", "invoice", "product", "shipment", "payment", "account", "address",
                                 "ticket", "supplier", "warehouse", "coupon", "review", "employee", "contract", "refund",
                                 "subscription", "session", "category", "price_list"};

struct Pair
{
    Schema from;
    Schema to;
    QSet<QString> expected;   // "table:from->to"
};

Pair build(int tableCount)
{
    const QList<Spec> specs = pool();
    Pair p;
    for (int t = 0; t < tableCount; ++t) {
        const QString name = QStringLiteral("%1_%2_%3")
                                 .arg(QLatin1String(kModules[t % 10]), QLatin1String(kEntities[(t / 10) % 20]))
                                 .arg(t / 200);
        Table a;
        a.name = name;
        Column id;
        id.name = QStringLiteral("id");
        id.type = SqlType(K::BigInt);
        id.nullable = false;
        id.identity = Column::Identity::ByDefault;
        a.columns << id;
        a.primaryKey = PrimaryKey{name + QStringLiteral("_pkey"), {QStringLiteral("id")}};
        Column parent;
        parent.name = QStringLiteral("parent_id");
        parent.type = SqlType(K::BigInt);
        a.columns << parent;
        if (t > 0) {
            ForeignKey fk;
            fk.name = name + QStringLiteral("_parent_fk");
            fk.columns = {QStringLiteral("parent_id")};
            fk.refTable = p.from.tables.at((t * 7) % t).name;
            fk.refColumns = {QStringLiteral("id")};
            a.foreignKeys << fk;
            Index ix;
            ix.name = name + QStringLiteral("_parent_idx");
            ix.parts << IndexPart{QStringLiteral("parent_id"), {}, false, -1};
            a.indexes << ix;
        }
        Table b = a;
        // 13 more columns from the pool, starting at a rotating offset;
        // 1 or 2 of them (alternately) renamed: 10% of all columns.
        const int renames = t % 2 == 0 ? 2 : 1;
        int renamed = 0;
        for (int i = 0; i < 13; ++i) {
            const Spec &s = specs.at((t + i * 3) % specs.size());
            Column c;
            c.name = QString::fromLatin1(s.name);
            if (a.column(c.name))
                continue;
            c.type = s.type;
            c.nullable = s.nullable;
            a.columns << c;
            if (s.renamedTo && renamed < renames) {
                ++renamed;
                c.name = QString::fromLatin1(s.renamedTo);
                if (s.newType.kind() != K::Other)
                    c.type = s.newType;
                p.expected.insert(name + u':' + QString::fromLatin1(s.name) + QStringLiteral("->") + c.name);
            }
            b.columns << c;
        }
        p.from.tables << a;
        p.to.tables << b;
    }
    p.from.canonicalize();
    p.to.canonicalize();
    return p;
}

double peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

} // namespace

int main()
{
    const Pair p = build(2000);
    qsizetype columns = 0;
    for (const Table &t : p.from.tables)
        columns += t.columns.size();

    double best = 1e9;
    DiffResult result;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto r = Differ::diff(p.from, p.to);
        const double s = double(timer.nsecsElapsed()) / 1e9;
        if (!r) {
            std::fprintf(stderr, "diff failed: %s\n", qPrintable(r.error().toString()));
            return 2;
        }
        best = std::min(best, s);
        result = *r;
    }
    int found = 0, wrong = 0, alters = 0, other = 0;
    for (const Operation &op : result.operations) {
        if (const auto *r = std::get_if<RenameColumn>(&op)) {
            if (p.expected.contains(r->table + u':' + r->from + QStringLiteral("->") + r->to))
                ++found;
            else
                ++wrong;
        } else if (std::holds_alternative<AlterColumn>(op)) {
            ++alters;
        } else {
            ++other;
        }
    }
    std::printf("schemas: %lld tables, %lld columns each side; %lld columns renamed (%.1f%%)\n",
                (long long)p.from.tables.size(), (long long)columns, (long long)p.expected.size(), 100.0 * p.expected.size() / columns);
    std::printf("diff: %.3f s, peak RSS: %.1f MB (targets: < 0.5 s, < 200 MB), renames found: %d of %lld\n", best, peakRssMb(), found,
                (long long)p.expected.size());
    std::printf("operations: %lld (%d renames, %d wrong renames, %d alter_column for type changes, %d others); candidates: %lld\n",
                (long long)result.operations.size(), found + wrong, wrong, alters, other, (long long)result.renameCandidates.size());

    // From nothing and back to nothing: table ordering at scale.
    for (const auto &[label, from, to] : {std::tuple{"create all", Schema(), p.to}, std::tuple{"drop all", p.from, Schema()}}) {
        QElapsedTimer timer;
        timer.start();
        auto r = Differ::diff(from, to);
        if (!r) {
            std::fprintf(stderr, "%s failed: %s\n", label, qPrintable(r.error().toString()));
            return 2;
        }
        std::printf("%s: %.3f s, %lld operations\n", label, double(timer.nsecsElapsed()) / 1e9, (long long)r->operations.size());
    }
    return 0;
}
