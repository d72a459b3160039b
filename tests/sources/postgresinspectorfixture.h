#pragma once

// Shared by tst_postgresinspector*.cpp: a scratch PostgreSQL database, the
// inspector run on it, and the SQL / inspect / round-trip check macros.
#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "schema/schemajson.h"
#include "sources/postgresinspector.h"
#include "sql/identifierquoter.h"

#include <QTest>

namespace covet::test {

inline QStringList list(std::initializer_list<const char16_t *> items)
{
    QStringList out;
    for (const char16_t *i : items)
        out << QString::fromUtf16(i);
    return out;
}

inline QString q(const QString &identifier)
{
    return IdentifierQuoter::quote(Dialect::PostgreSQL, identifier);
}

// Base of the test classes. Each declares Q_OBJECT and its own init() (QSKIP
// in COVET_REQUIRE_SERVER must return from the slot itself).
class PostgresInspectorFixture : public QObject
{
protected:
    QString m_serverUrl;
    std::unique_ptr<ScratchDatabase> m_db;

    // Runs a whole multi-statement script in one simple-protocol round trip
    // (plpgsql bodies with ";" inside survive).
    bool run(const QString &script, QString *error)
    {
        SqlExecutor ex(m_db->connection().database(), Dialect::PostgreSQL);
        auto r = ex.exec(script);
        if (!r && error)
            *error = r.error().toString();
        return bool(r);
    }

    Result<Schema> inspect(const InspectOptions &options = {}, int *statements = nullptr,
                           const ProgressSink *progress = nullptr)
    {
        SqlExecutor ex(m_db->connection().database(), Dialect::PostgreSQL);
        PostgresInspector inspector;
        auto schema = inspector.inspect(ex, options, progress);
        if (statements)
            *statements = ex.statementCount();
        return schema;
    }

    static bool roundTrips(const Schema &s, QString *why)
    {
        auto back = SchemaJson::fromJson(SchemaJson::toJson(s));
        if (!back) {
            *why = back.error().toString();
            return false;
        }
        if (!(*back == s)) {
            *why = QString::fromUtf8(SchemaJson::toCanonicalJson(s)) + QStringLiteral("\n--- became ---\n")
                 + QString::fromUtf8(SchemaJson::toCanonicalJson(*back));
            return false;
        }
        return true;
    }
};

} // namespace covet::test

#define RUN_SQL(script)                                                                                       \
    do {                                                                                                      \
        QString error_;                                                                                       \
        QVERIFY2(run(script, &error_), qPrintable(error_));                                                   \
    } while (false)

#define INSPECT(var, ...)                                                                                     \
    auto var##_result = inspect(__VA_ARGS__);                                                                 \
    QVERIFY2(var##_result, qPrintable(var##_result ? QString() : var##_result.error().toString()));          \
    const Schema var = *var##_result

#define VERIFY_ROUND_TRIP(s)                                                                                  \
    do {                                                                                                      \
        QString why_;                                                                                         \
        QVERIFY2(roundTrips(s, &why_), qPrintable(why_));                                                     \
    } while (false)
