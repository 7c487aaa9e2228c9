// Set-up — what an empty device shows: create the estate (once, on the office computer)
// or join one (a tablet or phone: show this device's id to the office, then import the
// file the office gives back).
//
// Creating is one command of the core, all or nothing: estate_created (which registers
// the founder as office manager and this device as the first office device), pin_set
// with the founder's PIN hashed here (runtime/pins.h), and, if chosen, an item_defined
// per item of the default catalogue. The founder is then signed in.
//
// [SECTION] Create the estate
// [SECTION] Join an estate
// [SECTION] Screen
#include <string>
#include <vector>

#include "app.h"
#include "bianmin/catalogue.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "platform/crypto.h"
#include "runtime/bundle_import.h"
#include "runtime/form.h"
#include "runtime/pins.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/status.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Create the estate
//-------------------------------------------------------------------------------------

struct CreateForm {
    std::string estate_id, name_zh, name_en, founder_name, founder_id, pin, pin_again;
    bool seed = true;
    bool working = false;  // waiting for the PIN hash
    session::Form form;
};

CreateForm& create_form() {
    static CreateForm f;
    return f;
}

std::size_t catalogue_size() {
    static const std::size_t size = [] {
        auto catalogue = default_catalogue();
        return catalogue ? catalogue.value().items.size() : std::size_t(0);
    }();
    return size;
}

// Runs once the PIN is hashed: the whole estate in one command, as the founder.
void create_with_pin(const PinSet& pin) {
    CreateForm& f = create_form();
    f.working = false;
    std::vector<Payload> payloads;
    payloads.emplace_back(EstateCreated{f.estate_id, f.name_zh, f.name_en, kDefaultTzOffsetMinutes, f.founder_name});
    payloads.emplace_back(pin);
    if (f.seed)
        if (auto catalogue = default_catalogue())
            for (const auto& item : catalogue.value().items) payloads.emplace_back(item);
    session::sign_in(Actor{f.founder_id, Role::office_manager});
    if (!f.form.submit(session::run_all(std::move(payloads)), "setup.created")) {
        session::sign_out();
        return;
    }
    f.pin.clear();
    f.pin_again.clear();
}

void start_create() {
    CreateForm& f = create_form();
    if (const char* problem = session::pins::format_problem(f.pin)) return f.form.fail("pin.format", "pin", problem);
    if (f.pin != f.pin_again) return f.form.fail("pin.mismatch", "pin_again", "pin.mismatch");
    f.working = true;
    session::pins::make_pin_set(f.founder_id, f.pin, [](std::optional<PinSet> pin, const char* error_key) {
        CreateForm& form = create_form();
        if (!pin) {
            form.working = false;
            form.form.fail("pin.no_crypto", "pin", error_key);
            ui::status::show_key(error_key, ui::status::Kind::Error);
            return;
        }
        create_with_pin(*pin);
    });
}

void draw_create() {
    CreateForm& f = create_form();
    ui::text_wrapped("setup.create_hint");
    ui::text_field("setup.estate_id", f.estate_id, f.form.error("estate_id"),
                   {.placeholder_key = "setup.estate_id_placeholder", .width = 16, .max_chars = 64});
    ui::text_field("setup.name_zh", f.name_zh, f.form.error("name_zh"),
                   {.placeholder_key = "setup.name_zh_placeholder", .width = 16, .max_chars = 60});
    ui::text_field("setup.name_en", f.name_en, f.form.error("name_en"), {.width = 16, .max_chars = 100});
    ui::heading("setup.founder_heading");
    ui::text_field("setup.founder_name", f.founder_name, f.form.error("founder_name"), {.width = 12, .max_chars = 30});
    ui::text_field("setup.founder_id", f.founder_id, f.form.error("actor"),
                   {.placeholder_key = "setup.founder_id_placeholder", .width = 12, .max_chars = 64});
    ui::text_field("setup.pin", f.pin, f.form.error("pin"), {.password = true, .phone = true, .width = 8, .max_chars = 12});
    ui::text_field("setup.pin_again", f.pin_again, f.form.error("pin_again"),
                   {.password = true, .phone = true, .width = 8, .max_chars = 12});
    ui::checkbox("setup.seed_catalogue", &f.seed);
    ui::value_text_wrapped(i18n::fill("setup.seed_count", {std::to_string(catalogue_size())}));
    f.form.show_other_errors({"estate_id", "name_zh", "name_en", "founder_name", "actor", "pin", "pin_again"});
    if (f.working) {
        ui::hint("setup.working");
        return;
    }
    if (ui::button_enabled_if("setup.create", session::writable())) start_create();
}

//-------------------------------------------------------------------------------------
// [SECTION] Join an estate
//-------------------------------------------------------------------------------------

void draw_join() {
    bundle_import::listen_for_files();
    ui::text_wrapped("setup.join_hint");
    ui::text("setup.device_id");
    // The id is read aloud or copied by hand: large type.
    ImGui::SetWindowFontScale(2.0f);
    ui::value_text(session::device_id());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::Spacing();
    if (ui::primary_button("setup.import")) bundle_import::choose_file();
    ui::hint("setup.drop_hint");
    bundle_import::draw_progress();
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_setup(App& app) {
    ui::title("app.title");
    ui::hint("app.subtitle");
    if (ui::button("app.switch_language"))
        app.request_language(i18n::current() == i18n::Lang::Zh ? i18n::Lang::En : i18n::Lang::Zh);
    ImGui::Separator();
    ui::text("setup.welcome");
    if (ui::begin_tabs("setup.tabs")) {
        if (ui::tab("setup.tab_create")) {
            draw_create();
            ui::end_tab();
        }
        if (ui::tab("setup.tab_join")) {
            draw_join();
            ui::end_tab();
        }
        ui::end_tabs();
    }
}

}  // namespace bianmin::screens
