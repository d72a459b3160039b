#pragma once

#include "audit/compliancereport.h"
#include "core/error.h"

#include <QString>

#include <optional>

namespace covet {

// Writes a ComplianceReport as HTML or PDF (CSV and JSON come from the
// engine). PDF is the HTML laid out by QTextDocument and printed by
// QPdfWriter: it needs a QGuiApplication (any platform, "offscreen" on a
// server), not a display.
class ReportRenderer
{
public:
    enum class Format { Html, Pdf, Csv, Json };
    static std::optional<Format> formatFromName(const QString &name);   // html | pdf | csv | json
    static QString formatName(Format f);

    static QString html(const ComplianceReport &report);
    // Writes the report to path in the format (atomically: a failure leaves
    // no half-written file).
    static Status write(const ComplianceReport &report, Format format, const QString &path);
};

} // namespace covet
