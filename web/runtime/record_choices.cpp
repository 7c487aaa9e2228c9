#include "runtime/record_choices.h"

#include <algorithm>
#include <cassert>
#include <cstdio>

#include "bianmin/fields.hpp"
#include "bianmin/queries.hpp"
#include "bianmin/registers.hpp"
#include "imgui.h"
#include "i18n/format.h"
#include "runtime/session.h"
#include "ui/fields.h"
#include "ui/widgets.h"

namespace bianmin::choices {

std::string Choices::id(int index) const {
    return index >= 0 && index < size() ? ids[std::size_t(index)] : std::string();
}

int Choices::index_of(const std::string& wanted) const {
    auto it = std::find(ids.begin(), ids.end(), wanted);
    return it == ids.end() ? -1 : int(it - ids.begin());
}

void Choices::add(std::string id, std::string label) {
    ids.push_back(std::move(id));
    labels.push_back(std::move(label));
}

bool pick(const char* key, int& index, const Choices& choices) {
    if (index >= choices.size()) index = choices.size() - 1;
    if (index < 0) index = 0;
    return ui::combo_data(key, &index, choices.labels);
}

std::string& current_household() {
    static std::string household;
    return household;
}

std::string item_name(const State& s, const std::string& item_id) {
    return i18n::current() == i18n::Lang::Zh ? item_name_zh(s, item_id) : item_name_en(s, item_id);
}

std::string household_name(const State& s, const std::string& household_id) {
    const HouseholdRecord* h = s.find_household(household_id);
    std::string out = household_label(s, household_id);
    if (h && !h->residents.empty()) out += " " + staff_name(s, h->residents.front());
    return out;
}

namespace {

// "14:30" of the instant on its local day.
std::string clock_of(const State& s, const LocalDate& day, std::int64_t ms) {
    const std::int64_t minutes = (ms - local_day_start_ms(day, s.settings.tz_offset_minutes)) / 60000;
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", int(minutes / 60) % 24, int(minutes % 60));
    return clock;
}

}  // namespace

std::string when(const State& s, std::int64_t ms) {
    if (ms == 0) return {};
    const LocalDate day = date_at(s, ms);
    return to_string(day) + " " + clock_of(s, day, ms);
}

std::string when_text(const State& s, std::int64_t ms) {
    if (ms == 0) return {};
    const LocalDate day = date_at(s, ms);
    return i18n::date({day.year, day.month, day.day}) + " " + clock_of(s, day, ms);
}

std::string price_text(const PriceRow& row) {
    const bool zh = i18n::current() == i18n::Lang::Zh;
    if (row.billing == Billing::free) return label(row.billing);
    return i18n::money(row.price) + "/" + (zh ? row.unit_zh : row.unit_en);
}

namespace {

// One list kept for the session's state at one revision, in one language.
struct Kept {
    bool valid = false;
    std::uint64_t revision = 0;
    i18n::Lang lang = i18n::Lang::Zh;
    std::uint32_t roles = 0;
    Choices choices;
};

template <typename Build>
const Choices& kept(Kept& k, const State& s, std::uint32_t roles, Build build) {
    const bool session_state = &s == &session::state();
    if (k.valid && session_state && k.revision == session::revision() && k.lang == i18n::current() && k.roles == roles)
        return k.choices;
    k.choices = Choices{};
    build(k.choices);
    k.valid = session_state;  // another State has no revision to check against
    k.revision = session::revision();
    k.lang = i18n::current();
    k.roles = roles;
    return k.choices;
}

}  // namespace

const Choices& published_items(const State& s) {
    static Kept k;
    return kept(k, s, 0, [&](Choices& out) {
        const PriceTableRecord* table = current_price_table(s);
        if (!table) return;
        for (const PriceRow& row : table->def.rows) {
            const ItemRecord* item = s.find_item(row.item_id);
            if (item && item->status == ItemStatus::stopped) continue;
            out.add(row.item_id, item_name(s, row.item_id) + " " + price_text(row));
        }
    });
}

const Choices& households(const State& s) {
    static Kept k;
    return kept(k, s, 0, [&](Choices& out) {
        for (const auto& [id, h] : s.households) out.add(id, household_name(s, id));
    });
}

const Choices& staff(const State& s, std::uint32_t roles) {
    static std::map<std::uint32_t, Kept> by_roles;  // a screen may hold two lists at once
    return kept(by_roles[roles], s, roles, [&](Choices& out) {
        for (const auto& [id, person] : s.staff) {
            if (!person.active) continue;
            bool holds = roles == 0;
            for (Role r : person.roles) holds = holds || (roles & role_bit(r)) != 0;
            if (holds) out.add(id, person.name);
        }
    });
}

Choices forms_of(const State& s, const std::string& household_id, bool open_only) {
    Choices out;
    for (const FormRecord* form : forms_of_household(s, household_id)) {
        if (open_only && form->stopped) continue;
        out.add(form->def.form_id, item_name(s, form->def.item_id) + " · " + form->def.form_id);
    }
    return out;
}

void detail_fields(const State& s, const std::string& item_id, std::map<std::string, std::string>& details,
                   const session::Form& form) {
    const ItemRecord* item = s.find_item(item_id);
    std::map<std::string, std::string> kept;
    if (item) {
        const bool zh = i18n::current() == i18n::Lang::Zh;
        for (RegisterKind r : item->def.registers)
            for (const DetailSpec& d : register_details(r)) {
                const std::string key(d.key);
                if (kept.count(key)) continue;
                std::string& value = kept[key];
                value = details[key];
                ImGui::PushID(key.c_str());
                ui::value_text(std::string(zh ? d.zh : d.en) + (d.required ? " *" : ""));
                ui::text_field("choices.detail_value", value, form.error("details." + key));
                ImGui::PopID();
            }
    }
    details = std::move(kept);
}

Column column(const char* id, const char* key, bool numeric) {
    const i18n::Entry* entry = i18n::find(key);
    assert(entry && "column title key missing from the translation table");
    return Column{id, entry ? entry->zh : key, entry ? entry->en : key, numeric};
}

}  // namespace bianmin::choices
