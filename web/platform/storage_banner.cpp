#include "platform/storage_banner.h"

#include <emscripten/html5.h>

#include <string>

#include "i18n/i18n.h"
#include "imgui.h"
#include "platform/storage.h"
#include "platform/test_hook.h"

namespace bianmin::storage_banner {
namespace {

void line(const std::string& text, const ImVec4& colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    test_hook::record_last_item(text.c_str(), "text");
}

}  // namespace

void draw(int unsynced_days) {
    const storage::Status& s = storage::status();
    const i18n::Lang lang = i18n::current();
    bool drew = false;
    // While opening, the page's own loading overlay speaks; afterwards any code but ok
    // means writing is stopped or failing, which the person must see.
    if (s.loaded && s.code != storage::Code::ok) {
        line(storage::message(s.code, lang), ImVec4(0.72f, 0.11f, 0.11f, 1.0f));
        drew = true;
    }
    for (const std::string& warning : storage::warnings(lang, emscripten_date_now(), unsynced_days)) {
        line(warning, ImVec4(0.6f, 0.36f, 0.0f, 1.0f));
        drew = true;
    }
    if (drew) ImGui::Separator();
}

}  // namespace bianmin::storage_banner
