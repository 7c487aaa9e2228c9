// Queries over State — what the office asks of the records.
//
// Read-only helpers used by commands, reports, the CLI and the UI. Anything that
// depends on "now" takes it as an argument (from the injected Clock).
//
// Index
// [SECTION] Time and labels
// [SECTION] Price tables and charges
// [SECTION] Subscribers and forms
// [SECTION] Requests and return visits
// [SECTION] Staff cash and hand-over to finance
// [SECTION] Surveys
// [SECTION] Conflicts
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bianmin/state.hpp"

namespace bianmin {

//-----------------------------------------------------------------------------
// [SECTION] Time and labels
//-----------------------------------------------------------------------------

inline YearMonth month_at(const State& s, std::int64_t ms) { return local_month(ms, s.settings.tz_offset_minutes); }
inline LocalDate date_at(const State& s, std::int64_t ms) { return local_date(ms, s.settings.tz_offset_minutes); }
// "3栋-1201" style label of a household: building and room.
std::string household_label(const State& s, const std::string& household_id);
std::string staff_name(const State& s, const std::string& person_id);  // id when unknown
std::string item_name_zh(const State& s, const std::string& item_id);
std::string item_name_en(const State& s, const std::string& item_id);
inline std::string pair_key(const std::string& a, const std::string& b) { return a + "|" + b; }

//-----------------------------------------------------------------------------
// [SECTION] Price tables and charges
//-----------------------------------------------------------------------------

// The table in effect now: the last one published. nullptr before any publication.
const PriceTableRecord* current_price_table(const State& s);
// The table in effect at an instant: the last published at or before it.
const PriceTableRecord* price_table_at(const State& s, std::int64_t at_ms);
const PriceRow* price_row_at(const State& s, const std::string& item_id, std::int64_t at_ms);
const PriceRow* current_price_row(const State& s, const std::string& item_id);
// What a delivery of `quantity` costs under a row: price × quantity for per-use and
// one-off items; zero for free items and monthly items (paid by the month).
Fen delivery_charge(const PriceRow& row, std::int64_t quantity);
// The version number the next price table drafted for a year gets: 1 + the highest.
std::int64_t next_price_table_version(const State& s, std::int64_t year);
// Break-even suggestion for drafting: the least number of subscribers whose monthly
// revenue covers the monthly cost (0 when the revenue per subscriber is zero).
std::int64_t suggested_break_even(Fen monthly_cost, Fen revenue_per_subscriber_month);

//-----------------------------------------------------------------------------
// [SECTION] Subscribers and forms
//-----------------------------------------------------------------------------

// The list of long-term subscribers of an item [1-4.6]: signed long-term forms not
// stopped at that instant, ordered by household.
std::vector<const FormRecord*> subscribers(const State& s, const std::string& item_id, std::int64_t at_ms);
std::int64_t subscriber_count(const State& s, const std::string& item_id, std::int64_t at_ms);
// The households that count towards an item's break-even number in a month [1-4.13]: its
// long-term subscribers at `at_ms`, and the households whose signed one-off form for the
// item falls between `month_start_ms` and `at_ms`. Items served one order at a time
// (venue, rental agency, advertisement) have no long-term subscribers; counted by those
// alone they were below break-even every month whatever they earned.
std::int64_t break_even_households(const State& s, const std::string& item_id, std::int64_t month_start_ms,
                                   std::int64_t at_ms);
// The household's open (not stopped) long-term form for an item, or nullptr.
const FormRecord* open_form(const State& s, const std::string& household_id, const std::string& item_id);
// Forms of a household (its service file [3-4.2.6]), by registration order.
std::vector<const FormRecord*> forms_of_household(const State& s, const std::string& household_id);
// For monthly items: the whole months billed from signing until `at_ms` (or the stop).
std::int64_t months_billed(const State& s, const FormRecord& form, std::int64_t at_ms);
// What a household still owes on a form at an instant (monthly items: months billed ×
// price − fees paid; others: charges not covered by prepayment or fees).
Fen amount_due(const State& s, const FormRecord& form, std::int64_t at_ms);
// Forms stopped but not yet settled (deposit or prepayment still held).
std::vector<const FormRecord*> unsettled_stopped_forms(const State& s);

//-----------------------------------------------------------------------------
// [SECTION] Requests and return visits
//-----------------------------------------------------------------------------

// The promised time of an item in hours: its own, else the estate default.
std::int64_t promised_hours(const State& s, const std::string& item_id);
std::vector<const RequestRecord*> overdue_requests(const State& s, std::int64_t now_ms);
std::vector<const RequestRecord*> requests_owned_by(const State& s, const std::string& person_id);

struct VisitDue {
    std::string household_id, item_id;
    std::int64_t last_delivery_ms = 0, last_visit_ms = 0;  // 0 = never visited
};
// Delivered services whose last return visit (if any) is older than the interval.
std::vector<VisitDue> return_visits_due(const State& s, std::int64_t now_ms);

//-----------------------------------------------------------------------------
// [SECTION] Staff cash and hand-over to finance
//-----------------------------------------------------------------------------

// Per staff member: what they collected, what finance received (expected and counted),
// and the cash they still hold. `overdue` when some of it is older than the hand-over
// limit. Reconciles when collected == handed_over_expected + on_hand.
struct StaffCash {
    std::string person_id, name;
    Fen collected, handed_over_expected, handed_over_counted, discrepancy, on_hand;
    std::int64_t collections = 0, handovers = 0;
    std::int64_t oldest_unhanded_ms = 0;
    bool overdue = false;
    friend bool operator==(const StaffCash&, const StaffCash&) = default;
};
std::vector<StaffCash> staff_cash(const State& s, std::int64_t now_ms);
std::int64_t oldest_unhanded_ms(const State& s, const std::string& person_id);  // 0 = none

//-----------------------------------------------------------------------------
// [SECTION] Surveys
//-----------------------------------------------------------------------------

// The per-item summary of an opinion survey [1-4.1, 3-4.1.3].
struct SurveyItemSummary {
    std::string item_id;
    std::int64_t responses = 0;        // households that answered about the item
    std::int64_t wanted = 0;           // of them, how many want it
    std::int64_t times_per_month = 0;  // total wanted frequency
    std::int64_t satisfaction_sum = 0, satisfaction_count = 0;
    // Average satisfaction × 10, rounded down (e.g. 43 = 4.3); 0 when nobody rated it.
    std::int64_t satisfaction_x10() const { return satisfaction_count ? satisfaction_sum * 10 / satisfaction_count : 0; }
};
std::vector<SurveyItemSummary> survey_summary(const State& s, const std::string& survey_id);

//-----------------------------------------------------------------------------
// [SECTION] Conflicts
//-----------------------------------------------------------------------------

// Every field with concurrent edits, in key order, with all candidate values.
std::vector<Conflict> conflicts(const State& s);
// The history of one field (nullptr when never edited).
const FieldHistory* field_history(const State& s, const FieldKey& key);

}  // namespace bianmin
