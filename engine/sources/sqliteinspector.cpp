#include "sqliteinspector.h"

namespace covet {

Result<Schema> SqliteInspector::inspect(SqlExecutor &, const InspectOptions &, const ProgressSink *)
{
    return fail(Error::Category::Unsupported, QStringLiteral("sqlite inspection is not implemented yet"));
}

} // namespace covet
