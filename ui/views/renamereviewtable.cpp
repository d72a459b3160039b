#include "renamereviewtable.h"

#include "models/renamecandidatemodel.h"

#include <QHeaderView>

namespace covet {

RenameReviewTable::RenameReviewTable(RenameCandidateModel *model, QWidget *parent) : QTableView(parent)
{
    setObjectName(QStringLiteral("renameTable"));
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(true);
    setTextElideMode(Qt::ElideRight);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *columns = horizontalHeader();
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(RenameCandidateModel::ReasonsColumn, QHeaderView::Stretch);
}

int RenameReviewTable::heightFor(int rows) const
{
    return horizontalHeader()->sizeHint().height() + rows * verticalHeader()->defaultSectionSize() + 2 * frameWidth();
}

QSize RenameReviewTable::sizeHint() const
{
    return {QTableView::sizeHint().width(), heightFor(shownRows())};
}

QSize RenameReviewTable::minimumSizeHint() const
{
    return {QTableView::minimumSizeHint().width(), heightFor(shownRows())};
}

} // namespace covet
