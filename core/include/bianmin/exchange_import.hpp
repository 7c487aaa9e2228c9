// Importing an exchange bundle (exchange.hpp) into a store, in stages, all pure.
//
//   1. read_bundle(text)             parse and validate the whole file (exchange.hpp)
//   2. check_digest(bundle, sha256(canonical_event_bytes(bundle.events)))
//   3. plan_import(store, bundle)    the checks that need the store, and what is new
//   4. apply_import(store, plan)     Ledger::add of the new events: all or nothing
// import_bundle() runs all four for callers with a synchronous SHA-256 (the tool); the
// browser awaits WebCrypto between 1 and 2 and persists plan.new_events before 4.
// A rejected bundle changes nothing; importing the same bundle twice changes nothing
// the second time (every event is a duplicate).
//
// plan_import refuses the whole bundle (the reasons are listed, bilingual):
//  - bundle.bad_event        an event its command would refuse whatever the store holds
//                            (event_shape_errors: negative money, a missing id, ...);
//  - bundle.other_estate     the store holds another estate (an empty store takes any);
//  - bundle.id_conflict      an event id the store holds with different content;
//  - bundle.unknown_source   neither the store nor the bundle registers the source device;
//  - permissions, the import's half of authorize.hpp — for events made on a device the
//    store or bundle registers as a resident device (DeviceKind::resident):
//      bundle.resident_money   a money event (payment, fee, reversal...),
//      bundle.staff_action     a staff actor, or a type residents may not emit,
//      bundle.other_household  a record of another household than the device's;
//    and when the SOURCE is a resident device, bundle.foreign_device for any event made
//    on another device (a phone speaks only for itself);
//  - bundle.implausible_clock  a device's events whose clocks run backwards against its
//    sequence numbers, together with the events the store already holds of it.
// The projection then authorizes every event again when it replays the log.
//
// Conflicts: after applying, fields edited concurrently on several devices show as
// conflicts (fields.hpp); the summary counts the ones this import revealed. Money
// events never conflict: they only accumulate.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bianmin/exchange.hpp"
#include "bianmin/fields.hpp"
#include "bianmin/table.hpp"

namespace bianmin {

struct ImportSummary {
    std::size_t events_in_bundle = 0;
    std::size_t new_events = 0;
    std::size_t duplicates = 0;                     // already held: skipped
    std::map<std::string, std::size_t> new_by_type; // event type name -> new events
    // Filled in by apply_import (they need the state after applying):
    std::size_t conflicts_found = 0;                // fields newly in conflict
    std::size_t conflicts_open = 0;                 // all fields in conflict now
    std::vector<FieldKey> new_conflicts;
    bool rebuilt = false;                           // the projection was rebuilt
    friend bool operator==(const ImportSummary&, const ImportSummary&) = default;
};

struct ImportPlan {
    BundleHeader header;
    std::vector<Event> new_events;  // in total order: what apply_import adds
    ImportSummary summary;
    // When the checks needed the store and the new events together (a store that does
    // not know the source yet, as a fresh device): the store with the new events added,
    // which apply_import adopts instead of projecting them a second time — if the store
    // still holds what it held when planned (store_size events, the same last one).
    std::shared_ptr<Ledger> combined;
    bool combined_rebuilt = false;
    std::size_t store_size = 0;
    std::optional<EventId> store_last;
};

// Stage 3. Never throws; the store is not changed.
// `projected`, when the caller has it: the store with the bundle's new events added, built
// beforehand (the browser adds a large bundle to an empty store a slice at a time between
// frames). It is taken as plan.combined instead of projecting again — only if it holds
// exactly the store's events and the new ones, else it is ignored.
Result<ImportPlan> plan_import(const Ledger& store, const Bundle& bundle, const ImportOptions& options = {},
                               std::shared_ptr<Ledger> projected = nullptr);
// Stage 4: adds plan.new_events (all or nothing) and completes the summary.
// Errors only if the store changed since the plan in a conflicting way (bundle.id_conflict).
// With plan.combined (and the store unchanged) it copies that instead; the second form
// moves it, when no other copy of the plan shares it.
Result<ImportSummary> apply_import(Ledger& store, const ImportPlan& plan);
Result<ImportSummary> apply_import(Ledger& store, ImportPlan&& plan);
// All stages.
Result<ImportSummary> import_bundle(Ledger& store, std::string_view text, const Sha256Hex& sha256,
                                    const ImportOptions& options = {});

// "12 new events, 3 duplicates skipped, 1 conflict found" and the counts by type,
// in one language (one line, then one line per type).
std::string summary_text(const ImportSummary& summary, Language language);

}  // namespace bianmin
