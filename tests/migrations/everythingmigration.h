#pragma once

// A migration holding one operation of every type (and a per-dialect
// run_sql), as makemigrations would write it: shared by the migration file
// and checksum-stability suites.

#include "../operations/sampleoperations.h"

#include "migrations/migration.h"

namespace covet::test {

inline Migration everythingMigration()
{
    Migration m;
    m.id = QStringLiteral("0007_everything");
    m.number = 7;
    m.name = QStringLiteral("everything");
    m.description = QStringLiteral("Every operation: a: colon, \"quotes\" and # hash");
    m.dependencies = {QStringLiteral("0005_a"), QStringLiteral("0006_b")};
    m.transactional = false;
    for (const SampleOperation &s : sampleOperations())
        m.operations << s.op;
    RunSql perDialect;
    perDialect.forward = QStringLiteral("SELECT 1;\nSELECT 2;");
    perDialect.forwardByDialect.insert(QStringLiteral("postgresql"), QStringLiteral("CREATE INDEX CONCURRENTLY i ON t (a)"));
    perDialect.reverseByDialect.insert(QStringLiteral("postgresql"), QStringLiteral("DROP INDEX CONCURRENTLY i"));
    m.operations << perDialect;
    return m;
}

} // namespace covet::test
