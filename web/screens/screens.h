// Screens — the one place that lists every screen of the app. One file per screen, each
// with one draw function.
#pragma once

namespace bianmin {
struct App;
}

namespace bianmin::screens {

void draw_home(App& app);  // screen_home.cpp

// TEST-ONLY: every platform widget on one screen, for the browser tests until the real
// screens exist. Reachable only with ?test=1&screen=gallery.
void draw_gallery(App& app);  // screen_gallery.cpp

}  // namespace bianmin::screens
