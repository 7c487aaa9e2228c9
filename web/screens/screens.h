// Screens — the one place that lists every screen of the app. One file per screen, each
// with one draw function.
#pragma once

namespace bianmin {
struct App;
}

namespace bianmin::screens {

void draw_home(App& app);  // screen_home.cpp

}  // namespace bianmin::screens
