#pragma once

#include "yamlcursor.h"

#include <QStringList>

namespace covet {

// Reads the scalars of a YAML document: 'single' and "double" quoted ones
// (escapes, line folding) and | > block scalars (chomping, indentation).
class YamlScalarScanner : public YamlCursor
{
public:
    using YamlCursor::YamlCursor;

protected:
    YamlNode quoted();                       // at a ' or "
    YamlNode blockScalar(int parentIndent);  // at a | or >; consumes its lines

private:
    void foldLineBreak(QString &out, qsizetype &trimTo);
    void appendEscape(QString &out);
    static QString foldLines(const QStringList &lines);
};

} // namespace covet
