#include "demoproject.h"

#include "../db/connection.h"
#include "../db/sqlexecutor.h"
#include "../sql/sqlscriptsplitter.h"
#include "migrationfile.h"
#include "migrationhistory.h"

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

// The history row of the migration the database is built from, so the
// runner (and Covet Studio) see it as applied and the later ones as pending.
Status recordApplied(SqlExecutor &sql, const QString &migrationText)
{
    auto m = MigrationFile::parse(migrationText.toUtf8(), DemoProject::appliedMigration() + QStringLiteral(".sql"));
    if (!m)
        return std::unexpected(m.error());
    if (Status st = MigrationHistory::ensure(sql); !st)
        return st;
    AppliedMigration row;
    row.id = m->id;
    row.checksum = m->checksum;
    row.appliedAt = MigrationHistory::nowUtc();
    row.appliedBy = MigrationHistory::currentUser();
    return MigrationHistory::record(sql, row);
}

Status buildDatabase(const QString &dbPath)
{
    auto migration = readResource(QStringLiteral("migrations/0001_initial.sql"));
    if (!migration)
        return std::unexpected(migration.error());
    auto up = DemoProject::migrationSection(*migration, QStringLiteral("up"), QStringLiteral("0001_initial.sql"));
    if (!up)
        return std::unexpected(up.error());
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
    Status st = runScript(sql, *up, QStringLiteral("migrations/0001_initial.sql"));
    if (st)
        st = runScript(sql, *seed, QStringLiteral("seed.sql"));
    if (st)
        st = recordApplied(sql, *migration);
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
