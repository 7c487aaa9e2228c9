// Reports — the monthly income report [3-7] (综合服务部收入月报表): income per paid item
// for a chosen month, against the month before and against break-even, as figures, a bar
// chart and a table; and the break-even status of every item [1-4.13, 3-4.3.3]. Every
// table exports to CSV with a byte-order mark (ui::DataTable), the same columns the CLI
// writes (`bianmin report income --csv`), because both come from the core's Table.
//
// [SECTION] Month
// [SECTION] Cached reports
// [SECTION] Income tab
// [SECTION] Break-even tab
// [SECTION] Screen
#include <string>
#include <vector>

#include "app.h"
#include "bianmin/reports.hpp"
#include "bianmin/time.hpp"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/bar_chart.h"
#include "ui/core_table.h"
#include "ui/fields.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Month
//-------------------------------------------------------------------------------------

YearMonth this_month() {
    return local_month(session::now_ms(), session::state().settings.tz_offset_minutes);
}

// The month shown first: this month if money came in, else the latest month that had
// any (a device that was away, or an estate between seasons, still opens on figures).
YearMonth opening_month() {
    const YearMonth now = this_month();
    YearMonth latest = now;
    bool any = false;
    for (const auto& [month, total] : income_by_month(session::state())) {
        if (month > now) continue;
        if (month == now) return now;
        latest = month;
        any = true;
    }
    return any ? latest : now;
}

struct MonthChoice {
    YearMonth month;
    std::string text;  // the field's text, "2024-03"
    bool chosen = false;
};

MonthChoice& month_choice() {
    static MonthChoice choice;
    if (!choice.chosen && session::loaded()) {
        choice.month = opening_month();
        choice.text = to_string(choice.month);
        choice.chosen = true;
    }
    return choice;
}

// The month typed as 2024-03, with ‹ previous and next › beside it.
void draw_month_picker() {
    MonthChoice& choice = month_choice();
    static ui::FieldError invalid;
    const std::optional<YearMonth> typed = parse_year_month(choice.text);
    if (!typed) invalid = ui::field_error_from_key("reports.month_invalid", "month", "reports.month_invalid");
    if (ui::text_field("reports.month", choice.text, typed ? nullptr : &invalid,
                       {.placeholder_key = "reports.month_placeholder", .width = 8, .max_chars = 7})) {
        if (auto month = parse_year_month(choice.text)) choice.month = *month;
    }
    ui::beside_if_room(ui::button_width("reports.previous_month"));
    if (ui::button("reports.previous_month")) {
        choice.month = choice.month.prev();
        choice.text = to_string(choice.month);
    }
    ui::beside_if_room(ui::button_width("reports.next_month"));
    if (ui::button("reports.next_month")) {
        choice.month = choice.month.next();
        choice.text = to_string(choice.month);
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Cached reports
//-------------------------------------------------------------------------------------

// The typed reports of the chosen month, rebuilt when the ledger or the month changes.
struct MonthReports {
    std::uint64_t revision = ~std::uint64_t(0);
    YearMonth month;
    IncomeReport income;
    BreakEvenReport break_even;
};

const MonthReports& reports_for(YearMonth month) {
    static MonthReports cached;
    if (cached.revision != session::revision() || cached.month != month) {
        cached.revision = session::revision();
        cached.month = month;
        cached.income = income_report(session::state(), month);
        cached.break_even = break_even_report(session::state(), month);
    }
    return cached;
}

std::uint64_t month_key(YearMonth month) { return std::uint64_t(month.year) * 100 + std::uint64_t(month.month); }

std::string item_name(const std::string& zh, const std::string& en) {
    return i18n::current() == i18n::Lang::En && !en.empty() ? en : zh;
}

std::string csv_name(const char* prefix, YearMonth month) { return std::string(prefix) + to_string(month) + ".csv"; }

//-------------------------------------------------------------------------------------
// [SECTION] Income tab
//-------------------------------------------------------------------------------------

void draw_income_summary(const IncomeReport& report, const BreakEvenReport& break_even) {
    const float gap = ImGui::GetFontSize() * 2;
    ui::label_value("reports.total_income", i18n::money(report.total));
    ui::label_value_beside("reports.total_last_month", i18n::money(report.total_last_month), gap);
    ui::label_value_beside("reports.change", i18n::money(report.total - report.total_last_month), gap);

    ui::label_value("reports.total_cost", i18n::money(report.total_cost));
    ui::label_value_beside("reports.margin", i18n::money(report.total - report.total_cost), gap);
    ui::text_beside(report.total < report.total_cost ? "reports.status_loss" : "reports.status_break_even", gap);

    const std::size_t flagged = break_even.flagged();
    if (flagged == 0) {
        ui::hint("reports.all_break_even");
    } else {
        ui::error_text(i18n::fill("reports.items_flagged", {std::to_string(flagged)}));
    }
}

void draw_income_chart(const IncomeReport& report) {
    ui::BarChart chart;
    std::vector<double> now, before, cost;
    for (const IncomeRow& row : report.rows) {
        chart.categories.push_back(item_name(row.name_zh, row.name_en));
        now.push_back(double(row.income.value));
        before.push_back(double(row.last_month.value));
        cost.push_back(double(row.monthly_cost.value));
    }
    chart.series = {{"reports.this_month", std::move(now)}, {"reports.last_month", std::move(before)}};
    chart.marks = {"reports.break_even", std::move(cost)};
    chart.format = [](double fen) { return i18n::money(Fen{std::int64_t(fen)}); };
    ui::bar_chart("reports.income_chart", chart, ImVec2(0, ImGui::GetFontSize() * 14));
}

void draw_income_tab(YearMonth month) {
    const MonthReports& reports = reports_for(month);
    draw_income_summary(reports.income, reports.break_even);
    if (reports.income.rows.empty()) {
        ui::hint("reports.no_paid_items");
        return;
    }
    draw_income_chart(reports.income);
    static ui::CoreTable table("reports.income");
    table.update(ui::core_table_key({session::revision(), month_key(month)}),
                 [&](Language language) { return to_table(reports.income, language); });
    table.draw_notes();
    const std::string filename = csv_name("income-", month);
    table.draw({.export_filename = filename.c_str()});
}

//-------------------------------------------------------------------------------------
// [SECTION] Break-even tab
//-------------------------------------------------------------------------------------

void draw_break_even_tab(YearMonth month) {
    const MonthReports& reports = reports_for(month);
    ui::hint("reports.break_even_explained");
    if (reports.break_even.rows.empty()) {
        ui::hint("reports.no_price_table");
        return;
    }
    static ui::CoreTable table("reports.break_even");
    table.update(ui::core_table_key({session::revision(), month_key(month)}),
                 [&](Language language) { return to_table(reports.break_even, language); });
    table.draw_notes();
    const std::string filename = csv_name("breakeven-", month);
    table.draw({.export_filename = filename.c_str()});
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_reports(App&) {
    ui::title("reports.title");
    draw_month_picker();
    const YearMonth month = month_choice().month;
    if (ui::begin_tabs("reports.tabs")) {
        if (ui::tab("reports.tab_income")) {
            draw_income_tab(month);
            ui::end_tab();
        }
        if (ui::tab("reports.tab_break_even")) {
            draw_break_even_tab(month);
            ui::end_tab();
        }
        ui::end_tabs();
    }
}

}  // namespace bianmin::screens
