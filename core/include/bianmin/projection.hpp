// Projection — State from events, deterministically — and the Ledger that holds them.
//
// project() sorts events by the total order (event.hpp) and applies them one by one.
// Applying is TOTAL: it never throws and never fails. Per event:
//   1. the device's highest sequence number is noted;
//   2. authorize() (unless the options trust the log, as a resident device does): an
//      unauthorized event is skipped and listed as an anomaly;
//   3. the business rules of its type are checked against the state so far; if they
//      fail, facts (money, deliveries, confirmations, water stock, attendance, field
//      edits) are still applied — what happened, happened — and decisions/new records
//      are skipped; either way each failure is listed as an anomaly.
// So the same events, in any order of arrival, give the same State.
//
// The Ledger keeps the events in total order without duplicates, and its State up to
// date: incrementally when new events sort after the last one, by a full rebuild
// otherwise.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "bianmin/errors.hpp"
#include "bianmin/event.hpp"
#include "bianmin/state.hpp"

namespace bianmin {

struct ProjectionOptions {
    // Office devices verify every event; a resident device, which holds only its own
    // household's slice of the log, trusts what the office sent it.
    bool verify_authorization = true;
};

// Applies one event to a state (the event must not sort before the state's last one —
// use project() or the Ledger for arbitrary order).
void apply_event(State& state, const Event& event, const ProjectionOptions& options = {});
// The business rules of an event against a state (without authorization).
Errors check_event(const State& state, const Event& event);
// State of any set of events, in any order.
State project(std::vector<Event> events, const ProjectionOptions& options = {});
// Whether the latest registration of `device` among `events` (in total order) makes it a
// household's own device, and it is not revoked since. Read from the events themselves,
// not from a verified State: a phone holds only its household's slice, without the staff
// record of whoever registered it, so it could not verify that registration — and it is
// this answer that tells it to trust the office's events (ProjectionOptions).
bool registered_as_resident(const std::vector<Event>& events, const std::string& device);

class Ledger {
public:
    explicit Ledger(ProjectionOptions options = {}) : options_(options) {}

    struct AddResult {
        std::size_t added = 0;       // new events now in the log
        std::size_t duplicates = 0;  // identical events already present: skipped
        Errors rejected;             // e.g. an id reused with different content
        bool rebuilt = false;        // a full rebuild was needed
    };
    // Adds events: identical duplicates are skipped (adding twice changes nothing), an
    // id reused with different content is rejected. All or nothing: when anything is
    // rejected, nothing is added.
    AddResult add(std::vector<Event> events);

    const State& state() const { return state_; }
    const std::vector<Event>& events() const { return events_; }  // in total order
    std::size_t size() const { return events_.size(); }
    const Event* find(const EventId& id) const;
    bool contains(const EventId& id) const { return find(id) != nullptr; }
    // Per device: the highest n such that events 1..n are all present (what this log
    // has seen of that device, for sync), and the sequence numbers missing below the
    // highest one held.
    std::map<std::string, std::uint64_t> version_vector() const;
    std::vector<std::uint64_t> missing(const std::string& device) const;
    void rebuild();

private:
    void reindex();
    ProjectionOptions options_;
    std::vector<Event> events_;
    std::unordered_map<std::string, std::unordered_map<std::uint64_t, std::size_t>> index_;
    State state_;
};

}  // namespace bianmin
