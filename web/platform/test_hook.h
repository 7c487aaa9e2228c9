// Test hook — what ImGui drew, for window.bianmin.ui.items() (page opened with ?test=1).
//
// Dear ImGui calls ImGuiTestEngineHook_ItemAdd/ItemInfo for every interactive item when
// GImGui->TestEngineHookItems is true (see imconfig_bianmin.h). We collect them per frame
// as {id, label, window, kind, rect}; the page converts rectangles to CSS pixels.
//
// Without ?test=1 the hooks are off: ImGui skips them with one branch per item.
//
// Kinds come from ImGui's status flags (input, checkbox, tree, menu) or from a hint the
// widget wrappers in web/ui/ give just before drawing (tab, combo, selectable,
// table-cell, text). Items ImGui does not report itself (text, combos) are added with
// record_last_item().
#pragma once

struct ImRect;

namespace bianmin::test_hook {

void enable(bool on);
bool enabled();

// The next item ImGui reports gets this kind instead of the one guessed from its flags.
void hint_next_kind(const char* kind);

// Report the last submitted item (ImGui's LastItemData) under a label and kind.
void record_last_item(const char* label, const char* kind);

// Report an item ImGui does not know (a bar of a chart, a signature pad), in framebuffer
// pixels of the current window's frame.
void record_item(const ImRect& rect, const char* label, const char* kind);

// Give the last reported item with ImGui's last item id a label (fields whose label is
// drawn apart from the ImGui widget, which is then labelled "##key").
void set_last_label(const char* label);

// Attach the current value to the last reported item with ImGui's last item id (text
// fields): items() shows it as `value`, so tests can read back what a field holds.
void set_last_value(const char* value);

// Call once per frame after ImGui::Render(): the frame's items become the reported set.
void end_frame();

// JSON array of the last frame's items in framebuffer pixels; valid until next call.
// Each item: {id, label, window, kind, x, y, w, h} and `value` for items that have one.
const char* items_json();

}  // namespace bianmin::test_hook
