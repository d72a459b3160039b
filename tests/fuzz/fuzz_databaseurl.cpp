// libFuzzer harness: DatabaseUrl::parse (--db, covet.yaml, Covet Studio's
// connection dialog). Bad input is an error; a URL that parses never shows
// its password in display(), and mask() hides it in any text.
#include "fuzzsupport.h"

#include "db/databaseurl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace covet;
    const QString text = fuzz::text(data, size);
    auto url = DatabaseUrl::parse(text);
    if (!url) {
        fuzz::require(!url.error().message().isEmpty(), "a URL error says what is wrong");
        return 0;
    }
    (void)url->driverName();
    (void)url->toString();
    const QString shown = url->display();
    const QString pw = url->password();
    if (!pw.isEmpty() && !pw.contains(u'*')) {
        fuzz::require(shown.contains(QStringLiteral(":***@")), "display() masks the password", shown);
        fuzz::require(!url->mask(text).contains(pw), "mask() hides the password", text);
    }
    // toString() is what child processes get: it must name the same database.
    auto again = DatabaseUrl::parse(url->toString());
    fuzz::require(bool(again), "toString() parses back", url->toString());
    fuzz::require(*again == *url, "toString() parses back to the same URL", url->toString());
    return 0;
}
