// Fonts — the Latin + CJK atlas, built for the device, growing for rare characters.
//
// latin.ttf (DejaVu Sans subset) is the base font and cjk.ttf (Droid Sans Fallback: the
// app's own characters and CJK punctuation) is merged into it; both come with the page,
// before the first frame, and keep the cold start small. Once the app is ready
// cjk-common.ttf (the rest of GB2312 level 1, 3,755 common characters) is fetched and
// merged whole; then cjk-extra.ttf (every other character Droid Sans Fallback has,
// ~24,000) is fetched in the background. When text that is about to be
// shown — typed, pasted, or loaded from data — holds a character the atlas lacks, the
// character is queued and the atlas is rebuilt between frames with it, so a resident's rare
// surname (e.g. U+5803, U+5586, U+36C3 — not written out here: make_fonts.py puts every
// character of the sources into the start-up font) never shows as '?'.
//
// The atlas never outgrows the GPU: if it would exceed GL_MAX_TEXTURE_SIZE it is rebuilt
// at a smaller pixel size (slightly softer text rather than none).
#pragma once

#include <string_view>

namespace bianmin::ui::fonts {

// Takes latin.ttf and cjk.ttf from the page's assets. False (message on stderr) if missing.
bool load_font_files();

// Fetches cjk-common.ttf, then cjk-extra.ttf, in the background: once the app is ready
// (they must not delay its first interactive frame), or earlier when drawn text needs a
// character the start font lacks. Names drawn before cjk-common.ttf arrives are redrawn.
void start_background_load();

// Rebuilds the atlas if the pixel size or the wanted characters changed since the last
// build. Call between frames only. True when it rebuilt (the GPU texture must follow).
bool update_atlas(float pixel_size, int max_texture_size);

// Text about to be shown: queues any character the atlas lacks. Cheap for ASCII.
void note_text(std::string_view utf8);

// True if the atlas has a glyph for the code point (for tests and diagnostics).
bool has_glyph(unsigned int codepoint);

struct AtlasStats {
    int width = 0;
    int height = 0;
    int glyphs = 0;
    float pixel_size = 0;     // what was asked for
    float built_size = 0;     // what fitted the GPU's texture limit
    double build_ms = 0;      // last rebuild, CPU time of ImFontAtlas::Build
    int max_texture_size = 0;
    bool common_font_loaded = false;  // cjk-common.ttf is in the atlas
    bool extra_font_loaded = false;
    int extra_characters = 0; // characters added from cjk-extra.ttf
    int unavailable = 0;      // asked for but in no font
};
const AtlasStats& stats();

}  // namespace bianmin::ui::fonts
