// Bar chart — grouped bars with reference lines, drawn with ImDrawList.
//
// Made for the monthly report: per service item (category) one bar per series (this
// month, last month) and a dashed line for break-even. Values are plain numbers (fen for
// money); `format` turns one into the text on the axis, tooltips and test hook.
// Each bar is reported to the test hook as kind "text", labelled
// "<category> · <series>: <value>", so tests can read the chart.
//
//   ui::BarChart chart;
//   chart.categories = {"桶装水", "家政"};
//   chart.series = {{"report.this_month", {120000, 80000}}, {"report.last_month", {100000, 90000}}};
//   chart.lines = {{"report.break_even", 90000}};
//   chart.format = [](double fen) { return i18n::money(Fen{std::int64_t(fen)}); };
//   ui::bar_chart("monthly", chart, ImVec2(0, 300));
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "imgui.h"

namespace bianmin::ui {

struct BarSeries {
    const char* name_key;          // legend (translation key)
    std::vector<double> values;    // one per category
};

struct ReferenceLine {
    const char* label_key;         // e.g. "report.break_even"
    double value;
};

// A value per category drawn as a short dashed line across that category's bars: a
// reference that differs per category (each item's own break-even income).
struct CategoryMarks {
    const char* label_key = nullptr;  // legend; null = no marks
    std::vector<double> values;       // one per category
};

struct BarChart {
    std::vector<std::string> categories;  // data: item names, months
    std::vector<BarSeries> series;
    std::vector<ReferenceLine> lines;
    CategoryMarks marks;
    std::function<std::string(double)> format;  // default: the number with grouping
};

// size.x = 0 uses the full width; size.y = 0 uses 16 font heights.
void bar_chart(const char* id, const BarChart& chart, ImVec2 size = ImVec2(0, 0));

// A "nice" axis maximum ≥ value: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten.
double nice_axis_max(double value);

}  // namespace bianmin::ui
