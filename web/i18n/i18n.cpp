#include "i18n/i18n.h"

#include <string>
#include <unordered_map>

namespace bianmin::i18n {

extern const Entry kEntries[];
extern const int kEntryCount;

namespace {

Lang g_current = Lang::Zh;

const std::unordered_map<std::string_view, const Entry*>& index() {
    static const auto* map = [] {
        auto* m = new std::unordered_map<std::string_view, const Entry*>();
        for (int i = 0; i < kEntryCount; ++i) m->emplace(kEntries[i].key, &kEntries[i]);
        return m;
    }();
    return *map;
}

}  // namespace

Lang current() { return g_current; }
void set_current(Lang lang) { g_current = lang; }

const char* code(Lang lang) { return lang == Lang::Zh ? "zh" : "en"; }
const char* bcp47(Lang lang) { return lang == Lang::Zh ? "zh-CN" : "en"; }

bool parse_code(std::string_view text, Lang& out) {
    if (text == "zh" || text == "zh-CN") { out = Lang::Zh; return true; }
    if (text == "en") { out = Lang::En; return true; }
    return false;
}

const char* tr(const char* key) {
    const auto& map = index();
    auto it = map.find(key);
    if (it == map.end()) {
        // Kept for the life of the program so the pointer stays valid; keys are few.
        static std::unordered_map<std::string, std::string> missing;
        auto [slot, _] = missing.try_emplace(key, std::string("⟦") + key + "⟧");
        return slot->second.c_str();
    }
    return g_current == Lang::Zh ? it->second->zh : it->second->en;
}

const Entry* find(const char* key) {
    const auto& map = index();
    auto it = map.find(key);
    return it == map.end() ? nullptr : it->second;
}

int entry_count() { return kEntryCount; }
const Entry& entry(int i) { return kEntries[i]; }

}  // namespace bianmin::i18n
