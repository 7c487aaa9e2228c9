// App — the state of one running Bianmin page and the frame that draws it.
//
// What a frame shows (app.cpp):
//   ?mode=board            the board display (no sign-in, no input)
//   no estate yet          set up or join an estate (screens::draw_setup)
//   nobody signed in       sign-in (screens::draw_sign_in)
//   otherwise              the navigation of the person's role and the chosen screen
#pragma once

#include <string>

#include "i18n/i18n.h"

namespace bianmin {

struct App {
    // Set by the test hook or the language button; applied at the start of a frame.
    bool language_change_pending = false;
    i18n::Lang requested_language = i18n::Lang::Zh;
    // The screen chosen in the navigation (screens.h ids); "" = the role's first screen.
    std::string screen;

    void request_language(i18n::Lang lang);
    // Opens a screen by id (navigation, links between screens, ?screen= in test mode).
    void open_screen(const char* id) { screen = id; }
    // Draws one frame of UI (between ImGui::NewFrame and ImGui::Render).
    void draw();
};

App& app();

}  // namespace bianmin
