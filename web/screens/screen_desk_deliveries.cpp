// Desk deliveries — log a delivery at the door, have the resident confirm it on the same
// tablet with their signature, collect the fee [SPEC "Serving a resident" 3-4; 3-4.3.1,
// 3-4.3.2, 1-4.8].
//
// The resident confirms on a staff tablet as the core expects: the signed-in worker
// records DeliveryConfirmed carrying the resident's own drawn signature (required when
// staff record it). The charge is the core's (published price × quantity); the fee
// collected stays with the worker until it is handed to finance (desk_handover).
//
// [SECTION] Shared choice of household and delivery
// [SECTION] Log a delivery
// [SECTION] Resident confirms
// [SECTION] Collect the fee
// [SECTION] Screen
#include <charconv>

#include "app.h"
#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/core_table.h"
#include "ui/fields.h"
#include "ui/signature_core.h"
#include "ui/signature_pad.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

// The household served now, shared by the desk screens (record_choices.h).
std::string& g_delivery_household = choices::current_household();

//-------------------------------------------------------------------------------------
// [SECTION] Shared choice of household and delivery
//-------------------------------------------------------------------------------------

std::string g_delivery;  // the delivery the confirm and fee steps work on

std::string delivery_label(const State& s, const DeliveryRecord& d) {
    return choices::when(s, d.ms) + " " + household_label(s, d.def.household_id) + " " +
           choices::item_name(s, d.def.item_id) + " ×" + std::to_string(d.def.quantity) + " " + i18n::money(d.def.charge);
}

// A table of deliveries chosen by `keep`; a tapped row becomes g_delivery.
void delivery_table(ui::CoreTable& table, std::vector<std::string>& ids, const State& s,
                    const std::function<bool(const DeliveryRecord&)>& keep) {
    table.update(ui::core_table_key({session::revision()}), [&](Language) {
        Table t;
        t.columns = {choices::column("date", "desk.col_date", true), choices::column("household", "desk.col_household"),
                     choices::column("item", "desk.col_item"), choices::column("quantity", "desk.col_quantity", true),
                     choices::column("charge", "desk.col_charge", true), choices::column("worker", "desk.col_worker"),
                     choices::column("delivery", "desk.col_delivery")};
        ids.clear();
        for (auto it = s.deliveries.rbegin(); it != s.deliveries.rend(); ++it) {
            const DeliveryRecord& d = it->second;
            if (!keep(d)) continue;
            ids.push_back(it->first);
            t.add_row({choices::when(s, d.ms), household_label(s, d.def.household_id), choices::item_name(s, d.def.item_id),
                       std::to_string(d.def.quantity), format_yuan_plain(d.def.charge), staff_name(s, d.worker), it->first});
        }
        return t;
    });
    const int clicked = table.draw({.height = ImGui::GetFontSize() * 9, .export_filename = "deliveries.csv"});
    if (clicked >= 0 && clicked < int(ids.size())) g_delivery = ids[std::size_t(clicked)];
}

//-------------------------------------------------------------------------------------
// [SECTION] Log a delivery
//-------------------------------------------------------------------------------------

void draw_log(const State& s) {
    static int target = 0;
    static std::string quantity = "1", note;
    static session::Form form;
    ui::heading("desk.log_heading");
    const auto& households = choices::households(s);
    int h = std::max(0, households.index_of(g_delivery_household));
    choices::pick("desk.log_household", h, households);
    g_delivery_household = households.id(h);
    if (const auto* e = form.error("household_id")) ui::error_text(e->message());
    // What it is delivered on: a form of the household, or an open request.
    choices::Choices targets;
    for (const FormRecord* f : forms_of_household(s, g_delivery_household))
        if (!f->stopped) targets.add("F:" + f->def.form_id, choices::item_name(s, f->def.item_id) + " · " + f->def.form_id);
    for (const auto& [id, r] : s.requests)
        if (r.def.household_id == g_delivery_household && !r.done())
            targets.add("R:" + id, choices::item_name(s, r.def.item_id) + " · " + r.def.detail);
    choices::pick("desk.log_for", target, targets);
    if (const auto* e = form.error("form_id")) ui::error_text(e->message());
    if (const auto* e = form.error("request_id")) ui::error_text(e->message());
    ui::text_field("desk.quantity", quantity, form.error("quantity"), {.phone = true, .width = 6});
    const std::string chosen = targets.id(target);
    DeliveryLogged p;
    p.household_id = g_delivery_household;
    if (chosen.rfind("F:", 0) == 0) {
        p.form_id = chosen.substr(2);
        if (const FormRecord* f = s.find_form(p.form_id)) p.item_id = f->def.item_id;
    } else if (chosen.rfind("R:", 0) == 0) {
        p.request_id = chosen.substr(2);
        auto r = s.requests.find(p.request_id);
        if (r != s.requests.end()) {
            p.item_id = r->second.def.item_id;
            p.form_id = r->second.def.form_id;
        }
    }
    std::int64_t count = 0;
    const auto parsed = std::from_chars(quantity.data(), quantity.data() + quantity.size(), count);
    const bool number = parsed.ec == std::errc() && parsed.ptr == quantity.data() + quantity.size();
    if (const PriceRow* row = current_price_row(s, p.item_id); row && number && count > 0)
        ui::label_value("desk.charge_preview", i18n::money(delivery_charge(*row, count)));
    ui::text_field("desk.log_note", note, form.error("note"), {.max_chars = 500});
    form.show_other_errors({"household_id", "form_id", "request_id", "quantity", "note"});
    if (ui::primary_button("desk.log_submit")) {
        if (!number) {
            form.fail("delivery.bad_quantity", "quantity", "desk.quantity_number");
            return;
        }
        p.quantity = count;
        p.note = note;
        auto result = session::run(p);
        if (form.submit(result, "desk.delivery_logged")) {
            g_delivery = result.value().front().as<DeliveryLogged>()->delivery_id;
            note.clear();
            quantity = "1";
        }
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Resident confirms
//-------------------------------------------------------------------------------------

void draw_confirm(const State& s) {
    static ui::CoreTable table("desk.unconfirmed");
    static std::vector<std::string> ids;
    static ui::Signature signature;
    static std::string comment;
    static session::Form form;
    ui::heading("desk.confirm_heading");
    ui::hint("desk.confirm_hint");
    delivery_table(table, ids, s, [](const DeliveryRecord& d) { return !d.confirmed(); });
    auto it = s.deliveries.find(g_delivery);
    if (it == s.deliveries.end() || it->second.confirmed()) {
        ui::hint("desk.pick_delivery");
        return;
    }
    ui::label_value("desk.chosen_delivery", delivery_label(s, it->second));
    ui::signature_pad("desk.confirm_signature", signature);
    if (const auto* e = form.error("signature")) ui::error_text(e->message());
    ui::text_field("desk.confirm_comment", comment, form.error("comment"), {.max_chars = 500});
    form.show_other_errors({"signature", "comment"});
    if (ui::primary_button("desk.confirm_submit") &&
        form.submit(session::run(DeliveryConfirmed{g_delivery, ui::to_core(signature), comment}), "desk.delivery_confirmed")) {
        signature.clear();
        comment.clear();
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Collect the fee
//-------------------------------------------------------------------------------------

bool fee_owed_on(const State& s, const DeliveryRecord& d) {
    const FormRecord* f = s.find_form(d.def.form_id);
    return f && d.def.charge.value > 0 && !d.from_prepayment && f->fees_owed().value > 0;
}

void draw_collect(const State& s) {
    static ui::CoreTable table("desk.fees_owed");
    static std::vector<std::string> ids;
    static ui::MoneyInput amount;
    static std::string prefilled_for;
    static session::Form form;
    ui::heading("desk.collect_heading");
    delivery_table(table, ids, s, [&](const DeliveryRecord& d) { return fee_owed_on(s, d); });
    auto it = s.deliveries.find(g_delivery);
    if (it == s.deliveries.end() || !fee_owed_on(s, it->second)) {
        ui::hint("desk.pick_fee");
        return;
    }
    const DeliveryRecord& d = it->second;
    const FormRecord* f = s.find_form(d.def.form_id);
    if (prefilled_for != g_delivery) {  // the charge, or what is still owed on the form if less
        prefilled_for = g_delivery;
        amount.set(std::min(d.def.charge, f->fees_owed()));
    }
    ui::label_value("desk.chosen_delivery", delivery_label(s, d));
    ui::label_value("desk.owed_on_form", i18n::money(f->fees_owed()));
    ui::money_field("desk.collect_amount", amount, form.error("amount"));
    form.show_other_errors({"amount"});
    if (ui::primary_button("desk.collect_submit")) {
        if (!amount.value) {
            form.fail("collection.bad_amount", "amount", "desk.amount_needed");
            return;
        }
        if (form.submit(session::run(FeeCollected{"", d.def.household_id, d.def.item_id, d.def.form_id, g_delivery, *amount.value}),
                        "desk.fee_collected"))
            prefilled_for.clear();
    }
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_desk_deliveries(App&) {
    ui::title("nav.desk_deliveries");
    const State& s = session::state();
    if (!ui::begin_tabs("desk.delivery_tabs")) return;
    if (ui::tab("desk.tab_log")) {
        draw_log(s);
        ui::end_tab();
    }
    if (ui::tab("desk.tab_confirm")) {
        draw_confirm(s);
        ui::end_tab();
    }
    if (ui::tab("desk.tab_collect")) {
        draw_collect(s);
        ui::end_tab();
    }
    ui::end_tabs();
}

}  // namespace bianmin::screens
