#pragma once

#include "../core/error.h"
#include "../schema/schema.h"
#include "backfillhint.h"
#include "renamehint.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace covet {

// A models file: the desired schema written declaratively in YAML by the
// DBA (our counterpart of ORM model definitions). The format is described in
// docs/models-file.md. Every error names file:line and what to do.
class ModelsFile
{
public:
    static constexpr int kVersion = 1;

    static Result<ModelsFile> read(const QString &path);
    static Result<ModelsFile> parse(const QByteArray &text, const QString &sourceName);

    // A models file for the schema (what `covet inspect --format yaml`
    // prints). parse(write(s)).schema() equals s after s.canonicalize().
    static QByteArray write(const Schema &schema);

    // The schema, canonicalized (Schema::canonicalize()); columns keep the
    // order of the file.
    const Schema &schema() const { return m_schema; }
    // The renamed_from hints, in file order.
    QList<RenameHint> renameHints() const { return m_hints; }
    // The backfill expressions of columns, in file order.
    QList<BackfillHint> backfills() const { return m_backfills; }
    QString sourceName() const { return m_source; }

private:
    Schema m_schema;
    QList<RenameHint> m_hints;
    QList<BackfillHint> m_backfills;
    QString m_source;
};

} // namespace covet
