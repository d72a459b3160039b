#include "postgresinspector.h"

namespace covet {

Result<Schema> PostgresInspector::inspect(SqlExecutor &, const InspectOptions &, const ProgressSink *)
{
    return fail(Error::Category::Unsupported, QStringLiteral("postgres inspection is not implemented yet"));
}

} // namespace covet
