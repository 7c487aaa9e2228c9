#include "ui/bar_chart.h"

#include <algorithm>
#include <cmath>

#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui_internal.h"
#include "platform/test_hook.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace bianmin::ui {
namespace {

constexpr int kGridLines = 4;
constexpr float kGroupFill = 0.72f;  // share of a category's width its bars take

std::string default_format(double value) { return i18n::grouped(std::int64_t(std::llround(value))); }

void dashed_line(ImDrawList* draw, ImVec2 from, float to_x, ImU32 colour, float thickness, float dash) {
    for (float x = from.x; x < to_x; x += dash * 2) {
        draw->AddLine(ImVec2(x, from.y), ImVec2(std::min(x + dash, to_x), from.y), colour, thickness);
    }
}

struct Layout {
    ImRect whole;
    ImRect plot;       // bars and grid
    float legend_y;
    float labels_y;    // category labels under the plot
    double axis_max;
    float y_of(double value) const {
        const double clamped = std::clamp(value, 0.0, axis_max);
        return plot.Max.y - float(clamped / axis_max) * plot.GetHeight();
    }
};

Layout lay_out(const BarChart& chart, ImVec2 origin, ImVec2 size,
               const std::function<std::string(double)>& format) {
    const float font = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    double largest = 0;
    for (const BarSeries& s : chart.series) {
        for (double v : s.values) largest = std::max(largest, v);
    }
    for (const ReferenceLine& line : chart.lines) largest = std::max(largest, line.value);
    if (chart.marks.label_key)
        for (double v : chart.marks.values) largest = std::max(largest, v);
    Layout l;
    l.axis_max = nice_axis_max(largest * 1.05);
    float axis_label_width = 0;
    for (int k = 0; k <= kGridLines; ++k) {
        axis_label_width = std::max(axis_label_width, ImGui::CalcTextSize(format(l.axis_max * k / kGridLines).c_str()).x);
    }
    l.whole = ImRect(origin, origin + size);
    l.legend_y = origin.y;
    const float top = origin.y + font * 1.6f;
    const float bottom = origin.y + size.y - font * 1.5f;
    l.plot = ImRect(ImVec2(origin.x + axis_label_width + style.ItemSpacing.x, top),
                    ImVec2(origin.x + size.x - font * 0.5f, bottom));
    l.labels_y = bottom + font * 0.25f;
    return l;
}

void draw_legend(ImDrawList* draw, const BarChart& chart, const Layout& l) {
    const float font = ImGui::GetFontSize();
    float x = l.plot.Min.x;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    auto entry = [&](ImU32 colour, const char* label, bool is_line) {
        if (is_line) {
            dashed_line(draw, ImVec2(x, l.legend_y + font * 0.5f), x + font, colour, std::max(1.0f, font / 8), font / 4);
        } else {
            draw->AddRectFilled(ImVec2(x, l.legend_y + font * 0.15f), ImVec2(x + font * 0.7f, l.legend_y + font * 0.85f), colour);
        }
        x += font * 1.2f;
        draw->AddText(ImVec2(x, l.legend_y), text, label);
        x += ImGui::CalcTextSize(label).x + font;
    };
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        entry(theme::kSeriesColours[s % std::size(theme::kSeriesColours)], i18n::tr(chart.series[s].name_key), false);
    }
    for (const ReferenceLine& line : chart.lines) entry(theme::kReferenceLine, i18n::tr(line.label_key), true);
    if (chart.marks.label_key) entry(theme::kReferenceLine, i18n::tr(chart.marks.label_key), true);
}

void draw_grid(ImDrawList* draw, const Layout& l, const std::function<std::string(double)>& format) {
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_TableBorderLight);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float font = ImGui::GetFontSize();
    for (int k = 0; k <= kGridLines; ++k) {
        const double value = l.axis_max * k / kGridLines;
        const float y = l.y_of(value);
        draw->AddLine(ImVec2(l.plot.Min.x, y), ImVec2(l.plot.Max.x, y), grid, k == 0 ? 2.0f : 1.0f);
        const std::string label = format(value);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(l.plot.Min.x - w - font * 0.3f, y - font * 0.5f), text, label.c_str());
    }
}

}  // namespace

double nice_axis_max(double value) {
    if (!(value > 0)) return 1.0;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        if (step * power >= value) return step * power;
    }
    return 10.0 * power;
}

void bar_chart(const char* id, const BarChart& chart, ImVec2 size) {
    const float font = ImGui::GetFontSize();
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    if (size.y <= 0) size.y = font * 16;
    const auto format = chart.format ? chart.format : std::function<std::string(double)>(default_format);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    ImGui::Dummy(size);
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Layout l = lay_out(chart, origin, size, format);
    draw_legend(draw, chart, l);
    draw_grid(draw, l, format);

    const int categories = int(chart.categories.size());
    const int series = int(chart.series.size());
    if (categories == 0 || series == 0) return;
    const float group_width = l.plot.GetWidth() / float(categories);
    const float bar_width = group_width * kGroupFill / float(series);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    std::string tooltip;

    for (int c = 0; c < categories; ++c) {
        const std::string& name = chart.categories[std::size_t(c)];
        fonts::note_text(name);
        const float group_x = l.plot.Min.x + group_width * float(c) + group_width * (1 - kGroupFill) * 0.5f;
        for (int s = 0; s < series; ++s) {
            const auto& values = chart.series[std::size_t(s)].values;
            const double value = std::size_t(c) < values.size() ? values[std::size_t(c)] : 0.0;
            const ImRect bar(ImVec2(group_x + bar_width * float(s), l.y_of(value)),
                             ImVec2(group_x + bar_width * float(s + 1) - 1.0f, l.plot.Max.y));
            draw->AddRectFilled(bar.Min, bar.Max, theme::kSeriesColours[std::size_t(s) % std::size(theme::kSeriesColours)]);
            const bool over = hovered && mouse.x >= bar.Min.x && mouse.x < bar.Max.x && mouse.y >= l.plot.Min.y &&
                              mouse.y < l.plot.Max.y;
            if (over || test_hook::enabled()) {
                const std::string label = name + " · " + i18n::tr(chart.series[std::size_t(s)].name_key) + ": " + format(value);
                if (over) tooltip = label;
                test_hook::record_item(bar, label.c_str(), "text");
            }
        }
        if (chart.marks.label_key && std::size_t(c) < chart.marks.values.size()) {
            const double value = chart.marks.values[std::size_t(c)];
            const float y = l.y_of(value);
            const float left = group_x - bar_width * 0.15f, right = group_x + bar_width * (float(series) + 0.15f);
            dashed_line(draw, ImVec2(left, y), right, theme::kReferenceLine, std::max(2.0f, font / 6), font / 4);
            const ImRect mark(ImVec2(left, y - font * 0.25f), ImVec2(right, y + font * 0.25f));
            const bool over = hovered && mark.Contains(mouse);
            if (over || test_hook::enabled()) {
                const std::string label = name + " · " + i18n::tr(chart.marks.label_key) + ": " + format(value);
                if (over) tooltip = label;
                test_hook::record_item(mark, label.c_str(), "text");
            }
        }
        // The category's name, centred under its bars, shortened with "…" if too wide.
        const ImVec2 name_size = ImGui::CalcTextSize(name.c_str());
        const float slot_min = l.plot.Min.x + group_width * float(c) + 2.0f;
        const float slot_max = slot_min + group_width - 4.0f;
        const float x = std::max(slot_min, (slot_min + slot_max - name_size.x) * 0.5f);
        ImGui::RenderTextEllipsis(draw, ImVec2(x, l.labels_y), ImVec2(slot_max, l.labels_y + font), slot_max,
                                  slot_max, name.c_str(), nullptr, &name_size);
    }

    for (const ReferenceLine& line : chart.lines) {
        const float y = l.y_of(line.value);
        dashed_line(draw, ImVec2(l.plot.Min.x, y), l.plot.Max.x, theme::kReferenceLine, std::max(1.5f, font / 8), font / 2);
        const std::string label = std::string(i18n::tr(line.label_key)) + " " + format(line.value);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(l.plot.Max.x - w, y - font * 1.1f), theme::kReferenceLine, label.c_str());
        test_hook::record_item(ImRect(ImVec2(l.plot.Max.x - w, y - font * 1.1f), ImVec2(l.plot.Max.x, y)),
                               label.c_str(), "text");
    }

    if (!tooltip.empty()) ImGui::SetTooltip("%s", tooltip.c_str());
}

}  // namespace bianmin::ui
