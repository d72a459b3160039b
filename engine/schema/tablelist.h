#pragma once

#include "table.h"

#include <QList>
#include <QSharedData>
#include <QSharedDataPointer>

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <type_traits>
#include <utility>

namespace covet {

// The tables of a Schema: a list in which every table is shared on its own
// (issue 20). Copying the list shares the tables; changing one table through
// the list copies that table and the list's pointers, never the other
// tables. The planner keeps the schema as it stands after every step, so a
// change of one table per step cost a copy of every table (O(tables) of
// deep copies a step, 17 % of `covet migrate` on 2,000 migrations) before.
//
// Its interface is QList<Table>'s for what the engine uses. Non-const
// access (operator[], first(), a non-const iterator's *) gives a table of
// this list alone, copying it first if another list shares it; const access
// never copies. So:
// - a reference from non-const access stays valid and current until that
//   table is removed (appends and changes of other tables do not move it);
// - a reference from const access reads the node as it is: if that table is
//   shared and later changed through this list, the reference still shows
//   the other list's (unchanged) copy, and dangles once that list is gone.
//   With QList any non-const access made every table the list's own; here
//   only the table written to. Code that keeps const pointers while it
//   changes tables calls detach() first (the Differ does).
// - iterating a non-const list (range-for over schema.tables) copies every
//   shared table it visits: read through std::as_const to find, then write.
class TableList
{
    struct Node : QSharedData
    {
        Table table;
        explicit Node(const Table &t) : table(t) {}
        explicit Node(Table &&t) : table(std::move(t)) {}
    };
    using Nodes = QList<QSharedDataPointer<Node>>;

    template <bool Const>
    class Iter
    {
        using Base = std::conditional_t<Const, Nodes::const_iterator, Nodes::iterator>;
        Base m_it{};
        friend class TableList;
        friend class Iter<!Const>;

    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = Table;
        using difference_type = qsizetype;
        using reference = std::conditional_t<Const, const Table &, Table &>;
        using pointer = std::conditional_t<Const, const Table *, Table *>;

        Iter() = default;
        explicit Iter(Base it) : m_it(it) {}
        template <bool C = Const, typename = std::enable_if_t<C>>
        Iter(const Iter<false> &other) : m_it(other.m_it) {}

        reference operator*() const { return (*m_it)->table; }
        pointer operator->() const { return &(*m_it)->table; }
        reference operator[](difference_type n) const { return m_it[n]->table; }
        Iter &operator++() { ++m_it; return *this; }
        Iter operator++(int) { Iter old = *this; ++m_it; return old; }
        Iter &operator--() { --m_it; return *this; }
        Iter operator--(int) { Iter old = *this; --m_it; return old; }
        Iter &operator+=(difference_type n) { m_it += n; return *this; }
        Iter &operator-=(difference_type n) { m_it -= n; return *this; }
        friend Iter operator+(Iter it, difference_type n) { return it += n; }
        friend Iter operator+(difference_type n, Iter it) { return it += n; }
        friend Iter operator-(Iter it, difference_type n) { return it -= n; }
        friend difference_type operator-(const Iter &a, const Iter &b) { return a.m_it - b.m_it; }
        friend bool operator==(const Iter &a, const Iter &b) { return a.m_it == b.m_it; }
        friend bool operator<(const Iter &a, const Iter &b) { return a.m_it < b.m_it; }
        friend bool operator>(const Iter &a, const Iter &b) { return a.m_it > b.m_it; }
        friend bool operator<=(const Iter &a, const Iter &b) { return a.m_it <= b.m_it; }
        friend bool operator>=(const Iter &a, const Iter &b) { return a.m_it >= b.m_it; }
    };

    Nodes m;

public:
    using value_type = Table;
    using size_type = qsizetype;
    using difference_type = qsizetype;
    using reference = Table &;
    using const_reference = const Table &;
    using iterator = Iter<false>;
    using const_iterator = Iter<true>;

    TableList() = default;
    TableList(std::initializer_list<Table> tables);
    TableList(const QList<Table> &tables);   // NOLINT: a list of tables is a TableList
    TableList(QList<Table> &&tables);        // NOLINT

    qsizetype size() const { return m.size(); }
    bool isEmpty() const { return m.isEmpty(); }

    const Table &at(qsizetype i) const { return m.at(i)->table; }
    const Table &operator[](qsizetype i) const { return m.at(i)->table; }
    Table &operator[](qsizetype i) { return m[i]->table; }
    const Table &first() const { return m.first()->table; }
    Table &first() { return m.first()->table; }
    const Table &last() const { return m.last()->table; }
    Table &last() { return m.last()->table; }

    iterator begin() { return iterator(m.begin()); }
    iterator end() { return iterator(m.end()); }
    const_iterator begin() const { return const_iterator(m.cbegin()); }
    const_iterator end() const { return const_iterator(m.cend()); }
    const_iterator cbegin() const { return const_iterator(m.cbegin()); }
    const_iterator cend() const { return const_iterator(m.cend()); }

    void append(const Table &t) { m.append(QSharedDataPointer<Node>(new Node(t))); }
    void append(Table &&t) { m.append(QSharedDataPointer<Node>(new Node(std::move(t)))); }
    TableList &operator<<(const Table &t) { append(t); return *this; }
    TableList &operator<<(Table &&t) { append(std::move(t)); return *this; }

    template <typename Predicate>
    qsizetype removeIf(Predicate pred)
    {
        return m.removeIf([&pred](const QSharedDataPointer<Node> &n) { return pred(std::as_const(n)->table); });
    }

    // The index of the first table `pred` holds for, reading only; -1 if none.
    template <typename Predicate>
    qsizetype indexWhere(Predicate pred) const
    {
        for (qsizetype i = 0; i < m.size(); ++i)
            if (pred(m.at(i)->table))
                return i;
        return -1;
    }

    // Orders the tables by `less` moving pointers, not tables.
    template <typename Less>
    void sort(Less less)
    {
        std::sort(m.begin(), m.end(), [&less](const QSharedDataPointer<Node> &a, const QSharedDataPointer<Node> &b) {
            return less(std::as_const(a)->table, std::as_const(b)->table);
        });
    }

    // Makes every table this list's alone, so that no later non-const
    // access moves one (for code that keeps pointers to them).
    void detach();


    friend bool operator==(const TableList &a, const TableList &b);
};

} // namespace covet
