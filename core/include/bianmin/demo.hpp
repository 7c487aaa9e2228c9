// Demo data — a year of a small estate's work, made through the real commands.
//
// For trying the CLI and the UI, and as a realistic log in tests: an estate with one
// person per role, households in buildings, the catalogue, a survey, a price table
// approved and published (and a second version mid-year), subscriptions with deposits
// and prepayments, deliveries confirmed, fees collected and handed to finance,
// requests, complaints, return visits, stops and settlements, attendance, leave,
// violations and ratings. Deterministic for given options (own PRNG, fake clock).
#pragma once

#include <cstdint>
#include <vector>

#include "bianmin/errors.hpp"
#include "bianmin/event.hpp"

namespace bianmin {

struct DemoOptions {
    int year = 2024;
    int months = 12;              // 1..24, from January
    int buildings = 3;
    int rooms_per_building = 8;   // households = buildings × rooms
    std::uint64_t seed = 1;
};

// The events in total order; errors if any command of the script was refused (a bug).
Result<std::vector<Event>> demo_events(const DemoOptions& options = {});

}  // namespace bianmin
