// libFuzzer harness: YamlReader::parse (models files, migration files and
// covet.yaml all go through it). Whatever the bytes, it returns a node tree
// or an InvalidInput error with a location; it never crashes or hangs.
#include "fuzzsupport.h"

#include "core/yamlreader.h"
#include "core/yamlwriter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace covet;
    auto node = YamlReader::parse(fuzz::bytes(data, size), QStringLiteral("fuzz.yaml"));
    if (!node) {
        fuzz::require(!node.error().message().isEmpty(), "a YAML error says what is wrong");
        return 0;
    }
    // What the writer makes of a tree the reader gave must read back.
    const QByteArray again = YamlWriter::write(*node);
    auto reread = YamlReader::parse(again, QStringLiteral("rewritten.yaml"));
    fuzz::require(bool(reread), "YamlWriter output reads back",
                  reread ? QString() : reread.error().toString() + u'\n' + QString::fromUtf8(again));
    fuzz::require(*reread == *node, "YamlWriter output reads back to an equal tree", QString::fromUtf8(again));
    return 0;
}
