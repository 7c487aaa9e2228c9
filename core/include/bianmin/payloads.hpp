// Event payloads — one struct per event type, the facts Bianmin records.
//
// A payload is also a command: the UI fills one in and hands it to execute()
// (commands.hpp), which completes the generated fields (ids left empty, computed charges,
// the `supersedes` of an edit), checks permissions and rules, and returns the event(s).
// Field names are the JSON keys (json.hpp); every key is always written.
// "Generated" below means: leave empty, execute() fills it in.
//
// Index
// [SECTION] Estate, people, devices                 (SPEC "People", issue area 1-2)
// [SECTION] Field edits and conflicts                (record fields that may change)
// [SECTION] Service items, surveys, price tables     (SPEC "yearly cycle", areas 3-4)
// [SECTION] Break-even                               (SPEC "Serving" 8, area 6)
// [SECTION] Serving a resident                       (SPEC "Serving" 1-7, area 5)
// [SECTION] Money                                    (never edited: reversed)
// [SECTION] Problems, complaints, visits, quality    (SPEC "Serving" 5-6, 9)
// [SECTION] Staff attendance and assessment          (SPEC [2], area 9)
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bianmin/enums.hpp"
#include "bianmin/money.hpp"
#include "bianmin/time.hpp"
#include "bianmin/values.hpp"

namespace bianmin {

#define BIANMIN_PAYLOAD(T) friend bool operator==(const T&, const T&) = default

//-----------------------------------------------------------------------------
// [SECTION] Estate, people, devices
//-----------------------------------------------------------------------------

// The first event of an estate. Registers its author as the founding office manager
// and its device as the first office device.
struct EstateCreated {
    std::string estate_id, name_zh, name_en;
    std::int64_t tz_offset_minutes = kDefaultTzOffsetMinutes;
    std::string founder_name;
    BIANMIN_PAYLOAD(EstateCreated);
};
struct StaffRegistered {
    std::string person_id, name;
    std::vector<Role> roles;  // never `resident`
    std::string window;       // service window / position; staff with a window are assessed
    std::string phone;
    BIANMIN_PAYLOAD(StaffRegistered);
};
struct StaffDeactivated {
    std::string person_id, reason;
    BIANMIN_PAYLOAD(StaffDeactivated);
};
struct DeviceRegistered {
    std::string device, label;
    DeviceKind kind = DeviceKind::office;
    std::string household_id;  // resident devices only
    BIANMIN_PAYLOAD(DeviceRegistered);
};
struct DeviceRevoked {
    std::string device, reason;
    BIANMIN_PAYLOAD(DeviceRevoked);
};
struct BuildingAdded {
    std::string building_id, name;  // 栋号
    BIANMIN_PAYLOAD(BuildingAdded);
};
struct HouseholdRegistered {
    std::string household_id;  // generated: "<building>-<room>"
    std::string building_id, room, phone, note;
    BIANMIN_PAYLOAD(HouseholdRegistered);
};
struct ResidentRegistered {
    std::string person_id;  // generated when empty
    std::string household_id, name, phone;
    Tenure tenure = Tenure::owner;
    BIANMIN_PAYLOAD(ResidentRegistered);
};

//-----------------------------------------------------------------------------
// [SECTION] Field edits and conflicts
//-----------------------------------------------------------------------------

// A change of one mutable field (fields.hpp lists them). `supersedes` (generated) holds
// the last edit of this field the author's device had seen; two edits where neither
// supersedes the other are a conflict.
struct FieldEdited {
    RecordKind kind = RecordKind::household;
    std::string record, field;
    FieldValue value;
    std::vector<EventId> supersedes;
    BIANMIN_PAYLOAD(FieldEdited);
};
// The office manager's choice between conflicting edits; supersedes (generated) all of
// them, and carries the chosen value (generated from `chosen`).
struct ConflictResolved {
    RecordKind kind = RecordKind::household;
    std::string record, field;
    EventId chosen;
    FieldValue value;
    std::vector<EventId> supersedes;
    BIANMIN_PAYLOAD(ConflictResolved);
};

//-----------------------------------------------------------------------------
// [SECTION] Service items, surveys, price tables
//-----------------------------------------------------------------------------

// A service item of the catalogue (catalogue.hpp) or added by the estate. The prices
// here are defaults for drafting; the published price table is what residents pay.
struct ItemDefined {
    std::string item_id, name_zh, name_en;
    Billing billing = Billing::per_use;  // free = agency item
    std::string unit_zh, unit_en;
    Fen price, deposit, prepayment;
    std::int64_t break_even_subscribers = 0;
    Fen monthly_cost;                    // the item's running cost per month
    std::int64_t promised_hours = 0;     // 0 = the estate's default promised time
    std::vector<RegisterKind> registers; // which of the 11 registers it feeds
    BIANMIN_PAYLOAD(ItemDefined);
};
struct SurveyOpened {
    std::string survey_id;  // generated
    std::int64_t year = 0;
    std::string title;
    std::vector<std::string> item_ids;
    BIANMIN_PAYLOAD(SurveyOpened);
};
struct SurveyAnswer {
    std::string item_id;
    bool wanted = false;
    std::int64_t times_per_month = 0;
    std::int64_t satisfaction = 0;  // 1..5, 0 = did not use it
    BIANMIN_PAYLOAD(SurveyAnswer);
};
// One household's answers; a later answer of the same household replaces it.
struct SurveyAnswered {
    std::string survey_id, household_id;
    std::vector<SurveyAnswer> answers;
    std::string comment;
    BIANMIN_PAYLOAD(SurveyAnswered);
};
struct SurveyClosed {
    std::string survey_id;
    BIANMIN_PAYLOAD(SurveyClosed);
};
struct PriceRow {
    std::string item_id;
    Billing billing = Billing::per_use;
    Fen price;
    std::string unit_zh, unit_en;
    Fen deposit, prepayment;
    std::int64_t break_even_subscribers = 0;
    Fen monthly_cost;
    BIANMIN_PAYLOAD(PriceRow);
};
struct PriceTableDrafted {
    std::string table_id;       // generated
    std::int64_t year = 0;
    std::int64_t version = 0;   // generated: 1, or replaced table's version + 1
    std::string replaces;       // a published table this version will replace, or ""
    std::string survey_id;      // the survey it was drafted from, or ""
    std::vector<PriceRow> rows;
    std::string note;
    BIANMIN_PAYLOAD(PriceTableDrafted);
};
// New rows for a draft or a rejected table (before resubmitting).
struct PriceTableRevised {
    std::string table_id;
    std::vector<PriceRow> rows;
    std::string note;
    BIANMIN_PAYLOAD(PriceTableRevised);
};
struct PriceTableSubmitted {
    std::string table_id;
    BIANMIN_PAYLOAD(PriceTableSubmitted);
};
struct PriceTableApproved {
    std::string table_id, comment;
    BIANMIN_PAYLOAD(PriceTableApproved);
};
struct PriceTableRejected {
    std::string table_id, comment;  // comment required
    BIANMIN_PAYLOAD(PriceTableRejected);
};
struct PriceTablePublished {
    std::string table_id;
    std::vector<PublishChannel> channels;
    BIANMIN_PAYLOAD(PriceTablePublished);
};

//-----------------------------------------------------------------------------
// [SECTION] Break-even
//-----------------------------------------------------------------------------

// Staff tell the office an item fell below break-even [1-4.13].
struct BelowBreakEvenReported {
    std::string report_id;  // generated
    std::string item_id;
    YearMonth month;
    std::string note;
    BIANMIN_PAYLOAD(BelowBreakEvenReported);
};
struct BreakEvenMeasureRecorded {
    std::string measure_id;  // generated
    std::string item_id;
    YearMonth month;
    MeasureKind kind = MeasureKind::more_subscribers;
    std::string note;
    std::string price_table_id;  // price_change: the new table version, drafted first
    BIANMIN_PAYLOAD(BreakEvenMeasureRecorded);
};
struct ItemStopRequested {
    std::string item_id, reason;
    BIANMIN_PAYLOAD(ItemStopRequested);
};
// The general manager's decision; approval stops the item and all its active forms.
struct ItemStopDecided {
    std::string item_id;
    bool approved = false;
    std::string comment;
    BIANMIN_PAYLOAD(ItemStopDecided);
};

//-----------------------------------------------------------------------------
// [SECTION] Serving a resident
//-----------------------------------------------------------------------------

// 委托服务单 [1-4.4]. `details` holds the columns of the item's registers
// (registers.hpp lists the keys each register needs).
struct EntrustmentRegistered {
    std::string form_id;  // generated
    std::string household_id, resident_name, phone, item_id;
    EntrustmentKind kind = EntrustmentKind::long_term;
    RequestChannel channel = RequestChannel::in_person;
    std::map<std::string, std::string> details;
    Signature signature;  // may be given later with EntrustmentSigned
    std::string note;
    BIANMIN_PAYLOAD(EntrustmentRegistered);
};
struct EntrustmentSigned {
    std::string form_id;
    Signature signature;
    BIANMIN_PAYLOAD(EntrustmentSigned);
};
// A request for service with a promised time (时效制/限时办结制). The first staff member
// who takes it owns it (首问责任制) until it is handed on.
struct ServiceRequested {
    std::string request_id;  // generated
    std::string household_id, item_id, form_id;
    RequestChannel channel = RequestChannel::phone;
    std::string detail;
    std::int64_t due_ms = 0;  // generated from the item's promised hours when 0
    BIANMIN_PAYLOAD(ServiceRequested);
};
// Hands a request to another staff member; from nobody (a request made in the app) to
// oneself is "taking" it.
struct RequestHandedOn {
    std::string request_id, to_person, reason;
    BIANMIN_PAYLOAD(RequestHandedOn);
};
// One delivery of service [3-4.3.1]. `charge` is generated: the published price times the
// quantity (zero for free and monthly items); nobody sets their own price.
struct DeliveryLogged {
    std::string delivery_id;  // generated
    std::string household_id, item_id, form_id, request_id;
    std::int64_t quantity = 1;
    Fen charge;
    std::string note;
    BIANMIN_PAYLOAD(DeliveryLogged);
};
// The resident confirms a delivery: in their app, or by signing on the worker's tablet.
struct DeliveryConfirmed {
    std::string delivery_id;
    Signature signature;  // required when a staff member records it
    std::string comment;
    BIANMIN_PAYLOAD(DeliveryConfirmed);
};
// Stopping a long-term service [1-4.12]; the reason is required.
struct ServiceStopped {
    std::string form_id;
    StopReason reason_code = StopReason::other;
    std::string reason;
    BIANMIN_PAYLOAD(ServiceStopped);
};

//-----------------------------------------------------------------------------
// [SECTION] Money
//-----------------------------------------------------------------------------

// Money taken by the cashier (finance) [3-3.5, 3-4.3].
struct PaymentReceived {
    std::string payment_id;  // generated
    std::string household_id, item_id, form_id;
    PaymentKind kind = PaymentKind::fee;
    Fen amount;
    PaymentMethod method = PaymentMethod::cash;
    std::string note;
    BIANMIN_PAYLOAD(PaymentReceived);
};
// A fee collected by a front-desk or service worker at the door; it stays with them
// until handed over to finance [1-4.8].
struct FeeCollected {
    std::string collection_id;  // generated
    std::string household_id, item_id, form_id, delivery_id;
    Fen amount;
    BIANMIN_PAYLOAD(FeeCollected);
};
// The cashier receives a staff member's collections and counts the cash.
struct HandoverReceived {
    std::string handover_id;  // generated
    std::string staff_id;
    std::vector<std::string> collection_ids;
    Fen expected;  // generated: the sum of the collections
    Fen counted;
    std::string note;
    BIANMIN_PAYLOAD(HandoverReceived);
};
// Corrects a money entry by reversing it in full; the original stays in the ledger.
struct MoneyReversed {
    std::string reversal_id;  // generated
    std::string entry_id, reason;
    BIANMIN_PAYLOAD(MoneyReversed);
};
// Settles a stopped form: returns the deposit (or keeps part, with a reason) and
// refunds unused prepayment.
struct SettlementPaid {
    std::string settlement_id;  // generated
    std::string form_id;
    Fen deposit_refund, deposit_retained, prepayment_refund;
    std::string note;
    BIANMIN_PAYLOAD(SettlementPaid);
};

//-----------------------------------------------------------------------------
// [SECTION] Problems, complaints, visits, quality
//-----------------------------------------------------------------------------

struct ProblemReported {
    std::string problem_id;  // generated
    std::string summary, household_id, item_id;
    bool major = false;  // major problems start with the office manager
    BIANMIN_PAYLOAD(ProblemReported);
};
struct ProblemEscalated {
    std::string problem_id, note;
    BIANMIN_PAYLOAD(ProblemEscalated);
};
struct ProblemDecided {
    std::string problem_id, decision;
    BIANMIN_PAYLOAD(ProblemDecided);
};
struct ComplaintRecorded {
    std::string complaint_id;  // generated
    std::string household_id, item_id, text;
    ComplaintSource source = ComplaintSource::direct;
    std::string visit_id;  // when heard on a return visit
    BIANMIN_PAYLOAD(ComplaintRecorded);
};
// (Assigning a complaint is a field edit: complaint.assignee.)
struct ComplaintAnswered {
    std::string complaint_id, answer;
    BIANMIN_PAYLOAD(ComplaintAnswered);
};
struct ComplaintClosed {
    std::string complaint_id;
    std::int64_t satisfaction = 0;  // 1..5
    std::string comment;
    BIANMIN_PAYLOAD(ComplaintClosed);
};
struct ReturnVisitRecorded {
    std::string visit_id;  // generated
    std::string household_id, item_id, form_id;
    std::int64_t satisfaction = 0;  // 1..5
    std::string comment;
    std::string complaint_id;  // the complaint heard on this visit, if any
    BIANMIN_PAYLOAD(ReturnVisitRecorded);
};
struct QualityEvaluated {
    std::string item_id;
    std::string period;  // label of an assessment period, e.g. "2024H1"
    QualityRating rating = QualityRating::good;
    std::string comment;
    BIANMIN_PAYLOAD(QualityEvaluated);
};
// Drinking water delivered to the office by the supplier (stock in).
struct WaterStockReceived {
    std::string receipt_id;  // generated
    std::string item_id;
    std::int64_t quantity = 0;
    std::string supplier;
    Fen unit_cost;
    BIANMIN_PAYLOAD(WaterStockReceived);
};

//-----------------------------------------------------------------------------
// [SECTION] Staff attendance and assessment
//-----------------------------------------------------------------------------

// Sign-in on arrival and sign-out at the end of work [1-1.2, 2-2.3]; the actor is the
// staff member, the time is the event's.
struct SignedIn {
    std::string note;
    BIANMIN_PAYLOAD(SignedIn);
};
struct SignedOut {
    std::string note;
    BIANMIN_PAYLOAD(SignedOut);
};
// Asked for oneself, in advance [2-2.4].
struct LeaveRequested {
    std::string leave_id;  // generated
    LeaveKind kind = LeaveKind::leave;
    std::int64_t from_ms = 0, to_ms = 0;
    std::string reason;
    BIANMIN_PAYLOAD(LeaveRequested);
};
struct LeaveDecided {
    std::string leave_id;
    bool approved = false;
    std::string comment;
    BIANMIN_PAYLOAD(LeaveDecided);
};
struct ViolationRecorded {
    std::string violation_id;  // generated
    std::string person_id;
    std::int64_t conduct_item = 0;  // 1..8
    ViolationSource source = ViolationSource::town_inspection;
    LocalDate found_on;
    std::int64_t extra_months = 0;  // "more serious cases go further"
    std::string note;
    BIANMIN_PAYLOAD(ViolationRecorded);
};
struct ViolationWithdrawn {
    std::string violation_id, reason;
    BIANMIN_PAYLOAD(ViolationWithdrawn);
};
struct AnnualRatingRecorded {
    std::string person_id;
    std::int64_t year = 0;
    AnnualRating rating = AnnualRating::competent;
    std::string comment;
    BIANMIN_PAYLOAD(AnnualRatingRecorded);
};
// A staff member's sign-in PIN, never in clear: the device derives `hash` from the PIN
// and a random `salt` (both base64) with PBKDF2-HMAC-SHA256 over `iterations` rounds.
// The office manager sets anyone's (a new or forgotten PIN); staff may change their own.
// The core checks the shape, not the hash (it never sees the PIN). Internal: never in a
// resident export.
inline constexpr std::string_view kPinAlgorithm = "PBKDF2-SHA256";
inline constexpr std::int64_t kMinPinIterations = 100000;
struct PinSet {
    std::string person_id;
    std::string salt, hash;  // base64
    std::int64_t iterations = 0;
    std::string algorithm;   // kPinAlgorithm
    BIANMIN_PAYLOAD(PinSet);
};

#undef BIANMIN_PAYLOAD

}  // namespace bianmin
