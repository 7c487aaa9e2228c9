#include "ui/app_chrome.h"

#include <cmath>
#include <cstdio>

#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/display.h"
#include "ui/status.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace bianmin::ui::chrome {
namespace {

constexpr float kFontScaleStep = 0.15f;

void change_font_scale(float scale) {
    display::set_font_scale(scale);
    char percent[16];
    std::snprintf(percent, sizeof percent, "%d%%", int(std::lround(display::font_scale() * 100)));
    status::show(i18n::fill("chrome.font_size_now", {percent}));  // heard by screen readers too
}

bool secure() {
    static const bool is_secure = platform::secure_context();
    return is_secure;
}

}  // namespace

void top_notices() {
    if (secure()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.96f, 0.85f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kWarning);
    const ImGuiChildFlags flags = ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border;
    if (ImGui::BeginChild("##insecure", ImVec2(0, 0), flags)) text_wrapped("chrome.insecure");
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
}

void bottom_line() { status::draw_line(); }

void font_size_control() {
    ImGui::PushID("font-size");
    ImGui::AlignTextToFramePadding();
    text("chrome.font_size");
    ImGui::SameLine();
    const float scale = display::font_scale();
    if (button_enabled_if("chrome.font_smaller", scale > display::kMinFontScale + 0.01f)) {
        change_font_scale(scale - kFontScaleStep);
    }
    ImGui::SameLine();
    char percent[16];
    std::snprintf(percent, sizeof percent, "%d%%", int(std::lround(scale * 100)));
    ImGui::AlignTextToFramePadding();
    value_text(percent);
    ImGui::SameLine();
    if (button_enabled_if("chrome.font_larger", scale < display::kMaxFontScale - 0.01f)) {
        change_font_scale(scale + kFontScaleStep);
    }
    ImGui::SameLine();
    if (button_enabled_if("chrome.font_default", std::fabs(scale - 1.0f) > 0.01f)) change_font_scale(1.0f);
    ImGui::PopID();
}

}  // namespace bianmin::ui::chrome
