// Touch — fingers on the canvas, fed to ImGui directly instead of through GLFW.
//
// Emscripten 3.1.6's GLFW turns touches into stale or doubled mouse clicks, so touch.cpp
// takes touch events on #canvas itself (emscripten_set_touch*_callback, returning true so
// the browser sends no compatibility mouse events) and feeds ImGui as a touch-screen mouse:
// source, then position, then button. On top of that:
//   - a tap presses and releases once; ImGui's input queue spreads them over frames;
//   - a drag that starts anywhere but a widget that claims drags scrolls the window or
//     child region (tables included) under the finger, with a little momentum;
//   - a long press (0.5 s without moving) is a right click: context menus;
//   - a tap on a text field focuses the hidden textarea inside the touchend handler, the
//     only place the virtual keyboard may be opened from.
// install() also moves ImGui's mouse-wheel listener from the document (passive in Chrome:
// a console error on every scroll) to the canvas.
#pragma once

#include "imgui.h"
#include "imgui_internal.h"  // ImRect

struct GLFWwindow;

namespace bianmin::platform::touch {

// After ImGui_ImplGlfw_InitForOpenGL (GLFW's own touch listeners are removed).
void install(GLFWwindow* window);

// After ImGui::NewFrame(), before the UI is drawn: scrolling, momentum, long press.
void new_frame();

// A widget that wants raw drags (a signature pad) reports its rectangle every frame;
// drags starting inside it are never turned into scrolling.
void claim_drags(const ImRect& rect);

// A touch has been seen on this page (hybrid laptops count once touched).
bool used();

// A finger is on the screen or a scroll is still gliding: frames are needed even without
// new events (long press, momentum).
bool busy();

}  // namespace bianmin::platform::touch
