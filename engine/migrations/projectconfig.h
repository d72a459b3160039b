#pragma once

#include "../core/error.h"
#include "../schema/dialect.h"
#include "runsettings.h"
#include "auditthresholds.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace covet {

// One named target database of a project (dev, staging, production).
struct EnvironmentConfig
{
    QString name;
    // As written, with ${VAR} references left in (secrets stay out of the file).
    QString database;
    // Applying needs --yes (or a typed confirmation on a terminal).
    bool confirm = false;
    bool operator==(const EnvironmentConfig &) const = default;
};

// The project file, covet.yaml:
//
//     dialect: postgresql
//     database: postgresql://app@localhost/shop_dev   # the default target
//     migrations: migrations                          # relative to covet.yaml
//     models: models.yaml
//     dev_url: postgresql://app@localhost/postgres   # scratch server for replaying plain SQL
//     renames: {detect: true, threshold: 0.8}
//     safety: {backup_before_data_loss: true, backup_retention_days: 30,
//              verify_after_run: true, fail_on: high}
//     audit_log: true
//     audit:
//       alerts: {success_rate_below: 95%, rollback_rate_above: 5%,
//                conflict_rate_above: 1%, failures_in_a_row: 3}
//     default_environment: dev
//     environments:
//       dev: {database: "sqlite:dev.db"}
//       production:
//         database: postgresql://deploy:${SHOP_DB_PASSWORD}@db.example.com/shop
//         confirm: true
//
// Every key is optional; unknown keys are errors naming their line (a typo
// must not silently turn a safety setting off). Paths are relative to the
// directory holding covet.yaml.
class ProjectConfig
{
public:
    static QString fileName() { return QStringLiteral("covet.yaml"); }

    // The explicit path when given (--config), else covet.yaml in workingDir.
    static Result<ProjectConfig> find(const QString &explicitPath = {}, const QString &workingDir = {});
    static Result<ProjectConfig> read(const QString &path);
    // baseDir: where relative paths start (the file's directory).
    static Result<ProjectConfig> parse(const QByteArray &text, const QString &sourceName, const QString &baseDir);

    // The file's text (comments explain each setting); parse() reads it back.
    QByteArray toYaml() const;
    // Writes covet.yaml (for `covet init`); an existing file is an error
    // unless overwrite is set.
    Status write(const QString &path, bool overwrite = false) const;

    QString path() const { return m_path; }          // the file, if read from one
    QString baseDirectory() const { return m_baseDir; }

    std::optional<Dialect> dialect() const { return m_dialect; }
    void setDialect(std::optional<Dialect> d) { m_dialect = d; }
    QString database() const { return m_database; }     // as written
    void setDatabase(const QString &url) { m_database = url; }
    QString migrationsDirectory() const { return m_migrations; }   // as written
    void setMigrationsDirectory(const QString &dir) { m_migrations = dir; }
    QString migrationsPath() const;                      // absolute
    QString modelsFile() const { return m_models; }      // as written; may be empty
    void setModelsFile(const QString &file) { m_models = file; }
    QString modelsPath() const;                          // absolute, or empty
    QString devUrl() const { return m_devUrl; }          // as written (${VAR} left in); may be empty
    void setDevUrl(const QString &url) { m_devUrl = url; }

    bool renameDetection() const { return m_renameDetection; }
    void setRenameDetection(bool on) { m_renameDetection = on; }
    double renameThreshold() const { return m_renameThreshold; }
    void setRenameThreshold(double t) { m_renameThreshold = t; }
    // safety.backup_before_data_loss (backups.before_destructive is an alias).
    bool backupsBeforeDestructive() const { return m_backups; }
    void setBackupsBeforeDestructive(bool on) { m_backups = on; }
    int backupRetentionDays() const { return m_retentionDays; }
    void setBackupRetentionDays(int days) { m_retentionDays = days; }
    bool verifyAfterRun() const { return m_verify; }
    QString lintFailOn() const { return m_failOn; }
    bool auditLog() const { return m_auditLog; }
    void setAuditLog(bool on) { m_auditLog = on; }
    // squashing.enabled (the seed's enable_squashing): whether `covet squash`
    // may write a squashed migration; default true.
    bool squashingEnabled() const { return m_squashing; }
    void setSquashingEnabled(bool on) { m_squashing = on; }
    // audit.alerts: when `covet audit stats|alerts` and Studio's dashboard alert.
    AuditThresholds auditThresholds() const { return m_thresholds; }
    void setAuditThresholds(const AuditThresholds &t) { m_thresholds = t; }

    // data_tags: the tables and columns holding protected (phi) or personal
    // (pii) data, which the HIPAA and GDPR reports are scoped by.
    const DataTags &dataTags() const { return m_dataTags; }
    void setDataTags(const DataTags &tags) { m_dataTags = tags; }

    const QList<EnvironmentConfig> &environments() const { return m_environments; }
    const EnvironmentConfig *environment(const QString &name) const;
    void setEnvironment(const EnvironmentConfig &env);   // adds or replaces by name
    QString defaultEnvironment() const { return m_defaultEnvironment; }
    void setDefaultEnvironment(const QString &name) { m_defaultEnvironment = name; }

    // The database URL to use, ${VAR} references replaced from env:
    // `environment` names one (an unknown name is an error listing the known
    // ones); empty: the default environment, else the top-level database.
    // A relative SQLite path is made relative to the project directory.
    Result<QString> databaseUrl(const QString &environment = {},
                                const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment()) const;
    // Whether applying to that environment needs confirmation.
    bool requiresConfirmation(const QString &environment = {}) const;
    // Everything a run against `environment` (as chosen: empty for none,
    // e.g. a --db URL) goes by: the one answer the CLI and Covet Studio use.
    RunSettings runSettings(const QString &environment = {}) const;

    // Replaces ${NAME} (NAME: letters, digits, _; not starting with a digit)
    // with the variable's value; $$ is a literal $. A missing variable is an
    // InvalidInput error naming it; `where` locates it ("covet.yaml:12").
    static Result<QString> interpolate(const QString &text, const QProcessEnvironment &env, const QString &where);

private:
    QString resolve(const QString &relative) const;

    QString m_path;
    QString m_baseDir;
    std::optional<Dialect> m_dialect;
    QString m_database;
    QString m_migrations = QStringLiteral("migrations");
    QString m_models;
    QString m_devUrl;
    bool m_renameDetection = true;
    bool m_squashing = true;
    double m_renameThreshold = 0.80;
    bool m_backups = true;
    int m_retentionDays = 30;
    bool m_verify = true;
    QString m_failOn = QStringLiteral("high");
    bool m_auditLog = true;
    AuditThresholds m_thresholds;
    DataTags m_dataTags;
    QList<EnvironmentConfig> m_environments;
    QString m_defaultEnvironment;
    QHash<QString, QString> m_locations;   // "database", "env:NAME" -> "file:line"
};

} // namespace covet
