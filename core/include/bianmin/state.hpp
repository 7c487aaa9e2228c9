// State — what the events add up to: the estate's records at the end of the log.
//
// State is only ever built by the projection (projection.hpp) from events; nothing else
// writes it. Everything is in std::map so iteration (and so every report) is in a
// deterministic order. Money records keep every entry; balances are sums.
// Odd events (unknown references, forged or concurrent decisions) are not errors here:
// they are listed in `anomalies`, with the event, and skipped or applied as described in
// docs/DOMAIN.md ("Replay policy").
//
// Index
// [SECTION] Settings
// [SECTION] People, devices, households
// [SECTION] Items, surveys, price tables, break-even
// [SECTION] Serving: forms, requests, deliveries
// [SECTION] Money
// [SECTION] Problems, complaints, visits, quality, water
// [SECTION] Staff attendance and assessment
// [SECTION] State
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bianmin/event.hpp"
#include "bianmin/fields.hpp"

namespace bianmin {

//-----------------------------------------------------------------------------
// [SECTION] Settings
//-----------------------------------------------------------------------------

// The estate's settings: the current values of the estate record's fields
// (fields.hpp). Defaults are SPEC's numbers.
struct Settings {
    std::string name_zh, name_en;
    int tz_offset_minutes = kDefaultTzOffsetMinutes;
    int default_promised_hours = 24;
    int unsynced_warning_days = 7;
    int return_visit_interval_days = 30;
    int handover_limit_days = 1;           // staff hand collected cash to finance within this
    Fen assessment_monthly{30000};         // 300 yuan per person per month [2-3.1]
    std::int64_t deduction_months_town = 1;      // [2-3.2] 1
    std::int64_t deduction_months_public = 1;    // [2-3.2] 1
    std::int64_t deduction_months_county = 3;    // [2-3.2] 2
    std::int64_t deduction_months_city = 9;      // [2-3.2] 3
    std::int64_t deduction_months_province = 12; // [2-3.2] 4
    int assessment_period_months = 6;      // every half year [2-3.1]

    std::int64_t deduction_months(ViolationSource source) const;
    friend bool operator==(const Settings&, const Settings&) = default;
};

//-----------------------------------------------------------------------------
// [SECTION] People, devices, households
//-----------------------------------------------------------------------------

// A staff member's sign-in PIN as the last pin_set left it (never the PIN itself).
struct StaffPin {
    std::string salt, hash;  // base64; empty = no PIN yet
    std::int64_t iterations = 0;
    std::string algorithm;
    std::string set_by;      // who set it last (the person, or the office manager)
    std::int64_t set_ms = 0;
    bool is_set() const { return !hash.empty(); }
    friend bool operator==(const StaffPin&, const StaffPin&) = default;
};
struct StaffRecord {
    std::string person_id, name, phone, window;
    std::vector<Role> roles;
    bool active = true;
    std::int64_t registered_ms = 0, deactivated_ms = 0;
    std::string deactivation_reason;
    StaffPin pin;
    bool has_role(Role role) const;
    friend bool operator==(const StaffRecord&, const StaffRecord&) = default;
};
struct DeviceRecord {
    std::string device, label;
    DeviceKind kind = DeviceKind::office;
    std::string household_id;
    bool revoked = false;
    std::int64_t registered_ms = 0;
    friend bool operator==(const DeviceRecord&, const DeviceRecord&) = default;
};
struct BuildingRecord {
    std::string building_id, name;
    friend bool operator==(const BuildingRecord&, const BuildingRecord&) = default;
};
struct HouseholdRecord {
    std::string household_id, building_id, room, phone, note;
    std::vector<std::string> residents;  // person ids
    std::int64_t registered_ms = 0;
    friend bool operator==(const HouseholdRecord&, const HouseholdRecord&) = default;
};
struct ResidentRecord {
    std::string person_id, household_id, name, phone;
    Tenure tenure = Tenure::owner;
    friend bool operator==(const ResidentRecord&, const ResidentRecord&) = default;
};

//-----------------------------------------------------------------------------
// [SECTION] Items, surveys, price tables, break-even
//-----------------------------------------------------------------------------

struct ItemRecord {
    ItemDefined def;  // field edits update the copy here
    ItemStatus status = ItemStatus::active;
    std::string stop_reason, stop_requested_by, stop_comment;
    std::int64_t defined_ms = 0, stop_requested_ms = 0, stopped_ms = 0;
    std::size_t defined_order = 0;  // position in the log: reports list items in this order
    bool paid() const { return def.billing != Billing::free; }
    bool feeds(RegisterKind r) const;
    friend bool operator==(const ItemRecord&, const ItemRecord&) = default;
};
struct SurveyRecord {
    SurveyOpened def;
    bool closed = false;
    std::int64_t opened_ms = 0, closed_ms = 0;
    std::map<std::string, SurveyAnswered> answers;  // by household; the latest counts
    friend bool operator==(const SurveyRecord&, const SurveyRecord&) = default;
};
struct PriceTableRecord {
    PriceTableDrafted def;  // rows as last revised
    PriceTableStatus status = PriceTableStatus::draft;
    std::vector<std::string> authors;  // everyone who drafted or revised it
    std::string decided_by, decision_comment, published_by, superseded_by;
    std::vector<std::string> rejection_comments;  // every rejection, in order
    std::vector<PublishChannel> channels;
    std::int64_t drafted_ms = 0, submitted_ms = 0, decided_ms = 0, published_ms = 0, superseded_ms = 0;
    const PriceRow* row(const std::string& item_id) const;
    friend bool operator==(const PriceTableRecord&, const PriceTableRecord&) = default;
};
struct BreakEvenReportRecord {
    BelowBreakEvenReported def;
    std::string reported_by;
    std::int64_t ms = 0;
    friend bool operator==(const BreakEvenReportRecord&, const BreakEvenReportRecord&) = default;
};
struct MeasureRecord {
    BreakEvenMeasureRecorded def;
    std::string recorded_by;
    std::int64_t ms = 0;
    friend bool operator==(const MeasureRecord&, const MeasureRecord&) = default;
};

//-----------------------------------------------------------------------------
// [SECTION] Serving: forms, requests, deliveries
//-----------------------------------------------------------------------------

// An entrustment form and its money position.
struct FormRecord {
    EntrustmentRegistered def;
    std::string registered_by;
    std::int64_t registered_ms = 0;
    std::int64_t signed_ms = 0;  // 0 = not signed yet
    bool stopped = false;
    std::int64_t stopped_ms = 0;
    StopReason stop_code = StopReason::other;
    std::string stop_reason, stopped_by;
    // money (fen), kept by the money events
    Fen deposit_paid, deposit_refunded, deposit_retained;
    Fen prepaid, prepayment_used, prepayment_refunded;
    Fen charged;      // all delivery charges
    Fen fees_paid;    // fees at the cashier + collections by staff, for this form
    bool settled = false;
    std::int64_t deliveries = 0, last_delivery_ms = 0;

    bool is_signed() const { return signed_ms != 0; }
    Fen deposit_held() const { return deposit_paid - deposit_refunded - deposit_retained; }
    Fen prepaid_balance() const { return prepaid - prepayment_used - prepayment_refunded; }
    // Charges not drawn from prepayment and not yet paid.
    Fen fees_owed() const { return charged - prepayment_used - fees_paid; }
    bool active_at(std::int64_t ms) const {
        return def.kind == EntrustmentKind::long_term && is_signed() && signed_ms <= ms &&
               registered_ms <= ms && (!stopped || stopped_ms > ms);
    }
    friend bool operator==(const FormRecord&, const FormRecord&) = default;
};
struct Handoff {
    std::string from, to, reason, by;
    std::int64_t ms = 0;
    friend bool operator==(const Handoff&, const Handoff&) = default;
};
struct RequestRecord {
    ServiceRequested def;
    std::string created_by;
    std::int64_t created_ms = 0;
    std::string owner;  // first-contact owner; "" until a staff member takes it
    std::vector<Handoff> handoffs;
    std::int64_t done_ms = 0;  // first delivery for it
    std::string done_by;
    bool done() const { return done_ms != 0; }
    bool overdue_at(std::int64_t now_ms) const { return !done() && now_ms > def.due_ms; }
    bool finished_late() const { return done() && done_ms > def.due_ms; }
    friend bool operator==(const RequestRecord&, const RequestRecord&) = default;
};
struct DeliveryRecord {
    DeliveryLogged def;
    std::string worker;
    std::int64_t ms = 0;
    bool from_prepayment = false;  // its charge draws on the form's prepayment
    std::int64_t confirmed_ms = 0;
    std::string confirmed_by;
    bool signed_on_tablet = false;
    std::string confirm_comment;
    bool confirmed() const { return confirmed_ms != 0; }
    friend bool operator==(const DeliveryRecord&, const DeliveryRecord&) = default;
};

//-----------------------------------------------------------------------------
// [SECTION] Money
//-----------------------------------------------------------------------------

// One line of the money ledger. Effects are signed fen:
//   cash: into the estate (+) or out (−); income: counts in the income reports;
//   deposit: deposits held for residents; prepayment: prepaid balances.
// A reversal has exactly the opposite effects of the entry it reverses.
struct MoneyEntry {
    std::string entry_id;
    EventId event;
    std::int64_t ms = 0;
    MoneyEntryKind kind = MoneyEntryKind::fee;
    std::string household_id, item_id, form_id;
    std::string taken_by;  // cashier, or the staff member who collected it
    Fen cash, income, deposit, prepayment;
    std::string reverses;     // reversal: the entry reversed
    std::string reversed_by;  // the reversal of this entry, if any
    std::string handover_id;  // collection: the handover that took it to finance
    friend bool operator==(const MoneyEntry&, const MoneyEntry&) = default;
};
struct HandoverRecord {
    HandoverReceived def;
    std::string cashier;
    std::int64_t ms = 0;
    Fen discrepancy() const { return def.counted - def.expected; }  // + over, − short
    friend bool operator==(const HandoverRecord&, const HandoverRecord&) = default;
};

//-----------------------------------------------------------------------------
// [SECTION] Problems, complaints, visits, quality, water
//-----------------------------------------------------------------------------

struct Escalation {
    ProblemLevel to = ProblemLevel::manager;
    std::string by, note;
    std::int64_t ms = 0;
    friend bool operator==(const Escalation&, const Escalation&) = default;
};
struct ProblemRecord {
    ProblemReported def;
    std::string reported_by;
    std::int64_t reported_ms = 0;
    ProblemLevel level = ProblemLevel::general;
    std::vector<Escalation> escalations;
    bool decided = false;
    std::string decision, decided_by;
    Role decided_role = Role::front_desk;
    std::int64_t decided_ms = 0;
    friend bool operator==(const ProblemRecord&, const ProblemRecord&) = default;
};
struct ComplaintRecord {
    ComplaintRecorded def;
    std::string recorded_by;
    std::int64_t recorded_ms = 0;
    std::string assignee;  // field complaint.assignee
    ComplaintStatus status = ComplaintStatus::recorded;
    std::string answer, answered_by, close_comment, closed_by;
    std::int64_t answered_ms = 0, closed_ms = 0, satisfaction = 0;
    friend bool operator==(const ComplaintRecord&, const ComplaintRecord&) = default;
};
struct ReturnVisitRecord {
    ReturnVisitRecorded def;
    std::string visitor;
    std::int64_t ms = 0;
    friend bool operator==(const ReturnVisitRecord&, const ReturnVisitRecord&) = default;
};
struct QualityRecord {
    QualityEvaluated def;
    std::string evaluator;
    std::int64_t ms = 0;
    friend bool operator==(const QualityRecord&, const QualityRecord&) = default;
};
// Stock in (+quantity, from a supplier) or out (−quantity, a delivery to a household).
struct WaterMovement {
    std::string ref_id;  // receipt or delivery id
    std::int64_t ms = 0;
    std::string item_id;
    std::int64_t quantity = 0;
    std::string counterparty;  // supplier, or household id
    Fen unit_cost;
    friend bool operator==(const WaterMovement&, const WaterMovement&) = default;
};

//-----------------------------------------------------------------------------
// [SECTION] Staff attendance and assessment
//-----------------------------------------------------------------------------

struct AttendanceDay {
    std::int64_t first_in_ms = 0, last_out_ms = 0;
    std::int64_t sign_ins = 0, sign_outs = 0;
    friend bool operator==(const AttendanceDay&, const AttendanceDay&) = default;
};
struct LeaveRecord {
    LeaveRequested def;
    std::string person_id;
    std::int64_t requested_ms = 0, decided_ms = 0;
    LeaveStatus status = LeaveStatus::pending;
    std::string decided_by, comment;
    friend bool operator==(const LeaveRecord&, const LeaveRecord&) = default;
};
struct ViolationRecord {
    ViolationRecorded def;
    std::string recorded_by;
    std::int64_t ms = 0;
    bool withdrawn = false;
    std::string withdraw_reason;
    friend bool operator==(const ViolationRecord&, const ViolationRecord&) = default;
};
struct RatingRecord {
    AnnualRatingRecorded def;
    std::string rated_by;
    std::int64_t ms = 0;
    friend bool operator==(const RatingRecord&, const RatingRecord&) = default;
};

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------

// Something odd in the log: an event that could not be applied as it stands.
struct Anomaly {
    EventId event;
    EventType type = EventType::estate_created;
    std::string code, message_zh, message_en;
    bool skipped = false;  // the event changed nothing
    friend bool operator==(const Anomaly&, const Anomaly&) = default;
};
std::ostream& operator<<(std::ostream& os, const Anomaly& anomaly);

struct State {
    // estate
    bool has_estate = false;
    std::string estate_id;
    std::int64_t estate_created_ms = 0;
    Settings settings;
    // people, devices, households
    std::map<std::string, StaffRecord> staff;
    std::map<std::string, DeviceRecord> devices;
    std::map<std::string, BuildingRecord> buildings;
    std::map<std::string, HouseholdRecord> households;
    std::map<std::string, ResidentRecord> residents;
    // items and the yearly cycle
    std::map<std::string, ItemRecord> items;
    std::map<std::string, SurveyRecord> surveys;
    std::map<std::string, PriceTableRecord> price_tables;
    std::vector<std::string> published_tables;  // in publication order; last = current
    std::vector<BreakEvenReportRecord> break_even_reports;
    std::vector<MeasureRecord> measures;
    // serving
    std::map<std::string, FormRecord> forms;
    std::map<std::string, RequestRecord> requests;
    std::map<std::string, DeliveryRecord> deliveries;
    // money
    std::vector<MoneyEntry> money;                     // in applied (total) order
    std::map<std::string, std::size_t> money_index;    // entry id -> index in money
    std::map<std::string, HandoverRecord> handovers;
    // problems, complaints, visits, quality, water
    std::map<std::string, ProblemRecord> problems;
    std::map<std::string, ComplaintRecord> complaints;
    std::map<std::string, ReturnVisitRecord> return_visits;
    std::map<std::string, QualityRecord> quality;      // key "item|period"
    std::vector<WaterMovement> water;                  // in applied order
    std::map<std::string, std::int64_t> water_on_hand; // by item
    // staff
    std::map<std::string, std::map<std::int64_t, AttendanceDay>> attendance;  // person -> local day number
    std::map<std::string, LeaveRecord> leaves;
    std::map<std::string, ViolationRecord> violations;
    std::map<std::string, RatingRecord> ratings;       // key "person|year"
    // indexes kept by the projection (derivable from the records above)
    std::map<std::string, std::string> open_forms;         // "household|item" -> long-term form not stopped
    std::map<std::string, std::int64_t> last_delivery_ms;  // "household|item"
    std::map<std::string, std::int64_t> last_visit_ms;     // "household|item"
    std::map<std::string, std::map<std::string, std::int64_t>> unhanded;  // staff -> collection -> ms
    // edits, conflicts
    std::map<FieldKey, FieldHistory> fields;
    std::set<FieldKey> conflicted;
    // the log itself
    std::vector<Anomaly> anomalies;
    std::map<std::string, std::uint64_t> max_seq;  // per device: highest sequence applied
    std::size_t event_count = 0;
    bool has_last = false;
    Hlc last_hlc;     // order key of the last applied event
    EventId last_id;

    friend bool operator==(const State&, const State&) = default;

    // Lookups: nullptr when unknown.
    const StaffRecord* find_staff(const std::string& id) const;
    const HouseholdRecord* find_household(const std::string& id) const;
    const ResidentRecord* find_resident(const std::string& id) const;
    const ItemRecord* find_item(const std::string& id) const;
    const FormRecord* find_form(const std::string& id) const;
    const PriceTableRecord* find_table(const std::string& id) const;
    const MoneyEntry* find_money(const std::string& id) const;
    const DeviceRecord* find_device(const std::string& id) const;
    // The next sequence number for a device's new event.
    std::uint64_t next_seq(const std::string& device) const;
};

}  // namespace bianmin
