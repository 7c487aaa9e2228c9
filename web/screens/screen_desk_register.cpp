// Desk register — register a household and its residents, and an entrustment form
// (委托服务单) the resident signs on the tablet; then the household's service file
// [SPEC "Serving a resident" 1-2; 1-4.4, 1-4.5, 3-4.2.6].
//
// Front desk staff do not take money (the cashier does, [3-3.5]): where the price table
// asks for a deposit or prepayment the form says so, and the resident pays at the cashier.
//
// Each form shows only to the roles the core lets record it (authorize.cpp): a service
// worker signs a form with the resident at the door but registers nothing, and sees the
// service file.
//
// [SECTION] Household and resident
// [SECTION] Entrustment form
// [SECTION] Service file (with the signature on each form)
// [SECTION] Stopping a service
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
    const HouseholdRegistered proposed{"", buildings.id(building), room, phone, note};
    form.check_as_you_type(proposed);
    if (ui::primary_button("desk.household_submit")) {
        auto result = session::run(proposed);
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
    const ResidentRegistered proposed{"", g_household, name, phone, choices::value_at<Tenure>(tenure)};
    form.check_as_you_type(proposed);
    if (ui::primary_button("desk.resident_submit") && form.submit(session::run(proposed), "desk.resident_saved")) {
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
    f.form.check_as_you_type(p);
    if (ui::primary_button("desk.form_submit")) {
        if (f.form.submit(session::run(p), "desk.form_saved")) {
            f.signature.clear();
            f.note.clear();
            f.details.clear();
        }
    }
    ui::hint("desk.form_sign_later");
}

// Forms registered without a signature (by phone) are signed when the resident comes by.
void draw_sign_later(const State& s, bool say_when_none) {
    static int chosen = 0;
    static ui::Signature signature;
    static session::Form form;
    choices::Choices waiting;
    for (const FormRecord* f : forms_of_household(s, g_household))
        if (!f->is_signed() && !f->stopped)
            waiting.add(f->def.form_id, choices::item_name(s, f->def.item_id) + " · " + f->def.form_id);
    if (waiting.empty()) {
        if (say_when_none) ui::hint("desk.sign_none");
        return;
    }
    ui::heading("desk.sign_heading");
    choices::pick("desk.sign_form", chosen, waiting);
    ui::signature_pad("desk.sign_signature", signature);
    if (const auto* e = form.error("signature")) ui::error_text(e->message());
    form.show_other_errors({"signature"});
    const EntrustmentSigned proposed{waiting.id(chosen), ui::to_core(signature)};
    form.check_as_you_type(proposed);
    if (ui::primary_button("desk.sign_submit") && form.submit(session::run(proposed), "desk.form_signed"))
        signature.clear();
}

//-------------------------------------------------------------------------------------
// [SECTION] Service file
//-------------------------------------------------------------------------------------

void draw_service_file(const State& s, bool stop_form_below) {
    static ui::CoreTable table("desk.file");
    table.update(ui::core_table_key({session::revision(), std::hash<std::string>{}(g_household)}), [&](Language) {
        Table t;
        t.columns = {choices::column("form", "desk.col_form"), choices::column("item", "desk.col_item"),
                     choices::column("kind", "desk.col_kind"), choices::column("status", "desk.col_status"),
                     choices::column("deposit", "desk.col_deposit_held", true),
                     choices::column("prepaid", "desk.col_prepaid", true), choices::column("owed", "desk.col_owed", true),
                     choices::column("stop_reason", "desk.col_stop_reason"), choices::column("stopped_by", "desk.col_stopped_by")};
        for (const FormRecord* f : forms_of_household(s, g_household))
            t.add_row({f->def.form_id, choices::item_name(s, f->def.item_id), choices::label(f->def.kind),
                       i18n::tr(f->stopped ? "desk.status_stopped" : f->is_signed() ? "desk.status_active" : "desk.status_unsigned"),
                       format_yuan_plain(f->deposit_held()), format_yuan_plain(f->prepaid_balance()),
                       format_yuan_plain(std::max(f->fees_owed(), Fen{0})),
                       f->stopped ? choices::label(f->stop_code) + " · " + f->stop_reason : "",
                       f->stopped ? staff_name(s, f->stopped_by) : ""});  // the desk's record, or the resident's own
        return t;
    });
    // Room is kept under the table for the chosen form's signature (and the stop form), so
    // that they show without scrolling on a tablet.
    const float signature_room = ImGui::GetFrameHeightWithSpacing() * 5 + ImGui::GetFontSize() * 5;  // toolbar, heading, picker, date, view
    const float stop_room = stop_form_below ? ImGui::GetFrameHeightWithSpacing() * 7 : 0;  // heading, two pickers, reason, button
    const float height = std::max(ImGui::GetFrameHeight() * 6, ImGui::GetContentRegionAvail().y - signature_room - stop_room);
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

//-------------------------------------------------------------------------------------
// [SECTION] Stopping a service
//-------------------------------------------------------------------------------------

// A resident who stops a service by phone or at the window [1-4.12]: the desk asks why
// and records it; the form leaves the subscriber list, and what the office still holds
// (deposit, prepayment) is settled at the cashier.
void draw_stop_service(const State& s, const choices::Choices& open) {
    static int chosen = 0, reason_code = 0;
    static std::string reason;
    static session::Form form;
    if (open.empty()) return;
    ImGui::Spacing();
    ui::heading("desk.stop_heading");
    choices::pick("desk.stop_form", chosen, open);
    if (const auto* e = form.error("form_id")) ui::error_text(e->message());
    const auto reasons = choices::labels<StopReason>();
    ui::combo_data("desk.stop_reason_code", &reason_code, reasons);
    ui::text_field("desk.stop_reason", reason, form.error("reason"),
                   {.placeholder_key = "desk.stop_reason_placeholder", .max_chars = 500});
    if (const FormRecord* f = s.find_form(open.id(chosen)); f && (f->deposit_held().value > 0 || f->prepaid_balance().value > 0))
        ui::value_text_wrapped(i18n::fill("desk.stop_refund", {i18n::money(f->deposit_held()), i18n::money(f->prepaid_balance())}));
    form.show_other_errors({"form_id", "reason"});
    const ServiceStopped proposed{open.id(chosen), choices::value_at<StopReason>(reason_code), reason};
    form.check_as_you_type(proposed);
    if (ui::primary_button("desk.stop_submit") && form.submit(session::run(proposed), "desk.stopped")) {
        reason.clear();
        chosen = 0;
    }
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_desk_register(App&) {
    ui::title("nav.desk_register");
    const auto& actor = session::actor();
    if (!actor) return;
    const State& s = session::state();
    if (!ui::begin_tabs("desk.register_tabs")) return;
    if (session::may_record(EventType::household_registered) && ui::tab("desk.tab_household")) {
        draw_household(s);
        ImGui::Spacing();
        if (session::may_record(EventType::resident_registered)) draw_resident(s);
        ui::end_tab();
    }
    if (session::may_record(EventType::entrustment_signed) && ui::tab("desk.tab_form")) {
        const bool may_register = session::may_record(EventType::entrustment_registered);
        if (may_register) draw_entrustment(s);
        else pick_household("desk.form_household", s);  // to find the form to sign
        draw_sign_later(s, !may_register);
        ui::end_tab();
    }
    if (ui::tab("desk.tab_file")) {
        pick_household("desk.file_household", s);
        const bool may_stop = session::may_record(EventType::service_stopped);
        const choices::Choices open = may_stop ? choices::forms_of(s, g_household, true) : choices::Choices{};
        draw_service_file(s, !open.empty());
        draw_form_signature(s);
        draw_stop_service(s, open);
        ui::end_tab();
    }
    ui::end_tabs();
}

}  // namespace bianmin::screens
