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
    std::string value;
    bool has_value = false;
};

struct Collector {
    bool on = false;
    const char* hint = nullptr;
    // The item the hint is for: the first one ImGui adds after the hint. A widget scrolled
    // out of sight is added but never reported, and its hint must not go to the next item.
    ImGuiID hint_id = 0;
    std::vector<Item> building;
    std::vector<Item> last_frame;
    std::string json;
    // ItemAdd comes just before ItemInfo for the same id; keep its rectangle.
    ImGuiID pending_id = 0;
    ImRect pending_rect;
    // Tab items report ItemInfo before their ItemAdd: the item waits for its rectangle.
    ImGuiID awaiting_rect_id = 0;
    std::size_t awaiting_rect_index = 0;
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
                              kind, rect, {}, false});
}

}  // namespace

void enable(bool on) {
    collector().on = on;
    if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = on;
}

bool enabled() { return collector().on; }

void hint_next_kind(const char* kind) {
    Collector& c = collector();
    if (!c.on) return;
    c.hint = kind;
    c.hint_id = 0;
}

void record_last_item(const char* label, const char* kind) {
    Collector& c = collector();
    if (!c.on) return;
    ImGuiContext& g = *GImGui;
    add(&g, g.LastItemData.ID, g.LastItemData.Rect, visible_label(label), kind);
}

void record_item(const ImRect& rect, const char* label, const char* kind) {
    Collector& c = collector();
    if (!c.on) return;
    ImGuiContext& g = *GImGui;
    add(&g, 0, rect, visible_label(label), kind);
}

// The item of this frame reported for ImGui's last item, or null.
static Item* last_reported_item() {
    Collector& c = collector();
    if (!c.on) return nullptr;
    const ImGuiID id = GImGui->LastItemData.ID;
    for (auto it = c.building.rbegin(); it != c.building.rend(); ++it) {
        if (it->id == id) return &*it;
    }
    return nullptr;
}

void set_last_label(const char* label) {
    if (Item* item = last_reported_item()) item->label = visible_label(label);
}

void set_last_value(const char* value) {
    if (Item* item = last_reported_item()) {
        item->value = value ? value : "";
        item->has_value = true;
    }
}

void end_frame() {
    Collector& c = collector();
    if (!c.on) return;
    c.last_frame.swap(c.building);
    c.building.clear();
    c.hint = nullptr;
    c.hint_id = 0;
}

const char* items_json() {
    Collector& c = collector();
    nlohmann::json items = nlohmann::json::array();
    for (const Item& item : c.last_frame) {
        nlohmann::json entry = {{"id", item.id}, {"label", item.label}, {"window", item.window},
                                {"kind", item.kind}, {"x", item.rect.Min.x}, {"y", item.rect.Min.y},
                                {"w", item.rect.GetWidth()}, {"h", item.rect.GetHeight()}};
        if (item.has_value) entry["value"] = item.value;
        items.push_back(std::move(entry));
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
    if (c.hint && id != 0) {
        if (c.hint_id == 0) {
            c.hint_id = id;
        } else if (c.hint_id != id) {
            c.hint = nullptr;  // the hinted item was clipped: it reported nothing
            c.hint_id = 0;
        }
    }
    if (id != 0 && id == c.awaiting_rect_id && c.awaiting_rect_index < c.building.size() &&
        c.building[c.awaiting_rect_index].id == id) {
        c.building[c.awaiting_rect_index].rect = bb;
    }
    c.awaiting_rect_id = 0;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    auto& c = bianmin::test_hook::collector();
    ImGuiWindow* window = ctx->CurrentWindow;
    if (window && id == window->ID) return;  // whole windows are not widgets
    // Some widgets report twice (MenuItem: its inner Selectable without a label, then
    // itself): keep one item, with the kind of the first report and the label of the last.
    if (!c.building.empty() && c.building.back().id == id && id != 0) {
        if (label && *label) c.building.back().label = bianmin::test_hook::visible_label(label);
        return;
    }
    const bool added_already = id == c.pending_id;
    ImRect rect = added_already ? c.pending_rect : ctx->LastItemData.Rect;
    const bool hinted = c.hint && (c.hint_id == 0 || c.hint_id == id);
    const char* kind = hinted ? c.hint : bianmin::test_hook::kind_from_flags(flags, window);
    c.hint = nullptr;
    c.hint_id = 0;
    bianmin::test_hook::add(ctx, id, rect, bianmin::test_hook::visible_label(label), kind);
    if (!added_already) {
        c.awaiting_rect_id = id;
        c.awaiting_rect_index = c.building.size() - 1;
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
