#pragma once

// Running generated SQL on a real scratch database, for the proofs on the
// real servers (tst_roundtrip, tst_operationsqlexec): ScratchRun runs
// statements and SQL batches (SQLite batches with their foreign-key pragma
// handling), resets the database between cases, inspects it and checksums
// the rows of chosen columns; schemaDifference() names what an inspected
// database lacks against the expected schema.

#include "diff/differ.h"
#include "db/sqlexecutor.h"
#include "operations/operationjson.h"
#include "schema/schemajson.h"
#include "sources/inspector.h"
#include "sql/sqlgenerator.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlRecord>

namespace covet::test {

inline QString operationsText(const OperationList &ops)
{
    QStringList lines;
    for (const Operation &op : ops)
        lines << QString::fromUtf8(QJsonDocument(OperationJson::toJson(op)).toJson(QJsonDocument::Compact));
    return lines.join(u'\n');
}

inline QString schemaText(const Schema &s)
{
    return QString::fromUtf8(SchemaJson::toCanonicalJson(s));
}

class ScratchRun
{
public:
    ScratchRun(QSqlDatabase db, Dialect dialect) : m_ex(std::move(db), dialect), m_dialect(dialect) {}

    SqlExecutor &executor() { return m_ex; }
    Dialect dialect() const { return m_dialect; }
    // Every statement executed since the last clearLog() (for failure reports).
    QStringList log() const { return m_log; }
    void clearLog() { m_log.clear(); }

    // Runs statements one by one; returns the first error ("" when all ran).
    QString exec(const QStringList &statements)
    {
        for (const QString &s : statements) {
            m_log << s;
            if (auto r = m_ex.exec(s); !r)
                return QStringLiteral("statement failed: %1\n  error: %2").arg(s, r.error().toString());
        }
        return {};
    }

    // Runs what SqlGenerator::renderBatches() produced the way its contract
    // says: a foreignKeysOff batch with the pragma off outside a transaction
    // (restored afterwards), others in autocommit. SQLite only; the other
    // dialects have one batch without the flag, run as is.
    QString execBatches(const QList<SqlBatch> &batches)
    {
        for (const SqlBatch &b : batches) {
            if (!b.foreignKeysOff) {
                if (QString e = exec(b.statements); !e.isEmpty())
                    return e;
                continue;
            }
            auto fk = m_ex.rows(QStringLiteral("PRAGMA foreign_keys"));
            const QString remembered = fk && !fk->isEmpty() ? fk->first().value(0).toString() : QStringLiteral("1");
            if (QString e = exec({QStringLiteral("PRAGMA foreign_keys=OFF"), QStringLiteral("BEGIN")}); !e.isEmpty())
                return e;
            QString e = exec(b.statements);
            if (e.isEmpty())
                e = exec({QStringLiteral("COMMIT")});
            if (!e.isEmpty())
                m_ex.exec(QStringLiteral("ROLLBACK"));
            m_ex.exec(QStringLiteral("PRAGMA foreign_keys=") + remembered);
            if (!e.isEmpty())
                return e;
        }
        return {};
    }

    // Renders `ops` against `before` and runs them (renderBatches for
    // SQLite, renderAll for the others). Fills *sql with the statements.
    QString apply(const SqlGenerator &gen, const OperationList &ops, const Schema &before, QStringList *sql = nullptr)
    {
        if (m_dialect == Dialect::SQLite) {
            auto batches = gen.renderBatches(ops, before);
            if (!batches)
                return QStringLiteral("renderBatches failed: ") + batches.error().toString();
            if (sql) {
                sql->clear();
                for (const SqlBatch &b : *batches) {
                    if (b.foreignKeysOff)
                        *sql << QStringLiteral("-- batch with foreign_keys OFF");
                    *sql << b.statements;
                }
            }
            return execBatches(*batches);
        }
        auto statements = gen.renderAll(ops, before);
        if (!statements)
            return QStringLiteral("renderAll failed: ") + statements.error().toString();
        if (sql)
            *sql = *statements;
        return exec(*statements);
    }

    Result<Schema> inspect()
    {
        return Inspector::create(m_dialect)->inspect(m_ex);
    }

    // Drops everything a case created (dropEverythingStatements).
    QString reset()
    {
        QString error;
        const QStringList st = dropEverythingStatements(m_ex, &error);
        return error.isEmpty() ? exec(st) : error;
    }

    // A checksum of a table's rows over `columns` (order-independent: the
    // rows are rendered, sorted and hashed), with the row count in front.
    // Empty columns: only the count.
    QString checksum(const QString &schema, const QString &table, const QStringList &columns, QString *error)
    {
        const QString from = schema.isEmpty() ? quote(table) : quote(schema) + u'.' + quote(table);
        QStringList cols;
        for (const QString &c : columns)
            cols << quote(c);
        const QString sql = QStringLiteral("SELECT %1 FROM %2").arg(cols.isEmpty() ? QStringLiteral("1") : cols.join(QStringLiteral(", ")), from);
        auto rows = m_ex.rows(sql);
        if (!rows) {
            *error = rows.error().toString();
            return {};
        }
        QStringList lines;
        for (const QVariantList &r : *rows) {
            QStringList vals;
            for (const QVariant &v : r)
                vals << (v.isNull() ? QStringLiteral("<null>") : v.toString());
            lines << vals.join(u'\x1f');
        }
        lines.sort();
        QCryptographicHash h(QCryptographicHash::Sha1);
        for (const QString &l : lines) {
            h.addData(l.toUtf8());
            h.addData(QByteArrayView("\n"));
        }
        return QStringLiteral("%1:%2").arg(rows->size()).arg(QString::fromLatin1(h.result().toHex()));
    }

    QString quote(const QString &id) const
    {
        if (m_dialect == Dialect::MySQL)
            return u'`' + QString(id).replace(u'`', QStringLiteral("``")) + u'`';
        return u'"' + QString(id).replace(u'"', QStringLiteral("\"\"")) + u'"';
    }

private:
    SqlExecutor m_ex;
    Dialect m_dialect;
    QStringList m_log;
};

// The differences between an inspected database and the expected schema,
// as the operations that would turn one into the other (renames off), or
// "" when there are none.
//
// View bodies and trigger bodies are taken from the inspected side when the
// object exists on both sides (their names, timing and events still count):
// databases rewrite those texts (PostgreSQL and MySQL qualify the columns of
// a view, SQLite rewrites trigger bodies on RENAME) in ways the Differ does
// not normalise yet; see the report of issue 3.
inline QString schemaDifference(const Schema &inspected, Schema expected)
{
    for (View &v : expected.views)
        if (const View *i = inspected.view(v.name, v.schema))
            v.definition = i->definition;
    for (Table &t : expected.tables)
        if (const Table *it = inspected.table(t.name, t.schema))
            for (Trigger &tr : t.triggers)
                for (const Trigger &x : it->triggers)
                    if (x.name == tr.name) {
                        tr.body = x.body;
                        tr.definition = x.definition;
                    }
    DiffOptions o;
    o.renames.enabled = false;
    auto d = Differ::diff(inspected, expected, o);
    if (!d)
        return QStringLiteral("the differ failed: ") + d.error().toString();
    return d->isEmpty() ? QString() : operationsText(d->operations);
}

} // namespace covet::test
