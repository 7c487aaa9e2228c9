// Resident request — ask for a service, sign up on an entrustment form with a drawn
// signature, sign a form registered at the desk, stop a service with a reason
// [SPEC "Serving a resident" 1, 3, 7; 1-4.4, 1-4.12, 3-4.2.5].
//
// [SECTION] Ask for a service
// [SECTION] Sign up (entrustment form)
// [SECTION] Sign a form
// [SECTION] Stop a service
// [SECTION] Screen
#include "app.h"
#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/screen_resident.h"
#include "screens/screens.h"
#include "ui/signature_core.h"
#include "ui/signature_pad.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Ask for a service
//-------------------------------------------------------------------------------------

struct AskState {
    int item = 0;
    std::string detail;
    session::Form form;
};

void draw_ask(const State& s, const ResidentRecord& me) {
    static AskState a;
    ui::heading("resident.ask_heading");
    const auto& items = choices::published_items(s);
    choices::pick("resident.ask_item", a.item, items);
    if (const auto* e = a.form.error("item_id")) ui::error_text(e->message());
    ui::text_field("resident.detail", a.detail, a.form.error("detail"),
                   {.placeholder_key = "resident.detail_placeholder", .multiline = true, .max_chars = 500});
    a.form.show_other_errors({"item_id", "detail"});
    ServiceRequested p;
    p.household_id = me.household_id;
    p.item_id = items.id(a.item);
    if (const FormRecord* open = open_form(s, me.household_id, p.item_id)) p.form_id = open->def.form_id;
    p.channel = RequestChannel::app;
    p.detail = a.detail;
    a.form.check_as_you_type(p);
    if (ui::primary_button("resident.ask_submit") && a.form.submit(session::run(p), "resident.asked")) a.detail.clear();
}

//-------------------------------------------------------------------------------------
// [SECTION] Sign up (entrustment form)
//-------------------------------------------------------------------------------------

struct SignUpState {
    int item = 0, kind = 0;
    std::string name, phone, note;
    std::map<std::string, std::string> details;
    ui::Signature signature;
    bool prefilled = false;
    session::Form form;
};

void draw_sign_up(const State& s, const ResidentRecord& me) {
    static SignUpState u;
    if (!u.prefilled) {
        u.name = me.name;
        u.phone = me.phone;
        u.prefilled = true;
    }
    ui::heading("resident.signup_heading");
    ui::hint("resident.signup_hint");
    const auto& items = choices::published_items(s);
    choices::pick("resident.signup_item", u.item, items);
    if (const auto* e = u.form.error("item_id")) ui::error_text(e->message());
    const std::string item_id = items.id(u.item);
    if (const PriceRow* row = current_price_row(s, item_id); row && (row->deposit.value > 0 || row->prepayment.value > 0))
        ui::value_text_wrapped(i18n::fill("resident.money_up_front", {i18n::money(row->deposit), i18n::money(row->prepayment)}));
    const auto kinds = choices::labels<EntrustmentKind>();
    ui::combo_data("resident.kind", &u.kind, kinds);
    ui::text_field("resident.name", u.name, u.form.error("resident_name"));
    ui::text_field("resident.phone", u.phone, u.form.error("phone"), {.phone = true});
    choices::detail_fields(s, item_id, u.details, u.form);
    ui::text_field("resident.note", u.note, u.form.error("note"), {.multiline = true, .max_chars = 500});
    ui::signature_pad("resident.signature", u.signature);
    if (const auto* e = u.form.error("signature")) ui::error_text(e->message());
    u.form.show_other_errors({"item_id", "resident_name", "phone", "note", "signature"});
    EntrustmentRegistered p;
    p.household_id = me.household_id;
    p.resident_name = u.name;
    p.phone = u.phone;
    p.item_id = item_id;
    p.kind = choices::value_at<EntrustmentKind>(u.kind);
    p.channel = RequestChannel::app;
    p.details = u.details;
    p.signature = ui::to_core(u.signature);
    p.note = u.note;
    u.form.check_as_you_type(p);
    if (ui::primary_button("resident.signup_submit")) {
        if (p.signature.empty()) {
            u.form.fail("signature.required", "signature", "resident.sign_first");
        } else if (u.form.submit(session::run(p), "resident.signed_up")) {
            u.signature.clear();
            u.note.clear();
            u.details.clear();
        }
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Sign a form
//-------------------------------------------------------------------------------------

void draw_sign_form(const State& s, const ResidentRecord& me) {
    static int chosen = 0;
    static ui::Signature signature;
    static session::Form form;
    choices::Choices unsigned_forms;
    for (const FormRecord* f : forms_of_household(s, me.household_id))
        if (!f->is_signed() && !f->stopped)
            unsigned_forms.add(f->def.form_id, choices::item_name(s, f->def.item_id) + " · " + f->def.form_id);
    if (unsigned_forms.empty()) return;
    ui::heading("resident.sign_heading");
    choices::pick("resident.form", chosen, unsigned_forms);
    ui::signature_pad("resident.signature_form", signature);
    if (const auto* e = form.error("signature")) ui::error_text(e->message());
    form.show_other_errors({"signature"});
    const EntrustmentSigned proposed{unsigned_forms.id(chosen), ui::to_core(signature)};
    form.check_as_you_type(proposed);
    if (ui::primary_button("resident.sign_submit") && form.submit(session::run(proposed), "resident.form_signed"))
        signature.clear();
}

//-------------------------------------------------------------------------------------
// [SECTION] Stop a service
//-------------------------------------------------------------------------------------

void draw_stop(const State& s, const ResidentRecord& me) {
    static int chosen = 0, reason_code = 0;
    static std::string reason;
    static session::Form form;
    ui::heading("resident.stop_heading");
    const auto open = choices::forms_of(s, me.household_id, true);
    if (open.empty()) {
        ui::hint("resident.no_services");
        return;
    }
    choices::pick("resident.stop_form", chosen, open);
    const auto reasons = choices::labels<StopReason>();
    ui::combo_data("resident.stop_reason_code", &reason_code, reasons);
    ui::text_field("resident.stop_reason", reason, form.error("reason"),
                   {.placeholder_key = "resident.stop_reason_placeholder", .multiline = true, .max_chars = 500});
    if (const FormRecord* f = s.find_form(open.id(chosen)); f && (f->deposit_held().value > 0 || f->prepaid_balance().value > 0))
        ui::value_text_wrapped(i18n::fill("resident.stop_refund", {i18n::money(f->deposit_held()), i18n::money(f->prepaid_balance())}));
    form.show_other_errors({"reason"});
    const ServiceStopped proposed{open.id(chosen), choices::value_at<StopReason>(reason_code), reason};
    form.check_as_you_type(proposed);
    if (ui::primary_button("resident.stop_submit") && form.submit(session::run(proposed), "resident.stopped"))
        reason.clear();
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_resident_request(App& app) {
    ui::title("nav.resident_request");
    const ResidentRecord* me = resident_header(app);
    if (!me) return;
    const State& s = session::state();
    if (!current_price_table(s)) {
        ui::hint("resident.no_price_table");
        return;
    }
    if (!ui::begin_tabs("resident.request_tabs")) return;
    if (ui::tab("resident.tab_ask")) {
        draw_ask(s, *me);
        ui::end_tab();
    }
    if (ui::tab("resident.tab_signup")) {
        draw_sign_up(s, *me);
        draw_sign_form(s, *me);
        ui::end_tab();
    }
    if (ui::tab("resident.tab_stop")) {
        draw_stop(s, *me);
        ui::end_tab();
    }
    ui::end_tabs();
}

}  // namespace bianmin::screens
