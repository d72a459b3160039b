#pragma once

#include "db/connection.h"
#include "db/databaseurl.h"

#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace covet {
class SqlExecutor;
}

namespace covet::test {

// The URL of a test server from the environment (COVET_TEST_PG_URL,
// COVET_TEST_MYSQL_URL), or empty.
QString serverUrl(const char *envVar);
bool inCi();

// A fresh database on a test server, created with a unique name and dropped
// when this object goes away. For SQLite: a file in a temporary directory.
class ScratchDatabase
{
public:
    static std::unique_ptr<ScratchDatabase> create(Dialect dialect, const QString &serverUrl, QString *error = nullptr);
    ~ScratchDatabase();

    const DatabaseUrl &url() const { return m_url; }
    QString urlString() const { return m_url.toString(); }
    // A connection to the scratch database (opened on first use).
    Connection &connection();
    // Drops the connection; the next connection() opens a new one (after the server restarted).
    void reconnect() { m_conn.reset(); }
    // Runs a script split by SqlScriptSplitter (test fixtures only).
    bool execScript(const QString &script, QString *error = nullptr);

private:
    ScratchDatabase() = default;
    DatabaseUrl m_url;
    DatabaseUrl m_adminUrl;
    QString m_name;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Connection> m_conn;
};

// The statements that drop everything in the executor's database, for a
// database reused between cases: PostgreSQL every non-system schema (public
// re-created), MySQL every table and view, SQLite every table and view (their
// indexes and triggers go with them). Empty with *error set when the catalog
// cannot be read.
QStringList dropEverythingStatements(SqlExecutor &ex, QString *error);
// Runs them on the connection; "" when all ran, else the first error.
QString dropEverything(Connection &c);

// The covet binary the suites run: $COVET_CLI when set (scripts/fault-matrix.sh
// runs a copy, so the build can go on meanwhile), else the one built here.
QString cliPath();

// Runs the covet CLI with arguments; returns exit code, fills stdout/stderr.
int runCli(const QStringList &args, QString *out = nullptr, QString *err = nullptr,
           const QString &workingDir = {}, const QStringList &extraEnv = {});

// Appends a CLI run (arguments, stdout, stderr) to the suite's transcript in
// <build>/cli-transcripts/<test program>.log; runCli() does it for every run.
// tst_clicredentials scans the transcripts for the test passwords.
void recordCliTranscript(const QStringList &args, const QString &out, const QString &err);
QString cliTranscriptDir();

QString sourcePath(const QString &relative);   // a path in the source tree

// The error text of a Result, or empty when it holds a value. Use this in
// QVERIFY2 messages: QVERIFY2 evaluates its message even when the check
// passes, and calling error() on a successful std::expected is undefined.
template <typename T>
QString errorText(const std::expected<T, Error> &r)
{
    return r ? QString() : r.error().toString();
}

} // namespace covet::test

// Verifies that a Result holds a value, printing its error otherwise.
// Evaluates `result` once (QVERIFY2 evaluates its message even on success:
// a call written inside it would otherwise run twice).
#define COVET_VERIFY_OK(result)                                                                   \
    do {                                                                                          \
        const auto &covetVerifyOk_ = (result);                                                    \
        QVERIFY2(bool(covetVerifyOk_), qPrintable(covet::test::errorText(covetVerifyOk_)));       \
    } while (false)

// Fetches a server URL into `var`, or skips the test; under CI=true a missing
// server fails the test instead (a server suite never passes by skipping).
#define COVET_REQUIRE_SERVER(var, envVar)                                                                     \
    const QString var = covet::test::serverUrl(envVar);                                                      \
    do {                                                                                                     \
        if (var.isEmpty()) {                                                                                 \
            if (covet::test::inCi())                                                                         \
                QFAIL(envVar " is not set: start the servers with scripts/test-servers.sh (CI=true forbids skipping)"); \
            QSKIP(envVar " is not set; start the servers with scripts/test-servers.sh");                     \
        }                                                                                                    \
    } while (false)

// Creates a scratch database for dialect `d` into `var` (a unique_ptr).
#define COVET_SCRATCH_DB(var, d, serverUrlValue)                                                             \
    QString var##_error;                                                                                     \
    auto var = covet::test::ScratchDatabase::create(d, serverUrlValue, &var##_error);                        \
    QVERIFY2(var, qPrintable(var##_error))

// QTEST_GUILESS_MAIN for suites whose test functions may run past QtTest's
// 5-minute limit on a loaded machine: the limit is raised to `ms` unless
// QTEST_FUNCTION_TIMEOUT is set (ctest's own limit is 15 minutes).
#define COVET_GUILESS_MAIN_LONG(TestObject, ms)                                       \
    int main(int argc, char **argv)                                                   \
    {                                                                                 \
        if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))                     \
            qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number(ms));                \
        QCoreApplication app(argc, argv);                                             \
        TestObject tc;                                                                \
        QTEST_SET_MAIN_SOURCE_PATH                                                    \
        return QTest::qExec(&tc, argc, argv);                                         \
    }
