// libFuzzer harness: ModelsFile::parse (the desired schema a DBA writes).
// Bad input is an error naming file:line; a file that reads is written back
// by ModelsFile::write (what `covet inspect --format yaml` prints), and that
// text must read back to the same schema.
#include "fuzzsupport.h"

#include "sources/modelsfile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace covet;
    auto models = ModelsFile::parse(fuzz::bytes(data, size), QStringLiteral("models.yaml"));
    if (!models) {
        fuzz::require(!models.error().message().isEmpty(), "a models file error says what is wrong");
        return 0;
    }
    const QByteArray written = ModelsFile::write(models->schema());
    auto again = ModelsFile::parse(written, QStringLiteral("written.yaml"));
    fuzz::require(bool(again), "ModelsFile::write output reads back",
                  again ? QString() : again.error().toString() + u'\n' + QString::fromUtf8(written));
    fuzz::require(again->schema() == models->schema(), "ModelsFile::write output reads back to the same schema",
                  QString::fromUtf8(written));
    return 0;
}
