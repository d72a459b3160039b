#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

namespace covet {

// A manual page in roff with the man(7) macros, built section by section.
// Text is plain: ManPage escapes it (backslashes, minus signs, a leading dot
// or quote) so that what --help says reads the same in man(1).
class ManPage
{
public:
    // .TH NAME SECTION DATE SOURCE MANUAL, and NAME's one-line summary.
    ManPage(const QString &name, int section, const QString &date, const QString &source, const QString &manual,
            const QString &summary);

    void section(const QString &title);      // .SH
    void subsection(const QString &title);   // .SS
    void paragraph(const QString &text);     // .PP
    // A synopsis line: the program in bold, then roff (already formatted).
    void synopsis(const QString &program, const QString &argumentsRoff);
    // A tagged paragraph: the tag (roff, already formatted) and plain text.
    void item(const QString &tagRoff, const QString &text);
    // One tagged paragraph per option: "-h, --help" or "--db url", then
    // the description as --help prints it.
    void options(const QList<QCommandLineOption> &options);

    QString text() const { return m_text; }

    // Plain text made safe for roff.
    static QString escape(const QString &text);
    static QString bold(const QString &text);
    static QString italic(const QString &text);
    // The option's names as roff: \fB\-h\fR, \fB\-\-help\fR \fIvalue\fR.
    static QString optionTag(const QCommandLineOption &option);

private:
    QString m_text;
};

} // namespace covet
