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

Ledger::AddResult Ledger::add(std::vector<Event> incoming) {
    AddResult result;
    std::vector<Event> fresh;
    std::set<EventId> fresh_ids;
    for (auto& e : incoming) {
        if (!is_valid_id(e.id.device) || e.id.seq == 0) {
            result.rejected.push_back(make_error("event.bad_id", "id", "事件编号不正确: " + to_string(e.id),
                                                 "bad event id: " + to_string(e.id)));
            continue;
        }
        const Event* existing = find(e.id);
        if (existing) {
            if (*existing == e) result.duplicates += 1;
            else
                result.rejected.push_back(make_error("event.id_reused", "id",
                                                     "同一事件编号对应不同内容: " + to_string(e.id),
                                                     "one event id with different content: " + to_string(e.id)));
            continue;
        }
        if (fresh_ids.count(e.id)) {
            bool same = std::any_of(fresh.begin(), fresh.end(), [&](const Event& f) { return f == e; });
            if (same) result.duplicates += 1;
            else
                result.rejected.push_back(make_error("event.id_reused", "id",
                                                     "同一事件编号对应不同内容: " + to_string(e.id),
                                                     "one event id with different content: " + to_string(e.id)));
            continue;
        }
        fresh_ids.insert(e.id);
        fresh.push_back(std::move(e));
    }
    if (!result.rejected.empty()) return result;  // all or nothing
    if (fresh.empty()) return result;
    std::sort(fresh.begin(), fresh.end(), event_before);
    result.added = fresh.size();
    bool appends = events_.empty() || event_before(events_.back(), fresh.front());
    std::size_t first_new = events_.size();
    for (auto& e : fresh) events_.push_back(std::move(e));
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
