// libFuzzer harness: MigrationFile::parse, every input read both as a YAML
// migration (0001_fuzz.yaml) and as a SQL one (0001_fuzz.sql). Bad input is
// an error naming file:line; a migration that reads is serialized and must
// read back.
#include "fuzzsupport.h"

#include "migrations/migrationfile.h"

namespace {

void parseAs(const QByteArray &content, const QString &fileName)
{
    using namespace covet;
    auto m = MigrationFile::parse(content, fileName);
    if (!m) {
        fuzz::require(!m.error().message().isEmpty(), "a migration file error says what is wrong");
        return;
    }
    const QByteArray text = MigrationFile::serialize(*m);
    auto again = MigrationFile::parse(text, fileName);
    fuzz::require(bool(again), "MigrationFile::serialize output reads back",
                  again ? QString() : again.error().toString() + u'\n' + QString::fromUtf8(text));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray content = covet::fuzz::bytes(data, size);
    parseAs(content, QStringLiteral("0001_fuzz.yaml"));
    parseAs(content, QStringLiteral("0001_fuzz.sql"));
    return 0;
}
