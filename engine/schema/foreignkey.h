#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace covet {

struct ForeignKey
{
    enum class Action { NoAction, Restrict, Cascade, SetNull, SetDefault };

    QString name;
    QStringList columns;
    QString refSchema;    // empty: the default schema
    QString refTable;
    QStringList refColumns;
    Action onDelete = Action::NoAction;
    Action onUpdate = Action::NoAction;
    bool deferrable = false;
    bool initiallyDeferred = false;

    bool operator==(const ForeignKey &) const = default;
};

QString fkActionSql(ForeignKey::Action action);    // "NO ACTION", "CASCADE", ...
std::optional<ForeignKey::Action> fkActionFromSql(const QString &text); // accepts "SET NULL", "set_null", "a"/"r"/"c"/"n"/"d"

} // namespace covet
