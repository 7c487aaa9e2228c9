#include "app.h"

#include "imgui.h"
#include "platform/platform.h"
#include "platform/storage_banner.h"
#include "screens/screens.h"
#include "ui/app_chrome.h"

namespace bianmin {
namespace {

// The widget gallery is a test-only screen, reachable only with ?test=1&screen=gallery.
bool gallery_requested() {
    static const bool requested = platform::test_mode() && platform::query_param("screen").value_or("") == "gallery";
    return requested;
}

}  // namespace

App& app() {
    static App instance;
    return instance;
}

void App::request_language(i18n::Lang lang) {
    requested_language = lang;
    language_change_pending = true;
}

void App::draw() {
    if (language_change_pending) {
        language_change_pending = false;
        i18n::set_current(requested_language);
        platform::set_document_language(i18n::bcp47(requested_language));
        platform::announce(i18n::tr("app.language_switched"));
    }

    // One full-window surface; screens draw inside it.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("Bianmin", nullptr, flags)) {
        storage_banner::draw();  // saving problems and storage warnings, if any
        ui::chrome::top_notices();  // e.g. no secure context: no offline start
        if (gallery_requested()) {
            screens::draw_gallery(*this);
        } else {
            screens::draw_home(*this);
        }
    }
    ImGui::End();
    ui::chrome::bottom_line();  // the status line (saves, errors), above the screen
}

}  // namespace bianmin
