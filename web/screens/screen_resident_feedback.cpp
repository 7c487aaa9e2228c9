// Resident feedback — confirm a delivery, complain and close an answered complaint with
// my satisfaction, answer the open opinion survey, see the return visits made to us
// [SPEC "Serving a resident" 3, 6, 9; 3-4.3.1, 1-4.11, 1-4.1, 3-4.5.1].
//
// [SECTION] Shared pieces
// [SECTION] Confirm deliveries
// [SECTION] Complaints
// [SECTION] Survey
// [SECTION] Return visits
// [SECTION] Screen
#include <array>

#include "app.h"
#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/screen_resident.h"
#include "screens/screens.h"
#include "ui/core_table.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Shared pieces
//-------------------------------------------------------------------------------------

constexpr const char* kSatisfactionKeys[] = {"resident.sat_0", "resident.sat_1", "resident.sat_2",
                                             "resident.sat_3", "resident.sat_4", "resident.sat_5"};
// 1..5 only (a complaint or a visit is always rated).
constexpr std::span<const char* const> kRatedKeys{kSatisfactionKeys + 1, 5};

std::uint64_t household_key(const std::string& household) {
    return ui::core_table_key({session::revision(), std::hash<std::string>{}(household)});
}

//-------------------------------------------------------------------------------------
// [SECTION] Confirm deliveries
//-------------------------------------------------------------------------------------

void draw_confirm(const State& s, const ResidentRecord& me) {
    static ui::CoreTable table("resident.deliveries");
    static std::vector<std::string> ids;  // row -> delivery id, as last built
    static std::string chosen, comment;
    static session::Form form;
    ui::heading("resident.confirm_heading");
    table.update(household_key(me.household_id), [&](Language) {
        Table t;
        t.columns = {choices::column("date", "resident.col_date", true), choices::column("item", "resident.col_item"),
                     choices::column("quantity", "resident.col_quantity", true),
                     choices::column("charge", "resident.col_amount_yuan", true),
                     choices::column("status", "resident.col_status")};
        ids.clear();
        for (const auto& [id, d] : s.deliveries) {
            if (d.def.household_id != me.household_id) continue;
            ids.push_back(id);
            t.add_row({choices::when(s, d.ms), choices::item_name(s, d.def.item_id), std::to_string(d.def.quantity),
                       format_yuan_plain(d.def.charge),
                       i18n::tr(d.confirmed() ? "resident.confirmed" : "resident.unconfirmed")});
        }
        return t;
    });
    const int clicked = table.draw({.height = ImGui::GetFontSize() * 10, .export_filename = "my-deliveries.csv"});
    if (clicked >= 0 && clicked < int(ids.size())) chosen = ids[std::size_t(clicked)];
    auto it = s.deliveries.find(chosen);
    if (it == s.deliveries.end()) {
        ui::hint("resident.pick_delivery");
        return;
    }
    ui::label_value("resident.chosen_delivery",
                    choices::when(s, it->second.ms) + " " + choices::item_name(s, it->second.def.item_id));
    ui::text_field("resident.confirm_comment", comment, form.error("comment"), {.max_chars = 500});
    form.show_other_errors({"comment"});
    const DeliveryConfirmed proposed{chosen, {}, comment};
    form.check_as_you_type(proposed);
    if (ui::primary_button("resident.confirm_submit") && form.submit(session::run(proposed), "resident.delivery_confirmed"))
        comment.clear();
}

//-------------------------------------------------------------------------------------
// [SECTION] Complaints
//-------------------------------------------------------------------------------------

void draw_complain(const State& s, const ResidentRecord& me) {
    static int item = 0;
    static std::string text;
    static session::Form form;
    ui::heading("resident.complain_heading");
    choices::Choices items;
    items.add("", i18n::tr("resident.no_item"));
    for (const auto& [id, record] : s.items) items.add(id, choices::item_name(s, id));
    choices::pick("resident.complain_item", item, items);
    ui::text_field("resident.complaint_text", text, form.error("text"), {.multiline = true, .max_chars = 1000});
    form.show_other_errors({"text"});
    const ComplaintRecorded proposed{"", me.household_id, items.id(item), text, ComplaintSource::app, ""};
    form.check_as_you_type(proposed);
    if (ui::primary_button("resident.complain_submit") && form.submit(session::run(proposed), "resident.complained"))
        text.clear();
}

// My complaints with their answers; an answered one I close with my satisfaction [1-4.11].
void draw_my_complaints(const State& s, const ResidentRecord& me) {
    static int chosen = 0, satisfaction = 4;  // index into kRatedKeys: 5 points
    static std::string comment;
    static session::Form form;
    choices::Choices answered;
    bool any = false;
    for (const auto& [id, c] : s.complaints) {
        if (c.def.household_id != me.household_id) continue;
        if (!any) ui::heading("resident.my_complaints");
        any = true;
        ui::value_text(choices::when(s, c.recorded_ms) + " · " + choices::label(c.status) + " · " + c.def.text);
        if (!c.answer.empty()) ui::label_value("resident.answer", c.answer);
        if (c.status == ComplaintStatus::answered) answered.add(id, c.def.text + " · " + choices::when(s, c.recorded_ms));
    }
    if (answered.empty()) return;
    ImGui::Spacing();
    ui::heading("resident.close_heading");
    choices::pick("resident.close_which", chosen, answered);
    ui::combo("resident.close_satisfaction", &satisfaction, kRatedKeys);
    if (const auto* e = form.error("satisfaction")) ui::error_text(e->message());
    ui::text_field("resident.close_comment", comment, form.error("comment"), {.max_chars = 500});
    form.show_other_errors({"satisfaction", "comment"});
    const ComplaintClosed proposed{answered.id(chosen), satisfaction + 1, comment};
    form.check_as_you_type(proposed);
    if (ui::primary_button("resident.close_submit") && form.submit(session::run(proposed), "resident.complaint_closed"))
        comment.clear();
}

//-------------------------------------------------------------------------------------
// [SECTION] Survey
//-------------------------------------------------------------------------------------

struct SurveyDraft {
    std::string survey_id;
    std::vector<SurveyAnswer> answers;
    std::vector<int> times;  // combo index = times per month
    std::string comment;
};

void draw_survey(const State& s, const ResidentRecord& me) {
    static SurveyDraft draft;
    static session::Form form;
    const SurveyRecord* open = nullptr;
    for (const auto& [id, survey] : s.surveys)
        if (!survey.closed) open = &survey;
    if (!open) return;
    ui::heading("resident.survey_heading");
    ui::value_text(open->def.title);
    if (draft.survey_id != open->def.survey_id) {  // start from our earlier answer, if any
        draft = SurveyDraft{open->def.survey_id, {}, {}, ""};
        auto earlier = open->answers.find(me.household_id);
        for (const auto& item : open->def.item_ids) {
            SurveyAnswer a{item, false, 0, 0};
            if (earlier != open->answers.end())
                for (const auto& e : earlier->second.answers)
                    if (e.item_id == item) a = e;
            draft.answers.push_back(a);
            draft.times.push_back(int(a.times_per_month));
        }
    }
    static const std::vector<std::string> kTimes = [] {
        std::vector<std::string> t;
        for (int i = 0; i <= 30; ++i) t.push_back(std::to_string(i));
        return t;
    }();
    for (std::size_t i = 0; i < draft.answers.size(); ++i) {
        SurveyAnswer& a = draft.answers[i];
        ImGui::PushID(int(i));
        ui::value_text(choices::item_name(s, a.item_id));
        ui::checkbox("resident.survey_wanted", &a.wanted);
        int sat = int(a.satisfaction);
        if (ui::combo("resident.survey_satisfaction", &sat, kSatisfactionKeys)) a.satisfaction = sat;
        ui::combo_data("resident.survey_times", &draft.times[i], kTimes);
        a.times_per_month = draft.times[i];
        ImGui::PopID();
    }
    ui::text_field("resident.survey_comment", draft.comment, form.error("comment"), {.multiline = true, .max_chars = 500});
    form.show_other_errors({"comment"});
    const SurveyAnswered proposed{open->def.survey_id, me.household_id, draft.answers, draft.comment};
    form.check_as_you_type(proposed);
    if (ui::primary_button("resident.survey_submit")) form.submit(session::run(proposed), "resident.survey_saved");
}

//-------------------------------------------------------------------------------------
// [SECTION] Return visits
//-------------------------------------------------------------------------------------

// Visits are recorded by the office when it calls back [3-4.5.1]; the resident sees them
// here and answers a bad one with a complaint above.
void draw_visits(const State& s, const ResidentRecord& me) {
    bool any = false;
    for (const auto& [id, v] : s.return_visits) {
        if (v.def.household_id != me.household_id) continue;
        if (!any) {
            ui::heading("resident.visits_heading");
            ui::hint("resident.visits_hint");
        }
        any = true;
        ui::value_text(choices::when(s, v.ms) + " · " + choices::item_name(s, v.def.item_id) + " · " +
                       i18n::tr(kSatisfactionKeys[std::clamp<std::int64_t>(v.def.satisfaction, 0, 5)]) +
                       (v.def.comment.empty() ? "" : " · " + v.def.comment));
    }
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_resident_feedback(App& app) {
    ui::title("nav.resident_feedback");
    const ResidentRecord* me = resident_header(app);
    if (!me) return;
    const State& s = session::state();
    if (!ui::begin_tabs("resident.feedback_tabs")) return;
    if (ui::tab("resident.tab_confirm")) {
        draw_confirm(s, *me);
        ui::end_tab();
    }
    if (ui::tab("resident.tab_complain")) {
        draw_complain(s, *me);
        draw_my_complaints(s, *me);
        ui::end_tab();
    }
    if (ui::tab("resident.tab_survey")) {
        draw_survey(s, *me);
        ImGui::Spacing();
        draw_visits(s, *me);
        ui::end_tab();
    }
    ui::end_tabs();
}

}  // namespace bianmin::screens
