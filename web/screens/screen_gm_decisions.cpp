// General manager: approve or reject submitted price tables with a comment [1-4.1,
// 3-4.1.5]; decide problems escalated to the GM [1-4.10]; approve or refuse stopping an
// item [3-4.3.4]; the quality evaluation per item and period [3-4.5.4].
// The core refuses a decision by whoever drafted the table or asked for the stop; the
// screen shows the core's message. Forms are checked as they are typed in; where a form
// has two answers (approve, reject) the check is the approval's, and the rejection's own
// demands (a reason) are named when it is pressed.
//
// Index
// [SECTION] Price tables
// [SECTION] Escalated problems
// [SECTION] Stopping items
// [SECTION] Quality evaluation
// [SECTION] The screen
#include <string>
#include <vector>

#include "app.h"
#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "runtime/data_month.h"
#include "runtime/record_choices.h"
#include "ui/data_table.h"
#include "ui/fields.h"
#include "ui/price_rows.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

// A chooser over records: returns the chosen id ("" when there is none).
std::string choose(const char* key, int& chosen, const std::vector<std::string>& ids, const std::vector<std::string>& labels) {
    if (ids.empty()) return {};
    if (chosen < 0 || chosen >= int(ids.size())) chosen = 0;
    ui::combo_data(key, &chosen, labels);
    return ids[std::size_t(chosen)];
}

//-----------------------------------------------------------------------------
// [SECTION] Price tables
//-----------------------------------------------------------------------------

void draw_price_tables() {
    static int chosen = 0;
    static std::string comment;
    static session::Form form;
    static ui::PriceRowsSource rows;
    static ui::DataTable table("gm.rows", ui::PriceRowsSource::columns());
    static std::string rows_of;
    static std::uint64_t rows_key = ~0ULL;
    const State& s = session::state();
    std::vector<std::string> ids, labels;
    for (const auto& [id, t] : s.price_tables) {
        if (t.status != PriceTableStatus::submitted) continue;
        ids.push_back(id);
        labels.push_back(i18n::fill("office.editor.which", {std::to_string(t.def.year), std::to_string(t.def.version)}) +
                         " · " + staff_name(s, t.authors.empty() ? "" : t.authors.front()));
    }
    const std::string id = choose("gm.tables.choose", chosen, ids, labels);
    if (id.empty()) {
        ui::hint("gm.tables.none");
        form.show_other_errors({});
        return;
    }
    const PriceTableRecord& t = s.price_tables.at(id);
    ui::label_value("gm.tables.drafted_by", staff_name(s, t.authors.front()) + " " + choices::when_text(s, t.drafted_ms));
    if (!t.def.note.empty()) ui::label_value("gm.tables.note", t.def.note);
    for (const auto& c : t.rejection_comments) ui::label_value("office.editor.gm_rejected", c);
    const std::uint64_t key = session::revision() * 4 + (i18n::current() == i18n::Lang::Zh ? 0 : 1);
    if (rows_of != id || rows_key != key) {
        rows.set(s, t.def.rows, data_month(s, session::now_ms()), session::now_ms());
        rows_of = id;
        rows_key = key;
    }
    table.draw(rows, {.height = ImGui::GetFrameHeightWithSpacing() * 7, .searchable = false,
                      .export_filename = "price-table-review.csv"});
    ui::text_field("gm.tables.comment", comment, form.error("comment"),
                   {.placeholder_key = "gm.tables.comment_placeholder", .max_chars = 500});
    const PriceTableApproved approval{id, comment};
    form.check_as_you_type(approval);
    if (ui::primary_button("gm.tables.approve") && form.submit(session::run(approval), "gm.tables.approved"))
        comment.clear();
    ui::beside_if_room(ui::button_width("gm.tables.reject"));
    if (ui::button("gm.tables.reject") && form.submit(session::run(PriceTableRejected{id, comment}), "gm.tables.rejected"))
        comment.clear();
    form.show_other_errors({"comment"});
}

//-----------------------------------------------------------------------------
// [SECTION] Escalated problems
//-----------------------------------------------------------------------------

void draw_problems() {
    static int chosen = 0;
    static std::string decision;
    static session::Form form;
    const State& s = session::state();
    std::vector<std::string> ids, labels;
    for (const auto& [id, p] : s.problems) {
        if (p.decided || p.level != ProblemLevel::general_manager) continue;
        ids.push_back(id);
        labels.push_back(p.def.summary + " · " + choices::when(s, p.reported_ms));
    }
    const std::string id = choose("gm.problems.choose", chosen, ids, labels);
    if (id.empty()) {
        ui::hint("gm.problems.none");
        form.show_other_errors({});
        return;
    }
    const ProblemRecord& p = s.problems.at(id);
    ui::label_value("gm.problems.summary", p.def.summary);
    ui::label_value("gm.problems.reported_by", staff_name(s, p.reported_by) + " " + choices::when_text(s, p.reported_ms));
    if (!p.def.item_id.empty()) ui::label_value("gm.problems.item", choices::item_name(s, p.def.item_id));
    if (!p.def.household_id.empty()) ui::label_value("gm.problems.household", household_label(s, p.def.household_id));
    for (const Escalation& e : p.escalations)
        ui::label_value("gm.problems.escalated", staff_name(s, e.by) + " · " + std::string(choices::label(e.to)) +
                                                     (e.note.empty() ? "" : " · " + e.note));
    ui::text_field("gm.problems.decision", decision, form.error("decision"), {.multiline = true, .max_chars = 500});
    const ProblemDecided proposed{id, decision};
    form.check_as_you_type(proposed);
    if (ui::primary_button("gm.problems.decide") && form.submit(session::run(proposed), "gm.problems.decided"))
        decision.clear();
    form.show_other_errors({"decision"});
}

//-----------------------------------------------------------------------------
// [SECTION] Stopping items
//-----------------------------------------------------------------------------

void draw_stops() {
    static int chosen = 0;
    static std::string comment;
    static session::Form form;
    const State& s = session::state();
    std::vector<std::string> ids, labels;
    for (const auto& [id, item] : s.items) {
        if (item.status != ItemStatus::stop_requested) continue;
        ids.push_back(id);
        labels.push_back(choices::item_name(s, id));
    }
    const std::string id = choose("gm.stops.choose", chosen, ids, labels);
    if (id.empty()) {
        ui::hint("gm.stops.none");
        form.show_other_errors({});
        return;
    }
    const ItemRecord& item = s.items.at(id);
    ui::label_value("gm.stops.reason", item.stop_reason);
    ui::label_value("gm.stops.requested_by",
                    staff_name(s, item.stop_requested_by) + " " + choices::when(s, item.stop_requested_ms));
    ui::label_value("gm.stops.subscribers", std::to_string(subscriber_count(s, id, session::now_ms())));
    ui::hint("gm.stops.effect");
    ui::text_field("gm.stops.comment", comment, form.error("comment"), {.max_chars = 500});
    const ItemStopDecided approval{id, true, comment};
    form.check_as_you_type(approval);
    if (ui::primary_button("gm.stops.approve") && form.submit(session::run(approval), "gm.stops.approved"))
        comment.clear();
    ui::beside_if_room(ui::button_width("gm.stops.refuse"));
    if (ui::button("gm.stops.refuse") && form.submit(session::run(ItemStopDecided{id, false, comment}), "gm.stops.refused"))
        comment.clear();
    form.show_other_errors({"comment"});
}

//-----------------------------------------------------------------------------
// [SECTION] Quality evaluation
//-----------------------------------------------------------------------------

class Evaluations : public ui::TextRows {
public:
    static std::vector<ui::TableColumn> columns() {
        return {{"gm.quality.col_item"}, {"gm.quality.col_period"}, {"gm.quality.col_rating"},
                {"gm.quality.col_by"}, {"gm.quality.col_comment"}};
    }
    void refresh(const State& s) {
        if (!needs_rebuild(session::revision())) return;
        for (const auto& [k, q] : s.quality)
            rows_.push_back({choices::item_name(s, q.def.item_id), q.def.period, std::string(choices::label(q.def.rating)),
                              staff_name(s, q.evaluator) + " " + choices::when(s, q.ms), q.def.comment});
    }
};

void draw_quality() {
    static int item = 0, rating = 1;
    static std::string period, comment;
    static session::Form form;
    static Evaluations evaluations;
    static ui::DataTable table("gm.quality", Evaluations::columns());
    const State& s = session::state();
    std::vector<std::string> ids, names;
    for (const auto& [id, record] : s.items) {
        ids.push_back(id);
        names.push_back(choices::item_name(s, id));
    }
    if (period.empty())
        period = Period::containing(data_month(s, session::now_ms()), s.settings.assessment_period_months).label();
    ui::heading("gm.quality.heading");
    if (item >= int(ids.size())) item = 0;
    ui::combo_data("gm.quality.item", &item, names);
    ui::text_field("gm.quality.period", period, form.error("period"), {.placeholder_key = "gm.quality.period_placeholder",
                                                                       .width = 8, .max_chars = 8});
    std::vector<std::string> ratings;
    for (const auto& entry : EnumTable<QualityRating>::entries) ratings.emplace_back(choices::label(entry.value));
    ui::combo_data("gm.quality.rating", &rating, ratings);
    ui::text_field("gm.quality.comment", comment, form.error("comment"), {.max_chars = 500});
    if (!ids.empty()) {
        const QualityEvaluated proposed{ids[std::size_t(item)], period, EnumTable<QualityRating>::entries[rating].value, comment};
        form.check_as_you_type(proposed);
        if (ui::primary_button("gm.quality.record") && form.submit(session::run(proposed), "gm.quality.recorded")) comment.clear();
    }
    form.show_other_errors({"period", "comment"});
    evaluations.refresh(s);
    table.draw(evaluations, {.height = ImGui::GetFrameHeightWithSpacing() * 6, .export_filename = "quality.csv"});
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The screen
//-----------------------------------------------------------------------------

void draw_gm_decisions(App&) {
    ui::title("gm.title");
    if (ui::begin_tabs("gm.tabs")) {
        if (ui::tab("gm.tab_tables")) {
            draw_price_tables();
            ui::end_tab();
        }
        if (ui::tab("gm.tab_problems")) {
            draw_problems();
            ui::end_tab();
        }
        if (ui::tab("gm.tab_stops")) {
            draw_stops();
            ui::end_tab();
        }
        if (ui::tab("gm.tab_quality")) {
            draw_quality();
            ui::end_tab();
        }
        ui::end_tabs();
    }
}

}  // namespace bianmin::screens
