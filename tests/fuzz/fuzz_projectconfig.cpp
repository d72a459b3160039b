// libFuzzer harness: ProjectConfig::parse (covet.yaml), then what the CLI
// asks of a project: each environment's database URL (with ${VAR}
// interpolation), its run settings, and toYaml() read back.
#include "fuzzsupport.h"

#include "migrations/projectconfig.h"

#include <QProcessEnvironment>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace covet;
    auto config = ProjectConfig::parse(fuzz::bytes(data, size), QStringLiteral("covet.yaml"),
                                       QStringLiteral("/project"));
    if (!config) {
        fuzz::require(!config.error().message().isEmpty(), "a covet.yaml error says what is wrong");
        return 0;
    }
    QProcessEnvironment env;
    env.insert(QStringLiteral("SHOP_DB_PASSWORD"), QStringLiteral("s3cret"));
    env.insert(QStringLiteral("HOME"), QStringLiteral("/home/dba"));
    (void)config->databaseUrl({}, env);
    (void)config->runSettings();
    for (const auto &e : config->environments()) {
        (void)config->databaseUrl(e.name, env);
        (void)config->runSettings(e.name);
        (void)config->requiresConfirmation(e.name);
    }
    (void)config->migrationsPath();
    (void)config->modelsPath();
    const QByteArray yaml = config->toYaml();
    auto again = ProjectConfig::parse(yaml, QStringLiteral("written.yaml"), QStringLiteral("/project"));
    fuzz::require(bool(again), "ProjectConfig::toYaml output reads back",
                  again ? QString() : again.error().toString() + u'\n' + QString::fromUtf8(yaml));
    return 0;
}
