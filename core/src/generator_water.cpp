// Drinking water — the estate's busiest service. Barrelled water is prepaid (with a
// deposit for the barrel); bottled water is paid at the door. Stock comes in from the
// supplier when it runs low; orders come by phone, in the app, or as the weekly round;
// every delivery takes stock out, is confirmed by the resident, and is either drawn
// from the prepayment or collected in cash for finance [1-4.5, 1-4.8, 3-4.3, 3-5].
#include <algorithm>

#include "generator_sim.hpp"

namespace bianmin::gen {
namespace {

struct WaterItem {
    const char* item;
    const char* supplier;
    std::int64_t unit_cost;  // fen per unit from the supplier
    int orders_permille;     // chance per subscriber and day
};
constexpr WaterItem kBarrel{"barrel_water", "景田桶装水配送站", 900, 76};
constexpr WaterItem kBottled{"bottled_water", "怡宝瓶装水经销部", 2000, 55};

std::int64_t on_hand(const Sim& sim, const std::string& item) {
    auto it = sim.state().water_on_hand.find(item);
    return it == sim.state().water_on_hand.end() ? 0 : it->second;
}

// Stock in when fewer than three days' worth are left: a week's worth, in fifties.
void restock(Sim& sim, const WaterItem& water, int days_left) {
    if (!sim.item_usable(water.item)) return;
    std::int64_t per_day = std::max<std::int64_t>(10, sim.water_out_yesterday[water.item]);
    if (on_hand(sim, water.item) >= days_left * per_day) return;
    const Person* desk = sim.on_duty(sim.front_desk);
    if (!desk) return;
    std::int64_t quantity = (7 * per_day + 49) / 50 * 50;
    sim.act(*desk, WaterStockReceived{"", water.item, quantity, water.supplier, Fen{water.unit_cost}});
}

// The worker's visit: signs the form if needed, tops up, delivers, has it confirmed,
// collects at the door when the item is not prepaid.
void deliver(Sim& sim, const std::string& form_id, const std::string& request, std::int64_t quantity) {
    const FormRecord* f = sim.state().find_form(form_id);
    if (!f || f->stopped || !sim.item_usable(f->def.item_id)) return;
    const std::string item = f->def.item_id;
    Home* home = sim.home(f->def.household_id);
    const Person* worker = sim.on_duty(sim.water_team);
    const PriceRow* row = current_price_row(sim.state(), item);
    if (!home || !home->occupied || !worker || !row) return;
    if (f->deposit_held() < row->deposit) return;             // never paid the barrel deposit
    if (on_hand(sim, item) < quantity) return;                // out of stock: the order waits
    if (!f->is_signed() && !sim.act(*worker, EntrustmentSigned{form_id, form_signature(sim.rng)})) return;
    if (row->prepayment.value > 0) {
        top_up(sim, form_id, delivery_charge(*row, quantity));
        f = sim.state().find_form(form_id);
        if (!f || f->prepaid_balance() < delivery_charge(*row, quantity)) return;
    }
    if (!request.empty()) {
        const RequestRecord& r = sim.state().requests.at(request);
        if (r.owner.empty()) sim.act(*worker, RequestHandedOn{request, worker->actor.person_id, ""});
    }
    if (!sim.act(*worker, DeliveryLogged{"", "", "", form_id, request, quantity, Fen{}, ""})) return;
    const DeliveryLogged d = *sim.made<DeliveryLogged>();
    sim.water_out_today[item] += quantity;
    confirm_delivery(sim, *worker, d.delivery_id, *home);
    if (row->prepayment.value == 0 && d.charge.value > 0) {
        if (sim.rng.percent(85) && can_collect(sim, worker->actor.person_id))
            sim.act(*worker, FeeCollected{"", "", "", "", d.delivery_id, d.charge});
        // else: paid later at the cashier with the month's other fees (generator_money.cpp)
    }
}

// One order: by phone to the desk (which hands it to the water team), in the app, or
// on the standing weekly round (no request).
void order(Sim& sim, const std::string& form_id) {
    const FormRecord* f = sim.state().find_form(form_id);
    if (!f || f->stopped || !sim.item_usable(f->def.item_id)) return;
    Home* home = sim.home(f->def.household_id);
    if (!home || !home->occupied) return;
    const std::string household = home->id, item = f->def.item_id;
    const std::int64_t quantity = sim.rng.percent(60) ? 1 : sim.rng.percent(85) ? 2 : 3;
    std::string request;
    int how = sim.rng.below(100);
    if (how < 40) {
        if (sim.uses_app(*home) && how < 20) {
            if (!sim.act(sim.resident(*home), ServiceRequested{"", household, item, form_id, RequestChannel::app,
                                                             "送水" + std::to_string(quantity) + "桶", 0}))
                return;
            request = sim.made<ServiceRequested>()->request_id;
        } else if (const Person* desk = sim.on_duty(sim.front_desk)) {
            if (!sim.act(*desk, ServiceRequested{"", household, item, form_id, RequestChannel::phone,
                                                 "电话订水" + std::to_string(quantity) + "件", 0}))
                return;
            request = sim.made<ServiceRequested>()->request_id;
            if (const Person* worker = sim.on_duty(sim.water_team))
                sim.act(*desk, RequestHandedOn{request, worker->actor.person_id, "安排送水"});
        }
    }
    // Within the promised hours as a rule; now and then the water comes late.
    std::int64_t delay_minutes = sim.rng.between(30, 180);
    if (sim.rng.percent(5)) delay_minutes += sim.rng.between(240, 480);
    sim.plan_at(sim.now() + delay_minutes * kMsPerMinute,
                [&sim, form_id, request, quantity] { deliver(sim, form_id, request, quantity); });
}

}  // namespace

void plan_water(Sim& sim) {
    if (sim.open_day < 0 || sim.day < sim.open_day) return;
    for (const WaterItem* water : {&kBarrel, &kBottled}) {
        sim.plan(8, 30, [&sim, water] { restock(sim, *water, 3); });
        sim.plan(13, 0, [&sim, water] { restock(sim, *water, 1); });
        for (const auto& form : sim.subscribers[water->item])
            if (sim.rng.permille(sim.demand(water->orders_permille)))
                sim.plan_random_time(8, 17, [&sim, form] { order(sim, form); });
    }
}

}  // namespace bianmin::gen
