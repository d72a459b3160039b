// covet-test-labels: engine
// Checksums of migration files never change between Covet versions: existing
// projects have applied migrations recorded in _covet_migrations with them,
// and a changed checksum reads as "modified after it was applied".
//
// tests/migrations/data/checksums/checksums.txt holds, for the fixture files
// beside it, the demo project's migrations and a migration written by
// MigrationFile::serialize (every operation type), the checksum the first
// release computed (with its own YAML reader). Every later reader and writer
// must give the same ones. COVET_PRINT_CHECKSUMS=1 prints the current values
// in the manifest's format (only to add new fixtures, never to "fix" one).
#include "everythingmigration.h"
#include "migrations/checksum.h"
#include "migrations/migrationfile.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace covet;

namespace {

QString dataDir()
{
    return test::sourcePath(QStringLiteral("tests/migrations/data/checksums"));
}

// The migration of every operation type, as MigrationFile::serialize writes it.
QByteArray everythingSerialized()
{
    return MigrationFile::serialize(test::everythingMigration());
}

// The bytes and file name an entry of the manifest names.
bool entryContent(const QString &entry, QByteArray *bytes, QString *fileName)
{
    if (entry == u"serialized:0007_everything.yaml") {
        *bytes = everythingSerialized();
        *fileName = QStringLiteral("0007_everything.yaml");
        return true;
    }
    const QString path = entry.startsWith(u"demo:")
        ? test::sourcePath(QStringLiteral("resources/demo/") + entry.mid(5))
        : QDir(dataDir()).filePath(entry);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    *bytes = f.readAll();
    *fileName = path.section(u'/', -1);
    return true;
}

} // namespace

class TestChecksumStability : public QObject
{
    Q_OBJECT

private slots:
    void checksumsAreUnchanged_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("expected");
        QFile manifest(QDir(dataDir()).filePath(QStringLiteral("checksums.txt")));
        QVERIFY2(manifest.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(manifest.fileName()));
        int entries = 0;
        for (const QByteArray &raw : manifest.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            const QStringList parts = line.split(u' ', Qt::SkipEmptyParts);
            QCOMPARE(parts.size(), 2);
            QTest::newRow(qPrintable(parts.at(0))) << parts.at(0) << parts.at(1);
            ++entries;
        }
        QVERIFY(entries >= 8);
    }

    void checksumsAreUnchanged()
    {
        QFETCH(QString, entry);
        QFETCH(QString, expected);
        QByteArray bytes;
        QString fileName;
        QVERIFY2(entryContent(entry, &bytes, &fileName), qPrintable(entry));
        const auto viaContent = Checksum::ofContent(bytes, fileName);
        QVERIFY2(viaContent, qPrintable(test::errorText(viaContent)));
        const auto parsed = MigrationFile::parse(bytes, fileName);
        QVERIFY2(parsed, qPrintable(test::errorText(parsed)));
        if (qEnvironmentVariableIsSet("COVET_PRINT_CHECKSUMS"))
            qInfo("%s %s", qPrintable(entry), qPrintable(*viaContent));
        QCOMPARE(*viaContent, expected);
        QCOMPARE(parsed->checksum, expected);
    }

    // Every fixture file is listed, so a new one cannot be forgotten.
    void everyFixtureIsListed()
    {
        QFile manifest(QDir(dataDir()).filePath(QStringLiteral("checksums.txt")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(manifest.readAll());
        for (const QString &f : QDir(dataDir()).entryList({QStringLiteral("*.yaml"), QStringLiteral("*.sql")}, QDir::Files))
            QVERIFY2(text.contains(u'\n' + f + u' ') || text.startsWith(f + u' '), qPrintable(f));
        for (const QString &f : QDir(test::sourcePath(QStringLiteral("resources/demo/migrations"))).entryList(QDir::Files))
            QVERIFY2(text.contains(QStringLiteral("demo:migrations/") + f + u' '), qPrintable(f));
    }
};

QTEST_GUILESS_MAIN(TestChecksumStability)
#include "tst_checksumstability.moc"
