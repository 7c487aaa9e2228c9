// generate_estate(): the day loop over the simulation's areas (generator_sim.hpp), the
// two standard sizes, and the file the generator writes.
#include "bianmin/generator.hpp"

#include <algorithm>

#include "bianmin/json.hpp"
#include "bianmin/projection.hpp"
#include "generator_sim.hpp"

namespace bianmin {

std::string_view to_string(EstateSize size) { return size == EstateSize::small ? "small" : "full"; }

std::optional<EstateSize> estate_size_from_string(std::string_view text) {
    if (text == "small") return EstateSize::small;
    if (text == "full") return EstateSize::full;
    return std::nullopt;
}

EstateProfile estate_profile(EstateSize size) {
    EstateProfile p;  // the defaults are the full estate
    if (size == EstateSize::small) {
        // Thirteen months: the first year whole, and January of the next (a renewal
        // sent back once), so every kind of event occurs at least once or nearly so.
        p.months = 13;
        p.households = 200;
        p.front_desk = 2;
        p.water_workers = 2;
        p.housekeepers = 1;
        p.general_workers = 1;
        p.assessors = 1;
        p.tablets = 2;
        p.resident_phones_permille = 100;
    }
    return p;
}

Result<std::vector<Event>> generate_estate(const EstateProfile& profile, std::uint64_t seed) {
    EstateProfile p = profile;
    p.start_year = std::clamp(p.start_year, 2001, 2090);
    p.months = std::clamp(p.months, 1, 36);
    p.households = std::clamp(p.households, 10, 20'000);
    for (int* n : {&p.front_desk, &p.water_workers, &p.housekeepers, &p.general_workers, &p.assessors, &p.tablets})
        *n = std::clamp(*n, 1, 50);
    p.cashiers = std::clamp(p.cashiers, 2, 50);
    p.resident_phones_permille = std::clamp(p.resident_phones_permille, 0, 1000);
    p.demand_permille = std::clamp(p.demand_permille, 0, 10'000);

    gen::Sim sim(p, seed);
    for (std::int64_t day = sim.first_day; day < sim.end_day && !sim.failed(); ++day) {
        sim.start_day(day);
        if (day == sim.first_day) gen::found_estate(sim);
        // Areas plan in a fixed order: the agenda then runs everything by time.
        gen::plan_setup(sim);
        gen::plan_cycle(sim);
        gen::plan_staff(sim);
        gen::plan_water(sim);
        gen::plan_orders(sim);
        gen::plan_money(sim);
        gen::plan_care(sim);
        sim.run_agenda();
    }
    if (sim.failed()) return sim.errors;
    return sim.events();
}

std::string write_generated(std::span<const Event> events) { return write_events_file(events); }

Result<Bundle> generated_bundle(std::span<const Event> events) {
    Ledger store;
    auto added = store.add(std::vector<Event>(events.begin(), events.end()));
    if (!added.rejected.empty()) return added.rejected;
    ExportRequest request;
    request.kind = BundleKind::office_full;
    request.source_device = founding_device(store);
    request.created_at = store.events().empty() ? 0 : store.events().back().hlc.wall_ms;
    return make_bundle(store, request);
}

}  // namespace bianmin
