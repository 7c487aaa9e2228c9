// The month screens about "a month" start at: the month of the latest event in the
// ledger. A demo year or an imported one may lie in the past, where "now" has no data.
#pragma once

#include <cstdint>

#include "bianmin/queries.hpp"

namespace bianmin {

inline YearMonth data_month(const State& s, std::int64_t fallback_ms) {
    return month_at(s, s.has_last ? s.last_hlc.wall_ms : fallback_ms);
}

}  // namespace bianmin
