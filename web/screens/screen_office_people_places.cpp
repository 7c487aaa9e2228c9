// People & devices, part 2: buildings and households (an overview; households are
// registered on the front desk's Register screen, corrected here: a household's phone and
// note, a resident's name and phone), and devices — a tablet or phone is registered by the
// id it shows on its set-up screen, as an office (staff) device or as a household's own
// device, and revoked when lost or retired.
//
// [SECTION] Buildings and households
// [SECTION] Correcting a household and its residents
// [SECTION] Devices
#include <map>
#include <string>
#include <vector>

#include "bianmin/state.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/office_people_parts.h"
#include "ui/core_table.h"
#include "ui/fields.h"
#include "ui/widgets.h"

namespace bianmin::screens::people {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Buildings and households
//-------------------------------------------------------------------------------------

Table buildings_table(const State& s) {
    Table t;
    t.columns = {choices::column("id", "people.col_id"), choices::column("name", "people.col_building"),
                 choices::column("households", "people.col_households", true),
                 choices::column("residents", "people.col_residents", true)};
    std::map<std::string, std::pair<std::size_t, std::size_t>> counts;
    for (const auto& [id, h] : s.households) {
        counts[h.building_id].first += 1;
        counts[h.building_id].second += h.residents.size();
    }
    for (const auto& [id, b] : s.buildings)
        t.add_row({id, b.name, std::to_string(counts[id].first), std::to_string(counts[id].second)});
    return t;
}

Table households_table(const State& s) {
    Table t;
    t.columns = {choices::column("id", "people.col_household"), choices::column("building", "people.col_building"),
                 choices::column("room", "people.col_room"), choices::column("phone", "people.col_phone"),
                 choices::column("residents", "people.col_residents")};
    for (const auto& [id, h] : s.households) {
        std::string names;
        for (const auto& person : h.residents)
            if (const ResidentRecord* r = s.find_resident(person)) names += (names.empty() ? "" : "、") + r->name;
        t.add_row({id, h.building_id, h.room, h.phone, names});
    }
    return t;
}

void draw_add_building() {
    static std::string id, name;
    static session::Form form;
    ui::heading("people.building_heading");
    ui::text_field("people.building_id", id, form.error("building_id"),
                   {.placeholder_key = "people.building_id_placeholder", .width = 8, .max_chars = 64});
    ui::text_field("people.building_name", name, form.error("name"),
                   {.placeholder_key = "people.building_name_placeholder", .width = 10, .max_chars = 50});
    form.show_other_errors({"building_id", "name"});
    const BuildingAdded proposed{id, name};
    form.check_as_you_type(proposed);
    if (ui::button("people.add_building") && form.submit(session::run(proposed), "people.building_added")) {
        id.clear();
        name.clear();
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Correcting a household and its residents
//-------------------------------------------------------------------------------------

// The household is picked from the list (or by a tap on the table above); then one of
// its residents.
void draw_correct_household(const State& s, std::string& household_id) {
    static int household = 0, resident = 0;
    static FieldsEditor household_fields("people.save_household", "people.household_saved");
    static FieldsEditor resident_fields("people.save_resident", "people.resident_saved");
    ui::heading("people.correct_heading");
    const choices::Choices& households = choices::households(s);
    if (households.empty()) return;
    if (const int tapped = households.index_of(household_id); tapped >= 0) household = tapped;
    choices::pick("people.correct_household", household, households);
    household_id = households.id(household);
    household_fields.draw(s, RecordKind::household, household_id, {"phone", "note"});
    const HouseholdRecord* h = s.find_household(household_id);
    if (!h || h->residents.empty()) return;
    choices::Choices residents;
    for (const auto& person : h->residents)
        if (const ResidentRecord* r = s.find_resident(person)) residents.add(person, r->name);
    choices::pick("people.correct_resident", resident, residents);
    resident_fields.draw(s, RecordKind::resident, residents.id(resident), {"name", "phone"});
}

//-------------------------------------------------------------------------------------
// [SECTION] Devices
//-------------------------------------------------------------------------------------

Table devices_table(const State& s, Language lang) {
    Table t;
    t.columns = {choices::column("device", "people.col_device"), choices::column("label", "people.col_label"),
                 choices::column("kind", "people.col_kind"), choices::column("household", "people.col_household"),
                 choices::column("status", "people.col_status")};
    for (const auto& [id, d] : s.devices) {
        std::string shown = id;
        if (id == session::device_id()) shown += i18n::tr("people.this_device");
        t.add_row({shown, d.label, std::string(lang == Language::zh ? label_zh(d.kind) : label_en(d.kind)),
                   d.household_id, i18n::tr(d.revoked ? "people.revoked" : "people.in_use")});
    }
    return t;
}

void draw_register_device(const State& s) {
    static std::string device, label;
    static int kind = 0, household = 0;
    static session::Form form;
    ui::heading("people.device_heading");
    ui::text_wrapped("people.device_hint");
    ui::text_field("people.device_id", device, form.error("device"), {.width = 14, .max_chars = 64});
    ui::text_field("people.device_label", label, form.error("label"),
                   {.placeholder_key = "people.device_label_placeholder", .width = 14, .max_chars = 50});
    const auto kinds = choices::labels<DeviceKind>();
    ui::combo_data("people.device_kind", &kind, kinds);
    const DeviceKind chosen_kind = choices::value_at<DeviceKind>(kind);
    std::string household_id;
    if (chosen_kind == DeviceKind::resident) {
        const auto& households = choices::households(s);
        choices::pick("people.device_household", household, households);
        household_id = households.id(household);
        if (const auto* e = form.error("household_id")) ui::error_text(e->message());
    }
    form.show_other_errors({"device", "label", "household_id"});
    const DeviceRegistered proposed{device, label, chosen_kind, household_id};
    form.check_as_you_type(proposed);
    if (ui::primary_button("people.register_device") && form.submit(session::run(proposed), "people.device_registered")) {
        device.clear();
        label.clear();
    }
}

void draw_revoke_device(const State& s) {
    static int chosen = 0;
    static std::string reason;
    static session::Form form;
    ui::heading("people.revoke_heading");
    choices::Choices devices;
    for (const auto& [id, d] : s.devices)
        if (!d.revoked && id != session::device_id()) devices.add(id, d.label.empty() ? id : d.label + " · " + id);
    if (devices.empty()) {
        ui::hint("people.no_device_to_revoke");
        return;
    }
    choices::pick("people.revoke_device", chosen, devices);
    ui::text_field("people.revoke_reason", reason, form.error("reason"), {.max_chars = 200});
    form.show_other_errors({"reason"});
    const DeviceRevoked proposed{devices.id(chosen), reason};
    form.check_as_you_type(proposed);
    if (ui::button("people.revoke") && form.submit(session::run(proposed), "people.device_revoked")) reason.clear();
}

}  // namespace

void draw_buildings(const State& s) {
    static ui::CoreTable buildings("people.buildings");
    static ui::CoreTable households("people.households");
    buildings.update(ui::core_table_key({session::revision()}), [&](Language) { return buildings_table(s); });
    buildings.draw({.height = ImGui::GetFontSize() * 10, .searchable = false, .export_filename = "buildings.csv"});
    draw_add_building();
    ImGui::Spacing();
    ui::hint("people.households_hint");
    static std::string tapped;  // a household tapped in the table is the one corrected
    households.update(ui::core_table_key({session::revision()}), [&](Language) { return households_table(s); });
    const int clicked = households.draw({.height = ImGui::GetFontSize() * 12, .export_filename = "households.csv"});
    if (clicked >= 0 && std::size_t(clicked) < households.table().rows.size()) tapped = households.table().rows[clicked][0];
    draw_correct_household(s, tapped);
}

void draw_devices(const State& s) {
    static ui::CoreTable view("people.devices");
    view.update(ui::core_table_key({session::revision()}), [&](Language lang) { return devices_table(s, lang); });
    view.draw({.height = ImGui::GetFontSize() * 10, .export_filename = "devices.csv"});
    draw_register_device(s);
    ImGui::Spacing();
    draw_revoke_device(s);
}

}  // namespace bianmin::screens::people
