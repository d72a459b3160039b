#include "mysqlinspector.h"

namespace covet {

Result<Schema> MysqlInspector::inspect(SqlExecutor &, const InspectOptions &, const ProgressSink *)
{
    return fail(Error::Category::Unsupported, QStringLiteral("mysql inspection is not implemented yet"));
}

} // namespace covet
