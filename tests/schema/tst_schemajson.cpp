// covet-test-labels: engine
#include "testsupport.h"

#include "schema/schemajson.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTest>

using namespace covet;

namespace {

Schema richSchema()
{
    Schema s;
    s.dialect = Dialect::PostgreSQL;
    s.namespaces = {QStringLiteral("sales")};
    s.enums << EnumType{QString(), QStringLiteral("mood"), {QStringLiteral("happy"), QStringLiteral("it's \"odd\"")}};
    Table a;
    a.name = QStringLiteral("we\"ird `name`; DROP");
    auto column = [](const QString &name, const SqlType &type) {
        Column c;
        c.name = name;
        c.type = type;
        return c;
    };
    Column id = column(QStringLiteral("id"), SqlType(SqlType::Kind::BigInt));
    id.nullable = false;
    id.identity = Column::Identity::Always;
    Column price = column(QStringLiteral("Müller_ß_表"), SqlType::decimal(10, 2));
    price.defaultExpr = QStringLiteral("0.00");
    price.collation = QStringLiteral("C");
    price.comment = QStringLiteral("a comment\nwith lines");
    Column total = column(QStringLiteral("total"), SqlType::decimal(12, 2));
    total.generatedExpr = QStringLiteral("price * 2");
    total.generatedStored = true;
    Column stamp = column(QStringLiteral("stamp"), SqlType(SqlType::Kind::Timestamp));
    stamp.defaultExpr = QStringLiteral("CURRENT_TIMESTAMP");
    stamp.onUpdateExpr = QStringLiteral("CURRENT_TIMESTAMP");
    a.columns = {id, price, total, stamp};
    a.primaryKey = PrimaryKey{QStringLiteral("pk_a"), {QStringLiteral("id")}};
    a.uniques << UniqueConstraint{QStringLiteral("uq_a"), {QStringLiteral("total"), QStringLiteral("id")}};
    a.indexes << Index{QStringLiteral("ix_b"), {IndexPart{{}, QStringLiteral("lower(x)"), true}}, false, QStringLiteral("id > 0"), QStringLiteral("gin")}
              << Index{QStringLiteral("ix_a"), {IndexPart{QStringLiteral("total"), {}, false}}, true, {}, {}};
    a.checks << Check{QStringLiteral("ck"), QStringLiteral("total >= 0")};
    a.triggers << Trigger{QStringLiteral("trg"), QStringLiteral("BEFORE"), {QStringLiteral("INSERT"), QStringLiteral("UPDATE")}, true,
                          QStringLiteral("EXECUTE FUNCTION f()"), QString()};
    a.comment = QStringLiteral("table comment");
    Table b;
    b.schema = QStringLiteral("sales");
    b.name = QStringLiteral("child");
    b.columns = {column(QStringLiteral("a_id"), SqlType(SqlType::Kind::BigInt))};
    b.columns[0].nullable = false;
    b.foreignKeys << ForeignKey{QStringLiteral("fk"), {QStringLiteral("a_id")}, QString(), a.name, {QStringLiteral("id")},
                                ForeignKey::Action::Cascade, ForeignKey::Action::SetNull, true, true};
    s.tables = {b, a};   // deliberately not in canonical order
    s.views << View{QStringLiteral("sales"), QStringLiteral("v"), QStringLiteral("SELECT 1"), true};
    return s;
}

// Every field set somewhere, and strings that need each of JSON's escapes.
Schema everyFieldSchema()
{
    Schema s = richSchema();
    const QString hostile = QStringLiteral("q\"b\\s/\b\f\n\r\t") + QChar(0x01) + QChar(0x1f) + QChar(0x7f) + QChar(0x80)
                            + QChar(0x7ff) + QChar(0x800) + QChar(0x2028) + QChar(0xfffd) + QStringLiteral("😀")
                            + QChar(0xd800) + QStringLiteral("x") + QChar(0xdc00) + QChar(0xdbff);   // lone surrogates, one at the end
    Table &t = s.tables[1];
    t.columns[0].type.setRaw(QStringLiteral("bigint(20) unsigned"));
    t.columns[0].charset = QStringLiteral("utf8mb4");
    t.columns[1].comment = hostile;
    t.columns[2].defaultExpr = QString();   // an empty default is still a default
    t.indexes << Index{QStringLiteral("ix_c"), {IndexPart{QStringLiteral("total"), {}, true, 10}, IndexPart{}}, false, {}, {}};
    t.triggers << Trigger{hostile, QString(), {}, false, QString(), QStringLiteral("CREATE TRIGGER …")};
    t.checks << Check{QString(), hostile};
    t.uniques << UniqueConstraint{QString(), {QStringLiteral("id")}};
    t.foreignKeys << ForeignKey{QStringLiteral("fk_self"), {QStringLiteral("id")}, QString(), t.name, {QStringLiteral("id")},
                                ForeignKey::Action::NoAction, ForeignKey::Action::NoAction, false, false};
    t.primaryKey->name.clear();
    for (Table &each : s.tables) {   // both tables: every table-level field beside every list
        each.comment = QStringLiteral("about ") + each.name;
        each.withoutRowid = true;
        each.engine = QStringLiteral("InnoDB");
        each.charset = QStringLiteral("utf8mb4");
        each.collation = QStringLiteral("utf8mb4_bin");
    }
    s.tables[0].foreignKeys[0].refSchema = QStringLiteral("sales");
    s.tables[0].foreignKeys << ForeignKey{QString(), {QStringLiteral("a_id")}, QString(), hostile, {QStringLiteral("id")},
                                          ForeignKey::Action::NoAction, ForeignKey::Action::Restrict, false, false};
    Table empty;
    empty.name = hostile;
    s.tables << empty;
    s.enums << EnumType{QStringLiteral("sales"), QStringLiteral("e"), {}};
    s.views << View{QString(), hostile, hostile, false};
    return s;
}

// Takes `room` bytes, then fails every write, counting the ones it refused.
class FillingDevice : public QIODevice
{
public:
    explicit FillingDevice(qint64 room) : m_room(room) { open(QIODevice::WriteOnly); }
    QByteArray taken;
    int refused = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 len) override
    {
        const qint64 n = std::min(len, m_room - qint64(taken.size()));
        if (n <= 0) {
            ++refused;
            setErrorString(QStringLiteral("the device is full"));
            return -1;
        }
        taken.append(data, n);
        return n;
    }

private:
    qint64 m_room;
};

} // namespace

class TstSchemaJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTripIsExact()
    {
        Schema s = richSchema();
        const QByteArray json = SchemaJson::toCanonicalJson(s);
        auto back = SchemaJson::fromJsonText(json, QStringLiteral("x.json"));
        COVET_VERIFY_OK(back);
        s.canonicalize();
        QCOMPARE(*back, s);
        QCOMPARE(SchemaJson::toCanonicalJson(*back), json);
    }

    void canonicalFormIsStable()
    {
        Schema a = richSchema();
        Schema b = richSchema();
        std::reverse(b.tables.begin(), b.tables.end());
        std::reverse(b.tables[0].indexes.begin(), b.tables[0].indexes.end());
        QCOMPARE(SchemaJson::toCanonicalJson(a), SchemaJson::toCanonicalJson(b));
        const QJsonObject o = SchemaJson::toJson(a);
        const QJsonArray tables = o.value(QStringLiteral("tables")).toArray();
        QCOMPARE(tables.at(0).toObject().value(QStringLiteral("schema")).toString(), QString());   // default namespace first
        QCOMPARE(tables.at(1).toObject().value(QStringLiteral("schema")).toString(), QStringLiteral("sales"));
        const QJsonObject col = tables.at(0).toObject().value(QStringLiteral("columns")).toArray().at(1).toObject();
        QCOMPARE(col.value(QStringLiteral("type")).toString(), QStringLiteral("numeric(10,2)"));
        QCOMPARE(col.value(QStringLiteral("default")).toString(), QStringLiteral("0.00"));
    }

    void equalityNoticesEveryField()
    {
        const Schema base = richSchema();
        Schema changed = base;
        changed.tables[1].columns[1].collation = QStringLiteral("POSIX");
        QVERIFY(!(changed == base));
        changed = base;
        changed.tables[1].columns[3].onUpdateExpr.clear();
        QVERIFY(!(changed == base));
        changed = base;
        changed.tables[0].foreignKeys[0].initiallyDeferred = false;
        QVERIFY(!(changed == base));
        changed = base;
        changed.tables[1].indexes[0].parts[0].descending = false;
        QVERIFY(!(changed == base));
    }

    // The canonical text is written without QJsonDocument, so it is checked
    // against it: Qt reading the text and writing it again gives the same
    // bytes (format, key order, escapes), and the QJsonObject form is what
    // Qt reads from the text.
    void textIsWhatQtWrites()
    {
        // The writer copies plain ASCII in one pass and hands the rest on at
        // the first character that needs more: texts that need it at their
        // start, and texts with no plain character at all.
        Schema escapesFirst = everyFieldSchema();
        escapesFirst.tables[1].columns[0].comment = u'"' + escapesFirst.tables[1].columns[1].comment;
        escapesFirst.tables[1].comment = QString(QChar(0xe9)) + QChar(0x2028);
        escapesFirst.tables[0].columns[0].comment = QStringLiteral("\n");
        const Schema schemas[] = {everyFieldSchema(), richSchema(), Schema(), escapesFirst};
        for (const Schema &s : schemas) {
            const QByteArray text = SchemaJson::toCanonicalJson(s);
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            QCOMPARE(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)), QString::fromUtf8(text));
        }
        // What the QJsonObject-based writer this one replaced wrote for the
        // same schema (every field and default left out or written as then).
        QFile golden(QStringLiteral(COVET_SOURCE_DIR "/tests/schema/data/every_field.json"));
        QVERIFY(golden.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(SchemaJson::toCanonicalJson(everyFieldSchema())), QString::fromUtf8(golden.readAll()));

        const Schema s = everyFieldSchema();
        auto back = SchemaJson::fromJsonText(SchemaJson::toCanonicalJson(s));
        COVET_VERIFY_OK(back);
        Schema expected = s;
        expected.canonicalize();
        QCOMPARE(*back, expected);
        const QByteArray text = SchemaJson::toCanonicalJson(s);
        QVERIFY(text.contains(R"("comment": "q\"b\\s/\b\f\n\r\t\u0001\u001f)"));
        QVERIFY(text.contains("\\ud800x\\udc00\\udbff\""));
        QVERIFY(text.contains("\xf0\x9f\x98\x80"));   // 😀 as UTF-8
        QVERIFY(text.contains("\"length\": 10"));
        QVERIFY(text.contains("\"parts\": [\n"));
        QVERIFY(text.endsWith("}\n"));
    }

    // A large schema goes to a device in pieces: the same text in the end;
    // a device that fills up stops the writing at its error.
    void streamsToADevice()
    {
        Schema large = everyFieldSchema();
        const Table model = large.tables.at(1);
        for (int i = 0; i < 300; ++i) {
            Table t = model;
            t.name = QStringLiteral("copy_%1").arg(i, 3, 10, QLatin1Char('0'));
            large.tables << t;
        }
        const QByteArray whole = SchemaJson::toCanonicalJson(large);
        QVERIFY(whole.size() > 3 * 256 * 1024);   // several pieces
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        COVET_VERIFY_OK(SchemaJson::writeCanonicalJson(large, buffer));
        QCOMPARE(buffer.data().size(), whole.size());
        QVERIFY(buffer.data() == whole);

        FillingDevice full(300 * 1024);
        const Status written = SchemaJson::writeCanonicalJson(large, full);
        QVERIFY(!written);
        QCOMPARE(written.error().message(), QStringLiteral("the device is full"));
        QCOMPARE(full.taken, whole.left(300 * 1024));
        QCOMPARE(full.refused, 1);   // nothing more was tried after the first error
    }

    void malformedJsonNamesTheLine()
    {
        auto r = SchemaJson::fromJsonText("{\n  \"tables\": [\n    {\"name\": }\n  ]\n}", QStringLiteral("broken.json"));
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::InvalidInput);
        QVERIFY2(r.error().location().startsWith(QStringLiteral("broken.json:3")), qPrintable(r.error().toString()));
        auto bad = SchemaJson::fromJsonText("{\"dialect\": \"oracle\", \"tables\": []}");
        QVERIFY(!bad);
        QVERIFY(bad.error().message().contains(QStringLiteral("oracle")));
        auto noName = SchemaJson::fromJsonText("{\"tables\": [{\"columns\": []}]}");
        QVERIFY(!noName);
        QVERIFY(noName.error().toString().contains(QStringLiteral("tables[0]")));
    }
};

QTEST_GUILESS_MAIN(TstSchemaJson)
#include "tst_schemajson.moc"
