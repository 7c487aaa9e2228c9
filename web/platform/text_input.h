// Text input — typed text, IME composition, paste and copy, through a hidden DOM element.
//
// While an ImGui text field is active a hidden <textarea> (library_text_input.js) holds the
// DOM focus at the caret. Whatever the browser commits into it — typed characters, a
// pinyin IME's composition, pasted text, Android keyboard input — reaches ImGui through
// io.AddInputCharactersUTF8; the IME's pre-edit text is shown in a small DOM overlay.
// GLFW's own character callback is removed so ASCII does not arrive twice; keys (arrows,
// Backspace, Enter, shortcuts) still come through GLFW.
//
// On phones the virtual keyboard only opens when focus() runs inside the tap's own event
// handler: widgets report the rectangle of every text field they draw (note_field), and the
// touch code asks field_at() during touchend.
#pragma once

#include "imgui.h"
#include "imgui_internal.h"  // ImRect

struct GLFWwindow;

namespace bianmin::platform::text_input {

// After ImGui_ImplGlfw_InitForOpenGL: creates the textarea, takes over the character
// callback, the IME position callback and the clipboard functions.
void install(GLFWwindow* window);

// Which virtual keyboard a field wants (the textarea's inputmode).
enum class Keyboard { Text, Decimal, Numeric, Phone };

// Widgets call this for each text field they draw (ImGui id, framebuffer pixels).
void note_field(ImGuiID id, const ImRect& rect, Keyboard keyboard = Keyboard::Text);

// True if a text field of the last frame contains the point.
bool field_at(ImVec2 point);

// From a touchend handler: focus the textarea now, so the virtual keyboard opens.
void focus_in_gesture(ImVec2 point);

// Once per frame after ImGui::Render(): keeps the DOM focus in step with ImGui.
void end_frame();

// Called with every piece of text the browser commits (the font code adds missing glyphs).
void set_commit_observer(void (*observer)(const char* utf8));

}  // namespace bianmin::platform::text_input
