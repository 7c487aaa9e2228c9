#include "ui/signature_pad.h"

#include <algorithm>
#include <cstdio>

#include "i18n/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/test_hook.h"
#include "platform/touch.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace bianmin::ui {
namespace {

// Points closer than this (in pixels) to the previous one add nothing but size.
constexpr float kMinPointDistance = 1.5f;

void draw_strokes(ImDrawList* draw, const Signature& signature, const ImRect& box, float thickness) {
    std::vector<ImVec2> points;
    for (const SignatureStroke& stroke : signature.strokes) {
        points.clear();
        for (const SignaturePoint& p : stroke) {
            points.emplace_back(box.Min.x + p.x * box.GetWidth(), box.Min.y + p.y * box.GetHeight());
        }
        if (points.size() == 1) {
            draw->AddCircleFilled(points[0], thickness * 0.75f, theme::kInk);
        } else if (!points.empty()) {
            draw->AddPolyline(points.data(), int(points.size()), theme::kInk, ImDrawFlags_None, thickness);
        }
    }
}

}  // namespace

bool signature_pad(const char* key, Signature& signature, float height) {
    const float font = ImGui::GetFontSize();
    text(key);
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad_height = height > 0 ? height * font : std::min(width / 3.0f, font * 9.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImRect box(origin, origin + ImVec2(width, pad_height));

    ImGui::PushID(key);
    test_hook::hint_next_kind("input");
    ImGui::InvisibleButton("##pad", box.GetSize());
    platform::touch::claim_drags(box);
    if (test_hook::enabled()) {
        test_hook::set_last_label(i18n::tr(key));
        test_hook::set_last_value(std::to_string(signature.strokes.size()).c_str());
    }
    bool changed = false;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const auto normalised = [&](ImVec2 p) {
        return SignaturePoint{std::clamp((p.x - box.Min.x) / box.GetWidth(), 0.0f, 1.0f),
                              std::clamp((p.y - box.Min.y) / box.GetHeight(), 0.0f, 1.0f)};
    };
    if (ImGui::IsItemActivated()) {
        signature.aspect = box.GetWidth() / box.GetHeight();
        signature.strokes.push_back({normalised(mouse)});
    } else if (ImGui::IsItemActive() && !signature.strokes.empty()) {
        SignatureStroke& stroke = signature.strokes.back();
        const SignaturePoint last = stroke.back();
        const ImVec2 last_px(box.Min.x + last.x * box.GetWidth(), box.Min.y + last.y * box.GetHeight());
        if (ImLengthSqr(mouse - last_px) >= kMinPointDistance * kMinPointDistance) stroke.push_back(normalised(mouse));
    }
    if (ImGui::IsItemDeactivated()) changed = true;

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box.Min, box.Max, IM_COL32_WHITE, ImGui::GetStyle().FrameRounding);
    draw->AddRect(box.Min, box.Max, ImGui::GetColorU32(ImGuiCol_Border), ImGui::GetStyle().FrameRounding);
    // A signing line, as on paper.
    const float line_y = box.Max.y - pad_height * 0.22f;
    draw->AddLine(ImVec2(box.Min.x + font, line_y), ImVec2(box.Max.x - font, line_y),
                  ImGui::GetColorU32(ImGuiCol_TableBorderLight), 1.0f);
    if (signature.empty()) {
        const char* prompt = i18n::tr("signature.prompt");
        const ImVec2 size = ImGui::CalcTextSize(prompt);
        draw->AddText(ImVec2(box.Min.x + (box.GetWidth() - size.x) * 0.5f, line_y - size.y - font * 0.3f),
                      ImGui::GetColorU32(ImGuiCol_TextDisabled), prompt);
    }
    draw->PushClipRect(box.Min, box.Max, true);
    draw_strokes(draw, signature, box, std::max(2.0f, font / 7.0f));
    draw->PopClipRect();

    if (button_enabled_if("signature.clear", !signature.empty())) {
        signature.clear();
        changed = true;
    }
    ImGui::PopID();
    return changed;
}

void signature_view(const Signature& signature, float height) {
    const float width = height * std::max(0.5f, signature.aspect);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImRect box(origin, origin + ImVec2(width, height));
    ImGui::Dummy(box.GetSize());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRect(box.Min, box.Max, ImGui::GetColorU32(ImGuiCol_Border));
    draw->PushClipRect(box.Min, box.Max, true);
    draw_strokes(draw, signature, box, std::max(1.0f, height / 40.0f));
    draw->PopClipRect();
    if (test_hook::enabled()) {
        const std::string label = std::string(i18n::tr("signature.view")) + " " + std::to_string(signature.strokes.size());
        test_hook::record_item(box, label.c_str(), "text");
    }
}

std::string signature_svg(const Signature& signature, int width) {
    const int height = std::max(1, int(float(width) / std::max(0.5f, signature.aspect)));
    char buffer[96];
    std::snprintf(buffer, sizeof buffer,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                  width, height, width, height);
    std::string svg = buffer;
    for (const SignatureStroke& stroke : signature.strokes) {
        svg += "<polyline fill=\"none\" stroke=\"#141e3c\" stroke-width=\"2\" stroke-linecap=\"round\" "
               "stroke-linejoin=\"round\" points=\"";
        for (std::size_t i = 0; i < stroke.size(); ++i) {
            std::snprintf(buffer, sizeof buffer, "%s%.1f,%.1f", i ? " " : "", double(stroke[i].x) * width,
                          double(stroke[i].y) * height);
            svg += buffer;
        }
        if (stroke.size() == 1) {  // a dot: a zero-length line still gets round caps
            std::snprintf(buffer, sizeof buffer, " %.1f,%.1f", double(stroke[0].x) * width, double(stroke[0].y) * height);
            svg += buffer;
        }
        svg += "\"/>";
    }
    svg += "</svg>";
    return svg;
}

}  // namespace bianmin::ui
