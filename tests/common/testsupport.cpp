#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "sql/identifierquoter.h"
#include "sql/sqlscriptsplitter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace covet::test {

QString serverUrl(const char *envVar)
{
    return qEnvironmentVariable(envVar);
}

bool inCi()
{
    const QString ci = qEnvironmentVariable("CI").toLower();
    return ci == u"true" || ci == u"1" || ci == u"yes";
}

std::unique_ptr<ScratchDatabase> ScratchDatabase::create(Dialect dialect, const QString &serverUrl, QString *error)
{
    std::unique_ptr<ScratchDatabase> db(new ScratchDatabase);
    if (dialect == Dialect::SQLite) {
        db->m_dir = std::make_unique<QTemporaryDir>();
        db->m_url = DatabaseUrl::sqliteFile(db->m_dir->filePath(QStringLiteral("test.db")));
        return db;
    }
    auto admin = DatabaseUrl::parse(serverUrl);
    if (!admin) {
        if (error)
            *error = admin.error().toString();
        return nullptr;
    }
    db->m_adminUrl = *admin;
    db->m_name = QStringLiteral("covet_t_%1_%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QRandomGenerator::global()->generate() % 100000000u);
    auto conn = Connection::open(db->m_adminUrl, QStringLiteral("scratch-admin"));
    if (!conn) {
        if (error)
            *error = conn.error().toString();
        return nullptr;
    }
    SqlExecutor ex((*conn)->database(), dialect);
    if (auto r = ex.exec(QStringLiteral("CREATE DATABASE ") + IdentifierQuoter::quote(dialect, db->m_name)); !r) {
        if (error)
            *error = r.error().toString();
        return nullptr;
    }
    db->m_url = db->m_adminUrl;
    db->m_url.setDatabase(db->m_name);
    return db;
}

ScratchDatabase::~ScratchDatabase()
{
    m_conn.reset();
    if (m_name.isEmpty())
        return;
    auto conn = Connection::open(m_adminUrl, QStringLiteral("scratch-drop"));
    if (!conn)
        return;
    SqlExecutor ex((*conn)->database(), m_adminUrl.dialect());
    const QString quoted = IdentifierQuoter::quote(m_adminUrl.dialect(), m_name);
    if (m_adminUrl.dialect() == Dialect::PostgreSQL)
        (void)ex.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted));
    else
        (void)ex.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(quoted));
}

Connection &ScratchDatabase::connection()
{
    if (!m_conn) {
        auto conn = Connection::open(m_url, QStringLiteral("scratch"));
        if (!conn)
            qFatal("cannot connect to scratch database %s: %s", qPrintable(m_url.display()), qPrintable(conn.error().toString()));
        m_conn = std::move(*conn);
    }
    return *m_conn;
}

bool ScratchDatabase::execScript(const QString &script, QString *error)
{
    const auto statements = SqlScriptSplitter::split(script, m_url.dialect());
    if (!statements) {
        if (error)
            *error = statements.error().toString();
        return false;
    }
    SqlExecutor ex(connection().database(), m_url.dialect());
    const bool transaction = m_url.dialect() == Dialect::SQLite && connection().database().transaction();
    for (const SqlScriptSplitter::Statement &s : *statements) {
        if (auto r = ex.exec(s.sql); !r) {
            if (error)
                *error = QStringLiteral("line %1: %2").arg(s.line).arg(r.error().toString());
            if (transaction)
                connection().database().rollback();
            return false;
        }
    }
    if (transaction)
        connection().database().commit();
    return true;
}

QStringList dropEverythingStatements(SqlExecutor &ex, QString *error)
{
    const Dialect d = ex.dialect();
    const auto quote = [d](const QVariant &name) { return IdentifierQuoter::quote(d, name.toString()); };
    QStringList st;
    if (d == Dialect::PostgreSQL) {
        auto ns = ex.rows(QStringLiteral("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                                         "AND nspname <> 'information_schema' ORDER BY nspname"));
        if (!ns) {
            *error = ns.error().toString();
            return {};
        }
        for (const QVariantList &r : *ns)
            st << QStringLiteral("DROP SCHEMA %1 CASCADE").arg(quote(r.value(0)));
        st << QStringLiteral("CREATE SCHEMA public");
        return st;
    }
    if (d == Dialect::MySQL) {
        auto objs = ex.rows(QStringLiteral("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = DATABASE()"));
        if (!objs) {
            *error = objs.error().toString();
            return {};
        }
        st << QStringLiteral("SET FOREIGN_KEY_CHECKS=0");
        for (const QVariantList &r : *objs)
            st << (r.value(1).toString() == u"VIEW" ? QStringLiteral("DROP VIEW %1") : QStringLiteral("DROP TABLE %1")).arg(quote(r.value(0)));
        st << QStringLiteral("SET FOREIGN_KEY_CHECKS=1");
        return st;
    }
    auto objs = ex.rows(QStringLiteral("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                       "AND type IN ('view', 'table') ORDER BY type DESC"));
    if (!objs) {
        *error = objs.error().toString();
        return {};
    }
    st << QStringLiteral("PRAGMA foreign_keys=OFF");
    for (const QVariantList &r : *objs)
        st << QStringLiteral("DROP %1 %2").arg(r.value(0).toString().toUpper(), quote(r.value(1)));
    st << QStringLiteral("PRAGMA foreign_keys=ON");
    return st;
}

QString dropEverything(Connection &c)
{
    SqlExecutor ex(c.database(), c.dialect());
    QString error;
    const QStringList st = dropEverythingStatements(ex, &error);
    for (const QString &s : st)
        if (auto r = ex.exec(s); !r)
            return QStringLiteral("%1: %2").arg(s, r.error().toString());
    return error;
}

int runCli(const QStringList &args, QString *out, QString *err, const QString &workingDir, const QStringList &extraEnv)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : extraEnv) {
        const qsizetype eq = kv.indexOf(u'=');
        env.insert(kv.left(eq), kv.mid(eq + 1));
    }
    p.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(cliPath(), args);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        if (err)
            *err = QStringLiteral("covet did not finish within 120 s");
        return -1;
    }
    const QString stdoutText = QString::fromUtf8(p.readAllStandardOutput());
    const QString stderrText = QString::fromUtf8(p.readAllStandardError());
    if (out)
        *out = stdoutText;
    if (err)
        *err = stderrText;
    recordCliTranscript(args, stdoutText, stderrText);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString cliPath()
{
    const QString env = qEnvironmentVariable("COVET_CLI");
    return env.isEmpty() ? QStringLiteral(COVET_CLI_PATH) : env;
}

QString cliTranscriptDir()
{
    return QStringLiteral(COVET_BINARY_DIR) + QStringLiteral("/cli-transcripts");
}

void recordCliTranscript(const QStringList &args, const QString &out, const QString &err)
{
    QDir().mkpath(cliTranscriptDir());
    QFile f(cliTranscriptDir() + u'/' + QCoreApplication::applicationName() + QStringLiteral(".log"));
    if (!f.open(QIODevice::Append))
        return;
    f.write("$ covet " + args.join(u' ').toUtf8() + "\n" + out.toUtf8() + err.toUtf8() + "\n");
}

QString sourcePath(const QString &relative)
{
    return QStringLiteral(COVET_SOURCE_DIR) + u'/' + relative;
}

} // namespace covet::test
