#include "demoproject.h"

#include "../audit/auditrecorder.h"
#include "../audit/auditstatus.h"
#include "../db/connection.h"
#include "../db/sqlexecutor.h"
#include "../sql/sqlscriptsplitter.h"
#include "../migrations/migrationfile.h"
#include "../migrations/migrationhistory.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>

namespace covet {

namespace {

const QString kResourceRoot = QStringLiteral(":/covet/demo");

Result<QString> readResource(const QString &relative)
{
    QFile f(kResourceRoot + u'/' + relative);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::Category::Internal, QStringLiteral("the demo project is missing from this build"), f.fileName());
    return QString::fromUtf8(f.readAll());
}

Status copyResources(const QDir &target, QStringList *created)
{
    QDirIterator it(kResourceRoot, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString relative = source.mid(kResourceRoot.size() + 1);
        const QString dest = target.filePath(relative);
        if (!QDir().mkpath(QFileInfo(dest).absolutePath()))
            return fail(Error::Category::InvalidInput, QStringLiteral("cannot create the directory; check permissions"),
                        QFileInfo(dest).absolutePath());
        if (!QFile::copy(source, dest))
            return fail(Error::Category::InvalidInput, QStringLiteral("cannot write the file; check permissions and free space"), dest);
        *created << dest;
        // Files copied out of resources are read-only; the user edits these.
        QFile::setPermissions(dest, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return {};
}

Status runScript(SqlExecutor &sql, const QString &script, const QString &fileName)
{
    auto statements = SqlScriptSplitter::split(script, Dialect::SQLite);
    if (!statements)
        return std::unexpected(statements.error().withContext(fileName));
    for (const SqlScriptSplitter::Statement &st : *statements) {
        auto r = sql.exec(st.sql);
        if (!r)
            return std::unexpected(r.error().withContext(QStringLiteral("%1:%2").arg(fileName).arg(st.line)));
    }
    return {};
}

// The history row of a migration the database is built from, so the runner
// (and Covet Studio) see it as applied and the later ones as pending.
Status recordApplied(SqlExecutor &sql, const Migration &m)
{
    if (Status st = MigrationHistory::ensure(sql); !st)
        return st;
    AppliedMigration row;
    row.id = m.id;
    row.checksum = m.checksum;
    row.appliedAt = MigrationHistory::nowUtc();
    row.appliedBy = MigrationHistory::currentUser();
    return MigrationHistory::record(sql, row);
}

// Six weeks of a team's pipeline in the audit log (deterministic), so the
// Audit view's history and dashboard have something to show: applies to
// dev, staging and production, a few failures, two rollbacks, and the
// demo's own applied migrations last.
Status recordDemoAudit(SqlExecutor &sql, const QList<Migration> &applied)
{
    if (Status st = AuditRecorder::ensure(sql); !st)
        return st;
    const char *ids[] = {"0101_orders_status", "0102_customer_email_index", "0103_invoice_totals", "0104_product_flags",
                         "0105_shipping_zones", "0106_backfill_slugs"};
    const char *envs[] = {"dev", "staging", "production"};
    const char *users[] = {"alice", "bob", "deploy"};
    quint32 seed = 20261206;
    auto next = [&seed](quint32 n) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) % n;
    };
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-42);
    for (int day = 0; day < 42; ++day) {
        const int runs = int(next(4));
        for (int r = 0; r < runs; ++r) {
            AuditEntry e;
            const int m = (day / 7 + r) % 6;
            e.migrationId = QString::fromLatin1(ids[m]);
            e.environment = QString::fromLatin1(envs[(day + r) % 3]);
            e.user = e.environment == u"production" ? QStringLiteral("deploy") : QString::fromLatin1(users[next(2)]);
            e.host = e.environment == u"production" ? QStringLiteral("ci-runner") : QStringLiteral("laptop");
            e.databaseUser = QStringLiteral("app_owner");
            const bool rollback = next(20) == 0;
            const bool failed = !rollback && next(12) == 0;
            e.direction = rollback ? QStringLiteral("rollback") : QStringLiteral("apply");
            e.status = failed ? AuditStatus::Failure : AuditStatus::Success;
            e.error = failed ? QStringLiteral("statement failed: lock timeout on %1").arg(e.migrationId.section(u'_', 1)) : QString();
            e.durationMs = qint64(40 + m * 120 + next(300) + (e.environment == u"production" ? 400 : 0));
            const QDateTime at = start.addDays(day).addSecs(9 * 3600 + r * 1800 + qint64(next(900)));
            e.startedAt = at.toString(Qt::ISODateWithMs);
            e.finishedAt = at.addMSecs(e.durationMs).toString(Qt::ISODateWithMs);
            e.sql = QStringLiteral("-- %1 %2 (demo history)\n").arg(e.direction, e.migrationId);
            e.checksum = QStringLiteral("%1").arg(qHash(e.migrationId), 16, 16, QChar(u'0'));
            e.riskLevel = m == 3 ? QStringLiteral("high") : QStringLiteral("low");
            if (m == 3 && !failed) {
                e.rowsAtRisk = 1200;
                e.acknowledged = QStringLiteral("confirmed-data-loss");
            }
            if (Status st = AuditRecorder::record(sql, e); !st)
                return st;
        }
    }
    // This morning: a run to production killed in 0106 (recorded interrupted
    // by the next run), and a refused one (data loss without confirmation).
    const QDateTime killedAt = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
    const QString run = QStringLiteral("demo-run-0106");
    QList<AuditEntry> recent;
    for (const QString &status : {AuditStatus::Started, AuditStatus::Success, AuditStatus::Interrupted, AuditStatus::Refused}) {
        AuditEntry e;
        e.migrationId = QString::fromLatin1(status == AuditStatus::Started || status == AuditStatus::Success ? ids[4] : ids[5]);
        e.direction = QStringLiteral("apply");
        e.status = status;
        e.environment = QStringLiteral("production");
        e.user = QStringLiteral("deploy");
        e.host = QStringLiteral("ci-runner");
        e.databaseUser = QStringLiteral("app_owner");
        e.runId = status == AuditStatus::Refused ? QString() : run;
        const QDateTime at = status == AuditStatus::Refused ? killedAt.addSecs(1800) : killedAt;
        e.startedAt = at.toString(Qt::ISODateWithMs);
        e.durationMs = status == AuditStatus::Success ? 840 : status == AuditStatus::Interrupted ? 95000 : 0;
        e.finishedAt = at.addMSecs(e.durationMs).toString(Qt::ISODateWithMs);
        e.checksum = QStringLiteral("%1").arg(qHash(e.migrationId), 16, 16, QChar(u'0'));
        if (status == AuditStatus::Interrupted)
            e.error = QStringLiteral("the run started at %1 by deploy@ci-runner ended without finishing (killed, or its connection or server was "
                                     "lost): %2 is still pending: its transaction did not commit, nothing of it is in effect; done before it: %3")
                          .arg(e.startedAt, e.migrationId, QString::fromLatin1(ids[4]));
        if (status == AuditStatus::Refused)
            e.error = QStringLiteral("environment 'production' requires confirmation and this run destroys data: pass --yes (or type the "
                                     "confirmation on a terminal); nothing was run");
        recent << e;
    }
    for (const AuditEntry &e : std::as_const(recent))
        if (Status st = AuditRecorder::record(sql, e); !st)
            return st;
    for (const Migration &m : applied) {
        AuditEntry own;
        own.migrationId = m.id;
        own.direction = QStringLiteral("apply");
        own.status = AuditStatus::Success;
        own.startedAt = MigrationHistory::nowUtc();
        own.finishedAt = own.startedAt;
        own.durationMs = 35;
        own.user = MigrationHistory::osUser();
        own.host = QStringLiteral("localhost");
        own.environment = QStringLiteral("dev");
        own.sql = QStringLiteral("-- the demo database, built by covet-studio --demo\n");
        own.checksum = m.checksum;
        own.riskLevel = QStringLiteral("none");
        if (Status st = AuditRecorder::record(sql, own); !st)
            return st;
    }
    return {};
}

Status buildDatabase(const QString &dbPath)
{
    // The applied migrations' files and their "covet:up" scripts.
    QList<Migration> applied;
    QStringList ups;
    for (const QString &id : DemoProject::appliedMigrations()) {
        const QString fileName = id + QStringLiteral(".sql");
        auto text = readResource(QStringLiteral("migrations/") + fileName);
        if (!text)
            return std::unexpected(text.error());
        auto up = DemoProject::migrationSection(*text, QStringLiteral("up"), fileName);
        if (!up)
            return std::unexpected(up.error());
        auto m = MigrationFile::parse(text->toUtf8(), fileName);
        if (!m)
            return std::unexpected(m.error());
        applied << *m;
        ups << *up;
    }
    auto seed = readResource(QStringLiteral("seed.sql"));
    if (!seed)
        return std::unexpected(seed.error());

    auto conn = Connection::open(DatabaseUrl::sqliteFile(dbPath), QStringLiteral("demo"), true);
    if (!conn)
        return std::unexpected(conn.error());
    QSqlDatabase db = (*conn)->database();
    SqlExecutor sql(db, Dialect::SQLite);
    if (auto r = sql.exec(QStringLiteral("PRAGMA foreign_keys = ON")); !r)
        return std::unexpected(r.error());
    if (!db.transaction())
        return fail(Error::Category::Database, QStringLiteral("cannot start a transaction"), dbPath);
    Status st;
    for (qsizetype i = 0; st && i < applied.size(); ++i)
        st = runScript(sql, ups.at(i), QStringLiteral("migrations/") + applied.at(i).id + QStringLiteral(".sql"));
    if (st)
        st = runScript(sql, *seed, QStringLiteral("seed.sql"));
    for (qsizetype i = 0; st && i < applied.size(); ++i)
        st = recordApplied(sql, applied.at(i));
    if (st)
        st = recordDemoAudit(sql, applied);
    if (st) {
        auto violations = sql.rows(QStringLiteral("PRAGMA foreign_key_check"));
        if (!violations)
            st = std::unexpected(violations.error());
        else if (!violations->isEmpty())
            st = fail(Error::Category::Internal,
                      QStringLiteral("the demo data violates %1 foreign keys").arg(violations->size()), dbPath);
    }
    if (!st) {
        db.rollback();
        return st;
    }
    if (!db.commit())
        return fail(Error::Category::Database, QStringLiteral("cannot commit the demo database"), dbPath);
    return {};
}

} // namespace

Result<QString> DemoProject::migrationSection(const QString &migrationSql, const QString &section, const QString &fileName)
{
    static const QRegularExpression marker(QStringLiteral("^\\s*--\\s*covet:(\\w+)\\s*$"));
    QStringList lines = migrationSql.split(u'\n');
    QString current;
    QStringList collected;
    bool found = false;
    for (int i = 0; i < lines.size(); ++i) {
        const auto m = marker.match(lines.at(i));
        if (m.hasMatch()) {
            current = m.captured(1);
            if (current == section)
                found = true;
            // Keep line numbers: errors point at the line in the file.
            collected << QString();
            continue;
        }
        collected << (current == section ? lines.at(i) : QString());
    }
    if (!found)
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("no \"-- covet:%1\" section; a SQL migration needs \"-- covet:up\" and \"-- covet:down\" lines").arg(section),
                    fileName);
    return collected.join(u'\n');
}

Result<QString> DemoProject::create(const QString &targetDir)
{
    if (targetDir.isEmpty())
        return fail(Error::Category::InvalidInput, QStringLiteral("no directory given for the demo project"));
    QDir dir(targetDir);
    if (!dir.exists() && !QDir().mkpath(targetDir))
        return fail(Error::Category::InvalidInput, QStringLiteral("cannot create the directory; check permissions"), targetDir);
    dir.setPath(QFileInfo(targetDir).absoluteFilePath());
    for (const QString &name : {QStringLiteral("covet.yaml"), databaseFileName()}) {
        if (dir.exists(name))
            return fail(Error::Category::Conflict,
                        QStringLiteral("the directory already holds a Covet project (%1); choose an empty directory").arg(name),
                        dir.absolutePath());
    }

    QStringList created;
    auto cleanup = [&created, &dir]() {
        for (const QString &f : std::as_const(created))
            QFile::remove(f);
        dir.rmdir(QStringLiteral("migrations"));
    };
    if (Status st = copyResources(dir, &created); !st) {
        cleanup();
        return std::unexpected(st.error());
    }
    const QString dbPath = dir.filePath(databaseFileName());
    created << dbPath;
    if (Status st = buildDatabase(dbPath); !st) {
        cleanup();
        return std::unexpected(st.error().withContext(QStringLiteral("building the demo database")));
    }
    return dir.absolutePath();
}

} // namespace covet
