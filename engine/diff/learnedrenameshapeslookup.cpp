#include "learnedrenameshapes.h"

#include <QHash>

namespace covet {

QStringList LearnedRenameShapes::words(const QString &name)
{
    // As scripts/learn-rename-lexicon.py: a boundary before an upper-case
    // letter that follows a lower-case one or a digit, inside an acronym
    // before its last capital, and between letters and digits.
    QStringList out;
    QString cur;
    auto flush = [&] {
        if (!cur.isEmpty())
            out << cur.toLower();
        cur.clear();
    };
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (!c.isLetterOrNumber() || c.unicode() > 127) {
            flush();
            continue;
        }
        if (!cur.isEmpty()) {
            const QChar p = name.at(i - 1);
            const bool next = i + 1 < name.size() && name.at(i + 1).isLower();
            if ((c.isUpper() && (p.isLower() || p.isDigit())) || (c.isUpper() && p.isUpper() && next)
                || (c.isDigit() != p.isDigit()))
                flush();
        }
        cur += c;
    }
    flush();
    return out;
}

QString LearnedRenameShapes::key(const QString &from, const QString &to)
{
    const QStringList a = words(from);
    QStringList added = words(to), removed;
    for (const QString &w : a)
        if (!added.removeOne(w))
            removed << w;
    if (removed.isEmpty() && added.isEmpty())
        return {};
    return removed.join(u'_') + u'>' + added.join(u'_');
}

const LearnedRenameShapes::Shape *LearnedRenameShapes::find(const QString &from, const QString &to)
{
    static const QHash<QString, const Shape *> index = [] {
        QHash<QString, const Shape *> h;
        for (const Shape &s : shapes())
            h.insert(QString::fromLatin1(s.key), &s);
        return h;
    }();
    if (index.isEmpty())
        return nullptr;
    return index.value(key(from, to), nullptr);
}

} // namespace covet
