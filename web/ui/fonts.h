// Fonts — the Latin + CJK atlas, built for the device's pixel ratio.
//
// latin.ttf (DejaVu Sans subset) is the base font and cjk.ttf (Droid Sans Fallback
// subset) is merged into it. Both are loaded from the page's assets once and kept, so
// the atlas can be rebuilt between frames when the pixel ratio or font size changes.
#pragma once

namespace bianmin::ui {

// Loads the font bytes from the page. False (with a message on stderr) if missing.
bool load_font_files();

// (Re)builds ImGui's font atlas at css_size × pixel_ratio pixels, no larger than the
// GPU's texture limit. Call between frames, never inside one.
void build_font_atlas(float css_size, float pixel_ratio, int max_texture_size);

}  // namespace bianmin::ui
