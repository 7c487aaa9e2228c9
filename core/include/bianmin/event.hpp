// Events — the append-only log that is Bianmin's source of truth.
//
// An Event is an immutable record: who (actor) did what (type + typed payload) on which
// device (id.device, id.seq) and when (hybrid logical clock). The state of the estate is
// a projection of the events (projection.hpp). Events are never edited or deleted.
//
// Total order: (hlc.wall_ms, hlc.counter, id.device, id.seq). Every device sorts the same
// events the same way, so every device computes the same state.
//
// EventType and the Payload variant list the same types in the same order:
// type() is simply payload.index().
//
// Payload is a std::variant of 53 types behind a class whose copy, move, destruction and
// comparison are compiled once, in event.cpp. As a plain alias every file that copied or
// destroyed an Event instantiated and optimised the variant's 53-way tables again: the
// largest single item of a core batch's compile profile (clang -ftime-trace); compiled
// once, the native build took 180 s instead of 203 s (28 Nov 2026).
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>
#include <type_traits>
#include <variant>

#include "bianmin/hlc.hpp"
#include "bianmin/payloads.hpp"

namespace bianmin {

using PayloadVariant = std::variant<
    // estate, people, devices
    EstateCreated, StaffRegistered, StaffDeactivated, DeviceRegistered, DeviceRevoked,
    BuildingAdded, HouseholdRegistered, ResidentRegistered,
    // field edits
    FieldEdited, ConflictResolved,
    // items, surveys, price tables
    ItemDefined, SurveyOpened, SurveyAnswered, SurveyClosed, PriceTableDrafted,
    PriceTableRevised, PriceTableSubmitted, PriceTableApproved, PriceTableRejected,
    PriceTablePublished,
    // break-even
    BelowBreakEvenReported, BreakEvenMeasureRecorded, ItemStopRequested, ItemStopDecided,
    // serving
    EntrustmentRegistered, EntrustmentSigned, ServiceRequested, RequestHandedOn,
    DeliveryLogged, DeliveryConfirmed, ServiceStopped,
    // money
    PaymentReceived, FeeCollected, HandoverReceived, MoneyReversed, SettlementPaid,
    // problems, complaints, visits, quality, water
    ProblemReported, ProblemEscalated, ProblemDecided, ComplaintRecorded, ComplaintAnswered,
    ComplaintClosed, ReturnVisitRecorded, QualityEvaluated, WaterStockReceived,
    // staff
    SignedIn, SignedOut, LeaveRequested, LeaveDecided, ViolationRecorded, ViolationWithdrawn,
    AnnualRatingRecorded,
    // sign-in PINs (appended: the index is part of stored data)
    PinSet>;

class Payload : public PayloadVariant {
public:
    using PayloadVariant::PayloadVariant;  // from any payload struct, in_place_index, ...
    Payload();
    Payload(const Payload&);
    Payload(Payload&&) noexcept;
    Payload& operator=(const Payload&);
    Payload& operator=(Payload&&) noexcept;
    ~Payload();
    friend bool operator==(const Payload&, const Payload&);
};

enum class EventType : std::uint8_t {
    estate_created, staff_registered, staff_deactivated, device_registered, device_revoked,
    building_added, household_registered, resident_registered,
    field_edited, conflict_resolved,
    item_defined, survey_opened, survey_answered, survey_closed, price_table_drafted,
    price_table_revised, price_table_submitted, price_table_approved, price_table_rejected,
    price_table_published,
    below_break_even_reported, break_even_measure_recorded, item_stop_requested, item_stop_decided,
    entrustment_registered, entrustment_signed, service_requested, request_handed_on,
    delivery_logged, delivery_confirmed, service_stopped,
    payment_received, fee_collected, handover_received, money_reversed, settlement_paid,
    problem_reported, problem_escalated, problem_decided, complaint_recorded, complaint_answered,
    complaint_closed, return_visit_recorded, quality_evaluated, water_stock_received,
    signed_in, signed_out, leave_requested, leave_decided, violation_recorded, violation_withdrawn,
    annual_rating_recorded,
    pin_set,
    count_  // not a type: the number of types
};
inline constexpr std::size_t kEventTypeCount = std::size_t(EventType::count_);
static_assert(std::variant_size_v<PayloadVariant> == kEventTypeCount, "EventType and Payload disagree");

// "delivery_logged" etc.; event_type_from_string returns nullopt for unknown names.
std::string_view to_string(EventType type);
std::optional<EventType> event_type_from_string(std::string_view name);
std::ostream& operator<<(std::ostream& os, EventType type);

// The EventType of a payload struct, at compile time.
namespace detail {
template <class T, class V>
struct PayloadIndex;
template <class T, class... Ts>
struct PayloadIndex<T, std::variant<Ts...>> {
    static constexpr std::size_t value = [] {
        constexpr bool matches[] = {std::is_same_v<T, Ts>...};
        for (std::size_t i = 0; i < sizeof...(Ts); ++i)
            if (matches[i]) return i;
        return sizeof...(Ts);
    }();
};
}  // namespace detail
template <class T>
constexpr EventType event_type_of() {
    constexpr std::size_t index = detail::PayloadIndex<T, PayloadVariant>::value;
    static_assert(index < kEventTypeCount, "not a payload type");
    return EventType(index);
}

struct Event {
    EventId id;
    Hlc hlc;
    Actor actor;
    Payload payload;

    EventType type() const { return EventType(payload.index()); }
    template <class T>
    const T* as() const { return std::get_if<T>(&payload); }
    friend bool operator==(const Event&, const Event&) = default;
};
std::ostream& operator<<(std::ostream& os, const Event& event);

// The total order of events.
inline bool event_before(const Event& a, const Event& b) {
    if (a.hlc != b.hlc) return a.hlc < b.hlc;
    if (a.id.device != b.id.device) return a.id.device < b.id.device;
    return a.id.seq < b.id.seq;
}

// Money events only accumulate: they never conflict and are applied even when their
// references look odd (the odd part becomes an anomaly).
bool is_money_event(EventType type);

}  // namespace bianmin
