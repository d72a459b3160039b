#pragma once
// The Migrations view's "Rehearse" action, in its Dry Run button's menu.
#include "views/migrationsview.h"

#include <QAbstractButton>
#include <QAction>
#include <QMenu>

namespace covet::test {

inline QAction *rehearseAction(const MigrationsView &view)
{
    if (const QMenu *menu = view.dryRunButton()->findChild<QMenu *>())
        for (QAction *a : menu->actions())
            if (a->objectName() == u"rehearseAction")
                return a;
    return nullptr;
}

} // namespace covet::test
