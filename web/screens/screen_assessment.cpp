// Assessment — the staff assessment of the service window [2]: attendance (sign in on
// arrival, sign out at the end of work [1-1.2, 2-2.3]), leave and going out asked for
// in advance and approved [2-2.4], violations found by inspections [2-3.2], the
// half-year payout with unused deductions carried over [2-3.1], the annual rating.
//
// Who does what is the core's permission table (core/src/authorize.cpp): every staff
// member signs themselves in and out and asks for their own leave; the office manager and
// the general manager decide leave; only the assessment group records violations and
// ratings. The screen offers each action to those roles; the core checks anyway. Window
// staff see only the attendance and leave tabs.
//
// [SECTION] Period
// [SECTION] Shared helpers
// [SECTION] Attendance
// [SECTION] Leave and going out
// [SECTION] Screen
#include "screens/screen_assessment.h"

#include <algorithm>
#include <cstdio>

#include "app.h"
#include "bianmin/enums.hpp"
#include "bianmin/payloads.hpp"
#include "bianmin/reports.hpp"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/core_table.h"
#include "ui/fields.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace assessment {
namespace {

int tz() { return session::state().settings.tz_offset_minutes; }

//-------------------------------------------------------------------------------------
// [SECTION] Period
//-------------------------------------------------------------------------------------

struct PeriodChoice {
    Period period;
    std::string text;  // "2024H1" (the label of the estate's period length)
    int months = 0;    // the period length it was chosen for
};

// The period of the latest recorded activity: on a working device that is today's.
Period opening_period(int months) {
    const State& s = session::state();
    const std::int64_t ms = s.has_last ? std::max(s.last_hlc.wall_ms, std::int64_t(0)) : session::now_ms();
    return Period::containing(local_month(std::min(ms, session::now_ms()), tz()), months);
}

PeriodChoice& choice() {
    static PeriodChoice chosen;
    const int months = session::state().settings.assessment_period_months;
    if (chosen.months != months && session::loaded()) {  // first time, or the setting changed
        chosen.months = months;
        chosen.period = opening_period(months);
        chosen.text = chosen.period.label();
    }
    return chosen;
}

void draw_period_picker() {
    PeriodChoice& chosen = choice();
    static ui::FieldError invalid;
    const auto typed = parse_period(chosen.text, chosen.months);
    if (!typed) invalid = ui::field_error_from_key("assessment.period_invalid", "period", "assessment.period_invalid");
    if (ui::text_field("assessment.period", chosen.text, typed ? nullptr : &invalid,
                       {.placeholder_key = "assessment.period_placeholder", .width = 8, .max_chars = 10})) {
        if (auto p = parse_period(chosen.text, chosen.months)) chosen.period = *p;
    }
    ui::beside_if_room(ui::button_width("assessment.previous_period"));
    if (ui::button("assessment.previous_period")) {
        chosen.period = chosen.period.prev();
        chosen.text = chosen.period.label();
    }
    ui::beside_if_room(ui::button_width("assessment.next_period"));
    if (ui::button("assessment.next_period")) {
        chosen.period = chosen.period.next();
        chosen.text = chosen.period.label();
    }
}

}  // namespace

const Period& period() { return choice().period; }

//-------------------------------------------------------------------------------------
// [SECTION] Shared helpers
//-------------------------------------------------------------------------------------

bool records_violations() {
    const auto& actor = session::actor();
    return actor && actor->role == Role::assessment_group;
}

Column column(const char* id, const char* key, bool numeric) {
    const i18n::Entry* entry = i18n::find(key);
    IM_ASSERT(entry && "assessment: column title key missing");
    return Column{id, entry ? entry->zh : key, entry ? entry->en : key, numeric};
}

std::string staff_label(const State& state, const std::string& person_id) {
    const StaffRecord* staff = state.find_staff(person_id);
    return staff ? staff->name + " (" + person_id + ")" : person_id;
}

std::vector<const StaffRecord*> window_staff(const State& state) {
    std::vector<const StaffRecord*> out;
    for (const auto& [id, staff] : state.staff)
        if (staff.active && is_window_staff(staff)) out.push_back(&staff);
    return out;
}

std::string local_date_text(std::int64_t ms) { return to_string(local_date(ms, tz())); }

std::string local_time_text(std::int64_t ms) {
    if (ms == 0) return "";
    const std::int64_t minutes = ((ms + std::int64_t(tz()) * kMsPerMinute) % kMsPerDay + kMsPerDay) % kMsPerDay / kMsPerMinute;
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", int(minutes / 60), int(minutes % 60));
    return local_date_text(ms) + " " + text;
}

namespace {
bool g_side_by_side = false;  // of the panes being drawn
}  // namespace

void begin_form_pane(const char* id) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    g_side_by_side = avail.x > ImGui::GetFontSize() * 40;
    ImGui::BeginChild(id, g_side_by_side ? ImVec2(avail.x * 0.42f, 0) : ImVec2(0, avail.y * 0.55f));
}

void end_form_pane() {
    ImGui::EndChild();
    if (g_side_by_side) ImGui::SameLine();
}

void begin_list_pane(const char* id) { ImGui::BeginChild(id, ImVec2(0, 0)); }
void end_list_pane() { ImGui::EndChild(); }

namespace {

std::int64_t period_start_ms(const Period& p) { return month_start_ms(p.first_month(), tz()); }
std::int64_t period_end_ms(const Period& p) { return month_end_ms(p.last_month(), tz()); }

//-------------------------------------------------------------------------------------
// [SECTION] Attendance
//-------------------------------------------------------------------------------------

// Sign in / sign out for the person using the device, with today's record.
void draw_my_attendance() {
    const auto& actor = session::actor();
    if (!actor || actor->role == Role::resident) return;
    const State& s = session::state();
    const std::int64_t today = days_from_civil(local_date(session::now_ms(), tz()));
    const AttendanceDay* day = nullptr;
    if (auto person = s.attendance.find(actor->person_id); person != s.attendance.end())
        if (auto it = person->second.find(today); it != person->second.end()) day = &it->second;

    ui::heading("assessment.my_attendance");
    if (!day || day->sign_ins == 0) ui::text("assessment.not_signed_in_today");
    else ui::label_value("assessment.signed_in_at", choices::when_text(session::state(), day->first_in_ms));
    if (day && day->sign_outs > 0) ui::label_value("assessment.signed_out_at", choices::when_text(session::state(), day->last_out_ms));

    static session::Form form;
    const bool signed_in = day && day->sign_ins > day->sign_outs;
    if (ui::button_enabled_if("assessment.sign_in", !day || day->sign_ins == 0)) {
        form.submit(session::run(SignedIn{""}), "assessment.signed_in");
    }
    ui::beside_if_room(ui::button_width("assessment.sign_out"));
    if (ui::button_enabled_if("assessment.sign_out", signed_in)) {
        form.submit(session::run(SignedOut{""}), "assessment.signed_out");
    }
    form.show_other_errors({});
}

Table attendance_table(const State& s, const Period& p, Language language) {
    const bool zh = language == Language::zh;
    Table t;
    t.columns = {column("day", "assessment.col.day", true), column("staff", "assessment.col.staff"),
                 column("first_in", "assessment.col.first_in"), column("last_out", "assessment.col.last_out"),
                 column("sign_ins", "assessment.col.sign_ins", true), column("note", "assessment.col.note")};
    const std::int64_t first = days_from_civil(LocalDate{p.first_month().year, p.first_month().month, 1});
    const YearMonth after = p.last_month().next();
    const std::int64_t end = days_from_civil(LocalDate{after.year, after.month, 1});
    const i18n::Entry* missing = i18n::find("assessment.missing_sign_out");
    for (const auto& [person, days] : s.attendance) {
        for (auto it = days.lower_bound(first); it != days.end() && it->first < end; ++it) {
            const AttendanceDay& d = it->second;
            const bool no_sign_out = d.sign_ins > d.sign_outs;
            t.add_row({to_string(civil_from_days(it->first)), staff_label(s, person), local_time_text(d.first_in_ms),
                       local_time_text(d.last_out_ms), std::to_string(d.sign_ins) + "/" + std::to_string(d.sign_outs),
                       no_sign_out && missing ? (zh ? missing->zh : missing->en) : ""});
        }
    }
    return t;
}

}  // namespace

void draw_attendance_tab() {
    draw_my_attendance();
    ui::heading("assessment.attendance_of_period");
    static ui::CoreTable table("assessment.attendance");
    const Period& p = period();
    table.update(ui::core_table_key({session::revision(), std::uint64_t(p.year * 100 + p.index)}),
                 [&](Language language) { return attendance_table(session::state(), p, language); });
    const std::string filename = "attendance-" + p.label() + ".csv";
    table.draw({.export_filename = filename.c_str()});
}

namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Leave and going out
//-------------------------------------------------------------------------------------

// "09:30" -> minutes after midnight; -1 if it is not a time of day.
int parse_time_of_day(const std::string& text) {
    int h = -1, m = -1;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%d:%d%c", &h, &m, &extra) != 2) return -1;
    return h >= 0 && h < 24 && m >= 0 && m < 60 ? h * 60 + m : -1;
}

struct TimeInput {
    ui::DateInput date;
    std::string time = "09:00";
};

// A date and a time of day; the instant, or nothing while either is not valid.
std::optional<std::int64_t> time_fields(const char* date_key, const char* time_key, TimeInput& input,
                                        const ui::FieldError* error) {
    ui::date_field(date_key, input.date, error);
    static ui::FieldError invalid = ui::field_error_from_key("assessment.time_invalid", "", "assessment.time_invalid");
    const int minutes = parse_time_of_day(input.time);
    ui::text_field(time_key, input.time, minutes < 0 ? &invalid : nullptr,
                   {.placeholder_key = "assessment.time_placeholder", .width = 6, .max_chars = 5});
    if (!input.date.value || minutes < 0) return std::nullopt;
    const auto& d = *input.date.value;
    return local_ms(d.year, d.month, d.day, minutes / 60, minutes % 60, tz());
}

void draw_leave_request() {
    static constexpr const char* kKinds[] = {"assessment.kind_leave", "assessment.kind_going_out"};
    static int kind = 0;
    static TimeInput from, to;
    static std::string reason;
    static session::Form form;
    ui::heading("assessment.ask_leave");
    ui::combo("assessment.leave_kind", &kind, kKinds);
    const auto from_ms = time_fields("assessment.leave_from", "assessment.leave_from_time", from, form.error("from_ms"));
    const auto to_ms = time_fields("assessment.leave_to", "assessment.leave_to_time", to, form.error("to_ms"));
    ui::text_field("assessment.leave_reason", reason, form.error("reason"), {.max_chars = 200});
    // A date or time not yet valid goes to the core as 0: the fields say what is wrong.
    const LeaveRequested proposed{"", kind == 0 ? LeaveKind::leave : LeaveKind::going_out, from_ms.value_or(0),
                                  to_ms.value_or(0), reason};
    form.check_as_you_type(proposed);
    if (ui::primary_button("assessment.submit_leave")) {
        if (!from_ms || !to_ms) {
            form.fail("assessment.leave_times", "from_ms", "assessment.leave_times_needed");
        } else if (form.submit(session::run(proposed), "assessment.leave_asked")) {
            reason.clear();
        }
    }
    form.show_other_errors({"from_ms", "to_ms", "reason"});
}

// Pending requests, for the office manager and the general manager to decide.
void draw_leave_decisions() {
    const auto& actor = session::actor();
    if (!actor || (actor->role != Role::office_manager && actor->role != Role::general_manager)) return;
    const State& s = session::state();
    static std::string comment;
    static session::Form form;
    ui::heading("assessment.pending_leave");
    bool any = false;
    for (const auto& [id, leave] : s.leaves) {
        if (leave.status != LeaveStatus::pending) continue;
        any = true;
        ImGui::PushID(id.c_str());
        const bool zh = i18n::current() == i18n::Lang::Zh;
        ui::value_text(staff_label(s, leave.person_id) + " · " +
                       std::string(zh ? label_zh(leave.def.kind) : label_en(leave.def.kind)) + " · " +
                       local_time_text(leave.def.from_ms) + " – " + local_time_text(leave.def.to_ms) + " · " +
                       leave.def.reason);
        if (ui::button("assessment.approve")) {
            if (form.submit(session::run(LeaveDecided{id, true, comment}), "assessment.leave_decided")) comment.clear();
        }
        ui::beside_if_room(ui::button_width("assessment.reject"));
        if (ui::button("assessment.reject")) {
            if (form.submit(session::run(LeaveDecided{id, false, comment}), "assessment.leave_decided")) comment.clear();
        }
        ImGui::PopID();
    }
    if (!any) ui::hint("assessment.no_pending_leave");
    else ui::text_field("assessment.decision_comment", comment, form.error("comment"), {.max_chars = 200});
    form.show_other_errors({"comment"});
}

Table leave_table(const State& s, const Period& p, Language language) {
    const bool zh = language == Language::zh;
    Table t;
    t.columns = {column("staff", "assessment.col.staff"), column("kind", "assessment.col.kind"),
                 column("from", "assessment.col.from", true), column("to", "assessment.col.to", true),
                 column("reason", "assessment.col.reason"), column("status", "assessment.col.status"),
                 column("decided_by", "assessment.col.decided_by"), column("comment", "assessment.col.comment")};
    const std::int64_t start = period_start_ms(p), end = period_end_ms(p);
    for (const auto& [id, leave] : s.leaves) {
        if (leave.def.from_ms >= end || leave.def.to_ms <= start) continue;
        t.add_row({staff_label(s, leave.person_id), std::string(zh ? label_zh(leave.def.kind) : label_en(leave.def.kind)),
                   local_time_text(leave.def.from_ms), local_time_text(leave.def.to_ms), leave.def.reason,
                   std::string(zh ? label_zh(leave.status) : label_en(leave.status)),
                   leave.decided_by.empty() ? "" : staff_label(s, leave.decided_by), leave.comment});
    }
    return t;
}

}  // namespace

void draw_leave_tab() {
    begin_form_pane("assessment.leave_forms");
    draw_leave_request();
    draw_leave_decisions();
    end_form_pane();
    begin_list_pane("assessment.leave_list");
    ui::heading("assessment.leave_of_period");
    static ui::CoreTable table("assessment.leave");
    const Period& p = period();
    table.update(ui::core_table_key({session::revision(), std::uint64_t(p.year * 100 + p.index)}),
                 [&](Language language) { return leave_table(session::state(), p, language); });
    const std::string filename = "leave-" + p.label() + ".csv";
    table.draw({.export_filename = filename.c_str()});
    end_list_pane();
}

}  // namespace assessment

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_assessment(App&) {
    using namespace assessment;
    ui::title("assessment.title");
    draw_period_picker();
    // Window staff come here to sign in and out and to ask for leave [2-2.3]; the payout,
    // violations and ratings are for those who assess them.
    const auto& actor = session::actor();
    const bool assesses = actor && (actor->role == Role::assessment_group || actor->role == Role::general_manager ||
                                    actor->role == Role::office_manager);
    if (ui::begin_tabs("assessment.tabs")) {
        if (assesses && ui::tab("assessment.tab_payout")) {
            draw_payout_tab();
            ui::end_tab();
        }
        if (assesses && ui::tab("assessment.tab_violations")) {
            draw_violations_tab();
            ui::end_tab();
        }
        if (ui::tab("assessment.tab_attendance")) {
            draw_attendance_tab();
            ui::end_tab();
        }
        if (ui::tab("assessment.tab_leave")) {
            draw_leave_tab();
            ui::end_tab();
        }
        if (assesses && ui::tab("assessment.tab_rating")) {
            draw_rating_tab();
            ui::end_tab();
        }
        ui::end_tabs();
    }
}

}  // namespace bianmin::screens
