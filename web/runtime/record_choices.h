// Record choices — the lists people pick records from on the serving screens (items on
// the published price table, households, staff, a household's forms), record names in
// the current language, core enum labels, and core Table columns titled from the
// translation table. Everything here reads the session's State; nothing changes it.
//
//   static int item = 0;
//   const auto items = choices::published_items(state);
//   choices::pick("desk.item", item, items);
//   payload.item_id = items.id(item);
#pragma once

#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "bianmin/enums.hpp"
#include "bianmin/state.hpp"
#include "bianmin/table.hpp"
#include "i18n/i18n.h"
#include "runtime/form.h"

namespace bianmin::choices {

// Ids and what a person sees for each, in the same order.
struct Choices {
    std::vector<std::string> ids, labels;
    bool empty() const { return ids.empty(); }
    int size() const { return int(ids.size()); }
    // The id at `index`, or "" when out of range (nothing to choose from).
    std::string id(int index) const;
    int index_of(const std::string& id) const;  // -1 when absent
    void add(std::string id, std::string label);
};

// A combo over the choices; keeps `index` in range. True when the choice changed.
bool pick(const char* key, int& index, const Choices& choices);

// The household the desk is serving now: chosen on one screen, kept for the next
// (register a household, then log its delivery without looking for it again).
std::string& current_household();

// The next three are kept until the session's state or the language changes (for another
// State they are built on every call): screens draw them every frame, and building the
// households walks every household of the estate — milliseconds a frame at 200,000 events.
// Rows of the current published price table: "家政服务 40.00元/小时".
const Choices& published_items(const State& s);
// Every household: "1-101 李伟".
const Choices& households(const State& s);
// Active staff members: "方丽", optionally only those holding one of `roles` (role_bit()s).
const Choices& staff(const State& s, std::uint32_t roles = 0);
// A household's long-term forms not stopped (or all its forms): "家政服务 · F-tab-12".
Choices forms_of(const State& s, const std::string& household_id, bool open_only);

// Names in the current language.
std::string item_name(const State& s, const std::string& item_id);
std::string household_name(const State& s, const std::string& household_id);  // "1-101 李伟"
// "2024-03-05 14:30" in the estate's time zone (0 → ""): for table cells, where the
// ISO form sorts as text and reads the same in both languages.
std::string when(const State& s, std::int64_t ms);
// "2024年3月5日 14:30" / "5 Mar 2024 14:30": for a date a person reads beside a label.
std::string when_text(const State& s, std::int64_t ms);
// "40.00元/小时" for a price row.
std::string price_text(const PriceRow& row);

// A core enum's label in the current language.
template <TabledEnum E>
std::string label(E value) {
    return std::string(i18n::current() == i18n::Lang::Zh ? label_zh(value) : label_en(value));
}
// Every value of a core enum, and their labels, for a combo.
template <TabledEnum E>
std::vector<std::string> labels() {
    std::vector<std::string> out;
    for (const auto& entry : EnumTable<E>::entries) out.push_back(label(entry.value));
    return out;
}
template <TabledEnum E>
E value_at(int index) {
    const auto& entries = EnumTable<E>::entries;
    const int count = int(std::size(entries));
    return entries[index < 0 ? 0 : index >= count ? count - 1 : index].value;
}

// The register columns an entrustment form for the item must carry (registers.hpp), as
// text fields under the column's name; keys no longer asked for are dropped. Errors of the
// form's "details.<key>" fields show beside each.
void detail_fields(const State& s, const std::string& item_id, std::map<std::string, std::string>& details,
                   const session::Form& form);

// A core Table column titled by a translation key (both languages from the table).
Column column(const char* id, const char* key, bool numeric = false);

}  // namespace bianmin::choices
