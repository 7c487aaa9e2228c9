// Projection: dispatch of each event to its rules, the replay policy, and the Ledger.
#include "bianmin/projection.hpp"

#include <algorithm>
#include <set>

#include "bianmin/authorize.hpp"
#include "rules.hpp"

namespace bianmin {

Errors check_event(const State& state, const Event& event) {
    Errors errors;
    std::visit([&](const auto& payload) { rules::check(state, event, payload, errors); }, event.payload);
    return errors;
}

void apply_event(State& state, const Event& event, const ProjectionOptions& options) {
    auto& max = state.max_seq[event.id.device];
    max = std::max(max, event.id.seq);
    state.event_count += 1;
    state.has_last = true;
    state.last_hlc = event.hlc;
    state.last_id = event.id;
    try {
        if (options.verify_authorization) {
            Errors denied = authorize(event, state);
            if (!denied.empty()) {
                for (const auto& e : denied) rules::note_anomaly(state, event, e, true);
                return;
            }
        }
        Errors errors = check_event(state, event);
        bool skip = !errors.empty() && !rules::applies_despite_errors(event.type());
        for (const auto& e : errors) rules::note_anomaly(state, event, e, skip);
        if (skip) return;
        std::visit([&](const auto& payload) { rules::apply(state, event, payload); }, event.payload);
    } catch (const std::exception& ex) {
        // Not expected (rules do not throw); out of memory is the realistic case. The
        // projection stays total: the event is listed, the replay goes on.
        rules::note_anomaly(state, event,
                            make_error("internal.exception", "", std::string("内部错误: ") + ex.what(),
                                       std::string("internal error: ") + ex.what()),
                            true);
    }
}

State project(std::vector<Event> events, const ProjectionOptions& options) {
    std::sort(events.begin(), events.end(), event_before);
    State state;
    std::unordered_map<std::string, std::set<std::uint64_t>> seen;
    for (const auto& e : events) {
        if (!seen[e.id.device].insert(e.id.seq).second) continue;  // an id twice: the first counts
        apply_event(state, e, options);
    }
    return state;
}

bool registered_as_resident(const std::vector<Event>& events, const std::string& device) {
    bool resident = false;
    for (const auto& e : events) {
        if (const auto* p = e.as<DeviceRegistered>(); p && p->device == device) resident = p->kind == DeviceKind::resident;
        if (const auto* p = e.as<DeviceRevoked>(); p && p->device == device) resident = false;
    }
    return resident;
}

//-----------------------------------------------------------------------------
// Ledger
//-----------------------------------------------------------------------------

const Event* Ledger::find(const EventId& id) const {
    auto d = index_.find(id.device);
    if (d == index_.end()) return nullptr;
    auto s = d->second.find(id.seq);
    return s == d->second.end() ? nullptr : &events_[s->second];
}

void Ledger::reindex() {
    index_.clear();
    for (std::size_t i = 0; i < events_.size(); ++i) index_[events_[i].id.device][events_[i].id.seq] = i;
}

void Ledger::rebuild() {
    state_ = State{};
    for (const auto& e : events_) apply_event(state_, e, options_);
}

// Works in place on `incoming`: a 200,000-event load must not hold a second vector of
// events or a set of every id beside it (B7, docs/PERFORMANCE.md). Errors are listed in
// the order of `incoming`, as a person reading them would expect.
Ledger::AddResult Ledger::add(std::vector<Event> incoming) {
    AddResult result;
    enum class Verdict : std::uint8_t { fresh, bad_id, known_same, known_different, repeat_same, repeat_different };
    std::vector<Verdict> verdicts(incoming.size(), Verdict::fresh);
    std::vector<std::uint32_t> candidates;  // neither malformed nor already in the log
    candidates.reserve(incoming.size());
    for (std::size_t i = 0; i < incoming.size(); ++i) {
        const Event& e = incoming[i];
        if (!is_valid_id(e.id.device) || e.id.seq == 0) {
            verdicts[i] = Verdict::bad_id;
        } else if (const Event* existing = find(e.id)) {
            verdicts[i] = *existing == e ? Verdict::known_same : Verdict::known_different;
        } else {
            candidates.push_back(std::uint32_t(i));
        }
    }
    // One id twice in `incoming`: the first keeps its place, the others are compared to it.
    const auto by_id = [&](std::uint32_t a, std::uint32_t b) { return incoming[a].id < incoming[b].id; };
    // A device's store hands its events over in id order: no sort then.
    if (!std::is_sorted(candidates.begin(), candidates.end(), by_id))
        std::stable_sort(candidates.begin(), candidates.end(), by_id);
    for (std::size_t k = 1, first = 0; k < candidates.size(); ++k) {
        const Event& e = incoming[candidates[k]];
        const Event& kept = incoming[candidates[first]];
        if (e.id != kept.id) {
            first = k;
            continue;
        }
        verdicts[candidates[k]] = e == kept ? Verdict::repeat_same : Verdict::repeat_different;
    }
    candidates = {};
    std::size_t kept = 0;
    for (std::size_t i = 0; i < incoming.size(); ++i) {
        const Event& e = incoming[i];
        switch (verdicts[i]) {
        case Verdict::fresh:
            if (kept != i) incoming[kept] = std::move(incoming[i]);
            ++kept;
            break;
        case Verdict::known_same:
        case Verdict::repeat_same: result.duplicates += 1; break;
        case Verdict::bad_id:
            result.rejected.push_back(make_error("event.bad_id", "id", "事件编号不正确: " + to_string(e.id),
                                                 "bad event id: " + to_string(e.id)));
            break;
        case Verdict::known_different:
        case Verdict::repeat_different:
            result.rejected.push_back(make_error("event.id_reused", "id", "同一事件编号对应不同内容: " + to_string(e.id),
                                                 "one event id with different content: " + to_string(e.id)));
            break;
        }
    }
    if (!result.rejected.empty()) return result;  // all or nothing
    incoming.erase(incoming.begin() + std::ptrdiff_t(kept), incoming.end());
    std::vector<Event>& fresh = incoming;
    if (fresh.empty()) return result;
    std::sort(fresh.begin(), fresh.end(), event_before);
    result.added = fresh.size();
    bool appends = events_.empty() || event_before(events_.back(), fresh.front());
    std::size_t first_new = events_.size();
    if (events_.empty()) {
        events_ = std::move(fresh);
    } else {
        for (auto& e : fresh) events_.push_back(std::move(e));
    }
    if (appends) {
        for (std::size_t i = first_new; i < events_.size(); ++i) {
            index_[events_[i].id.device][events_[i].id.seq] = i;
            apply_event(state_, events_[i], options_);
        }
    } else {
        std::sort(events_.begin(), events_.end(), event_before);
        reindex();
        rebuild();
        result.rebuilt = true;
    }
    return result;
}

std::map<std::string, std::uint64_t> Ledger::version_vector() const {
    std::map<std::string, std::uint64_t> out;
    for (const auto& [device, seqs] : index_) {
        std::uint64_t n = 0;
        while (seqs.count(n + 1)) ++n;
        out[device] = n;
    }
    return out;
}

std::vector<std::uint64_t> Ledger::missing(const std::string& device) const {
    std::vector<std::uint64_t> out;
    auto d = index_.find(device);
    if (d == index_.end()) return out;
    std::vector<std::uint64_t> held;
    for (const auto& [seq, index] : d->second) held.push_back(seq);
    std::sort(held.begin(), held.end());
    constexpr std::size_t kMaxListed = 10'000;  // a forged huge sequence must not hang us
    std::uint64_t expected = 1;
    for (auto seq : held) {
        for (; expected < seq && out.size() < kMaxListed; ++expected) out.push_back(expected);
        expected = seq + 1;
    }
    return out;
}

}  // namespace bianmin
