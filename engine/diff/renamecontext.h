#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace covet {

// What the rest of one change says about a table's column renames (see
// docs/rename-detection.md, "Evidence from the whole change"):
//  - the tables renamed in the same change, so that a foreign key to
//    `posts` and one to `items` are the same reference when posts -> items,
//    and `post_id -> item_id` follows that rename;
//  - the name transformations (words removed -> words added) that several
//    candidate pairs of the change share: the same rename repeated in
//    several places is far stronger evidence than one pair alone.
struct RenameContext
{
    // tableKey(schema, old name) -> new name, for the accepted table renames.
    QHash<QString, QString> tableRenames;
    // RenameDetector::transformKey() -> how many candidate pairs of the change
    // share it (only keys shared by two or more are kept).
    QHash<QString, int> repeatedTransforms;

    static QString tableKey(const QString &schema, const QString &name) { return schema + u'\x1f' + name; }
    bool isEmpty() const { return tableRenames.isEmpty() && repeatedTransforms.isEmpty(); }
};

} // namespace covet
