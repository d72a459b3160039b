#pragma once

#include "jobs/rehearsaljob.h"

#include <QCoreApplication>

class QLabel;

namespace covet {

// A rehearsal's result as a banner (StudioStyle): green when every
// migration went there and back, red naming the first that did not with its
// differences or error, amber when it ran on a scratch database
// (MySQL/MariaDB: schema only, no rows). Used by the rollback desk (a
// rollback's rehearsal) and the Migrations view (the pending migrations').
class RehearsalBanner
{
    Q_DECLARE_TR_FUNCTIONS(RehearsalBanner)

public:
    // Shows it in `label` (rich text); returns whether it passed.
    static bool show(QLabel *label, const RehearsalOutcome &outcome);
    // While it runs.
    static void showRunning(QLabel *label, bool rollback);
};

} // namespace covet
