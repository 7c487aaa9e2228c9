// App chrome — what the platform adds around every screen: a notice when the page is not
// a secure context (no offline start, clipboard or WebCrypto), the status line, and the
// font-size control for the settings or header of a screen.
#pragma once

namespace bianmin::ui::chrome {

// At the top of the main window, before the screen: the secure-context notice (if any).
void top_notices();

// After the main window: the status line (status.h).
void bottom_line();

// "Text size: A− 100% A+ Default" — the accessibility setting, applied between frames.
void font_size_control();

}  // namespace bianmin::ui::chrome
