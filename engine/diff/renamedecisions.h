#pragma once

#include "renamecandidate.h"

#include "../core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace covet {

// The rename decisions a person made: pairs accepted or rejected, whatever
// their score. Read and written by the CLI (`--renames FILE`) and the GUI.
// The file is YAML:
//
//   version: 1
//   renames:
//     - {kind: column, schema: public, table: users, from: created, to: created_at, decision: accept}
//     - {kind: table, from: auth_user, to: users, decision: reject}
//
// `schema` is optional (the default namespace); `table` is the column's table
// name in the new schema and is not used for tables.
class RenameDecisions
{
public:
    enum class Verdict { Accept, Reject };

    struct Entry
    {
        RenameCandidate::Kind kind = RenameCandidate::Kind::Column;
        QString schema;
        QString table;
        QString from;
        QString to;
        Verdict verdict = Verdict::Accept;
        bool operator==(const Entry &) const = default;
    };

    static Result<RenameDecisions> read(const QString &path);
    static Result<RenameDecisions> parse(const QByteArray &text, const QString &sourceName);
    QByteArray write() const;
    // Writes atomically (QSaveFile).
    Status save(const QString &path) const;
    // Adds other's entries, replacing the verdict of pairs already here.
    void merge(const RenameDecisions &other);
    // Merges `answers` into the decisions file at path (created when it does
    // not exist; its other entries are kept) and saves it. A file that
    // cannot be read is left untouched and reported.
    static Status mergeInto(const QString &path, const RenameDecisions &answers);

    void set(const RenameCandidate &c, Verdict v);
    void remove(const RenameCandidate &c);
    std::optional<Verdict> verdict(const RenameCandidate &c) const;

    // Entries sorted by kind, schema, table, from, to.
    QList<Entry> entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }

    bool operator==(const RenameDecisions &) const = default;

private:
    static Entry keyOf(const RenameCandidate &c);
    qsizetype find(const Entry &key) const;
    void insertSorted(const Entry &e);
    void setEntry(const Entry &e);

    QList<Entry> m_entries;
};

QString verdictName(RenameDecisions::Verdict v);   // "accept", "reject"

} // namespace covet
