#pragma once
// The StudioTarget a view is given, as Covet Studio's target controller
// builds it: the URL, and the project in projectDir (its covet.yaml read
// once) when one is named. A project that cannot be read stops the test.
#include "app/studiotarget.h"

#include <QtGlobal>

namespace covet::test {

inline StudioTarget studioTarget(const DatabaseUrl &url, const QString &projectDir = {}, const QString &environment = {})
{
    if (projectDir.isEmpty())
        return StudioTarget::ofUrl(url);
    auto target = StudioTarget::inProject(projectDir, url, environment);
    if (!target)
        qFatal("cannot read the project %s: %s", qPrintable(projectDir), qPrintable(target.error().toString()));
    return *target;
}

} // namespace covet::test
