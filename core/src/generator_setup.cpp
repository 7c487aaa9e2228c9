// Setting up the simulated estate: the estate itself, staff for every role, the
// office's devices, buildings and rooms, the catalogue; then the households and their
// residents, typed in from the paper files over the first days; then the phones of the
// residents who use the app.
#include "bianmin/catalogue.hpp"
#include "generator_sim.hpp"

namespace bianmin::gen {
namespace {

constexpr int kRoomsPerFloor = 4;
constexpr int kVillas = 40;
constexpr int kRegisteredPerDay = 700;  // households typed in per day

// Every generated staff member's sign-in PIN is 1234: PBKDF2-HMAC-SHA256 of "1234" with
// the salt "bianmin-generated-staff", 210,000 rounds (as the browser derives it), so a
// generated estate opened in the app can be signed into. Real estates set real PINs.
void give_generated_pin(Sim& sim, const std::string& person_id) {
    sim.act(sim.om, PinSet{person_id, "Ymlhbm1pbi1nZW5lcmF0ZWQtc3RhZmY=",
                           "wFwYa+VyX36E1NmywG8054dBAfVJgyEGezcOG+71D2M=", 210000, std::string(kPinAlgorithm)});
}

void hire(Sim& sim, std::vector<Person>& team, const std::string& prefix, Role role, int count,
          const std::string& window, int first_rest_day) {
    for (int i = 0; i < count; ++i) {
        std::string id = prefix + std::to_string(i + 1);
        std::string shown_window = window == "window" ? std::to_string(i + 1) + "号窗口" : window;
        sim.act(sim.om, StaffRegistered{id, person_name(sim.rng), {role}, shown_window, mobile_phone(sim.rng)});
        give_generated_pin(sim, id);
        // Rest days are spread so that a team of two or more is never all away.
        int rest = count > 1 ? (first_rest_day + i * 3) % 7 : -1;
        team.push_back(Person{Actor{id, role}, "office-pc", rest, true});
    }
}

// Rooms of the estate, building by building: a villa area, then high-rise buildings
// with 4 rooms per floor ("1201" = 12th floor, room 1).
struct Room {
    std::string building, room;
};

std::vector<Room> plan_rooms(Sim& sim, std::vector<std::pair<std::string, std::string>>& buildings) {
    std::vector<Room> rooms;
    const int wanted = sim.profile.households;
    if (wanted >= 200) {
        buildings.emplace_back("V", "别墅区");
        for (int v = 1; v <= kVillas; ++v) {
            std::string room = v < 10 ? "0" : "";  // "01".."40" (+=: GCC 12 warns wrongly on "x" + temporary)
            room += std::to_string(v);
            rooms.push_back({"V", room});
        }
    }
    // About 9 in 10 rooms are occupied: build until there is room for everyone.
    for (int b = 1; int(rooms.size()) * 9 < wanted * 10; ++b) {
        std::string id = std::to_string(b);
        buildings.emplace_back(id, id + "栋");
        int floors = sim.rng.between(11, 32);
        for (int f = 1; f <= floors; ++f)
            for (int r = 1; r <= kRoomsPerFloor; ++r) rooms.push_back({id, std::to_string(f * 100 + r)});
    }
    return rooms;
}

void register_home(Sim& sim, const Person& desk, Home& home) {
    const std::string family = surname(sim.rng);
    const std::string phone = mobile_phone(sim.rng);
    sim.act(desk, HouseholdRegistered{home.id, home.building, home.room, phone, ""});
    const Tenure tenure = sim.rng.percent(82) ? Tenure::owner : Tenure::tenant;
    auto add = [&](std::string name, std::string resident_phone) {
        std::string id = "R-" + home.id + "-" + std::to_string(home.residents.size() + 1);
        sim.act(desk, ResidentRegistered{id, home.id, std::move(name), std::move(resident_phone), tenure});
        home.residents.push_back(id);
    };
    add(family + given_name(sim.rng), phone);
    // A spouse (another surname), sometimes a grown-up child with the family name; each
    // name is drawn before its phone.
    if (sim.rng.percent(60)) {
        std::string spouse = person_name(sim.rng);
        add(std::move(spouse), mobile_phone(sim.rng));
        if (sim.rng.percent(25)) {
            std::string child = family + given_name(sim.rng);
            add(std::move(child), mobile_phone(sim.rng));
        }
    }
}

}  // namespace

void draw_habits(Sim& sim, Home& home, std::int64_t from_day) {
    home.barrel_water = sim.rng.percent(40);
    home.bottled_water = !home.barrel_water && sim.rng.percent(10);
    home.car = sim.rng.percent(30);
    home.housekeeping = sim.rng.percent(10);
    home.newspaper = sim.rng.percent(6);
    home.join_day = from_day + sim.rng.below(75);
}

void found_estate(Sim& sim) {
    const EstateProfile& p = sim.profile;
    sim.set_pace(20, 90);
    sim.om = Person{Actor{"om", Role::office_manager}, "office-pc"};
    sim.add_device("office-pc");
    sim.act(sim.om, EstateCreated{"jiazhou-garden", "加州城市花园", "California City Garden", sim.tz, person_name(sim.rng)});
    give_generated_pin(sim, "om");
    sim.act(sim.om, StaffRegistered{"gm", person_name(sim.rng), {Role::general_manager}, "", mobile_phone(sim.rng)});
    give_generated_pin(sim, "gm");
    sim.gm = Person{Actor{"gm", Role::general_manager}, "office-pc"};
    hire(sim, sim.front_desk, "fd", Role::front_desk, std::max(1, p.front_desk), "window", 6);
    hire(sim, sim.cashiers, "cs", Role::cashier, std::max(2, p.cashiers), "收银台", 6);
    hire(sim, sim.water_team, "sw", Role::service_worker, std::max(1, p.water_workers), "送水组", 0);
    hire(sim, sim.housekeepers, "hk", Role::service_worker, std::max(1, p.housekeepers), "家政组", 2);
    hire(sim, sim.general_team, "gw", Role::service_worker, std::max(1, p.general_workers), "综合服务组", 4);
    hire(sim, sim.assessors, "ag", Role::assessment_group, std::max(1, p.assessors), "", 0);
    for (auto& a : sim.assessors) a.rest_weekday = -1;  // not window staff: no attendance

    // Devices: the cashier's PC and the staff tablets.
    sim.act(sim.om, DeviceRegistered{"cashier-pc", "收银台电脑", DeviceKind::office, ""});
    for (auto& c : sim.cashiers) c.device = "cashier-pc";
    for (int t = 1; t <= std::max(1, p.tablets); ++t) {
        std::string id = "tab-" + std::to_string(t);
        sim.act(sim.om, DeviceRegistered{id, "服务平板" + std::to_string(t) + "号", DeviceKind::office, ""});
        sim.tablets.push_back(id);
    }
    const std::size_t tablets = sim.tablets.size();
    const std::size_t water_tablets = tablets > 1 ? tablets - 1 : 1;
    for (std::size_t i = 0; i < sim.water_team.size(); ++i) sim.water_team[i].device = sim.tablets[i % water_tablets];
    for (auto* team : {&sim.housekeepers, &sim.general_team})
        for (auto& w : *team) w.device = sim.tablets.back();

    // Buildings and the rooms that will be households.
    std::vector<std::pair<std::string, std::string>> buildings;
    std::vector<Room> rooms = plan_rooms(sim, buildings);
    for (const auto& [id, name] : buildings) sim.act(sim.om, BuildingAdded{id, name});
    // Selection sampling: exactly `households` rooms, spread over the buildings.
    int wanted = std::min<int>(p.households, int(rooms.size()));
    for (std::size_t i = 0; i < rooms.size() && wanted > 0; ++i) {
        if (sim.rng.below(int(rooms.size() - i)) >= wanted) continue;
        --wanted;
        Home h;
        h.id = rooms[i].building + "-" + rooms[i].room;
        h.building = rooms[i].building;
        h.room = rooms[i].room;
        sim.home_index[h.id] = sim.homes.size();
        sim.homes.push_back(std::move(h));
    }
    // The service items of the catalogue [3-4.2.3, 3-4.2.4].
    auto catalogue = default_catalogue();
    if (!catalogue.ok()) {
        sim.errors = catalogue.errors();
        return;
    }
    for (const auto& item : catalogue.value().items) sim.act(sim.om, item);
}

void plan_setup(Sim& sim) {
    if (sim.homes_registered >= sim.homes.size()) return;
    // The front desk types in the households from the paper files, a batch a day.
    sim.plan(8, 40, [&sim] {
        sim.set_pace(5, 12);
        const Person& desk = sim.front_desk.front();
        std::size_t end = std::min(sim.homes.size(), sim.homes_registered + kRegisteredPerDay);
        for (; sim.homes_registered < end && !sim.failed(); ++sim.homes_registered)
            register_home(sim, desk, sim.homes[sim.homes_registered]);
        sim.set_pace(10, 60);
        if (sim.homes_registered < sim.homes.size()) return;
        sim.setup_done_day = sim.day;
        // Everyone is in: the office sets up the phones of residents who use the app.
        for (auto& h : sim.homes) {
            if (!sim.rng.permille(sim.profile.resident_phones_permille)) continue;
            h.phone_device = "ph-" + h.id;
            const ResidentRecord* r = sim.state().find_resident(h.residents.front());
            sim.act(sim.om, DeviceRegistered{h.phone_device, (r ? r->name : h.id) + "的手机", DeviceKind::resident, h.id});
        }
    });
}

}  // namespace bianmin::gen
