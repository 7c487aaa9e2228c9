#include "app.h"

#include "imgui.h"
#include "platform/platform.h"
#include "screens/screens.h"

namespace bianmin {

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
    if (ImGui::Begin("Bianmin", nullptr, flags)) screens::draw_home(*this);
    ImGui::End();
}

}  // namespace bianmin
