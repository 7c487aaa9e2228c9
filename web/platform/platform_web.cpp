#include "platform/platform.h"

#include <algorithm>
#include <cmath>

#include <emscripten/html5.h>

// Implemented in web/platform/library_bianmin.js.
extern "C" {
int bm_js_asset_size(const char* name);
void bm_js_asset_take(const char* name, std::uint8_t* destination);
int bm_js_test_mode();
void bm_js_signal_ready();
void bm_js_announce(const char* text);
void bm_js_set_document_language(const char* bcp47);
}

namespace bianmin::platform {

// Above 2 device pixels per CSS pixel text is no crisper to the eye, but the font atlas
// and every frame cost four times as much.
constexpr double kMaxPixelRatio = 2.0;

CanvasMetrics canvas_metrics() {
    CanvasMetrics m;
    emscripten_get_element_css_size("#canvas", &m.css_width, &m.css_height);
    m.pixel_ratio = std::clamp(emscripten_get_device_pixel_ratio(), 1.0, kMaxPixelRatio);
    m.backing_width = std::max(1, int(std::lround(m.css_width * m.pixel_ratio)));
    m.backing_height = std::max(1, int(std::lround(m.css_height * m.pixel_ratio)));
    return m;
}

std::vector<std::uint8_t> take_asset(const std::string& name) {
    int size = bm_js_asset_size(name.c_str());
    if (size <= 0) return {};
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    bm_js_asset_take(name.c_str(), bytes.data());
    return bytes;
}

bool test_mode() { return bm_js_test_mode() != 0; }
void signal_ready() { bm_js_signal_ready(); }
void announce(const std::string& text) { bm_js_announce(text.c_str()); }
void set_document_language(const char* bcp47) { bm_js_set_document_language(bcp47); }

}  // namespace bianmin::platform
