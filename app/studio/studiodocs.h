#pragma once

#include <QString>

namespace covet {

// covet-studio(1) and the bash completion of covet-studio, written from
// StudioOptions — the options --help prints — by `covet-studio --help-man`
// and `covet-studio --help-bash-completion` (no display needed).
namespace StudioDocs {

QString manPage();
QString bashCompletion();
// Prints the document asked for by argv[1] ("--help-man",
// "--help-bash-completion") and returns true; false for anything else.
bool printIfAsked(int argc, char **argv);

} // namespace StudioDocs

} // namespace covet
