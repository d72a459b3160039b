#pragma once

namespace covet {

// covet.yaml `audit.alerts` (ProjectConfig::auditThresholds()): when the
// audit statistics should raise an alert. Rates are fractions (0.95 = 95%);
// the file writes them as percentages.
struct AuditThresholds
{
    double successRateBelow = 0.95;    // success_rate_below: 95%
    double rollbackRateAbove = 0.05;   // rollback_rate_above: 5%
    double conflictRateAbove = 0.01;   // conflict_rate_above: 1%
    int failuresInARow = 3;            // failures_in_a_row: 3 (0: never)
    bool operator==(const AuditThresholds &) const = default;
};

} // namespace covet
