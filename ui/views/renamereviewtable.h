#pragma once

#include <QTableView>

namespace covet {

class RenameCandidateModel;

// The Diff view's rename review: one row per candidate pair. The decision,
// the names, the table and the score take the width they need; the reasons
// take the rest and wrap (the row grows) rather than being cut. It asks for
// room for shownRows() candidates, so a splitter never squeezes it to a few.
class RenameReviewTable : public QTableView
{
    Q_OBJECT

public:
    explicit RenameReviewTable(RenameCandidateModel *model, QWidget *parent = nullptr);

    static constexpr int shownRows() { return 5; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    int heightFor(int rows) const;
};

} // namespace covet
