// Commands — how people change things: validate, then record.
//
// A command is a proposed payload (payloads.hpp) from an actor on a device. execute():
//   1. wraps it in an event: id = (device, next sequence of that device in `state`),
//      timestamp = clock.tick() after observing the state's last event (so the new
//      event sorts after everything the device knows), the actor;
//   2. completes generated fields: ids left empty ("F-<device>-<seq>" etc.), the charge
//      of a delivery from the published price, the `supersedes` of a field edit, the
//      due time of a request from the item's promised hours, the expected sum of a
//      hand-over, household/item taken from the form when left empty;
//   3. checks authorize() (authorize.hpp) and the business rules of the type against
//      `state`;
//   4. returns the event(s) to append, or every error found. Nothing half-applies: a
//      command of several events (execute_all) either yields all of them or none.
// The caller appends the events (Ledger::add, or Desk::run which does both) before
// running the next command on the same device — sequence numbers come from the state.
//
// Error codes are "<area>.<what>" (auth.*, price_table.*, entrustment.*, delivery.*,
// payment.*, collection.*, handover.*, ...); docs/DOMAIN.md lists them all.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bianmin/errors.hpp"
#include "bianmin/event.hpp"
#include "bianmin/hlc.hpp"
#include "bianmin/projection.hpp"
#include "bianmin/state.hpp"

namespace bianmin {

struct Catalogue;  // catalogue.hpp

struct CommandContext {
    Actor actor;
    std::string device;
    HlcClock* clock = nullptr;  // required: timestamps the events
    // The lowest sequence number the new events may take. A device's store can hold
    // numbers its state does not (a stored record that could not be read back is kept
    // aside, not projected): reusing one would make the store refuse the new event.
    std::uint64_t min_seq = 1;
};

// The sequence number the next event of ctx.device takes in `state`.
std::uint64_t first_seq(const CommandContext& ctx, const State& state);

Result<std::vector<Event>> execute(const CommandContext& ctx, const State& state, Payload proposed);
Result<std::vector<Event>> execute_all(const CommandContext& ctx, const State& state, std::vector<Payload> proposed);

// The id execute() gives a record made by event `id`: "<prefix>-<device>-<seq>".
std::string generated_id(std::string_view prefix, const EventId& id);

// ---- Commands that are more than one payload -------------------------------------

// Defines every catalogue item the estate does not have yet (office manager).
Result<std::vector<Event>> seed_catalogue(const CommandContext& ctx, const State& state, const Catalogue& catalogue);
// A return visit [3-4.5.1]; a complaint heard on it becomes a complaint (ComplaintSource
// return_visit) linked both ways [3-4.5.2].
Result<std::vector<Event>> record_return_visit(const CommandContext& ctx, const State& state,
                                               ReturnVisitRecorded visit, const std::string& complaint_text);
// Conveniences over field edits.
Result<std::vector<Event>> edit_field(const CommandContext& ctx, const State& state, RecordKind kind,
                                      const std::string& record, const std::string& field, FieldValue value);
Result<std::vector<Event>> assign_complaint(const CommandContext& ctx, const State& state,
                                            const std::string& complaint_id, const std::string& person_id);
Result<std::vector<Event>> resolve_conflict(const CommandContext& ctx, const State& state, const FieldKey& key,
                                            const EventId& chosen);

// A device's desk: runs commands against a Ledger and appends what they return.
class Desk {
public:
    Desk(Ledger& ledger, HlcClock& clock, std::string device)
        : ledger_(&ledger), clock_(&clock), device_(std::move(device)) {}
    Result<std::vector<Event>> run(const Actor& actor, Payload proposed);
    Result<std::vector<Event>> run_all(const Actor& actor, std::vector<Payload> proposed);
    // For the composite commands above: build with context(), then commit().
    CommandContext context(const Actor& actor) const { return CommandContext{actor, device_, clock_}; }
    Result<std::vector<Event>> commit(Result<std::vector<Event>> result);
    const State& state() const { return ledger_->state(); }
    Ledger& ledger() { return *ledger_; }
    const std::string& device() const { return device_; }

private:
    Ledger* ledger_;
    HlcClock* clock_;
    std::string device_;
};

}  // namespace bianmin
