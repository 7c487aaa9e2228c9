#include "bianmin/event.hpp"

#include <array>

namespace bianmin {
namespace {

constexpr std::array<std::string_view, kEventTypeCount> kEventTypeNames = {
    "estate_created", "staff_registered", "staff_deactivated", "device_registered", "device_revoked",
    "building_added", "household_registered", "resident_registered",
    "field_edited", "conflict_resolved",
    "item_defined", "survey_opened", "survey_answered", "survey_closed", "price_table_drafted",
    "price_table_revised", "price_table_submitted", "price_table_approved", "price_table_rejected",
    "price_table_published",
    "below_break_even_reported", "break_even_measure_recorded", "item_stop_requested", "item_stop_decided",
    "entrustment_registered", "entrustment_signed", "service_requested", "request_handed_on",
    "delivery_logged", "delivery_confirmed", "service_stopped",
    "payment_received", "fee_collected", "handover_received", "money_reversed", "settlement_paid",
    "problem_reported", "problem_escalated", "problem_decided", "complaint_recorded", "complaint_answered",
    "complaint_closed", "return_visit_recorded", "quality_evaluated", "water_stock_received",
    "signed_in", "signed_out", "leave_requested", "leave_decided", "violation_recorded",
    "violation_withdrawn", "annual_rating_recorded",
    "pin_set",
};

// Spot checks that the enum, the variant and the name table line up.
static_assert(event_type_of<EstateCreated>() == EventType::estate_created);
static_assert(event_type_of<ConflictResolved>() == EventType::conflict_resolved);
static_assert(event_type_of<PriceTablePublished>() == EventType::price_table_published);
static_assert(event_type_of<ItemStopDecided>() == EventType::item_stop_decided);
static_assert(event_type_of<ServiceStopped>() == EventType::service_stopped);
static_assert(event_type_of<SettlementPaid>() == EventType::settlement_paid);
static_assert(event_type_of<WaterStockReceived>() == EventType::water_stock_received);
static_assert(event_type_of<AnnualRatingRecorded>() == EventType::annual_rating_recorded);
static_assert(event_type_of<PinSet>() == EventType::pin_set);

}  // namespace

// The one place the variant's special members are instantiated (see event.hpp).
Payload::Payload() = default;
Payload::Payload(const Payload&) = default;
Payload::Payload(Payload&&) noexcept = default;
Payload& Payload::operator=(const Payload&) = default;
Payload& Payload::operator=(Payload&&) noexcept = default;
Payload::~Payload() = default;
bool operator==(const Payload& a, const Payload& b) {
    return static_cast<const PayloadVariant&>(a) == static_cast<const PayloadVariant&>(b);
}

std::string_view to_string(EventType type) {
    auto index = std::size_t(type);
    return index < kEventTypeNames.size() ? kEventTypeNames[index] : std::string_view("?");
}

std::optional<EventType> event_type_from_string(std::string_view name) {
    for (std::size_t i = 0; i < kEventTypeNames.size(); ++i)
        if (kEventTypeNames[i] == name) return EventType(i);
    return std::nullopt;
}

std::ostream& operator<<(std::ostream& os, EventType type) { return os << to_string(type); }

std::ostream& operator<<(std::ostream& os, const Event& event) {
    return os << to_string(event.type()) << " " << event.id << " @" << event.hlc << " by " << event.actor;
}

bool is_money_event(EventType type) {
    switch (type) {
        case EventType::payment_received:
        case EventType::fee_collected:
        case EventType::handover_received:
        case EventType::money_reversed:
        case EventType::settlement_paid: return true;
        default: return false;
    }
}

}  // namespace bianmin
