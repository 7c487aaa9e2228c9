// Display — everything that follows the screen and the person's eyes: pixel ratio (hi-DPI,
// browser zoom, rotation), the font-size setting, touch-sized hit areas, and rebuilding the
// font atlas and style when any of them change. All of it happens between frames.
#pragma once

#include "platform/platform.h"

namespace bianmin::ui::display {

// Body text size in CSS pixels at font scale 1.
inline constexpr float kBaseFontCssPixels = 17.0f;

// The font-size setting (accessibility): a factor on the base size, kept per device.
inline constexpr float kMinFontScale = 0.85f;
inline constexpr float kMaxFontScale = 2.0f;

// After ImGui::CreateContext and the style colours: remembers the unscaled style, reads the
// saved font scale and the GPU's texture limit.
void init(int max_texture_size);

// At the start of every frame, before ImGui's NewFrame: rebuilds the atlas (and its GPU
// texture) and rescales the style if the pixel ratio, font scale or glyph set changed.
void begin_frame(const platform::CanvasMetrics& metrics);

float font_scale();
// Takes effect at the next frame; saved for the next visit.
void set_font_scale(float scale);

// Device pixels per CSS pixel the UI is currently drawn at.
float pixel_ratio();

// True once the style has touch-sized hit areas (touch screen detected or touched).
bool touch_mode();

}  // namespace bianmin::ui::display
