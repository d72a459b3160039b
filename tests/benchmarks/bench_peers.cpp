// Benchmark: Covet against the peers Debian packages, on the same work.
//
// 1. Apply COVET_BENCH_MIGRATIONS (500) migrations of bench_migrate's mix
//    (create table, add column twice, create index) to a fresh SQLite file,
//    on tmpfs and on disk: `covet migrate` against `alembic upgrade head`
//    and Django's `manage.py migrate`. The peers' migration files run the
//    very statements Covet plans (op.execute / RunSQL: their cheapest path,
//    no model state to build), one transaction per migration as Covet does
//    (Alembic: transaction_per_migration, with SQLAlchemy's recipe for
//    transactional DDL on pysqlite; Django: atomic migrations). Each result
//    is checked: the tables and indexes are all there.
// 2. Read the whole catalog of COVET_BENCH_TABLES (2,000) PostgreSQL tables
//    (bench_pg_inspect's): `covet inspect` against SQLAlchemy's
//    MetaData.reflect() and Alembic's compare_metadata() (what autogenerate
//    does first), when COVET_TEST_PG_URL is set.
//
// Best of COVET_BENCH_RUNS (3) rounds, the contenders interleaved in each.
// A peer whose package is missing (python3-alembic, python3-django,
// python3-sqlalchemy with python3-psycopg2) is skipped, saying so. Target
// (issue 20): Covet at least 5x faster than each peer; exit 2 when a
// measured ratio is below it.
#include "migratebench.h"
#include "pgcatalogbench.h"
#include "testsupport.h"

#include "schema/schemajson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>

using namespace covet;

namespace {

QTextStream cout(stdout);
constexpr double kTarget = 5.0;

int fail(const QString &why)
{
    QTextStream(stderr) << "bench_peers: " << why << Qt::endl;
    return 1;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    return bench::writeMigrationFile(path, text);
}

// A Python list literal of the statements (JSON strings are Python strings).
QByteArray pythonList(const QStringList &statements)
{
    return QJsonDocument(QJsonArray::fromStringList(statements)).toJson(QJsonDocument::Compact);
}

// The Python the peers' Debian packages are for (not a pyenv or venv one
// earlier in PATH); COVET_BENCH_PYTHON chooses another.
QString python()
{
    if (qEnvironmentVariableIsSet("COVET_BENCH_PYTHON"))
        return qEnvironmentVariable("COVET_BENCH_PYTHON");
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3") : QStringLiteral("python3");
}

// True when `python -c "import <module>"` works.
bool pythonHas(const QString &module)
{
    QProcess p;
    p.start(python(), {QStringLiteral("-c"), QStringLiteral("import ") + module});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Migration i of bench_migrate's mix (migratebench.h): its table's number
// and which of the four steps it is.
int mixTable(int i)
{
    return (i - 1) / 4 + 1;
}
int mixStep(int i)
{
    return (i - 1) % 4;
}

// Migration i in Alembic's own operations (what `alembic revision` users write).
QByteArray alembicOperations(int i)
{
    const QByteArray t = "'t" + QByteArray::number(mixTable(i)) + "'";
    switch (mixStep(i)) {
    case 0:
        return "    op.create_table(" + t + ", sa.Column('id', sa.BigInteger, primary_key=True, autoincrement=False),\n"
               "                    sa.Column('name', sa.String(100), nullable=False), sa.Column('created_at', sa.DateTime))\n";
    case 1:
        return "    op.add_column(" + t + ", sa.Column('qty', sa.Integer, nullable=False, server_default='0'))\n";
    case 2:
        return "    op.add_column(" + t + ", sa.Column('note', sa.Text))\n";
    default:
        return "    op.create_index('idx_t" + QByteArray::number(mixTable(i)) + "_name', " + t + ", ['name'])\n";
    }
}

// An Alembic project whose revision i runs migration i: Covet's statements
// through op.execute, or (native) Alembic's own operations.
bool writeAlembicProject(const QString &dir, const QList<QStringList> &migrations, bool native)
{
    if (!writeFile(dir + QStringLiteral("/alembic.ini"), "[alembic]\nscript_location = " + dir.toUtf8() + "\n"))
        return false;
    if (!writeFile(dir + QStringLiteral("/env.py"),
                   "import os\n"
                   "from alembic import context\n"
                   "from sqlalchemy import create_engine, event\n"
                   "engine = create_engine(os.environ['BENCH_DB_URL'])\n"
                   "# pysqlite leaves DDL outside transactions; SQLAlchemy's documented recipe\n"
                   "# makes BEGIN explicit, so that each migration is one transaction.\n"
                   "@event.listens_for(engine, 'connect')\n"
                   "def _connect(dbapi_connection, record):\n"
                   "    dbapi_connection.isolation_level = None\n"
                   "@event.listens_for(engine, 'begin')\n"
                   "def _begin(connection):\n"
                   "    connection.exec_driver_sql('BEGIN')\n"
                   "with engine.connect() as connection:\n"
                   "    context.configure(connection=connection, transaction_per_migration=True, transactional_ddl=True)\n"
                   "    with context.begin_transaction():\n"
                   "        context.run_migrations()\n"))
        return false;
    for (int i = 1; i <= migrations.size(); ++i) {
        const QByteArray rev = "r" + QByteArray::number(i);
        const QByteArray down = i == 1 ? "None" : "'r" + QByteArray::number(i - 1) + "'";
        const QByteArray body = native ? alembicOperations(i)
                                       : "    for statement in " + pythonList(migrations.at(i - 1)) + ":\n        op.execute(statement)\n";
        if (!writeFile(dir + QStringLiteral("/versions/%1.py").arg(QString::fromLatin1(rev)),
                       "from alembic import op\n"
                       "import sqlalchemy as sa\n"
                       "revision = '" + rev + "'\ndown_revision = " + down + "\nbranch_labels = None\ndepends_on = None\n"
                       "def upgrade():\n" + body +
                       "def downgrade():\n"
                       "    pass\n"))
            return false;
    }
    return true;
}

// Migration i in Django's own operations (what makemigrations writes).
QByteArray djangoOperations(int i)
{
    const QByteArray n = QByteArray::number(mixTable(i));
    switch (mixStep(i)) {
    case 0:
        return "migrations.CreateModel(name='T" + n + "', fields=[('id', models.BigIntegerField(primary_key=True)), "
               "('name', models.CharField(max_length=100)), ('created_at', models.DateTimeField(null=True))], options={'db_table': 't" + n + "'})";
    case 1:
        return "migrations.AddField(model_name='t" + n + "', name='qty', field=models.IntegerField(default=0))";
    case 2:
        return "migrations.AddField(model_name='t" + n + "', name='note', field=models.TextField(null=True))";
    default:
        return "migrations.AddIndex(model_name='t" + n + "', index=models.Index(fields=['name'], name='idx_t" + n + "_name'))";
    }
}

// A Django project with one app whose migration i runs migration i: Covet's
// statements through RunSQL, or (native) Django's own operations.
bool writeDjangoProject(const QString &dir, const QList<QStringList> &migrations, bool native)
{
    if (!writeFile(dir + QStringLiteral("/manage.py"),
                   "import os, sys\n"
                   "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'settings')\n"
                   "from django.core.management import execute_from_command_line\n"
                   "execute_from_command_line(sys.argv)\n")
        || !writeFile(dir + QStringLiteral("/settings.py"),
                      "import os\n"
                      "SECRET_KEY = 'bench'\n"
                      "INSTALLED_APPS = ['benchapp']\n"
                      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.environ['BENCH_DB_FILE']}}\n"
                      "USE_TZ = True\n"
                      "DEFAULT_AUTO_FIELD = 'django.db.models.AutoField'\n")
        || !writeFile(dir + QStringLiteral("/benchapp/__init__.py"), "")
        || !writeFile(dir + QStringLiteral("/benchapp/migrations/__init__.py"), ""))
        return false;
    for (int i = 1; i <= migrations.size(); ++i) {
        const QByteArray deps = i == 1 ? "[]" : "[('benchapp', '" + QString::asprintf("%04d_m%d", i - 1, i - 1).toUtf8() + "')]";
        if (!writeFile(dir + QString::asprintf("/benchapp/migrations/%04d_m%d.py", i, i),
                       "from django.db import migrations, models\n"
                       "class Migration(migrations.Migration):\n"
                       "    dependencies = " + deps + "\n"
                       "    operations = [" + (native ? djangoOperations(i) : "migrations.RunSQL(" + pythonList(migrations.at(i - 1)) + ")") + "]\n"))
            return false;
    }
    return true;
}

// The number of user tables (t1, t2, …) and indexes (idx_t…) in a SQLite file.
std::pair<int, int> tablesAndIndexes(const QString &file)
{
    std::pair<int, int> out{-1, -1};
    auto c = Connection::open(QStringLiteral("sqlite:") + file, QStringLiteral("bench-check"));
    if (!c)
        return out;
    QSqlQuery q((*c)->database());
    if (q.exec(QStringLiteral("SELECT sum(type = 'table' AND name GLOB 't[0-9]*'), sum(type = 'index' AND name GLOB 'idx_t[0-9]*') FROM sqlite_master"))
        && q.next())
        out = {q.value(0).toInt(), q.value(1).toInt()};
    return out;
}

using bench::Contender;
using bench::race;

// Prints each contender and its ratio to Covet's time; false when a peer is
// less than kTarget times slower.
bool report(const QList<Contender> &contenders)
{
    double covet = 0;
    for (const Contender &c : contenders)
        if (!c.peer)
            covet = c.best;
    bool met = true;
    for (const Contender &c : contenders) {
        if (!c.failure.isEmpty()) {
            cout << QStringLiteral("  %1 failed: %2").arg(c.name.leftJustified(58), c.failure) << Qt::endl;
            continue;
        }
        QString line = QStringLiteral("  %1 %2 s").arg(c.name.leftJustified(58), QString::number(c.best, 'f', 3));
        if (c.peer) {
            const double ratio = c.best / covet;
            met = met && ratio >= kTarget;
            line += QStringLiteral("   Covet %1x faster (target >= %2)").arg(QString::number(ratio, 'f', 1)).arg(kTarget);
        }
        cout << line << Qt::endl;
    }
    return met;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = qEnvironmentVariableIsSet("COVET_BENCH_MIGRATIONS") ? qEnvironmentVariableIntValue("COVET_BENCH_MIGRATIONS") : 500;
    const int runs = qEnvironmentVariableIsSet("COVET_BENCH_RUNS") ? std::max(1, qEnvironmentVariableIntValue("COVET_BENCH_RUNS")) : 3;
    const int tableCount = qEnvironmentVariableIsSet("COVET_BENCH_TABLES") ? qEnvironmentVariableIntValue("COVET_BENCH_TABLES") : 2000;
    const QString covetCli = QStringLiteral(COVET_CLI_PATH);
    bool allMet = true;

    const bool haveAlembic = pythonHas(QStringLiteral("alembic"));
    const bool haveDjango = pythonHas(QStringLiteral("django"));
    cout << "bench_peers: Alembic " << (haveAlembic ? "found" : "not installed (python3-alembic): skipped") << ", Django "
         << (haveDjango ? "found" : "not installed (python3-django): skipped") << Qt::endl;

    // ------------------------------------------------------------ migrate
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("covet"));
    if (!bench::writeProject(project, n))
        return fail(QStringLiteral("cannot write the Covet project"));
    const MigrationRepository repo = MigrationRepository::load(project + QStringLiteral("/migrations"));
    if (!repo.isValid())
        return fail(repo.status().error().toString());
    int sqliteVersion = 0;
    if (auto c = Connection::open(QStringLiteral("sqlite::memory:")); c)
        sqliteVersion = (*c)->serverVersionNumber();
    auto statements = bench::statementsFor(repo, Dialect::SQLite, sqliteVersion);
    if (!statements)
        return fail(statements.error().toString());
    // Each peer twice: its own operations (its users' workload) and Covet's
    // very statements (the strictest comparison: no model state to build).
    auto variantDir = [&](const char *peer, bool native) { return dir.filePath(QString::fromLatin1(peer) + (native ? QStringLiteral("-native") : QStringLiteral("-sql"))); };
    for (const bool native : {true, false})
        if ((haveAlembic && !writeAlembicProject(variantDir("alembic", native), *statements, native))
            || (haveDjango && !writeDjangoProject(variantDir("django", native), *statements, native)))
            return fail(QStringLiteral("cannot write the peers' projects"));
    const int expectedTables = (n + 3) / 4;
    const int expectedIndexes = n / 4;

    QList<std::pair<QString, QString>> places{
        {QStringLiteral("%1 (%2)").arg(QDir::tempPath(), QString::fromLatin1(QStorageInfo(dir.path()).fileSystemType())), dir.path()}};
    QTemporaryDir shm(QStringLiteral("/dev/shm/covet-bench-XXXXXX"));
    if (shm.isValid() && QDir::tempPath() != u"/dev/shm")
        places.prepend({QStringLiteral("tmpfs (/dev/shm)"), shm.path()});
    for (const auto &[where, base] : places) {
        cout << QStringLiteral("%1 migrations, SQLite on %2, best of %3 rounds:").arg(n).arg(where).arg(runs) << Qt::endl;
        // Runs one contender on a fresh file and checks what it built.
        auto timed = [&](const QString &name, int round, const std::function<Result<double>(const QString &file)> &apply) -> Result<double> {
            const QString file = QStringLiteral("%1/%2-%3.db").arg(base, name).arg(round);
            QFile::remove(file);
            auto s = apply(file);
            if (!s)
                return s;
            const auto [tables, indexes] = tablesAndIndexes(file);
            QFile::remove(file);
            if (tables != expectedTables || indexes != expectedIndexes)
                return fail(Error::Category::Internal, QStringLiteral("built %1 tables and %2 indexes, expected %3 and %4")
                                                            .arg(tables).arg(indexes).arg(expectedTables).arg(expectedIndexes));
            return s;
        };
        QList<Contender> c;
        c.append({QStringLiteral("covet migrate"), [&](int round) {
                      return timed(QStringLiteral("covet"), round, [&](const QString &file) {
                          return bench::processTime(covetCli, {QStringLiteral("migrate"), QStringLiteral("--db"), QStringLiteral("sqlite:") + file}, {},
                                                    project);
                      });
                  }});
        // A peer's run: Python in its project directory, told the database
        // file through one environment variable.
        auto addPeer = [&](const QString &label, const QString &workDir, const QStringList &args, const QString &variable,
                           const std::function<QString(const QString &file)> &value) {
            c.append({label, [&timed, label, workDir, args, variable, value](int round) {
                          return timed(label.section(u' ', 0, 0), round, [&](const QString &file) {
                              QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                              env.insert(variable, value(file));
                              return bench::processTime(python(), args, {}, workDir, env);
                          });
                      }, true});
        };
        for (const bool native : {true, false}) {
            const QString alembicDir = variantDir("alembic", native);
            const QString djangoDir = variantDir("django", native);
            if (haveAlembic)
                addPeer(native ? QStringLiteral("alembic upgrade head (op.create_table, op.add_column, …)")
                               : QStringLiteral("alembic upgrade head (op.execute of Covet's statements)"),
                        alembicDir,
                        {QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"), alembicDir + QStringLiteral("/alembic.ini"),
                         QStringLiteral("upgrade"), QStringLiteral("head")},
                        QStringLiteral("BENCH_DB_URL"), [](const QString &file) { return QStringLiteral("sqlite:///") + file; });
            if (haveDjango)
                addPeer(native ? QStringLiteral("django migrate (CreateModel, AddField, AddIndex)")
                               : QStringLiteral("django migrate (RunSQL of Covet's statements)"),
                        djangoDir,
                        {QStringLiteral("manage.py"), QStringLiteral("migrate"), QStringLiteral("--noinput"), QStringLiteral("-v"), QStringLiteral("0")},
                        QStringLiteral("BENCH_DB_FILE"), [](const QString &file) { return file; });
        }
        if (auto raced = race(c, runs); !raced)
            return fail(raced.error().toString());
        allMet = report(c) && allMet;
    }

    // ------------------------------------------------------------ inspect
    const QString serverUrl = qEnvironmentVariable("COVET_TEST_PG_URL");
    const bool haveReflect = pythonHas(QStringLiteral("sqlalchemy, psycopg2"));
    if (serverUrl.isEmpty() || !haveReflect) {
        cout << "inspect: skipped (" << (serverUrl.isEmpty() ? "COVET_TEST_PG_URL is not set" : "python3-sqlalchemy or python3-psycopg2 is not installed")
             << ")" << Qt::endl;
    } else {
        QString error;
        auto scratch = test::ScratchDatabase::create(Dialect::PostgreSQL, serverUrl, &error);
        if (!scratch)
            return fail(error);
        {
            SqlExecutor ex(scratch->connection().database(), Dialect::PostgreSQL);
            if (auto r = bench::createPgTables(ex, tableCount); !r)
                return fail(r.error().toString());
        }
        const DatabaseUrl &url = scratch->url();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // The parts, not a URL: a password may hold any character.
        env.insert(QStringLiteral("BENCH_PG_USER"), url.user());
        env.insert(QStringLiteral("BENCH_PG_PASSWORD"), url.resolvePassword());
        env.insert(QStringLiteral("BENCH_PG_HOST"), url.host());
        env.insert(QStringLiteral("BENCH_PG_PORT"), QString::number(url.port() > 0 ? url.port() : 5432));
        env.insert(QStringLiteral("BENCH_PG_DB"), url.database());
        const QString engineExpr = QStringLiteral(
            "sa.create_engine(sa.engine.URL.create('postgresql+psycopg2', username=os.environ['BENCH_PG_USER'],"
            " password=os.environ['BENCH_PG_PASSWORD'], host=os.environ['BENCH_PG_HOST'], port=int(os.environ['BENCH_PG_PORT']),"
            " database=os.environ['BENCH_PG_DB']))");
        // Each peer prints the number of tables it read, checked below.
        auto runPython = [&](const QString &code) -> Result<double> {
            QProcess p;
            p.setProcessEnvironment(env);
            QElapsedTimer t;
            t.start();
            p.start(python(), {QStringLiteral("-c"), code});
            const bool finished = p.waitForFinished(1800000);
            const double s = bench::seconds(t);
            const QString printed = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
            if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
                return fail(Error::Category::Internal, QString::fromUtf8(p.readAllStandardError()).right(2000));
            if (printed != QString::number(tableCount))
                return fail(Error::Category::Internal, QStringLiteral("read %1 tables, expected %2").arg(printed).arg(tableCount));
            return s;
        };
        const QString output = dir.filePath(QStringLiteral("schema.json"));
        QList<Contender> c;
        c.append({QStringLiteral("covet inspect (canonical JSON to a file)"), [&](int) -> Result<double> {
                      QFile::remove(output);
                      auto s = bench::processTime(covetCli, {QStringLiteral("inspect"), QStringLiteral("--db"), scratch->urlString(),
                                                             QStringLiteral("--output"), output});
                      if (!s)
                          return s;
                      QFile f(output);
                      auto schema = f.open(QIODevice::ReadOnly) ? SchemaJson::fromJsonText(f.readAll(), output)
                                                                : Result<Schema>(fail(Error::Category::NotFound, QStringLiteral("no output"), output));
                      if (!schema)
                          return std::unexpected(schema.error());
                      if (schema->tables.size() != tableCount)
                          return fail(Error::Category::Internal, QStringLiteral("read %1 tables, expected %2").arg(schema->tables.size()).arg(tableCount));
                      return s;
                  }});
        c.append({QStringLiteral("SQLAlchemy MetaData.reflect()"), [&](int) {
                      return runPython(QStringLiteral("import os, sqlalchemy as sa\n"
                                                      "m = sa.MetaData()\n"
                                                      "m.reflect(bind=%1)\n"
                                                      "print(len(m.tables))\n")
                                           .arg(engineExpr));
                  }, true});
        if (haveAlembic)
            c.append({QStringLiteral("Alembic compare_metadata() against an empty model"), [&](int) {
                          // A chain of 2,000 foreign keys is deeper than Python's default recursion limit.
                          return runPython(QStringLiteral("import os, sys, sqlalchemy as sa\n"
                                                          "sys.setrecursionlimit(100000)\n"
                                                          "from alembic.migration import MigrationContext\n"
                                                          "from alembic.autogenerate import compare_metadata\n"
                                                          "with %1.connect() as c:\n"
                                                          "    diff = compare_metadata(MigrationContext.configure(c), sa.MetaData())\n"
                                                          "print(sum(1 for d in diff if d[0] == 'remove_table'))\n")
                                               .arg(engineExpr));
                      }, true});
        cout << QStringLiteral("inspect %1 PostgreSQL tables (15 columns, a key, an index, a foreign key each), best of %2 rounds:")
                    .arg(tableCount)
                    .arg(runs)
             << Qt::endl;
        if (auto raced = race(c, runs); !raced)
            return fail(raced.error().toString());
        allMet = report(c) && allMet;
    }
    cout << (allMet ? "all measured targets met" : "a target is not met") << Qt::endl;
    return allMet ? 0 : 2;
}
