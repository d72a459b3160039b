#pragma once

#include "audit/conflictrecorder.h"

#include <QLabel>
#include <QList>

namespace covet {

// The red box over the Migrations view naming the conflicts of the last
// status read (MigrationRunner::conflicts(): divergent leaves, cycles,
// missing dependencies, changed or missing applied files), each with the
// way out; hidden when there is none. blocking(): migrate() would refuse,
// so Apply stays disabled.
class ConflictBanner : public QLabel
{
    Q_OBJECT

public:
    explicit ConflictBanner(QWidget *parent = nullptr);

    void setConflicts(const QList<MigrationConflict> &conflicts);
    bool blocking() const { return m_blocking; }
    // The text while shown, else empty.
    QString shownText() const { return isHidden() ? QString() : text(); }

private:
    bool m_blocking = false;
};

} // namespace covet
