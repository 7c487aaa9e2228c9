#include "i18n/i18n.h"

#include <cassert>
#include <string>
#include <vector>
#include <unordered_map>

namespace bianmin::i18n {

namespace {

Lang g_current = Lang::Zh;

// Every entry of every registered table, in registration order. Filled by the static
// StringTable objects of the strings_*.cpp files before main() runs.
std::vector<const Entry*>& all_entries() {
    static std::vector<const Entry*> entries;
    return entries;
}

const std::unordered_map<std::string_view, const Entry*>& index() {
    static const auto* map = [] {
        auto* m = new std::unordered_map<std::string_view, const Entry*>();
        for (const Entry* e : all_entries()) {
            const bool fresh = m->emplace(e->key, e).second;
            assert(fresh && "a translation key is defined twice");
            (void)fresh;
        }
        return m;
    }();
    return *map;
}

}  // namespace

StringTable::StringTable(std::span<const Entry> entries) {
    for (const Entry& e : entries) all_entries().push_back(&e);
}

Lang current() { return g_current; }
void set_current(Lang lang) { g_current = lang; }

const char* code(Lang lang) { return lang == Lang::Zh ? "zh" : "en"; }
const char* bcp47(Lang lang) { return lang == Lang::Zh ? "zh-CN" : "en"; }

bool parse_code(std::string_view text, Lang& out) {
    if (text == "zh" || text == "zh-CN") { out = Lang::Zh; return true; }
    if (text == "en") { out = Lang::En; return true; }
    return false;
}

const char* tr(const char* key) { return tr(g_current, key); }

const char* tr(Lang lang, const char* key) {
    const auto& map = index();
    auto it = map.find(key);
    if (it == map.end()) {
        // Kept for the life of the program so the pointer stays valid; keys are few.
        static std::unordered_map<std::string, std::string> missing;
        auto [slot, _] = missing.try_emplace(key, std::string("⟦") + key + "⟧");
        return slot->second.c_str();
    }
    return lang == Lang::Zh ? it->second->zh : it->second->en;
}

const Entry* find(const char* key) {
    const auto& map = index();
    auto it = map.find(key);
    return it == map.end() ? nullptr : it->second;
}

int entry_count() { return int(all_entries().size()); }
const Entry& entry(int i) { return *all_entries()[std::size_t(i)]; }

}  // namespace bianmin::i18n
