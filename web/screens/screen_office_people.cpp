// People & devices — the office manager's register of staff (roles, windows, PINs,
// leaving), buildings and households, the devices allowed to exchange files, the
// service items of the catalogue, and the estate's settings (SPEC "People and what each
// may do").
//
// A person may hold several roles (an office manager who is also the general manager of
// a small estate); they choose one when they sign in. Roles are given at registration:
// the core has no event that changes them later.
//
// Staff PINs: the office manager sets a first PIN or resets a forgotten one; the PIN is
// hashed on this device (runtime/pins.h) and only the hash is recorded (pin_set).
//
// [SECTION] Staff table
// [SECTION] The selected staff member
// [SECTION] Registering staff
// [SECTION] Screen
#include <algorithm>
#include <string>
#include <vector>

#include "app.h"
#include "bianmin/commands.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/pins.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/office_people_parts.h"
#include "screens/screens.h"
#include "ui/core_table.h"
#include "ui/fields.h"
#include "ui/status.h"
#include "ui/widgets.h"

namespace bianmin::screens::people {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Staff table
//-------------------------------------------------------------------------------------

std::string g_selected;  // person id

std::string roles_label(const StaffRecord& staff, Language lang) {
    std::string out;
    for (Role r : staff.roles) out += (out.empty() ? "" : "、") + std::string(lang == Language::zh ? label_zh(r) : label_en(r));
    return out;
}

Table staff_table(const State& s, Language lang) {
    Table t;
    t.columns = {choices::column("id", "people.col_id"), choices::column("name", "people.col_name"),
                 choices::column("roles", "people.col_roles"), choices::column("window", "people.col_window"),
                 choices::column("pin", "people.col_pin"), choices::column("status", "people.col_status")};
    for (const auto& [id, staff] : s.staff)
        t.add_row({id, staff.name, roles_label(staff, lang), staff.window,
                   i18n::tr(staff.pin.is_set() ? "people.pin_set" : "people.pin_missing"),
                   i18n::tr(staff.active ? "people.active" : "people.inactive")});
    return t;
}

void draw_staff_table(const State& s) {
    static ui::CoreTable view("people.staff");
    view.update(ui::core_table_key({session::revision()}), [&](Language lang) { return staff_table(s, lang); });
    const float height = ImGui::GetFontSize() * 14;
    const int clicked = view.draw({.height = height, .export_filename = "staff.csv"});
    if (clicked >= 0 && std::size_t(clicked) < view.table().rows.size()) g_selected = view.table().rows[clicked][0];
}

//-------------------------------------------------------------------------------------
// [SECTION] The selected staff member
//-------------------------------------------------------------------------------------

struct Selected {
    std::string seen, pin, window, reason;
    std::string window_stored;  // the stored window the field was last filled from
    bool hashing = false;
    session::Form pin_form, window_form, leave_form;
    FieldsEditor contact{"people.save_contact", "people.contact_saved"};
};

void set_pin(Selected& f, const std::string& person) {
    if (const char* problem = session::pins::format_problem(f.pin)) return f.pin_form.fail("pin.format", "pin", problem);
    f.hashing = true;
    session::pins::make_pin_set(person, f.pin, [&f](std::optional<PinSet> pin, const char* error_key) {
        f.hashing = false;
        if (!pin) return f.pin_form.fail("pin.no_crypto", "pin", error_key);
        if (f.pin_form.submit(session::run(*pin), "pin.saved")) f.pin.clear();
    });
}

void draw_selected(const State& s) {
    static Selected f;
    ui::heading("people.selected_heading");
    const StaffRecord* staff = s.find_staff(g_selected);
    if (!staff) {
        ui::hint("people.choose_staff");
        return;
    }
    if (f.seen != g_selected) {  // another person: start their forms afresh
        f.seen = g_selected;
        f.pin.clear();
        f.reason.clear();
        f.window = f.window_stored = staff->window;
        f.pin_form.clear();
        f.window_form.clear();
        f.leave_form.clear();
    }
    if (staff->window != f.window_stored)  // changed elsewhere: an import, a resolved conflict
        f.window = f.window_stored = staff->window;
    ui::value_text(staff->name + " · " + staff->person_id);
    if (!staff->active) {
        ui::hint("people.inactive");
        return;
    }
    f.contact.draw(s, RecordKind::staff, staff->person_id, {"name", "phone"});

    // The PIN is checked here as it is typed (it is hashed before anything is recorded).
    const ui::FieldError* pin_error = f.pin_form.error("pin");
    ui::FieldError pin_format;
    if (const char* problem = f.pin.empty() ? nullptr : session::pins::format_problem(f.pin); problem && !pin_error) {
        pin_format = ui::field_error_from_key("pin.format", "pin", problem);
        pin_error = &pin_format;
    }
    ui::text_field("people.new_pin", f.pin, pin_error, {.password = true, .phone = true, .width = 8, .max_chars = 12});
    f.pin_form.show_other_errors({"pin"});
    if (f.hashing) ui::hint("setup.working");
    else if (ui::button("people.set_pin")) set_pin(f, staff->person_id);

    ui::text_field("people.window", f.window, f.window_form.error("value"), {.width = 12, .max_chars = 30});
    f.window_form.show_other_errors({"value"});
    const FieldEdited window{RecordKind::staff, staff->person_id, "window", FieldValue{f.window}, {}};
    f.window_form.check_as_you_type(window);
    if (ui::button("people.save_window")) f.window_form.submit(session::run(window), "people.window_saved");

    ui::text_field("people.deactivate_reason", f.reason, f.leave_form.error("reason"), {.max_chars = 200});
    f.leave_form.show_other_errors({"reason"});
    const StaffDeactivated leaving{staff->person_id, f.reason};
    f.leave_form.check_as_you_type(leaving);
    if (ui::button("people.deactivate") && f.leave_form.submit(session::run(leaving), "people.deactivated"))
        f.reason.clear();
}

//-------------------------------------------------------------------------------------
// [SECTION] Registering staff
//-------------------------------------------------------------------------------------

// Every role but resident.
std::vector<Role> staff_roles() {
    std::vector<Role> out;
    for (const auto& entry : EnumTable<Role>::entries)
        if (entry.value != Role::resident) out.push_back(entry.value);
    return out;
}

// The roles ticked, in the order of the role table; in columns, so that the form's button
// stays on a laptop's screen.
void pick_roles(std::vector<Role>& chosen) {
    ui::text("people.roles");
    const int columns = std::clamp(int(ImGui::GetContentRegionAvail().x / (ImGui::GetFontSize() * 16)), 1, 3);
    if (!ImGui::BeginTable("roles", columns)) return;
    for (Role r : staff_roles()) {
        ImGui::TableNextColumn();
        auto it = std::find(chosen.begin(), chosen.end(), r);
        const bool on = it != chosen.end();
        const std::string id(to_string(r));
        if (ui::selectable_data(std::string(on ? "[x] " : "[ ] ") + choices::label(r), on, id.c_str())) {
            if (on) chosen.erase(it);
            else chosen.push_back(r);
            std::sort(chosen.begin(), chosen.end());
        }
    }
    ImGui::EndTable();
}

void draw_register() {
    static std::string id, name, window, phone;
    static std::vector<Role> roles;
    static session::Form form;
    ui::heading("people.register_heading");
    ui::text_field("people.person_id", id, form.error("person_id"),
                   {.placeholder_key = "people.person_id_placeholder", .width = 10, .max_chars = 64});
    ui::text_field("people.name", name, form.error("name"), {.width = 10, .max_chars = 30});
    pick_roles(roles);
    if (const auto* e = form.error("roles")) ui::error_text(e->message());
    ui::text_field("people.window", window, form.error("window"),
                   {.placeholder_key = "people.window_placeholder", .width = 10, .max_chars = 30});
    ui::text_field("people.phone", phone, form.error("phone"), {.phone = true, .width = 10, .max_chars = 20});
    form.show_other_errors({"person_id", "name", "roles", "window", "phone"});
    const StaffRegistered proposed{id, name, roles, window, phone};
    form.check_as_you_type(proposed);
    if (ui::primary_button("people.register") && form.submit(session::run(proposed), "people.registered")) {
        g_selected = id;
        id.clear();
        name.clear();
        roles.clear();
        window.clear();
        phone.clear();
    }
}

}  // namespace

void draw_staff(const State& s) {
    draw_staff_table(s);
    // Both forms have a 窗口/岗位 field: their own ID scopes keep a click on one from
    // activating the other.
    ImGui::PushID("selected");
    draw_selected(s);
    ImGui::PopID();
    ImGui::Spacing();
    ImGui::PushID("register");
    draw_register();
    ImGui::PopID();
}

}  // namespace bianmin::screens::people

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

namespace bianmin::screens {

void draw_office_people(App&) {
    const State& s = session::state();
    if (ui::begin_tabs("people.tabs")) {
        if (ui::tab("people.tab_staff")) {
            people::draw_staff(s);
            ui::end_tab();
        }
        if (ui::tab("people.tab_devices")) {
            people::draw_devices(s);
            ui::end_tab();
        }
        if (ui::tab("people.tab_buildings")) {
            people::draw_buildings(s);
            ui::end_tab();
        }
        if (ui::tab("people.tab_items")) {
            people::draw_items(s);
            ui::end_tab();
        }
        if (ui::tab("settings.tab")) {
            people::draw_settings(s);
            ui::end_tab();
        }
        ui::end_tabs();
    }
}

}  // namespace bianmin::screens
