// Internal: the checks shared by reading (exchange_format.cpp), importing
// (exchange_import.cpp) and merging (exchange_export.cpp) bundles.
#pragma once

#include <functional>
#include <span>

#include "bianmin/exchange.hpp"
#include "bianmin/state.hpp"

namespace bianmin::exchange_detail {

// Clock plausibility: no event stamped after options.now_ms + max_clock_ahead_ms (when
// now is given); and per device, a higher sequence number never carries an earlier or
// equal timestamp — over the bundle's events together with the held ones of the same
// devices. Error: bundle.implausible_clock.
Errors check_clocks(std::span<const Event> bundle_events, std::span<const Event> held_events,
                    const ImportOptions& options);

// The first event whose fields its command would refuse (event_shape_errors), as
// bundle.bad_event naming the event and the field, followed by all of that event's
// problems; empty when every event has a valid shape.
Errors check_event_shapes(std::span<const Event> events);

// Where the permission checks look up devices, residents and the household of events:
// `first`, then — only when something is missing there — `fallback()`, a state that
// also holds the bundle's events (may return nullptr; computed on demand because
// projecting a large store is costly).
struct Lookup {
    const State& first;
    std::function<const State*()> fallback;
};

// The whole-bundle permission checks of exchange_import.hpp: unknown source, resident
// devices carrying money, staff actions, other households' records, and a resident
// source speaking for other devices.
Errors check_permissions(const Bundle& bundle, const Lookup& lookup);

// What Ledger::add refused (an id reused with other content), as bundle.id_conflict
// followed by the ledger's own errors.
Errors id_conflict(const Errors& rejected);

}  // namespace bianmin::exchange_detail
