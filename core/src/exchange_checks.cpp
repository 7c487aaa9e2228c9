// The import's checks on a whole bundle: clocks and permissions (exchange_detail.hpp).
//
// Index
// [SECTION] Event shapes
// [SECTION] Clocks
// [SECTION] Permissions
// [SECTION] Id conflicts
#include <algorithm>
#include <map>

#include "bianmin/authorize.hpp"
#include "exchange_detail.hpp"

namespace bianmin::exchange_detail {

//-----------------------------------------------------------------------------
// [SECTION] Event shapes
//-----------------------------------------------------------------------------

Errors check_event_shapes(std::span<const Event> events) {
    for (std::size_t i = 0; i < events.size(); ++i) {
        Errors problems = event_shape_errors(events[i]);
        if (problems.empty()) continue;
        const Error& first = problems.front();
        const std::string what = to_string(events[i].id) + " " + std::string(to_string(events[i].type())) + "." + first.field;
        Errors out{bundle_error("bundle.bad_event", "events[" + std::to_string(i) + "]." + first.field,
                                what + ": " + first.message_zh, what + ": " + first.message_en)};
        out.insert(out.end(), problems.begin(), problems.end());
        return out;
    }
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Clocks
//-----------------------------------------------------------------------------

Errors check_clocks(std::span<const Event> bundle_events, std::span<const Event> held_events, const ImportOptions& options) {
    std::map<std::string, std::map<std::uint64_t, Hlc>> by_device;  // device -> seq -> hlc
    for (std::size_t i = 0; i < bundle_events.size(); ++i) {
        const Event& e = bundle_events[i];
        if (options.now_ms && e.hlc.wall_ms > *options.now_ms + options.max_clock_ahead_ms) {
            std::string detail = to_string(e.id) + " is stamped " +
                                 std::to_string((e.hlc.wall_ms - *options.now_ms) / kMsPerMinute) + " minutes ahead of now";
            return {bundle_error("bundle.implausible_clock", "events[" + std::to_string(i) + "]",
                                 "事件时间晚于当前时间太多: " + to_string(e.id), detail)};
        }
        by_device[e.id.device][e.id.seq] = e.hlc;
    }
    for (const Event& e : held_events) {
        auto it = by_device.find(e.id.device);
        if (it != by_device.end()) it->second.emplace(e.id.seq, e.hlc);
    }
    for (const auto& [device, stamps] : by_device) {
        const std::pair<const std::uint64_t, Hlc>* previous = nullptr;
        for (const auto& stamp : stamps) {
            if (previous && !(previous->second < stamp.second)) {
                std::string detail = device + " #" + std::to_string(stamp.first) + " is not later than #" +
                                     std::to_string(previous->first);
                return {bundle_error("bundle.implausible_clock", "hlc", "设备 " + device + " 的事件时间倒退", detail)};
            }
            previous = &stamp;
        }
    }
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Permissions
//-----------------------------------------------------------------------------

namespace {

// Finds what a check needs in `first`, else in the fallback state.
class Finder {
public:
    explicit Finder(const Lookup& lookup) : lookup_(lookup) {}

    const DeviceRecord* device(const std::string& id) {
        if (const auto* d = lookup_.first.find_device(id)) return d;
        const State* s = fallback();
        return s ? s->find_device(id) : nullptr;
    }
    const ResidentRecord* resident(const std::string& id) {
        if (const auto* r = lookup_.first.find_resident(id)) return r;
        const State* s = fallback();
        return s ? s->find_resident(id) : nullptr;
    }
    std::string household(const Event& e) {
        std::string h = event_household(e, lookup_.first);
        if (!h.empty()) return h;
        const State* s = fallback();
        return s ? event_household(e, *s) : std::string();
    }

private:
    const State* fallback() {
        if (!asked_) {
            asked_ = true;
            state_ = lookup_.fallback ? lookup_.fallback() : nullptr;
        }
        return state_;
    }
    const Lookup& lookup_;
    bool asked_ = false;
    const State* state_ = nullptr;
};

std::string where(std::size_t i) { return "events[" + std::to_string(i) + "]"; }

// An event made on a resident device: a resident of that household, acting for it.
std::optional<Error> check_resident_event(const Event& e, std::size_t i, const DeviceRecord& device, Finder& find) {
    const std::string id = to_string(e.id), type(to_string(e.type()));
    if (is_money_event(e.type()))
        return bundle_error("bundle.resident_money", where(i), id + " " + type, id + " " + type);
    if (e.actor.role != Role::resident || !role_may_emit(Role::resident, e.type())) {
        std::string detail = id + " " + type + " (" + std::string(to_string(e.actor.role)) + ")";
        return bundle_error("bundle.staff_action", where(i), detail, detail);
    }
    const ResidentRecord* person = find.resident(e.actor.person_id);
    if (person && person->household_id != device.household_id) {
        std::string detail = id + ": " + e.actor.person_id + " ∉ " + device.household_id;
        return bundle_error("bundle.other_household", where(i), detail, detail);
    }
    // A household that cannot be told yet (its record has not arrived) is left to the
    // projection, which authorizes the event once it can.
    std::string household = find.household(e);
    if (!household.empty() && household != device.household_id) {
        std::string detail = id + " " + type + ": " + household + " ≠ " + device.household_id;
        return bundle_error("bundle.other_household", where(i), detail, detail);
    }
    return std::nullopt;
}

}  // namespace

Errors check_permissions(const Bundle& bundle, const Lookup& lookup) {
    Finder find(lookup);
    const BundleHeader& h = bundle.header;
    const DeviceRecord* source = find.device(h.source_device);
    if (!source)
        return {bundle_error("bundle.unknown_source", "source_device", h.source_device, h.source_device)};
    const bool resident_source = source->kind == DeviceKind::resident;
    for (std::size_t i = 0; i < bundle.events.size(); ++i) {
        const Event& e = bundle.events[i];
        if (resident_source && e.id.device != h.source_device) {
            std::string detail = to_string(e.id) + " (" + h.source_device + ")";
            return {bundle_error("bundle.foreign_device", where(i), detail, detail)};
        }
        const DeviceRecord* device = e.id.device == h.source_device ? source : find.device(e.id.device);
        if (device && device->kind == DeviceKind::resident)
            if (auto bad = check_resident_event(e, i, *device, find)) return {*bad};
    }
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Id conflicts
//-----------------------------------------------------------------------------

Errors id_conflict(const Errors& rejected) {
    Errors errors{bundle_error("bundle.id_conflict", "events", rejected.front().message_zh, rejected.front().message_en)};
    errors.insert(errors.end(), rejected.begin(), rejected.end());
    return errors;
}

}  // namespace bianmin::exchange_detail
