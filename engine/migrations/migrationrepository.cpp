#include "migrationrepository.h"

#include "migrationfile.h"

#include "../core/parallel.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>

#include <algorithm>
#include <optional>

namespace covet {

namespace {

bool looksLikeMigration(const QString &fileName)
{
    const QString lower = fileName.toLower();
    return lower.endsWith(QLatin1String(".yaml")) || lower.endsWith(QLatin1String(".yml")) || lower.endsWith(QLatin1String(".sql"));
}

QString nameProblem(const QString &fileName)
{
    if (fileName.toLower().endsWith(QLatin1String(".yml")))
        return QStringLiteral("'%1': migration files end in .yaml, not .yml; rename it").arg(fileName);
    return QStringLiteral("'%1' is not a migration file name; use NNNN_name.yaml or NNNN_name.sql "
                          "(four digits — from 10000 on, the number without leading zeros — then lowercase letters, digits and _), or move the file "
                          "out of the directory")
        .arg(fileName);
}

} // namespace

MigrationRepository MigrationRepository::load(const QString &directory)
{
    MigrationRepository repo;
    repo.m_directory = QFileInfo(directory).absoluteFilePath();
    const QFileInfo info(repo.m_directory);
    if (!info.exists()) {
        repo.addError(QStringLiteral("the migrations directory does not exist; create it or run `covet init`"), repo.m_directory,
                      Error::Category::NotFound);
        return repo;
    }
    if (!info.isDir()) {
        repo.addError(QStringLiteral("the migrations path is not a directory"), repo.m_directory);
        return repo;
    }
    repo.m_canonical = info.canonicalFilePath();
    repo.loadEntries();
    return repo;
}

MigrationRepository MigrationRepository::withMigration(const Migration &m) const
{
    MigrationRepository copy = *this;
    copy.m_migrations << m;
    std::stable_sort(copy.m_migrations.begin(), copy.m_migrations.end(),
                     [](const Migration &a, const Migration &b) { return a.number < b.number; });
    copy.buildIndex();
    return copy;
}

void MigrationRepository::addError(const QString &message, const QString &location, Error::Category c)
{
    m_errors << Error(c, message, location);
}

bool MigrationRepository::isInside(const QString &canonicalPath, const QString &canonicalDirectory)
{
    if (canonicalPath.isEmpty() || canonicalDirectory.isEmpty())
        return false;
    const QString prefix = canonicalDirectory.endsWith(u'/') ? canonicalDirectory : canonicalDirectory + u'/';
    return canonicalPath.startsWith(prefix) && !canonicalPath.mid(prefix.size()).contains(u'/');
}

void MigrationRepository::loadEntries()
{
    const QDir dir(m_directory);
    const QFileInfoList entries =
        dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    // First every name, in order: a file to read, or a problem its name or
    // kind already shows. Then the files are read and parsed side by side
    // (each read stands alone), and last the results are taken in the same
    // order, so errors and duplicate numbers are reported as before.
    struct Candidate
    {
        QString fileName;
        QString shown;
        QString problem;
        std::optional<Result<Migration>> read;
    };
    QList<Candidate> candidates;
    for (const QFileInfo &entry : entries) {
        const QString fileName = entry.fileName();
        if (!looksLikeMigration(fileName))
            continue;
        Candidate c{fileName, dir.filePath(fileName), {}, {}};
        if (fileName.startsWith(u'.')) {
            c.problem = QStringLiteral("hidden file '%1' looks like a migration; rename it NNNN_name.yaml or remove it").arg(fileName);
        } else if (!Migration::isValidFileName(fileName)) {
            c.problem = nameProblem(fileName);
        } else if (const QString target = entry.isSymLink() ? entry.canonicalFilePath() : QString(); entry.isSymLink() && target.isEmpty()) {
            c.problem = QStringLiteral("a symlink whose target does not exist (%1)").arg(entry.symLinkTarget());
        } else if (entry.isSymLink() && !isInside(target, m_canonical)) {
            c.problem = QStringLiteral("a symlink that leads outside the migrations directory (to %1); "
                                       "migration files must live in the directory itself")
                            .arg(target);
        } else if (!entry.isFile()) {
            c.problem = QStringLiteral("not a regular file; a migration is a .yaml or .sql file");
        }
        candidates << c;
    }
    Candidate *const items = candidates.data();   // detached once, before the threads start
    parallelFor(candidates.size(), [items](qsizetype i) {
        Candidate &c = items[i];
        if (c.problem.isEmpty())
            c.read = MigrationFile::read(c.shown);
    });
    QMap<int, QString> byNumber;
    for (const Candidate &c : std::as_const(candidates)) {
        if (!c.problem.isEmpty()) {
            addError(c.problem, c.shown);
            continue;
        }
        const Result<Migration> &m = *c.read;
        if (!m) {
            m_errors << m.error();
            continue;
        }
        if (byNumber.contains(m->number)) {
            addError(QStringLiteral("number %1 is used twice: %2 and %3; renumber one of them (run `covet makemigrations --merge` "
                                    "if both branches are needed)")
                         .arg(m->number, 4, 10, QLatin1Char('0')).arg(byNumber.value(m->number), c.fileName),
                     c.shown, Error::Category::Conflict);
            continue;
        }
        byNumber.insert(m->number, c.fileName);
        m_migrations << *m;
    }
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.number < b.number; });
    // A file that does not say what it depends on follows the previous number.
    for (qsizetype i = 1; i < m_migrations.size(); ++i) {
        Migration &m = m_migrations[i];
        if (!m.dependenciesDeclared)
            m.dependencies = {m_migrations.at(i - 1).id};
    }
    buildIndex();
}

Status MigrationRepository::status() const
{
    if (m_errors.isEmpty())
        return {};
    if (m_errors.size() == 1)
        return std::unexpected(m_errors.first());
    QStringList lines;
    bool onlyConflicts = true;
    for (const Error &e : m_errors) {
        lines << QStringLiteral("  ") + e.toString();
        onlyConflicts = onlyConflicts && e.category() == Error::Category::Conflict;
    }
    return fail(onlyConflicts ? Error::Category::Conflict : Error::Category::InvalidInput,
                QStringLiteral("%1 problems in the migrations directory:\n%2").arg(m_errors.size()).arg(lines.join(u'\n')),
                m_directory);
}

const Migration *MigrationRepository::find(const QString &idOrNumber) const
{
    if (const auto it = m_byId.constFind(idOrNumber); it != m_byId.cend())
        return &m_migrations.at(*it);
    bool isNumber = false;
    const int number = idOrNumber.toInt(&isNumber);
    if (const auto it = isNumber ? m_byNumber.constFind(number) : m_byNumber.cend(); it != m_byNumber.cend())
        return &m_migrations.at(*it);
    return nullptr;
}

void MigrationRepository::buildIndex()
{
    m_byId.clear();
    m_byNumber.clear();
    m_byId.reserve(m_migrations.size());
    m_byNumber.reserve(m_migrations.size());
    for (qsizetype i = 0; i < m_migrations.size(); ++i) {
        const Migration &m = m_migrations.at(i);
        if (!m_byId.contains(m.id))
            m_byId.insert(m.id, i);
        if (!m_byNumber.contains(m.number))
            m_byNumber.insert(m.number, i);
    }
}

int MigrationRepository::nextNumber() const
{
    return m_migrations.isEmpty() ? 1 : m_migrations.last().number + 1;
}

Result<QString> MigrationRepository::checkedPath(const QString &fileName) const
{
    if (fileName.contains(u'/') || fileName.contains(u'\\') || fileName.contains(QLatin1String("..")) || QDir::isAbsolutePath(fileName))
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("'%1' is not a plain file name; migrations are named NNNN_name.yaml inside the migrations "
                                   "directory, without directories or '..'").arg(fileName),
                    m_directory);
    if (!Migration::isValidFileName(fileName))
        return fail(Error::Category::InvalidInput, nameProblem(fileName), m_directory);
    if (m_canonical.isEmpty())
        return fail(Error::Category::NotFound, QStringLiteral("the migrations directory does not exist; create it or run `covet init`"),
                    m_directory);
    const QString path = QDir(m_canonical).filePath(fileName);
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink()) {
        if (!isInside(info.canonicalFilePath(), m_canonical))
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("'%1' leads outside the migrations directory; migration files must live in the directory itself")
                            .arg(fileName),
                        path);
    }
    return path;
}

} // namespace covet
