#pragma once
// Reading --help output, roff manual pages and bash completions back, for
// the tests that prove they agree (tst_clidocs, tst_studiodocs).
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>

namespace covet::test {

struct HelpItem
{
    QStringList names;   // "--db", "-h", "--help"; for a man page item its tag words
    QString text;
};

// Text without any whitespace: --help wraps at 80 columns, man at its own.
inline QString squashed(const QString &text)
{
    QString out;
    for (const QChar c : text)
        if (!c.isSpace())
            out += c;
    return out;
}

// "-h, --help" / "--db <url>" → {"-h", "--help"} / {"--db"}.
inline QStringList optionNames(const QString &tag)
{
    QStringList names;
    static const QRegularExpression word(QStringLiteral("(?:^|[ ,])(--?[A-Za-z0-9?][A-Za-z0-9-]*)"));
    for (auto it = word.globalMatch(tag); it.hasNext();)
        names << it.next().captured(1);
    return names;
}

// The entries of a --help block that starts with the line `heading`
// ("Options:", "Global options:", "Commands:", "Arguments:"): an entry
// starts two spaces in, its text follows after two or more spaces and
// continues on more deeply indented lines; a blank line ends the block.
inline QList<HelpItem> helpBlock(const QString &help, const QString &heading)
{
    QList<HelpItem> items;
    const QStringList lines = help.split(u'\n');
    const qsizetype start = lines.indexOf(heading);
    if (start < 0)
        return items;
    static const QRegularExpression entry(QStringLiteral("^  (\\S(?:\\S| (?! ))*)(?:\\s{2,}(.*))?$"));
    for (qsizetype i = start + 1; i < lines.size() && !lines.at(i).trimmed().isEmpty(); ++i) {
        const QString &line = lines.at(i);
        const auto m = entry.match(line);
        if (m.hasMatch()) {
            const QString tag = m.captured(1);
            items.append({tag.startsWith(u'-') ? optionNames(tag) : QStringList{tag}, m.captured(2)});
        } else if (!items.isEmpty()) {
            items.last().text += u' ' + line.trimmed();
        }
    }
    return items;
}

// Roff made plain: font changes dropped, escapes resolved.
inline QString unroff(QString text)
{
    text.replace(QStringLiteral("\\fB"), QString()).replace(QStringLiteral("\\fI"), QString()).replace(QStringLiteral("\\fR"), QString());
    text.replace(QStringLiteral("\\-"), QStringLiteral("-")).replace(QStringLiteral("\\&"), QString());
    text.replace(QStringLiteral("\\e"), QStringLiteral("\\"));
    static const QRegularExpression unicode(QStringLiteral("\\\\\\[u([0-9A-Fa-f]{4})\\]"));
    for (auto m = unicode.match(text); m.hasMatch(); m = unicode.match(text))
        text.replace(m.capturedStart(), m.capturedLength(), QChar(char16_t(m.captured(1).toUShort(nullptr, 16))));
    return text;
}

// The part of a man page under `.SH title` or `.SS title` (up to the next
// .SH, or for .SS the next .SS or .SH), still in roff.
inline QString manPart(const QString &man, const QString &macro, const QString &title)
{
    const QString head = macro + u' ' + title + u'\n';
    const qsizetype start = man.indexOf(head);
    if (start < 0)
        return {};
    const qsizetype body = start + head.size();
    qsizetype end = man.indexOf(QStringLiteral("\n.SH "), body);
    if (macro == u".SS") {
        const qsizetype ss = man.indexOf(QStringLiteral("\n.SS "), body);
        if (ss >= 0 && (end < 0 || ss < end))
            end = ss;
    }
    return man.mid(body, end < 0 ? -1 : end - body + 1);
}

// The .TP items of a man page part: tag line, then the text up to the next macro.
inline QList<HelpItem> manItems(const QString &part)
{
    QList<HelpItem> items;
    const QStringList lines = part.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i) != u".TP" || i + 1 >= lines.size())
            continue;
        const QString tag = unroff(lines.at(i + 1));
        HelpItem item{tag.startsWith(u'-') ? optionNames(tag) : QStringList{tag}, QString()};
        for (qsizetype j = i + 2; j < lines.size() && !lines.at(j).startsWith(u'.'); ++j)
            item.text += u' ' + unroff(lines.at(j));
        items.append(item);
    }
    return items;
}

inline QStringList allNames(const QList<HelpItem> &items)
{
    QStringList names;
    for (const HelpItem &i : items)
        names << i.names;
    names.sort();
    return names;
}

// Runs program with args (and QT_QPA_PLATFORM=offscreen); stdout, or a
// failure message in *error.
inline QString run(const QString &program, const QStringList &args, QString *error = nullptr)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.closeWriteChannel();
    const bool done = p.waitForFinished(60000);
    if (error)
        *error = !done ? QStringLiteral("%1 did not finish").arg(program)
                 : (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
                     ? QStringLiteral("%1 %2 exited with %3: %4").arg(program, args.join(u' ')).arg(p.exitCode()).arg(QString::fromUtf8(p.readAllStandardError()))
                     : QString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

// What the completion script offers for the command line `words` (the last
// one being completed), by sourcing it in bash and calling its function.
inline QStringList complete(const QString &script, const QString &function, const QStringList &words)
{
    QString array;
    for (const QString &w : words)
        array += u'\'' + QString(w).replace(u'\'', QStringLiteral("'\\''")) + QStringLiteral("' ");
    const QString code = QStringLiteral("source '%1' || exit 3; COMP_WORDS=(%2); COMP_CWORD=%3; %4; printf '%s\\n' \"${COMPREPLY[@]}\"")
                             .arg(script, array)
                             .arg(words.size() - 1)
                             .arg(function);
    QString error;
    const QString out = run(QStringLiteral("bash"), {QStringLiteral("-c"), code}, &error);
    if (!error.isEmpty())
        return {QStringLiteral("ERROR: ") + error};
    QStringList got = out.split(u'\n', Qt::SkipEmptyParts);
    got.sort();
    return got;
}

// Checks a man page with groff's warnings on: true when groff says nothing.
inline bool groffIsSilent(const QString &roff, QString *messages)
{
    QProcess p;
    p.start(QStringLiteral("groff"), {QStringLiteral("-man"), QStringLiteral("-Tutf8"), QStringLiteral("-ww"), QStringLiteral("-z")});
    if (!p.waitForStarted(10000)) {
        *messages = QStringLiteral("groff is not installed (groff-base; scripts/install-deps.sh)");
        return false;
    }
    p.write(roff.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(30000);
    *messages = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode() == 0 && messages->isEmpty();
}

inline QString readGzip(const QString &path, QString *error)
{
    if (!QFile::exists(path)) {
        *error = QStringLiteral("%1 is missing: build the docs targets (cmake --build build)").arg(path);
        return {};
    }
    return run(QStringLiteral("gzip"), {QStringLiteral("-dc"), path}, error);
}

} // namespace covet::test
