// Widgets — thin wrappers over ImGui that take translation keys and tell the test hook
// what kind of widget each item is. Screens use these, not raw ImGui calls, for anything
// labelled, so every visible string goes through i18n::tr().
#pragma once

namespace bianmin::ui {

// A large heading; reported to the test hook as kind "text".
void title(const char* key);

// Body text from a translation key; reported as kind "text".
void text(const char* key);

// A button labelled with tr(key); true on the frame it is clicked.
bool button(const char* key);

}  // namespace bianmin::ui
