// Platform — the one door between the app and the browser.
//
// Screens and app code call only these functions for anything the browser owns (canvas
// size, pixel ratio, assets the page fetched, accessibility announcements, the test
// hook's readiness signal). The JavaScript side lives in web/platform/library_bianmin.js
// and web/static/boot.js.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bianmin::platform {

struct CanvasMetrics {
    double css_width = 0;     // canvas size in CSS pixels
    double css_height = 0;
    double pixel_ratio = 1;   // device pixels per CSS pixel (capped, see platform_web.cpp)
    int backing_width = 0;    // = round(css * ratio): what WebGL draws into
    int backing_height = 0;
};

CanvasMetrics canvas_metrics();

// What the most recent canvas_metrics() call measured (no DOM access).
CanvasMetrics last_canvas_metrics();

// Bytes of an asset the page fetched before main() (e.g. "fonts/cjk.ttf"); empty if absent.
std::vector<std::uint8_t> take_asset(const std::string& name);

// Answers the WebGL state reads of the ImGui renderer from a copy instead of a round trip
// to the GPU process (library_gl_state.js). Call once, after the GL context is current.
void shadow_gl_state();

// Runs `step` once the app has drawn its next frame (and wakes the frame loop for it):
// long work split into steps this way keeps a progress bar moving between them.
void after_next_frame(std::function<void()> step);

// True when the page was opened with ?test=1.
bool test_mode();

// Resolve window.bianmin.ready (after the first frame is drawn and data is loaded).
void signal_ready();

// Say something to screen readers through the page's aria-live region.
void announce(const std::string& text);

// Tell the page which language the UI shows (sets <html lang>).
void set_document_language(const char* bcp47);

// True on https:// and http://localhost. Without it the browser gives no service worker
// (no offline start), no clipboard API and no WebCrypto: the app says so on screen.
bool secure_context();

// The page address's query parameter `name` (e.g. "screen" of ?screen=gallery).
std::optional<std::string> query_param(const char* name);

// The device has a touch screen (coarse pointer or touch points); a first touch also counts.
bool touch_capable();

// Small per-device preferences (font size, ...) kept in the browser's localStorage.
std::optional<std::string> setting(const char* key);
void set_setting(const char* key, const std::string& value);

// Today on this device's calendar.
struct CalendarDay {
    int year = 1970;
    int month = 1;
    int day = 1;
};
CalendarDay local_today();

// Fetches an asset in the background (never blocks a frame). `done` runs later, between
// frames, with the bytes, or with an empty vector if the fetch failed (e.g. offline).
void fetch_asset_async(const std::string& name, std::function<void(std::vector<std::uint8_t>)> done);

}  // namespace bianmin::platform
