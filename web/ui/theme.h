// Theme — the few colours the widgets choose themselves (ImGui's light style does the rest).
// Chosen for contrast on the light background (WCAG AA for text on #f2f4f7 or white).
#pragma once

#include "imgui.h"

namespace bianmin::ui::theme {

inline const ImVec4 kPrimary{0.184f, 0.435f, 0.310f, 1.0f};         // #2f6f4f, the app's green
inline const ImVec4 kPrimaryHovered{0.231f, 0.529f, 0.380f, 1.0f};
inline const ImVec4 kPrimaryActive{0.141f, 0.345f, 0.243f, 1.0f};
inline const ImVec4 kOnPrimary{1.0f, 1.0f, 1.0f, 1.0f};
inline const ImVec4 kError{0.690f, 0.110f, 0.110f, 1.0f};           // #b01c1c
inline const ImVec4 kSuccess{0.110f, 0.420f, 0.200f, 1.0f};
inline const ImVec4 kWarning{0.580f, 0.380f, 0.000f, 1.0f};
inline const ImVec4 kNotice{0.173f, 0.310f, 0.549f, 1.0f};          // neutral information

// Chart series, distinguishable also by people with red-green colour blindness.
inline constexpr ImU32 kSeriesColours[] = {
    IM_COL32(47, 111, 79, 255),    // green (this month)
    IM_COL32(150, 170, 200, 255),  // grey-blue (last month)
    IM_COL32(230, 159, 0, 255),    // orange
    IM_COL32(86, 180, 233, 255),   // sky blue
};
inline constexpr ImU32 kReferenceLine = IM_COL32(176, 28, 28, 255);
inline constexpr ImU32 kInk = IM_COL32(20, 30, 60, 255);  // signature strokes

}  // namespace bianmin::ui::theme
