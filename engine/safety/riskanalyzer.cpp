#include "riskanalyzer.h"
#include "riskanalysis.h"

#include "../schema/qualifiedname.h"
#include "../core/numbertext.h"
#include "../operations/operationapplier.h"
#include "../operations/operationreverser.h"
#include "../sql/typeconversion.h"
#include "destructivesql.h"
#include "livedata.h"
#include "locknotes.h"
#include "nametracker.h"

#include <QLocale>

#include <algorithm>
#include <functional>

namespace covet {

namespace riskdetail {

Pending Analysis::start(const PlannedStep &step, const QString &rule, const QString &schema, const QString &table, const QString &column)
{
    Pending p;
    p.finding.migrationId = step.migrationId;
    p.finding.step = step.stepIndex;
    p.finding.operation = step.label;
    p.finding.rule = rule;
    p.finding.schema = schema;
    p.finding.table = table;
    p.finding.column = column;
    return p;
}

bool Analysis::isLive(const QString &schema, const QString &table) const
{
    const auto live = m_names.liveTable(schema, table);
    return live && (!m_live || m_live->table(live->schema, live->name));
}

int Analysis::count(const QString &schema, const QString &table, const QString &where, const QVariantList &binds)
{
    if (!m_live)
        return -1;
    const auto live = m_names.liveTable(schema, table);
    if (!live || !m_live->table(live->schema, live->name))
        return -1;
    return m_live->count(live->schema, live->name, where, binds);
}

QStringList Analysis::keyFor(const Schema *before, const QString &schema, const QString &table) const
{
    if (const Table *t = before ? before->table(table, schema) : nullptr)
        return t->primaryKey ? t->primaryKey->columns : QStringList();
    const auto live = m_names.liveTable(schema, table);
    const LiveData::TableInfo *info = live && m_live ? m_live->table(live->schema, live->name) : nullptr;
    return info ? info->primaryKey : QStringList();
}

bool Analysis::addedByRun(const QString &schema, const QString &table, const QString &column) const
{
    return !m_names.liveTable(schema, table) || !m_names.liveColumn(schema, table, column);
}

std::optional<QString> Analysis::liveColumn(const QString &schema, const QString &table, const QString &column) const
{
    const auto live = m_names.liveTable(schema, table);
    const auto c = m_names.liveColumn(schema, table, column);
    if (!live || !c)
        return std::nullopt;
    if (m_live && !m_live->hasColumn(live->schema, live->name, *c))
        return std::nullopt;
    return c;
}

void Analysis::collectTables(const QList<PlannedStep> &steps, QList<QPair<QString, QString>> &out)
{
    NameTracker names;
    auto add = [&](const QString &schema, const QString &name) {
        if (const auto live = names.liveTable(schema, name))
            out << qMakePair(live->schema, live->name);
    };
    for (const PlannedStep &step : steps) {
        for (const Operation &op : step.operations) {
            std::visit(
                [&](const auto &o) {
                    using T = std::decay_t<decltype(o)>;
                    if constexpr (std::is_same_v<T, CreateTable>)
                        add(o.table.schema, o.table.name);
                    else if constexpr (std::is_same_v<T, DropTable>)
                        add(o.schema, o.name);
                    else if constexpr (std::is_same_v<T, RenameTable>)
                        add(o.schema, o.from);
                    else if constexpr (requires { o.table; o.schema; })
                        if constexpr (std::is_convertible_v<decltype(o.table), QString>)
                            add(o.schema, o.table);
                },
                op);
            // Tables that refer to a dropped one, or to a column that goes.
            QString dropped;
            QString droppedSchema;
            if (const auto *d = std::get_if<DropTable>(&op)) {
                dropped = d->name;
                droppedSchema = d->schema;
            } else if (const auto *c = std::get_if<DropColumn>(&op)) {
                dropped = c->table;
                droppedSchema = c->schema;
            }
            if (!dropped.isEmpty() && step.before)
                referrers(*step.before, droppedSchema, dropped, add);
            names.apply(op);
        }
        for (const QString &statement : step.rawStatements) {
            for (const DestructiveSql &d : DestructiveSql::parse(statement, m_caps.dialect)) {
                add(d.schema, d.table);
                if (step.before)
                    referrers(*step.before, d.schema, d.table, add);
            }
        }
    }
}

void Analysis::judge(const QList<PlannedStep> &steps)
{
    for (const PlannedStep &step : steps)
        judgeStep(step);
}

void Analysis::judgeStep(const PlannedStep &step)
{
    if (step.operations.isEmpty()) {
        for (const QString &statement : step.rawStatements)
            judgeRaw(step, statement, step.before.get());
        return;
    }
    Schema before = step.before ? *step.before : Schema();
    for (qsizetype i = 0; i < step.operations.size(); ++i) {
        const Operation &op = step.operations.at(i);
        judgeOperation(step, op, before);
        m_names.apply(op);
        if (i + 1 < step.operations.size())
            (void)OperationApplier::apply(before, op);
    }
}

void Analysis::dependentsOf(Pending &p, const Schema &before, const QString &schema, const QString &table, const QString &column)
{
    for (const Table &t : before.tables) {
        for (const ForeignKey &fk : t.foreignKeys) {
            if (fk.refTable.compare(table, Qt::CaseInsensitive) != 0 || fk.refSchema != schema)
                continue;
            if (!column.isEmpty() && !fk.refColumns.contains(column, Qt::CaseInsensitive))
                continue;
            if (t.name.compare(table, Qt::CaseInsensitive) == 0 && t.schema == schema && column.isEmpty())
                continue;   // a table referring to itself goes with it
            QStringList conds;
            bool live = true;
            for (const QString &c : fk.columns) {
                const auto lc = liveColumn(t.schema, t.name, c);
                if (!lc) {
                    live = false;
                    break;
                }
                conds << QStringLiteral("%1 IS NOT NULL").arg(m_live ? m_live->quote(*lc) : *lc);
            }
            Pending::Dependent d;
            d.text = QStringLiteral("%1.%2 (ON DELETE %3)")
                         .arg(qualifiedName(t.schema, t.name), fk.columns.join(u','), fkActionSql(fk.onDelete));
            d.count = live ? count(t.schema, t.name, conds.join(QStringLiteral(" AND "))) : -1;
            p.dependents << d;
        }
    }
}

void Analysis::dropTable(const PlannedStep &step, const QString &schema, const QString &name, const Schema &before, const QString &rule,
                         const QString &how)
{
    Pending p = start(step, rule, schema, name);
    p.finding.losesData = true;
    const bool live = isLive(schema, name);
    p.rowsCount = count(schema, name);
    p.affectedCount = p.rowsCount;
    dependentsOf(p, before, schema, name, {});
    // The backup copies the table as it is named when the step runs.
    if (live)
        p.stake = DataAtStake{step.migrationId, step.stepIndex, DataAtStake::Kind::Table, schema, name, {}, keyFor(&before, schema, name), 0};
    const auto liveName = m_names.liveTable(schema, name);
    const bool created = !liveName.has_value();
    QString what = qualifiedName(schema, name);
    // A table renamed earlier in the run (a table replaced is moved aside
    // first): say whose rows these are.
    if (liveName && liveName->name.compare(name, Qt::CaseInsensitive) != 0)
        what += QStringLiteral(" (%1 before this run)").arg(qualifiedName(liveName->schema, liveName->name));
    p.grade = [what, how, created, offline = !m_live](RiskFinding &f, qint64 rows, qint64) {
        f.summary = QStringLiteral("%1 %2").arg(how, what);
        if (created) {
            f.level = RiskLevel::Low;
            f.affected = 0;
            f.reason = QStringLiteral("%1 %2, which this run creates: it holds no data yet").arg(how, what);
        } else if (rows < 0) {
            f.level = RiskLevel::High;
            f.reason = offline ? QStringLiteral("%1 %2 with every row it holds (not counted: no live database)").arg(how, what)
                               : QStringLiteral("%1 %2, which the database does not have").arg(how, what);
            if (!offline)
                f.level = RiskLevel::Low;
        } else if (rows == 0) {
            f.level = RiskLevel::Low;
            f.reason = QStringLiteral("%1 %2, which is empty").arg(how, what);
        } else {
            f.level = RiskLevel::High;
            f.reason = QStringLiteral("%1 %2 and its %3 row%4: they are lost").arg(how, what, groupedNumber(rows), rows == 1 ? QString() : QStringLiteral("s"));
        }
        f.safeAlternative = QStringLiteral("keep the data: let Covet back the table up first (safety.backup_before_data_loss, on by "
                                           "default), or rename the table aside and drop it in a later migration once nothing needs it");
    };
    m_pending << p;
}

void Analysis::dropColumn(const PlannedStep &step, const QString &schema, const QString &table, const QString &column, const Schema *before,
                          const QString &rule, const QString &how)
{
    Pending p = start(step, rule, schema, table, column);
    p.finding.losesData = true;
    const auto lc = liveColumn(schema, table, column);
    p.rowsCount = count(schema, table);
    if (lc && m_live)
        p.affectedCount = count(schema, table, QStringLiteral("%1 IS NOT NULL").arg(m_live->quote(*lc)));
    const Table *t = before ? before->table(table, schema) : nullptr;
    if (before)
        dependentsOf(p, *before, schema, table, column);
    if (lc) {
        // The backup copies the column as it is named when the step runs.
        const QStringList key = keyFor(before, schema, table);
        if (key.isEmpty() || key.contains(column, Qt::CaseInsensitive))
            p.stake = DataAtStake{step.migrationId, step.stepIndex, DataAtStake::Kind::Table, schema, table, {}, key, 0};
        else
            p.stake = DataAtStake{step.migrationId, step.stepIndex, DataAtStake::Kind::Columns, schema, table, {column}, key, 0};
    }
    const QString what = qualifiedName(schema, table) + u'.' + column;
    if (const Column *c = t ? t->column(column) : nullptr; c && c->isGenerated()) {
        // Its values are computed from other columns: nothing is lost.
        p.finding.losesData = false;
        p.affectedCount = -1;
        p.stake.reset();
        p.grade = [what, how](RiskFinding &f, qint64, qint64) {
            f.summary = QStringLiteral("%1 %2").arg(how, what);
            f.level = RiskLevel::Low;
            f.affected = 0;
            f.reason = QStringLiteral("%1 %2, a generated column: its values are computed from other columns, so nothing is lost").arg(how, what);
        };
        m_pending << p;
        return;
    }
    const bool created = !lc.has_value() && addedByRun(schema, table, column);
    const bool noKey = (t || isLive(schema, table)) && keyFor(before, schema, table).isEmpty();
    p.grade = [what, how, created, noKey, offline = !m_live](RiskFinding &f, qint64, qint64 values) {
        f.summary = QStringLiteral("%1 %2").arg(how, what);
        if (created) {
            f.level = RiskLevel::Low;
            f.affected = 0;
            f.reason = QStringLiteral("%1 %2, which this run adds: it holds no data yet").arg(how, what);
        } else if (values < 0) {
            f.level = offline ? RiskLevel::High : RiskLevel::Low;
            f.reason = offline ? QStringLiteral("%1 %2 with every value it holds (not counted: no live database)").arg(how, what)
                               : QStringLiteral("%1 %2, which the database does not have").arg(how, what);
        } else if (values == 0) {
            f.level = RiskLevel::Low;
            f.reason = QStringLiteral("%1 %2, which holds no value (all NULL or no rows)").arg(how, what);
        } else {
            f.level = noKey ? RiskLevel::Critical : RiskLevel::High;
            f.reason = QStringLiteral("%1 %2 and its %3 non-NULL value%4: they are lost").arg(how, what, groupedNumber(values), values == 1 ? QString() : QStringLiteral("s"));
            if (noKey)
                f.reason += QStringLiteral("; the table has no primary key, so a backup cannot put the values back row by row");
        }
        f.safeAlternative = QStringLiteral("stop using the column first and drop it in a later migration; let Covet back it up "
                                           "(safety.backup_before_data_loss) so it can be restored");
    };
    m_pending << p;
}

void Analysis::judgeRaw(const PlannedStep &step, const QString &statement, const Schema *before)
{
    for (const DestructiveSql &d : DestructiveSql::parse(statement, m_caps.dialect)) {
        const QString how = QStringLiteral("raw SQL");
        if (d.kind == DestructiveSql::Kind::DropTable && before) {
            dropTable(step, d.schema, d.table, *before, QStringLiteral("run-sql-destructive"), QStringLiteral("raw SQL drops table"));
            continue;
        }
        if (d.kind == DestructiveSql::Kind::DropColumn) {
            dropColumn(step, d.schema, d.table, d.column, before, QStringLiteral("run-sql-destructive"), QStringLiteral("raw SQL drops column"));
            continue;
        }
        const bool update = d.kind == DestructiveSql::Kind::Update;
        Pending p = start(step, update ? QStringLiteral("run-sql-update") : QStringLiteral("run-sql-destructive"),
                          d.kind == DestructiveSql::Kind::DropSchema ? QString() : d.schema,
                          d.kind == DestructiveSql::Kind::DropSchema ? QString() : d.table);
        p.finding.losesData = d.losesData();
        const bool counted = d.kind != DestructiveSql::Kind::DropSchema;
        if (counted) {
            p.rowsCount = count(d.schema, d.table);
            p.affectedCount = p.rowsCount;
        }
        if (p.finding.losesData && counted && isLive(d.schema, d.table))
            p.stake = DataAtStake{step.migrationId, step.stepIndex, DataAtStake::Kind::Table, d.schema, d.table, {},
                                  keyFor(before, d.schema, d.table), 0};
        if (before && counted && !update)
            dependentsOf(p, *before, d.schema, d.table, {});
        const QString what = d.describe();
        const bool filtered = d.filtered;
        p.grade = [what, filtered, update, counted, how](RiskFinding &f, qint64 rows, qint64) {
            f.summary = QStringLiteral("%1 %2").arg(how, what);
            if (counted && rows == 0) {
                f.level = RiskLevel::Low;
                f.affected = 0;
                f.reason = QStringLiteral("%1 %2, which is empty").arg(how, what);
                return;
            }
            f.level = update ? RiskLevel::Medium : RiskLevel::High;
            f.reason = rows > 0 ? QStringLiteral("%1 %2 (%3 rows%4)").arg(how, what, groupedNumber(rows), filtered ? QStringLiteral(" in the table; the WHERE "
                                                                                                                        "clause picks some") : QString())
                                : QStringLiteral("%1 %2 (not counted)").arg(how, what);
            if (filtered || !counted)
                f.affected = -1;
            f.safeAlternative = update ? QStringLiteral("keep the old values (copy the column aside first) if the change must be undoable")
                                       : QStringLiteral("let Covet back the table up first (safety.backup_before_data_loss), or "
                                                        "write the change as a typed operation so Covet can reverse it");
        };
        m_pending << p;
    }
}

void Analysis::judgeOperation(const PlannedStep &step, const Operation &op, const Schema &before)
{
    if (const auto *o = std::get_if<DropTable>(&op)) {
        dropTable(step, o->schema, o->name, before, QStringLiteral("drop-table"), QStringLiteral("drops table"));
    } else if (const auto *o = std::get_if<DropColumn>(&op)) {
        dropColumn(step, o->schema, o->table, o->column, &before, QStringLiteral("drop-column"), QStringLiteral("drops column"));
    } else if (const auto *o = std::get_if<AlterColumn>(&op)) {
        narrowing(step, *o, before);
        notNull(step, *o, before);
    } else if (const auto *o = std::get_if<AddUnique>(&op)) {
        uniqueOnDuplicates(step, o->schema, o->table, o->unique.columns, QStringLiteral("adds a unique constraint"));
    } else if (const auto *o = std::get_if<CreateIndex>(&op)) {
        // Expression parts and partial indexes are left to the database.
        const bool prefix = std::any_of(o->index.parts.cbegin(), o->index.parts.cend(), [](const IndexPart &x) { return x.length > 0; });
        if (o->index.unique && o->index.where.isEmpty() && !prefix && o->index.columnNames().size() == o->index.parts.size())
            uniqueOnDuplicates(step, o->schema, o->table, o->index.columnNames(), QStringLiteral("creates unique index ") + o->index.name);
    } else if (const auto *o = std::get_if<AddColumn>(&op)) {
        const Column &c = o->column;
        if (!c.nullable && !c.defaultExpr && !c.isGenerated() && c.identity == Column::Identity::None) {
            Pending p = start(step, QStringLiteral("add-not-null-column"), o->schema, o->table, c.name);
            p.rowsCount = count(o->schema, o->table);
            const QString what = qualifiedName(o->schema, o->table) + u'.' + c.name;
            const bool mysql = m_caps.dialect == Dialect::MySQL;
            p.grade = [what, mysql](RiskFinding &f, qint64 rows, qint64) {
                f.summary = QStringLiteral("adds %1 NOT NULL without a default").arg(what);
                f.level = rows == 0 ? RiskLevel::Low : RiskLevel::High;
                f.reason = rows == 0 ? QStringLiteral("adds %1 NOT NULL without a default to an empty table").arg(what)
                           : mysql  ? QStringLiteral("adds %1 NOT NULL without a default: MySQL/MariaDB give the %2 existing rows the "
                                                     "type's zero value ('' or 0), which is probably not what they hold")
                                         .arg(what, rows < 0 ? QStringLiteral("?") : groupedNumber(rows))
                                    : QStringLiteral("adds %1 NOT NULL without a default to a table with %2 rows: the step will fail")
                                         .arg(what, rows < 0 ? QStringLiteral("?") : groupedNumber(rows));
                f.safeAlternative = QStringLiteral("add the column nullable, backfill it, then make it NOT NULL (or give it a default)");
            };
            m_pending << p;
        }
    } else if (const auto *o = std::get_if<AlterEnum>(&op)) {
        enumValuesRemoved(step, *o, before);
    } else if (const auto *o = std::get_if<RunSql>(&op)) {
        const QString sql = o->forwardByDialect.value(dialectName(m_caps.dialect), o->forward);
        for (const QString &statement : step.rawStatements.isEmpty() ? QStringList{sql} : step.rawStatements)
            judgeRaw(step, statement, &before);
        if (m_forward && !o->reversible()) {
            Pending p = start(step, QStringLiteral("run-sql-no-down"), {}, {});
            p.grade = [](RiskFinding &f, qint64, qint64) {
                f.level = RiskLevel::Medium;
                f.reason = QStringLiteral("raw SQL without reverse SQL: this migration cannot be rolled back");
                f.safeAlternative = QStringLiteral("give run_sql a `reverse:` (or the SQL migration a `-- covet:down` section)");
            };
            m_pending << p;
        }
        return;
    }
    if (m_forward && !std::holds_alternative<RunSql>(op)) {
        if (auto rev = OperationReverser::reverse(op, before); !rev) {
            Pending p = start(step, QStringLiteral("irreversible"), {}, {});
            const QString why = rev.error().message();
            p.grade = [why](RiskFinding &f, qint64, qint64) {
                f.level = RiskLevel::Medium;
                f.reason = QStringLiteral("cannot be reversed (%1): a rollback through this migration will be refused").arg(why);
                f.safeAlternative = QStringLiteral("split the change so each step can be reversed");
            };
            m_pending << p;
        }
    }
    lockNotes(step, op, before);
}

void Analysis::lockNotes(const PlannedStep &step, const Operation &op, const Schema &before)
{
    for (const LockNote &n : LockNotes::of(m_caps, op, before)) {
        Pending p = start(step, n.rule, n.schema, n.table, n.column);
        p.rowsCount = count(n.schema, n.table);
        const auto live = m_names.liveTable(n.schema, n.table);
        const LiveData::TableInfo *info = live && m_live ? m_live->table(live->schema, live->name) : nullptr;
        const qint64 bytes = info ? info->bytes : -1;
        const bool created = !live.has_value();
        p.grade = [n, bytes, created](RiskFinding &f, qint64 rows, qint64) {
            const qint64 r = created ? 0 : rows;
            f.level = n.alwaysLow ? RiskLevel::Low : byRows(r);
            f.rows = r;
            QString size;
            if (r >= 0)
                size = QStringLiteral(" (%1 rows%2)").arg(groupedNumber(r), bytes > 0 ? QStringLiteral(", %1").arg(QLocale(QLocale::English).formattedDataSize(bytes))
                                                                               : QString());
            f.summary = n.reason.section(QStringLiteral("{size}"), 0, 0).trimmed();
            f.reason = n.reason;
            f.reason.replace(QStringLiteral("{size}"), size);
            if (r == 0 && !n.alwaysLow)
                f.reason += QStringLiteral("; the table is empty, so it is quick");
            f.safeAlternative = n.safeAlternative;
        };
        m_pending << p;
    }
}

RiskReport Analysis::finish(int statements)
{
    RiskReport report;
    report.forward = m_forward;
    report.live = m_live != nullptr;
    report.statements = statements;
    for (Pending &p : m_pending) {
        const qint64 rows = m_live ? m_live->result(p.rowsCount) : -1;
        const qint64 affected = m_live ? m_live->result(p.affectedCount) : -1;
        RiskFinding f = p.finding;
        f.rows = rows;
        f.affected = p.affectedCount >= 0 ? affected : -1;
        for (const Pending::Dependent &d : std::as_const(p.dependents)) {
            const qint64 n = m_live ? m_live->result(d.count) : -1;
            f.dependents << (n >= 0 ? QStringLiteral("%1: %2 rows refer to it").arg(d.text, groupedNumber(n)) : d.text);
        }
        if (p.grade)
            p.grade(f, rows, f.affected);
        if (p.stake && f.losesData && f.affected != 0 && m_live) {
            DataAtStake s = *p.stake;
            s.rows = f.affected > 0 ? f.affected : rows;
            bool merged = false;
            for (DataAtStake &e : report.stakes) {
                if (e.migrationId == s.migrationId && e.schema == s.schema && e.table == s.table && e.kind == s.kind && e.key == s.key
                    && s.kind == DataAtStake::Kind::Columns) {
                    for (const QString &c : s.columns)
                        if (!e.columns.contains(c))
                            e.columns << c;
                    e.rows = qMax(e.rows, s.rows);
                    merged = true;
                }
            }
            if (!merged)
                report.stakes << s;
        }
        report.findings << f;
    }
    return report;
}

} // namespace riskdetail

using riskdetail::Analysis;

const QStringList &RiskAnalyzer::ruleNames()
{
    static const QStringList names = {
        QStringLiteral("drop-table"),         QStringLiteral("drop-column"),          QStringLiteral("narrowing-type"),
        QStringLiteral("enum-value-removed"), QStringLiteral("not-null-with-nulls"),  QStringLiteral("add-not-null-column"),
        QStringLiteral("run-sql-destructive"), QStringLiteral("run-sql-update"),      QStringLiteral("run-sql-no-down"),
        QStringLiteral("irreversible"),       QStringLiteral("table-rewrite"),        QStringLiteral("set-not-null-scan"),
        QStringLiteral("index-without-concurrently"), QStringLiteral("constraint-validation"), QStringLiteral("mysql-copy"),
        QStringLiteral("mysql-rebuild"),      QStringLiteral("index-build"),          QStringLiteral("sqlite-rebuild"),
        QStringLiteral("not-null-fills-nulls"), QStringLiteral("unique-on-duplicates"),
        QStringLiteral("using-rewrites")};
    return names;
}

Result<RiskReport> RiskAnalyzer::analyze(SqlExecutor &sql, const QList<PlannedStep> &steps, bool forward) const
{
    return run(&sql, steps, forward);
}

RiskReport RiskAnalyzer::analyzeOffline(const QList<PlannedStep> &steps, bool forward) const
{
    auto r = run(nullptr, steps, forward);
    return r ? *r : RiskReport{};
}

Result<RiskReport> RiskAnalyzer::run(SqlExecutor *sql, const QList<PlannedStep> &steps, bool forward) const
{
    std::optional<LiveData> live;
    if (sql) {
        live.emplace(*sql);
        QList<QPair<QString, QString>> tables;
        Analysis(m_caps, nullptr, forward).collectTables(steps, tables);
        if (auto st = live->readTables(tables); !st)
            return std::unexpected(st.error());
    }
    Analysis analysis(m_caps, live ? &*live : nullptr, forward);
    analysis.judge(steps);
    if (live)
        if (auto st = live->runCounts(); !st)
            return std::unexpected(st.error());
    RiskReport report = analysis.finish(live ? live->statements() : 0);
    // What the migrations acknowledged.
    for (RiskFinding &f : report.findings) {
        for (const PlannedStep &s : steps) {
            if (s.migrationId != f.migrationId || s.stepIndex != f.step)
                continue;
            if (s.acknowledged.contains(f.rule) || s.acknowledged.contains(QStringLiteral("all"))) {
                f.acknowledged = true;
                f.acknowledgement = s.acknowledgement;
            }
            break;
        }
    }
    return report;
}

} // namespace covet
