#pragma once

#include "audit/compliancereport.h"
#include "core/error.h"
#include "reportrenderer.h"

#include <QCoreApplication>
#include <QLibrary>

#include <memory>

namespace covet::cli {

// The report writer (HTML and PDF, with QtGui) as a module loaded only by
// `covet audit report`: libcovet-reports.so, next to the covet executable in
// the build tree and in Covet's private library directory when installed
// (COVET_REPORTS_MODULE_PATHS, relative to the executable's directory).
// Every other command starts without QtGui and the 32 libraries it maps
// (`covet --version`: 29.5 -> 14.5 ms of CPU).
class ReportModule
{
public:
    static ReportModule &instance();

    // Opens the module once; the error names every place it looked.
    Status load();
    // A QGuiApplication made by the module (argc must outlive it).
    std::unique_ptr<QCoreApplication> application(int &argc, char **argv);
    // ReportRenderer::write, through the module.
    Status write(const ComplianceReport &report, ReportRenderer::Format format, const QString &path);

private:
    ReportModule() = default;

    using VersionFn = const char *(*)();
    using AppFn = QCoreApplication *(*)(int *, char **);
    using WriteFn = void (*)(const ComplianceReport *, int, const QString *, Status *);
    bool m_tried = false;
    Status m_loaded;
    QLibrary m_library;
    AppFn m_app = nullptr;
    WriteFn m_write = nullptr;
};

} // namespace covet::cli
