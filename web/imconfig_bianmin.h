// Bianmin's Dear ImGui configuration (IMGUI_USER_CONFIG).
#pragma once

// Item hooks for window.bianmin.ui.items(); they cost one branch per item and run only
// when the page was opened with ?test=1 (see web/platform/test_hook.h).
#define IMGUI_ENABLE_TEST_ENGINE

// We never show the demo or metrics windows to people.
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS

// ImVec2 arithmetic everywhere: the app builds in unity batches, where one file's
// "#define before imgui.h" would come too late for the next file in the batch.
#define IMGUI_DEFINE_MATH_OPERATORS
