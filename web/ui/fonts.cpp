#include "ui/fonts.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "imgui.h"
#include "platform/platform.h"

namespace bianmin::ui {
namespace {

std::vector<std::uint8_t> g_latin;
std::vector<std::uint8_t> g_cjk;

}  // namespace

bool load_font_files() {
    g_latin = platform::take_asset("fonts/latin.ttf");
    g_cjk = platform::take_asset("fonts/cjk.ttf");
    if (g_latin.empty() || g_cjk.empty()) {
        std::fprintf(stderr, "bianmin: font files missing from the page's assets\n");
        return false;
    }
    return true;
}

void build_font_atlas(float css_size, float pixel_ratio, int max_texture_size) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas& atlas = *io.Fonts;
    atlas.Clear();
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    atlas.TexDesiredWidth = std::min(max_texture_size, 4096);

    const float pixels = css_size * pixel_ratio;
    ImFontConfig base;
    base.FontDataOwnedByAtlas = false;  // we keep the bytes to rebuild at another size
    base.OversampleH = 1;
    base.OversampleV = 1;
    base.PixelSnapH = true;
    atlas.AddFontFromMemoryTTF(g_latin.data(), int(g_latin.size()), pixels, &base,
                               atlas.GetGlyphRangesDefault());

    ImFontConfig merge = base;
    merge.MergeMode = true;
    // The Chinese-full ranges cover everything in cjk.ttf; ImGui skips code points the
    // subset does not contain, so the atlas holds exactly the subset's glyphs.
    atlas.AddFontFromMemoryTTF(g_cjk.data(), int(g_cjk.size()), pixels, &merge,
                               atlas.GetGlyphRangesChineseFull());
    atlas.Build();
}

}  // namespace bianmin::ui
