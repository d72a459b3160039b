#pragma once
// Migration files shared by the CLI suites (tst_climigrate, tst_cliprogress):
// items(id, label) in 0001, a column in 0002, an index in 0003, the column
// renamed in 0004 (tst_clisquash, tst_clisquashhistory, tst_squashdialog),
// and the project of those four the squash suites run `covet` in
// (tst_clisquashhistory, tst_clisquashfaults).

#include "../migrations/migrationtestsupport.h"
#include "safety/tablechecksum.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace covet::test {

inline const QByteArray kItemsMigration = R"(operations:
  - op: create_table
    definition:
      name: items
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: label, type: varchar(50)}
      primary_key: {columns: [id]}
)";
inline const QByteArray kQtyMigration = R"(dependencies: [0001_items]
operations:
  - op: add_column
    table: items
    column: {name: qty, type: integer, nullable: false, default: "0"}
)";
inline const QByteArray kIndexMigration = R"(dependencies: [0002_qty]
operations:
  - op: create_index
    table: items
    index: {name: idx_items_label, parts: [{column: label}]}
)";
inline const QByteArray kRenameMigration = R"(dependencies: [0003_index]
operations:
  - op: rename_column
    table: items
    from: qty
    to: quantity
)";

// `covet squash --from 2` of the project below: its id and what it replaces.
inline const QString kSquashed = QStringLiteral("0005_squashed_0002_0004");
inline const QStringList kOriginals{QStringLiteral("0002_qty"), QStringLiteral("0003_index"), QStringLiteral("0004_rename")};

// Each row a query returns, its values joined by '|'.
inline QStringList rowsOf(Connection &c, const QString &query)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto rows = sql.rows(query);
    QStringList out;
    if (rows)
        for (const QVariantList &r : *rows) {
            QStringList values;
            for (const QVariant &v : r)
                values << v.toString();
            out << values.join(u'|');
        }
    return out;
}

// The ids in _covet_migrations, in id order.
inline QStringList historyIds(Connection &c)
{
    return rowsOf(c, QStringLiteral("SELECT id FROM _covet_migrations ORDER BY id"));
}

// Runs `covet ARGS...` in a SquashCliProject and requires the exit code.
#define SQUASH_CLI(project, expected, ...)                                                            \
    do {                                                                                              \
        const QStringList args_{__VA_ARGS__};                                                         \
        const int code_ = (project).run(args_);                                                       \
        QVERIFY2(code_ == (expected), qPrintable((project).said(args_) + QStringLiteral("\nexit %1").arg(code_))); \
    } while (false)

// One project (0001..0004, audit on) against one scratch database.
struct SquashCliProject
{
    QTemporaryDir dir;
    QStringList env;
    QString out, err;

    explicit SquashCliProject(const QString &url)
    {
        QDir(dir.path()).mkdir(QStringLiteral("migrations"));
        writeFile(dir.filePath(QStringLiteral("covet.yaml")), "database: ${COVET_T_URL}\naudit_log: true\n");
        writeMigration(dir.filePath(QStringLiteral("migrations")), QStringLiteral("0001_items.yaml"), kItemsMigration);
        writeMigration(dir.filePath(QStringLiteral("migrations")), QStringLiteral("0002_qty.yaml"), kQtyMigration);
        writeMigration(dir.filePath(QStringLiteral("migrations")), QStringLiteral("0003_index.yaml"), kIndexMigration);
        writeMigration(dir.filePath(QStringLiteral("migrations")), QStringLiteral("0004_rename.yaml"), kRenameMigration);
        env << QStringLiteral("COVET_T_URL=") + url;
    }
    int run(const QStringList &args)
    {
        return runCli(args, &out, &err, dir.path(), env);
    }
    QString said(const QStringList &args) const
    {
        return QStringLiteral("covet %1\n%2%3").arg(args.join(u' '), out, err);
    }
    // The rows kept through the range: items' id and label.
    static Result<TableChecksum::Value> keptRows(Connection &c)
    {
        SqlExecutor sql(c.database(), c.dialect());
        return TableChecksum::of(sql, {}, QStringLiteral("items"), {QStringLiteral("id"), QStringLiteral("label")});
    }
    // Applies 0001_items, puts three rows in items, applies the rest and
    // squashes 0002..0004 (kSquashed, not recorded yet); `before`: the
    // schema before the range, `kept`: keptRows() then. Check
    // QTest::currentTestFailed() after it.
    void applyAndSquash(Connection &c, Schema &before, TableChecksum::Value &kept)
    {
        SQUASH_CLI(*this, 0, QStringLiteral("migrate"), QStringLiteral("--to"), QStringLiteral("0001_items"));
        before = inspectSchema(c);
        COVET_EXEC_OK(c, QStringLiteral("INSERT INTO items (id, label) VALUES (1, 'one'), (2, 'two'), (3, 'three')"));
        const auto rows = keptRows(c);
        COVET_VERIFY_OK(rows);
        kept = *rows;
        SQUASH_CLI(*this, 0, QStringLiteral("migrate"));
        SQUASH_CLI(*this, 0, QStringLiteral("squash"), QStringLiteral("--from"), QStringLiteral("2"));
        QVERIFY2(QFile::exists(dir.filePath(QStringLiteral("migrations/") + kSquashed + QStringLiteral(".yaml"))), qPrintable(out + err));
    }
    // Rolled back to 0001_items: its row alone in the history, the schema
    // `before`, the kept rows unchanged, the audit chain intact.
    void verifyBackAt0001(Connection &c, const Schema &before, const TableChecksum::Value &kept)
    {
        QCOMPARE(historyIds(c), QStringList{QStringLiteral("0001_items")});
        QCOMPARE(inspectSchema(c), before);
        const auto rows = keptRows(c);
        COVET_VERIFY_OK(rows);
        QCOMPARE(*rows, kept);
        SQUASH_CLI(*this, 0, QStringLiteral("audit"), QStringLiteral("verify"));
    }
    void removeOriginals()
    {
        for (const QString &id : kOriginals)
            QVERIFY(QFile::remove(dir.filePath(QStringLiteral("migrations/") + id + QStringLiteral(".yaml"))));
    }
};


} // namespace covet::test

// The dialect of the row, its scratch database `db`, the SquashCliProject `p`
// on it and the connection `c` (skips a server row without its server).
#define SQUASH_PROJECT(d, db, p, c)                       \
    QFETCH(int, dialect);                                 \
    const covet::Dialect d = covet::Dialect(dialect);     \
    COVET_REQUIRE_DIALECT(d);                             \
    COVET_SCRATCH_DB(db, d, covet::test::serverFor(d));   \
    covet::test::SquashCliProject p(db->urlString());        \
    covet::Connection &c = db->connection()
