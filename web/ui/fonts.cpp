#include "ui/fonts.h"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <set>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8
#include "platform/platform.h"

namespace bianmin::ui::fonts {
namespace {

constexpr const char* kCommonFontAsset = "fonts/cjk-common.ttf";
constexpr const char* kExtraFontAsset = "fonts/cjk-extra.ttf";
// The atlas is rebuilt this many times at most, each at a smaller size, to fit the GPU.
constexpr int kFitAttempts = 5;

struct State {
    std::vector<std::uint8_t> latin;
    std::vector<std::uint8_t> cjk;
    std::vector<std::uint8_t> common; // empty until the background fetch arrives
    std::vector<std::uint8_t> extra;  // empty until the background fetch arrives
    bool background_requested = false;

    std::set<ImWchar> wanted;         // missing characters noticed since the last build
    std::set<ImWchar> from_extra;     // characters the atlas takes from cjk-extra.ttf
    std::set<ImWchar> unavailable;    // in no font we have: never asked for again
    ImVector<ImWchar> extra_ranges;   // built from from_extra; must outlive the atlas build

    float built_for_size = 0;         // the pixel size last asked of update_atlas
    bool dirty = true;
    AtlasStats stats;
};

State& state() {
    static State s;
    return s;
}

void build_extra_ranges(State& s) {
    ImFontGlyphRangesBuilder builder;
    for (ImWchar c : s.from_extra) builder.AddChar(c);
    s.extra_ranges.clear();
    builder.BuildRanges(&s.extra_ranges);
}

void add_fonts(State& s, ImFontAtlas& atlas, float pixels) {
    ImFontConfig base;
    base.FontDataOwnedByAtlas = false;  // we keep the bytes to rebuild at other sizes
    base.OversampleH = 1;               // CJK at 2× oversampling costs 2× texture for little
    base.OversampleV = 1;
    base.PixelSnapH = true;
    // Everything below the CJK blocks: latin.ttf holds only what the app uses (Latin-1,
    // punctuation, ¥, arrows, ✓, ⟦⟧ ...); ImGui skips code points the font lacks.
    static const ImWchar kLatinRanges[] = {0x0020, 0x2E7F, 0};
    atlas.AddFontFromMemoryTTF(s.latin.data(), int(s.latin.size()), pixels, &base, kLatinRanges);
    ImFontConfig merge = base;
    merge.MergeMode = true;
    // The Chinese-full ranges cover cjk.ttf; ImGui skips code points the subset lacks.
    atlas.AddFontFromMemoryTTF(s.cjk.data(), int(s.cjk.size()), pixels, &merge,
                               atlas.GetGlyphRangesChineseFull());
    if (!s.common.empty()) {
        atlas.AddFontFromMemoryTTF(s.common.data(), int(s.common.size()), pixels, &merge,
                                   atlas.GetGlyphRangesChineseFull());
    }
    if (!s.extra.empty() && !s.from_extra.empty()) {
        build_extra_ranges(s);
        atlas.AddFontFromMemoryTTF(s.extra.data(), int(s.extra.size()), pixels, &merge,
                                   s.extra_ranges.Data);
    }
}

void rebuild(State& s, float pixels, int max_texture_size) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    const double started = emscripten_get_now();
    float size = pixels;
    for (int attempt = 0; attempt < kFitAttempts; ++attempt) {
        atlas.Clear();
        atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
        atlas.TexDesiredWidth = std::min(max_texture_size, 4096);
        add_fonts(s, atlas, size);
        const bool built = atlas.Build();
        if (built && atlas.TexHeight <= max_texture_size) break;
        // Glyph area grows with the square of the size: shrink to fit, with some margin.
        const float ratio = built ? float(max_texture_size) / float(atlas.TexHeight) : 0.5f;
        size = std::max(6.0f, size * std::sqrt(ratio) * 0.95f);
        std::fprintf(stderr, "bianmin: font atlas too large for this GPU (limit %d); retrying at %.1f px\n",
                     max_texture_size, size);
    }
    AtlasStats& st = s.stats;
    st.build_ms = emscripten_get_now() - started;
    st.width = atlas.TexWidth;
    st.height = atlas.TexHeight;
    st.glyphs = atlas.Fonts.Size > 0 ? atlas.Fonts[0]->Glyphs.Size : 0;
    st.pixel_size = pixels;
    st.built_size = size;
    st.max_texture_size = max_texture_size;
    st.common_font_loaded = !s.common.empty();
    st.extra_font_loaded = !s.extra.empty();

    // Characters asked for that no font has: stop asking.
    if (!s.extra.empty()) {
        for (ImWchar c : s.from_extra) {
            if (!has_glyph(c)) s.unavailable.insert(c);
        }
        for (ImWchar c : s.unavailable) s.from_extra.erase(c);
    }
    st.extra_characters = int(s.from_extra.size());
    st.unavailable = int(s.unavailable.size());
}

}  // namespace

bool load_font_files() {
    State& s = state();
    s.latin = platform::take_asset("fonts/latin.ttf");
    s.cjk = platform::take_asset("fonts/cjk.ttf");
    if (s.latin.empty() || s.cjk.empty()) {
        std::fprintf(stderr, "bianmin: font files missing from the page's assets\n");
        return false;
    }
    return true;
}

void start_background_load() {
    State& s = state();
    if (s.background_requested) return;
    s.background_requested = true;
    // One after the other: the common characters first (names on the first screens), and
    // the rare ones only once those are in, so that every wanted character the common set
    // holds is already drawn when the rare set is consulted.
    auto fetch_extra = [] {
        platform::fetch_asset_async(kExtraFontAsset, [](std::vector<std::uint8_t> bytes) {
            State& st = state();
            if (bytes.empty()) {
                st.background_requested = false;  // offline on a first visit: try again when needed
                return;
            }
            st.extra = std::move(bytes);
            if (!st.wanted.empty()) st.dirty = true;
        });
    };
    if (!s.common.empty()) {
        fetch_extra();
        return;
    }
    platform::fetch_asset_async(kCommonFontAsset, [fetch_extra](std::vector<std::uint8_t> bytes) {
        State& st = state();
        if (bytes.empty()) {
            st.background_requested = false;
            return;
        }
        st.common = std::move(bytes);
        st.dirty = true;
        fetch_extra();
    });
}

void note_text(std::string_view utf8) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.Fonts->Fonts.Size == 0) return;
    const ImFont* font = io.Fonts->Fonts[0];
    State& s = state();
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) {
        if (static_cast<unsigned char>(*p) < 0x80) {  // ASCII is always in the atlas
            ++p;
            continue;
        }
        unsigned int c = 0;
        p += ImTextCharFromUtf8(&c, p, end);
        if (c > IM_UNICODE_CODEPOINT_MAX || c == IM_UNICODE_CODEPOINT_INVALID) continue;
        const ImWchar w = ImWchar(c);
        if (font->FindGlyphNoFallback(w) || s.unavailable.count(w) || s.wanted.count(w)) continue;
        s.wanted.insert(w);
        if (s.extra.empty()) {
            start_background_load();
        } else {
            s.dirty = true;
        }
    }
}

bool has_glyph(unsigned int codepoint) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.Fonts->Fonts.Size == 0 || codepoint > IM_UNICODE_CODEPOINT_MAX) return false;
    return io.Fonts->Fonts[0]->FindGlyphNoFallback(ImWchar(codepoint)) != nullptr;
}

bool update_atlas(float pixel_size, int max_texture_size) {
    State& s = state();
    if (pixel_size != s.built_for_size) s.dirty = true;
    if (!s.dirty) return false;
    if (!s.extra.empty()) {
        // Characters the common set brought meanwhile need nothing from the rare set.
        for (ImWchar c : s.wanted) {
            if (!has_glyph(c)) s.from_extra.insert(c);
        }
        s.wanted.clear();
    }
    rebuild(s, pixel_size, max_texture_size);
    s.built_for_size = pixel_size;
    s.dirty = false;
    return true;
}

const AtlasStats& stats() { return state().stats; }

}  // namespace bianmin::ui::fonts
