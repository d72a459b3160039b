#pragma once

#include <QString>
#include <QStringView>

namespace covet {

// The text of a quoted or block YAML scalar, from its source as the YAML
// parser delimited it. YamlReader leaves the grammar (where a scalar starts
// and ends, indentation, errors) to libfyaml, but decodes these scalars
// itself: Debian 12's libfyaml 0.7.12 reads some of them wrongly ('a''''b'
// as a''' instead of a''b, folded > blocks with more-indented lines, blanks
// before an escaped line break), and yaml-cpp 0.7.0 as well (trailing empty
// lines of quoted and >+ scalars), while YAML's rules for them are short
// (YAML 1.2, sections 7.3 and 8.1). tst_yaml compares both with the
// expected texts.
class YamlScalarText
{
public:
    // The text between the quotes of a 'single-quoted' scalar: '' is one
    // quote; line breaks fold (one to a space, n+1 to n line breaks) and
    // the blanks around them go.
    static QString singleQuoted(QStringView body);
    // The text between the quotes of a "double-quoted" scalar: escapes
    // (\n \t \" \\ \xXX \uXXXX \UXXXXXXXX ...), folding as above, and an
    // escaped line break joining the lines. The parser has refused invalid
    // escapes already; one found here is kept as written.
    static QString doubleQuoted(QStringView body);
    // A | or > block scalar: `header` is the indicator with its chomping
    // and indentation indicators ("|", ">-", "|2+"), `lines` its content
    // lines as written (with their indentation and line breaks), and
    // parentIndent the indentation of the collection it is in (-1 at the
    // top level).
    static QString block(QStringView header, QStringView lines, int parentIndent);
};

} // namespace covet
