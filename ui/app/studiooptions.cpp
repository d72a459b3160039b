#include "studiooptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

namespace covet {

QString StudioOptions::description()
{
    return QCoreApplication::translate("StudioOptions", "Covet Studio: review schemas and migrations of PostgreSQL, "
                                                        "MySQL/MariaDB and SQLite databases.");
}

QList<QCommandLineOption> StudioOptions::options()
{
    return {
        QCommandLineOption(QStringLiteral("demo"),
                           QCoreApplication::translate("StudioOptions", "Create the built-in SQLite demo shop in a new directory "
                                                                        "($COVET_DEMO_DIR or the application data directory) and open it.")),
        QCommandLineOption(QStringLiteral("select"),
                           QCoreApplication::translate("StudioOptions", "Select the table or view NAME once the schema is shown."),
                           QStringLiteral("NAME")),
        QCommandLineOption(QStringLiteral("view"),
                           QCoreApplication::translate("StudioOptions", "Show the view NAME first: schema, diff, migrations, risk (the Migrations view's Risk tab), rollback, backups, audit or dashboard (the audit dashboard)."),
                           QStringLiteral("NAME")),
        QCommandLineOption(QStringLiteral("dry-run"),
                           QCoreApplication::translate("StudioOptions", "Show the Migrations view and dry-run the pending migrations once they are "
                                                                        "listed: their SQL and, on PostgreSQL and SQLite, the result of executing it "
                                                                        "in a transaction that is rolled back. With --rollback-steps: the "
                                                                        "rollback desk's dry run and rehearsal of that rollback. Nothing is changed.")),
        QCommandLineOption(QStringLiteral("rollback-steps"),
                           QCoreApplication::translate("StudioOptions", "Show the rollback desk with the last N applied migrations chosen and the "
                                                                        "risk report of rolling them back. Nothing runs until Roll Back is "
                                                                        "confirmed."),
                           QStringLiteral("N")),
        QCommandLineOption(QStringLiteral("squash"),
                           QCoreApplication::translate("StudioOptions", "Show the Migrations view and open Squash… once the migrations are "
                                                                        "listed, previewing the squash of all of them. Nothing is written "
                                                                        "until Write is clicked.")),
    };
}

StudioOptions::Argument StudioOptions::targetArgument()
{
    return {QStringLiteral("target"),
            QCoreApplication::translate("StudioOptions", "A database URL (sqlite:shop.db, postgresql://user@host/db, "
                                                         "mysql://user@host/db), a SQLite file or a Covet project directory."),
            QStringLiteral("[target]")};
}

QStringList StudioOptions::viewNames()
{
    return {QStringLiteral("schema"), QStringLiteral("diff"), QStringLiteral("migrations"), QStringLiteral("risk"),
            QStringLiteral("rollback"), QStringLiteral("backups"), QStringLiteral("audit"), QStringLiteral("dashboard")};
}

void StudioOptions::setup(QCommandLineParser &parser)
{
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(options());
    const Argument target = targetArgument();
    parser.addPositionalArgument(target.name, target.description, target.syntax);
}

StudioOptions StudioOptions::fromParser(const QCommandLineParser &parser)
{
    StudioOptions o;
    o.demo = parser.isSet(QStringLiteral("demo"));
    o.select = parser.value(QStringLiteral("select"));
    o.view = parser.value(QStringLiteral("view"));
    o.dryRun = parser.isSet(QStringLiteral("dry-run"));
    o.rollbackSteps = qMax(0, parser.value(QStringLiteral("rollback-steps")).toInt());
    if (o.rollbackSteps > 0 && o.view.isEmpty())
        o.view = QStringLiteral("rollback");
    o.squash = parser.isSet(QStringLiteral("squash"));
    if ((o.dryRun || o.squash) && o.view.isEmpty())
        o.view = QStringLiteral("migrations");
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        o.target = positional.first();
    return o;
}

QString StudioOptions::freshDemoDirectory(QString *error)
{
    QString base = qEnvironmentVariable("COVET_DEMO_DIR");
    if (base.isEmpty())
        base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QDir dir(base);
    if (!dir.mkpath(QStringLiteral("."))) {
        if (error)
            *error = QCoreApplication::translate("StudioOptions", "Cannot create the directory %1.").arg(base);
        return {};
    }
    for (int n = 0; n < 1000; ++n) {
        const QString name = n == 0 ? QStringLiteral("demo-%1").arg(stamp) : QStringLiteral("demo-%1-%2").arg(stamp).arg(n);
        if (dir.exists(name))
            continue;
        if (dir.mkdir(name))
            return dir.absoluteFilePath(name);
    }
    if (error)
        *error = QCoreApplication::translate("StudioOptions", "Cannot create a new directory in %1.").arg(dir.absolutePath());
    return {};
}

} // namespace covet
