// Office manager: the opinion survey and the price tables [1-4.1, 1-4.2, 3-4.1].
// Households that answer on the paper form have their answers typed in here [3-4.1.2].
//
// Index
// [SECTION] Opening a survey
// [SECTION] A survey's summary and closing it
// [SECTION] Paper answers
// [SECTION] The screen
#include <algorithm>
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
#include "screens/screen_office_cycle.h"
#include "screens/screens.h"
#include "runtime/data_month.h"
#include "runtime/record_choices.h"
#include "ui/core_table.h"
#include "ui/fields.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace office_cycle {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Opening a survey
//-----------------------------------------------------------------------------

struct NewSurvey {
    std::string year, title;
    std::vector<std::string> items;  // chosen item ids
    bool prefilled = false;
    session::Form form;
};

void draw_open_survey(NewSurvey& draft) {
    const State& s = session::state();
    if (!draft.prefilled) {
        draft.year = std::to_string(data_month(s, session::now_ms()).year);
        draft.prefilled = true;
    }
    ui::heading("office.survey.open_heading");
    ui::text_field("office.survey.year", draft.year, draft.form.error("year"), {.width = 8, .max_chars = 4});
    ui::text_field("office.survey.title", draft.title, draft.form.error("title"),
                   {.placeholder_key = "office.survey.title_placeholder", .max_chars = 100});
    ui::text("office.survey.items");
    if (const ui::FieldError* e = draft.form.error("item_ids")) ui::error_text(e->message());
    for (const auto& [id, item] : s.items) {
        if (item.status == ItemStatus::stopped) continue;
        ImGui::PushID(id.c_str());
        auto it = std::find(draft.items.begin(), draft.items.end(), id);
        const bool chosen = it != draft.items.end();
        const std::string label = std::string(chosen ? "[x] " : "[ ] ") + choices::item_name(s, id);
        if (ui::selectable_data(label, chosen, id.c_str())) {
            if (chosen) draft.items.erase(it);
            else draft.items.push_back(id);
        }
        ImGui::PopID();
    }
    SurveyOpened opened;
    opened.title = draft.title;
    opened.item_ids = draft.items;
    const std::string& y = draft.year;
    const bool digits = !y.empty() && y.size() <= 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
    opened.year = digits ? std::stoll(y) : 0;
    draft.form.check_as_you_type(opened);
    if (ui::primary_button("office.survey.open")) {
        if (!digits) {
            draft.form.fail("survey.bad_year", "year", "office.survey.year_invalid");
        } else if (draft.form.submit(session::run(opened), "office.survey.opened")) {
            draft.title.clear();
            draft.items.clear();
        }
    }
    draft.form.show_other_errors({"year", "title", "item_ids"});
}

//-----------------------------------------------------------------------------
// [SECTION] A survey's summary and closing it
//-----------------------------------------------------------------------------

struct SurveyView {
    int chosen = -1;
    std::size_t seen_count = 0;  // a new survey is chosen as it appears
    ui::CoreTable summary{"office.survey.summary"};
    session::Form form;
};

// Returns the survey chosen (null when there is none).
const SurveyRecord* draw_survey_summary(SurveyView& view) {
    const State& s = session::state();
    ui::heading("office.survey.list_heading");
    if (s.surveys.empty()) {
        ui::hint("office.survey.none");
        return nullptr;
    }
    std::vector<std::string> ids, labels;
    for (const auto& [id, survey] : s.surveys) {
        ids.push_back(id);
        labels.push_back(std::to_string(survey.def.year) + " · " + survey.def.title + " · " +
                         i18n::tr(survey.closed ? "office.survey.closed_mark" : "office.survey.open_mark"));
    }
    if (ids.size() != view.seen_count || view.chosen < 0 || view.chosen >= int(ids.size())) {
        view.seen_count = ids.size();
        view.chosen = 0;
        for (std::size_t i = 1; i < ids.size(); ++i)
            if (s.surveys.at(ids[i]).opened_ms > s.surveys.at(ids[std::size_t(view.chosen)]).opened_ms) view.chosen = int(i);
    }
    ui::combo_data("office.survey.choose", &view.chosen, labels);
    const std::string& id = ids[std::size_t(view.chosen)];
    const SurveyRecord& survey = s.surveys.at(id);
    ui::label_value("office.survey.responses", i18n::grouped(std::int64_t(survey.answers.size())));
    ui::label_value("office.survey.opened_at", choices::when_text(s, survey.opened_ms));
    if (survey.closed) ui::label_value("office.survey.closed_at", choices::when_text(s, survey.closed_ms));
    if (!survey.closed && ui::button("office.survey.close"))
        view.form.submit(session::run(SurveyClosed{id}), "office.survey.closed");
    view.form.show_other_errors({});
    view.summary.update(ui::core_table_key({session::revision(), std::uint64_t(view.chosen)}),
                        [&](Language lang) { return survey_table(s, id, lang); });
    view.summary.draw({.height = ImGui::GetFrameHeightWithSpacing() * 9, .export_filename = "survey-summary.csv"});
    return &survey;
}

//-----------------------------------------------------------------------------
// [SECTION] Paper answers
//-----------------------------------------------------------------------------

constexpr const char* kSatisfactionKeys[] = {"resident.sat_0", "resident.sat_1", "resident.sat_2",
                                             "resident.sat_3", "resident.sat_4", "resident.sat_5"};

struct PaperAnswer {
    int household = 0;
    std::string survey_seen, household_seen;
    std::vector<SurveyAnswer> answers;  // one per item of the survey
    std::vector<int> times;             // combo index = times per month
    std::string comment;
    session::Form form;
};

// Starts from the household's earlier answer, if any (a new answer replaces it).
void start_paper(PaperAnswer& f, const SurveyRecord& survey, const std::string& household_id) {
    f.survey_seen = survey.def.survey_id;
    f.household_seen = household_id;
    f.answers.clear();
    f.times.clear();
    f.comment.clear();
    const auto earlier = survey.answers.find(household_id);
    for (const auto& item : survey.def.item_ids) {
        SurveyAnswer a{item, false, 0, 0};
        if (earlier != survey.answers.end())
            for (const auto& e : earlier->second.answers)
                if (e.item_id == item) a = e;
        f.answers.push_back(a);
        f.times.push_back(int(std::clamp<std::int64_t>(a.times_per_month, 0, 30)));
    }
    if (earlier != survey.answers.end()) f.comment = earlier->second.comment;
    f.form.clear();
}

void draw_paper_answer(PaperAnswer& f, const SurveyRecord& survey) {
    const State& s = session::state();
    static const std::vector<std::string> kTimes = [] {
        std::vector<std::string> t;
        for (int i = 0; i <= 30; ++i) t.push_back(std::to_string(i));
        return t;
    }();
    ui::heading("office.paper.heading");
    ui::text_wrapped("office.paper.hint");
    const choices::Choices& households = choices::households(s);
    if (households.empty()) return;
    choices::pick("office.paper.household", f.household, households);
    if (const ui::FieldError* e = f.form.error("household_id")) ui::error_text(e->message());
    const std::string household_id = households.id(f.household);
    if (f.survey_seen != survey.def.survey_id || f.household_seen != household_id) start_paper(f, survey, household_id);
    if (survey.answers.count(household_id)) ui::hint("office.paper.replaces");
    for (std::size_t i = 0; i < f.answers.size(); ++i) {
        SurveyAnswer& a = f.answers[i];
        ImGui::PushID(int(i));
        ui::value_text(choices::item_name(s, a.item_id));
        ui::checkbox("office.paper.wanted", &a.wanted);
        int satisfaction = int(std::clamp<std::int64_t>(a.satisfaction, 0, 5));
        if (ui::combo("office.paper.satisfaction", &satisfaction, kSatisfactionKeys)) a.satisfaction = satisfaction;
        ui::combo_data("office.paper.times", &f.times[i], kTimes);
        a.times_per_month = f.times[i];
        ImGui::PopID();
    }
    if (const ui::FieldError* e = f.form.error("answers")) ui::error_text(e->message());
    ui::text_field("office.paper.comment", f.comment, f.form.error("comment"), {.multiline = true, .max_chars = 500});
    f.form.show_other_errors({"household_id", "answers", "comment"});
    const SurveyAnswered proposed{survey.def.survey_id, household_id, f.answers, f.comment};
    f.form.check_as_you_type(proposed);
    if (ui::primary_button("office.paper.save") && f.form.submit(session::run(proposed), "office.paper.saved"))
        f.household_seen.clear();  // start again from what was recorded
}

}  // namespace

void draw_surveys() {
    static NewSurvey draft;
    static SurveyView view;
    static PaperAnswer paper;
    const SurveyRecord* chosen = draw_survey_summary(view);
    if (chosen && !chosen->closed) {
        ImGui::Spacing();
        draw_paper_answer(paper, *chosen);
    }
    ImGui::Spacing();
    draw_open_survey(draft);
}

}  // namespace office_cycle

//-----------------------------------------------------------------------------
// [SECTION] The screen
//-----------------------------------------------------------------------------

void draw_office_cycle(App&) {
    ui::title("office.cycle.title");
    if (ui::begin_tabs("office.cycle.tabs")) {
        if (ui::tab("office.cycle.tab_tables")) {
            office_cycle::draw_price_tables();
            ui::end_tab();
        }
        if (ui::tab("office.cycle.tab_survey")) {
            office_cycle::draw_surveys();
            ui::end_tab();
        }
        ui::end_tabs();
    }
}

}  // namespace bianmin::screens
