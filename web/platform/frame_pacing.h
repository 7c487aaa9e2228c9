// Frame pacing — the app draws only when something may have changed.
//
// The browser calls frame() on every animation frame, 60 or more a second. Drawing each
// one kept 1.8 cores busy on an idle page (headless Chromium with SwiftShader): on a
// tablet at the door that is battery and heat for nothing. So frame() asks should_draw()
// first, and draws
//   - at once when there is input in ImGui's queue, a key or button held, a finger on the
//     screen or a glide, a canvas size change, or a wake() from the browser glue
//     (storage, files, crypto, fonts, text input); then at full rate for kAwakeSeconds,
//     long enough for hover delays, window auto-fit and scrolling to settle;
//   - otherwise once every kIdleSeconds, so clocks, countdowns and anything that changed
//     without a wake() still show within a quarter of a second.
// A frame that is not drawn leaves the canvas as it was (WebGL keeps the last picture).
#pragma once

namespace bianmin::platform::pacing {

inline constexpr double kAwakeSeconds = 0.5;
inline constexpr double kIdleSeconds = 0.25;

// Something outside ImGui's input queue changed what the app shows: draw soon.
void wake();

// At the start of every animation frame. `activity`: the caller saw input, a held key,
// button or finger, or a size change. True when this frame is to be drawn.
bool should_draw(double now_seconds, bool activity);

// Frames drawn since the page started (the test hook waits for these, not for
// animation frames).
unsigned frames_drawn();

}  // namespace bianmin::platform::pacing
