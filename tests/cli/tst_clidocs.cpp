// covet-test-labels: cli
// covet(1) and the bash completion say what --help says: every command and
// every option of `covet --help` and `covet <command> --help` is in the
// manual page with the same words, and completes in bash; nothing else is;
// the files the package installs are what the built covet writes now, and
// groff reads the page without a warning.
#include "../cli/helpdocs.h"

#include <QDir>
#include <QTemporaryDir>

using namespace covet::test;

class TestCliDocs : public QObject
{
    Q_OBJECT

private:
    const QString m_covet = QStringLiteral(COVET_CLI_PATH);
    QString m_help, m_man, m_completionFile;
    QTemporaryDir m_tmp;

    QString covet(const QStringList &args)
    {
        QString error;
        const QString out = run(m_covet, args, &error);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return out;
    }

private slots:
    void initTestCase()
    {
        m_help = covet({QStringLiteral("--help")});
        m_man = covet({QStringLiteral("--help-man")});
        QVERIFY(m_help.startsWith(QStringLiteral("Usage: covet")));
        QVERIFY(m_man.contains(QStringLiteral(".TH \"COVET\" 1")));
        m_completionFile = m_tmp.filePath(QStringLiteral("covet"));
        QFile f(m_completionFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(covet({QStringLiteral("--help-bash-completion")}).toUtf8());
    }

    void everyCommandIsDocumentedAndCompletes()
    {
        const QList<HelpItem> commands = helpBlock(m_help, QStringLiteral("Commands:"));
        QVERIFY(commands.size() >= 9);
        const QList<HelpItem> described = manItems(manPart(m_man, QStringLiteral(".SH"), QStringLiteral("DESCRIPTION")));
        QCOMPARE(allNames(described), allNames(commands));
        QStringList expected = allNames(commands);
        expected << QStringLiteral("--help") << QStringLiteral("-h") << QStringLiteral("--version") << QStringLiteral("-V");
        expected.sort();
        QCOMPARE(complete(m_completionFile, QStringLiteral("_covet"), {QStringLiteral("covet"), QString()}), expected);
        for (const HelpItem &c : commands) {
            const QString name = c.names.first();
            QVERIFY2(!manPart(m_man, QStringLiteral(".SS"), QStringLiteral("covet %1 [options]").arg(name)).isEmpty() ||
                         m_man.contains(QStringLiteral(".SS covet %1 [options] ").arg(name)),
                     qPrintable(name));
            for (const HelpItem &d : described)
                if (d.names.first() == name)
                    QCOMPARE(squashed(d.text), squashed(c.text));
        }
        QCOMPARE(complete(m_completionFile, QStringLiteral("_covet"), {QStringLiteral("covet"), QStringLiteral("make")}),
                 QStringList{QStringLiteral("makemigrations")});
    }

    void everyOptionOfEveryCommandAgrees()
    {
        for (const HelpItem &c : helpBlock(m_help, QStringLiteral("Commands:"))) {
            const QString name = c.names.first();
            const QString help = covet({name, QStringLiteral("--help")});
            const QList<HelpItem> options = helpBlock(help, QStringLiteral("Options:"));
            QVERIFY2(options.size() >= 2, qPrintable(name));
            // The command's subsection: its title may carry positional arguments.
            const qsizetype at = m_man.indexOf(QStringLiteral(".SS covet %1 [options]").arg(name));
            QVERIFY2(at >= 0, qPrintable(name));
            const QString title = m_man.mid(at + 4, m_man.indexOf(u'\n', at) - at - 4);
            const QString part = manPart(m_man, QStringLiteral(".SS"), title);
            QList<HelpItem> documented;
            QList<HelpItem> arguments;
            for (const HelpItem &i : manItems(part))
                (i.names.first().startsWith(u'-') ? documented : arguments).append(i);
            QCOMPARE(allNames(documented), allNames(options));
            for (const HelpItem &o : options)
                for (const HelpItem &d : documented)
                    if (d.names == o.names)
                        QVERIFY2(squashed(d.text) == squashed(o.text),
                                 qPrintable(QStringLiteral("%1 %2:\n help: %3\n man:  %4").arg(name, o.names.join(u' '), o.text, d.text)));
            const QList<HelpItem> helpArguments = helpBlock(help, QStringLiteral("Arguments:"));
            QCOMPARE(arguments.size(), helpArguments.size());
            for (qsizetype i = 0; i < arguments.size(); ++i)
                QCOMPARE(squashed(arguments.at(i).text), squashed(helpArguments.at(i).text));
            // The completion offers exactly these options after a dash.
            QCOMPARE(complete(m_completionFile, QStringLiteral("_covet"), {QStringLiteral("covet"), name, QStringLiteral("-")}),
                     allNames(options));
        }
    }

    void globalOptionsExitCodesAndUrlsAgree()
    {
        const QList<HelpItem> global = helpBlock(m_help, QStringLiteral("Global options:"));
        const QList<HelpItem> manGlobal = manItems(manPart(m_man, QStringLiteral(".SH"), QStringLiteral("GLOBAL OPTIONS")));
        QCOMPARE(allNames(manGlobal), allNames(global));
        for (const HelpItem &g : global)
            for (const HelpItem &m : manGlobal)
                if (m.names == g.names)
                    QCOMPARE(squashed(m.text), squashed(g.text));
        const QString helpText = squashed(m_help);
        const QList<HelpItem> codes = manItems(manPart(m_man, QStringLiteral(".SH"), QStringLiteral("EXIT STATUS")));
        QCOMPARE(codes.size(), 10);
        for (const HelpItem &code : codes)
            QVERIFY2(helpText.contains(squashed(code.names.first() + code.text)), qPrintable(code.text));
        for (const HelpItem &url : manItems(manPart(m_man, QStringLiteral(".SH"), QStringLiteral("DATABASE URLS"))))
            QVERIFY2(helpText.contains(squashed(url.names.first())), qPrintable(url.names.first()));
        QVERIFY(helpText.contains(squashed(unroff(manPart(m_man, QStringLiteral(".SH"), QStringLiteral("ENVIRONMENT")))
                                               .remove(QStringLiteral(".PP")))));
    }

    void valuesComplete()
    {
        QCOMPARE(complete(m_completionFile, QStringLiteral("_covet"),
                          {QStringLiteral("covet"), QStringLiteral("inspect"), QStringLiteral("--dialect"), QStringLiteral("p")}),
                 QStringList{QStringLiteral("postgresql")});
        // A value without choices is left to file-name completion.
        QCOMPARE(complete(m_completionFile, QStringLiteral("_covet"),
                          {QStringLiteral("covet"), QStringLiteral("diff"), QStringLiteral("--from"), QStringLiteral("-")}),
                 QStringList{});
    }

    void groffReadsItCleanly()
    {
        QString messages;
        QVERIFY2(groffIsSilent(m_man, &messages), qPrintable(messages));
    }

    void installedFilesAreCurrent()
    {
        const QString dir = QStringLiteral(COVET_BINARY_DIR) + QStringLiteral("/app");
        QString error;
        const QString installedMan = readGzip(dir + QStringLiteral("/covet.1.gz"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(installedMan, m_man);
        QFile completion(dir + QStringLiteral("/completions/covet"));
        QVERIFY2(completion.open(QIODevice::ReadOnly), qPrintable(completion.fileName()));
        QFile current(m_completionFile);
        QVERIFY(current.open(QIODevice::ReadOnly));
        QCOMPARE(completion.readAll(), current.readAll());
    }
};

QTEST_GUILESS_MAIN(TestCliDocs)
#include "tst_clidocs.moc"
