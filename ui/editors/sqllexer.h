#pragma once

#include "schema/dialect.h"

#include <Qsci/qscilexersql.h>

#include <QByteArray>

namespace covet {

// QScintilla's SQL lexer with each dialect's own words (AUTOINCREMENT,
// PRAGMA, ILIKE, AUTO_INCREMENT, ...) highlighted as keywords and MySQL's
// backslash escapes and '#' comments understood. Used only by SqlEditor.
class SqlLexer : public QsciLexerSQL
{
    Q_OBJECT

public:
    explicit SqlLexer(QObject *parent = nullptr);

    void setDialect(Dialect dialect);
    Dialect dialect() const { return m_dialect; }

    const char *keywords(int set) const override;

private:
    Dialect m_dialect = Dialect::SQLite;
    QByteArray m_keywords;
    QByteArray m_extraKeywords;
};

} // namespace covet
