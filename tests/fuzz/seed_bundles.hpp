// The small estate the bundle target imports into, and bundles of it: shared by the
// fuzz target (its store) and make_seeds (its seeds), so seeds belong to the store's
// estate and get past the estate check into the import's permission checks.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "bianmin/demo.hpp"
#include "bianmin/exchange.hpp"
#include "fuzz_support.hpp"
#include "sha256.hpp"

namespace bianmin::fuzz {

struct BundleWorld {
    std::vector<Event> held;   // what the receiving store holds: the first half of the demo
    std::vector<Event> later;  // what it has not seen yet
    std::string estate_id;
    std::string office_device;  // the device that created the estate
};

inline const BundleWorld& bundle_world() {
    static const BundleWorld world = [] {
        auto demo = demo_events(DemoOptions{.months = 1, .buildings = 2, .rooms_per_building = 3});
        require(demo.ok(), "the demo makes its events");
        const std::vector<Event>& all = demo.value();
        BundleWorld w;
        const auto half = all.begin() + std::ptrdiff_t(all.size() / 2);
        w.held.assign(all.begin(), half);
        w.later.assign(half, all.end());
        for (const Event& e : all)
            if (const auto* created = e.as<EstateCreated>()) {
                w.estate_id = created->estate_id;
                w.office_device = e.id.device;
            }
        require(!w.estate_id.empty() && !w.later.empty(), "the demo creates an estate and goes on");
        return w;
    }();
    return world;
}

// A sealed office bundle of these events (sorted, as the exchange writes them).
inline std::string office_bundle(std::span<const Event> events) {
    const BundleWorld& world = bundle_world();
    Bundle bundle;
    bundle.header.estate_id = world.estate_id;
    bundle.header.source_device = world.office_device;
    bundle.header.created_at = events.empty() ? 0 : events.back().hlc.wall_ms;
    bundle.events.assign(events.begin(), events.end());
    std::sort(bundle.events.begin(), bundle.events.end(), event_before);
    seal_bundle(bundle, cli::sha256_hex);
    return write_bundle(bundle);
}

}  // namespace bianmin::fuzz
