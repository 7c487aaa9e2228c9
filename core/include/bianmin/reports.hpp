// Reports — the monthly income report, break-even status, staff assessment, and the
// smaller lists the office works from. Each returns a typed struct (for programs and
// tests) and converts to a Table (table.hpp) for people, the CLI and CSV.
//
// Income is counted on a cash basis (docs/DOMAIN.md): fees and prepayments received
// and fees collected by staff count in the month the money came in; deposits are not
// income (they are held for the resident) except the part kept at settlement; refunds
// of prepayment and reversals count negative in their own month. So the income of all
// months adds up to the income column of the money ledger.
//
// Index
// [SECTION] Monthly income report [3-7]
// [SECTION] Break-even [1-4.13, 3-4.3.3]
// [SECTION] Staff assessment [2]
// [SECTION] Smaller lists
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bianmin/state.hpp"
#include "bianmin/table.hpp"

namespace bianmin {

//-----------------------------------------------------------------------------
// [SECTION] Monthly income report [3-7]
//-----------------------------------------------------------------------------

struct IncomeRow {
    std::string item_id, name_zh, name_en;
    Fen income, last_month;  // this month, the month before
    std::int64_t subscribers = 0, break_even_subscribers = 0;  // at the month's end
    Fen monthly_cost;        // from the price table in effect at the month's end
    Fen margin() const { return income - monthly_cost; }
    Fen change() const { return income - last_month; }
    bool below_break_even() const { return break_even_subscribers > 0 && subscribers < break_even_subscribers; }
    bool loss() const { return income < monthly_cost; }
};
struct IncomeReport {
    YearMonth month;
    std::vector<IncomeRow> rows;  // every paid item, in the order they were defined
    Fen total, total_last_month, total_cost;
    Fen deposits_received, deposits_returned, deposits_held;  // held: at the month's end
    Fen cash_in, cash_out;
};
IncomeReport income_report(const State& s, YearMonth month);
Table to_table(const IncomeReport& report, Language language = Language::zh);
// Income of every month with money in it (month -> total), for totals checks.
std::vector<std::pair<YearMonth, Fen>> income_by_month(const State& s);

//-----------------------------------------------------------------------------
// [SECTION] Break-even [1-4.13, 3-4.3.3]
//-----------------------------------------------------------------------------

struct BreakEvenRow {
    std::string item_id, name_zh, name_en;
    ItemStatus status = ItemStatus::active;
    std::int64_t subscribers = 0, needed = 0;
    Fen price, revenue, cost;
    bool below_subscribers() const { return needed > 0 && subscribers < needed; }
    bool loss() const { return revenue < cost; }
    bool flagged() const { return below_subscribers() || loss(); }
    std::vector<std::string> reports_zh, reports_en;    // staff reports for this item and month
    std::vector<std::string> measures_zh, measures_en;  // the manager's measures
};
struct BreakEvenReport {
    YearMonth month;
    std::vector<BreakEvenRow> rows;  // paid items on the price table in effect at the month's end
    std::size_t flagged() const;
};
BreakEvenReport break_even_report(const State& s, YearMonth month);
Table to_table(const BreakEvenReport& report, Language language = Language::zh);

//-----------------------------------------------------------------------------
// [SECTION] Staff assessment [2]
//-----------------------------------------------------------------------------

struct AssessmentViolation {
    std::string violation_id;
    LocalDate found_on;
    ViolationSource source = ViolationSource::town_inspection;
    std::int64_t conduct_item = 0, months = 0;
    Fen amount;
};
struct AssessmentRow {
    std::string person_id, name, window;
    std::int64_t months_employed = 0;
    Fen base;                   // months employed × monthly amount
    std::vector<AssessmentViolation> violations;  // found in the period
    Fen deductions;             // of this period's violations
    Fen carry_in;               // unused deductions from earlier periods
    Fen payout;                 // base − deductions − carry_in, at least zero
    Fen carry_out;              // what is left to deduct in the next period
    std::int64_t days_signed_in = 0, missing_sign_outs = 0;
    std::int64_t leaves_approved = 0, going_out_approved = 0, leaves_rejected = 0;
    std::int64_t requests_late = 0, requests_overdue = 0;  // promised time missed
    std::optional<QualityRating> worst_quality;  // GM's evaluation of items they served
    bool province_bar = false;  // a province-level violation this year
    std::optional<AnnualRating> annual_rating;  // of the period's year, if recorded
};
struct AssessmentReport {
    Period period;
    Fen monthly;
    std::vector<AssessmentRow> rows;  // window staff, by person id
    Fen total_payout;
};
// now_ms: for requests still open (overdue at min(now, period end)).
AssessmentReport assessment_report(const State& s, const Period& period, std::int64_t now_ms);
Table to_table(const AssessmentReport& report, Language language = Language::zh);
// Window staff (SPEC [2-1]): staff with a window, or front-desk, service or cashier roles.
bool is_window_staff(const StaffRecord& staff);

//-----------------------------------------------------------------------------
// [SECTION] Smaller lists
//-----------------------------------------------------------------------------

Table subscriber_table(const State& s, const std::string& item_id, std::int64_t at_ms, Language language = Language::zh);  // [1-4.6]
Table survey_table(const State& s, const std::string& survey_id, Language language = Language::zh);                       // [3-4.1.3]
Table staff_cash_table(const State& s, std::int64_t now_ms, Language language = Language::zh);                            // [1-4.8]
Table overdue_table(const State& s, std::int64_t now_ms, Language language = Language::zh);                               // [3-4.4.2]
Table conflicts_table(const State& s, Language language = Language::zh);
Table anomalies_table(const State& s, Language language = Language::zh);

}  // namespace bianmin
