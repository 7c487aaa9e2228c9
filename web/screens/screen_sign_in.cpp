// Sign-in — staff pick their name and type their PIN; on a resident's own device,
// resident mode for its household (SPEC "People and what each may do").
//
// The PIN is checked on this device against the salted hash the office recorded
// (runtime/pins.h); wrong PINs slow the next try and the 5th in a row locks that person
// here for 5 minutes. Staff without a PIN ask the office manager (People & devices).
// WebCrypto needs a secure context: without one the screen says so (and ui::chrome's
// notice at the top says how to get one).
//
// [SECTION] Staff
// [SECTION] Resident mode
// [SECTION] Screen
#include <algorithm>
#include <string>
#include <vector>

#include "app.h"
#include "i18n/format.h"
#include "imgui.h"
#include "platform/crypto.h"
#include "runtime/form.h"
#include "runtime/pins.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/fields.h"
#include "ui/status.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

namespace pins = session::pins;

//-------------------------------------------------------------------------------------
// [SECTION] Staff
//-------------------------------------------------------------------------------------

constexpr std::size_t kMaxListed = 60;

struct StaffSignIn {
    std::string query, chosen, pin;
    int role = 0;
    bool checking = false;
    bool last_wrong = false;  // the last PIN tried for `chosen` was wrong
    session::Form form;       // PIN format and "cannot check" messages
};

StaffSignIn& staff_form() {
    static StaffSignIn f;
    return f;
}

bool matches(const StaffRecord& staff, const std::string& query) {
    return query.empty() || staff.name.find(query) != std::string::npos ||
           staff.person_id.find(query) != std::string::npos;
}

std::string roles_text(const StaffRecord& staff) {
    std::string out;
    for (Role r : staff.roles) out += (out.empty() ? "" : "、") + choices::label(r);
    return out;
}

void draw_staff_list(const State& s) {
    StaffSignIn& f = staff_form();
    ui::search_field("sign_in.search", f.query, 16);
    std::size_t listed = 0;
    for (const auto& [id, staff] : s.staff) {
        if (!staff.active || !matches(staff, f.query)) continue;
        if (++listed > kMaxListed) break;
        ImGui::PushID(id.c_str());
        if (ui::selectable_data(staff.name + "  ·  " + roles_text(staff), f.chosen == id) && f.chosen != id) {
            f.chosen = id;
            f.role = 0;
            f.pin.clear();
            f.last_wrong = false;
            f.form.clear();
        }
        ImGui::PopID();
    }
    if (listed == 0) ui::hint("sign_in.no_staff");
}

// The guard's message for the chosen person, live (the seconds count down).
void draw_guard(const pins::Guard& guard, std::int64_t now) {
    const StaffSignIn& f = staff_form();
    if (guard.locked) {
        const std::int64_t minutes = (guard.next_try_ms - now + 59999) / 60000;
        ui::error_text(i18n::fill("sign_in.locked", {std::to_string(minutes)}));
    } else if (now < guard.next_try_ms) {
        const std::int64_t seconds = (guard.next_try_ms - now + 999) / 1000;
        ui::error_text(i18n::fill("sign_in.wait", {std::to_string(seconds)}));
    } else if (f.last_wrong) {
        ui::error_text(i18n::fill("sign_in.wrong_pin", {std::to_string(pins::kMaxFailures - guard.failures)}));
    }
}

void try_pin(const StaffRecord& staff, Role role) {
    StaffSignIn& f = staff_form();
    if (const char* problem = pins::format_problem(f.pin)) return f.form.fail("pin.format", "pin", problem);
    f.checking = true;
    f.form.clear();
    const std::string person = staff.person_id;
    pins::check(staff.pin, f.pin, [person, role](bool right, const char* error_key) {
        StaffSignIn& form = staff_form();
        form.checking = false;
        form.pin.clear();
        if (error_key) return form.form.fail("pin.no_crypto", "pin", error_key);
        if (form.chosen != person) return;  // chose someone else meanwhile: the answer is stale
        if (!right) {
            pins::record_failure(person, session::now_ms());
            form.last_wrong = true;
            return;
        }
        pins::record_success(person);
        form.last_wrong = false;
        form.chosen.clear();
        form.query.clear();
        session::sign_in(Actor{person, role});
        const StaffRecord* who = session::state().find_staff(person);
        ui::status::show(i18n::fill("sign_in.welcome", {who ? who->name : person}), ui::status::Kind::Success);
    });
}

void draw_pin_entry(const State& s) {
    StaffSignIn& f = staff_form();
    const StaffRecord* staff = s.find_staff(f.chosen);
    if (!staff || !staff->active) return;
    ImGui::Separator();
    ui::label_value("sign_in.chosen", staff->name);
    if (!staff->pin.is_set()) {
        ui::error_text(i18n::tr("sign_in.no_pin"));
        return;
    }
    std::vector<std::string> role_labels;
    for (Role r : staff->roles) role_labels.push_back(choices::label(r));
    if (role_labels.size() > 1) ui::combo_data("sign_in.role", &f.role, role_labels);
    f.role = std::clamp(f.role, 0, int(staff->roles.size()) - 1);
    ui::text_field("sign_in.pin", f.pin, f.form.error("pin"), {.password = true, .phone = true, .width = 8, .max_chars = 12});
    const std::int64_t now = session::now_ms();
    const pins::Guard guard = pins::guard(staff->person_id, now);
    draw_guard(guard, now);
    if (f.checking) {
        ui::hint("sign_in.checking");
        return;
    }
    const bool may_try = now >= guard.next_try_ms && platform::crypto::available();
    const bool submitted = ui::button_enabled_if("sign_in.submit", may_try) ||
                           (may_try && ImGui::IsKeyPressed(ImGuiKey_Enter) && !f.pin.empty());
    if (submitted) try_pin(*staff, staff->roles[std::size_t(f.role)]);
}

void draw_staff(const State& s) {
    ui::heading("sign_in.heading");
    if (!platform::crypto::available()) ui::error_text(i18n::tr("pin.no_crypto"));
    draw_staff_list(s);
    draw_pin_entry(s);
}

//-------------------------------------------------------------------------------------
// [SECTION] Resident mode
//-------------------------------------------------------------------------------------

// A resident's own phone: whoever holds it is of that household (the office registered
// it for them), so choosing one's name is enough.
void draw_resident_mode(const State& s, const DeviceRecord& device) {
    ui::heading("sign_in.resident_heading");
    ui::value_text_wrapped(i18n::fill("sign_in.resident_hint", {choices::household_name(s, device.household_id)}));
    const HouseholdRecord* household = s.find_household(device.household_id);
    if (!household || household->residents.empty()) {
        ui::hint("sign_in.resident_none");
        return;
    }
    for (const auto& person_id : household->residents) {
        const ResidentRecord* resident = s.find_resident(person_id);
        if (!resident) continue;
        ImGui::PushID(person_id.c_str());
        if (ui::selectable_data(resident->name, false)) {
            session::sign_in(Actor{person_id, Role::resident});
            ui::status::show(i18n::fill("sign_in.welcome", {resident->name}), ui::status::Kind::Success);
        }
        ImGui::PopID();
    }
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_sign_in(App& app) {
    const State& s = session::state();
    ui::title("app.title");
    ui::value_text(i18n::current() == i18n::Lang::En && !s.settings.name_en.empty() ? s.settings.name_en
                                                                                    : s.settings.name_zh);
    if (ui::button("app.switch_language"))
        app.request_language(i18n::current() == i18n::Lang::Zh ? i18n::Lang::En : i18n::Lang::Zh);
    ImGui::Separator();
    const DeviceRecord* device = s.find_device(session::device_id());
    if (device && device->revoked) {
        ui::error_text(i18n::tr("sign_in.revoked"));
        return;
    }
    if (device && device->kind == DeviceKind::resident) {
        draw_resident_mode(s, *device);
        return;
    }
    if (!device) ui::value_text_wrapped(i18n::fill("sign_in.unknown_device", {session::device_id()}));
    draw_staff(s);
}

}  // namespace bianmin::screens
