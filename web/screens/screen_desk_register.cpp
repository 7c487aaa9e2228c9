// Desk register — register a household and its residents, and an entrustment form
// (委托服务单) the resident signs on the tablet; then the household's service file
// [SPEC "Serving a resident" 1-2; 1-4.4, 1-4.5, 3-4.2.6].
//
// Front desk staff do not take money (the cashier does, [3-3.5]): where the price table
// asks for a deposit or prepayment the form says so, and the resident pays at the cashier.
//
// [SECTION] Household and resident
// [SECTION] Entrustment form
// [SECTION] Service file (with the signature on each form)
// [SECTION] Screen
#include <algorithm>

#include "app.h"
#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "platform/files.h"
#include "runtime/form.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/core_table.h"
#include "ui/signature_core.h"
#include "ui/signature_pad.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

// The household served now, shared by the desk screens (record_choices.h).
std::string& g_household = choices::current_household();


bool pick_household(const char* key, const State& s) {
    const auto& list = choices::households(s);
    int index = std::max(0, list.index_of(g_household));
    const bool changed = choices::pick(key, index, list);
    g_household = list.id(index);
    return changed;
}

//-------------------------------------------------------------------------------------
// [SECTION] Household and resident
//-------------------------------------------------------------------------------------

void draw_household(const State& s) {
    static int building = 0;
    static std::string room, phone, note;
    static session::Form form;
    ui::heading("desk.household_heading");
    choices::Choices buildings;
    for (const auto& [id, b] : s.buildings) buildings.add(id, b.name);
    choices::pick("desk.building", building, buildings);
    if (const auto* e = form.error("building_id")) ui::error_text(e->message());
    ui::text_field("desk.room", room, form.error("room"), {.placeholder_key = "desk.room_placeholder", .width = 8});
    ui::text_field("desk.household_phone", phone, form.error("phone"), {.phone = true, .width = 12});
    ui::text_field("desk.household_note", note, form.error("note"), {.max_chars = 500});
    form.show_other_errors({"building_id", "room", "phone", "note"});
    if (ui::primary_button("desk.household_submit")) {
        auto result = session::run(HouseholdRegistered{"", buildings.id(building), room, phone, note});
        if (form.submit(result, "desk.household_saved")) {
            g_household = result.value().front().as<HouseholdRegistered>()->household_id;
            room.clear();
            phone.clear();
            note.clear();
        }
    }
}

void draw_resident(const State& s) {
    static std::string name, phone;
    static int tenure = 0;
    static session::Form form;
    ui::heading("desk.resident_heading");
    pick_household("desk.resident_household", s);
    if (const auto* e = form.error("household_id")) ui::error_text(e->message());
    ui::text_field("desk.resident_name", name, form.error("name"), {.width = 12});
    ui::text_field("desk.resident_phone", phone, form.error("phone"), {.phone = true, .width = 12});
    const auto tenures = choices::labels<Tenure>();
    ui::combo_data("desk.tenure", &tenure, tenures);
    form.show_other_errors({"household_id", "name", "phone"});
    if (ui::primary_button("desk.resident_submit") &&
        form.submit(session::run(ResidentRegistered{"", g_household, name, phone, choices::value_at<Tenure>(tenure)}),
                    "desk.resident_saved")) {
        name.clear();
        phone.clear();
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Entrustment form
//-------------------------------------------------------------------------------------

struct EntrustState {
    int item = 0, kind = 0, channel = 1;  // in person
    std::string household_seen, name, phone, note;
    std::map<std::string, std::string> details;
    ui::Signature signature;
    session::Form form;
};

void draw_entrustment(const State& s) {
    static EntrustState f;
    ui::heading("desk.form_heading");
    pick_household("desk.form_household", s);
    if (const auto* e = f.form.error("household_id")) ui::error_text(e->message());
    if (f.household_seen != g_household || f.name.empty()) {  // the household's first resident fills the form
        f.household_seen = g_household;
        const HouseholdRecord* h = s.find_household(g_household);
        const ResidentRecord* r = h && !h->residents.empty() ? s.find_resident(h->residents.front()) : nullptr;
        f.name = r ? r->name : "";
        f.phone = r && !r->phone.empty() ? r->phone : h ? h->phone : "";
    }
    const auto& items = choices::published_items(s);
    choices::pick("desk.form_item", f.item, items);
    if (const auto* e = f.form.error("item_id")) ui::error_text(e->message());
    const std::string item_id = items.id(f.item);
    const PriceRow* row = current_price_row(s, item_id);
    if (row && (row->deposit.value > 0 || row->prepayment.value > 0))
        ui::value_text_wrapped(i18n::fill("desk.money_up_front", {i18n::money(row->deposit), i18n::money(row->prepayment)}));
    const auto kinds = choices::labels<EntrustmentKind>();
    ui::combo_data("desk.form_kind", &f.kind, kinds);
    const auto channels = choices::labels<RequestChannel>();
    ui::combo_data("desk.form_channel", &f.channel, channels);
    ui::text_field("desk.form_name", f.name, f.form.error("resident_name"), {.width = 12});
    ui::text_field("desk.form_phone", f.phone, f.form.error("phone"), {.phone = true, .width = 12});
    choices::detail_fields(s, item_id, f.details, f.form);
    ui::text_field("desk.form_note", f.note, f.form.error("note"), {.max_chars = 500});
    ui::signature_pad("desk.form_signature", f.signature);
    if (const auto* e = f.form.error("signature")) ui::error_text(e->message());
    f.form.show_other_errors({"household_id", "item_id", "resident_name", "phone", "note", "signature"});
    if (ui::primary_button("desk.form_submit")) {
        EntrustmentRegistered p;
        p.household_id = g_household;
        p.resident_name = f.name;
        p.phone = f.phone;
        p.item_id = item_id;
        p.kind = choices::value_at<EntrustmentKind>(f.kind);
        p.channel = choices::value_at<RequestChannel>(f.channel);
        p.details = f.details;
        p.signature = ui::to_core(f.signature);
        p.note = f.note;
        if (f.form.submit(session::run(p), "desk.form_saved")) {
            f.signature.clear();
            f.note.clear();
            f.details.clear();
        }
    }
    ui::hint("desk.form_sign_later");
}

// Forms registered without a signature (by phone) are signed when the resident comes by.
void draw_sign_later(const State& s) {
    static int chosen = 0;
    static ui::Signature signature;
    static session::Form form;
    choices::Choices waiting;
    for (const FormRecord* f : forms_of_household(s, g_household))
        if (!f->is_signed() && !f->stopped)
            waiting.add(f->def.form_id, choices::item_name(s, f->def.item_id) + " · " + f->def.form_id);
    if (waiting.empty()) return;
    ui::heading("desk.sign_heading");
    choices::pick("desk.sign_form", chosen, waiting);
    ui::signature_pad("desk.sign_signature", signature);
    if (const auto* e = form.error("signature")) ui::error_text(e->message());
    form.show_other_errors({"signature"});
    if (ui::primary_button("desk.sign_submit") &&
        form.submit(session::run(EntrustmentSigned{waiting.id(chosen), ui::to_core(signature)}), "desk.form_signed"))
        signature.clear();
}

//-------------------------------------------------------------------------------------
// [SECTION] Service file
//-------------------------------------------------------------------------------------

void draw_service_file(const State& s) {
    static ui::CoreTable table("desk.file");
    table.update(ui::core_table_key({session::revision(), std::hash<std::string>{}(g_household)}), [&](Language) {
        Table t;
        t.columns = {choices::column("form", "desk.col_form"), choices::column("item", "desk.col_item"),
                     choices::column("kind", "desk.col_kind"), choices::column("status", "desk.col_status"),
                     choices::column("deposit", "desk.col_deposit_held", true),
                     choices::column("prepaid", "desk.col_prepaid", true), choices::column("owed", "desk.col_owed", true)};
        for (const FormRecord* f : forms_of_household(s, g_household))
            t.add_row({f->def.form_id, choices::item_name(s, f->def.item_id), choices::label(f->def.kind),
                       i18n::tr(f->stopped ? "desk.status_stopped" : f->is_signed() ? "desk.status_active" : "desk.status_unsigned"),
                       format_yuan_plain(f->deposit_held()), format_yuan_plain(f->prepaid_balance()),
                       format_yuan_plain(std::max(f->fees_owed(), Fen{0}))});
        return t;
    });
    // Room is kept under the table for the chosen form's signature, so that it shows
    // without scrolling on a tablet.
    const float signature_room = ImGui::GetFrameHeightWithSpacing() * 5 + ImGui::GetFontSize() * 5;  // toolbar, heading, picker, date, view
    const float height = std::max(ImGui::GetFrameHeight() * 6, ImGui::GetContentRegionAvail().y - signature_room);
    table.draw({.height = height, .export_filename = "service-file.csv"});
}

// The signature on one of the household's forms, drawn again, and saved as SVG for the
// paper file or a print [1-4.4]: the form is the resident's signed consent.
void draw_form_signature(const State& s) {
    static int chosen = 0;
    const choices::Choices forms = choices::forms_of(s, g_household, false);
    if (forms.empty()) return;
    ImGui::Spacing();
    ui::heading("desk.signature_heading");
    choices::pick("desk.signature_form", chosen, forms);
    const FormRecord* form = s.find_form(forms.id(chosen));
    if (!form) return;
    if (form->def.signature.empty()) {
        ui::hint("desk.signature_none");
        return;
    }
    const ui::Signature drawn = ui::from_core(form->def.signature);
    ui::label_value("desk.signature_signed", choices::when_text(s, form->signed_ms));
    ui::beside_if_room(ui::button_width("desk.signature_export"));
    if (ui::button("desk.signature_export"))
        platform::files::download("signature-" + form->def.form_id + ".svg", ui::signature_svg(drawn, 600), "image/svg+xml");
    ui::signature_view(drawn, ImGui::GetFontSize() * 4);
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_desk_register(App&) {
    ui::title("nav.desk_register");
    const State& s = session::state();
    if (!ui::begin_tabs("desk.register_tabs")) return;
    if (ui::tab("desk.tab_household")) {
        draw_household(s);
        ImGui::Spacing();
        draw_resident(s);
        ui::end_tab();
    }
    if (ui::tab("desk.tab_form")) {
        draw_entrustment(s);
        draw_sign_later(s);
        ui::end_tab();
    }
    if (ui::tab("desk.tab_file")) {
        pick_household("desk.file_household", s);
        draw_service_file(s);
        draw_form_signature(s);
        ui::end_tab();
    }
    ui::end_tabs();
}

}  // namespace bianmin::screens
