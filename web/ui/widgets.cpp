#include "ui/widgets.h"

#include <string>

#include "i18n/i18n.h"
#include "imgui.h"
#include "platform/test_hook.h"

namespace bianmin::ui {

void title(const char* key) {
    const char* label = i18n::tr(key);
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted(label);
    ImGui::SetWindowFontScale(1.0f);
    test_hook::record_last_item(label, "text");
}

void text(const char* key) {
    const char* label = i18n::tr(key);
    ImGui::TextUnformatted(label);
    test_hook::record_last_item(label, "text");
}

bool button(const char* key) {
    // The key keeps the ID stable when the language (and so the label) changes.
    std::string label = std::string(i18n::tr(key)) + "###" + key;
    test_hook::hint_next_kind("button");
    return ImGui::Button(label.c_str());
}

}  // namespace bianmin::ui
