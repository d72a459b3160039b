#pragma once

#include <QString>

#include <optional>

namespace covet {

enum class Dialect { SQLite, PostgreSQL, MySQL };

QString dialectName(Dialect d);                          // "sqlite", "postgresql", "mysql"
std::optional<Dialect> dialectFromName(const QString &name); // also "pg", "postgres", "mariadb"

} // namespace covet
