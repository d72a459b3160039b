// covet-test-labels: engine
#include "testsupport.h"

#include "core/savefile.h"

#include <QDir>
#include <QFile>
#include <QIODevice>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace covet;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

// A file-size limit makes writes past it fail with EFBIG, the way a full
// disk fails them with ENOSPC: first a write cut short, then an error.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{bytes, m_old.rlim_max};
        m_ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    bool ok() const { return m_ok; }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};

} // namespace

class TstSaveFile : public QObject
{
    Q_OBJECT

private slots:
    void writesAndRefusesToOverwrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.txt"));
        COVET_VERIFY_OK(SaveFile::write(path, "first\n", QStringLiteral("test file")));
        QCOMPARE(readFile(path), QByteArray("first\n"));
        const Status again = SaveFile::write(path, "second\n", QStringLiteral("test file"));
        QVERIFY(!again);
        QCOMPARE(again.error().category(), Error::Category::Conflict);
        QCOMPARE(readFile(path), QByteArray("first\n"));
        COVET_VERIFY_OK(SaveFile::write(path, "second\n", QStringLiteral("test file"), true));
        QCOMPARE(readFile(path), QByteArray("second\n"));
    }

    // Large and small contents (Qt buffers the small ones), whole or in
    // pieces: past the limit the write fails naming the file and the cause,
    // the earlier file stays as it was, and nothing else is left behind.
    // Qt 6.4's QSaveFile alone committed the small content cut to the limit.
    void aWriteCutShortKeepsTheEarlierFile_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("pieces");
        QTest::newRow("small, whole") << 3000 << 1;
        QTest::newRow("large, whole") << 200000 << 1;
        QTest::newRow("large, in pieces") << 200000 << 50;
    }
    void aWriteCutShortKeepsTheEarlierFile()
    {
        QFETCH(int, size);
        QFETCH(int, pieces);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.json"));
        const QByteArray earlier("{\"earlier\": true}\n");
        COVET_VERIFY_OK(SaveFile::write(path, earlier, QStringLiteral("test file")));
        const QByteArray content(size, 'x');
        Status written;
        {
            FileSizeLimit limit(1024);
            QVERIFY(limit.ok());
            written = SaveFile::write(
                path,
                [&](QIODevice &device) -> Status {
                    const qsizetype step = content.size() / pieces;
                    for (qsizetype at = 0; at < content.size(); at += step)
                        if (Status s = SaveFile::writeAll(device, content.mid(at, step)); !s)
                            return s;
                    return {};
                },
                QStringLiteral("test file"), true);
        }
        QVERIFY(!written);
        QCOMPARE(written.error().location(), path);
        QVERIFY2(written.error().message().contains(QStringLiteral("test file"))
                     && written.error().message().contains(QStringLiteral("too large")),
                 qPrintable(written.error().toString()));
        QCOMPARE(readFile(path), earlier);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("out.json")});
        // Without the limit the same write succeeds.
        COVET_VERIFY_OK(SaveFile::write(path, content, QStringLiteral("test file"), true));
        QCOMPARE(readFile(path), content);
    }

    // A device is written in place, and its errors are reported too.
    void devicesAreWrittenInPlace()
    {
        COVET_VERIFY_OK(SaveFile::write(QStringLiteral("/dev/null"), "nothing\n", QStringLiteral("test output"), true));
        const Status full = SaveFile::write(QStringLiteral("/dev/full"), "something\n", QStringLiteral("test output"), true);
        QVERIFY(!full);
        QVERIFY2(full.error().message().contains(QStringLiteral("No space left")), qPrintable(full.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TstSaveFile)
#include "tst_savefile.moc"
