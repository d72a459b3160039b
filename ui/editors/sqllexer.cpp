#include "sqllexer.h"

namespace covet {

namespace {

// Words every dialect shares that QsciLexerSQL's own list lacks.
constexpr const char *kCommon =
    " cascade restrict constraint references foreign key primary unique check default index view trigger"
    " each row before after instead of deferrable initially deferred immediate returning with recursive"
    " over partition window filter coalesce nullif exists boolean integer smallint bigint numeric decimal"
    " varchar char text timestamp date time real double precision blob json true false";

const char *extraFor(Dialect d)
{
    switch (d) {
    case Dialect::SQLite:
        return "autoincrement pragma rowid without strict vacuum attach detach glob conflict replace abort"
               " fail ignore virtual stored generated always indexed reindex analyze explain query plan";
    case Dialect::PostgreSQL:
        return "serial bigserial smallserial ilike similar returning jsonb uuid bytea array enum type schema"
               " concurrently materialized refresh generated identity always using include tablespace"
               " sequence owned extension domain language function procedure execute plpgsql lateral";
    case Dialect::MySQL:
        return "auto_increment unsigned zerofill engine charset character collate straight_join tinyint"
               " mediumint longtext mediumtext tinytext enum set regexp rlike delimiter definer"
               " generated virtual stored fulltext spatial algorithm lock modify change ignore";
    }
    return "";
}

} // namespace

SqlLexer::SqlLexer(QObject *parent) : QsciLexerSQL(parent)
{
    setDialect(Dialect::SQLite);
}

void SqlLexer::setDialect(Dialect dialect)
{
    m_dialect = dialect;
    const char *base = QsciLexerSQL::keywords(1);
    m_keywords = QByteArray(base ? base : "") + kCommon;
    m_extraKeywords = extraFor(dialect);
    // MySQL strings may escape quotes with backslashes and comment with '#'.
    setBackslashEscapes(dialect == Dialect::MySQL);
    setHashComments(dialect == Dialect::MySQL);
}

const char *SqlLexer::keywords(int set) const
{
    if (set == 1)
        return m_keywords.constData();
    if (set == 5)
        return m_extraKeywords.constData();
    return QsciLexerSQL::keywords(set);
}

} // namespace covet
