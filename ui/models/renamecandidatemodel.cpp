#include "renamecandidatemodel.h"

#include "app/studiostyle.h"

#include <QColor>
#include <QHash>
#include <QIcon>

namespace covet {

namespace {

bool samePair(const RenameCandidate &a, const RenameCandidate &b)
{
    return a.kind == b.kind && a.schema == b.schema && a.table == b.table && a.from == b.from && a.to == b.to;
}

QString factorName(const QString &key)
{
    // The engine's factor keys, as a person reads them.
    static const QHash<QString, const char *> names = {
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("RenameCandidateModel", "name")},
        {QStringLiteral("type"), QT_TRANSLATE_NOOP("RenameCandidateModel", "type")},
        {QStringLiteral("nullability"), QT_TRANSLATE_NOOP("RenameCandidateModel", "nullability")},
        {QStringLiteral("default"), QT_TRANSLATE_NOOP("RenameCandidateModel", "default")},
        {QStringLiteral("unique"), QT_TRANSLATE_NOOP("RenameCandidateModel", "unique")},
        {QStringLiteral("foreign_key"), QT_TRANSLATE_NOOP("RenameCandidateModel", "foreign key")},
        {QStringLiteral("position"), QT_TRANSLATE_NOOP("RenameCandidateModel", "position")},
        {QStringLiteral("column_overlap"), QT_TRANSLATE_NOOP("RenameCandidateModel", "column overlap")},
        {QStringLiteral("structure"), QT_TRANSLATE_NOOP("RenameCandidateModel", "structure")},
        {QStringLiteral("context"), QT_TRANSLATE_NOOP("RenameCandidateModel", "context")},
    };
    const auto it = names.find(key);
    return it == names.end() ? key : RenameCandidateModel::tr(*it);
}

} // namespace

RenameCandidateModel::RenameCandidateModel(QObject *parent) : QAbstractTableModel(parent) {}

QString RenameCandidateModel::reasonsText(const RenameCandidate &c)
{
    QStringList parts;
    for (auto it = c.reasons.begin(); it != c.reasons.end(); ++it)
        parts << tr("%1 %2%").arg(factorName(it.key())).arg(qRound(it.value() * 100));
    return parts.join(QStringLiteral(", "));
}

void RenameCandidateModel::setCandidates(const QList<RenameCandidate> &candidates)
{
    bool same = candidates.size() == m_candidates.size();
    for (qsizetype i = 0; same && i < candidates.size(); ++i)
        same = samePair(candidates.at(i), m_candidates.at(i));
    if (!same) {
        beginResetModel();
        m_candidates = candidates;
        endResetModel();
        return;
    }
    m_candidates = candidates;
    if (!m_candidates.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RenameCandidateModel::setDecisions(const RenameDecisions &decisions)
{
    m_decisions = decisions;
}

bool RenameCandidateModel::setVerdict(int row, RenameDecisions::Verdict verdict)
{
    if (row < 0 || row >= m_candidates.size())
        return false;
    RenameCandidate &c = m_candidates[row];
    m_decisions.set(c, verdict);
    c.accepted = verdict == RenameDecisions::Verdict::Accept;
    c.source = RenameCandidate::Source::Decision;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit decisionsChanged();
    return true;
}

int RenameCandidateModel::rowOf(const QString &table, const QString &from, const QString &to) const
{
    for (int r = 0; r < m_candidates.size(); ++r) {
        const RenameCandidate &c = m_candidates.at(r);
        if (c.table == table && c.from == from && c.to == to)
            return r;
    }
    return -1;
}

int RenameCandidateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_candidates.size());
}

int RenameCandidateModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RenameCandidateModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_candidates.size())
        return {};
    const RenameCandidate &c = m_candidates.at(index.row());
    const bool isTable = c.kind == RenameCandidate::Kind::Table;
    if (role == ScoreRole)
        return c.score;
    if (role == AcceptedRole)
        return c.accepted;
    if (role == Qt::ToolTipRole)
        return c.explanation.isEmpty() ? reasonsText(c) : c.explanation;
    switch (index.column()) {
    case DecisionColumn:
        if (role == Qt::CheckStateRole)
            return c.accepted ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::DisplayRole) {
            const QString verdict = c.accepted ? tr("accept") : tr("reject");
            switch (c.source) {
            case RenameCandidate::Source::Hint: return tr("%1 (hint)").arg(verdict);
            case RenameCandidate::Source::Decision: return tr("%1 (decided)").arg(verdict);
            case RenameCandidate::Source::Score: return tr("%1 (score)").arg(verdict);
            }
        }
        if (role == Qt::DecorationRole)
            return StudioStyle::icon(c.accepted ? "change-renamed" : "change-removed");
        break;
    case OldNameColumn:
        if (role == Qt::DisplayRole)
            return c.from;
        break;
    case NewNameColumn:
        if (role == Qt::DisplayRole)
            return c.to;
        break;
    case TableColumn:
        if (role == Qt::DisplayRole) {
            const QString table = isTable ? tr("(table)") : c.table;
            return c.schema.isEmpty() ? table : c.schema + u'.' + table;
        }
        break;
    case ScoreColumn:
        if (role == Qt::DisplayRole)
            return tr("%1%").arg(qRound(c.score * 100));
        if (role == Qt::EditRole)
            return c.score;
        break;
    case ReasonsColumn:
        if (role == Qt::DisplayRole)
            return reasonsText(c);
        break;
    default:
        break;
    }
    if (role == Qt::ForegroundRole && !c.accepted)
        return StudioStyle::textColor(StudioStyle::Tone::Muted);
    return {};
}

bool RenameCandidateModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != DecisionColumn || role != Qt::CheckStateRole)
        return false;
    const bool accept = value.toInt() == Qt::Checked;
    return setVerdict(index.row(), accept ? RenameDecisions::Verdict::Accept : RenameDecisions::Verdict::Reject);
}

Qt::ItemFlags RenameCandidateModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == DecisionColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant RenameCandidateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DecisionColumn: return tr("Decision");
    case OldNameColumn: return tr("Old name");
    case NewNameColumn: return tr("New name");
    case TableColumn: return tr("Table");
    case ScoreColumn: return tr("Score");
    case ReasonsColumn: return tr("Reasons");
    default: return {};
    }
}

} // namespace covet
