// Home: the app's title and language switch.
#include "app.h"
#include "bianmin/version.hpp"
#include "i18n/i18n.h"
#include "imgui.h"
#include "screens/screens.h"
#include "ui/widgets.h"

namespace bianmin::screens {

void draw_home(App& app) {
    ui::title("app.title");
    ui::text("app.subtitle");
    ImGui::Separator();
    if (ui::button("app.switch_language")) {
        app.request_language(i18n::current() == i18n::Lang::Zh ? i18n::Lang::En : i18n::Lang::Zh);
    }
    ImGui::TextDisabled("%s %s", i18n::tr("app.version"), kProductVersion);
}

}  // namespace bianmin::screens
