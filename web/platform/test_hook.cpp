#include "platform/test_hook.h"

#include <cstdarg>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"

namespace bianmin::test_hook {
namespace {

struct Item {
    ImGuiID id;
    std::string label;
    std::string window;
    std::string kind;
    ImRect rect;
};

struct Collector {
    bool on = false;
    const char* hint = nullptr;
    std::vector<Item> building;
    std::vector<Item> last_frame;
    std::string json;
    // ItemAdd comes just before ItemInfo for the same id; keep its rectangle.
    ImGuiID pending_id = 0;
    ImRect pending_rect;
};

Collector& collector() {
    static Collector c;
    return c;
}

// "保存##form" shows "保存"; "###id" hides everything after the visible part.
std::string visible_label(const char* label) {
    if (!label) return {};
    const char* end = ImGui::FindRenderedTextEnd(label);
    return std::string(label, end);
}

const char* kind_from_flags(ImGuiItemStatusFlags flags, const ImGuiWindow* window) {
    if (flags & ImGuiItemStatusFlags_Inputable) return "input";
    bool in_menu = window && (window->Flags & ImGuiWindowFlags_ChildMenu);
    if (flags & ImGuiItemStatusFlags_Checkable) return in_menu ? "menu" : "checkbox";
    if (flags & ImGuiItemStatusFlags_Openable) return in_menu ? "menu" : "tree";
    return "button";
}

void add(ImGuiContext* ctx, ImGuiID id, const ImRect& rect, std::string label, const char* kind) {
    Collector& c = collector();
    const ImGuiWindow* window = ctx->CurrentWindow;
    c.building.push_back(Item{id, std::move(label), window ? visible_label(window->Name) : "",
                              kind, rect});
}

}  // namespace

void enable(bool on) {
    collector().on = on;
    if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = on;
}

bool enabled() { return collector().on; }

void hint_next_kind(const char* kind) {
    if (collector().on) collector().hint = kind;
}

void record_last_item(const char* label, const char* kind) {
    Collector& c = collector();
    if (!c.on) return;
    ImGuiContext& g = *GImGui;
    add(&g, g.LastItemData.ID, g.LastItemData.Rect, visible_label(label), kind);
}

void end_frame() {
    Collector& c = collector();
    if (!c.on) return;
    c.last_frame.swap(c.building);
    c.building.clear();
    c.hint = nullptr;
}

const char* items_json() {
    Collector& c = collector();
    nlohmann::json items = nlohmann::json::array();
    for (const Item& item : c.last_frame) {
        items.push_back({{"id", item.id}, {"label", item.label}, {"window", item.window},
                         {"kind", item.kind}, {"x", item.rect.Min.x}, {"y", item.rect.Min.y},
                         {"w", item.rect.GetWidth()}, {"h", item.rect.GetHeight()}});
    }
    c.json = items.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return c.json.c_str();
}

}  // namespace bianmin::test_hook

// ---- The hooks Dear ImGui calls (declared in imgui_internal.h) ------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    auto& c = bianmin::test_hook::collector();
    c.pending_id = id;
    c.pending_rect = bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    auto& c = bianmin::test_hook::collector();
    ImGuiWindow* window = ctx->CurrentWindow;
    if (window && id == window->ID) return;  // whole windows are not widgets
    ImRect rect = (id == c.pending_id) ? c.pending_rect : ctx->LastItemData.Rect;
    const char* kind = c.hint ? c.hint : bianmin::test_hook::kind_from_flags(flags, window);
    c.hint = nullptr;
    bianmin::test_hook::add(ctx, id, rect, bianmin::test_hook::visible_label(label), kind);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
