#include "ui/display.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/text_input.h"
#include "platform/touch.h"
#include "ui/fonts.h"

namespace bianmin::ui::display {
namespace {

constexpr const char* kFontScaleSetting = "font_scale";
// Extra reach around widgets for fingers, in CSS pixels (ImGui warns against much more:
// overlapping items go to the first one submitted).
constexpr float kTouchPaddingCss = 4.0f;

struct State {
    ImGuiStyle unscaled_style;
    int max_texture_size = 2048;
    float font_scale = 1.0f;
    float styled_ratio = 0.0f;   // what the style was last scaled for
    float styled_scale = 0.0f;
    bool styled_touch = false;
    float ratio = 1.0f;
    bool touch_capable = false;
    int frames = 0;
};

State& state() {
    static State s;
    return s;
}

float clamp_scale(float scale) { return std::clamp(scale, kMinFontScale, kMaxFontScale); }

void restyle(State& s, float ratio, bool touch) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = s.unscaled_style;
    style.ScaleAllSizes(ratio * s.font_scale);
    if (touch) style.TouchExtraPadding = ImVec2(kTouchPaddingCss * ratio, kTouchPaddingCss * ratio);
    s.styled_ratio = ratio;
    s.styled_scale = s.font_scale;
    s.styled_touch = touch;
}

}  // namespace

void init(int max_texture_size) {
    State& s = state();
    s.unscaled_style = ImGui::GetStyle();
    s.max_texture_size = std::max(512, max_texture_size);
    // Tests stand in for a small GPU (&max_texture=1024) to see the atlas shrink to fit.
    if (platform::test_mode()) {
        if (auto limit = platform::query_param("max_texture")) {
            s.max_texture_size = std::clamp(std::atoi(limit->c_str()), 512, s.max_texture_size);
        }
    }
    s.touch_capable = platform::touch_capable();
    // Whatever is typed or pasted into any field gets its glyphs, rare names included.
    platform::text_input::set_commit_observer([](const char* utf8) { fonts::note_text(utf8); });
    if (auto saved = platform::setting(kFontScaleSetting)) {
        const float value = std::strtof(saved->c_str(), nullptr);
        if (value > 0) s.font_scale = clamp_scale(value);
    }
}

void begin_frame(const platform::CanvasMetrics& metrics) {
    State& s = state();
    const float ratio = float(metrics.pixel_ratio);
    s.ratio = ratio;
    const float pixel_size = kBaseFontCssPixels * ratio * s.font_scale;
    if (fonts::update_atlas(pixel_size, s.max_texture_size) && s.frames > 0) {
        // Before the first frame the OpenGL backend creates the texture itself.
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    const bool touch = s.touch_capable || platform::touch::used();
    if (ratio != s.styled_ratio || s.font_scale != s.styled_scale || touch != s.styled_touch) {
        restyle(s, ratio, touch);
    }
    ++s.frames;
}

float font_scale() { return state().font_scale; }

void set_font_scale(float scale) {
    State& s = state();
    s.font_scale = clamp_scale(scale);
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", s.font_scale);
    platform::set_setting(kFontScaleSetting, text);
}

float pixel_ratio() { return state().ratio; }

bool touch_mode() { return state().styled_touch; }

}  // namespace bianmin::ui::display
