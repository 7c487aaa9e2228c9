#include "ui/widgets.h"

#include "i18n/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"  // GImGui->NextItemData
#include "platform/test_hook.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace bianmin::ui {

//-------------------------------------------------------------------------------------
// [SECTION] Text
//-------------------------------------------------------------------------------------

std::string id_label(const char* key) { return std::string(i18n::tr(key)) + "###" + key; }

void title(const char* key) {
    const char* label = i18n::tr(key);
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted(label);
    ImGui::SetWindowFontScale(1.0f);
    test_hook::record_last_item(label, "text");
}

void heading(const char* key) {
    const char* label = i18n::tr(key);
    ImGui::SeparatorText(label);
    test_hook::record_last_item(label, "text");
}

void text(const char* key) {
    const char* label = i18n::tr(key);
    ImGui::TextUnformatted(label);
    test_hook::record_last_item(label, "text");
}

void text_wrapped(const char* key) {
    const char* label = i18n::tr(key);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    test_hook::record_last_item(label, "text");
}

void hint(const char* key) {
    const char* label = i18n::tr(key);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    test_hook::record_last_item(label, "text");
}

void value_text(std::string_view text) {
    fonts::note_text(text);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (test_hook::enabled()) test_hook::record_last_item(std::string(text).c_str(), "text");
}

void value_text_wrapped(std::string_view text) {
    fonts::note_text(text);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    if (test_hook::enabled()) test_hook::record_last_item(std::string(text).c_str(), "text");
}

void label_value(const char* key, std::string_view value) {
    fonts::note_text(value);
    const char* label = i18n::tr(key);
    ImGui::TextDisabled("%s", label);
    test_hook::record_last_item(label, "text");
    ImGui::SameLine();
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
    if (test_hook::enabled()) test_hook::record_last_item(std::string(value).c_str(), "text");
}

void beside_if_room(float width, float spacing) {
    const float gap = spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing;
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + gap + width <= right_edge) ImGui::SameLine(0, gap);
}

float button_width(const char* key) {
    return ImGui::CalcTextSize(i18n::tr(key)).x + ImGui::GetStyle().FramePadding.x * 2;
}

void label_value_beside(const char* key, std::string_view value, float spacing) {
    const float width = ImGui::CalcTextSize(i18n::tr(key)).x + ImGui::GetStyle().ItemSpacing.x +
                        ImGui::CalcTextSize(value.data(), value.data() + value.size()).x;
    beside_if_room(width, spacing);
    label_value(key, value);
}

void text_beside(const char* key, float spacing) {
    beside_if_room(ImGui::CalcTextSize(i18n::tr(key)).x, spacing);
    text(key);
}

void error_text(std::string_view message) {
    fonts::note_text(message);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(message.data(), message.data() + message.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (test_hook::enabled()) test_hook::record_last_item(std::string(message).c_str(), "text");
}

//-------------------------------------------------------------------------------------
// [SECTION] Buttons and choices
//-------------------------------------------------------------------------------------

bool button(const char* key) {
    const std::string label = id_label(key);
    test_hook::hint_next_kind("button");
    return ImGui::Button(label.c_str());
}

bool primary_button(const char* key) {
    ImGui::PushStyleColor(ImGuiCol_Button, theme::kPrimary);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::kPrimaryHovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::kPrimaryActive);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kOnPrimary);
    const std::string label = id_label(key);
    test_hook::hint_next_kind("button");
    const ImVec2 size(ImGui::CalcTextSize(i18n::tr(key)).x + ImGui::GetStyle().FramePadding.x * 6, 0);
    const bool clicked = ImGui::Button(label.c_str(), size);
    ImGui::PopStyleColor(4);
    return clicked;
}

bool button_enabled_if(const char* key, bool enabled) {
    ImGui::BeginDisabled(!enabled);
    const bool clicked = button(key);
    ImGui::EndDisabled();
    return clicked && enabled;
}

bool checkbox(const char* key, bool* value) {
    const std::string label = id_label(key);
    test_hook::hint_next_kind("checkbox");
    return ImGui::Checkbox(label.c_str(), value);
}

namespace {

// ImGui's BeginCombo does not report itself to the test hook; we do.
template <class Text>
bool combo_over(const char* key, int* current, int count, Text option_text) {
    // Label above, like every field (fields.h): narrow phone screens have no room beside.
    // The label is an item too: keep a width the caller set for the combo itself.
    const ImGuiNextItemData& next = GImGui->NextItemData;
    const float width = (next.Flags & ImGuiNextItemDataFlags_HasWidth) ? next.Width : ImGui::GetFontSize() * 14;
    text(key);
    ImGui::SetNextItemWidth(width);
    const std::string id = std::string("##") + key;
    const char* preview = (*current >= 0 && *current < count) ? option_text(*current) : "";
    bool changed = false;
    const bool open = ImGui::BeginCombo(id.c_str(), preview);
    test_hook::record_last_item(i18n::tr(key), "combo");
    if (open) {
        for (int i = 0; i < count; ++i) {
            ImGui::PushID(i);
            const bool selected = i == *current;
            test_hook::hint_next_kind("selectable");
            if (ImGui::Selectable(option_text(i), selected)) {
                *current = i;
                changed = true;
            }
            if (selected) ImGui::SetItemDefaultFocus();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace

bool combo(const char* key, int* current, std::span<const char* const> option_keys) {
    return combo_over(key, current, int(option_keys.size()),
                      [&](int i) { return i18n::tr(option_keys[std::size_t(i)]); });
}

bool combo_data(const char* key, int* current, const std::vector<std::string>& options) {
    for (const std::string& option : options) fonts::note_text(option);
    return combo_over(key, current, int(options.size()),
                      [&](int i) { return options[std::size_t(i)].c_str(); });
}

bool selectable_data(std::string_view text, bool selected, const char* id) {
    fonts::note_text(text);
    std::string label(text);
    if (id) label += std::string("###") + id;
    test_hook::hint_next_kind("selectable");
    return ImGui::Selectable(label.c_str(), selected);
}

bool nav_entry(const char* key, bool selected) {
    const std::string label = id_label(key);
    const ImVec2 size(ImGui::CalcTextSize(i18n::tr(key)).x + ImGui::GetStyle().FramePadding.x * 2, 0);
    test_hook::hint_next_kind("tab");
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.5f, 0.5f));
    const bool clicked = ImGui::Selectable(label.c_str(), selected, 0, size);
    ImGui::PopStyleVar();
    return clicked;
}

bool begin_tabs(const char* id) { return ImGui::BeginTabBar(id); }

bool tab(const char* key, bool select_now) {
    const std::string label = id_label(key);
    test_hook::hint_next_kind("tab");
    return ImGui::BeginTabItem(label.c_str(), nullptr, select_now ? ImGuiTabItemFlags_SetSelected : 0);
}

void end_tab() { ImGui::EndTabItem(); }
void end_tabs() { ImGui::EndTabBar(); }

bool menu_item(const char* key, bool selected) {
    const std::string label = id_label(key);
    test_hook::hint_next_kind("menu");
    return ImGui::MenuItem(label.c_str(), nullptr, selected);
}

bool begin_context_menu() { return ImGui::BeginPopupContextItem(); }
void end_context_menu() { ImGui::EndPopup(); }

}  // namespace bianmin::ui
