// Functions only the browser tests call (through Module.ccall, with ?test=1): font atlas
// facts, glyph presence, the whole translation table, the status line. They cost nothing
// per frame; tests read state through them that items() does not show.
#include <emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

#include "i18n/i18n.h"
#include "ui/display.h"
#include "ui/fonts.h"
#include "ui/status.h"

namespace {

const char* keep(std::string text) {
    static std::string kept;
    kept = std::move(text);
    return kept.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* bm_test_font_stats() {
    const auto& s = bianmin::ui::fonts::stats();
    const nlohmann::json json = {{"width", s.width},
                                 {"height", s.height},
                                 {"glyphs", s.glyphs},
                                 {"pixelSize", s.pixel_size},
                                 {"builtSize", s.built_size},
                                 {"buildMs", s.build_ms},
                                 {"maxTextureSize", s.max_texture_size},
                                 {"commonFontLoaded", s.common_font_loaded},
                                 {"extraFontLoaded", s.extra_font_loaded},
                                 {"extraCharacters", s.extra_characters},
                                 {"unavailable", s.unavailable},
                                 {"fontScale", bianmin::ui::display::font_scale()},
                                 {"pixelRatio", bianmin::ui::display::pixel_ratio()},
                                 {"touchMode", bianmin::ui::display::touch_mode()}};
    return keep(json.dump());
}

EMSCRIPTEN_KEEPALIVE int bm_test_has_glyph(int codepoint) {
    return bianmin::ui::fonts::has_glyph(unsigned(codepoint)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* bm_test_i18n_table() {
    nlohmann::json table = nlohmann::json::array();
    for (int i = 0; i < bianmin::i18n::entry_count(); ++i) {
        const auto& e = bianmin::i18n::entry(i);
        table.push_back({{"key", e.key}, {"zh", e.zh ? e.zh : ""}, {"en", e.en ? e.en : ""}});
    }
    return keep(table.dump());
}

EMSCRIPTEN_KEEPALIVE const char* bm_test_status() { return keep(bianmin::ui::status::current()); }

}  // extern "C"
