// libcovet-reports.so: the report writer as a module the covet CLI loads
// only for `covet audit report` (app/cli/reportmodule.h). Linked into the
// CLI, QtGui and the 32 libraries it needs were mapped and relocated by
// every command: `covet --version` took 29.5 ms of CPU, 14.5 without (issue 20). Covet
// Studio and the tests link covet_reports itself.
#include "reportrenderer.h"

#include <QGuiApplication>

extern "C" {

// The version it was built as: the CLI loads only its own build's module.
Q_DECL_EXPORT const char *covet_reports_version()
{
    return COVET_VERSION;
}

// A QGuiApplication (QPdfWriter and QTextDocument need one; QT_QPA_PLATFORM
// decides the platform). argc must outlive it, as Qt's constructor says.
Q_DECL_EXPORT QCoreApplication *covet_reports_application(int *argc, char **argv)
{
    return new QGuiApplication(*argc, argv);
}

// ReportRenderer::write.
Q_DECL_EXPORT void covet_reports_write(const covet::ComplianceReport *report, int format, const QString *path, covet::Status *result)
{
    *result = covet::ReportRenderer::write(*report, covet::ReportRenderer::Format(format), *path);
}

} // extern "C"
