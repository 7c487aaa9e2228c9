// Office: break-even per item and month [1-4.13, 3-4.3.3–4.3.4] — subscribers against
// the break-even number and revenue against cost, with the staff's below-break-even
// reports and the measures taken: win more subscribers, change the price (a new table
// version through approval), or stop the item with the general manager's approval.
//
// Index
// [SECTION] The month's figures
// [SECTION] Reports, measures, stop requests
// [SECTION] The screen
#include <string>
#include <vector>

#include "app.h"
#include "bianmin/queries.hpp"
#include "bianmin/reports.hpp"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "runtime/data_month.h"
#include "runtime/record_choices.h"
#include "ui/core_table.h"
#include "ui/fields.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

struct Choice {
    std::vector<std::string> ids, labels;
};

// The paid items on the month's price table.
Choice report_items(const State& s, const BreakEvenReport& report) {
    Choice c;
    for (const BreakEvenRow& row : report.rows) {
        c.ids.push_back(row.item_id);
        c.labels.push_back(choices::item_name(s, row.item_id) + (row.flagged() ? std::string(" · ") + i18n::tr("office.prices.flag_below") : ""));
    }
    return c;
}

//-----------------------------------------------------------------------------
// [SECTION] Reports, measures, stop requests
//-----------------------------------------------------------------------------

void draw_report_form(const std::string& item, YearMonth month) {
    static std::string note;
    static session::Form form;
    ui::heading("office.breakeven.report_heading");
    ui::text_field("office.breakeven.report_note", note, form.error("note"), {.max_chars = 200});
    const BelowBreakEvenReported proposed{"", item, month, note};
    form.check_as_you_type(proposed);
    if (ui::button("office.breakeven.report") && form.submit(session::run(proposed), "office.breakeven.reported"))
        note.clear();
    form.show_other_errors({"note"});
}

void draw_measure_form(const State& s, const std::string& item, YearMonth month) {
    static int kind = 0, table = 0;
    static std::string note;
    static session::Form form;
    ui::heading("office.breakeven.measure_heading");
    std::vector<std::string> kinds;
    for (const auto& e : EnumTable<MeasureKind>::entries) kinds.emplace_back(choices::label(e.value));
    ui::combo_data("office.breakeven.measure_kind", &kind, kinds);
    const MeasureKind measure = EnumTable<MeasureKind>::entries[kind].value;
    std::string table_id;
    if (measure == MeasureKind::price_change) {
        // The new version must be drafted first (office cycle screen); any version listing the item.
        std::vector<std::string> ids, labels;
        for (const auto& [id, t] : s.price_tables) {
            if (!t.row(item) || t.status == PriceTableStatus::superseded) continue;
            ids.push_back(id);
            labels.push_back(i18n::fill("office.editor.which", {std::to_string(t.def.year), std::to_string(t.def.version)}) +
                             " · " + std::string(choices::label(t.status)));
        }
        if (table >= int(ids.size())) table = 0;
        ui::combo_data("office.breakeven.measure_table", &table, labels);
        if (const ui::FieldError* e = form.error("price_table_id")) ui::error_text(e->message());
        if (!ids.empty()) table_id = ids[std::size_t(table)];
        ui::hint("office.breakeven.measure_table_hint");
    } else if (measure == MeasureKind::stop_item) {
        ui::hint("office.breakeven.measure_stop_hint");
    }
    ui::text_field("office.breakeven.measure_note", note, form.error("note"), {.max_chars = 500});
    const BreakEvenMeasureRecorded proposed{"", item, month, measure, note, table_id};
    form.check_as_you_type(proposed);
    if (ui::button("office.breakeven.measure_record") && form.submit(session::run(proposed), "office.breakeven.measure_recorded"))
        note.clear();
    form.show_other_errors({"note", "price_table_id"});
}

void draw_stop_form(const State& s, const std::string& item) {
    static std::string reason;
    static session::Form form;
    ui::heading("office.breakeven.stop_heading");
    const ItemRecord* record = s.find_item(item);
    if (record && record->status != ItemStatus::active) {
        ui::label_value("office.breakeven.item_status", choices::label(record->status));
        if (!record->stop_comment.empty()) ui::label_value("office.breakeven.gm_comment", record->stop_comment);
    }
    ui::text_field("office.breakeven.stop_reason", reason, form.error("reason"), {.max_chars = 500});
    const ItemStopRequested proposed{item, reason};
    form.check_as_you_type(proposed);
    if (ui::button("office.breakeven.stop_request") && form.submit(session::run(proposed), "office.breakeven.stop_requested"))
        reason.clear();
    form.show_other_errors({"reason"});
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The screen
//-----------------------------------------------------------------------------

void draw_office_breakeven(App&) {
    static std::string month_text;
    static int item = 0;
    static ui::CoreTable view("office.breakeven.table");
    const State& s = session::state();
    ui::title("office.breakeven.title");
    if (month_text.empty()) month_text = to_string(data_month(s, session::now_ms()));
    // The month's figures: subscribers vs break-even, revenue vs cost, flags and measures.
    std::optional<YearMonth> month = parse_year_month(month_text);
    ui::FieldError month_error;
    if (!month) month_error = ui::field_error_from_key("break_even.bad_month", "month", "office.lists.month_invalid");
    ui::text_field("office.breakeven.month", month_text, month ? nullptr : &month_error,
                   {.placeholder_key = "office.lists.month_placeholder", .width = 8, .max_chars = 7});
    if (!month) return;
    const BreakEvenReport report = break_even_report(s, *month);
    ui::label_value("office.breakeven.flagged", i18n::grouped(std::int64_t(report.flagged())));
    view.update(ui::core_table_key({session::revision(), std::uint64_t(month->year * 100 + month->month)}),
                [&](Language lang) { return to_table(report, lang); });
    view.draw({.height = ImGui::GetFrameHeightWithSpacing() * 8, .export_filename = "break-even.csv"});

    const bool may_act = session::actor() && session::actor()->role != Role::general_manager;
    const Choice items = report_items(s, report);
    if (!may_act || items.ids.empty()) return;
    ImGui::Spacing();
    if (item >= int(items.ids.size())) item = 0;
    ui::combo_data("office.breakeven.item", &item, items.labels);
    const std::string& item_id = items.ids[std::size_t(item)];
    draw_report_form(item_id, *month);
    draw_measure_form(s, item_id, *month);
    draw_stop_form(s, item_id);
}

}  // namespace bianmin::screens
