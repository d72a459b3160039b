// covet-test-labels: cli sqlite postgres mysql
// Compliance reports scoped by data tags and authors (issue 15), on every
// database, through `covet`: a scripted history where 0001 creates the
// tables (phi: patients), 0002 changes the phi table, 0003 drops a pii
// column (backed up), 0004 renames a pii column, 0005 touches an untagged
// table only, 0006 (a SQL migration) is applied by its own author and 0007
// copies a pii column into another table with raw SQL. The HIPAA report
// lists exactly 0001 and 0002 with who and when; the GDPR report the drop,
// the rename, the copy and the backup with its retention; the SOX
// report 0006 as self-applied and 0001 as having no author: JSON and CSV
// checked row by row, PDF through pdftotext. Editing a version 4 field
// (author, objects) breaks the chain; bad data_tags (unknown tag, a name
// in neither the database nor the audit, hostile text) are refused naming
// covet.yaml's line, and nothing is dropped.
#include "../migrations/migrationtestsupport.h"
#include "clifixtures.h"
#include "core/localuser.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::scalar;
using test::serverFor;
using test::writeFile;

namespace {

// items(id, label) from the CLI fixtures, then the tagged tables.
const QByteArray kTables = test::kItemsMigration + R"(  - op: create_table
    definition:
      name: patients
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: name, type: varchar(50)}
      primary_key: {columns: [id]}
  - op: create_table
    definition:
      name: customers
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: email, type: varchar(100)}
        - {name: full_name, type: varchar(100)}
      primary_key: {columns: [id]}
)";
const QByteArray kPatientDob = "author: Erin Writer\noperations:\n  - op: add_column\n    table: patients\n"
                               "    column: {name: dob, type: date}\n";
const QByteArray kDropEmail = "author: Frank Writer\noperations:\n  - op: drop_column\n    table: customers\n    column: email\n";
const QByteArray kRenameName = "author: Frank Writer\noperations:\n  - op: rename_column\n    table: customers\n"
                               "    from: full_name\n    to: display_name\n";
const QByteArray kItemsQty = "author: Gina Writer\noperations:\n  - op: add_column\n    table: items\n"
                             "    column: {name: qty, type: integer}\n";

// Copies the renamed pii column into another table (raw SQL).
const QByteArray kCopyContacts = R"(author: Gina Writer
operations:
  - op: create_table
    definition:
      name: contacts
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: name, type: varchar(100)}
      primary_key: {columns: [id]}
  - op: run_sql
    forward: INSERT INTO contacts (id, name) SELECT id, display_name FROM customers
    reverse: DELETE FROM contacts
)";

// The author as git names one (makemigrations' default): the applier is
// the e-mail's local part.
QString selfAuthor()
{
    return QStringLiteral("Self Applier <%1@example.com>").arg(LocalUser::name());
}

QByteArray selfAuthored()
{
    return "-- covet:author " + selfAuthor().toUtf8()
           + "\n-- covet:up\nUPDATE items SET label = 'x' WHERE id = 0;\n-- covet:down\nUPDATE items SET label = label WHERE id = 0;\n";
}

const QByteArray kTags = "data_tags:\n  phi: [patients]\n  pii: [customers.email, customers.full_name, customers.display_name]\n";
const QStringList kIds{QStringLiteral("0001_tables"), QStringLiteral("0002_patient_dob"), QStringLiteral("0003_drop_email"),
                       QStringLiteral("0004_rename_name"), QStringLiteral("0005_items_qty"), QStringLiteral("0006_self_applied"),
                       QStringLiteral("0007_copy_contacts")};

QStringList ids(const QJsonArray &rows)
{
    QStringList out;
    for (const QJsonValue &v : rows)
        out << v.toObject().value(QStringLiteral("migration_id")).toString();
    return out;
}

// RFC 4180 fields of one CSV line (quoted fields may hold commas).
QStringList csvFields(const QString &line)
{
    QStringList out;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted && c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
            field += u'"';
            ++i;
        } else if (c == u'"') {
            quoted = !quoted;
        } else if (c == u',' && !quoted) {
            out << field;
            field.clear();
        } else {
            field += c;
        }
    }
    return out << field;
}

} // namespace

class TestCliAuditCompliance : public QObject
{
    Q_OBJECT

    QString m_dir;
    QStringList m_env;

    int covet(const QStringList &args, QString *out, QString *err) { return test::runCli(args, out, err, m_dir, m_env); }
    QByteArray report(const char *standard, const char *format)
    {
        const QString file = m_dir + QStringLiteral("/report-%1.%2").arg(QLatin1String(standard), QLatin1String(format));
        QString out, err;
        const int rc = covet({QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--standard"), QLatin1String(standard),
                              QStringLiteral("--format"), QLatin1String(format), QStringLiteral("--out"), file},
                             &out, &err);
        if (rc != 0)
            qWarning("covet audit report: %d: %s", rc, qPrintable(out + err));
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void history_data() { test::addDialectRows(); }
    void history();
};

void TestCliAuditCompliance::history()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    COVET_SCRATCH_DB(db, d, serverFor(d));
    QTemporaryDir project;
    m_dir = project.path();
    m_env = {QStringLiteral("COVET_T_URL=") + db->urlString()};
    QVERIFY(QDir(m_dir).mkdir(QStringLiteral("migrations")));
    const QByteArray config = "environments:\n  prod: {database: \"${COVET_T_URL}\"}\ndefault_environment: prod\n";
    writeFile(m_dir + QStringLiteral("/covet.yaml"), config + kTags);
    const QString migrations = m_dir + QStringLiteral("/migrations/");
    writeFile(migrations + QStringLiteral("0001_tables.yaml"), kTables);
    QString out, err;
    QVERIFY2(covet({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err) == 0, qPrintable(out + err));
    SqlExecutor sql(db->connection().database(), d);
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO customers (id, email, full_name) VALUES (1, 'a@example.org', 'Ann'), (2, 'b@example.org', 'Bo')")));
    writeFile(migrations + QStringLiteral("0002_patient_dob.yaml"), kPatientDob);
    writeFile(migrations + QStringLiteral("0003_drop_email.yaml"), kDropEmail);
    writeFile(migrations + QStringLiteral("0004_rename_name.yaml"), kRenameName);
    writeFile(migrations + QStringLiteral("0005_items_qty.yaml"), kItemsQty);
    writeFile(migrations + QStringLiteral("0006_self_applied.sql"), selfAuthored());
    writeFile(migrations + QStringLiteral("0007_copy_contacts.yaml"), kCopyContacts);
    QVERIFY2(covet({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err) == 0, qPrintable(out + err));

    // What the runner recorded (hash version 4).
    QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--migration"),
                    QStringLiteral("0004_rename_name")},
                   &out, &err),
             0);
    const QJsonObject renamed = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("rows")).toArray().first().toObject();
    QCOMPARE(renamed.value(QStringLiteral("hash_version")).toInt(), 4);
    QCOMPARE(renamed.value(QStringLiteral("author")).toString(), QStringLiteral("Frank Writer"));
    QCOMPARE(renamed.value(QStringLiteral("objects")).toArray().toVariantList(),
             QVariantList{QStringLiteral("rename customers.full_name to customers.display_name")});
    QCOMPARE(renamed.value(QStringLiteral("data_tags")).toArray().toVariantList(), (QVariantList{QStringLiteral("pii:customers.full_name"), QStringLiteral("pii:customers.display_name")}));

    const QString me = LocalUser::name();
    // HIPAA: exactly the executions touching the phi table, with who and when.
    {
        const QJsonObject o = QJsonDocument::fromJson(report("hipaa", "json")).object();
        const QJsonObject f = o.value(QStringLiteral("findings")).toObject();
        const QJsonArray phi = f.value(QStringLiteral("phi_executions")).toArray();
        QCOMPARE(ids(phi), kIds.mid(0, 2));
        for (const QJsonValue &v : phi) {
            const QJsonObject r = v.toObject();
            QCOMPARE(r.value(QStringLiteral("os_user")).toString(), me);
            QCOMPARE(r.value(QStringLiteral("host")).toString(), LocalUser::host());
            QCOMPARE(r.value(QStringLiteral("environment")).toString(), QStringLiteral("prod"));
            QVERIFY(!r.value(QStringLiteral("db_user")).toString().isEmpty() || d == Dialect::SQLite);
            QVERIFY(r.value(QStringLiteral("started_at")).toString().startsWith(QString::number(QDate::currentDate().year())));
        }
        QCOMPARE(f.value(QStringLiteral("phi_note")).toString(), QString());
        const QList<QByteArray> lines = report("hipaa", "csv").trimmed().split('\n');
        QCOMPARE(lines.size(), 8);
        const QStringList header = csvFields(QString::fromUtf8(lines.first().trimmed()));
        const qsizetype finding = header.indexOf(QStringLiteral("finding"));
        const qsizetype user = header.indexOf(QStringLiteral("os_user"));
        QVERIFY(finding > 0 && user > 0);
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList row = csvFields(QString::fromUtf8(lines.at(i).trimmed()));
            QCOMPARE(row.at(1), kIds.at(i - 1));
            QCOMPARE(row.at(user), me);
            QCOMPARE(row.at(finding), i <= 2 ? QStringLiteral("phi") : QString());
        }
    }
    // GDPR: the drop and the rename of pii columns, and the backup holding one.
    {
        const QJsonObject f = QJsonDocument::fromJson(report("gdpr", "json")).object().value(QStringLiteral("findings")).toObject();
        const QJsonArray changes = f.value(QStringLiteral("personal_data_changes")).toArray();
        QCOMPARE(ids(changes), kIds.mid(2, 2) << kIds.at(6));
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("changes")).toArray().toVariantList(),
                 QVariantList{QStringLiteral("drops customers.email")});
        QCOMPARE(changes.at(1).toObject().value(QStringLiteral("changes")).toArray().toVariantList(),
                 QVariantList{QStringLiteral("moves customers.full_name to customers.display_name (rename)")});
        const QString copied = QStringLiteral("raw SQL on customers (may copy, move or delete it); raw SQL on customers.display_name (may copy, move or delete it)");
        QCOMPARE(changes.at(2).toObject().value(QStringLiteral("changes")).toArray().toVariantList(),
                 QVariant(copied.split(QStringLiteral("; "))).toList());
        const QJsonArray backups = f.value(QStringLiteral("personal_data_backups")).toArray();
        QCOMPARE(backups.size(), 1);
        const QJsonObject b = backups.first().toObject();
        QCOMPARE(b.value(QStringLiteral("holds")).toArray().toVariantList(), QVariantList{QStringLiteral("customers.email (2 rows)")});
        QCOMPARE(b.value(QStringLiteral("retention_days")).toInt(), 30);
        QCOMPARE(b.value(QStringLiteral("age_days")).toInt(), 0);
        QCOMPARE(b.value(QStringLiteral("removable_from")).toString(), QDateTime::currentDateTimeUtc().addDays(30).toString(QStringLiteral("yyyy-MM-dd")));
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("backup_id")).toInt(), b.value(QStringLiteral("id")).toInt());
        const QList<QByteArray> lines = report("gdpr", "csv").trimmed().split('\n');
        QCOMPARE(lines.size(), 8);
        const QStringList expected{QString(), QString(),
                                   QStringLiteral("drops customers.email; backup %1 holds personal data").arg(b.value(QStringLiteral("id")).toInt()),
                                   QStringLiteral("moves customers.full_name to customers.display_name (rename)"), QString(), QString(), copied};
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList row = csvFields(QString::fromUtf8(lines.at(i).trimmed()));
            QCOMPARE(row.at(1), kIds.at(i - 1));
            QCOMPARE(row.last(), expected.at(i - 1));
        }
        const QString html = QString::fromUtf8(report("gdpr", "html"));
        QVERIFY(html.contains(QStringLiteral("Backups holding personal data")) && html.contains(QStringLiteral("customers.email (2 rows)")));
    }
    // SOX: 0006 applied by its author; 0001 names none.
    {
        const QJsonObject f = QJsonDocument::fromJson(report("sox", "json")).object().value(QStringLiteral("findings")).toObject();
        QCOMPARE(ids(f.value(QStringLiteral("self_applied")).toArray()), QStringList{kIds.at(5)});
        QCOMPARE(ids(f.value(QStringLiteral("without_author")).toArray()), QStringList{kIds.at(0)});
        QCOMPARE(f.value(QStringLiteral("self_applied_count")).toInt(), 1);
        QCOMPARE(f.value(QStringLiteral("without_author_count")).toInt(), 1);
        const QList<QByteArray> lines = report("sox", "csv").trimmed().split('\n');
        QCOMPARE(lines.size(), 8);
        const QStringList header = csvFields(QString::fromUtf8(lines.first().trimmed()));
        const qsizetype author = header.indexOf(QStringLiteral("author"));
        const QStringList authors{QString(), QStringLiteral("Erin Writer"), QStringLiteral("Frank Writer"), QStringLiteral("Frank Writer"),
                                  QStringLiteral("Gina Writer"), selfAuthor(), QStringLiteral("Gina Writer")};
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList row = csvFields(QString::fromUtf8(lines.at(i).trimmed()));
            QCOMPARE(row.at(author), authors.at(i - 1));
            QCOMPARE(row.last(), i == 1 ? QStringLiteral("no author") : i == 6 ? QStringLiteral("self-applied") : QString());
        }
    }
    // PDF: the sections' executions are in the text.
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty() && test::inCi())
        QFAIL("pdftotext (poppler-utils) is missing; scripts/install-deps.sh installs it");
    for (const char *standard : {"hipaa", "gdpr", "sox"}) {
        if (pdftotext.isEmpty())
            break;
        const QByteArray pdf = report(standard, "pdf");
        QVERIFY(pdf.startsWith("%PDF-"));
        const QString file = m_dir + QStringLiteral("/report-%1.pdf").arg(QLatin1String(standard));
        QProcess p;
        p.start(pdftotext, {file, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(60000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        // The section (from its heading to the next one) holds exactly its executions.
        struct Section
        {
            const char *from, *to;
            QStringList holds;
        };
        const Section sec = qstrcmp(standard, "hipaa") == 0 ? Section{"Changes to protected health information (phi)", "Approvals and", kIds.mid(0, 2)}
                            : qstrcmp(standard, "gdpr") == 0
                                ? Section{"Changes that drop, move or copy personal data (pii)", "Approvals and", kIds.mid(2, 2) << kIds.at(6)}
                                : Section{"Applied by their author", "No author recorded", kIds.mid(5, 1)};
        const qsizetype from = text.indexOf(QLatin1String(sec.from));
        const qsizetype to = text.indexOf(QLatin1String(sec.to), from);
        QVERIFY2(from >= 0 && to > from, qPrintable(QLatin1String(standard) + u'\n' + text));
        const QString part = text.mid(from, to - from);
        for (const QString &id : kIds)
            QVERIFY2(part.contains(id) == sec.holds.contains(id), qPrintable(QLatin1String(standard) + u' ' + id + u'\n' + part));
        for (const QString &id : kIds)   // and every execution in the full list
            QVERIFY2(text.mid(to).contains(id), qPrintable(QLatin1String(standard) + u' ' + id));
    }

    // Editing a version 4 field breaks the chain at that row.
    const QString table = d == Dialect::MySQL ? QStringLiteral("`_covet_migration_audit`") : QStringLiteral("\"_covet_migration_audit\"");
    for (const char *column : {"author", "objects"}) {
        const QString col = d == Dialect::MySQL ? QStringLiteral("`%1`").arg(QLatin1String(column)) : QStringLiteral("\"%1\"").arg(QLatin1String(column));
        auto kept = sql.rows(QStringLiteral("SELECT %1 FROM %2 WHERE migration_id = ? AND status = 'success'").arg(col, table), {kIds.at(5)});
        QVERIFY(kept && kept->size() == 1);
        QVERIFY(sql.execPrepared(QStringLiteral("UPDATE %1 SET %2 = ? WHERE migration_id = ? AND status = 'success'").arg(table, col),
                                 {QStringLiteral("Somebody Else"), kIds.at(5)}));
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("verify")}, &out, &err), 6);
        QVERIFY2(err.contains(QStringLiteral("(migration 0006_self_applied): edited")), qPrintable(err));
        QVERIFY(sql.execPrepared(QStringLiteral("UPDATE %1 SET %2 = ? WHERE migration_id = ? AND status = 'success'").arg(table, col),
                                 {kept->first().value(0), kIds.at(5)}));
        QCOMPARE(covet({QStringLiteral("audit"), QStringLiteral("verify")}, &out, &err), 0);
    }

    // Bad data_tags: refused, naming covet.yaml's line; nothing is dropped.
    const struct
    {
        QByteArray tags;
        QString says;
    } bad[] = {
        {"data_tags:\n  phi: [patients]\n  secret: [customers]\n", QStringLiteral("covet.yaml:6: unknown data tag 'secret'")},
        {"data_tags:\n  \"phi'; DROP TABLE patients; --\": [patients]\n", QStringLiteral("covet.yaml:5: unknown data tag 'phi'; DROP TABLE patients; --'")},
        {"data_tags:\n  pii:\n    - customers.email\n    - \"x'; DROP TABLE customers; --\"\n",
         QStringLiteral("covet.yaml:7: 'data_tags.pii' names x'; DROP TABLE customers; --, which is neither in the database")},
        {"data_tags:\n  pii: [customers.emial]\n", QStringLiteral("covet.yaml:5: 'data_tags.pii' names customers.emial")},
        {"data_tags:\n  pii: [a.b.c]\n", QStringLiteral("covet.yaml:5: 'data_tags.pii' entry 'a.b.c' is not a name")},
        {"data_tags:\n  phi: patients\n", QStringLiteral("covet.yaml:5: 'data_tags.phi' must list tables and columns")},
    };
    for (const auto &b : bad) {
        writeFile(m_dir + QStringLiteral("/covet.yaml"), config + b.tags);
        QVERIFY(covet({QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--standard"), QStringLiteral("gdpr"),
                       QStringLiteral("--out"), m_dir + QStringLiteral("/bad.json")},
                      &out, &err)
                != 0);
        QVERIFY2(err.contains(b.says), qPrintable(err));
    }
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM customers")), 2);
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM patients")), 0);
}

QTEST_GUILESS_MAIN(TestCliAuditCompliance)
#include "tst_cliauditcompliance.moc"
