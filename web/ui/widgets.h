// Widgets — thin wrappers over ImGui that take translation keys and tell the test hook
// what kind of widget each item is. Screens use these, not raw ImGui calls, for anything
// labelled, so every visible string goes through i18n::tr().
//
// Keys double as ImGui IDs ("保存###form.save"), so an item keeps its identity when the
// language changes. Inside loops, wrap each row in ImGui::PushID/PopID as usual.
// Text that is data, not UI (names, addresses, amounts), goes through value_text() and
// the *_data variants: their characters are checked against the font atlas (rare names).
//
// More widgets live beside this file: fields.h (text, money, date fields with inline
// errors), data_table.h, bar_chart.h, signature_pad.h, status.h, csv.h.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bianmin::ui {

//-------------------------------------------------------------------------------------
// [SECTION] Text (kind "text")
//-------------------------------------------------------------------------------------

// A large heading.
void title(const char* key);
// A section heading with a rule under it.
void heading(const char* key);
// Body text from a translation key.
void text(const char* key);
// Like text() but wrapped at the window's edge.
void text_wrapped(const char* key);
// Greyed explanatory text.
void hint(const char* key);
// Data shown as is: a name, an address, an amount already formatted.
void value_text(std::string_view text);
// A sentence made from data (a filled-in message): wrapped at the window's or cell's edge,
// so it never runs off a phone screen.
void value_text_wrapped(std::string_view text);
// "label: value" on one line, label from a key.
void label_value(const char* key, std::string_view value);
// A label_value (or a text()) beside the previous item, `spacing` apart, when the line has
// room for it, else on the next line: summary lines that must not run off a phone screen.
void label_value_beside(const char* key, std::string_view value, float spacing);
void text_beside(const char* key, float spacing);
// Places the next item, `width` wide, beside the previous one when the line has room for
// it, else leaves it for the next line (spacing < 0: the style's item spacing).
void beside_if_room(float width, float spacing = -1.0f);
// The width button(key) will take.
float button_width(const char* key);
// An error message in red (already in the current language).
void error_text(std::string_view message);

// The label text for a key plus "###key" (stable ID whatever the language).
std::string id_label(const char* key);

//-------------------------------------------------------------------------------------
// [SECTION] Buttons and choices
//-------------------------------------------------------------------------------------

// kind "button"; true on the frame it is clicked (or tapped, or activated by keyboard).
bool button(const char* key);
// A wide, coloured button for the screen's main action.
bool primary_button(const char* key);
// A button that is shown but cannot be used (e.g. "Save" while the form has errors).
bool button_enabled_if(const char* key, bool enabled);

// kind "checkbox".
bool checkbox(const char* key, bool* value);

// kind "combo"; options are translation keys. Its options are kind "selectable".
bool combo(const char* key, int* current, std::span<const char* const> option_keys);
// The same over data (item names, staff names); options shown as they are.
bool combo_data(const char* key, int* current, const std::vector<std::string>& options);

// kind "selectable": a row that can be chosen; `text` is data.
bool selectable_data(std::string_view text, bool selected, const char* id = nullptr);
// kind "tab": one entry of the app's navigation row, as wide as its label.
bool nav_entry(const char* key, bool selected);

// Tabs: if (ui::begin_tabs("id")) { if (ui::tab("key")) { ...; ui::end_tab(); } ui::end_tabs(); }
bool begin_tabs(const char* id);
// kind "tab"; true while its contents should be drawn. `select_now` makes it the open tab.
bool tab(const char* key, bool select_now = false);
void end_tab();
void end_tabs();

// Menus: kind "menu".
bool menu_item(const char* key, bool selected = false);
// A context menu for the last item: right click, or a long press on a touch screen.
bool begin_context_menu();
void end_context_menu();

}  // namespace bianmin::ui
