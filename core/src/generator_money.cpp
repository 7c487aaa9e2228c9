// Money at the cashier and with finance [1-4.5, 1-4.8, 3-3.5, 3-4.3]: top-ups of
// prepayments, monthly parking fees, fees owed paid at the cashier, the evening
// hand-over of cash collected at the door, reversals instead of edits (a fee keyed twice,
// a prepayment keyed wrong), stopping a service with its reason and settling deposits
// [1-4.12]; households moving out and new ones moving in.
#include <algorithm>

#include "generator_sim.hpp"

namespace bianmin::gen {
namespace {

// A cashier's slip of the finger, put right the proper way: the wrong entry is reversed
// (it stays in the ledger), then the right one is entered.
bool mistaken_entry(Sim& sim, const Person& cashier, const PaymentReceived& wrong, const std::string& reason) {
    if (!sim.act(cashier, wrong)) return false;
    const std::string entry = sim.made<PaymentReceived>()->payment_id;
    return sim.act(cashier, MoneyReversed{"", entry, reason});
}

//-----------------------------------------------------------------------------
// Fees at the cashier
//-----------------------------------------------------------------------------

// Parking is paid by the month (some pay a quarter ahead); now and then the cashier
// keys a fee twice and reverses the second one.
void parking_fees(Sim& sim, bool last_chance) {
    const Person* c = sim.on_duty(sim.cashiers);
    if (!c || !sim.item_usable("parking")) return;
    const PriceRow* row = current_price_row(sim.state(), "parking");
    if (!row || row->price.value <= 0) return;
    for (const auto& form_id : std::vector<std::string>(sim.subscribers["parking"])) {
        const FormRecord* f = sim.state().find_form(form_id);
        if (!f || f->stopped || !(last_chance || sim.rng.percent(35))) continue;
        Fen due = amount_due(sim.state(), *f, sim.now());
        if (due.value <= 0) continue;
        std::int64_t months = (due.value + row->price.value - 1) / row->price.value;
        if (months == 1 && sim.rng.percent(25)) months = 3;
        PaymentReceived fee{"", "", "", form_id, PaymentKind::fee, Fen{row->price.value * months}, sim.some_payment_method(), ""};
        if (sim.rng.permille(20) && !mistaken_entry(sim, *c, fee, "重复收费,冲正")) return;
        if (!sim.act(*c, fee)) return;
    }
}

// Fees not collected at the door are paid at the cashier towards the month's end.
void fees_owed(Sim& sim) {
    const Person* c = sim.on_duty(sim.cashiers);
    if (!c) return;
    for (const char* item : {"bottled_water", "housekeeping"})
        for (const auto& form_id : std::vector<std::string>(sim.subscribers[item])) {
            const FormRecord* f = sim.state().find_form(form_id);
            if (!f || f->stopped || f->fees_owed().value <= 0) continue;
            sim.act(*c, PaymentReceived{"", "", "", form_id, PaymentKind::fee, f->fees_owed(), sim.some_payment_method(), "月底结清"});
        }
}

// Every evening each staff member hands the cash they collected to finance; the
// cashier counts it. Rarely it is short, and the note says so.
void handovers(Sim& sim) {
    const Person* c = sim.on_duty(sim.cashiers);
    if (!c) c = &sim.cashiers.front();
    std::vector<std::pair<std::string, std::vector<std::string>>> batches;
    for (const auto& [person, held] : sim.state().unhanded) {
        if (held.empty() || person == c->actor.person_id) continue;
        std::vector<std::string> ids;
        for (const auto& [id, ms] : held) ids.push_back(id);
        batches.emplace_back(person, std::move(ids));
    }
    for (auto& [person, ids] : batches) {
        Fen expected;
        for (const auto& id : ids)
            if (const MoneyEntry* m = sim.state().find_money(id)) expected += m->cash;
        bool short_counted = sim.rng.percent(1) && expected.value > 1000;
        sim.act(*c, HandoverReceived{"", person, ids, Fen{}, short_counted ? expected - Fen{1000} : expected,
                                     short_counted ? "短款10元,已由员工说明" : ""});
    }
}

// Forms stopped with their item (or when no cashier was there) are settled later.
void settle_leftovers(Sim& sim) {
    std::vector<std::string> forms;
    for (const FormRecord* f : unsettled_stopped_forms(sim.state()))
        if (f->prepaid_balance().value >= 0 && f->deposit_held().value >= 0) forms.push_back(f->def.form_id);
    for (const auto& form_id : forms) settle(sim, form_id, false);
}

//-----------------------------------------------------------------------------
// Stopping, moving out, moving in
//-----------------------------------------------------------------------------

StopReason some_reason(Random& rng) {
    int x = rng.below(100);
    return x < 45 ? StopReason::no_longer_needed : x < 60 ? StopReason::dissatisfied : x < 75 ? StopReason::price : StopReason::other;
}

// About one subscriber in a hundred stops each month, asked why at the desk (or in the app).
void monthly_stops(Sim& sim) {
    for (const char* item : {"barrel_water", "bottled_water", "parking", "housekeeping", "newspaper_agency"})
        for (const auto& form_id : std::vector<std::string>(sim.subscribers[item])) {
            if (!sim.rng.permille(10)) continue;
            const FormRecord* f = sim.state().find_form(form_id);
            Home* h = f ? sim.home(f->def.household_id) : nullptr;
            if (!f || !h) continue;
            StopReason code = some_reason(sim.rng);
            std::string reason = code == StopReason::price ? "觉得价格偏高" : phrase(sim.rng, "stop");
            if (sim.uses_app(*h) && sim.rng.percent(25)) {
                stop_and_settle(sim, sim.resident(*h), form_id, code, reason);
            } else if (const Person* desk = sim.on_duty(sim.front_desk)) {
                stop_and_settle(sim, *desk, form_id, code, reason);
            }
            if (item == std::string("barrel_water")) h->barrel_water = false;
            if (item == std::string("parking")) h->car = false;
        }
}

void move_in(Sim& sim, const std::string& household) {
    Home* h = sim.home(household);
    const Person* desk = sim.on_duty(sim.front_desk);
    if (!h || h->occupied || !desk) return;
    std::string phone = mobile_phone(sim.rng);
    int people = sim.rng.between(1, 3);
    for (int i = 0; i < people; ++i) {
        std::string id = "R-" + h->id + "-" + std::to_string(h->residents.size() + 1);
        if (!sim.act(*desk, ResidentRegistered{id, h->id, person_name(sim.rng), i == 0 ? phone : mobile_phone(sim.rng), Tenure::tenant}))
            return;
        // The newest resident signs from now on.
        h->residents.insert(h->residents.begin() + i, id);
    }
    sim.act(*desk, FieldEdited{RecordKind::household, h->id, "phone", phone, {}});
    h->occupied = true;
    draw_habits(sim, *h, sim.day + 3);
}

// A household leaves: every service stopped ("moving out") and settled, their phone
// unlinked; a tenant moves in one to three months later.
void move_out(Sim& sim, const std::string& household) {
    Home* h = sim.home(household);
    const Person* desk = sim.on_duty(sim.front_desk);
    if (!h || !h->occupied || !desk) return;
    std::vector<std::string> items;
    for (const auto& [item, forms] : sim.subscribers) items.push_back(item);
    for (const auto& item : items)
        if (const FormRecord* f = open_form(sim.state(), household, item))
            stop_and_settle(sim, *desk, f->def.form_id, StopReason::moving_out, "业主搬离小区");
    if (sim.uses_app(*h)) sim.act(sim.om, DeviceRevoked{h->phone_device, "住户已搬离"});
    h->phone_device.clear();
    h->occupied = false;
    h->vacant_since = sim.day;
    h->barrel_water = h->bottled_water = h->car = h->housekeeping = h->newspaper = false;
    sim.plan_random_time_in(30, 90, 9, 16, [&sim, household] { move_in(sim, household); });
}

}  // namespace

//-----------------------------------------------------------------------------
// Shared steps
//-----------------------------------------------------------------------------

bool can_collect(const Sim& sim, const std::string& person_id) {
    std::int64_t oldest = oldest_unhanded_ms(sim.state(), person_id);
    std::int64_t limit = std::int64_t(sim.state().settings.handover_limit_days) * kMsPerDay;
    return oldest == 0 || sim.now() + 10 * kMsPerMinute - oldest <= limit;
}

void top_up(Sim& sim, const std::string& form_id, Fen need) {
    const FormRecord* f = sim.state().find_form(form_id);
    const Person* c = sim.on_duty(sim.cashiers);
    if (!f || !c || f->prepaid_balance() >= need) return;
    const PriceRow* row = current_price_row(sim.state(), f->def.item_id);
    if (!row || row->prepayment.value <= 0) return;
    std::int64_t amount = row->prepayment.value * sim.rng.between(1, 2);
    while (f->prepaid_balance().value + amount < need.value) amount += row->prepayment.value;
    PaymentReceived pay{"", "", "", form_id, PaymentKind::prepayment, Fen{amount}, sim.some_payment_method(), "续交预付款"};
    if (sim.rng.permille(10)) {  // keyed ten times too much, reversed, keyed again
        PaymentReceived wrong = pay;
        wrong.amount = Fen{amount * 10};
        if (!mistaken_entry(sim, *c, wrong, "金额录入错误,冲正")) return;
    }
    sim.act(*c, pay);
}

void settle(Sim& sim, const std::string& form_id, bool keep_part) {
    const FormRecord* f = sim.state().find_form(form_id);
    const Person* c = sim.on_duty(sim.cashiers);
    if (!f || !c || !f->stopped || f->settled) return;
    Fen held = f->deposit_held(), prepaid = f->prepaid_balance();
    if (held.value <= 0 && prepaid.value <= 0) return;
    Fen kept{keep_part && held.value >= 10000 ? 5000 : 0};
    sim.act(*c, SettlementPaid{"", form_id, held - kept, kept, prepaid.value > 0 ? prepaid : Fen{},
                               kept.value > 0 ? "桌椅损坏,扣押金50元" : "退还押金及预交余额"});
}

void stop_and_settle(Sim& sim, const Person& by, const std::string& form_id, StopReason code, const std::string& reason) {
    const FormRecord* f = sim.state().find_form(form_id);
    if (!f || f->stopped) return;
    const std::string item = f->def.item_id;
    if (!sim.act(by, ServiceStopped{form_id, code, reason})) return;
    sim.forget_form(item, form_id);
    settle(sim, form_id, item == "venue_rental" && sim.rng.percent(15));
}

//-----------------------------------------------------------------------------
// The day's money
//-----------------------------------------------------------------------------

void plan_money(Sim& sim) {
    if (sim.open_day < 0 || sim.day < sim.open_day) return;
    if (sim.today.day <= 5) {
        const bool last_chance = sim.today.day == 5;
        sim.plan(9, 10, [&sim, last_chance] { parking_fees(sim, last_chance); });
    }
    if (sim.today.day == 25) sim.plan(15, 0, [&sim] { fees_owed(sim); });
    if (sim.today.day == 15) sim.plan(11, 0, [&sim] { monthly_stops(sim); });
    // Weekly, the cashier pays out what is still held on stopped forms (forms stopped with
    // their item, or when no cashier was on duty).
    if (sim.weekday == 0) sim.plan(10, 0, [&sim] { settle_leftovers(sim); });
    sim.plan(17, 40, [&sim] { handovers(sim); });
    // About one household in 250 moves out each month.
    for (std::size_t i = 0; i < sim.homes_registered; ++i) {
        if (!sim.homes[i].occupied || sim.day < sim.open_day + 60 || !sim.rng.permille(1) || !sim.rng.percent(15)) continue;
        std::string household = sim.homes[i].id;
        sim.plan_random_time(9, 16, [&sim, household] { move_out(sim, household); });
    }
}

}  // namespace bianmin::gen
