// Desk deliveries — log a delivery at the door, have the resident confirm it on the same
// tablet with their signature, collect the fee [SPEC "Serving a resident" 3-4; 3-4.3.1,
// 3-4.3.2, 1-4.8].
//
// The resident confirms on a staff tablet as the core expects: the signed-in worker
// records DeliveryConfirmed carrying the resident's own drawn signature (required when
// staff record it). The charge is the core's (published price × quantity); the fee
// collected stays with the worker until it is handed to finance (desk_handover).
//
// Each form shows only to the roles the core lets record it (authorize.cpp): the office
// manager looks at deliveries and fees but neither logs nor collects; drinking-water
// stock is received by the front desk and the office manager [3-5].
//
// [SECTION] Shared choice of household and delivery
// [SECTION] Log a delivery
// [SECTION] Resident confirms
// [SECTION] Collect the fee
// [SECTION] Drinking-water stock
// [SECTION] Screen
#include <charconv>
#include <optional>

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

// "12" → 12; nullopt for anything that is not a whole number.
std::optional<std::int64_t> quantity_typed(const std::string& text) {
    std::int64_t n = 0;
    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), n);
    if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) return std::nullopt;
    return n;
}

std::string unit_of(const State& s, const std::string& item_id) {
    const ItemRecord* item = s.find_item(item_id);
    if (!item) return "";
    return i18n::current() == i18n::Lang::Zh ? item->def.unit_zh : item->def.unit_en;
}

std::int64_t water_on_hand(const State& s, const std::string& item_id) {
    auto it = s.water_on_hand.find(item_id);
    return it == s.water_on_hand.end() ? 0 : it->second;
}

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
    const std::optional<std::int64_t> count = quantity_typed(quantity);
    if (const PriceRow* row = current_price_row(s, p.item_id); row && count && *count > 0)
        ui::label_value("desk.charge_preview", i18n::money(delivery_charge(*row, *count)));
    if (const ItemRecord* item = s.find_item(p.item_id); item && item->feeds(RegisterKind::water_stock))
        ui::label_value("desk.water_on_hand_now", std::to_string(water_on_hand(s, p.item_id)) + " " + unit_of(s, p.item_id));
    ui::text_field("desk.log_note", note, form.error("note"), {.max_chars = 500});
    form.show_other_errors({"household_id", "form_id", "request_id", "quantity", "note"});
    p.quantity = count.value_or(0);  // not a number: the core's "1–10000" while typing
    p.note = note;
    form.check_as_you_type(p);
    if (ui::primary_button("desk.log_submit")) {
        if (!count) {
            form.fail("delivery.bad_quantity", "quantity", "desk.quantity_number");
            return;
        }
        auto result = session::run(p);
        if (form.submit(result, "desk.delivery_logged")) {
            g_delivery = result.value().front().as<DeliveryLogged>()->delivery_id;
            note.clear();
            quantity = "1";
        }
    }
}

// Who may only look (the office manager) sees every delivery instead of the form.
void draw_all_deliveries(const State& s) {
    static ui::CoreTable table("desk.all_deliveries");
    static std::vector<std::string> ids;
    ui::heading("desk.all_deliveries_heading");
    ui::hint("desk.log_not_yours");
    delivery_table(table, ids, s, [](const DeliveryRecord&) { return true; });
}

//-------------------------------------------------------------------------------------
// [SECTION] Resident confirms
//-------------------------------------------------------------------------------------

void draw_confirm(const State& s, bool may_confirm) {
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
    if (!may_confirm) return;
    ui::signature_pad("desk.confirm_signature", signature);
    if (const auto* e = form.error("signature")) ui::error_text(e->message());
    ui::text_field("desk.confirm_comment", comment, form.error("comment"), {.max_chars = 500});
    form.show_other_errors({"signature", "comment"});
    const DeliveryConfirmed proposed{g_delivery, ui::to_core(signature), comment};
    form.check_as_you_type(proposed);
    if (ui::primary_button("desk.confirm_submit") && form.submit(session::run(proposed), "desk.delivery_confirmed")) {
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

void draw_collect(const State& s, bool may_collect) {
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
    if (!may_collect) return;
    ui::money_field("desk.collect_amount", amount, form.error("amount"));
    form.show_other_errors({"amount"});
    const FeeCollected proposed{"", d.def.household_id, d.def.item_id, d.def.form_id, g_delivery, amount.value.value_or(Fen{})};
    form.check_as_you_type(proposed);
    if (ui::primary_button("desk.collect_submit")) {
        if (!amount.value) {
            form.fail("collection.bad_amount", "amount", "desk.amount_needed");
            return;
        }
        if (form.submit(session::run(proposed), "desk.fee_collected")) prefilled_for.clear();
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Drinking-water stock
//-------------------------------------------------------------------------------------

// The items whose stock the office keeps (the drinking-water register [3-5]).
choices::Choices water_items(const State& s) {
    choices::Choices out;
    for (const auto& [id, item] : s.items)
        if (item.feeds(RegisterKind::water_stock)) out.add(id, choices::item_name(s, id));
    return out;
}

// Per water item: what is on hand, and the last stock received.
void draw_water_on_hand(const State& s) {
    static ui::CoreTable table("desk.water_on_hand");
    ui::heading("desk.water_on_hand_heading");
    table.update(ui::core_table_key({session::revision()}), [&](Language) {
        Table t;
        t.columns = {choices::column("item", "desk.col_item"), choices::column("on_hand", "desk.col_water_on_hand", true),
                     choices::column("unit", "desk.col_unit"), choices::column("received", "desk.col_last_received")};
        const choices::Choices items = water_items(s);
        for (int i = 0; i < items.size(); ++i) {
            const std::string& id = items.ids[std::size_t(i)];
            std::int64_t last = 0;
            for (const WaterMovement& m : s.water)
                if (m.item_id == id && m.quantity > 0) last = m.ms;
            t.add_row({items.labels[std::size_t(i)], std::to_string(water_on_hand(s, id)), unit_of(s, id), choices::when(s, last)});
        }
        return t;
    });
    table.draw({.height = ImGui::GetFrameHeightWithSpacing() * 4, .export_filename = "water-on-hand.csv"});
}

// Stock delivered by the supplier [3-5]: the core refuses water deliveries above what
// is on hand, so the desk records each receipt as it arrives.
void draw_water_receive(const State& s) {
    static int item = 0;
    static std::string quantity, supplier, prefilled_for;
    static ui::MoneyInput unit_cost;
    static session::Form form;
    ui::heading("desk.water_receive_heading");
    const choices::Choices items = water_items(s);
    choices::pick("desk.water_item", item, items);
    if (const auto* e = form.error("item_id")) ui::error_text(e->message());
    const std::string item_id = items.id(item);
    if (prefilled_for != item_id) {  // the item's last supplier and cost: the same most months
        prefilled_for = item_id;
        for (const WaterMovement& m : s.water)
            if (m.item_id == item_id && m.quantity > 0) {
                supplier = m.counterparty;
                unit_cost.set(m.unit_cost);
            }
    }
    ui::label_value("desk.water_on_hand_now", std::to_string(water_on_hand(s, item_id)) + " " + unit_of(s, item_id));
    ui::text_field("desk.water_quantity", quantity, form.error("quantity"), {.phone = true, .width = 6});
    ui::text_field("desk.water_supplier", supplier, form.error("supplier"), {.width = 16});
    ui::money_field("desk.water_unit_cost", unit_cost, form.error("unit_cost"));
    const std::optional<std::int64_t> count = quantity_typed(quantity);
    if (count && *count > 0 && unit_cost.value)
        ui::label_value("desk.water_total_cost", i18n::money(Fen{unit_cost.value->value * *count}));
    form.show_other_errors({"item_id", "quantity", "supplier", "unit_cost"});
    const WaterStockReceived proposed{"", item_id, count.value_or(0), supplier, unit_cost.value.value_or(Fen{})};
    form.check_as_you_type(proposed);
    if (ui::primary_button("desk.water_submit")) {
        if (!count && !quantity.empty()) {  // empty: the core names the quantity missing
            form.fail("water.bad_quantity", "quantity", "desk.quantity_number");
            return;
        }
        if (!unit_cost.value) {
            form.fail("water.bad_amount", "unit_cost", "desk.water_cost_needed");
            return;
        }
        if (form.submit(session::run(proposed), "desk.water_received")) quantity.clear();
    }
}

// The latest stock received, newest first.
void draw_water_receipts(const State& s) {
    static ui::CoreTable table("desk.water_receipts");
    ui::heading("desk.water_receipts_heading");
    table.update(ui::core_table_key({session::revision()}), [&](Language) {
        Table t;
        t.columns = {choices::column("date", "desk.col_date", true), choices::column("item", "desk.col_item"),
                     choices::column("quantity", "desk.col_quantity", true), choices::column("supplier", "desk.col_supplier"),
                     choices::column("unit_cost", "desk.col_unit_cost", true), choices::column("receipt", "desk.col_receipt")};
        for (auto it = s.water.rbegin(); it != s.water.rend(); ++it)
            if (it->quantity > 0)
                t.add_row({choices::when(s, it->ms), choices::item_name(s, it->item_id), std::to_string(it->quantity),
                           it->counterparty, format_yuan_plain(it->unit_cost), it->ref_id});
        return t;
    });
    table.draw({.height = ImGui::GetFontSize() * 9, .export_filename = "water-received.csv"});
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_desk_deliveries(App&) {
    ui::title("nav.desk_deliveries");
    const auto& actor = session::actor();
    if (!actor) return;
    const State& s = session::state();
    if (!ui::begin_tabs("desk.delivery_tabs")) return;
    if (ui::tab("desk.tab_log")) {
        if (session::may_record(EventType::delivery_logged)) draw_log(s);
        else draw_all_deliveries(s);
        ui::end_tab();
    }
    if (ui::tab("desk.tab_confirm")) {
        draw_confirm(s, session::may_record(EventType::delivery_confirmed));
        ui::end_tab();
    }
    if (ui::tab("desk.tab_collect")) {
        draw_collect(s, session::may_record(EventType::fee_collected));
        ui::end_tab();
    }
    if (ui::tab("desk.tab_water")) {
        draw_water_on_hand(s);
        if (session::may_record(EventType::water_stock_received)) draw_water_receive(s);
        draw_water_receipts(s);
        ui::end_tab();
    }
    ui::end_tabs();
}

}  // namespace bianmin::screens
