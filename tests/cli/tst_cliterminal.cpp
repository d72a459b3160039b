// covet-test-labels: cli sqlite
// Issue 19, item 4: a name holding terminal controls — ESC sequences that
// retitle the window, recolour and clear it, BEL, the C1 CSI (U+009B) and a
// right-to-left override (U+202E) — reaches the terminal escaped, from every
// command that prints it: covet runs here on a real pseudo-terminal
// (openpty), as a DBA's shell runs it. The only raw escape sequence in what
// it writes is its own progress line's erase. Piped, the same command writes
// the name exactly (a SQL dump keeps it).
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace covet;

namespace {

// The table's name as YAML writes it, and the bytes the database holds.
const QByteArray kYamlName = R"("ev\u001b]0;pwned\u0007il\u001b[31m\u001b[2J\u009b31m\u202eod")";
const QByteArray kRawName = QByteArray("ev\x1b]0;pwned\x07il\x1b[31m\x1b[2J") + QString(QChar(0x9b)).toUtf8() + "31m"
                            + QString(QChar(0x202e)).toUtf8() + "od";
// How the terminal shows it.
const QByteArray kShownName = R"(ev\x1b]0;pwned\x07il\x1b[31m\x1b[2J\u009b31m\u202eod)";
// Covet's own control: the progress line's erase.
const QByteArray kErase = "\r\x1b[2K";

struct TerminalRun
{
    int exitCode = -1;
    QByteArray output;   // stdout and stderr as the terminal received them
};

// Runs covet with its standard input, output and error on a new
// pseudo-terminal, as an interactive shell does; reads until it exits.
TerminalRun runOnTerminal(const QStringList &args, const QString &workDir)
{
    TerminalRun run;
    int master = -1;
    int slave = -1;
    winsize size{};
    size.ws_col = 200;
    size.ws_row = 50;
    if (openpty(&master, &slave, nullptr, nullptr, &size) != 0)
        return run;
    const QByteArray program = test::cliPath().toLocal8Bit();
    QList<QByteArray> argBytes{program};
    for (const QString &a : args)
        argBytes << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : argBytes)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const QByteArray dir = workDir.toLocal8Bit();
    const pid_t pid = fork();
    if (pid == 0) {
        setsid();
        ioctl(slave, TIOCSCTTY, 0);
        dup2(slave, STDIN_FILENO);
        dup2(slave, STDOUT_FILENO);
        dup2(slave, STDERR_FILENO);
        close(master);
        close(slave);
        if (chdir(dir.constData()) != 0)
            _exit(126);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(slave);
    // Read until the terminal closes (EIO once the child and its copies are gone).
    char buffer[4096];
    for (;;) {
        pollfd p{master, POLLIN, 0};
        const int ready = poll(&p, 1, 120000);
        if (ready <= 0)
            break;
        const ssize_t n = read(master, buffer, sizeof buffer);
        if (n > 0)
            run.output.append(buffer, n);
        else if (n < 0 && errno == EINTR)
            continue;
        else
            break;
    }
    close(master);
    int status = 0;
    if (waitpid(pid, &status, 0) == pid && WIFEXITED(status))
        run.exitCode = WEXITSTATUS(status);
    return run;
}

// What the terminal received, less Covet's own erase sequences and the
// terminal's CR LF line ends.
QByteArray withoutOwnControls(QByteArray output)
{
    return output.replace(kErase, "").replace("\r\n", "\n");
}

// The first raw control byte or sequence that came from outside, described; empty when none.
QByteArray firstRawControl(const QByteArray &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const uchar c = uchar(text.at(i));
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return "byte 0x" + QByteArray::number(c, 16) + " at " + QByteArray::number(i) + ": " + text.mid(qMax(0, int(i) - 40), 80);
    }
    for (const QChar ch : {QChar(0x9b), QChar(0x202e)}) {
        const qsizetype at = text.indexOf(QString(ch).toUtf8());
        if (at >= 0)
            return "U+" + QByteArray::number(ch.unicode(), 16) + " at " + QByteArray::number(at);
    }
    return {};
}

} // namespace

class TestCliTerminal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString project() const { return m_dir.filePath(QStringLiteral("project")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(project() + QStringLiteral("/migrations")));
        QFile config(project() + QStringLiteral("/covet.yaml"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("database: sqlite:shop.db\nmigrations: migrations\n");
        config.close();
        QFile migration(project() + QStringLiteral("/migrations/0001_hostile.yaml"));
        QVERIFY(migration.open(QIODevice::WriteOnly));
        migration.write("operations:\n  - op: create_table\n    definition:\n      name: " + kYamlName
                        + "\n      columns:\n        - {name: id, type: integer, nullable: false}\n"
                          "      primary_key: {columns: [id]}\n");
        migration.close();
    }

    // Each command that names the table, on a terminal: the name is shown
    // escaped, and nothing raw from outside reaches the terminal.
    void escapedOnTheTerminal_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("namesIt");   // the output names the table (else: ids only)
        const QString db = QStringLiteral("--db=sqlite:shop.db");
        QTest::newRow("sqlmigrate") << QStringList{QStringLiteral("sqlmigrate"), QStringLiteral("0001_hostile")} << true;
        QTest::newRow("migrate --dry-run") << QStringList{QStringLiteral("migrate"), QStringLiteral("--dry-run")} << true;
        QTest::newRow("lint") << QStringList{QStringLiteral("lint")} << false;
        QTest::newRow("migrate") << QStringList{QStringLiteral("migrate")} << false;
        QTest::newRow("status") << QStringList{QStringLiteral("status")} << false;
        QTest::newRow("inspect --format sql") << QStringList{QStringLiteral("inspect"), db, QStringLiteral("--format=sql")} << true;
        QTest::newRow("inspect --format yaml") << QStringList{QStringLiteral("inspect"), db, QStringLiteral("--format=yaml")} << false;   // YAML escapes it itself
        QTest::newRow("rollback --dry-run") << QStringList{QStringLiteral("rollback"), QStringLiteral("--dry-run")} << true;
    }
    void escapedOnTheTerminal()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, namesIt);
        const TerminalRun run = runOnTerminal(args, project());
        test::recordCliTranscript(args, QString::fromUtf8(run.output), QString());
        QVERIFY2(run.exitCode == 0, run.output.constData());
        const QByteArray shown = withoutOwnControls(run.output);
        const QByteArray raw = firstRawControl(shown);
        QVERIFY2(raw.isEmpty(), raw.constData());
        if (namesIt)
            QVERIFY2(shown.contains(kShownName), shown.constData());
    }

    // An error that names it (the database's own message): a second
    // migration creates the table again.
    void errorNamingIt()
    {
        const QString again = project() + QStringLiteral("/migrations/0002_again.yaml");
        QVERIFY(QFile::copy(project() + QStringLiteral("/migrations/0001_hostile.yaml"), again));
        QFile f(again);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray text = "dependencies: [0001_hostile]\n" + f.readAll();
        f.resize(0);
        f.write(text);
        f.close();
        const TerminalRun run = runOnTerminal({QStringLiteral("migrate")}, project());
        test::recordCliTranscript({QStringLiteral("migrate")}, QString::fromUtf8(run.output), QString());
        QFile::remove(again);
        QVERIFY2(run.exitCode > 0, run.output.constData());
        const QByteArray shown = withoutOwnControls(run.output);
        const QByteArray raw = firstRawControl(shown);
        QVERIFY2(raw.isEmpty(), raw.constData());
        QVERIFY2(shown.contains(kShownName), shown.constData());
    }

    // Piped, the bytes are the database's: a dump keeps the name exactly.
    void exactWhenPiped()
    {
        QString out;
        QString err;
        QCOMPARE(test::runCli({QStringLiteral("inspect"), QStringLiteral("--db=sqlite:shop.db"), QStringLiteral("--format=sql")}, &out, &err, project()), 0);
        QVERIFY2(out.toUtf8().contains(kRawName), qPrintable(out + err));
        QVERIFY(!out.toUtf8().contains(kShownName));
    }
};

QTEST_GUILESS_MAIN(TestCliTerminal)
#include "tst_cliterminal.moc"
