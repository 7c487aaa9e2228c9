#include "platform/text_input.h"
#include "platform/frame_pacing.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <string>
#include <vector>

#include "platform/platform.h"

// Implemented in web/platform/library_text_input.js.
extern "C" {
void bm_js_text_input_install();
void bm_js_text_input_place(int want, double x, double y, double line_height, int keyboard);
void bm_js_text_input_keep_focus();
void bm_js_text_input_focus_in_gesture(double x, double y, int keyboard);
void bm_js_clipboard_write(const char* text);
}

namespace bianmin::platform::text_input {
namespace {

// After a tap focused the textarea, ImGui activates the field a frame or two later (its
// input queue trickles the press). Blurring in between would close the virtual keyboard
// that only a gesture can open, so the focus is kept this many frames regardless.
constexpr int kGestureGraceFrames = 12;

struct Field {
    ImGuiID id;
    ImRect rect;
    Keyboard keyboard;
};

struct InputState {
    std::vector<Field> fields_building;
    std::vector<Field> fields_last_frame;
    ImGuiPlatformImeData ime;   // the latest ImGui gave us
    bool ime_changed = false;
    bool js_wanted = false;     // what the page believes
    int grace_frames = 0;
    // The app's clipboard: the last text copied inside the app or pasted from the system.
    // ImGui's Ctrl+V reads it; the browser's paste event refreshes it first.
    std::string clipboard;
    void (*observer)(const char*) = nullptr;
};

InputState& input_state() {
    static InputState s;
    return s;
}

// ImGui works in framebuffer pixels; the page in CSS pixels.
double css_per_framebuffer_pixel() {
    const ImGuiIO& io = ImGui::GetIO();
    const CanvasMetrics m = last_canvas_metrics();
    return (io.DisplaySize.x > 0 && m.css_width > 0) ? m.css_width / io.DisplaySize.x : 1.0;
}

void on_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    input_state().ime = *data;
    input_state().ime_changed = true;
}

void set_clipboard(void*, const char* text) {
    input_state().clipboard = text ? text : "";
    bm_js_clipboard_write(input_state().clipboard.c_str());
}

const char* get_clipboard(void*) { return input_state().clipboard.c_str(); }

}  // namespace

void install(GLFWwindow* window) {
    // ImGui's GLFW backend chains to the previous callback; none was set before it, so
    // clearing the slot removes the keypress path entirely.
    glfwSetCharCallback(window, nullptr);
    ImGuiIO& io = ImGui::GetIO();
    io.SetPlatformImeDataFn = on_ime_data;
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ClipboardUserData = nullptr;
    bm_js_text_input_install();
}

void note_field(ImGuiID id, const ImRect& rect, Keyboard keyboard) {
    input_state().fields_building.push_back(Field{id, rect, keyboard});
}

namespace {

const Field* field_containing(ImVec2 point) {
    for (const Field& field : input_state().fields_last_frame) {
        if (field.rect.Contains(point)) return &field;
    }
    return nullptr;
}

Keyboard keyboard_of_active_field() {
    const ImGuiID active = ImGui::GetActiveID();
    for (const Field& field : input_state().fields_last_frame) {
        if (field.id == active) return field.keyboard;
    }
    return Keyboard::Text;
}

}  // namespace

bool field_at(ImVec2 point) { return field_containing(point) != nullptr; }

void focus_in_gesture(ImVec2 point) {
    InputState& s = input_state();
    const Field* field = field_containing(point);
    const double scale = css_per_framebuffer_pixel();
    bm_js_text_input_focus_in_gesture(point.x * scale, point.y * scale,
                                      int(field ? field->keyboard : Keyboard::Text));
    s.js_wanted = true;
    s.grace_frames = kGestureGraceFrames;
}

void end_frame() {
    InputState& s = input_state();
    s.fields_last_frame.swap(s.fields_building);
    s.fields_building.clear();

    const bool want = s.ime.WantVisible || s.grace_frames > 0;
    if (s.grace_frames > 0) --s.grace_frames;
    if (s.ime_changed || want != s.js_wanted) {
        const double scale = css_per_framebuffer_pixel();
        bm_js_text_input_place(want ? 1 : 0, s.ime.InputPos.x * scale, s.ime.InputPos.y * scale,
                               s.ime.InputLineHeight * scale, int(keyboard_of_active_field()));
        s.js_wanted = want;
        s.ime_changed = false;
    } else if (want) {
        bm_js_text_input_keep_focus();
    }
}

void set_commit_observer(void (*observer)(const char*)) { input_state().observer = observer; }

}  // namespace bianmin::platform::text_input

//-------------------------------------------------------------------------------------
// Functions the page calls (library_text_input.js)
//-------------------------------------------------------------------------------------

extern "C" {

// Text the browser committed: typed, composed by an IME, or pasted outside a shortcut.
EMSCRIPTEN_KEEPALIVE void bm_text_input_commit(const char* utf8) {
    bianmin::platform::pacing::wake();
    using namespace bianmin::platform::text_input;
    if (!utf8 || !*utf8) return;
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    if (input_state().observer) input_state().observer(utf8);
}

// Android keyboards report Backspace only as a deleteContentBackward input event.
EMSCRIPTEN_KEEPALIVE void bm_text_input_backspace() {
    bianmin::platform::pacing::wake();
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiKey_Backspace, true);
    io.AddKeyEvent(ImGuiKey_Backspace, false);
}

// The browser's paste event. With Ctrl/Cmd+V, ImGui already has the key and reads the
// clipboard in the next frame; otherwise (context menu, phone) the text is typed in.
EMSCRIPTEN_KEEPALIVE void bm_text_input_paste(const char* utf8, int from_shortcut) {
    bianmin::platform::pacing::wake();
    using namespace bianmin::platform::text_input;
    if (!utf8 || !*utf8) return;
    input_state().clipboard = utf8;
    if (!from_shortcut) ImGui::GetIO().AddInputCharactersUTF8(utf8);
    if (input_state().observer) input_state().observer(utf8);
}

}  // extern "C"
