// Internal: the business rules of each event type (check) and its effect on State
// (apply). The same check serves commands (errors for the person) and replay
// (anomalies). Per-area files: rules_people.cpp, rules_cycle.cpp, rules_service.cpp,
// rules_money.cpp, rules_staff.cpp. Dispatch and the replay policy: projection.cpp.
#pragma once

#include <string>
#include <string_view>

#include "bianmin/errors.hpp"
#include "bianmin/event.hpp"
#include "bianmin/queries.hpp"
#include "bianmin/state.hpp"

namespace bianmin::rules {

#define BIANMIN_RULES_FOR(T)                                    \
    void check(const State& s, const Event& e, const T& p, Errors& out); \
    void apply(State& s, const Event& e, const T& p);
BIANMIN_RULES_FOR(EstateCreated)
BIANMIN_RULES_FOR(StaffRegistered)
BIANMIN_RULES_FOR(StaffDeactivated)
BIANMIN_RULES_FOR(DeviceRegistered)
BIANMIN_RULES_FOR(DeviceRevoked)
BIANMIN_RULES_FOR(BuildingAdded)
BIANMIN_RULES_FOR(HouseholdRegistered)
BIANMIN_RULES_FOR(ResidentRegistered)
BIANMIN_RULES_FOR(FieldEdited)
BIANMIN_RULES_FOR(ConflictResolved)
BIANMIN_RULES_FOR(ItemDefined)
BIANMIN_RULES_FOR(SurveyOpened)
BIANMIN_RULES_FOR(SurveyAnswered)
BIANMIN_RULES_FOR(SurveyClosed)
BIANMIN_RULES_FOR(PriceTableDrafted)
BIANMIN_RULES_FOR(PriceTableRevised)
BIANMIN_RULES_FOR(PriceTableSubmitted)
BIANMIN_RULES_FOR(PriceTableApproved)
BIANMIN_RULES_FOR(PriceTableRejected)
BIANMIN_RULES_FOR(PriceTablePublished)
BIANMIN_RULES_FOR(BelowBreakEvenReported)
BIANMIN_RULES_FOR(BreakEvenMeasureRecorded)
BIANMIN_RULES_FOR(ItemStopRequested)
BIANMIN_RULES_FOR(ItemStopDecided)
BIANMIN_RULES_FOR(EntrustmentRegistered)
BIANMIN_RULES_FOR(EntrustmentSigned)
BIANMIN_RULES_FOR(ServiceRequested)
BIANMIN_RULES_FOR(RequestHandedOn)
BIANMIN_RULES_FOR(DeliveryLogged)
BIANMIN_RULES_FOR(DeliveryConfirmed)
BIANMIN_RULES_FOR(ServiceStopped)
BIANMIN_RULES_FOR(PaymentReceived)
BIANMIN_RULES_FOR(FeeCollected)
BIANMIN_RULES_FOR(HandoverReceived)
BIANMIN_RULES_FOR(MoneyReversed)
BIANMIN_RULES_FOR(SettlementPaid)
BIANMIN_RULES_FOR(ProblemReported)
BIANMIN_RULES_FOR(ProblemEscalated)
BIANMIN_RULES_FOR(ProblemDecided)
BIANMIN_RULES_FOR(ComplaintRecorded)
BIANMIN_RULES_FOR(ComplaintAnswered)
BIANMIN_RULES_FOR(ComplaintClosed)
BIANMIN_RULES_FOR(ReturnVisitRecorded)
BIANMIN_RULES_FOR(QualityEvaluated)
BIANMIN_RULES_FOR(WaterStockReceived)
BIANMIN_RULES_FOR(SignedIn)
BIANMIN_RULES_FOR(SignedOut)
BIANMIN_RULES_FOR(LeaveRequested)
BIANMIN_RULES_FOR(LeaveDecided)
BIANMIN_RULES_FOR(ViolationRecorded)
BIANMIN_RULES_FOR(ViolationWithdrawn)
BIANMIN_RULES_FOR(AnnualRatingRecorded)
BIANMIN_RULES_FOR(PinSet)
#undef BIANMIN_RULES_FOR

// Whether an event with failed checks is still applied (facts and money: what happened,
// happened) or skipped (decisions and new records). See docs/DOMAIN.md.
bool applies_despite_errors(EventType type);

// ---- helpers shared by the rule files ----------------------------------------------

inline std::int64_t when(const Event& e) { return e.hlc.wall_ms; }
inline const std::string& who(const Event& e) { return e.actor.person_id; }

inline void fail(Errors& out, std::string code, std::string field, std::string zh, std::string en) {
    out.push_back(make_error(std::move(code), std::move(field), std::move(zh), std::move(en)));
}

// Text limits in bytes, one set for the commands and the import's shape check
// (exchange_shape.cpp): units, names of people and places, item and estate names, notes.
inline constexpr std::size_t kUnitText = 50, kShortText = 100, kNameText = 200, kLongText = 2000;

// A generated or given id: 1..64 of [A-Za-z0-9._:-].
void need_id(Errors& out, std::string_view area, std::string_view field, const std::string& value);
// Required text of 1..max bytes.
void need_text(Errors& out, std::string_view code, std::string_view field, const std::string& value,
               std::size_t max, std::string_view what_zh, std::string_view what_en);
// Optional text of at most max bytes.
void limit_text(Errors& out, std::string_view area, std::string_view field, const std::string& value,
                std::size_t max);
// Money within 0..kMaxFen (positive when `positive`).
void need_amount(Errors& out, std::string_view code, std::string_view field, Fen amount, bool positive);
void need_phone(Errors& out, std::string_view code, std::string_view field, const std::string& phone,
                bool required);
void need_signature(Errors& out, std::string_view field, const Signature& signature, bool required);

// Re-reads every edited field of a record into the record (after it is created).
void refresh_fields_of(State& s, RecordKind kind, const std::string& record);
// Records a money line and its effects on the form.
void post_money(State& s, MoneyEntry entry);

void note_anomaly(State& s, const Event& e, const Error& error, bool skipped);

}  // namespace bianmin::rules
