// Desk problems — problems raised and escalated (general → office manager → general
// manager, who decides), complaints through their procedure (recorded, assigned,
// answered, closed with the resident's satisfaction), and return visits
// [SPEC "Serving a resident" 5, 6, 9; 1-4.9–4.11, 3-4.5.1–4.5.3].
//
// Only what the signed-in role may do is offered: escalating and deciding need the level
// the problem is at; assigning a complaint is the office manager's (the field table).
//
// [SECTION] Shared pieces
// [SECTION] Problems
// [SECTION] Complaints
// [SECTION] Return visits
// [SECTION] Screen
#include "app.h"
#include "bianmin/authorize.hpp"
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
bool may(EventType type) { return role_may_emit(my_role(), type); }

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
    if (ui::primary_button("desk.problem_submit") &&
        form.submit(session::run(ProblemReported{"", summary, households.id(household), items.id(item), major}),
                    "desk.problem_saved")) {
        summary.clear();
        major = false;
    }
}

void draw_problems(const State& s) {
    static ui::CoreTable table("desk.problems");
    static std::vector<std::string> ids;
    static std::string chosen, note;
    static session::Form form;
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
    auto it = s.problems.find(chosen);
    if (it == s.problems.end() || it->second.decided) return;
    const ProblemRecord& p = it->second;
    ui::value_text(p.def.summary + " · " + choices::label(p.level));
    ui::text_field("desk.problem_note", note, form.error(form.error("decision") ? "decision" : "note"),
                   {.multiline = true, .max_chars = 1000});
    form.show_other_errors({"note", "decision"});
    const Role role = my_role();
    const bool holds = (p.level == ProblemLevel::general && (role == Role::front_desk || role == Role::office_manager)) ||
                       (p.level == ProblemLevel::manager && role == Role::office_manager) ||
                       (p.level == ProblemLevel::general_manager && role == Role::general_manager);
    if (!holds) {
        ui::hint("desk.problem_not_yours");
        return;
    }
    if (p.level != ProblemLevel::general_manager && ui::button("desk.problem_escalate") &&
        form.submit(session::run(ProblemEscalated{chosen, note}), "desk.problem_escalated"))
        note.clear();
    ui::beside_if_room(ui::button_width("desk.problem_decide"));
    if (ui::button("desk.problem_decide") && form.submit(session::run(ProblemDecided{chosen, note}), "desk.problem_decided"))
        note.clear();
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
    form.show_other_errors({"household_id", "text"});
    if (ui::primary_button("desk.complaint_submit") &&
        form.submit(session::run(ComplaintRecorded{"", households.id(household), items.id(item), text,
                                                   source == 0 ? ComplaintSource::direct : ComplaintSource::phone, ""}),
                    "desk.complaint_saved"))
        text.clear();
}

void draw_complaints(const State& s) {
    static ui::CoreTable table("desk.complaints");
    static std::vector<std::string> ids;
    static std::string chosen, answer, comment;
    static int assignee = 0, satisfaction = 3;
    static session::Form form;
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
            if (ui::button("desk.complaint_assign"))
                form.submit(session::commit(assign_complaint(session::context(), s, chosen, staff.id(assignee))),
                            "desk.complaint_assigned");
        }
        if (c.status == ComplaintStatus::assigned) {
            ui::text_field("desk.complaint_answer", answer, form.error("answer"), {.multiline = true, .max_chars = 1000});
            if (ui::button("desk.complaint_answer_submit") &&
                form.submit(session::run(ComplaintAnswered{chosen, answer}), "desk.complaint_answered"))
                answer.clear();
        } else {
            ui::hint("desk.complaint_needs_assignee");
        }
    } else if (c.status == ComplaintStatus::answered) {
        ui::combo("desk.complaint_satisfaction", &satisfaction, kRatingKeys);
        ui::text_field("desk.complaint_close_comment", comment, form.error("comment"), {.max_chars = 500});
        if (ui::button("desk.complaint_close") &&
            form.submit(session::run(ComplaintClosed{chosen, satisfaction + 1, comment}), "desk.complaint_closed"))
            comment.clear();
    }
    form.show_other_errors({"answer", "comment"});
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
    if (ui::primary_button("desk.visit_submit")) {
        ReturnVisitRecorded visit;
        visit.household_id = v.household_id;
        visit.item_id = v.item_id;
        if (const FormRecord* f = open_form(s, v.household_id, v.item_id)) visit.form_id = f->def.form_id;
        visit.satisfaction = satisfaction + 1;
        visit.comment = comment;
        if (form.submit(session::commit(record_return_visit(session::context(), s, visit, complaint)), "desk.visit_saved")) {
            comment.clear();
            complaint.clear();
            chosen = -1;
        }
    }
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
        if (may(EventType::problem_reported)) draw_report_problem(s);
        ui::end_tab();
    }
    if (may(EventType::complaint_answered) && ui::tab("desk.tab_complaints")) {
        draw_complaints(s);
        if (may(EventType::complaint_recorded)) draw_record_complaint(s);
        ui::end_tab();
    }
    if (may(EventType::return_visit_recorded) && ui::tab("desk.tab_visits")) {
        draw_visits(s);
        ui::end_tab();
    }
    ui::end_tabs();
}

}  // namespace bianmin::screens
