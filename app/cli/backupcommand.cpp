#include "backupcommand.h"

#include "migratecommand.h"

#include "core/localuser.h"
#include "core/numbertext.h"
#include "db/dialectcapabilities.h"
#include "safety/backuprestorer.h"
#include "safety/backupstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <unistd.h>

namespace covet::cli {

namespace {

QString summaryLine(const BackupRecord &b)
{
    QStringList tables;
    for (const BackupItem &i : b.items)
        tables << (i.kind == DataAtStake::Kind::Table ? i.source() : i.source() + u'.' + i.columns.mid(i.key.size()).join(u','));
    const QString size = b.bytes() >= 0 ? QStringLiteral(", ") + QLocale(QLocale::English).formattedDataSize(b.bytes()) : QString();
    return QStringLiteral("%1  %2  %3  %4  %5 by %6  %7 rows%8  %9")
        .arg(QString::number(b.id).rightJustified(4), b.takenAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC"),
             b.status.leftJustified(8), b.direction.leftJustified(8), b.migrations.join(u','), b.takenBy, groupedNumber(b.rows()), size,
             tables.join(QStringLiteral(", ")));
}

// --yes, or the word typed on a terminal.
Status confirmed(const QCommandLineParser &p, QTextStream &out, const QString &question)
{
    if (p.isSet(QStringLiteral("yes")))
        return {};
    if (isatty(STDIN_FILENO)) {
        out << question << " Type 'yes' to continue: ";
        out.flush();
        QTextStream in(stdin);
        if (in.readLine().trimmed() == u"yes")
            return {};
        return fail(Error::Category::InvalidInput, QStringLiteral("not confirmed; nothing was changed"));
    }
    return fail(Error::Category::InvalidInput, QStringLiteral("%1 Pass --yes to confirm; nothing was changed").arg(question));
}

} // namespace

void BackupCommand::addOptions(CommandLineSpec &p) const
{
    MigrateCommand::addTargetOptions(p);
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list | show ID | verify ID | restore ID | drop ID | prune"));
    p.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The backup (see `covet backup list`)."), QStringLiteral("[ID]"));
    p.addOption({QStringLiteral("item"), QStringLiteral("restore: only this item of the backup (repeatable)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("preview"), QStringLiteral("restore: say what would be written; write nothing.")});
    p.addOption({QStringLiteral("older-than"), QStringLiteral("prune: drop backups older than this many days (default: safety.backup_retention_days)."),
                 QStringLiteral("days")});
    p.addOption({QStringLiteral("yes"), QStringLiteral("Confirm restore, drop and prune.")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

int BackupCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    static const QStringList actions = {QStringLiteral("list"), QStringLiteral("show"), QStringLiteral("verify"), QStringLiteral("restore"),
                                        QStringLiteral("drop"), QStringLiteral("prune")};
    int code = 0;
    const auto parsed = actionArguments(p, name(), actions, actions.mid(1, 4), QStringLiteral("the backup"), QStringLiteral("covet backup list"), err, &code);
    if (!parsed)
        return code;
    const QString action = parsed->action;
    const qint64 id = parsed->id;
    const bool json = p.isSet(QStringLiteral("json"));
    auto target = MigrateCommand::openTarget(p, true, MigrateCommand::MissingSqlite::Error);
    if (!target)
        return report(target.error(), err);
    SqlExecutor sql(target->connection->database(), target->connection->dialect());
    BackupStore store(sql, DialectCapabilities::of(*target->connection));

    if (action == u"list") {
        auto all = store.list();
        if (!all)
            return report(all.error(), err);
        if (json) {
            QJsonArray list;
            for (const BackupRecord &b : *all)
                list << b.toJson();
            printJson(out, QJsonObject{{QStringLiteral("backups"), list}});
            return 0;
        }
        if (all->isEmpty())
            out << "No backups in " << target->connection->url().display() << ".\n";
        for (const BackupRecord &b : *all)
            out << summaryLine(b) << '\n';
        return 0;
    }
    if (action == u"show") {
        auto b = store.get(id);
        if (!b)
            return report(b.error(), err);
        if (json) {
            printJson(out, b->toJson());
            return 0;
        }
        out << "Backup " << b->id << " (" << b->status << ")\n"
            << "  taken " << b->takenAt.toString(Qt::ISODate) << " by " << b->takenBy
            << (b->databaseUser.isEmpty() ? QString() : QStringLiteral(" (database user %1)").arg(b->databaseUser)) << '\n'
            << "  before " << b->direction << " of " << b->migrations.join(QStringLiteral(", "))
            << (b->environment.isEmpty() ? QString() : QStringLiteral(" in %1").arg(b->environment)) << '\n';
        if (b->restoredAt.isValid())
            out << "  restored " << b->restoredAt.toString(Qt::ISODate) << " by " << b->restoredBy << '\n';
        for (const BackupItem &i : b->items)
            out << "  item " << i.item << ": " << (i.kind == DataAtStake::Kind::Table ? QStringLiteral("table ") + i.source()
                                                                                      : QStringLiteral("columns %1 of %2").arg(i.columns.mid(i.key.size()).join(QStringLiteral(", ")), i.source()))
                << ", " << groupedNumber(i.rows) << " rows" << (i.key.isEmpty() ? QStringLiteral(", no primary key") : QStringLiteral(", key ") + i.key.join(u','))
                << ", kept in " << (i.backupSchema.isEmpty() ? i.backupTable : i.backupSchema + u'.' + i.backupTable) << ", checksum "
                << i.checksum.sum << '\n';
        return 0;
    }
    if (action == u"verify") {
        auto check = store.verify(id);
        if (!check)
            return report(check.error(), err);
        if (json)
            printJson(out, check->toJson());
        else
            out << "Backup " << id << ": " << (check->ok() ? "intact" : "DAMAGED") << '\n' << check->toText();
        return check->ok() ? 0 : Error(Error::Category::Conflict, QString()).exitCode();
    }
    if (action == u"restore") {
        QList<int> items;
        for (const QString &v : p.values(QStringLiteral("item"))) {
            bool ok = false;
            const int n = v.toInt(&ok);
            if (!ok || n <= 0)
                return usageError(QStringLiteral("--item takes an item number, got '%1'").arg(v), err);
            items << n;
        }
        BackupRestorer restorer(store);
        auto preview = restorer.preview(id, items);
        if (!preview)
            return report(preview.error(), err);
        if (p.isSet(QStringLiteral("preview"))) {
            if (json)
                printJson(out, preview->toJson());
            else
                out << "Restoring backup " << id << " would:\n" << preview->toText();
            return 0;
        }
        if (!json)
            out << "Restoring backup " << id << " will:\n" << preview->toText();
        if (auto ok = confirmed(p, out, QStringLiteral("This writes the saved values back into the database.")); !ok)
            return report(ok.error(), err);
        ProgressSink sink;
        if (!json)
            sink.progress = [&err](int, int, const QString &what) {
                if (!what.isEmpty()) {
                    err << "  " << what << "...\n";
                    err.flush();
                }
            };
        auto check = restorer.restore(id, LocalUser::atHost(), items, &sink);
        if (!check)
            return report(check.error(), err);
        if (json)
            printJson(out, check->toJson());
        else
            out << "Restored backup " << id << " and verified it:\n" << check->toText();
        return 0;
    }
    if (action == u"drop") {
        auto b = store.get(id);
        if (!b)
            return report(b.error(), err);
        if (auto ok = confirmed(p, out, QStringLiteral("Dropping backup %1 deletes the %2 rows it keeps for good.").arg(id).arg(groupedNumber(b->rows()))); !ok)
            return report(ok.error(), err);
        if (auto st = store.drop(id); !st)
            return report(st.error(), err);
        if (json)
            printJson(out, QJsonObject{{QStringLiteral("dropped"), double(id)}});
        else
            out << "Dropped backup " << id << ".\n";
        return 0;
    }
    // prune
    int days = target->config.backupRetentionDays();
    if (p.isSet(QStringLiteral("older-than"))) {
        bool ok = false;
        days = p.value(QStringLiteral("older-than")).toInt(&ok);
        if (!ok || days < 1)
            return usageError(QStringLiteral("--older-than takes a number of days, got '%1'").arg(p.value(QStringLiteral("older-than"))), err);
    }
    if (days <= 0) {
        out << "safety.backup_retention_days is 0: backups are kept forever; pass --older-than DAYS to drop old ones.\n";
        return 0;
    }
    if (auto ok = confirmed(p, out, QStringLiteral("Backups older than %1 days will be dropped for good.").arg(days)); !ok)
        return report(ok.error(), err);
    auto dropped = store.prune(days);
    if (!dropped)
        return report(dropped.error(), err);
    QJsonArray ids;
    for (qint64 d : *dropped)
        ids << double(d);
    if (json)
        printJson(out, QJsonObject{{QStringLiteral("dropped"), ids}});
    else
        out << "Dropped " << dropped->size() << (dropped->size() == 1 ? " backup" : " backups") << " older than " << days << " days.\n";
    return 0;
}

} // namespace covet::cli
