#pragma once

#include <QEvent>
#include <QHash>
#include <QLabel>

namespace covet {

// A word-wrapped, selectable label for long texts (a risk summary, what a
// backup keeps, what a rollback will do). QLabel lays its text out again on
// every heightForWidth() call, and a window's layout pass asks several
// widths of every label in every page, hidden ones too: with a few such
// texts of a thousand characters the 2,000-table benchmark held the GUI
// thread for 130–400 ms after each run. This one remembers the height per
// width until its text, font or style changes.
class WrappedLabel : public QLabel
{
public:
    explicit WrappedLabel(QWidget *parent = nullptr) : QLabel(parent)
    {
        setWordWrap(true);
        setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    int heightForWidth(int width) const override
    {
        if (text() != m_text) {
            m_heights.clear();
            m_text = text();
        }
        auto it = m_heights.constFind(width);
        if (it == m_heights.cend())
            it = m_heights.insert(width, QLabel::heightForWidth(width));
        return *it;
    }

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
            m_heights.clear();
        QLabel::changeEvent(event);
    }

private:
    mutable QString m_text;
    mutable QHash<int, int> m_heights;
};

} // namespace covet
