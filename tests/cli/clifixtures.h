#pragma once
// Migration files shared by the CLI suites (tst_climigrate, tst_cliprogress):
// items(id, label) in 0001, a column in 0002, an index in 0003, the column
// renamed in 0004 (tst_clisquash, tst_clisquashhistory, tst_squashdialog).

#include <QByteArray>

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

} // namespace covet::test
