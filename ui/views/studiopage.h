#pragma once

#include <QWidget>

namespace covet {

// A Covet Studio view as a page of the main window's tabs. QStackedLayout
// asks every page, hidden ones too, for its height at a width on each
// layout pass of the window, and a view answers by laying out each of its
// word-wrapped labels again (the risk summary, the backup and rollback
// texts): on the 2,000-table benchmark that held the GUI thread for
// 130–350 ms after every run. A view fills its tab, so its height never
// depends on its width: it says so, and the pass costs nothing.
class StudioPage : public QWidget
{
public:
    using QWidget::QWidget;
    bool hasHeightForWidth() const override { return false; }
    int heightForWidth(int) const override { return -1; }
};

} // namespace covet
