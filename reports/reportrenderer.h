#pragma once

#include "audit/compliancereport.h"
#include "core/error.h"

#include <QString>

#include <optional>

namespace covet {

// Writes a ComplianceReport as HTML or PDF (CSV and JSON come from the
// engine). PDF is the same HTML laid out by QTextDocument and drawn on a
// QPdfWriter: it needs a QGuiApplication (any platform, "offscreen" on a
// server), not a display.
//
// The PDF is drawn in pieces: the summary, then the row tables at most
// pdfRowsPerPiece rows per QTextDocument (each piece starts a page, its
// table header repeated on every page, page numbers running on). One
// QTextDocument for the whole report cannot work: its layout is in
// fixed-point units (QFixed, 26.6 bits) and at the printer's 1200 dpi a
// row is ~280 units, so past ~118,000 rows (fewer when cells wrap) the
// document's height overflows and Qt prints one blank page, after minutes
// and gigabytes. Pieces keep the memory bounded and the time linear.
class ReportRenderer
{
public:
    enum class Format { Html, Pdf, Csv, Json };
    // Inline: the CLI reads them without linking this library (it loads
    // the report module only to write a report).
    static std::optional<Format> formatFromName(const QString &name)   // html | pdf | csv | json
    {
        for (Format f : {Format::Html, Format::Pdf, Format::Csv, Format::Json})
            if (formatName(f) == name.toLower())
                return f;
        return std::nullopt;
    }
    static QString formatName(Format f)
    {
        switch (f) {
        case Format::Html: return QStringLiteral("html");
        case Format::Pdf: return QStringLiteral("pdf");
        case Format::Csv: return QStringLiteral("csv");
        case Format::Json: return QStringLiteral("json");
        }
        return QStringLiteral("html");
    }

    static constexpr int kPdfRowsPerPiece = 2000;

    static QString html(const ComplianceReport &report);
    // Writes the report to path in the format (atomically: a failure leaves
    // no half-written file). A PDF is checked once written: a file that is
    // not a PDF, or has other than the pages drawn, or a piece whose layout
    // lost rows, is an error naming the file, and nothing is left at path.
    static Status write(const ComplianceReport &report, Format format, const QString &path, int pdfRowsPerPiece = kPdfRowsPerPiece);
    // The check write() makes: path is a complete PDF of exactly `pages` pages.
    static Status verifyPdf(const QString &path, int pages);
};

} // namespace covet
