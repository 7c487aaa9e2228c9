// Bianmin in the browser: GLFW + WebGL2 + Dear ImGui, one frame per animation frame.
//
// [SECTION] Canvas size and pixel ratio
// [SECTION] Frame
// [SECTION] Start-up
// [SECTION] Functions the page calls (window.bianmin test hook)
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "app.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"  // the input queue, for frame pacing
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/files.h"
#include "platform/frame_pacing.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "platform/storage_test_api.h"
#include "platform/test_hook.h"
#include "platform/text_input.h"
#include "platform/touch.h"
#include "runtime/session.h"
#include "ui/display.h"
#include "ui/fonts.h"

namespace {

GLFWwindow* g_window = nullptr;
int g_max_texture_size = 2048;
bool g_ready_signalled = false;
bool g_background_fonts_requested = false;  // cjk-common.ttf, cjk-extra.ttf asked for
int g_frames_drawn = 0;  // since the stored events were loaded (frame() draws nothing before)
constexpr float kMaxFrameSeconds = 0.1f;  // ImGui's clock advances at most this per frame

//-------------------------------------------------------------------------------------
// [SECTION] Canvas size and pixel ratio
//-------------------------------------------------------------------------------------
// The canvas is sized by CSS (full window); its backing store is CSS size × pixel ratio
// so text is crisp on phones. ImGui then works in device pixels: GLFW's mouse positions
// are already scaled to the backing store, and fonts and style are scaled by the ratio
// (ui/display.cpp, which also follows browser zoom and the font-size setting).

void fit_canvas_to_window(const bianmin::platform::CanvasMetrics& m) {
    int width = 0, height = 0;
    glfwGetWindowSize(g_window, &width, &height);
    int want_w = m.backing_width, want_h = m.backing_height;
    // Emscripten 3.1.6's glfwSetWindowSize asks for fullscreen when the size equals the
    // screen's exactly; one pixel less avoids that surprise.
    if (want_w == EM_ASM_INT({ return screen.width; }) && want_h == EM_ASM_INT({ return screen.height; })) {
        want_h -= 1;
    }
    if (width != want_w || height != want_h) glfwSetWindowSize(g_window, want_w, want_h);
}

//-------------------------------------------------------------------------------------
// [SECTION] Frame
//-------------------------------------------------------------------------------------

// Anything that needs frames now: input waiting, a key, button or finger held down, a
// glide, or a new canvas size (see platform/frame_pacing.h).
bool activity(const bianmin::platform::CanvasMetrics& metrics) {
    static bianmin::platform::CanvasMetrics last;
    const bool resized = metrics.backing_width != last.backing_width || metrics.backing_height != last.backing_height ||
                         metrics.pixel_ratio != last.pixel_ratio;
    last = metrics;
    if (resized || !ImGui::GetCurrentContext()->InputEventsQueue.empty()) return true;
    if (bianmin::platform::touch::busy()) return true;
    for (bool down : ImGui::GetIO().MouseDown)
        if (down) return true;
    for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_NamedKey_END; ++key)
        if (ImGui::IsKeyDown(ImGuiKey(key))) return true;
    return false;
}

void frame() {
    // Until the stored events are loaded and projected, the page's loading overlay covers
    // the canvas: drawing would be wasted, and it slows IndexedDB down (the reads share
    // this thread).
    if (!bianmin::session::loaded()) return;
    const auto metrics = bianmin::platform::canvas_metrics();
    if (!bianmin::platform::pacing::should_draw(emscripten_get_now() / 1000.0, activity(metrics),
                                                bianmin::storage::pending() > 0))
        return;
    bianmin::ui::display::begin_frame(metrics);  // font atlas, style and texture, between frames
    fit_canvas_to_window(metrics);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // A slow frame (a tablet busy with an import) must not count as a key held down: with
    // the whole gap as DeltaTime, one Tab press became a press and a repeat and skipped a
    // field. Capped, a repeat takes at least three frames with the key still down.
    ImGui::GetIO().DeltaTime = std::min(ImGui::GetIO().DeltaTime, kMaxFrameSeconds);
    ImGui::NewFrame();
    bianmin::platform::touch::new_frame();  // drag-to-scroll, long press
    bianmin::app().draw();
    ImGui::Render();
    bianmin::platform::text_input::end_frame();  // DOM focus follows the active text field

    int fb_width = 0, fb_height = 0;
    glfwGetFramebufferSize(g_window, &fb_width, &fb_height);
    glViewport(0, 0, fb_width, fb_height);
    // The main window draws no background of its own (app.cpp): the clear is its background.
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    bianmin::test_hook::end_frame();

    // Ready once the stored events are loaded and two frames are drawn with them: ImGui
    // lays out new windows and tab bars in their first frame and shows them in the next.
    // The larger font files come in the frame after ready, never on the way there (text
    // that needs them earlier asks for them at once: fonts::note_text).
    if (g_ready_signalled && !g_background_fonts_requested) {
        g_background_fonts_requested = true;
        bianmin::ui::fonts::start_background_load();
    }
    if (!g_ready_signalled && ++g_frames_drawn >= 2) {
        g_ready_signalled = true;
        bianmin::platform::signal_ready();
    }
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Start-up
//-------------------------------------------------------------------------------------

int main() {
    if (!glfwInit()) {
        std::fprintf(stderr, "bianmin: GLFW could not start\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);  // WebGL 2
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    const auto metrics = bianmin::platform::canvas_metrics();
    g_window = glfwCreateWindow(metrics.backing_width, metrics.backing_height, "便民服务", nullptr, nullptr);
    if (!g_window) {
        std::fprintf(stderr, "bianmin: WebGL 2 is not available in this browser\n");
        return 1;
    }
    glfwMakeContextCurrent(g_window);
    bianmin::platform::shadow_gl_state();
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &g_max_texture_size);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not a file's
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::StyleColorsLight();
    bianmin::ui::display::init(g_max_texture_size);

    bianmin::test_hook::enable(bianmin::platform::test_mode());
    // Start reading the stored events now; fonts and GL start meanwhile (see frame()).
    if (bianmin::platform::test_mode()) bianmin::storage_test::install();
    bianmin::storage::open([](auto records, const bianmin::storage::LoadReport& report) {
        bianmin::session::load(records, report);
        if (bianmin::platform::test_mode()) {
            bianmin::storage_test::on_loaded(records, report);
            bianmin::session::set_follow_observer(bianmin::storage_test::on_followed);
        }
    });
    if (!bianmin::ui::fonts::load_font_files()) return 1;

    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    bianmin::platform::text_input::install(g_window);  // after the backend: replaces its char callback
    bianmin::platform::touch::install(g_window);
    bianmin::platform::files::install();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    bianmin::platform::set_document_language(bianmin::i18n::bcp47(bianmin::i18n::current()));

    emscripten_set_main_loop(frame, 0, false);
    return 0;
}

//-------------------------------------------------------------------------------------
// [SECTION] Functions the page calls (window.bianmin test hook)
//-------------------------------------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* bm_test_items_json() { return bianmin::test_hook::items_json(); }

EMSCRIPTEN_KEEPALIVE const char* bm_lang() { return bianmin::i18n::code(bianmin::i18n::current()); }

// Returns 1 if the code is a known language; the switch happens at the next frame.
EMSCRIPTEN_KEEPALIVE int bm_set_lang(const char* code) {
    bianmin::i18n::Lang lang;
    if (!code || !bianmin::i18n::parse_code(code, lang)) return 0;
    bianmin::app().request_language(lang);
    return 1;
}

// The event log of the page: {loaded, device, events, revision, actor, ...}.
EMSCRIPTEN_KEEPALIVE const char* bm_session_json() {
    static std::string text;
    text = bianmin::session::test_summary_json();
    return text.c_str();
}

// Committed changes not yet durable in IndexedDB.
EMSCRIPTEN_KEEPALIVE int bm_pending() { return int(bianmin::storage::pending()); }

// Frames drawn so far; bm_wake asks for frames now (window.bianmin.nextFrame()).
EMSCRIPTEN_KEEPALIVE unsigned bm_frames_drawn() { return bianmin::platform::pacing::frames_drawn(); }
// Input events ImGui has not taken yet: it takes at most one key or button change a frame,
// so typed text reaches the fields over several frames after the browser delivered it.
EMSCRIPTEN_KEEPALIVE int bm_input_pending() {
    return ImGui::GetCurrentContext() ? ImGui::GetCurrentContext()->InputEventsQueue.Size : 0;
}
EMSCRIPTEN_KEEPALIVE void bm_wake() { bianmin::platform::pacing::wake(); }

}  // extern "C"
