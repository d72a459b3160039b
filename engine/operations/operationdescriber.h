#pragma once

#include "operation.h"

#include <QString>

namespace covet {

// One line a DBA reads: "Rename column orders.placed to placed_at",
// "Alter column orders.total: type numeric(10,2) -> numeric(12,2), NOT NULL".
// Used by `covet diff --format text`, error locations and the GUI.
class OperationDescriber
{
public:
    static QString describe(const Operation &op);
    // What changes between two definitions of a column ("type integer ->
    // bigint, NULL -> NOT NULL"), empty when nothing does.
    static QString columnChanges(const Column &before, const Column &after);
};

} // namespace covet
