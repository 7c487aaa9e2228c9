// The office manager's yearly cycle (screen_office_cycle*.cpp), in two parts:
// the opinion survey (open, summary, close) and the price tables (draft with break-even
// figures, revise, submit, publish after approval, versions and the GM's comments).
#pragma once

#include <string>
#include <vector>

#include "bianmin/state.hpp"

namespace bianmin::screens::office_cycle {

void draw_surveys();       // screen_office_cycle.cpp
void draw_price_tables();  // screen_office_cycle_tables.cpp: history, new draft, the chosen table
void draw_table_editor(const std::string& table_id);  // screen_office_cycle_editor.cpp

// The table the history has selected (the editor's subject).
std::string& selected_table();

// The rows of a new version of `from` (screen_office_cycle_tables.cpp): its rows, with a
// monthly cost the office changed since, and the items added since.
std::vector<PriceRow> rows_for_new_version(const State& s, const PriceTableRecord& from);

}  // namespace bianmin::screens::office_cycle
