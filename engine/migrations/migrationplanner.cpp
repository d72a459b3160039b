#include "migrationplanner.h"

#include "../db/dialectcapabilities.h"
#include "../operations/operationapplier.h"
#include "../operations/operationdescriber.h"
#include "../operations/operationreverser.h"
#include "../sql/sqlscriptsplitter.h"
#include "historyreplay.h"

#include <QFileInfo>

#include <concepts>

namespace covet {

namespace {

// The tables an operation changes (by name, any namespace).
QStringList tablesOf(const Operation &op)
{
    return std::visit(
        [](const auto &o) -> QStringList {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, CreateTable>)
                return {o.table.name};
            else if constexpr (std::is_same_v<T, DropTable>)
                return {o.name};
            else if constexpr (std::is_same_v<T, RenameTable>)
                return {o.from, o.to};
            else if constexpr (requires { { o.table } -> std::convertible_to<QString>; })
                return {o.table};
            else
                return {};
        },
        op);
}

// PostgreSQL keeps 63 bytes of a name (NAMEDATALEN - 1) and cuts the rest
// with no more than a NOTICE, so two names can become one and the schema is
// not what the file says; MySQL and MariaDB refuse names over 64
// characters only when the statement runs. The names a migration brings
// (of the tables it touches, and its views, enum types and schemas) are
// checked when it is planned, before anything runs; names already there
// are the database's business (an earlier version may have applied them).
struct NamedObject
{
    QString kind;    // "column", "index", ...
    QString name;
    QString table;   // the table it belongs to, if any
    QString key() const { return kind + u'\x1f' + table + u'\x1f' + name; }
};

QList<NamedObject> namesOf(const Schema &schema, const QSet<QString> &touched)
{
    QList<NamedObject> names;
    for (const Table &t : schema.tables) {
        if (!touched.contains(t.name))
            continue;
        names.append({QStringLiteral("table"), t.name, {}});
        for (const Column &c : t.columns)
            names.append({QStringLiteral("column"), c.name, t.name});
        if (t.primaryKey)
            names.append({QStringLiteral("primary key"), t.primaryKey->name, t.name});
        for (const UniqueConstraint &u : t.uniques)
            names.append({QStringLiteral("unique constraint"), u.name, t.name});
        for (const Index &i : t.indexes)
            names.append({QStringLiteral("index"), i.name, t.name});
        for (const ForeignKey &f : t.foreignKeys)
            names.append({QStringLiteral("foreign key"), f.name, t.name});
        for (const Check &c : t.checks)
            names.append({QStringLiteral("check constraint"), c.name, t.name});
        for (const Trigger &g : t.triggers)
            names.append({QStringLiteral("trigger"), g.name, t.name});
    }
    for (const View &v : schema.views)
        names.append({QStringLiteral("view"), v.name, {}});
    for (const EnumType &e : schema.enums)
        names.append({QStringLiteral("enum type"), e.name, {}});
    for (const QString &n : schema.namespaces)
        names.append({QStringLiteral("schema"), n, {}});
    return names;
}

Status checkNameLengths(Dialect dialect, const OperationList &ops, const Schema &before, const Schema &after, const QString &where)
{
    if (dialect == Dialect::SQLite)
        return {};
    QSet<QString> touched;
    for (const Operation &op : ops)
        for (const QString &t : tablesOf(op))
            touched.insert(t);
    QSet<QString> known;
    for (const NamedObject &o : namesOf(before, touched))
        known.insert(o.key());
    for (const NamedObject &o : namesOf(after, touched)) {
        if (known.contains(o.key()))
            continue;
        const QString what = QStringLiteral("the %1 name '%2'%3").arg(o.kind, o.name, o.table.isEmpty() ? QString() : QStringLiteral(" (table %1)").arg(o.table));
        const QByteArray utf8 = o.name.toUtf8();
        if (dialect == Dialect::PostgreSQL && utf8.size() > 63) {
            QString kept;   // PostgreSQL cuts at a character boundary
            for (qsizetype i = 0; i < o.name.size(); ++i) {
                const qsizetype n = o.name.at(i).isHighSurrogate() && i + 1 < o.name.size() ? 2 : 1;
                if (kept.toUtf8().size() + o.name.mid(i, n).toUtf8().size() > 63)
                    break;
                kept += o.name.mid(i, n);
                i += n - 1;
            }
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("%1 is %2 bytes long: PostgreSQL keeps 63 bytes of a name (NAMEDATALEN - 1) and would cut it to "
                                       "'%3' with only a notice; shorten it")
                            .arg(what)
                            .arg(utf8.size())
                            .arg(kept),
                        where);
        }
        if (dialect == Dialect::MySQL && o.name.size() > 64)
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("%1 is %2 characters long: MySQL and MariaDB refuse names over 64; shorten it").arg(what).arg(o.name.size()),
                        where);
    }
    return {};
}

// Transaction control in what a step runs (SqlScriptSplitter::transactionControl):
// a run_sql wrapped whole in BEGIN ... COMMIT (in a transactional migration)
// runs without the two; anything else is the error, or, for an undo, no undo.
Status dropOrRefuseTransactionControl(QList<SqlBatch> &batches, Dialect dialect, bool transactional, const QString &where)
{
    for (SqlBatch &b : batches) {
        if (transactional)
            SqlScriptSplitter::dropTransactionWrapper(b.statements, dialect);
        for (const QString &statement : std::as_const(b.statements))
            if (const QString words = SqlScriptSplitter::transactionControl(statement, dialect); !words.isEmpty())
                return std::unexpected(SqlScriptSplitter::transactionControlError(words, where));
    }
    return {};
}

} // namespace

QStringList MigrationPlan::statements() const
{
    QStringList out;
    for (const MigrationStep &s : steps)
        for (const SqlBatch &b : s.batches)
            out << b.statements;
    return out;
}

QString MigrationPlan::script() const
{
    QString out = QStringLiteral("-- %1 %2\n").arg(recordOnly ? QStringLiteral("record") : forward ? QStringLiteral("apply") : QStringLiteral("roll back"),
                                                 migration->id);
    if (recordOnly)
        out += QStringLiteral("-- nothing to run: every migration it replaces is applied; recorded as applied (%1)\n")
                   .arg(migration->replaces.join(QStringLiteral(", ")));
    if (!migration->transactional && !recordOnly)
        out += QStringLiteral("-- non-transactional: runs statement by statement\n");
    for (const MigrationStep &s : steps) {
        out += QStringLiteral("-- %1\n").arg(s.label);
        for (const SqlBatch &b : s.batches) {
            if (b.foreignKeysOff)
                out += QStringLiteral("-- (SQLite table rebuild: runs with PRAGMA foreign_keys=OFF, set before the transaction)\n");
            for (const QString &st : b.statements)
                out += st + QStringLiteral(";\n");
        }
    }
    for (const Migration *m : alsoRecord)
        out += QStringLiteral("-- records %1 as applied too: every migration it replaces is applied now\n").arg(m->id);
    if (!alsoRemove.isEmpty())
        out += QStringLiteral("-- removes the history rows of %1 too\n").arg(alsoRemove.join(QStringLiteral(", ")));
    return out;
}

bool MigrationPlan::anyForeignKeysOff() const
{
    for (const MigrationStep &s : steps)
        for (const SqlBatch &b : s.batches)
            if (b.foreignKeysOff)
                return true;
    return false;
}

MigrationPlanner::MigrationPlanner(Dialect dialect, const QList<Migration> &ordered, int sqliteVersion, const QString &devUrl)
    : m_dialect(dialect), m_ordered(ordered), m_generator(SqlGenerator::create(dialect)), m_devUrl(devUrl)
{
    if (sqliteVersion > 0)
        m_generator->setSqliteVersion(sqliteVersion);
    m_generator->setFillsNulls(true);
    m_cursor.dialect = dialect;
    for (qsizetype i = 0; i < m_ordered.size(); ++i) {
        m_position.insert(m_ordered.at(i).id, i);
        m_incremental = m_incremental && (dialect == Dialect::SQLite || !m_ordered.at(i).isSql());
    }
}

MigrationPlanner::~MigrationPlanner() = default;

Result<MigrationPlan> MigrationPlanner::plan(const Migration &m, bool forward)
{
    MigrationPlan p;
    p.migration = &m;
    p.forward = forward;
    if (m.isSql()) {
        if (!forward && !m.hasDown)
            return fail(Error::Category::Unsupported,
                        QStringLiteral("migration %1 cannot be rolled back: its file has no '-- covet:down' section. Nothing was run; "
                                       "add a down section, or roll back to a later migration")
                            .arg(m.id),
                        m.sourcePath);
        const QString text = forward ? m.upSql : m.downSql;
        const int base = forward ? m.upLine : m.downLine;
        auto stmts = SqlScriptSplitter::split(text, m_dialect);
        if (!stmts)
            return std::unexpected(stmts.error().withContext(m.sourcePath));
        std::shared_ptr<const Schema> known;
        if (forward) {
            if (auto b = schemaBefore(m.id))
                known = std::make_shared<const Schema>(*b);
        } else {
            known = schemaAfter(m.id);
        }
        // A section wrapped whole in BEGIN ... COMMIT runs in Covet's own
        // transaction without the two; any other transaction control is refused.
        if (m.transactional && stmts->size() >= 2) {
            QStringList ends{stmts->first().sql, stmts->last().sql};
            if (SqlScriptSplitter::dropTransactionWrapper(ends, m_dialect)) {
                stmts->removeFirst();
                stmts->removeLast();
            }
        }
        int n = 0;
        for (const auto &s : *stmts) {
            ++n;
            if (const QString words = SqlScriptSplitter::transactionControl(s.sql, m_dialect); !words.isEmpty())
                return std::unexpected(SqlScriptSplitter::transactionControlError(words, QStringLiteral("%1:%2").arg(m.sourcePath).arg(base + s.line - 1)));
            MigrationStep step;
            // The file's name, not its path: the label is shown in progress lines, dry runs, risk reports and the audit.
            step.label = QStringLiteral("statement %1 (%2:%3)").arg(n).arg(QFileInfo(m.sourcePath).fileName()).arg(base + s.line - 1);
            step.batches = {SqlBatch{{s.sql}, false}};
            step.rawSql = true;
            step.before = known;
            p.steps << step;
        }
        return p;
    }
    auto before = schemaBefore(m.id);
    if (!before)
        return std::unexpected(before.error());
    QList<std::shared_ptr<const Schema>> states{std::make_shared<const Schema>(std::move(*before))};
    for (const Operation &op : m.operations) {
        // using: converts a type's values; with the type unchanged no
        // server runs it (nothing would change while Covet said it had).
        if (const auto *a = std::get_if<AlterColumn>(&op); a && !a->usingExpr.trimmed().isEmpty() && a->before.type.equivalent(a->after.type))
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("alter_column %1.%2: using: converts the values of a type change, and the type stays %3, so it "
                                       "would not run; write a change of values as run_sql (UPDATE ...)")
                            .arg(a->table, a->before.name, a->before.type.canonicalName()),
                        m.sourcePath);
        Schema next = *states.last();
        if (auto st = OperationApplier::apply(next, op); !st)
            return std::unexpected(st.error().withContext(QStringLiteral("%1: %2").arg(m.sourcePath, OperationDescriber::describe(op))));
        states << std::make_shared<const Schema>(std::move(next));
    }
    passCursor(m.id, *states.last());
    if (forward)
        if (Status st = checkNameLengths(m_dialect, m.operations, *states.first(), *states.last(), m.sourcePath); !st)
            return std::unexpected(st.error());
    const qsizetype count = m.operations.size();
    // One step per operation, except that consecutive operations sharing
    // one SQLite table rebuild are one step (one rebuild, not one each).
    auto groups = m_generator->renderGroups(m.operations, *states.first(), true);   // applied above
    if (!groups)
        return std::unexpected(groups.error().withContext(m.sourcePath));
    for (qsizetype k = 0; k < groups->size(); ++k) {
        const OperationGroup &g = groups->at(forward ? k : groups->size() - 1 - k);
        const OperationList ops = m.operations.mid(g.first, g.count);
        const QString label = stepLabel(g.first, g.count, count, ops);
        // The undo: the reverses of the group's operations, newest first,
        // rendered on the schema after the group (again one rebuild).
        std::optional<QList<SqlBatch>> back;
        OperationList rev;
        QString irreversible;
        for (qsizetype j = g.count - 1; j >= 0 && irreversible.isEmpty(); --j) {
            auto r = OperationReverser::reverse(ops.at(j), *states.at(g.first + j));
            if (r)
                rev << *r;
            else
                irreversible = r.error().message();
        }
        if (irreversible.isEmpty()) {
            auto r = m_generator->renderBatches(rev, *states.at(g.first + g.count));
            if (r)
                back = *r;
        }
        MigrationStep step;
        for (const Operation &op : ops) {
            for (const QString &t : tablesOf(op))
                if (!step.tables.contains(t))
                    step.tables << t;
            step.rawSql = step.rawSql || std::holds_alternative<RunSql>(op);
        }
        const QString where = QStringLiteral("%1, %2").arg(m.sourcePath, label);
        if (back) {
            if (Status st = dropOrRefuseTransactionControl(*back, m_dialect, m.transactional, where); !st) {
                if (!forward)
                    return std::unexpected(st.error());
                back.reset();   // no undo of its own then: a failure records what is in effect instead
            }
        }
        if (forward) {
            step.label = label;
            step.operations = ops;
            step.before = states.at(g.first);
            step.batches = g.batches;
            if (Status st = dropOrRefuseTransactionControl(step.batches, m_dialect, m.transactional, where); !st)
                return std::unexpected(st.error());
            tighten(ops, step, step.batches);
            if (back)
                tighten(rev, step, *back);
            step.undo = back;
        } else {
            if (!irreversible.isEmpty())
                return fail(Error::Category::Unsupported,
                            QStringLiteral("migration %1 cannot be rolled back: %2 is irreversible (%3). Nothing was run; "
                                           "give it reverse SQL, or roll back to a later migration")
                                .arg(m.id, label, irreversible),
                            m.sourcePath);
            if (!back)
                return fail(Error::Category::Unsupported,
                            QStringLiteral("migration %1 cannot be rolled back: the reverse of %2 cannot be written in %3. Nothing was run")
                                .arg(m.id, label, dialectName(m_dialect)),
                            m.sourcePath);
            step.label = QStringLiteral("undo of ") + label;
            step.operations = rev;
            step.before = states.at(g.first + g.count);
            step.batches = *back;
            tighten(rev, step, step.batches);
            QList<SqlBatch> redo = g.batches;
            if (dropOrRefuseTransactionControl(redo, m_dialect, m.transactional, where)) {
                tighten(ops, step, redo);
                step.undo = redo;
            }
        }
        for (MigrationPrecondition &c : step.preconditions) {
            c.migrationId = m.id;
            c.stepLabel = step.label;
        }
        p.steps << step;
    }
    return p;
}

QString MigrationPlanner::stepLabel(qsizetype first, qsizetype n, qsizetype count, const OperationList &ops)
{
    if (n == 1)
        return QStringLiteral("operation %1 of %2 (%3)").arg(first + 1).arg(count).arg(OperationDescriber::describe(ops.first()));
    QStringList what;
    for (const Operation &op : ops)
        what << OperationDescriber::describe(op);
    return QStringLiteral("operations %1 to %2 of %3, in one table rebuild (%4)")
        .arg(first + 1)
        .arg(first + n)
        .arg(count)
        .arg(what.join(QStringLiteral("; ")));
}

void MigrationPlanner::tighten(const OperationList &ops, MigrationStep &step, QList<SqlBatch> &batches) const
{
    QStringList fills;
    const bool direct = &batches == &step.batches;   // preconditions belong to the step's own direction
    // SQLite tightens by a table rebuild, whose copy fills the NULLs
    // (SqlGenerator::fillsNulls): no UPDATE pass of its own.
    const bool copyFills = m_dialect == Dialect::SQLite;
    for (const Operation &op : ops) {
        if (const QString fill = MigrationPrecondition::fillStatement(op, *m_generator); !fill.isEmpty() && !copyFills)
            fills << fill;
        if (direct)
            step.preconditions << MigrationPrecondition::forOperation(op, *m_generator);
    }
    if (fills.isEmpty())
        return;
    if (batches.isEmpty())
        batches << SqlBatch{};
    batches.first().statements = fills + batches.first().statements;
}

RunPreconditions MigrationPlanner::preconditions(const QList<MigrationPlan> &plans) const
{
    RunPreconditions out;
    QList<const MigrationStep *> earlier;
    auto touched = [&](const QString &table) {
        for (const MigrationStep *s : std::as_const(earlier)) {
            if (s->tables.contains(table, Qt::CaseInsensitive))
                return true;
            if (s->rawSql)
                for (const SqlBatch &b : s->batches)
                    for (const QString &st : b.statements)
                        if (st.contains(table, Qt::CaseInsensitive))   // wide on purpose: a false hit only defers the check
                            return true;
        }
        return false;
    };
    for (const MigrationPlan &p : plans) {
        // Nothing of the run is committed before the first migration's
        // transaction ends: its step's own failure changes nothing.
        const bool first = &p == &plans.first() && p.migration->transactional && DialectCapabilities::of(m_dialect).transactionalDdl;
        for (const MigrationStep &s : p.steps) {
            for (const MigrationPrecondition &c : s.preconditions) {
                if (touched(c.table))
                    out.whenReached << c;
                else if (first && c.enforcedByStep)
                    out.byStep << c;
                else
                    out.beforeRun << c;
            }
            earlier << &s;
        }
    }
    return out;
}

std::optional<Result<Schema>> MigrationPlanner::fromCursor(const QString &id)
{
    if (m_replayed || !m_incremental)
        return std::nullopt;
    if (id == m_lastId)
        return m_lastBefore;
    const qsizetype at = m_position.value(id, -1);
    if (at < m_cursorAt)
        return std::nullopt;
    if (m_cursorAt == 0 && m_lastId.isEmpty())
        ++m_replays;   // the cursor's one pass over the history
    while (!m_cursorBroken && m_cursorAt < at) {
        if (Status st = HistoryReplay::apply(m_cursor, m_ordered.at(m_cursorAt), m_dialect, m_devUrl); !st)
            m_cursorBroken = st.error();
        else
            ++m_cursorAt;
    }
    if (m_cursorBroken)
        return std::unexpected(m_cursorBroken->withContext(QStringLiteral("planning %1 needs the schema before it").arg(id)));
    m_lastId = id;
    m_lastBefore = m_cursor;
    return m_cursor;
}

void MigrationPlanner::passCursor(const QString &id, const Schema &after)
{
    if (m_replayed || !m_incremental || m_cursorBroken || m_cursorAt >= m_ordered.size() || m_ordered.at(m_cursorAt).id != id)
        return;
    m_cursor = after;
    m_cursor.dialect = m_dialect;
    ++m_cursorAt;
}

Result<Schema> MigrationPlanner::schemaBefore(const QString &id)
{
    if (auto fast = fromCursor(id))
        return std::move(*fast);
    if (!m_replayed)
        replay();
    if (const auto u = m_unknown.constFind(id); u != m_unknown.cend())
        return std::unexpected(u->withContext(QStringLiteral("planning %1 needs the schema before it").arg(id)));
    if (!m_before.contains(id))
        return fail(Error::Category::Internal, QStringLiteral("migration %1 is not in the replayed history").arg(id));
    return m_before.value(id);
}

std::shared_ptr<const Schema> MigrationPlanner::schemaAfter(const QString &id)
{
    if (!m_replayed)
        replay();
    return m_after.value(id);
}

void MigrationPlanner::replay()
{
    ++m_replays;
    m_replayed = true;
    ReplayedHistory h = HistoryReplay::replayAll(m_ordered, m_dialect, m_devUrl);
    m_before = std::move(h.before);
    m_unknown = std::move(h.unknown);
    // A plain SQL migration's rollback starts from the schema after it: the
    // one before the migration that follows it (when known).
    for (qsizetype i = 0; i + 1 < m_ordered.size(); ++i) {
        const Migration &m = m_ordered.at(i);
        const QString next = m_ordered.at(i + 1).id;
        if (m.isSql() && m_before.contains(next))
            m_after.insert(m.id, std::make_shared<const Schema>(m_before.value(next)));
    }
}

} // namespace covet
