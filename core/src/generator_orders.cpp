// Serving residents [1-4.4–4.6, 3-4.2–4.3]: signed entrustment forms with the register
// columns, money up front, subscriptions as households settle in, housekeeping
// requests handed to a worker, monthly newspapers, and the one-off items (venue,
// posters, tables and umbrellas, property agency, the free agency services).
#include <cstdlib>

#include "bianmin/registers.hpp"
#include "generator_sim.hpp"

namespace bianmin::gen {
namespace {

const Person* cashier(Sim& sim) { return sim.on_duty(sim.cashiers); }

// A random occupied home (for one-off business); nullptr when there is none.
Home* some_home(Sim& sim) {
    for (int tries = 0; tries < 20; ++tries) {
        Home& h = sim.homes[std::size_t(sim.rng.below(int(sim.homes_registered)))];
        if (h.occupied) return &h;
    }
    return nullptr;
}

// Signs a form first if the resident had not signed it yet (a phone order).
bool ensure_signed(Sim& sim, const Person& worker, const std::string& form_id) {
    const FormRecord* form = sim.state().find_form(form_id);
    if (!form || form->stopped) return false;
    if (form->is_signed()) return true;
    return sim.act(worker, EntrustmentSigned{form_id, form_signature(sim.rng)});
}

//-----------------------------------------------------------------------------
// Subscriptions
//-----------------------------------------------------------------------------

void subscribe(Sim& sim, const std::string& household) {
    Home* h = sim.home(household);
    if (!h || !h->occupied) return;
    if (h->barrel_water) {
        std::string form = register_form(sim, *h, "barrel_water", EntrustmentKind::long_term, sim.rng.percent(15));
        if (!form.empty()) pay_up_front(sim, form);
    }
    if (h->bottled_water) register_form(sim, *h, "bottled_water", EntrustmentKind::long_term, sim.rng.percent(15));
    if (h->car) {
        std::string form = register_form(sim, *h, "parking", EntrustmentKind::long_term, false);
        if (!form.empty()) pay_up_front(sim, form);
    }
    if (h->housekeeping) register_form(sim, *h, "housekeeping", EntrustmentKind::long_term, sim.rng.percent(15));
    if (h->newspaper) register_form(sim, *h, "newspaper_agency", EntrustmentKind::long_term, false);
}

// Now and then a household takes up something new (a car bought, a child born...).
void new_habit(Sim& sim, Home& h) {
    switch (sim.rng.below(4)) {
        case 0: h.car = true; break;
        case 1: h.housekeeping = true; break;
        case 2: h.newspaper = true; break;
        default: h.barrel_water = !h.bottled_water; break;
    }
    h.join_day = sim.day + sim.rng.below(28);
}

//-----------------------------------------------------------------------------
// Housekeeping: request → worker → delivery → confirmation → fee
//-----------------------------------------------------------------------------

void housekeeping_job(Sim& sim, const std::string& form_id) {
    const FormRecord* form = sim.state().find_form(form_id);
    if (!form || form->stopped || !sim.item_usable("housekeeping")) return;
    Home* h = sim.home(form->def.household_id);
    const Person* worker = sim.on_duty(sim.housekeepers);
    if (!h || !h->occupied || !worker) return;
    const std::string household = h->id, worker_id = worker->actor.person_id;
    std::string detail = "家居保洁" + std::to_string(sim.rng.between(2, 4)) + "小时";
    // First contact owns the request [2-2.5]: the desk that took the call, or nobody
    // when the resident asked in the app (then the worker takes it).
    if (sim.uses_app(*h) && sim.rng.percent(40)) {
        if (!sim.act(sim.resident(*h), ServiceRequested{"", household, "housekeeping", form_id, RequestChannel::app, detail, 0})) return;
    } else {
        const Person* desk = sim.on_duty(sim.front_desk);
        if (!desk || !sim.act(*desk, ServiceRequested{"", household, "housekeeping", form_id, RequestChannel::phone, detail, 0})) return;
    }
    const std::string request = sim.made<ServiceRequested>()->request_id;
    const RequestRecord& r = sim.state().requests.at(request);
    if (r.owner.empty()) sim.act(*worker, RequestHandedOn{request, worker_id, "接单"});
    else sim.act(*sim.find_person(r.owner), RequestHandedOn{request, worker_id, "安排家政人员上门"});
    // Usually the same afternoon or the next morning; now and then late.
    std::int64_t when = sim.rng.percent(65) ? sim.random_time(sim.day, 14, 16)
                                            : sim.now() + sim.rng.between(18 * 60, 23 * 60) * kMsPerMinute;
    if (sim.rng.percent(6)) when += sim.rng.between(1, 2) * kMsPerDay;
    sim.plan_at(when, [&sim, form_id, request, worker_id, household] {
        Person* w = sim.find_person(worker_id);
        const FormRecord* f = sim.state().find_form(form_id);
        Home* home = sim.home(household);
        if (!w || !w->active || !f || f->stopped || !home || !sim.item_usable("housekeeping")) return;
        if (!ensure_signed(sim, *w, form_id)) return;
        if (!sim.act(*w, DeliveryLogged{"", "", "", form_id, request, sim.rng.between(2, 4), Fen{}, ""})) return;
        const DeliveryLogged delivery = *sim.made<DeliveryLogged>();
        confirm_delivery(sim, *w, delivery.delivery_id, *home);
        if (delivery.charge.value == 0) return;
        if (sim.rng.percent(70) && can_collect(sim, worker_id)) {
            sim.act(*w, FeeCollected{"", "", "", "", delivery.delivery_id, delivery.charge});
            return;
        }
        // The rest pay at the cashier within a few days.
        sim.plan_random_time_in(1, 5, 9, 17, [&sim, form_id] {
            const FormRecord* f = sim.state().find_form(form_id);
            const Person* c = cashier(sim);
            if (!f || f->stopped || !c || f->fees_owed().value <= 0) return;
            sim.act(*c, PaymentReceived{"", "", "", form_id, PaymentKind::fee, f->fees_owed(), sim.some_payment_method(), "补交家政服务费"});
        });
    });
}

// The newspaper agency delivers each month's papers; the resident signs the list.
void newspapers(Sim& sim) {
    const Person* worker = sim.on_duty(sim.general_team);
    if (!worker || !sim.item_usable("newspaper_agency")) return;
    for (const auto& form_id : std::vector<std::string>(sim.subscribers["newspaper_agency"])) {
        const FormRecord* f = sim.state().find_form(form_id);
        if (!f || f->stopped || !f->is_signed()) continue;
        auto copies = f->def.details.find("copies");
        std::int64_t quantity = copies == f->def.details.end() ? 1 : std::max<std::int64_t>(1, std::atoi(copies->second.c_str()));
        if (!sim.act(*worker, DeliveryLogged{"", "", "", form_id, "", quantity, Fen{}, "本月报刊"})) return;
        if (sim.rng.percent(60)) sim.act(*worker, DeliveryConfirmed{sim.made<DeliveryLogged>()->delivery_id, quick_signature(sim.rng), ""});
    }
}

//-----------------------------------------------------------------------------
// One-off items
//-----------------------------------------------------------------------------

// Registers a one-off form at the desk, with money up front; "" when not possible.
std::string one_off_form(Sim& sim, Home& h, const std::string& item) {
    std::string form = register_form(sim, h, item, EntrustmentKind::one_off, false);
    if (!form.empty()) pay_up_front(sim, form);
    return form;
}

// The desk logs the service; the fee is paid at the cashier (or collected by the desk).
void deliver_one_off(Sim& sim, const std::string& form_id, std::int64_t quantity, bool desk_collects) {
    const FormRecord* f = sim.state().find_form(form_id);
    const Person* desk = sim.on_duty(sim.front_desk);
    if (!f || f->stopped || !desk || !sim.item_usable(f->def.item_id)) return;
    const PriceRow* row = current_price_row(sim.state(), f->def.item_id);
    if (row && f->deposit_held() < row->deposit) return;  // the deposit was not paid (no cashier that day)
    if (!sim.act(*desk, DeliveryLogged{"", "", "", form_id, "", quantity, Fen{}, ""})) return;
    const DeliveryLogged d = *sim.made<DeliveryLogged>();
    if (Home* h = sim.home(d.household_id)) confirm_delivery(sim, *desk, d.delivery_id, *h);
    if (d.charge.value == 0) return;
    if (desk_collects && can_collect(sim, desk->actor.person_id)) {
        sim.act(*desk, FeeCollected{"", "", "", "", d.delivery_id, d.charge});
    } else if (const Person* c = cashier(sim)) {
        sim.act(*c, PaymentReceived{"", "", "", form_id, PaymentKind::fee, d.charge, sim.some_payment_method(), ""});
    }
}

void venue_booking(Sim& sim) {
    Home* h = some_home(sim);
    if (!h || !sim.item_usable("venue_rental")) return;
    std::string form = one_off_form(sim, *h, "venue_rental");
    if (form.empty()) return;
    // The day of the event: used, paid, then the deposit comes back (part kept for damage).
    sim.plan_on(sim.day + sim.rng.between(2, 10), 18, 30, [&sim, form] {
        deliver_one_off(sim, form, 1, false);
        const Person* desk = sim.on_duty(sim.front_desk);
        if (desk) stop_and_settle(sim, *desk, form, StopReason::no_longer_needed, "活动结束,场地已验收");
    });
}

void table_rental(Sim& sim) {
    Home* h = some_home(sim);
    if (!h || !sim.item_usable("table_umbrella")) return;
    std::string form = one_off_form(sim, *h, "table_umbrella");
    if (form.empty()) return;
    deliver_one_off(sim, form, sim.rng.between(1, 3), true);
    sim.plan_on(sim.day + sim.rng.between(1, 3), 10, 0, [&sim, form] {
        const Person* desk = sim.on_duty(sim.front_desk);
        const FormRecord* f = sim.state().find_form(form);
        if (desk && f && !f->stopped) stop_and_settle(sim, *desk, form, StopReason::no_longer_needed, "桌伞已归还");
    });
}

void agency(Sim& sim, const std::string& item, int min_days, int max_days) {
    Home* h = some_home(sim);
    if (!h || !sim.item_usable(item)) return;
    std::string form = one_off_form(sim, *h, item);
    if (form.empty()) return;
    sim.plan_random_time_in(min_days, max_days, 9, 16, [&sim, form] { deliver_one_off(sim, form, 1, false); });
}

}  // namespace

//-----------------------------------------------------------------------------
// Shared steps
//-----------------------------------------------------------------------------

std::string register_form(Sim& sim, Home& home, const std::string& item_id, EntrustmentKind kind, bool sign_later) {
    const ItemRecord* item = sim.state().find_item(item_id);
    if (!item || !sim.item_usable(item_id) || home.residents.empty()) return "";
    if (kind == EntrustmentKind::long_term && open_form(sim.state(), home.id, item_id)) return "";
    EntrustmentRegistered form;
    form.household_id = home.id;
    form.item_id = item_id;
    form.kind = kind;
    for (RegisterKind r : item->def.registers)
        for (const auto& d : register_details(r))
            if (d.required || sim.rng.percent(50)) form.details[std::string(d.key)] = detail_value(sim.rng, d.key, sim.today);
    bool ok = false;
    if (sim.uses_app(home) && sim.rng.percent(30)) {
        form.channel = RequestChannel::app;
        form.signature = form_signature(sim.rng);  // signed with a finger on the phone
        ok = sim.act(sim.resident(home), std::move(form));
    } else if (const Person* desk = sim.on_duty(sim.front_desk)) {
        form.channel = sign_later ? RequestChannel::phone : RequestChannel::in_person;
        if (!sign_later) form.signature = form_signature(sim.rng);  // on the desk's signature pad
        ok = sim.act(*desk, std::move(form));
    }
    if (!ok) return "";
    std::string id = sim.made<EntrustmentRegistered>()->form_id;
    if (kind == EntrustmentKind::long_term) sim.subscribers[item_id].push_back(id);
    return id;
}

void pay_up_front(Sim& sim, const std::string& form_id) {
    const FormRecord* f = sim.state().find_form(form_id);
    const Person* c = cashier(sim);
    if (!f || !c) return;
    const PriceRow* row = current_price_row(sim.state(), f->def.item_id);
    if (!row) return;
    if (row->deposit.value > 0 && f->deposit_held() < row->deposit)
        sim.act(*c, PaymentReceived{"", "", "", form_id, PaymentKind::deposit, row->deposit - f->deposit_held(), sim.some_payment_method(), ""});
    if (row->prepayment.value > 0)
        sim.act(*c, PaymentReceived{"", "", "", form_id, PaymentKind::prepayment, Fen{row->prepayment.value * sim.rng.between(1, 2)},
                                    sim.some_payment_method(), ""});
    if (row->billing == Billing::per_month && row->price.value > 0) {
        int months = sim.rng.percent(30) ? 3 : 1;
        sim.act(*c, PaymentReceived{"", "", "", form_id, PaymentKind::fee, Fen{row->price.value * months}, sim.some_payment_method(),
                                    months == 3 ? "按季度预交" : "首月"});
    }
}

void confirm_delivery(Sim& sim, const Person& worker, const std::string& delivery_id, const Home& home) {
    int x = sim.rng.below(100);
    if (x < 80 || (x < 94 && !sim.uses_app(home))) {
        sim.act(worker, DeliveryConfirmed{delivery_id, quick_signature(sim.rng), ""});
    } else if (x < 94) {
        // The resident confirms later in the app (no signature needed there).
        const std::string household = home.id;
        sim.plan_at(sim.now() + sim.rng.between(20, 300) * kMsPerMinute, [&sim, delivery_id, household] {
            Home* h = sim.home(household);
            auto d = sim.state().deliveries.find(delivery_id);
            if (!h || !sim.uses_app(*h) || d == sim.state().deliveries.end() || d->second.confirmed()) return;
            sim.act(sim.resident(*h), DeliveryConfirmed{delivery_id, Signature{}, sim.rng.percent(30) ? "已收到,谢谢" : ""});
        });
    }
    // Otherwise nobody was home to confirm: the delivery stays unconfirmed.
}

//-----------------------------------------------------------------------------
// The day's orders
//-----------------------------------------------------------------------------

void plan_orders(Sim& sim) {
    if (sim.open_day < 0 || sim.day < sim.open_day) return;
    if (!sim.habits_drawn) {
        for (auto& h : sim.homes) draw_habits(sim, h, sim.day);
        sim.habits_drawn = true;
    }
    // Households come to the desk to subscribe on their day; a few take up something new.
    for (auto& h : sim.homes) {
        if (h.occupied && sim.today.day == 1 && sim.rng.permille(8)) new_habit(sim, h);
        if (!h.occupied || h.join_day != sim.day) continue;
        std::string household = h.id;
        sim.plan_random_time(9, 17, [&sim, household] { subscribe(sim, household); });
    }
    // Housekeeping: each subscriber books now and then.
    for (const auto& form : sim.subscribers["housekeeping"])
        if (sim.rng.permille(sim.demand(22)))
            sim.plan_random_time(8, 11, [&sim, form] { housekeeping_job(sim, form); });
    if (sim.today.day == 2) sim.plan(9, 30, [&sim] { newspapers(sim); });
    // One-off business at the desk.
    auto several = [&sim](int permille_at_full, int hour_from, int hour_to, std::function<void()> task) {
        for (int n = sim.daily(permille_at_full); n > 0; --n) sim.plan_random_time(hour_from, hour_to, task);
    };
    several(100, 9, 16, [&sim] { venue_booking(sim); });
    several(130, 9, 16, [&sim] {
        Home* h = some_home(sim);
        if (!h) return;
        std::string form = one_off_form(sim, *h, "advertisement");
        if (!form.empty()) deliver_one_off(sim, form, sim.rng.between(1, 8), false);
    });
    if (sim.today.month >= 5 && sim.today.month <= 10) several(200, 9, 15, [&sim] { table_rental(sim); });
    several(70, 9, 16, [&sim] { agency(sim, "property_rental_agency", 10, 40); });
    several(70, 9, 16, [&sim] { agency(sim, "real_estate_info", 0, 2); });
    several(50, 9, 16, [&sim] { agency(sim, "telephone_agency", 1, 3); });
    several(80, 9, 16, [&sim] { agency(sim, "broadband_agency", 1, 3); });
    several(50, 9, 16, [&sim] { agency(sim, "motor_insurance_agency", 1, 3); });
    several(60, 9, 16, [&sim] { agency(sim, "computer_repair_agency", 1, 4); });
    several(30, 9, 16, [&sim] { agency(sim, "air_testing_agency", 2, 5); });
    several(40, 9, 16, [&sim] { agency(sim, "housekeeping_referral", 1, 2); });
}

}  // namespace bianmin::gen
