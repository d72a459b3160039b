#pragma once
// Migration files shared by the CLI suites (tst_climigrate, tst_cliprogress):
// items(id, label) in 0001, a column in 0002, an index in 0003, the column
// renamed in 0004 (tst_clisquash, tst_clisquashhistory, tst_squashdialog),
// and the project of those four the squash suites run `covet` in
// (tst_clisquashhistory, tst_clisquashfaults).

#include "../migrations/migrationtestsupport.h"

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
    void removeOriginals()
    {
        for (const QString &id : kOriginals)
            QVERIFY(QFile::remove(dir.filePath(QStringLiteral("migrations/") + id + QStringLiteral(".yaml"))));
    }
};

// The ids in _covet_migrations, in id order.
inline QStringList historyIds(Connection &c)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto rows = sql.rows(QStringLiteral("SELECT id FROM _covet_migrations ORDER BY id"));
    QStringList out;
    if (rows)
        for (const auto &r : *rows)
            out << r.value(0).toString();
    return out;
}

} // namespace covet::test

// Runs `covet ARGS...` in a SquashCliProject and requires the exit code.
#define SQUASH_CLI(project, expected, ...)                                                            \
    do {                                                                                              \
        const QStringList args_{__VA_ARGS__};                                                         \
        const int code_ = (project).run(args_);                                                       \
        QVERIFY2(code_ == (expected), qPrintable((project).said(args_) + QStringLiteral("\nexit %1").arg(code_))); \
    } while (false)

// The dialect of the row, its scratch database `db`, the SquashCliProject `p`
// on it and the connection `c` (skips a server row without its server).
#define SQUASH_PROJECT(d, db, p, c)                       \
    QFETCH(int, dialect);                                 \
    const covet::Dialect d = covet::Dialect(dialect);     \
    COVET_REQUIRE_DIALECT(d);                             \
    COVET_SCRATCH_DB(db, d, covet::test::serverFor(d));   \
    covet::test::SquashCliProject p(db->urlString());        \
    covet::Connection &c = db->connection()
