#include "ui/status.h"

#include "i18n/i18n.h"
#include "imgui.h"
#include "platform/platform.h"
#include "platform/test_hook.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace bianmin::ui::status {
namespace {

constexpr double kShowSeconds = 5.0;
constexpr double kShowErrorSeconds = 12.0;
constexpr double kFadeSeconds = 0.6;

struct Message {
    std::string text;
    Kind kind = Kind::Info;
    double shown_at = -1.0;
};

Message& message() {
    static Message m;
    return m;
}

const std::string& empty() {
    static const std::string none;
    return none;
}

}  // namespace

void show(std::string text, Kind kind) {
    Message& m = message();
    m.text = std::move(text);
    m.kind = kind;
    m.shown_at = ImGui::GetTime();
    fonts::note_text(m.text);
    platform::announce(m.text);
}

void show_key(const char* key, Kind kind) { show(i18n::tr(key), kind); }

const std::string& current() {
    const Message& m = message();
    if (m.text.empty()) return empty();
    const double lifetime = m.kind == Kind::Error ? kShowErrorSeconds : kShowSeconds;
    return ImGui::GetTime() - m.shown_at < lifetime ? m.text : empty();
}

void draw_line() {
    const Message& m = message();
    if (current().empty()) return;
    const double lifetime = m.kind == Kind::Error ? kShowErrorSeconds : kShowSeconds;
    const double remaining = lifetime - (ImGui::GetTime() - m.shown_at);
    const float alpha = remaining < kFadeSeconds ? float(remaining / kFadeSeconds) : 1.0f;

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = ImGui::GetFrameHeightWithSpacing() + style.WindowPadding.y;
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y - height));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, height));
    ImGui::SetNextWindowBgAlpha(0.95f * alpha);
    const ImVec4 background = m.kind == Kind::Error ? ImVec4(1.0f, 0.93f, 0.93f, 1.0f)
                              : m.kind == Kind::Success ? ImVec4(0.91f, 0.97f, 0.92f, 1.0f)
                                                        : ImVec4(0.92f, 0.95f, 1.0f, 1.0f);
    ImVec4 ink = m.kind == Kind::Error ? theme::kError : m.kind == Kind::Success ? theme::kSuccess : theme::kNotice;
    ink.w = alpha;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    ImGui::PushStyleColor(ImGuiCol_Text, ink);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("##status-line", nullptr, flags)) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(m.text.c_str());
        test_hook::record_last_item(m.text.c_str(), "text");
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
}

}  // namespace bianmin::ui::status
