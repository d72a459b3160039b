#include "initcommand.h"

#include "db/databaseurl.h"
#include "migrations/projectconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace covet::cli {

void InitCommand::addOptions(CommandLineSpec &p) const
{
    p.addOption({QStringLiteral("dialect"), QStringLiteral("The project's dialect: sqlite, postgresql or mysql (default: the --db URL's)."), QStringLiteral("dialect")});
    p.addOption({QStringLiteral("db"), QStringLiteral("The default target database URL (${VAR} references are kept for secrets)."), QStringLiteral("url")});
    p.addOption({QStringLiteral("models"), QStringLiteral("The desired schema: a models file (.yaml) or a DDL file (.sql) (default: models.yaml)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("migrations"), QStringLiteral("The migrations directory, relative to covet.yaml (default: migrations)."), QStringLiteral("dir")});
    p.addOption({QStringLiteral("config"), QStringLiteral("Where to create the project file (default: ./covet.yaml)."), QStringLiteral("path")});
}

int InitCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    const QString path = QFileInfo(p.isSet(QStringLiteral("config")) ? p.value(QStringLiteral("config"))
                                                                      : QDir::current().filePath(ProjectConfig::fileName()))
                             .absoluteFilePath();
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
        return report(Error(Error::Category::Conflict,
                            QStringLiteral("a project file already exists; edit it, or remove it to start over"), path),
                      err);

    ProjectConfig config;
    if (p.isSet(QStringLiteral("dialect"))) {
        const auto d = dialectFromName(p.value(QStringLiteral("dialect")));
        if (!d)
            return usageError(QStringLiteral("unknown --dialect '%1'; use sqlite, postgresql or mysql").arg(p.value(QStringLiteral("dialect"))), err);
        config.setDialect(*d);
    }
    if (p.isSet(QStringLiteral("db"))) {
        const QString url = p.value(QStringLiteral("db"));
        // A URL with ${VAR} references is checked when it is used.
        if (!url.contains(QStringLiteral("${"))) {
            auto parsed = DatabaseUrl::parse(url);
            if (!parsed)
                return report(parsed.error().withContext(QStringLiteral("--db")), err);
            if (config.dialect() && *config.dialect() != parsed->dialect())
                return usageError(QStringLiteral("--dialect %1 does not match the --db URL (%2)")
                                      .arg(dialectName(*config.dialect()), dialectName(parsed->dialect())),
                                  err);
            if (!config.dialect())
                config.setDialect(parsed->dialect());
            if (parsed->hasPassword())
                err << "covet: warning: the --db URL holds a password, and covet.yaml will hold it in plain text. Prefer "
                       "${VARIABLE} in the URL (e.g. postgresql://app:${SHOP_DB_PASSWORD}@host/db) or PGPASSWORD / "
                       "COVET_PASSWORD / ~/.pgpass, and keep covet.yaml free of secrets.\n";
        }
        config.setDatabase(url);
    }
    config.setModelsFile(p.isSet(QStringLiteral("models")) ? p.value(QStringLiteral("models")) : QStringLiteral("models.yaml"));
    if (p.isSet(QStringLiteral("migrations")))
        config.setMigrationsDirectory(p.value(QStringLiteral("migrations")));

    const QDir base = QFileInfo(path).absoluteDir();
    if (!base.exists())
        return report(Error(Error::Category::NotFound, QStringLiteral("the directory for covet.yaml does not exist"), base.path()), err);
    const QString migrations = QDir::cleanPath(base.absoluteFilePath(config.migrationsDirectory()));
    if (QFileInfo(migrations).exists() && !QFileInfo(migrations).isDir())
        return report(Error(Error::Category::Conflict, QStringLiteral("the migrations path exists and is not a directory"), migrations), err);

    if (auto written = config.write(path); !written)
        return report(written.error(), err);
    if (!QDir().mkpath(migrations)) {
        QFile::remove(path);
        return report(Error(Error::Category::InvalidInput, QStringLiteral("cannot create the migrations directory"), migrations), err);
    }
    out << "Created " << QDir::toNativeSeparators(path) << " and " << QDir::toNativeSeparators(migrations) << "/\n";
    if (!config.dialect())
        out << "Set `dialect:` in covet.yaml (sqlite, postgresql or mysql) before running makemigrations.\n";
    out << "Next: describe the schema in " << config.modelsFile() << ", then run `covet makemigrations`.\n";
    return 0;
}

} // namespace covet::cli
