// Desk problems — problems raised and escalated (general → office manager → general
// manager, who decides), complaints through their procedure (recorded, assigned,
// answered, closed with the resident's satisfaction), return visits, and items reported
// below break-even [SPEC "Serving a resident" 5, 6, 8, 9; 1-4.9–4.11, 1-4.13, 3-4.5.1–4.5.3].
//
// Only what the signed-in role may do is offered: escalating and deciding need the level
// the problem is at; assigning a complaint is the office manager's, answering it the
// assignee's (or the office manager's).
//
// [SECTION] Shared pieces
// [SECTION] Problems
// [SECTION] Complaints
// [SECTION] Return visits
// [SECTION] Below break-even
// [SECTION] Screen
#include <algorithm>

#include "app.h"
#include "bianmin/commands.hpp"
#include "bianmin/fields.hpp"
#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/core_table.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Shared pieces
//-------------------------------------------------------------------------------------

constexpr const char* kRatingKeys[] = {"resident.sat_1", "resident.sat_2", "resident.sat_3", "resident.sat_4",
                                       "resident.sat_5"};

// Households and items with a "none" first, for records that may name neither.
choices::Choices optional_households(const State& s) {
    choices::Choices out;
    out.add("", i18n::tr("desk.none"));
    const auto& all = choices::households(s);
    for (int i = 0; i < all.size(); ++i) out.add(all.ids[std::size_t(i)], all.labels[std::size_t(i)]);
    return out;
}
choices::Choices optional_items(const State& s) {
    choices::Choices out;
    out.add("", i18n::tr("desk.none"));
    for (const auto& [id, item] : s.items) out.add(id, choices::item_name(s, id));
    return out;
}

Role my_role() { return session::actor() ? session::actor()->role : Role::resident; }

//-------------------------------------------------------------------------------------
// [SECTION] Problems
//-------------------------------------------------------------------------------------

void draw_report_problem(const State& s) {
    static int household = 0, item = 0;
    static std::string summary;
    static bool major = false;
    static session::Form form;
    ui::heading("desk.problem_heading");
    ui::text_field("desk.problem_summary", summary, form.error("summary"), {.multiline = true, .max_chars = 1000});
    const auto households = optional_households(s);
    choices::pick("desk.problem_household", household, households);
    const auto items = optional_items(s);
    choices::pick("desk.problem_item", item, items);
    ui::checkbox("desk.problem_major", &major);
    form.show_other_errors({"summary"});
    const ProblemReported proposed{"", summary, households.id(household), items.id(item), major};
    form.check_as_you_type(proposed);
    if (ui::primary_button("desk.problem_submit") && form.submit(session::run(proposed), "desk.problem_saved")) {
        summary.clear();
        major = false;
    }
}

// Escalating and deciding share one text: why it goes up, or what was decided. Two
// commands fill it, so it is not checked as typed; each button's submit names what is missing.
void draw_problem_action(const State& s, const std::string& chosen) {
    static std::string note;
    static session::Form form;
    auto it = s.problems.find(chosen);
    if (it == s.problems.end() || it->second.decided) return;
    const ProblemRecord& p = it->second;
    ui::value_text(p.def.summary + " · " + choices::label(p.level));
    const Role role = my_role();
    const bool holds = (p.level == ProblemLevel::general && (role == Role::front_desk || role == Role::office_manager)) ||
                       (p.level == ProblemLevel::manager && role == Role::office_manager) ||
                       (p.level == ProblemLevel::general_manager && role == Role::general_manager);
    if (!holds) {
        ui::hint("desk.problem_not_yours");
        return;
    }
    ui::text_field("desk.problem_note", note, form.error(form.error("decision") ? "decision" : "note"),
                   {.multiline = true, .max_chars = 1000});
    form.show_other_errors({"note", "decision"});
    if (p.level != ProblemLevel::general_manager && ui::button("desk.problem_escalate") &&
        form.submit(session::run(ProblemEscalated{chosen, note}), "desk.problem_escalated"))
        note.clear();
    ui::beside_if_room(ui::button_width("desk.problem_decide"));
    if (ui::button("desk.problem_decide") && form.submit(session::run(ProblemDecided{chosen, note}), "desk.problem_decided"))
        note.clear();
}

void draw_problems(const State& s) {
    static ui::CoreTable table("desk.problems");
    static std::vector<std::string> ids;
    static std::string chosen;
    table.update(ui::core_table_key({session::revision()}), [&](Language) {
        Table t;
        t.columns = {choices::column("date", "desk.col_date", true), choices::column("summary", "desk.col_summary"),
                     choices::column("level", "desk.col_level"), choices::column("by", "desk.col_reported_by"),
                     choices::column("decision", "desk.col_decision")};
        ids.clear();
        for (const auto& [id, p] : s.problems) {
            ids.push_back(id);
            t.add_row({choices::when(s, p.reported_ms), p.def.summary, choices::label(p.level),
                       staff_name(s, p.reported_by), p.decided ? p.decision : i18n::tr("desk.undecided")});
        }
        return t;
    });
    const int clicked = table.draw({.height = ImGui::GetFontSize() * 10, .export_filename = "problems.csv"});
    if (clicked >= 0 && clicked < int(ids.size())) chosen = ids[std::size_t(clicked)];
    draw_problem_action(s, chosen);
}

//-------------------------------------------------------------------------------------
// [SECTION] Complaints
//-------------------------------------------------------------------------------------

void draw_record_complaint(const State& s) {
    static int household = 0, item = 0, source = 1;  // by phone
    static std::string text;
    static session::Form form;
    ui::heading("desk.complaint_heading");
    const auto& households = choices::households(s);
    choices::pick("desk.complaint_household", household, households);
    if (const auto* e = form.error("household_id")) ui::error_text(e->message());
    const auto items = optional_items(s);
    choices::pick("desk.complaint_item", item, items);
    const char* const source_keys[] = {"desk.source_direct", "desk.source_phone"};
    ui::combo("desk.complaint_source", &source, source_keys);
    ui::text_field("desk.complaint_text", text, form.error("text"), {.multiline = true, .max_chars = 1000});
    form.show_other_errors({"household_id", "item_id", "text"});
    const ComplaintRecorded proposed{"", households.id(household), items.id(item), text,
                                     source == 0 ? ComplaintSource::direct : ComplaintSource::phone, ""};
    form.check_as_you_type(proposed);
    if (ui::primary_button("desk.complaint_submit") && form.submit(session::run(proposed), "desk.complaint_saved")) text.clear();
}

void draw_complaints(const State& s, const std::string& me) {
    static ui::CoreTable table("desk.complaints");
    static std::vector<std::string> ids;
    static std::string chosen, answer, comment;
    static int assignee = 0, satisfaction = 3;
    static session::Form assign_form, answer_form, close_form;
    table.update(ui::core_table_key({session::revision()}), [&](Language) {
        Table t;
        t.columns = {choices::column("date", "desk.col_date", true), choices::column("household", "desk.col_household"),
                     choices::column("item", "desk.col_item"), choices::column("text", "desk.col_text"),
                     choices::column("status", "desk.col_status"), choices::column("assignee", "desk.col_assignee")};
        ids.clear();
        for (const auto& [id, c] : s.complaints) {
            ids.push_back(id);
            t.add_row({choices::when(s, c.recorded_ms), household_label(s, c.def.household_id),
                       choices::item_name(s, c.def.item_id), c.def.text, choices::label(c.status),
                       c.assignee.empty() ? "" : staff_name(s, c.assignee)});
        }
        return t;
    });
    const int clicked = table.draw({.height = ImGui::GetFontSize() * 10, .export_filename = "complaints.csv"});
    if (clicked >= 0 && clicked < int(ids.size())) chosen = ids[std::size_t(clicked)];
    auto it = s.complaints.find(chosen);
    if (it == s.complaints.end() || it->second.status == ComplaintStatus::closed) return;
    const ComplaintRecord& c = it->second;
    ui::value_text(household_label(s, c.def.household_id) + " · " + c.def.text + " · " + choices::label(c.status));
    if (c.status == ComplaintStatus::recorded || c.status == ComplaintStatus::assigned) {
        if (my_role() == Role::office_manager) {
            const auto& staff = choices::staff(s, role_bit(Role::front_desk) | role_bit(Role::service_worker) |
                                                     role_bit(Role::office_manager));
            choices::pick("desk.complaint_assignee", assignee, staff);
            // Assigning is a field edit of the complaint (commands.hpp): no single payload to check as typed.
            if (ui::button("desk.complaint_assign"))
                assign_form.submit(session::commit(assign_complaint(session::context(), s, chosen, staff.id(assignee))),
                                   "desk.complaint_assigned");
            assign_form.show_other_errors({});
        }
        if (c.status == ComplaintStatus::recorded) {
            ui::hint("desk.complaint_needs_assignee");
        } else if (c.assignee != me && my_role() != Role::office_manager) {
            ui::value_text_wrapped(i18n::fill("desk.complaint_assigned_to", {staff_name(s, c.assignee)}));
        } else {
            ui::text_field("desk.complaint_answer", answer, answer_form.error("answer"), {.multiline = true, .max_chars = 1000});
            answer_form.show_other_errors({"answer"});
            const ComplaintAnswered proposed{chosen, answer};
            answer_form.check_as_you_type(proposed);
            if (ui::button("desk.complaint_answer_submit") && answer_form.submit(session::run(proposed), "desk.complaint_answered"))
                answer.clear();
        }
    } else if (c.status == ComplaintStatus::answered && session::may_record(EventType::complaint_closed)) {
        ui::combo("desk.complaint_satisfaction", &satisfaction, kRatingKeys);
        ui::text_field("desk.complaint_close_comment", comment, close_form.error("comment"), {.max_chars = 500});
        close_form.show_other_errors({"comment"});
        const ComplaintClosed proposed{chosen, satisfaction + 1, comment};
        close_form.check_as_you_type(proposed);
        if (ui::button("desk.complaint_close") && close_form.submit(session::run(proposed), "desk.complaint_closed"))
            comment.clear();
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Return visits
//-------------------------------------------------------------------------------------

void draw_visits(const State& s) {
    static ui::CoreTable table("desk.visits_due");
    static std::vector<VisitDue> due;
    static int chosen = -1, satisfaction = 4;
    static std::string comment, complaint;
    static session::Form form;
    ui::heading("desk.visits_heading");
    const std::int64_t now = session::now_ms();
    table.update(ui::core_table_key({session::revision(), std::uint64_t(now / 3600000)}), [&](Language) {
        Table t;
        t.columns = {choices::column("household", "desk.col_household"), choices::column("item", "desk.col_item"),
                     choices::column("delivered", "desk.col_last_delivery"), choices::column("visited", "desk.col_last_visit")};
        due = return_visits_due(s, now);
        for (const VisitDue& v : due)
            t.add_row({household_label(s, v.household_id), choices::item_name(s, v.item_id),
                       choices::when(s, v.last_delivery_ms), choices::when(s, v.last_visit_ms)});
        return t;
    });
    const int clicked = table.draw({.height = ImGui::GetFontSize() * 10, .export_filename = "return-visits-due.csv"});
    if (clicked >= 0) chosen = clicked;
    if (chosen < 0 || chosen >= int(due.size())) {
        ui::hint("desk.pick_visit");
        return;
    }
    const VisitDue& v = due[std::size_t(chosen)];
    ui::value_text(household_label(s, v.household_id) + " · " + choices::item_name(s, v.item_id));
    ui::combo("desk.visit_satisfaction", &satisfaction, kRatingKeys);
    ui::text_field("desk.visit_comment", comment, form.error("comment"), {.max_chars = 500});
    ui::text_field("desk.visit_complaint", complaint, form.error("text"),
                   {.placeholder_key = "desk.visit_complaint_placeholder", .max_chars = 1000});
    form.show_other_errors({"comment", "text"});
    ReturnVisitRecorded visit;
    visit.household_id = v.household_id;
    visit.item_id = v.item_id;
    if (const FormRecord* f = open_form(s, v.household_id, v.item_id)) visit.form_id = f->def.form_id;
    visit.satisfaction = satisfaction + 1;
    visit.comment = comment;
    // The visit as typed; a complaint heard on it is checked on submit (record_return_visit).
    form.check_as_you_type(visit);
    if (ui::primary_button("desk.visit_submit")) {
        if (form.submit(session::commit(record_return_visit(session::context(), s, visit, complaint)), "desk.visit_saved")) {
            comment.clear();
            complaint.clear();
            chosen = -1;
        }
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Below break-even
//-------------------------------------------------------------------------------------

// The months a report can be about: this one and the two before.
std::vector<YearMonth> report_months(const State& s, std::int64_t now) {
    const YearMonth month = month_at(s, now);
    return {month, month.prev(), month.prev().prev()};
}

// The items with a break-even number on the price table, each with the households the core
// counts for the month against that number [1-4.13]: "家政服务 · 12/30户 · 低于保本".
const choices::Choices& break_even_items(const State& s, YearMonth month, std::int64_t now) {
    static choices::Choices items;
    static std::uint64_t key = 0;
    const std::int64_t start = month_start_ms(month, s.settings.tz_offset_minutes);
    const std::int64_t at = std::min(now, month_end_ms(month, s.settings.tz_offset_minutes) - 1);
    const std::uint64_t now_key = ui::core_table_key(
        {session::revision(), std::uint64_t(month.year * 100 + month.month), std::uint64_t(at / 60000)});
    if (key == now_key && !items.empty()) return items;
    key = now_key;
    items = {};
    for (const auto& [id, item] : s.items) {
        const PriceRow* row = price_row_at(s, id, at);
        if (!row || row->break_even_subscribers <= 0) continue;
        const std::int64_t served = break_even_households(s, id, start, at);
        std::string label = i18n::fill("desk.break_even_item", {choices::item_name(s, id), std::to_string(served),
                                                                std::to_string(row->break_even_subscribers)});
        if (served < row->break_even_subscribers) label += std::string(" · ") + i18n::tr("desk.break_even_below");
        items.add(id, label);
    }
    return items;
}

void draw_break_even_report(const State& s) {
    static int month = 0, item = 0;
    static std::string note;
    static session::Form form;
    ui::heading("desk.break_even_heading");
    ui::hint("desk.break_even_hint");
    const std::int64_t now = session::now_ms();
    const std::vector<YearMonth> months = report_months(s, now);
    std::vector<std::string> month_labels;
    for (const YearMonth& m : months) month_labels.push_back(to_string(m));
    ui::combo_data("desk.break_even_month", &month, month_labels);
    if (const auto* e = form.error("month")) ui::error_text(e->message());
    const YearMonth chosen_month = months[std::size_t(std::clamp(month, 0, int(months.size()) - 1))];
    const auto& items = break_even_items(s, chosen_month, now);
    choices::pick("desk.break_even_item_pick", item, items);
    if (const auto* e = form.error("item_id")) ui::error_text(e->message());
    ui::text_field("desk.break_even_note", note, form.error("note"), {.max_chars = 500});
    form.show_other_errors({"month", "item_id", "note"});
    const BelowBreakEvenReported proposed{"", items.id(item), chosen_month, note};
    form.check_as_you_type(proposed);
    if (ui::primary_button("desk.break_even_submit") && form.submit(session::run(proposed), "desk.break_even_reported"))
        note.clear();
}

// The reports made, newest first: what the office manager takes measures on.
void draw_break_even_reports(const State& s) {
    static ui::CoreTable table("desk.break_even_reports");
    ui::heading("desk.break_even_reports_heading");
    table.update(ui::core_table_key({session::revision()}), [&](Language) {
        Table t;
        t.columns = {choices::column("month", "desk.col_month", true), choices::column("item", "desk.col_item"),
                     choices::column("note", "desk.col_note"), choices::column("by", "desk.col_reported_by"),
                     choices::column("date", "desk.col_date", true)};
        for (auto it = s.break_even_reports.rbegin(); it != s.break_even_reports.rend(); ++it)
            t.add_row({to_string(it->def.month), choices::item_name(s, it->def.item_id), it->def.note, staff_name(s, it->reported_by),
                       choices::when(s, it->ms)});
        return t;
    });
    table.draw({.height = ImGui::GetFontSize() * 9, .export_filename = "below-break-even.csv"});
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_desk_problems(App&) {
    ui::title("nav.desk_problems");
    const State& s = session::state();
    if (!ui::begin_tabs("desk.problem_tabs")) return;
    if (ui::tab("desk.tab_problems")) {
        draw_problems(s);
        if (session::may_record(EventType::problem_reported)) draw_report_problem(s);
        ui::end_tab();
    }
    if (session::may_record(EventType::complaint_answered) && ui::tab("desk.tab_complaints")) {
        draw_complaints(s, session::actor() ? session::actor()->person_id : std::string());
        if (session::may_record(EventType::complaint_recorded)) draw_record_complaint(s);
        ui::end_tab();
    }
    if (session::may_record(EventType::return_visit_recorded) && ui::tab("desk.tab_visits")) {
        draw_visits(s);
        ui::end_tab();
    }
    if (session::may_record(EventType::below_break_even_reported) && ui::tab("desk.tab_break_even")) {
        draw_break_even_report(s);
        draw_break_even_reports(s);
        ui::end_tab();
    }
    ui::end_tabs();
}

}  // namespace bianmin::screens
