// Generator — a realistic estate, made deterministically from a seed, for tests and
// benchmarks.
//
// generate_estate() simulates an estate's convenience-service desk day by day and makes
// every event through the real commands (execute(), commands.hpp) against the state so
// far, on the device that would make it — the office PC, the cashier's PC, the staff
// tablets, some residents' phones — each with its own HlcClock over one simulated wall
// clock. So the log is valid by construction: it projects with no anomalies, and a
// refused command is a bug in the generator (generate_estate returns its errors).
//
// What happens in it (SPEC sections in brackets):
//  - set-up: the estate, staff for every role, devices, buildings with rooms, households
//    with Chinese names and mobile phones, the catalogue (assets/catalogue.json);
//  - each year: an opinion survey answered by about half the households [1-4.1]; the
//    price table drafted by the office manager, approved by the general manager (the
//    second year's draft is first rejected and revised), published [1-4.1, 1-4.2];
//    a mid-year price change through a break-even measure [3-4.3.4];
//  - serving: signed entrustment forms with register details [1-4.4, 3-5]; deposits
//    and prepayments at the cashier [1-4.5]; water deliveries from stock, housekeeping
//    and other requests with promised times, each delivery confirmed by a signature on
//    the tablet or in the resident's app [3-4.3.1]; fees collected at the door and
//    handed to finance every evening [1-4.8]; monthly parking fees; now and then a
//    reversal [money]; stops with the reason, and deposit settlement [1-4.12];
//    households moving out and in;
//  - complaints through their life cycle, return visits (some hear a complaint),
//    problems escalated up to the general manager [1-4.9–4.11, 3-4.5];
//  - break-even reports and measures, one item stopped with GM approval [1-4.13,
//    3-4.3.3–4.3.4]; the GM's quality evaluations every half year [3-4.5.4];
//  - staff: sign-in and sign-out, leave and going out, violations found by inspections
//    of every level (one withdrawn), year-end ratings [2]; a worker leaves, a tablet is
//    lost and replaced.
//
// Deterministic: the same profile and seed give the same events, byte for byte, natively
// and in WebAssembly (own PRNG, integer arithmetic only, ordered containers).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bianmin/errors.hpp"
#include "bianmin/event.hpp"
#include "bianmin/exchange.hpp"

namespace bianmin {

enum class EstateSize : std::uint8_t {
    small,  // ~200 households, 13 months, a few thousand events: for unit tests
    full,   // ~2,000 households, 24 months, ~200,000 events: for benchmarks
};
std::string_view to_string(EstateSize size);                      // "small", "full"
std::optional<EstateSize> estate_size_from_string(std::string_view text);

// The shape of the simulated estate. estate_profile() gives the two standard sizes;
// tests may shrink one (fewer months, fewer households).
struct EstateProfile {
    int start_year = 2023;   // the simulation starts on 2 January of this year
    int months = 24;         // 1..36 simulated months
    int households = 2000;   // occupied rooms registered as households (10..20,000)
    // Staff (each ≥ 1; at least 2 cashiers so one is always on duty).
    int front_desk = 4, cashiers = 2, water_workers = 4, housekeepers = 3, general_workers = 1, assessors = 2;
    int tablets = 3;                    // staff tablets (one is lost and replaced)
    int resident_phones_permille = 50;  // households whose residents use the app
    int demand_permille = 1000;         // scales residents' orders and requests
};
EstateProfile estate_profile(EstateSize size);

// The events of a simulated estate, in total order. Errors ("generator.refused", with
// the command's own errors) only if the simulation made a command the core refused.
Result<std::vector<Event>> generate_estate(const EstateProfile& profile, std::uint64_t seed);
inline Result<std::vector<Event>> generate_estate(EstateSize size, std::uint64_t seed) {
    return generate_estate(estate_profile(size), seed);
}

// The events file the generator writes by default, as bytes: write_events_file of
// json.hpp (envelope, one canonical event per line), which the tests and benchmarks read.
std::string write_generated(std::span<const Event> events);
// The same events as an office_full exchange bundle (exchange.hpp), unsealed: the
// caller adds the SHA-256 (seal_bundle) — `bianmin generate --format bundle`. Source: the
// device that created the estate; created_at: the last event's time, so the same seed
// still gives the same bytes.
Result<Bundle> generated_bundle(std::span<const Event> events);

}  // namespace bianmin
