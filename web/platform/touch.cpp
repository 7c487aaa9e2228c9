#include "platform/touch.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>
#include <vector>

#include "imgui_impl_glfw.h"
#include "platform/platform.h"
#include "platform/text_input.h"

extern "C" void bm_js_take_touch_from_glfw();  // library_platform.js

namespace bianmin::platform::touch {
namespace {

constexpr float kDragThresholdCss = 10.0f;      // finger jitter below this is still a tap
constexpr double kLongPressSeconds = 0.5;
constexpr float kMomentumDecayPerSecond = 4.0f;  // velocity × e^(-4t): ~0.5 s of glide
constexpr float kMomentumStopCss = 30.0f;        // px/s below which the glide ends

enum class Phase { Idle, Pressed, Scrolling, LongPressed };

struct State {
    GLFWwindow* window = nullptr;
    Phase phase = Phase::Idle;
    long finger = -1;          // identifier of the one touch we follow
    ImVec2 start;              // framebuffer pixels
    ImVec2 last;
    double start_seconds = 0;
    double last_move_seconds = 0;
    bool moved = false;        // beyond the tap threshold
    bool started_in_claim = false;
    bool text_was_active = false;  // an active text field was touched: drags select text
    ImGuiID under_finger = 0;  // window under the touch start
    ImGuiID scroll_window = 0;
    ImVec2 pending_scroll;     // finger movement not yet applied to the window
    ImVec2 velocity;           // framebuffer pixels per second, for the glide
    bool gliding = false;
    // While set, whatever the press activated is deactivated again each frame, until
    // ImGui has seen the button go up: the drag became a scroll or a long press.
    bool suppress_press = false;
    std::vector<ImRect> claims_building;
    std::vector<ImRect> claims_last_frame;
    bool used = false;
};

State& state() {
    static State s;
    return s;
}

double now_seconds() { return emscripten_get_now() / 1000.0; }

float framebuffer_per_css() {
    const CanvasMetrics m = last_canvas_metrics();
    const ImGuiIO& io = ImGui::GetIO();
    return (m.css_width > 0 && io.DisplaySize.x > 0) ? float(io.DisplaySize.x / m.css_width) : 1.0f;
}

ImVec2 point_of(const EmscriptenTouchPoint& t) {
    const float scale = framebuffer_per_css();
    return ImVec2(float(t.targetX) * scale, float(t.targetY) * scale);
}

const EmscriptenTouchPoint* followed_touch(const EmscriptenTouchEvent* e) {
    for (int i = 0; i < e->numTouches; ++i) {
        if (e->touches[i].isChanged && e->touches[i].identifier == state().finger) return &e->touches[i];
    }
    return nullptr;
}

// ImGui's own hovered-window search, on last frame's windows, for an arbitrary point.
ImGuiWindow* window_at(ImVec2 point) {
    ImGuiContext& g = *GImGui;
    for (int i = g.Windows.Size - 1; i >= 0; --i) {
        ImGuiWindow* window = g.Windows[i];
        if (!window->Active || window->Hidden || (window->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
        if (window->OuterRectClipped.Contains(point)) return window;
    }
    return nullptr;
}

bool in_claimed_rect(ImVec2 point) {
    for (const ImRect& rect : state().claims_last_frame) {
        if (rect.Contains(point)) return true;
    }
    return false;
}

// Feeds ImGui as a touch screen; events after it are the mouse's again (hybrid laptops).
void send_pos(ImVec2 p) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(p.x, p.y);
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
}

void send_button(int button, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(button, down);
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
}

void send_finger_gone() { send_pos(ImVec2(-FLT_MAX, -FLT_MAX)); }

// The nearest window, from the one under the finger outwards, that can scroll the way
// the finger moved; null if none can.
ImGuiWindow* scrollable_window(ImVec2 drag) {
    const bool vertical = std::fabs(drag.y) >= std::fabs(drag.x);
    for (ImGuiWindow* w = ImGui::FindWindowByID(state().under_finger); w; w = w->ParentWindow) {
        if (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) continue;
        if (vertical ? w->ScrollMax.y > 0 : w->ScrollMax.x > 0) return w;
    }
    return nullptr;
}

bool on_scrollbar() {
    ImGuiContext& g = *GImGui;
    if (!g.ActiveId) return false;
    for (ImGuiWindow* w = ImGui::FindWindowByID(state().under_finger); w; w = w->ParentWindow) {
        if (g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_X) ||
            g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y)) return true;
    }
    return false;
}

void try_start_scrolling(ImVec2 p) {
    State& s = state();
    if (s.started_in_claim || s.text_was_active || on_scrollbar()) return;
    ImGuiWindow* window = scrollable_window(p - s.start);
    if (!window) return;
    s.phase = Phase::Scrolling;
    s.scroll_window = window->ID;
    s.pending_scroll = p - s.start;  // the content follows the finger from where it landed
    s.velocity = ImVec2(0, 0);
    s.suppress_press = true;
    // Take the finger off whatever it pressed: outside every item, a release clicks nothing.
    send_finger_gone();
    send_button(0, false);
}

//-------------------------------------------------------------------------------------
// Browser touch events
//-------------------------------------------------------------------------------------

EM_BOOL on_touch_start(int, const EmscriptenTouchEvent* e, void*) {
    State& s = state();
    s.used = true;
    if (s.phase != Phase::Idle) return EM_TRUE;  // a second finger: ignored
    const EmscriptenTouchPoint* t = nullptr;
    for (int i = 0; i < e->numTouches && !t; ++i) {
        if (e->touches[i].isChanged) t = &e->touches[i];
    }
    if (!t) return EM_TRUE;
    ImGuiContext& g = *GImGui;
    const ImVec2 p = point_of(*t);
    s.finger = t->identifier;
    s.phase = Phase::Pressed;
    s.start = s.last = p;
    s.start_seconds = s.last_move_seconds = now_seconds();
    s.moved = false;
    s.gliding = false;
    s.velocity = ImVec2(0, 0);
    s.started_in_claim = in_claimed_rect(p);
    s.text_was_active = g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID && text_input::field_at(p);
    s.scroll_window = 0;
    ImGuiWindow* window = window_at(p);
    s.under_finger = window ? window->ID : 0;
    // GLFW's backend polls a stale cursor position while it thinks the mouse is outside
    // the canvas; telling it the pointer entered stops that.
    ImGui_ImplGlfw_CursorEnterCallback(s.window, GLFW_TRUE);
    send_pos(p);
    send_button(0, true);
    return EM_TRUE;
}

EM_BOOL on_touch_move(int, const EmscriptenTouchEvent* e, void*) {
    State& s = state();
    const EmscriptenTouchPoint* t = followed_touch(e);
    if (!t || s.phase == Phase::Idle) return EM_TRUE;
    const ImVec2 p = point_of(*t);
    const ImVec2 delta = p - s.last;
    const double now = now_seconds();
    s.last = p;
    const float threshold = kDragThresholdCss * framebuffer_per_css();
    if (!s.moved && ImLengthSqr(p - s.start) > threshold * threshold) s.moved = true;

    switch (s.phase) {
    case Phase::Pressed:
        send_pos(p);  // sliders, text selection and the signature pad follow the finger
        if (s.moved) try_start_scrolling(p);
        break;
    case Phase::Scrolling: {
        s.pending_scroll += delta;
        const float dt = float(std::max(now - s.last_move_seconds, 1e-3));
        s.velocity = s.velocity * 0.2f + (delta / dt) * 0.8f;  // smoothed, recent moves weigh most
        break;
    }
    case Phase::LongPressed:
    case Phase::Idle:
        break;
    }
    s.last_move_seconds = now;
    return EM_TRUE;
}

EM_BOOL on_touch_end(int type, const EmscriptenTouchEvent* e, void*) {
    State& s = state();
    const EmscriptenTouchPoint* t = followed_touch(e);
    if (!t || s.phase == Phase::Idle) return EM_TRUE;
    const ImVec2 p = point_of(*t);
    const bool cancelled = type == EMSCRIPTEN_EVENT_TOUCHCANCEL;

    switch (s.phase) {
    case Phase::Pressed:
        if (cancelled) {
            send_finger_gone();
            send_button(0, false);
        } else {
            send_pos(p);
            send_button(0, false);
            send_finger_gone();  // no hover left behind where the finger was
            if (!s.moved && text_input::field_at(p)) text_input::focus_in_gesture(p);
        }
        break;
    case Phase::Scrolling:
        // A finger that stopped before lifting does not glide.
        s.gliding = !cancelled && now_seconds() - s.last_move_seconds < 0.08;
        break;
    case Phase::LongPressed:
        send_finger_gone();
        break;
    case Phase::Idle:
        break;
    }
    s.phase = Phase::Idle;
    s.finger = -1;
    return EM_TRUE;
}

// The mouse wheel. ImGui's GLFW backend listens on the document, where Chrome makes the
// listener passive: every scroll then logs a console error (its preventDefault fails) and
// may scroll the page too. The same steps as the backend's (100 px or 3 lines a step), on
// the canvas, where the default can be prevented.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
    const float multiplier = ev->deltaMode == DOM_DELTA_PIXEL  ? 1.0f / 100.0f
                             : ev->deltaMode == DOM_DELTA_LINE ? 1.0f / 3.0f
                                                               : 80.0f;
    ImGui::GetIO().AddMouseWheelEvent(float(ev->deltaX) * -multiplier, float(ev->deltaY) * -multiplier);
    return EM_TRUE;
}

}  // namespace

//-------------------------------------------------------------------------------------
// Public
//-------------------------------------------------------------------------------------

void install(GLFWwindow* window) {
    state().window = window;
    bm_js_take_touch_from_glfw();
    emscripten_set_touchstart_callback("#canvas", nullptr, EM_TRUE, on_touch_start);
    emscripten_set_touchmove_callback("#canvas", nullptr, EM_TRUE, on_touch_move);
    emscripten_set_touchend_callback("#canvas", nullptr, EM_TRUE, on_touch_end);
    emscripten_set_touchcancel_callback("#canvas", nullptr, EM_TRUE, on_touch_end);
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel);
}

void claim_drags(const ImRect& rect) { state().claims_building.push_back(rect); }

bool used() { return state().used; }

bool busy() { return state().phase != Phase::Idle || state().gliding; }

void new_frame() {
    State& s = state();
    ImGuiContext& g = *GImGui;
    s.claims_last_frame.swap(s.claims_building);
    s.claims_building.clear();

    if (s.suppress_press) {
        if (g.ActiveId != 0) ImGui::ClearActiveID();
        if (s.phase != Phase::Scrolling && s.phase != Phase::LongPressed && !g.IO.MouseDown[0]) s.suppress_press = false;
    }

    // Long press: a right click where the finger rests (context menus).
    if (s.phase == Phase::Pressed && !s.moved && !s.started_in_claim && !s.text_was_active &&
        now_seconds() - s.start_seconds >= kLongPressSeconds) {
        s.phase = Phase::LongPressed;
        s.suppress_press = true;
        send_button(0, false);
        send_button(1, true);
        send_button(1, false);
    }

    ImGuiWindow* window = s.scroll_window ? ImGui::FindWindowByID(s.scroll_window) : nullptr;
    if (!window) {
        s.gliding = false;
        return;
    }
    ImVec2 step = s.pending_scroll;
    s.pending_scroll = ImVec2(0, 0);
    if (s.gliding) {
        const float dt = g.IO.DeltaTime;
        step += s.velocity * dt;
        s.velocity = s.velocity * std::exp(-kMomentumDecayPerSecond * dt);
        const float stop = kMomentumStopCss * framebuffer_per_css();
        if (ImLengthSqr(s.velocity) < stop * stop) s.gliding = false;
    }
    if (window->ScrollMax.x > 0 && step.x != 0) ImGui::SetScrollX(window, window->Scroll.x - step.x);
    if (window->ScrollMax.y > 0 && step.y != 0) ImGui::SetScrollY(window, window->Scroll.y - step.y);
}

}  // namespace bianmin::platform::touch
