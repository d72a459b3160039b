// covet-test-labels: gui
// covet-studio(1) and its bash completion say what `covet-studio --help`
// says: the same options with the same words and the same argument; the
// files the package installs are what the built covet-studio writes now;
// groff reads the page without a warning.
#include "../cli/helpdocs.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace covet::test;

class TestStudioDocs : public QObject
{
    Q_OBJECT

private:
    const QString m_studio = QStringLiteral(COVET_BINARY_DIR) + QStringLiteral("/app/studio/covet-studio");
    QString m_help, m_man, m_completionFile;
    QTemporaryDir m_tmp;

    QString studio(const QStringList &args)
    {
        QString error;
        const QString out = run(m_studio, args, &error);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(m_studio), qPrintable(m_studio));
        m_help = studio({QStringLiteral("--help")});
        m_man = studio({QStringLiteral("--help-man")});
        QVERIFY2(m_help.startsWith(QStringLiteral("Usage: ")), qPrintable(m_help));
        QVERIFY(m_man.contains(QStringLiteral(".TH \"COVET\\-STUDIO\" 1")));
        m_completionFile = m_tmp.filePath(QStringLiteral("covet-studio"));
        QFile f(m_completionFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(studio({QStringLiteral("--help-bash-completion")}).toUtf8());
    }

    // Issue 11.9: --help and --version work without a display (no DISPLAY,
    // no QT_QPA_PLATFORM): a packager's or a CI's shell.
    void helpWithoutDisplay()
    {
        for (const QString &arg : {QStringLiteral("--version"), QStringLiteral("--help")}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("DISPLAY"));
            env.remove(QStringLiteral("WAYLAND_DISPLAY"));
            env.remove(QStringLiteral("QT_QPA_PLATFORM"));
            p.setProcessEnvironment(env);
            p.start(m_studio, {arg});
            QVERIFY(p.waitForFinished(30000));
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                     qPrintable(arg + u' ' + QString::fromUtf8(p.readAllStandardError())));
            QVERIFY2(arg == u"--version" ? out.contains(QStringLiteral(COVET_VERSION)) : out.startsWith(QStringLiteral("Usage: ")), qPrintable(out));
        }
    }

    void optionsAgree()
    {
        const QList<HelpItem> options = helpBlock(m_help, QStringLiteral("Options:"));
        QVERIFY(options.size() >= 7);   // help, help-all, version, demo, select, view, dry-run
        const QList<HelpItem> documented = manItems(manPart(m_man, QStringLiteral(".SH"), QStringLiteral("OPTIONS")));
        QCOMPARE(allNames(documented), allNames(options));
        for (const HelpItem &o : options)
            for (const HelpItem &d : documented)
                if (d.names == o.names)
                    QVERIFY2(squashed(d.text) == squashed(o.text),
                             qPrintable(QStringLiteral("%1:\n help: %2\n man:  %3").arg(o.names.join(u' '), o.text, d.text)));
        QCOMPARE(complete(m_completionFile, QStringLiteral("_covet_studio"), {QStringLiteral("covet-studio"), QStringLiteral("-")}),
                 allNames(options));
    }

    void argumentsAndDescriptionAgree()
    {
        const QList<HelpItem> arguments = helpBlock(m_help, QStringLiteral("Arguments:"));
        const QList<HelpItem> documented = manItems(manPart(m_man, QStringLiteral(".SH"), QStringLiteral("ARGUMENTS")));
        QCOMPARE(documented.size(), arguments.size());
        QCOMPARE(documented.first().names, arguments.first().names);
        QCOMPARE(squashed(documented.first().text), squashed(arguments.first().text));
        const QString description = m_help.section(u'\n', 1, 1);
        QVERIFY(!description.isEmpty());
        QVERIFY(squashed(unroff(manPart(m_man, QStringLiteral(".SH"), QStringLiteral("DESCRIPTION")))).contains(squashed(description)));
    }

    void viewNamesComplete()
    {
        QCOMPARE(complete(m_completionFile, QStringLiteral("_covet_studio"),
                          {QStringLiteral("covet-studio"), QStringLiteral("--view"), QStringLiteral("m")}),
                 QStringList{QStringLiteral("migrations")});
    }

    void groffReadsItCleanly()
    {
        QString messages;
        QVERIFY2(groffIsSilent(m_man, &messages), qPrintable(messages));
    }

    void installedFilesAreCurrent()
    {
        const QString dir = QStringLiteral(COVET_BINARY_DIR) + QStringLiteral("/app/studio");
        QString error;
        QCOMPARE(readGzip(dir + QStringLiteral("/covet-studio.1.gz"), &error), m_man);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile completion(dir + QStringLiteral("/completions/covet-studio"));
        QVERIFY2(completion.open(QIODevice::ReadOnly), qPrintable(completion.fileName()));
        QFile current(m_completionFile);
        QVERIFY(current.open(QIODevice::ReadOnly));
        QCOMPARE(completion.readAll(), current.readAll());
    }
};

QTEST_GUILESS_MAIN(TestStudioDocs)
#include "tst_studiodocs.moc"
