#include "tablelist.h"

namespace covet {

TableList::TableList(std::initializer_list<Table> tables)
{
    m.reserve(qsizetype(tables.size()));
    for (const Table &t : tables)
        append(t);
}

TableList::TableList(const QList<Table> &tables)
{
    m.reserve(tables.size());
    for (const Table &t : tables)
        append(t);
}

TableList::TableList(QList<Table> &&tables)
{
    m.reserve(tables.size());
    for (Table &t : tables)
        append(std::move(t));
    tables.clear();
}

void TableList::detach()
{
    for (QSharedDataPointer<Node> &n : m)
        n.detach();
}

bool operator==(const TableList &a, const TableList &b)
{
    if (a.m.size() != b.m.size())
        return false;
    for (qsizetype i = 0; i < a.m.size(); ++i)
        if (a.m.at(i) != b.m.at(i) && a.m.at(i)->table != b.m.at(i)->table)
            return false;
    return true;
}

} // namespace covet
