#pragma once

#include <QString>
#include <QStringList>

namespace covet {

struct Trigger
{
    QString name;
    QString timing;       // BEFORE, AFTER, INSTEAD OF
    QStringList events;   // INSERT, UPDATE, DELETE, TRUNCATE
    bool forEachRow = true;
    QString body;         // the action: PostgreSQL "EXECUTE FUNCTION f()", MySQL/SQLite the statement block
    QString definition;   // the complete CREATE TRIGGER statement as the database reports it, if it does

    bool operator==(const Trigger &) const = default;
};

} // namespace covet
