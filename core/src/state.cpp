// Small lookups over State.
#include "bianmin/state.hpp"

#include <algorithm>

namespace bianmin {
namespace {

template <class Map>
const typename Map::mapped_type* find_in(const Map& map, const std::string& id) {
    auto it = map.find(id);
    return it == map.end() ? nullptr : &it->second;
}

}  // namespace

std::int64_t Settings::deduction_months(ViolationSource source) const {
    switch (source) {
        case ViolationSource::town_inspection: return deduction_months_town;
        case ViolationSource::public_report: return deduction_months_public;
        case ViolationSource::county_inspection: return deduction_months_county;
        case ViolationSource::city_inspection: return deduction_months_city;
        case ViolationSource::province_inspection: return deduction_months_province;
    }
    return 0;
}

bool StaffRecord::has_role(Role role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool ItemRecord::feeds(RegisterKind r) const {
    return std::find(def.registers.begin(), def.registers.end(), r) != def.registers.end();
}

const PriceRow* PriceTableRecord::row(const std::string& item_id) const {
    for (const auto& r : def.rows)
        if (r.item_id == item_id) return &r;
    return nullptr;
}

std::ostream& operator<<(std::ostream& os, const Anomaly& anomaly) {
    return os << anomaly.code << " at " << anomaly.event << " (" << to_string(anomaly.type) << ")"
              << (anomaly.skipped ? " skipped: " : ": ") << anomaly.message_en;
}

const StaffRecord* State::find_staff(const std::string& id) const { return find_in(staff, id); }
const HouseholdRecord* State::find_household(const std::string& id) const { return find_in(households, id); }
const ResidentRecord* State::find_resident(const std::string& id) const { return find_in(residents, id); }
const ItemRecord* State::find_item(const std::string& id) const { return find_in(items, id); }
const FormRecord* State::find_form(const std::string& id) const { return find_in(forms, id); }
const PriceTableRecord* State::find_table(const std::string& id) const { return find_in(price_tables, id); }
const DeviceRecord* State::find_device(const std::string& id) const { return find_in(devices, id); }

const MoneyEntry* State::find_money(const std::string& id) const {
    auto it = money_index.find(id);
    return it == money_index.end() ? nullptr : &money[it->second];
}

std::uint64_t State::next_seq(const std::string& device) const {
    auto it = max_seq.find(device);
    return it == max_seq.end() ? 1 : it->second + 1;
}

}  // namespace bianmin
