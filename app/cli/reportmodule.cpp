#include "reportmodule.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace covet::cli {

ReportModule &ReportModule::instance()
{
    static ReportModule module;
    return module;
}

Status ReportModule::load()
{
    if (m_tried)
        return m_loaded;
    m_tried = true;
    // Before the QCoreApplication exists (the module makes it), so the
    // executable's directory comes from /proc, not applicationDirPath().
    const QString exe = QFile::symLinkTarget(QStringLiteral("/proc/self/exe"));
    if (exe.isEmpty())   // never relative to the working directory
        return m_loaded = fail(Error::Category::NotFound,
                               QStringLiteral("cannot find Covet's report writer (libcovet-reports.so): /proc/self/exe does not say where covet is"));
    const QDir dir = QFileInfo(exe).absoluteDir();
    QStringList tried;
    for (const QString &relative : QStringLiteral(COVET_REPORTS_MODULE_PATHS).split(u':', Qt::SkipEmptyParts)) {
        const QString path = QDir::cleanPath(dir.filePath(relative));
        if (!QFileInfo::exists(path)) {
            tried << path + QStringLiteral(" (no such file)");
            continue;
        }
        m_library.setFileName(path);
        // Kept until the process ends, like Qt's own plugins: QtGui, which
        // it brought in, tears its global state down after this static
        // object is gone, so its code must stay mapped.
        m_library.setLoadHints(QLibrary::PreventUnloadHint);
        if (!m_library.load()) {
            tried << m_library.errorString();
            continue;
        }
        const auto version = reinterpret_cast<VersionFn>(m_library.resolve("covet_reports_version"));
        m_app = reinterpret_cast<AppFn>(m_library.resolve("covet_reports_application"));
        m_write = reinterpret_cast<WriteFn>(m_library.resolve("covet_reports_write"));
        if (!version || !m_app || !m_write) {
            tried << path + QStringLiteral(" (not Covet's report module: ") + m_library.errorString() + u')';
            continue;
        }
        // C++ objects cross the boundary: only the module of this very build.
        if (const QString v = QString::fromUtf8(version()); v != QStringLiteral(COVET_VERSION)) {
            tried << path + QStringLiteral(" (version %1, covet is %2)").arg(v, QStringLiteral(COVET_VERSION));
            continue;
        }
        return m_loaded = {};
    }
    m_loaded = fail(Error::Category::NotFound,
                    QStringLiteral("cannot load Covet's report writer (libcovet-reports.so), which writes every audit report: %1; "
                                   "reinstall the covet package")
                        .arg(tried.join(QStringLiteral("; "))));
    return m_loaded;
}

std::unique_ptr<QCoreApplication> ReportModule::application(int &argc, char **argv)
{
    if (!load())
        return nullptr;
    return std::unique_ptr<QCoreApplication>(m_app(&argc, argv));
}

Status ReportModule::write(const ComplianceReport &report, ReportRenderer::Format format, const QString &path)
{
    if (auto st = load(); !st)
        return st;
    Status result;
    m_write(&report, int(format), &path, &result);
    return result;
}

} // namespace covet::cli
