// Assessment, part two: violations found by inspections or reported by the public
// [2-3.2], the period's payout with deductions carried over [2-3.1], and the annual
// rating with the province-level bar on 'competent' [2-3.2]. Amounts, months and the
// period length come from the estate's settings (state.hpp Settings), never from here;
// the assessment group and the general manager change them beside the payout (the
// field editor of the People screen, office_people_parts.h).
//
// [SECTION] Choices shared by the forms
// [SECTION] Violations
// [SECTION] Payout
// [SECTION] Annual rating
#include <charconv>
#include <string>
#include <vector>

#include "bianmin/enums.hpp"
#include "bianmin/fields.hpp"
#include "bianmin/payloads.hpp"
#include "bianmin/reports.hpp"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/session.h"
#include "screens/office_people_parts.h"
#include "screens/screen_assessment.h"
#include "ui/core_table.h"
#include "ui/fields.h"
#include "ui/widgets.h"

namespace bianmin::screens::assessment {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Choices shared by the forms
//-------------------------------------------------------------------------------------

bool zh() { return i18n::current() == i18n::Lang::Zh; }

template <class E>
std::string label(E value) {
    return std::string(zh() ? label_zh(value) : label_en(value));
}

// The window staff as combo options; `index` stays within them.
std::vector<std::string> staff_options(const std::vector<const StaffRecord*>& staff) {
    std::vector<std::string> options;
    for (const StaffRecord* person : staff) options.push_back(person->name + " (" + person->person_id + ")");
    return options;
}

// A whole number typed in a field, or nothing.
std::optional<std::int64_t> whole_number(const std::string& text) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
    return value;
}

// A field for a whole number, with its own check as you type.
std::optional<std::int64_t> number_field(const char* key, std::string& text, const ui::FieldError* core_error) {
    static ui::FieldError invalid = ui::field_error_from_key("assessment.number_invalid", "", "assessment.number_invalid");
    const auto value = whole_number(text);
    ui::text_field(key, text, value ? core_error : &invalid, {.phone = true, .width = 6, .max_chars = 6});
    return value;
}

//-------------------------------------------------------------------------------------
// [SECTION] Violations
//-------------------------------------------------------------------------------------

std::vector<std::string> source_options(const Settings& settings) {
    std::vector<std::string> options;
    for (const auto& entry : EnumTable<ViolationSource>::entries)
        options.push_back(label(entry.value) + " · " +
                          i18n::fill("assessment.deducts_months", {std::to_string(settings.deduction_months(entry.value))}));
    return options;
}

std::vector<std::string> conduct_options() {
    std::vector<std::string> options;
    for (int item = 1; item <= kConductItemCount; ++item)
        options.push_back(std::to_string(item) + ". " + std::string(zh() ? conduct_item_zh(item) : conduct_item_en(item)));
    return options;
}

void draw_violation_form() {
    const State& s = session::state();
    static int person = 0, conduct = 0, source = 0;
    static ui::DateInput found_on;
    static std::string extra = "0", note;
    static session::Form form;
    const auto staff = window_staff(s);
    ui::heading("assessment.record_violation");
    if (staff.empty()) {
        ui::hint("assessment.no_window_staff");
        return;
    }
    if (person >= int(staff.size())) person = 0;
    if (!found_on.value) found_on.set(ui::today());
    ui::combo_data("assessment.violation_staff", &person, staff_options(staff));
    if (const auto* e = form.error("person_id")) ui::error_text(e->message());
    const std::vector<std::string> conducts = conduct_options();
    ui::combo_data("assessment.conduct_item", &conduct, conducts);
    ui::combo_data("assessment.source", &source, source_options(s.settings));
    ui::date_field("assessment.found_on", found_on, form.error("found_on"));
    const auto extra_months = number_field("assessment.extra_months", extra, form.error("extra_months"));
    ui::text_field("assessment.note", note, form.error("note"), {.max_chars = 500});

    // What it will cost, from the estate's settings, before anyone commits to it.
    const ViolationSource chosen = EnumTable<ViolationSource>::entries[source].value;
    const std::int64_t months = s.settings.deduction_months(chosen) + extra_months.value_or(0);
    ui::label_value("assessment.deduction_preview",
                    i18n::fill("assessment.months_amount",
                               {std::to_string(months), i18n::money(Fen{months * s.settings.assessment_monthly.value})}));
    if (chosen == ViolationSource::province_inspection) ui::error_text(i18n::tr("assessment.province_warning"));

    if (ui::primary_button("assessment.save_violation")) {
        if (!found_on.value) {
            form.fail("assessment.date_needed", "found_on", "assessment.date_needed");
        } else if (!extra_months) {
            form.fail("assessment.number_invalid", "extra_months", "assessment.number_invalid");
        } else {
            const auto& d = *found_on.value;
            ViolationRecorded v{"", staff[std::size_t(person)]->person_id, conduct + 1, chosen,
                                LocalDate{d.year, d.month, d.day}, *extra_months, note};
            if (form.submit(session::run(v), "assessment.violation_saved")) {
                note.clear();
                extra = "0";
            }
        }
    }
    form.show_other_errors({"person_id", "found_on", "extra_months", "note"});
}

Table violation_table(const State& s, const Period& p, Language language) {
    const bool in_zh = language == Language::zh;
    Table t;
    t.columns = {column("found_on", "assessment.col.found_on", true), column("staff", "assessment.col.staff"),
                 column("source", "assessment.col.source"), column("conduct", "assessment.col.conduct"),
                 column("months", "assessment.col.months", true), column("amount", "assessment.col.amount", true),
                 column("recorded_by", "assessment.col.recorded_by"), column("status", "assessment.col.status"),
                 column("note", "assessment.col.note")};
    const i18n::Entry* withdrawn = i18n::find("assessment.withdrawn");
    const i18n::Entry* standing = i18n::find("assessment.standing");
    for (const auto& [id, v] : s.violations) {
        if (!p.contains(month_of(v.def.found_on))) continue;
        const std::int64_t months = s.settings.deduction_months(v.def.source) + v.def.extra_months;
        std::string status = v.withdrawn ? (in_zh ? withdrawn->zh : withdrawn->en) : (in_zh ? standing->zh : standing->en);
        if (v.withdrawn) status += ": " + v.withdraw_reason;
        t.add_row({to_string(v.def.found_on), staff_label(s, v.def.person_id),
                   std::string(in_zh ? label_zh(v.def.source) : label_en(v.def.source)),
                   std::to_string(v.def.conduct_item) + ". " +
                       std::string(in_zh ? conduct_item_zh(int(v.def.conduct_item)) : conduct_item_en(int(v.def.conduct_item))),
                   std::to_string(months), format_yuan_plain(Fen{months * s.settings.assessment_monthly.value}),
                   staff_label(s, v.recorded_by), status, v.def.note + (v.def.note.empty() ? "" : " ") + "[" + id + "]"});
    }
    return t;
}

// A violation found to be wrong is withdrawn with a reason (never deleted).
void draw_withdraw(const std::string& violation_id) {
    static std::string reason;
    static session::Form form;
    ui::label_value("assessment.withdraw_which", violation_id);
    ui::text_field("assessment.withdraw_reason", reason, form.error("reason"), {.max_chars = 200});
    if (ui::button("assessment.withdraw")) {
        if (form.submit(session::run(ViolationWithdrawn{violation_id, reason}), "assessment.violation_withdrawn"))
            reason.clear();
    }
    form.show_other_errors({"reason"});
}

}  // namespace

void draw_violations_tab() {
    const bool may_record = records_violations();
    if (may_record) {
        begin_form_pane("assessment.violation_form");
        draw_violation_form();
        end_form_pane();
    } else {
        ui::hint("assessment.only_group_records");
    }
    begin_list_pane("assessment.violation_list");
    ui::heading("assessment.violations_of_period");
    static ui::CoreTable table("assessment.violations");
    static std::string selected;
    const Period& p = period();
    table.update(ui::core_table_key({session::revision(), std::uint64_t(p.year * 100 + p.index)}),
                 [&](Language language) { return violation_table(session::state(), p, language); });
    if (may_record && !selected.empty()) {
        auto it = session::state().violations.find(selected);
        if (it != session::state().violations.end() && !it->second.withdrawn) draw_withdraw(selected);
    }
    const std::string filename = "violations-" + p.label() + ".csv";
    const int clicked = table.draw({.export_filename = filename.c_str()});
    if (clicked >= 0) {
        // The id is the last "[...]" of the note column.
        const std::string& note = table.table().rows[std::size_t(clicked)].back();
        const auto open = note.rfind('[');
        if (open != std::string::npos && note.back() == ']') selected = note.substr(open + 1, note.size() - open - 2);
    }
    end_list_pane();
}

//-------------------------------------------------------------------------------------
// [SECTION] Payout
//-------------------------------------------------------------------------------------

// The assessment settings, for the roles that may change them (core fields.hpp).
bool draw_assessment_settings(const State& s) {
    static people::FieldsEditor editor("assessment.settings_save", "assessment.settings_saved");
    const FieldSpec* spec = find_field(RecordKind::estate, "assessment_monthly");
    const auto& actor = session::actor();
    if (!spec || !actor || !role_may_edit(*spec, actor->role)) return false;
    begin_form_pane("assessment.settings_form");
    ui::heading("assessment.settings_heading");
    editor.draw(s, RecordKind::estate, s.estate_id,
                {"assessment_monthly", "assessment_period_months", "deduction_months_town", "deduction_months_public",
                 "deduction_months_county", "deduction_months_city", "deduction_months_province"});
    end_form_pane();
    return true;
}

void draw_payout_tab() {
    const State& s = session::state();
    const bool beside_settings = draw_assessment_settings(s);
    if (beside_settings) begin_list_pane("assessment.payout_list");
    const Period& p = period();
    static std::uint64_t seen = ~std::uint64_t(0);
    static AssessmentReport report;
    const std::uint64_t key = ui::core_table_key({session::revision(), std::uint64_t(p.year * 100 + p.index),
                                                  std::uint64_t(p.months)});
    if (seen != key) {
        seen = key;
        report = assessment_report(s, p, session::now_ms());
    }
    const float gap = ImGui::GetFontSize() * 2;
    ui::label_value("assessment.monthly_amount", i18n::money(s.settings.assessment_monthly));
    ui::label_value_beside("assessment.period_label", p.label(), gap);
    ui::label_value_beside("assessment.total_payout", i18n::money(report.total_payout), gap);
    Fen carried;
    for (const auto& row : report.rows) carried += row.carry_out;
    if (carried.value > 0) ui::error_text(i18n::fill("assessment.carry_note", {i18n::money(carried)}));
    ui::hint("assessment.payout_explained");
    static ui::CoreTable table("assessment.payout");
    table.update(key, [&](Language language) { return to_table(report, language); });  // its note repeats the total above
    const std::string filename = "assessment-" + p.label() + ".csv";
    table.draw({.export_filename = filename.c_str()});
    if (beside_settings) end_list_pane();
}

//-------------------------------------------------------------------------------------
// [SECTION] Annual rating
//-------------------------------------------------------------------------------------

namespace {

bool province_bar(const State& s, const std::string& person, std::int64_t year) {
    for (const auto& [id, v] : s.violations)
        if (v.def.person_id == person && !v.withdrawn && v.def.source == ViolationSource::province_inspection &&
            v.def.found_on.year == year)
            return true;
    return false;
}

void draw_rating_form() {
    const State& s = session::state();
    static int person = 0, rating = 1;
    static std::string year, comment;
    static session::Form form;
    const auto staff = window_staff(s);
    ui::heading("assessment.record_rating");
    if (staff.empty()) {
        ui::hint("assessment.no_window_staff");
        return;
    }
    if (person >= int(staff.size())) person = 0;
    if (year.empty()) year = std::to_string(period().year);
    ui::combo_data("assessment.rating_staff", &person, staff_options(staff));
    const auto rating_year = number_field("assessment.rating_year", year, form.error("year"));
    std::vector<std::string> ratings;
    for (const auto& entry : EnumTable<AnnualRating>::entries) ratings.push_back(label(entry.value));
    ui::combo_data("assessment.rating", &rating, ratings);
    if (const auto* e = form.error("rating")) ui::error_text(e->message());
    ui::text_field("assessment.rating_comment", comment, form.error("comment"), {.max_chars = 500});
    const std::string& who = staff[std::size_t(person)]->person_id;
    if (rating_year && province_bar(s, who, *rating_year)) ui::error_text(i18n::tr("assessment.province_bar"));
    if (ui::primary_button("assessment.save_rating")) {
        if (!rating_year) {
            form.fail("assessment.number_invalid", "year", "assessment.number_invalid");
        } else {
            AnnualRatingRecorded r{who, *rating_year, EnumTable<AnnualRating>::entries[rating].value, comment};
            if (form.submit(session::run(r), "assessment.rating_saved")) comment.clear();
        }
    }
    form.show_other_errors({"year", "rating", "comment"});
}

Table rating_table(const State& s, Language language) {
    const bool in_zh = language == Language::zh;
    Table t;
    t.columns = {column("year", "assessment.col.year", true), column("staff", "assessment.col.staff"),
                 column("rating", "assessment.col.rating"), column("comment", "assessment.col.comment"),
                 column("rated_by", "assessment.col.recorded_by")};
    for (const auto& [key, r] : s.ratings)
        t.add_row({std::to_string(r.def.year), staff_label(s, r.def.person_id),
                   std::string(in_zh ? label_zh(r.def.rating) : label_en(r.def.rating)), r.def.comment,
                   staff_label(s, r.rated_by)});
    return t;
}

}  // namespace

void draw_rating_tab() {
    if (records_violations()) {
        begin_form_pane("assessment.rating_form");
        draw_rating_form();
        end_form_pane();
    } else {
        ui::hint("assessment.only_group_records");
    }
    begin_list_pane("assessment.rating_list");
    ui::heading("assessment.ratings");
    static ui::CoreTable table("assessment.ratings");
    table.update(ui::core_table_key({session::revision()}),
                 [&](Language language) { return rating_table(session::state(), language); });
    table.draw({.export_filename = "annual-ratings.csv"});
    end_list_pane();
}

}  // namespace bianmin::screens::assessment
