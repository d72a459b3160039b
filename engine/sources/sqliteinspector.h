#pragma once

#include "inspector.h"

namespace covet {

class SqliteInspector : public Inspector
{
public:
    Result<Schema> inspect(SqlExecutor &sql, const InspectOptions &options = {},
                           const ProgressSink *progress = nullptr) override;
};

} // namespace covet
