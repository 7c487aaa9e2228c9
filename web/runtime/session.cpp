// Session — see session.h.
//
// [SECTION] State of the page
// [SECTION] Loading and following other tabs
// [SECTION] Commands
// [SECTION] Imports
// [SECTION] Test summary
#include "runtime/session.h"

#include <emscripten.h>

#include <algorithm>
#include <iterator>
#include <memory>

#include <nlohmann/json.hpp>

#include "bianmin/authorize.hpp"
#include "bianmin/hlc.hpp"
#include "bianmin/json.hpp"
#include "bianmin/time.hpp"
#include "i18n/i18n.h"
#include "platform/frame_pacing.h"

namespace bianmin::session {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] State of the page
//-------------------------------------------------------------------------------------

constexpr std::size_t kMaxProblemsKept = 100;

struct Page {
    SystemClock wall;
    HlcClock clock{wall};
    std::unique_ptr<Ledger> ledger = std::make_unique<Ledger>();
    LoadSummary summary;
    bool loaded = false;
    bool importing = false;
    std::uint64_t revision = 0;
    std::optional<Actor> actor;
    bool resident_device = false;
    storage::FollowCallback follow_observer;
    std::vector<Event> loading;  // decoded on load, projected by finish_load()
    double load_started = 0;
};

Page& page() {
    static Page instance;
    return instance;
}

// A resident device holds only its household's slice of the log, so it cannot check the
// staff's authority over the events the office sent it: it trusts them (projection.hpp).
// The device learns it is a resident device from the office's device_registered event —
// read from the events, since the staff member who made it is not in the slice. Only a
// device with no record of its own yet reads it so: one the verified state registers keeps
// that kind, and one that has worked cannot be turned into a trusting phone by a forged
// registration (the projection lists that as an anomaly but keeps the event).
void follow_device_kind() {
    Page& p = page();
    const State& s = p.ledger->state();
    const std::string id = storage::device_id();
    const DeviceRecord* self = s.find_device(id);
    const bool resident = self ? self->kind == DeviceKind::resident
                               : !s.max_seq.count(id) && registered_as_resident(p.ledger->events(), id);
    if (resident == p.resident_device) return;
    p.resident_device = resident;
    auto events = p.ledger->events();
    p.ledger = std::make_unique<Ledger>(ProjectionOptions{.verify_authorization = !resident});
    p.ledger->add(std::move(events));
}

void changed() {
    Page& p = page();
    if (!p.ledger->events().empty()) p.clock.observe(p.ledger->events().back().hlc);
    follow_device_kind();
    ++p.revision;
}

std::string record_key(std::string_view device, std::uint64_t seq) {
    return std::string(device) + "#" + std::to_string(seq);
}

// Decodes stored records into events; the unreadable ones are counted and described.
std::vector<Event> decode(std::span<const storage::RecordView> records) {
    Page& p = page();
    std::vector<Event> events;
    events.reserve(records.size());
    for (const auto& record : records) {
        auto event = parse_event(record.bytes);
        std::string problem;
        if (!event) {
            problem = codes_of(event.errors());
        } else if (event.value().id.device != record.device || event.value().id.seq != record.seq) {
            problem = "key does not match the event's id";
        } else {
            events.push_back(std::move(event).value());
            continue;
        }
        ++p.summary.unreadable;
        if (p.summary.problems.size() < kMaxProblemsKept)
            p.summary.problems.push_back(record_key(record.device, record.seq) + ": " + problem);
    }
    return events;
}

void add_to_ledger(std::vector<Event> events) {
    Page& p = page();
    const auto result = p.ledger->add(std::move(events));
    for (const auto& error : result.rejected)
        if (p.summary.problems.size() < kMaxProblemsKept) p.summary.problems.push_back(error.code + ": " + error.message_en);
    changed();
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Loading and following other tabs
//-------------------------------------------------------------------------------------

namespace {

// The second half of load(), in a task of its own: by then the load buffer the records
// pointed into (about the size of the store) has been freed, so it is not held while the
// Ledger projects the events (B7, docs/PERFORMANCE.md).
void finish_load(void*) {
    Page& p = page();
    add_to_ledger(std::move(p.loading));
    p.loading = {};
    p.summary.project_ms = emscripten_get_now() - p.load_started;
    p.loaded = true;
    platform::pacing::wake();
}

}  // namespace

void load(std::span<const storage::RecordView> records, const storage::LoadReport&) {
    Page& p = page();
    p.load_started = emscripten_get_now();
    p.loading = decode(records);
    p.summary.events = p.loading.size();
    // Another tab is the writer: its new events arrive here (storage.h).
    storage::set_on_followed([](std::span<const storage::RecordView> followed) {
        Page& p = page();
        auto events = decode(followed);
        if (p.loaded) {
            add_to_ledger(std::move(events));
        } else {
            p.summary.events += events.size();
            std::move(events.begin(), events.end(), std::back_inserter(p.loading));
        }
        if (p.follow_observer) p.follow_observer(followed);
    });
    emscripten_async_call(finish_load, nullptr, 0);
}

void set_follow_observer(storage::FollowCallback observer) { page().follow_observer = std::move(observer); }

bool loaded() { return page().loaded; }
const LoadSummary& load_summary() { return page().summary; }
const Ledger& ledger() { return *page().ledger; }
const State& state() { return page().ledger->state(); }
const std::string& device_id() { return storage::device_id(); }
std::uint64_t revision() { return page().revision; }
std::int64_t now_ms() { return page().wall.now_ms(); }

const std::optional<Actor>& actor() { return page().actor; }
void sign_in(const Actor& who) { page().actor = who; }
void sign_out() { page().actor.reset(); }

bool writable() {
    const auto& status = storage::status();
    return page().loaded && !page().importing && status.loaded && status.writer &&
           status.code != storage::Code::closed && status.code != storage::Code::version_change &&
           status.code != storage::Code::unavailable;
}

//-------------------------------------------------------------------------------------
// [SECTION] Commands
//-------------------------------------------------------------------------------------

namespace {

// The session's own refusals, worded in the translation table like the screens.
Error error_from_key(const char* code, const char* field) {
    return make_error(code, field, i18n::tr(i18n::Lang::Zh, code), i18n::tr(i18n::Lang::En, code));
}

Error not_writable_error() {
    return error_from_key(page().importing ? "session.importing" : "session.read_only", "");
}

Error not_signed_in_error() { return error_from_key("session.not_signed_in", "actor"); }

}  // namespace

CommandContext context() {
    Page& p = page();
    // min_seq: the store refuses a sequence number it has already used (storage::append);
    // one it holds but the Ledger does not (a record kept aside on load) is skipped rather
    // than reused, so the edit is saved instead of staying only in memory.
    return CommandContext{p.actor.value_or(Actor{}), storage::device_id(), &p.clock, storage::next_seq()};
}

Result<std::vector<Event>> commit(Result<std::vector<Event>> result) {
    if (!result) return result;
    if (!writable()) return not_writable_error();
    Page& p = page();
    auto events = result.value();
    const auto added = p.ledger->add(events);
    if (!added.rejected.empty()) return added.rejected;
    for (const auto& event : events) {
        // The storage refuses only when the tab lost the right to write since writable()
        // (context() keeps the sequence numbers above what it holds): the event stays in
        // memory and the banner says saving stopped.
        storage::append(event.id.device, event.id.seq, canonical_event(event));
    }
    changed();
    return result;
}

Result<std::vector<Event>> run(Payload proposed) {
    if (!page().actor) return not_signed_in_error();
    if (!writable()) return not_writable_error();
    return commit(execute(context(), state(), std::move(proposed)));
}

bool may_record(EventType type) { return page().actor && role_may_emit(page().actor->role, type); }

Errors check(const Payload& proposed) {
    if (!page().actor) return {};
    CommandContext ctx = context();
    HlcClock scratch = page().clock;  // a dry run must not move the real clock on
    ctx.clock = &scratch;
    auto result = execute(ctx, state(), proposed);
    return result ? Errors{} : result.errors();
}

Result<std::vector<Event>> run_all(std::vector<Payload> proposed) {
    if (!page().actor) return not_signed_in_error();
    if (!writable()) return not_writable_error();
    return commit(execute_all(context(), state(), std::move(proposed)));
}

//-------------------------------------------------------------------------------------
// [SECTION] Imports
//-------------------------------------------------------------------------------------

bool import_in_progress() { return page().importing; }

namespace {

// What an import hands to storage; the records must outlive the transaction, so the
// callbacks own it.
struct ImportBatch {
    std::vector<std::string> texts;                // made here, or
    std::shared_ptr<const std::string> canonical;  // the caller's, which views point into
    std::vector<storage::RecordView> views;
};

// Writes the batch in one transaction; once it is on disk, `add` puts the events in the
// ledger. Nothing enters the ledger when the write fails.
bool write_then_add(std::shared_ptr<ImportBatch> batch, ImportProgress on_progress,
                    std::function<Ledger::AddResult()> add, ImportDone on_done) {
    page().importing = true;
    const bool started = storage::append_bulk(
        batch->views, [on_progress](std::size_t done, std::size_t total) { if (on_progress) on_progress(done, total); },
        [batch, add = std::move(add), on_done](bool ok, const std::string& detail) {
            page().importing = false;
            Ledger::AddResult added;
            if (ok) {
                added = add();
                changed();
            }
            if (on_done) on_done(ok, added, detail);
        });
    if (!started) page().importing = false;
    return started;
}

}  // namespace

bool add_imported(std::vector<Event> events, ImportProgress on_progress, ImportDone on_done) {
    if (!writable()) return false;
    auto batch = std::make_shared<ImportBatch>();
    auto kept = std::make_shared<std::vector<Event>>(std::move(events));
    batch->texts.reserve(kept->size());
    for (const auto& event : *kept) {
        if (ledger().contains(event.id)) continue;  // already stored here
        batch->texts.push_back(canonical_event(event));
        batch->views.push_back({event.id.device, event.id.seq, batch->texts.back()});
    }
    // Views point into texts: texts was reserved, so it never reallocated above.
    return write_then_add(
        batch, std::move(on_progress), [kept] { return page().ledger->add(std::move(*kept)); }, std::move(on_done));
}

bool add_planned_import(std::shared_ptr<ImportPlan> plan, std::shared_ptr<const std::string> canonical,
                        std::vector<std::string_view> texts, ImportProgress on_progress, ImportDone on_done) {
    if (!writable()) return false;
    auto batch = std::make_shared<ImportBatch>();
    batch->canonical = std::move(canonical);
    for (std::size_t i = 0; i < plan->new_events.size(); ++i) {
        const EventId& id = plan->new_events[i].id;
        if (ledger().contains(id)) continue;  // stored here since the plan
        batch->views.push_back({id.device, id.seq, texts[i]});
    }
    return write_then_add(
        batch, std::move(on_progress),
        [plan] {
            Ledger::AddResult added;
            auto applied = apply_import(*page().ledger, std::move(*plan));
            if (!applied) {
                added.rejected = applied.errors();
                return added;
            }
            added.added = applied.value().new_events;
            added.duplicates = applied.value().duplicates;
            added.rebuilt = applied.value().rebuilt;
            return added;
        },
        std::move(on_done));
}

//-------------------------------------------------------------------------------------
// [SECTION] Test summary
//-------------------------------------------------------------------------------------

std::string test_summary_json() {
    const Page& p = page();
    nlohmann::json j;
    j["loaded"] = p.loaded;
    j["device"] = storage::device_id();
    j["events"] = p.ledger->size();
    j["revision"] = p.revision;
    j["unreadable"] = p.summary.unreadable;
    j["problems"] = p.summary.problems;
    j["anomalies"] = p.ledger->state().anomalies.size();
    j["estate"] = p.ledger->state().estate_id;
    j["residentDevice"] = p.resident_device;
    if (p.actor) j["actor"] = {{"person", p.actor->person_id}, {"role", std::string(to_string(p.actor->role))}};
    j["writable"] = writable();
    return j.dump();
}

}  // namespace bianmin::session
