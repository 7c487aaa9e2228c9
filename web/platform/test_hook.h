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

namespace bianmin::test_hook {

void enable(bool on);
bool enabled();

// The next item ImGui reports gets this kind instead of the one guessed from its flags.
void hint_next_kind(const char* kind);

// Report the last submitted item (ImGui's LastItemData) under a label and kind.
void record_last_item(const char* label, const char* kind);

// Call once per frame after ImGui::Render(): the frame's items become the reported set.
void end_frame();

// JSON array of the last frame's items in framebuffer pixels; valid until next call.
const char* items_json();

}  // namespace bianmin::test_hook
