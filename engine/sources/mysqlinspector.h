#pragma once

#include "inspector.h"

namespace covet {

class MysqlInspector : public Inspector
{
public:
    Result<Schema> inspect(SqlExecutor &sql, const InspectOptions &options = {},
                           const ProgressSink *progress = nullptr) override;
};

} // namespace covet
