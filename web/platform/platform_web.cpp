#include "platform/platform.h"
#include "platform/frame_pacing.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>

#include <emscripten.h>
#include <emscripten/html5.h>

// Implemented in web/platform/library_bianmin.js.
extern "C" {
int bm_js_asset_size(const char* name);
void bm_js_asset_take(const char* name, std::uint8_t* destination);
int bm_js_test_mode();
void bm_js_signal_ready();
void bm_js_announce(const char* text);
void bm_js_set_document_language(const char* bcp47);
// library_platform.js
int bm_js_secure_context();
void bm_js_shadow_gl_state();
char* bm_js_query_param(const char* name);  // malloc'd, or null
int bm_js_touch_capable();
char* bm_js_setting_get(const char* key);   // malloc'd, or null
void bm_js_setting_set(const char* key, const char* value);
int bm_js_local_date();
void bm_js_fetch_asset_async(const char* name, int token);
}

namespace bianmin::platform {

// Above 2 device pixels per CSS pixel text is no crisper to the eye, but the font atlas
// and every frame cost four times as much.
constexpr double kMaxPixelRatio = 2.0;

namespace {

CanvasMetrics g_last_metrics;

// Takes a malloc'd string from JavaScript.
std::optional<std::string> adopt(char* text) {
    if (!text) return std::nullopt;
    std::string copy(text);
    std::free(text);
    return copy;
}

struct AssetRequests {
    int next_token = 1;
    std::map<int, std::function<void(std::vector<std::uint8_t>)>> waiting;
};

AssetRequests& asset_requests() {
    static AssetRequests r;
    return r;
}

}  // namespace

CanvasMetrics last_canvas_metrics() { return g_last_metrics; }

CanvasMetrics canvas_metrics() {
    CanvasMetrics m;
    emscripten_get_element_css_size("#canvas", &m.css_width, &m.css_height);
    m.pixel_ratio = std::clamp(emscripten_get_device_pixel_ratio(), 1.0, kMaxPixelRatio);
    m.backing_width = std::max(1, int(std::lround(m.css_width * m.pixel_ratio)));
    m.backing_height = std::max(1, int(std::lround(m.css_height * m.pixel_ratio)));
    g_last_metrics = m;
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

bool secure_context() { return bm_js_secure_context() != 0; }

void shadow_gl_state() { bm_js_shadow_gl_state(); }

void after_next_frame(std::function<void()> step) {
    pacing::wake();
    // The animation frame callback runs beside the app's own frame; the zero-delay task
    // it queues runs only after that frame is drawn.
    emscripten_request_animation_frame(
        [](double, void* boxed) -> EM_BOOL {
            emscripten_async_call(
                [](void* boxed_step) {
                    std::unique_ptr<std::function<void()>> run(static_cast<std::function<void()>*>(boxed_step));
                    (*run)();
                },
                boxed, 0);
            return EM_FALSE;
        },
        new std::function<void()>(std::move(step)));
}

std::optional<std::string> query_param(const char* name) { return adopt(bm_js_query_param(name)); }
bool touch_capable() { return bm_js_touch_capable() != 0; }
std::optional<std::string> setting(const char* key) { return adopt(bm_js_setting_get(key)); }
void set_setting(const char* key, const std::string& value) { bm_js_setting_set(key, value.c_str()); }

CalendarDay local_today() {
    const int packed = bm_js_local_date();
    return CalendarDay{packed / 10000, packed / 100 % 100, packed % 100};
}

void fetch_asset_async(const std::string& name, std::function<void(std::vector<std::uint8_t>)> done) {
    AssetRequests& r = asset_requests();
    const int token = r.next_token++;
    r.waiting.emplace(token, std::move(done));
    bm_js_fetch_asset_async(name.c_str(), token);
}

}  // namespace bianmin::platform

//-------------------------------------------------------------------------------------
// Functions the page calls (library_platform.js)
//-------------------------------------------------------------------------------------

namespace {

void finish_asset_request(int token, std::vector<std::uint8_t> bytes) {
    auto& waiting = bianmin::platform::asset_requests().waiting;
    auto it = waiting.find(token);
    if (it == waiting.end()) return;
    auto done = std::move(it->second);
    waiting.erase(it);
    done(std::move(bytes));
}

}  // namespace

extern "C" {

// Takes ownership of `data` (malloc'd by the page).
EMSCRIPTEN_KEEPALIVE void bm_asset_arrived(int token, std::uint8_t* data, int size) {
    bianmin::platform::pacing::wake();
    std::vector<std::uint8_t> bytes(data, data + std::max(0, size));
    std::free(data);
    finish_asset_request(token, std::move(bytes));
}

EMSCRIPTEN_KEEPALIVE void bm_asset_failed(int token) {
    bianmin::platform::pacing::wake();
    finish_asset_request(token, {});
}

}  // extern "C"
