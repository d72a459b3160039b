#pragma once

#include <QString>

namespace covet {

// A count as reports, notes and errors print it: English digit grouping,
// whatever the machine's locale ("5,000", "1,234,567"), so that reports
// read and compare the same everywhere.
QString groupedNumber(qint64 n);

} // namespace covet
