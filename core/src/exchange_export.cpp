// Export (office full, delta, resident slice) and merging bundles into one.
//
// Index
// [SECTION] Selecting the events
// [SECTION] make_bundle, export_bundle
// [SECTION] Merge
#include <algorithm>
#include <map>
#include <set>

#include "bianmin/authorize.hpp"
#include "bianmin/exchange.hpp"
#include "exchange_detail.hpp"

namespace bianmin {

//-----------------------------------------------------------------------------
// [SECTION] Selecting the events
//-----------------------------------------------------------------------------

namespace {

bool in_resident_slice(const Event& e, const State& s, const std::string& household) {
    switch (visibility(e, s)) {
        case Visibility::everyone: return true;
        case Visibility::household: return event_household(e, s) == household;
        case Visibility::internal: return false;
    }
    return false;
}

// The copy a resident device receives: the founder is an office manager, and staff
// names stay at the office.
Event redacted_for_resident(const Event& e) {
    if (!e.as<EstateCreated>()) return e;
    Event copy = e;
    std::get<EstateCreated>(copy.payload).founder_name = std::string(kRedactedFounder);
    return copy;
}

// The registration of the source device, and of the devices those registrations were
// made on, back to a device the slice already registers (the founding one, by
// estate_created): what a fresh phone needs to accept the slice's source
// (bundle.unknown_source otherwise). A device registration names a device and its
// label, no person; the phone trusts the office's events, so no staff record is needed.
void add_source_registrations(const Ledger& store, const std::string& source, std::vector<Event>& slice) {
    std::map<std::string, const Event*> registered_by;  // device -> its device_registered
    for (const auto& e : store.events())
        if (const auto* p = e.as<DeviceRegistered>()) registered_by.emplace(p->device, &e);
    std::set<std::string> known;  // devices the slice registers already
    for (const auto& e : slice) {
        if (e.as<EstateCreated>()) known.insert(e.id.device);
        if (const auto* p = e.as<DeviceRegistered>()) known.insert(p->device);
    }
    bool added = false;
    for (std::string device = source; !known.count(device);) {
        auto it = registered_by.find(device);
        if (it == registered_by.end()) break;
        known.insert(device);
        slice.push_back(*it->second);
        added = true;
        device = it->second->id.device;
    }
    if (added) std::sort(slice.begin(), slice.end(), event_before);
}

VersionVector restricted(const VersionVector& seen, const std::vector<Event>& events) {
    VersionVector out;
    for (const auto& e : events)
        if (auto it = seen.find(e.id.device); it != seen.end()) out.insert(*it);
    return out;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] make_bundle, export_bundle
//-----------------------------------------------------------------------------

std::string founding_device(const Ledger& store) {
    for (const auto& e : store.events())
        if (e.as<EstateCreated>()) return e.id.device;
    return {};
}

Result<Bundle> make_bundle(const Ledger& store, const ExportRequest& request) {
    const State& s = store.state();
    if (!s.has_estate) return bundle_error("export.no_estate", "");
    if (request.source_device.empty()) return bundle_error("export.no_source", "source_device");
    const DeviceRecord* source = s.find_device(request.source_device);
    if (!source) return bundle_error("export.unknown_source", "source_device", request.source_device, request.source_device);

    Bundle bundle;
    BundleHeader& h = bundle.header;
    h.estate_id = s.estate_id;
    h.source_device = request.source_device;
    h.created_at = request.created_at;
    h.kind = request.kind;
    h.seen = store.version_vector();
    const auto& events = store.events();
    switch (request.kind) {
        case BundleKind::office_full:
            bundle.events = events;
            break;
        case BundleKind::delta: {
            if (!is_valid_id(request.for_device))
                return bundle_error("export.no_device", "for_device", request.for_device, request.for_device);
            h.for_device = request.for_device;
            for (const auto& e : events) {
                auto it = request.device_seen.find(e.id.device);
                std::uint64_t seen = it == request.device_seen.end() ? 0 : it->second;
                if (e.id.seq > seen) bundle.events.push_back(e);
            }
            break;
        }
        case BundleKind::resident: {
            if (!s.find_household(request.household))
                return bundle_error("export.unknown_household", "household", request.household, request.household);
            h.household = request.household;
            for (const auto& e : events)
                if (in_resident_slice(e, s, request.household)) bundle.events.push_back(redacted_for_resident(e));
            if (source->kind != DeviceKind::resident) add_source_registrations(store, request.source_device, bundle.events);
            h.seen = restricted(h.seen, bundle.events);
            break;
        }
    }
    // A phone speaks only for itself (exchange_import.hpp, bundle.foreign_device).
    if (source->kind == DeviceKind::resident)
        std::erase_if(bundle.events, [&](const Event& e) { return e.id.device != request.source_device; });
    h.event_count = bundle.events.size();
    return bundle;
}

Result<std::string> export_bundle(const Ledger& store, const ExportRequest& request, const Sha256Hex& sha256) {
    auto bundle = make_bundle(store, request);
    if (!bundle.ok()) return bundle.errors();
    return seal_and_write(bundle.value(), sha256);
}

//-----------------------------------------------------------------------------
// [SECTION] Merge
//-----------------------------------------------------------------------------

namespace {

Errors located(Errors errors, std::size_t input) {
    for (auto& e : errors) e.field = "bundles[" + std::to_string(input) + "]" + (e.field.empty() ? "" : "." + e.field);
    return errors;
}

}  // namespace

Result<Bundle> merge_bundles(std::span<const Bundle> bundles, const MergeRequest& request) {
    if (bundles.empty()) return bundle_error("merge.nothing", "");
    const std::string& estate = bundles.front().header.estate_id;
    std::vector<Event> all;
    for (std::size_t i = 0; i < bundles.size(); ++i) {
        const BundleHeader& h = bundles[i].header;
        if (h.estate_id != estate)
            return located({bundle_error("bundle.other_estate", "estate_id", h.estate_id + " ≠ " + estate,
                                         h.estate_id + " ≠ " + estate)}, i);
        all.insert(all.end(), bundles[i].events.begin(), bundles[i].events.end());
    }
    Ledger merged;
    auto added = merged.add(std::move(all));
    if (!added.rejected.empty()) {
        return exchange_detail::id_conflict(added.rejected);
    }
    const exchange_detail::Lookup lookup{merged.state(), nullptr};
    for (std::size_t i = 0; i < bundles.size(); ++i) {
        if (Errors bad = exchange_detail::check_event_shapes(bundles[i].events); !bad.empty()) return located(bad, i);
        if (Errors bad = exchange_detail::check_permissions(bundles[i], lookup); !bad.empty()) return located(bad, i);
    }
    if (Errors bad = exchange_detail::check_clocks(merged.events(), {}, {}); !bad.empty()) return bad;

    Bundle out;
    BundleHeader& h = out.header;
    h.estate_id = estate;
    h.source_device = request.source_device.empty() ? bundles.front().header.source_device : request.source_device;
    h.created_at = request.created_at;
    h.kind = BundleKind::office_full;
    h.seen = merged.version_vector();
    out.events = merged.events();
    h.event_count = out.events.size();
    // The result must itself be importable: a phone cannot be the source of others' events.
    if (Errors bad = exchange_detail::check_permissions(out, lookup); !bad.empty()) return bad;
    return out;
}

}  // namespace bianmin
