// Status — one line at the bottom of the screen for what just happened ("已保存",
// an error), also read out by screen readers through the page's aria-live region.
//
// show() may be called anywhere in a frame; draw_line() draws the latest message (once
// per frame, by the app frame). Messages fade after a few seconds; errors stay longer.
#pragma once

#include <string>

namespace bianmin::ui::status {

enum class Kind { Info, Success, Error };

// `text` is already in the current language (tr(), fill() or a core error message).
void show(std::string text, Kind kind = Kind::Info);
// show(tr(key), kind).
void show_key(const char* key, Kind kind = Kind::Info);

// Draws the current message as a bar at the bottom of the viewport (if any).
void draw_line();

// The message showing now ("" when none): for tests.
const std::string& current();

}  // namespace bianmin::ui::status
