#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace covet {

// The shapes of real column renames learned from migration histories (the
// training part of tests/diff/data/mined, by scripts/learn-rename-lexicon.py;
// the table is generated into learnedrenameshapes.cpp). A shape is the words
// a rename removes and adds ("date>at" for start_date -> start_at), kept when
// true renames of two or more projects show it and no drop-and-add pair of
// the training cases does.
class LearnedRenameShapes
{
public:
    struct Shape
    {
        const char *key;   // "removed_words>added_words"
        int projects;      // training projects whose renames show it
        int renames;       // training renames that show it
    };

    // The learned shape of from -> to, or nullptr.
    static const Shape *find(const QString &from, const QString &to);
    // The split the learning script uses: separators, case changes, digits.
    static QStringList words(const QString &name);
    static QString key(const QString &from, const QString &to);

private:
    static const std::vector<Shape> &shapes();   // generated
};

} // namespace covet
