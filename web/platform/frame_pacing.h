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
//
// One more rule: while an edit is on its way to IndexedDB, frames wait for it, up to
// kWriteWaitSeconds. The write completes in about a millisecond when the page leaves the
// main thread free, but a frame drawn meanwhile — tens of ms with a large estate and
// software WebGL, more on a tablet — delays its completion until after that frame and
// the next (measured: 164 ms from the edit to durable, 3 frames drawn on the way; bench
// B3, docs/PERFORMANCE.md). Waiting instead, the next frame shows the edit already saved,
// a millisecond or two later than it would have shown it unsaved. A slow store (a long
// import, a failing disk) only holds frames back for the first kWriteWaitSeconds.
#pragma once

namespace bianmin::platform::pacing {

inline constexpr double kAwakeSeconds = 0.5;
inline constexpr double kIdleSeconds = 0.25;
inline constexpr double kWriteWaitSeconds = 0.1;

// Something outside ImGui's input queue changed what the app shows: draw soon.
void wake();

// At the start of every animation frame. `activity`: the caller saw input, a held key,
// button or finger, or a size change. `writing`: edits are waiting for IndexedDB to
// complete (storage::pending() > 0). True when this frame is to be drawn.
bool should_draw(double now_seconds, bool activity, bool writing);

// Frames drawn since the page started (the test hook waits for these, not for
// animation frames).
unsigned frames_drawn();

}  // namespace bianmin::platform::pacing
