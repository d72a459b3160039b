#pragma once

class QCoreApplication;

namespace covet {

// Loads Covet Studio's translation for the system locale (built from
// translations/covet_*.ts into the ":/i18n" resources) and Qt's own.
class StudioTranslations
{
public:
    static void install(QCoreApplication *app);
};

} // namespace covet
