// The 11 registers of SPEC [3-5] — ledgers the office keeps, as queries over the events.
//
// Each register has its own columns. Registers of entrustments (rental/sale, broadband,
// advertisement, venue, newspaper, computer repair, parking, motor insurance,
// telephone) list one row per entrustment form of the items that feed them; the
// register-specific columns come from the form's `details` — each register says which
// detail keys a form must carry (register_details). The drinking-water register lists
// stock movements (in, out, on hand); the water-sales register lists deliveries.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "bianmin/state.hpp"
#include "bianmin/table.hpp"

namespace bianmin {

struct DetailSpec {
    std::string_view key;  // key in EntrustmentRegistered::details
    std::string_view zh, en;
    bool required = true;
};

// The detail keys an entrustment form for an item feeding `kind` carries.
std::span<const DetailSpec> register_details(RegisterKind kind);
const DetailSpec* find_detail(RegisterKind kind, std::string_view key);

// Rows registered (or moved) within [from_ms, to_ms); no bounds = everything.
struct RegisterFilter {
    std::optional<std::int64_t> from_ms, to_ms;
};
// The register as a table. Water stock shows on hand after each movement and, in the
// notes, the stock per product at the end.
Table register_table(const State& s, RegisterKind kind, const RegisterFilter& filter = {});

}  // namespace bianmin
