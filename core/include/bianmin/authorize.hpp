// Authorization — may this actor, in this role, on this device, emit this event at all?
//
// The static half of the permission model (the business rules are in the commands'
// checks). It is enforced three times: by every command before it emits, by the
// projection when replaying any event (an unauthorized event is skipped and listed as
// an anomaly), and by the import path of the sync issue on every imported event — so a
// forged bundle from a resident device carrying a payment, a staff action or another
// household's record is refused.
//
// Rules, in order (error codes "auth.*"):
//  1. The estate must exist, except for estate_created (which must be the first).
//  2. The device (event id) must be registered and not revoked. A resident device may
//     only carry events by residents of its own household.
//  3. A staff role needs an active staff member holding that role; the resident role
//     needs a registered resident.
//  4. The role must be allowed to emit the event type (SPEC's table; role_may_emit);
//     for field edits, to edit that field (fields.hpp); a PIN (pin_set) of someone else
//     only by an office manager.
//  5. A resident may only touch their own household's records (event_household).
#pragma once

#include <cstdint>
#include <string>

#include "bianmin/errors.hpp"
#include "bianmin/event.hpp"
#include "bianmin/state.hpp"

namespace bianmin {

Errors authorize(const Event& event, const State& state);

// The role table of SPEC "People and what each may do", by event type.
bool role_may_emit(Role role, EventType type);
std::uint32_t roles_allowed(EventType type);  // role_bit()s

// The household an event concerns ("" when none): the scope check for residents, and
// what a resident device may receive (sync).
std::string event_household(const Event& event, const State& state);

// What a resident device may hold: public events (estate, items, published price
// tables, surveys), its own household's events, nothing internal (staff, devices of
// others, cash handovers, assessment, problems, break-even).
enum class Visibility : std::uint8_t { everyone, household, internal };
Visibility visibility(const Event& event, const State& state);

}  // namespace bianmin
