// App — the state of one running Bianmin page and the frame that draws it.
#pragma once

#include "i18n/i18n.h"

namespace bianmin {

struct App {
    // Set by the test hook or the language button; applied at the start of a frame.
    bool language_change_pending = false;
    i18n::Lang requested_language = i18n::Lang::Zh;

    void request_language(i18n::Lang lang);
    // Draws one frame of UI (between ImGui::NewFrame and ImGui::Render).
    void draw();
};

App& app();

}  // namespace bianmin
