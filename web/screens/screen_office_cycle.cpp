// Office manager: the opinion survey and the price tables [1-4.1, 1-4.2, 3-4.1].
//
// Index
// [SECTION] Opening a survey
// [SECTION] A survey's summary and closing it
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
    if (ui::primary_button("office.survey.open")) {
        SurveyOpened opened;
        opened.title = draft.title;
        opened.item_ids = draft.items;
        const std::string& y = draft.year;
        const bool digits = !y.empty() && y.size() <= 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) {
            draft.form.fail("survey.bad_year", "year", "office.survey.year_invalid");
        } else {
            opened.year = std::stoll(y);
            if (draft.form.submit(session::run(opened), "office.survey.opened")) {
                draft.title.clear();
                draft.items.clear();
            }
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

void draw_survey_summary(SurveyView& view) {
    const State& s = session::state();
    ui::heading("office.survey.list_heading");
    if (s.surveys.empty()) {
        ui::hint("office.survey.none");
        return;
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
}

}  // namespace

void draw_surveys() {
    static NewSurvey draft;
    static SurveyView view;
    draw_survey_summary(view);
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
