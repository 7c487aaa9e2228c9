// Assessment screen parts (screen_assessment*.cpp) — internal to the screen.
//
// screen_assessment.cpp: the period, tables made of core Tables, attendance, leave.
// screen_assessment_records.cpp: violations, the half-year payout, the annual rating.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bianmin/state.hpp"
#include "bianmin/table.hpp"
#include "bianmin/time.hpp"

namespace bianmin::screens::assessment {

// The assessment period shown (the estate's period length, SPEC [2-3.1]).
const Period& period();

// May the signed-in person record violations and ratings (the assessment group)?
bool records_violations();

// A column of a Table built here: titles from the translation table in both languages.
Column column(const char* id, const char* key, bool numeric = false);
std::string staff_label(const State& state, const std::string& person_id);  // "name (id)"
// Window staff still working: whom violations and ratings are about [2-1].
std::vector<const StaffRecord*> window_staff(const State& state);
std::string local_date_text(std::int64_t ms);   // "2024-03-05"
std::string local_time_text(std::int64_t ms);   // "2024-03-05 09:30" (table cells: sorts as text)

// A form beside its list on a tablet or desk, above it on a phone (each pane scrolls):
//   begin_form_pane("id"); ...form...; end_form_pane(); begin_list_pane("id"); ...; end_list_pane();
void begin_form_pane(const char* id);
void end_form_pane();
void begin_list_pane(const char* id);
void end_list_pane();

void draw_attendance_tab();
void draw_leave_tab();
void draw_violations_tab();
void draw_payout_tab();
void draw_rating_tab();

}  // namespace bianmin::screens::assessment
