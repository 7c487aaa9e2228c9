// The app builds Dear ImGui with its test-engine item hooks compiled in
// (web/imconfig_bianmin.h); the benchmark pages use the same Dear ImGui build, so they
// provide the hooks too — as the app does outside test mode, they do nothing.
#include "imgui.h"
#include "imgui_internal.h"

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
