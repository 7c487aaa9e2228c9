// Session — the one event log of this page, and who is using the device.
//
// The core's Ledger lives here: filled from IndexedDB at start (storage.h), changed by
// commands run as the signed-in person, and by events another tab wrote or a bundle
// brought. Screens read state() and call run(); they never touch storage directly.
//
// The life of a change (docs/ARCHITECTURE.md):
//   screen → run(payload) → core execute() validates → Ledger::add (the screen sees it at
//   once) → storage::append (one IndexedDB transaction per event) → durable: the status
//   line stops counting it as pending.
// A command that fails changes nothing and returns the core's bilingual errors.
//
// Imports go the other way round: the bundle's events are written to IndexedDB first
// (one transaction, all or nothing) and enter the Ledger only once they are on disk.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bianmin/commands.hpp"
#include "bianmin/errors.hpp"
#include "bianmin/event.hpp"
#include "bianmin/exchange_import.hpp"
#include "bianmin/projection.hpp"
#include "bianmin/state.hpp"
#include "platform/storage.h"

namespace bianmin::session {

// What the start found: how many events, and the stored records that are not events this
// app can read (kept in storage untouched, reported, never dropped).
struct LoadSummary {
    std::size_t events = 0;
    std::size_t unreadable = 0;
    std::vector<std::string> problems;  // "dev#12: json.syntax ..." (capped)
    double project_ms = 0;  // decoding and projecting, from load() to loaded()
};

// Called once with the stored records (storage::open's callback). It decodes them at once
// and projects them in a task of its own right after, once storage has freed the buffer
// the records point into; loaded() turns true then, and the frame loop starts with it.
void load(std::span<const storage::RecordView> records, const storage::LoadReport& report);
bool loaded();
// Also told of records followed from another tab (the storage test API listens here).
void set_follow_observer(storage::FollowCallback observer);
const LoadSummary& load_summary();

const Ledger& ledger();
const State& state();
const std::string& device_id();
// Grows by one with every change of the ledger: screens cache derived tables by it.
std::uint64_t revision();
std::int64_t now_ms();

// Who is using the device. Staff sign in with a PIN (screen_sign_in.cpp); a resident
// device opens resident mode for its household.
const std::optional<Actor>& actor();
void sign_in(const Actor& who);
// May the signed-in person's role record events of this type (the core's table,
// authorize.hpp)? Screens draw a form only for a role that may run it; the core still
// checks every command.
bool may_record(EventType type);
void sign_out();

// May this tab change anything now? (Loaded, the writing tab, the database open.)
bool writable();

// Runs one command as the signed-in person. On success the events are in the ledger and
// handed to storage; on failure nothing changed and the errors say why.
Result<std::vector<Event>> run(Payload proposed);
Result<std::vector<Event>> run_all(std::vector<Payload> proposed);
// What run() would answer now, without recording anything: the core's errors for a form
// that is still being filled in (session::Form::check_as_you_type). The device's clock is
// not advanced. Nothing (an empty result) when no one is signed in.
Errors check(const Payload& proposed);
// For the composite commands of commands.hpp: build with context(), then commit().
CommandContext context();
Result<std::vector<Event>> commit(Result<std::vector<Event>> result);

// Imported events: written to storage in one transaction, then added to the ledger.
// on_done(ok, message) runs once; ok=false means nothing was stored or added.
using ImportProgress = std::function<void(std::size_t done, std::size_t total)>;
using ImportDone = std::function<void(bool ok, const Ledger::AddResult& added, const std::string& detail)>;
bool add_imported(std::vector<Event> events, ImportProgress on_progress, ImportDone on_done);
// The same for a planned bundle import (bundle_import.cpp), without serialising or
// projecting the events a second time: `texts[i]` is plan->new_events[i]'s canonical text
// (made for the digest, pointing into *canonical), and the ledger adopts the store the plan
// projected (apply_import) when nothing changed since, else it adds the events.
bool add_planned_import(std::shared_ptr<ImportPlan> plan, std::shared_ptr<const std::string> canonical,
                        std::vector<std::string_view> texts, ImportProgress on_progress, ImportDone on_done);
bool import_in_progress();

// A compact JSON summary for the test hook (window.bianmin.session()).
std::string test_summary_json();

}  // namespace bianmin::session
