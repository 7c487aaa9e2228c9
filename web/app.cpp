// App — see app.h.
//
// [SECTION] Which gate, if any
// [SECTION] Header and navigation
// [SECTION] Frame
#include "app.h"

#include "bianmin/fields.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "platform/platform.h"
#include "platform/storage_banner.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/app_chrome.h"
#include "ui/widgets.h"

namespace bianmin {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Which gate, if any
//-------------------------------------------------------------------------------------

// The widget gallery is a test-only screen, reachable only with ?test=1&screen=gallery.
bool gallery_requested() {
    static const bool requested = platform::test_mode() && platform::query_param("screen").value_or("") == "gallery";
    return requested;
}

bool board_requested() {
    static const bool requested = platform::query_param("mode").value_or("") == "board";
    return requested;
}

//-------------------------------------------------------------------------------------
// [SECTION] Header and navigation
//-------------------------------------------------------------------------------------

const char* estate_name() {
    const auto& settings = session::state().settings;
    if (i18n::current() == i18n::Lang::En && !settings.name_en.empty()) return settings.name_en.c_str();
    return settings.name_zh.c_str();
}

std::string person_name(const Actor& actor) {
    const auto& state = session::state();
    if (auto it = state.staff.find(actor.person_id); it != state.staff.end()) return it->second.name;
    return actor.person_id;
}

// Estate, person and role, the language and sign-out buttons: each goes to the next line
// when the line is full, so a phone shows them all.
void draw_header(App& app) {
    const Actor& actor = *session::actor();
    ui::value_text(estate_name());
    const std::string who = " · " + person_name(actor) + " · " +
                            std::string(i18n::current() == i18n::Lang::Zh ? label_zh(actor.role) : label_en(actor.role));
    ui::beside_if_room(ImGui::CalcTextSize(who.c_str()).x, 0.0f);
    ui::value_text(who);
    ui::beside_if_room(ui::button_width("app.switch_language"));
    if (ui::button("app.switch_language"))
        app.request_language(i18n::current() == i18n::Lang::Zh ? i18n::Lang::En : i18n::Lang::Zh);
    ui::beside_if_room(ui::button_width("nav.sign_out"));
    if (ui::button("nav.sign_out")) {
        session::sign_out();
        app.screen.clear();
    }
}

// The screens of the role as a row of tabs that wraps on narrow screens (phones).
const screens::ScreenInfo* draw_navigation(App& app, Role role) {
    const std::uint32_t mine = role_bit(role);
    const screens::ScreenInfo* chosen = nullptr;
    const screens::ScreenInfo* first = nullptr;
    for (const auto& screen : screens::all_screens()) {
        if (!(screen.roles & mine)) continue;
        if (!first) first = &screen;
        if (app.screen == screen.id) chosen = &screen;
    }
    if (!chosen) chosen = first;
    bool first_in_row = true;
    for (const auto& screen : screens::all_screens()) {
        if (!(screen.roles & mine)) continue;
        if (!first_in_row) ui::beside_if_room(ui::button_width(screen.title_key));
        first_in_row = false;
        if (ui::nav_entry(screen.title_key, &screen == chosen)) app.screen = screen.id;
    }
    ImGui::Separator();
    return chosen;
}

}  // namespace

App& app() {
    static App instance;
    return instance;
}

void App::request_language(i18n::Lang lang) {
    requested_language = lang;
    language_change_pending = true;
}

//-------------------------------------------------------------------------------------
// [SECTION] Frame
//-------------------------------------------------------------------------------------

void App::draw() {
    if (language_change_pending) {
        language_change_pending = false;
        i18n::set_current(requested_language);
        platform::set_document_language(i18n::bcp47(requested_language));
        platform::announce(i18n::tr("app.language_switched"));
    }

    // One full-window surface; screens draw inside it. Its background is the colour the
    // canvas is cleared with (main.cpp), not a quad over the whole canvas: with software
    // WebGL that quad alone cost 20 ms a frame at 1280×1700 (28 → 48 ms with the clear).
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                             ImGuiWindowFlags_NoBackground;
    if (ImGui::Begin("Bianmin", nullptr, flags)) {
        if (board_requested()) {
            screens::draw_board(*this);  // the estate's electronic screen: nothing else
        } else {
            storage_banner::draw();     // saving problems and storage warnings, if any
            ui::chrome::top_notices();  // e.g. no secure context: no offline start
            if (gallery_requested()) {
                screens::draw_gallery(*this);
            } else if (!session::state().has_estate) {
                screens::draw_setup(*this);
            } else if (!session::actor()) {
                screens::draw_sign_in(*this);
            } else {
                draw_header(*this);
                if (const auto* screen = draw_navigation(*this, session::actor()->role)) screen->draw(*this);
            }
        }
    }
    ImGui::End();
    if (!board_requested()) ui::chrome::bottom_line();  // the status line (saves, errors), above the screen
}

}  // namespace bianmin
