#include "projectconfig.h"

#include "../core/savefile.h"
#include "../core/yamlnode.h"
#include "../core/yamlreader.h"
#include "../core/yamlshape.h"
#include "../core/yamlwriter.h"
#include "../db/databaseurl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace covet {

namespace {

// The keys covet.yaml may hold: every other key is an error, so a typo
// cannot turn a safety setting off.
const YamlShape &configShape()
{
    const YamlShape any;
    static const YamlShape s = YamlShape::mapping(
        {{"dialect", any}, {"database", any}, {"migrations", any}, {"models", any}, {"dev_url", any}, {"data_tags", any},
         {"renames", YamlShape::mapping({{"detect", any}, {"threshold", any}})},
         {"backups", YamlShape::mapping({{"before_destructive", any}})},
         {"safety", YamlShape::mapping({{"backup_before_data_loss", any}, {"backup_retention_days", any}, {"verify_after_run", any},
                                        {"fail_on", any}})},
         {"audit_log", any}, {"default_environment", any}, {"squashing", YamlShape::mapping({{"enabled", any}})},
         {"audit", YamlShape::mapping({{"alerts", YamlShape::mapping({{"success_rate_below", any}, {"rollback_rate_above", any},
                                                                      {"conflict_rate_above", any}, {"failures_in_a_row", any}})}})},
         {"environments", YamlShape::mapOf(YamlShape::mapping({{"database", any}, {"confirm", any}}))}});
    return s;
}

Error invalid(const QString &message, const YamlNode &node)
{
    return Error(Error::Category::InvalidInput, message, node.location());
}

Status readText(const YamlNode &map, const QString &key, QString *out)
{
    const YamlNode *n = map.get(key);
    if (!n || n->isNull())
        return {};
    if (!n->isScalar())
        return std::unexpected(invalid(QStringLiteral("'%1' must be text, not a %2").arg(key, n->typeName()), *n));
    *out = n->scalar();
    return {};
}

Status readBool(const YamlNode &map, const QString &key, bool *out)
{
    const YamlNode *n = map.get(key);
    if (!n || n->isNull())
        return {};
    bool ok = false;
    const bool v = n->toBool(&ok);
    if (!ok || n->isQuoted())
        return std::unexpected(invalid(QStringLiteral("'%1' must be true or false").arg(key), *n));
    *out = v;
    return {};
}

// A nested block such as `renames:`: a mapping (or absent).
Result<YamlNode> section(const YamlNode &root, const QString &key, const QStringList &known)
{
    const YamlNode *n = root.get(key);
    if (!n || n->isNull())
        return YamlNode::mapping();
    if (!n->isMapping())
        return std::unexpected(invalid(QStringLiteral("'%1' must be a mapping (%2)").arg(key, known.join(QStringLiteral(", "))), *n));
    return *n;
}

// A percentage: "95%" or 95 (0 to 100), as a fraction.
Status readPercent(const YamlNode &map, const QString &key, double *out)
{
    const YamlNode *n = map.get(key);
    if (!n || n->isNull())
        return {};
    QString text = n->scalar().trimmed();
    if (text.endsWith(u'%'))
        text.chop(1);
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!n->isScalar() || !ok || v < 0.0 || v > 100.0)
        return std::unexpected(invalid(QStringLiteral("'%1' must be a percentage from 0 to 100 (e.g. 95%)").arg(key), *n));
    *out = v / 100.0;
    return {};
}

Status readAuditAlerts(const YamlNode &root, AuditThresholds *out)
{
    auto audit = section(root, QStringLiteral("audit"), {QStringLiteral("alerts")});
    if (!audit)
        return std::unexpected(audit.error());
    auto alerts = section(*audit, QStringLiteral("alerts"),
                          {QStringLiteral("success_rate_below"), QStringLiteral("rollback_rate_above"), QStringLiteral("conflict_rate_above"),
                           QStringLiteral("failures_in_a_row")});
    if (!alerts)
        return std::unexpected(alerts.error());
    if (Status st = readPercent(*alerts, QStringLiteral("success_rate_below"), &out->successRateBelow); !st)
        return st;
    if (Status st = readPercent(*alerts, QStringLiteral("rollback_rate_above"), &out->rollbackRateAbove); !st)
        return st;
    if (Status st = readPercent(*alerts, QStringLiteral("conflict_rate_above"), &out->conflictRateAbove); !st)
        return st;
    if (const YamlNode *n = alerts->get(QStringLiteral("failures_in_a_row")); n && !n->isNull()) {
        bool ok = false;
        const int v = n->scalar().toInt(&ok);
        if (!n->isScalar() || !ok || n->isQuoted() || v < 0)
            return std::unexpected(invalid(QStringLiteral("'failures_in_a_row' must be a whole number (0: no alert)"), *n));
        out->failuresInARow = v;
    }
    return {};
}

Status readEnvironments(const YamlNode &root, QList<EnvironmentConfig> *out, QHash<QString, QString> *locations)
{
    const YamlNode *envs = root.get(QStringLiteral("environments"));
    if (!envs || envs->isNull())
        return {};
    if (!envs->isMapping())
        return std::unexpected(invalid(QStringLiteral("'environments' must map names to {database: URL, confirm: true|false}"), *envs));
    for (qsizetype i = 0; i < envs->size(); ++i) {
        const YamlNode &key = envs->keyAt(i);
        const YamlNode &value = envs->at(i);
        EnvironmentConfig env;
        env.name = key.scalar();
        if (env.name.isEmpty())
            return std::unexpected(invalid(QStringLiteral("an environment needs a name"), key));
        if (!value.isMapping())
            return std::unexpected(invalid(QStringLiteral("environment '%1' must be a mapping {database: URL, confirm: true|false}")
                                               .arg(env.name), value));
        if (Status st = readText(value, QStringLiteral("database"), &env.database); !st)
            return st;
        if (env.database.isEmpty())
            return std::unexpected(invalid(QStringLiteral("environment '%1' has no 'database' URL").arg(env.name), value));
        if (Status st = readBool(value, QStringLiteral("confirm"), &env.confirm); !st)
            return st;
        const YamlNode *db = value.get(QStringLiteral("database"));
        // Refuse malformed ${...} now; missing variables only when used.
        if (auto checked = ProjectConfig::interpolate(env.database, QProcessEnvironment(), db->location());
            !checked && !checked.error().message().startsWith(QLatin1String("the environment variable")))
            return std::unexpected(checked.error());
        locations->insert(QStringLiteral("env:") + env.name, db->location());
        *out << env;
    }
    return {};
}

} // namespace

Result<ProjectConfig> ProjectConfig::find(const QString &explicitPath, const QString &workingDir)
{
    if (!explicitPath.isEmpty())
        return read(explicitPath);
    const QString dir = workingDir.isEmpty() ? QDir::currentPath() : workingDir;
    const QString path = QDir(dir).filePath(fileName());
    if (!QFileInfo::exists(path))
        return fail(Error::Category::NotFound,
                    QStringLiteral("no %1 in this directory; run `covet init` to create one, or pass --config PATH").arg(fileName()),
                    QDir(dir).absolutePath());
    return read(path);
}

Result<ProjectConfig> ProjectConfig::read(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return fail(Error::Category::NotFound, QStringLiteral("the project file does not exist"), path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::Category::NotFound, QStringLiteral("cannot read the project file: %1").arg(f.errorString()), path);
    if (f.size() > 1024 * 1024)
        return fail(Error::Category::InvalidInput, QStringLiteral("the project file is larger than 1 MiB; is it the right file?"), path);
    auto config = parse(f.readAll(), path, QFileInfo(path).absolutePath());
    if (config)
        config->m_path = QFileInfo(path).absoluteFilePath();
    return config;
}

Result<ProjectConfig> ProjectConfig::parse(const QByteArray &text, const QString &sourceName, const QString &baseDir)
{
    auto doc = YamlReader::parse(text, sourceName);
    if (!doc)
        return std::unexpected(doc.error());
    ProjectConfig c;
    c.m_baseDir = QDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir).absolutePath();
    if (doc->isNull())
        return c;
    if (!doc->isMapping())
        return fail(Error::Category::InvalidInput, QStringLiteral("%1 must be a mapping of settings").arg(fileName()), doc->location());
    if (auto unknown = configShape().check(*doc, doc->sourceName()))
        return std::unexpected(*unknown);

    QString dialect;
    Status st = readText(*doc, QStringLiteral("dialect"), &dialect);
    if (st && !dialect.isEmpty()) {
        c.m_dialect = dialectFromName(dialect);
        if (!c.m_dialect)
            return std::unexpected(invalid(QStringLiteral("unknown dialect '%1'; use sqlite, postgresql or mysql").arg(dialect),
                                           *doc->get(QStringLiteral("dialect"))));
    }
    if (st)
        st = readText(*doc, QStringLiteral("database"), &c.m_database);
    if (st)
        st = readText(*doc, QStringLiteral("migrations"), &c.m_migrations);
    if (st)
        st = readText(*doc, QStringLiteral("models"), &c.m_models);
    if (st)
        st = readText(*doc, QStringLiteral("dev_url"), &c.m_devUrl);
    if (st)
        st = readBool(*doc, QStringLiteral("audit_log"), &c.m_auditLog);
    if (st) {
        if (const YamlNode *tags = doc->get(QStringLiteral("data_tags"))) {
            auto parsed = DataTags::parse(*tags);
            if (!parsed)
                return std::unexpected(parsed.error());
            c.m_dataTags = *parsed;
        }
    }
    if (st)
        st = readText(*doc, QStringLiteral("default_environment"), &c.m_defaultEnvironment);
    if (!st)
        return std::unexpected(st.error());
    if (c.m_migrations.trimmed().isEmpty())
        return std::unexpected(invalid(QStringLiteral("'migrations' names the migrations directory; it cannot be empty"),
                                       *doc->get(QStringLiteral("migrations"))));
    if (const YamlNode *db = doc->get(QStringLiteral("database")))
        c.m_locations.insert(QStringLiteral("database"), db->location());

    auto renames = section(*doc, QStringLiteral("renames"), {QStringLiteral("detect"), QStringLiteral("threshold")});
    if (!renames)
        return std::unexpected(renames.error());
    if (Status r = readBool(*renames, QStringLiteral("detect"), &c.m_renameDetection); !r)
        return std::unexpected(r.error());
    if (const YamlNode *t = renames->get(QStringLiteral("threshold")); t && !t->isNull()) {
        bool ok = false;
        const double v = t->scalar().toDouble(&ok);
        if (!ok || t->isQuoted() || v < 0.0 || v > 1.0)
            return std::unexpected(invalid(QStringLiteral("'threshold' must be a number from 0 to 1 (e.g. 0.8)"), *t));
        c.m_renameThreshold = v;
    }
    auto squashing = section(*doc, QStringLiteral("squashing"), {QStringLiteral("enabled")});
    if (!squashing)
        return std::unexpected(squashing.error());
    if (Status r = readBool(*squashing, QStringLiteral("enabled"), &c.m_squashing); !r)
        return std::unexpected(r.error());
    auto backups = section(*doc, QStringLiteral("backups"), {QStringLiteral("before_destructive")});
    if (!backups)
        return std::unexpected(backups.error());
    if (Status r = readBool(*backups, QStringLiteral("before_destructive"), &c.m_backups); !r)
        return std::unexpected(r.error());
    auto safety = section(*doc, QStringLiteral("safety"),
                          {QStringLiteral("backup_before_data_loss"), QStringLiteral("backup_retention_days"), QStringLiteral("verify_after_run"),
                           QStringLiteral("fail_on")});
    if (!safety)
        return std::unexpected(safety.error());
    if (safety->get(QStringLiteral("backup_before_data_loss")) && backups->get(QStringLiteral("before_destructive")))
        return std::unexpected(invalid(QStringLiteral("'backups.before_destructive' is the old name of 'safety.backup_before_data_loss'; "
                                                      "keep one of them"),
                                       *safety->get(QStringLiteral("backup_before_data_loss"))));
    if (Status r = readBool(*safety, QStringLiteral("backup_before_data_loss"), &c.m_backups); !r)
        return std::unexpected(r.error());
    if (Status r = readBool(*safety, QStringLiteral("verify_after_run"), &c.m_verify); !r)
        return std::unexpected(r.error());
    if (const YamlNode *n = safety->get(QStringLiteral("backup_retention_days")); n && !n->isNull()) {
        bool ok = false;
        const int days = n->scalar().toInt(&ok);
        if (!ok || n->isQuoted() || days < 0)
            return std::unexpected(invalid(QStringLiteral("'backup_retention_days' must be a whole number of days (0 keeps backups forever)"), *n));
        c.m_retentionDays = days;
    }
    if (Status r = readText(*safety, QStringLiteral("fail_on"), &c.m_failOn); !r)
        return std::unexpected(r.error());
    if (!QStringList{QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"), QStringLiteral("critical")}.contains(c.m_failOn))
        return std::unexpected(invalid(QStringLiteral("'fail_on' must be low, medium, high or critical"), *safety->get(QStringLiteral("fail_on"))));
    if (Status r = readAuditAlerts(*doc, &c.m_thresholds); !r)
        return std::unexpected(r.error());
    if (Status r = readEnvironments(*doc, &c.m_environments, &c.m_locations); !r)
        return std::unexpected(r.error());
    if (!c.m_defaultEnvironment.isEmpty() && !c.environment(c.m_defaultEnvironment))
        return std::unexpected(invalid(QStringLiteral("default_environment '%1' is not one of the environments").arg(c.m_defaultEnvironment),
                                       *doc->get(QStringLiteral("default_environment"))));
    return c;
}

QByteArray ProjectConfig::toYaml() const
{
    auto line = [](const QString &key, const YamlNode &value) {
        return YamlWriter::keyText(key) + QStringLiteral(": ") + YamlWriter::scalarText(value) + u'\n';
    };
    QString out = QStringLiteral("# Covet project configuration.\n");
    if (m_dialect)
        out += line(QStringLiteral("dialect"), YamlNode::string(dialectName(*m_dialect)));
    if (!m_database.isEmpty())
        out += QStringLiteral("# The default target; --db URL and --environment NAME choose another.\n")
               + line(QStringLiteral("database"), YamlNode::string(m_database));
    out += QStringLiteral("# Migration files (NNNN_name.yaml / .sql), relative to this file.\n")
           + line(QStringLiteral("migrations"), YamlNode::string(m_migrations));
    if (!m_models.isEmpty())
        out += QStringLiteral("# The desired schema: a models file or a .sql DDL file.\n")
               + line(QStringLiteral("models"), YamlNode::string(m_models));
    if (!m_devUrl.isEmpty())
        out += QStringLiteral("# A scratch server: plain SQL migrations and DDL files are replayed in temporary databases there.\n")
               + line(QStringLiteral("dev_url"), YamlNode::string(m_devUrl));
    out += QStringLiteral("# Rename detection in makemigrations: candidates scoring at least the threshold are proposed.\n"
                          "renames:\n  ")
           + line(QStringLiteral("detect"), YamlNode::boolean(m_renameDetection))
           + QStringLiteral("  threshold: %1\n").arg(m_renameThreshold)
           + QStringLiteral("# Safety (docs/safety.md): before a migrate or rollback that destroys data, Covet copies what is\n"
                            "# at stake into backup tables (`covet backup list`); backups older than the retention are dropped;\n"
                            "# after a run the schema and the untouched tables' row counts are verified; `covet lint` fails at fail_on.\n"
                            "safety:\n  ")
           + line(QStringLiteral("backup_before_data_loss"), YamlNode::boolean(m_backups))
           + QStringLiteral("  backup_retention_days: %1\n").arg(m_retentionDays)
           + QStringLiteral("  ") + line(QStringLiteral("verify_after_run"), YamlNode::boolean(m_verify))
           + QStringLiteral("  ") + line(QStringLiteral("fail_on"), YamlNode::string(m_failOn))
           + QStringLiteral("# Record every execution in _covet_migration_audit.\n")
           + line(QStringLiteral("audit_log"), YamlNode::boolean(m_auditLog))
           + QStringLiteral("# `covet squash` (false: refused, e.g. while a release is cut).\nsquashing:\n  ")
           + line(QStringLiteral("enabled"), YamlNode::boolean(m_squashing))
           + QStringLiteral("# When `covet audit stats` (exit code 10) and Studio's dashboard raise an alert (docs/audit.md).\n"
                            "audit:\n  alerts:\n")
           + QStringLiteral("    success_rate_below: %1%\n    rollback_rate_above: %2%\n    conflict_rate_above: %3%\n    failures_in_a_row: %4\n")
                 .arg(QString::number(m_thresholds.successRateBelow * 100.0, 'g', 10),
                      QString::number(m_thresholds.rollbackRateAbove * 100.0, 'g', 10),
                      QString::number(m_thresholds.conflictRateAbove * 100.0, 'g', 10), QString::number(m_thresholds.failuresInARow));
    if (!m_dataTags.isEmpty()) {
        out += QStringLiteral("# Tables and columns holding protected health (phi) or personal (pii) data: the HIPAA and GDPR\n"
                              "# reports list the changes to them (docs/audit.md).\ndata_tags:\n");
        for (const QString &tag : DataTags::knownTags()) {
            if (m_dataTags.has(tag))
                out += QStringLiteral("  %1:\n").arg(tag);
            for (const DataTags::Entry &e : m_dataTags.entries)
                if (e.tag == tag)
                    out += QStringLiteral("    - ") + YamlWriter::scalarText(YamlNode::string(e.name())) + u'\n';
        }
    }
    if (!m_defaultEnvironment.isEmpty())
        out += line(QStringLiteral("default_environment"), YamlNode::string(m_defaultEnvironment));
    if (!m_environments.isEmpty()) {
        out += QStringLiteral("# Named targets. ${VAR} takes a value from the environment (keep secrets out of this file);\n"
                              "# confirm: true refuses to apply without --yes.\n"
                              "environments:\n");
        for (const EnvironmentConfig &e : m_environments) {
            out += QStringLiteral("  ") + YamlWriter::keyText(e.name) + QStringLiteral(":\n    ")
                   + line(QStringLiteral("database"), YamlNode::string(e.database)) + QStringLiteral("    ")
                   + line(QStringLiteral("confirm"), YamlNode::boolean(e.confirm));
        }
    }
    return out.toUtf8();
}

Status ProjectConfig::write(const QString &path, bool overwrite) const
{
    return SaveFile::write(path, toYaml(), QStringLiteral("project file"), overwrite);
}

QString ProjectConfig::resolve(const QString &relative) const
{
    if (relative.isEmpty())
        return {};
    return QDir::cleanPath(QDir(m_baseDir.isEmpty() ? QDir::currentPath() : m_baseDir).absoluteFilePath(relative));
}

QString ProjectConfig::migrationsPath() const
{
    return resolve(m_migrations);
}

QString ProjectConfig::modelsPath() const
{
    return resolve(m_models);
}

const EnvironmentConfig *ProjectConfig::environment(const QString &name) const
{
    for (const EnvironmentConfig &e : m_environments) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

void ProjectConfig::setEnvironment(const EnvironmentConfig &env)
{
    for (EnvironmentConfig &e : m_environments) {
        if (e.name == env.name) {
            e = env;
            return;
        }
    }
    m_environments << env;
}

Result<QString> ProjectConfig::databaseUrl(const QString &environment, const QProcessEnvironment &env) const
{
    const QString name = environment.isEmpty() ? m_defaultEnvironment : environment;
    QString raw = m_database;
    QString where = m_locations.value(QStringLiteral("database"), m_path);
    if (!name.isEmpty()) {
        const EnvironmentConfig *e = this->environment(name);
        if (!e) {
            QStringList known;
            for (const EnvironmentConfig &k : m_environments)
                known << k.name;
            return fail(Error::Category::NotFound,
                        known.isEmpty() ? QStringLiteral("no environment '%1': %2 defines no environments").arg(name, fileName())
                                        : QStringLiteral("no environment '%1'; known: %2").arg(name, known.join(QStringLiteral(", "))),
                        m_path);
        }
        raw = e->database;
        where = m_locations.value(QStringLiteral("env:") + name, m_path);
    }
    if (raw.isEmpty())
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("no database to use: pass --db URL or --environment NAME, or set 'database' in %1").arg(fileName()),
                    m_path);
    auto url = interpolate(raw, env, where);
    if (!url)
        return url;
    // A relative SQLite file is relative to the project, not the working directory.
    static const QString prefix = QStringLiteral("sqlite:");
    if (url->startsWith(prefix) && !url->startsWith(QLatin1String("sqlite://")) && url->mid(prefix.size()) != u":memory:"
        && QDir::isRelativePath(url->mid(prefix.size())))
        return prefix + resolve(url->mid(prefix.size()));
    return url;
}

bool ProjectConfig::requiresConfirmation(const QString &environment) const
{
    const EnvironmentConfig *e = this->environment(environment.isEmpty() ? m_defaultEnvironment : environment);
    return e && e->confirm;
}

RunSettings ProjectConfig::runSettings(const QString &environment) const
{
    RunSettings r;
    r.environment = environment;
    const EnvironmentConfig *e = environment.isEmpty() ? nullptr : this->environment(environment);
    r.confirm = e && e->confirm;
    r.audit = m_auditLog;
    r.backupBeforeDataLoss = m_backups;
    r.backupRetentionDays = m_retentionDays;
    r.verifyAfterRun = m_verify;
    r.lintFailOn = m_failOn;
    r.dataTags = m_dataTags;
    if (!m_devUrl.isEmpty())
        if (auto url = interpolate(m_devUrl, QProcessEnvironment::systemEnvironment(), m_path))
            r.devUrl = *url;
    return r;
}

Result<QString> ProjectConfig::interpolate(const QString &text, const QProcessEnvironment &env, const QString &where)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != u'$') {
            out += c;
            continue;
        }
        if (i + 1 < text.size() && text.at(i + 1) == u'$') {
            out += u'$';
            ++i;
            continue;
        }
        if (i + 1 >= text.size() || text.at(i + 1) != u'{') {
            out += c;
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i + 2);
        if (close < 0)
            return fail(Error::Category::InvalidInput, QStringLiteral("'${' without a closing '}' in \"%1\"").arg(DatabaseUrl::redacted(text)), where);
        const QString name = text.mid(i + 2, close - i - 2);
        bool valid = !name.isEmpty() && !name.at(0).isDigit();
        for (const QChar n : name)
            valid = valid && (n == u'_' || (n.unicode() < 128 && n.isLetterOrNumber()));
        if (!valid)
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("'${%1}' is not a variable reference; write ${NAME} with letters, digits and _").arg(DatabaseUrl::redacted(name)),
                        where);
        if (!env.contains(name))
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("the environment variable %1 is not set; export it before running Covet").arg(name), where);
        out += env.value(name);
        i = close;
    }
    return out;
}

} // namespace covet
