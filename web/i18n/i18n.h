// i18n — every string a person sees goes through tr().
//
// The tables in strings*.cpp (one per area of the app) hold each key with its Chinese
// (default) and English text. A table registers itself:
//     const i18n::Entry kResidentStrings[] = {{"resident.title", "住户", "Resident"}, ...};
//     const i18n::StringTable kResidentTable{kResidentStrings};
// A key defined twice is a programmer mistake (assert).
// A key missing from the table shows as "⟦key⟧" so a test (or a person) spots it at
// once instead of reading a silent fallback.
#pragma once

#include <span>
#include <string_view>

namespace bianmin::i18n {

enum class Lang { Zh, En };

Lang current();
void set_current(Lang lang);

const char* code(Lang lang);     // "zh" / "en" (window.bianmin.lang())
const char* bcp47(Lang lang);    // "zh-CN" / "en" (<html lang>)
bool parse_code(std::string_view code, Lang& out);

// The current language's text for key; "⟦key⟧" if the key is unknown.
const char* tr(const char* key);
// The same in a given language (text shown in both at once, or for a test).
const char* tr(Lang lang, const char* key);

// For tests and tools: the number of keys, and the key/zh/en of entry i.
struct Entry {
    const char* key;
    const char* zh;
    const char* en;
};
// Registers a table of entries (static storage) at start-up.
struct StringTable {
    explicit StringTable(std::span<const Entry> entries);
};

int entry_count();
const Entry& entry(int index);
// The entry for key, or null: for text needed in both languages at once (error messages).
const Entry* find(const char* key);

}  // namespace bianmin::i18n
