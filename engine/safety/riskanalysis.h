#pragma once

// The risk analysis's working parts, shared by riskanalyzer.cpp (tables,
// raw SQL, the counts) and riskanalyzercolumns.cpp (what a column change
// does to values). Internal to the engine: RiskAnalyzer is the interface.

#include "riskanalyzer.h"

#include "livedata.h"
#include "nametracker.h"

#include <functional>

namespace covet::riskdetail {

// One finding waiting for the counts.
struct Pending
{
    RiskFinding finding;
    int rowsCount = -1;       // LiveData::count index: rows of the table
    int affectedCount = -1;   // LiveData::count index: what is lost or rejected
    struct Dependent
    {
        QString text;         // "order_items.order_id (ON DELETE CASCADE)"
        int count = -1;       // rows that reference
    };
    QList<Dependent> dependents;
    std::optional<DataAtStake> stake;   // kept when something is at stake
    // Sets level and reason from the counts (-1: not known).
    std::function<void(RiskFinding &, qint64 rows, qint64 affected)> grade;
};

inline RiskLevel byRows(qint64 rows)
{
    if (rows == 0)
        return RiskLevel::Low;
    if (rows < 0 || rows < RiskAnalyzer::largeTableRows)
        return RiskLevel::Medium;
    return RiskLevel::High;
}

// Calls add(schema, name) for every table with a foreign key to `table`.
template <typename Add>
inline void referrers(const Schema &schema, const QString &ns, const QString &table, Add &&add)
{
    for (const Table &t : schema.tables)
        for (const ForeignKey &fk : t.foreignKeys)
            if (fk.refTable.compare(table, Qt::CaseInsensitive) == 0 && fk.refSchema == ns)
                add(t.schema, t.name);
}

class Analysis
{
public:
    Analysis(const DialectCapabilities &caps, LiveData *live, bool forward) : m_caps(caps), m_live(live), m_forward(forward) {}

    void collectTables(const QList<PlannedStep> &steps, QList<QPair<QString, QString>> &out);
    void judge(const QList<PlannedStep> &steps);
    RiskReport finish(int statements);

private:
    void judgeStep(const PlannedStep &step);
    void judgeOperation(const PlannedStep &step, const Operation &op, const Schema &before);
    void judgeRaw(const PlannedStep &step, const QString &statement, const Schema *before);
    void dropTable(const PlannedStep &step, const QString &schema, const QString &name, const Schema &before, const QString &rule,
                   const QString &how);
    void dropColumn(const PlannedStep &step, const QString &schema, const QString &table, const QString &column, const Schema *before,
                    const QString &rule, const QString &how);
    void dependentsOf(Pending &p, const Schema &before, const QString &schema, const QString &table, const QString &column);
    void lockNotes(const PlannedStep &step, const Operation &op, const Schema &before);
    void narrowing(const PlannedStep &step, const AlterColumn &op, const Schema &before);
    void enumValuesRemoved(const PlannedStep &step, const AlterEnum &op, const Schema &before);
    // NOT NULL on a column with NULLs: refused without a default, the NULLs overwritten with one.
    void notNull(const PlannedStep &step, const AlterColumn &op, const Schema &before);
    // A using: expression (PostgreSQL, SQLite) gives every value a new one: data destroyed, backed up.
    void usingRewrites(const PlannedStep &step, const AlterColumn &op, const Schema &before);
    // A unique constraint or index over columns whose rows already share values: the step fails on the data.
    void uniqueOnDuplicates(const PlannedStep &step, const QString &schema, const QString &table, const QStringList &columns,
                            const QString &what);
    Pending start(const PlannedStep &step, const QString &rule, const QString &schema, const QString &table, const QString &column = {});
    // Queues a count on the live table behind `table` (named as it is at the step); -1 when it is not live.
    int count(const QString &schema, const QString &table, const QString &where = {}, const QVariantList &binds = {});
    std::optional<QString> liveColumn(const QString &schema, const QString &table, const QString &column) const;
    // A column this run adds (its table or itself not in the database yet): it holds nothing of the database's.
    bool addedByRun(const QString &schema, const QString &table, const QString &column) const;
    bool isLive(const QString &schema, const QString &table) const;
    // The table's primary key as the step sees it (replayed from the files; for a table no
    // migration made, or a plain SQL step, from the live catalog). Empty: none or not known.
    QStringList keyFor(const Schema *before, const QString &schema, const QString &table) const;

    DialectCapabilities m_caps;
    LiveData *m_live;
    bool m_forward;
    NameTracker m_names;
    QList<Pending> m_pending;
};

} // namespace covet::riskdetail
