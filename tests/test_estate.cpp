// Area 2: estate, buildings, households (栋号/房号), residents and phones, staff with
// windows; devices. SPEC "People", [1-4.4], [3-4.2.6].
#include "fixture.hpp"

using namespace fx;

TEST_CASE("[1-4.4] an estate is founded once, by an office manager, who becomes its first staff member") {
    World w;
    auto events = w.ok(OM, EstateCreated{"jiazhou", "加州城市花园", "", kTz, "欧经理"});
    const State& s = w.state();
    CHECK(s.has_estate);
    CHECK(s.estate_id == "jiazhou");
    REQUIRE(s.find_staff("om"));
    CHECK(s.find_staff("om")->has_role(Role::office_manager));
    REQUIRE(s.find_device("office"));
    CHECK(s.find_device("office")->kind == DeviceKind::office);
    CHECK(events.front().id == EventId{"office", 1});
    SUBCASE("a second estate on the same log is refused") {
        CHECK(has(w.fail(OM, EstateCreated{"other", "别的小区", "", kTz, "欧经理"}), "auth.estate_exists"));
    }
}

TEST_CASE("[1-4.4] founding needs an id, a name, a founder and a sane timezone") {
    World w;
    SUBCASE("empty name") { CHECK(has(w.fail(OM, EstateCreated{"e1", "", "", kTz, "欧"}), "estate.name_required")); }
    SUBCASE("bad id") { CHECK(has(w.fail(OM, EstateCreated{"e 1", "小区", "", kTz, "欧"}), "estate.bad_id")); }
    SUBCASE("timezone") { CHECK(has(w.fail(OM, EstateCreated{"e1", "小区", "", 9999, "欧"}), "estate.bad_timezone")); }
    SUBCASE("founder") { CHECK(has(w.fail(OM, EstateCreated{"e1", "小区", "", kTz, ""}), "estate.founder_required")); }
    SUBCASE("a cashier cannot found it") {
        CHECK(has(w.fail(CS, EstateCreated{"e1", "小区", "", kTz, "蔡"}), "auth.role_forbidden"));
    }
    CHECK_FALSE(w.state().has_estate);
}

TEST_CASE("[1-4.4] households are registered by building and room, with a phone") {
    World w;
    w.found();
    const State& s = w.state();
    CHECK(s.households.size() == 4);
    const HouseholdRecord* h = s.find_household("1-101");
    REQUIRE(h);
    CHECK(h->building_id == "1");
    CHECK(h->room == "101");
    CHECK(h->phone == "0755-8800101");
    CHECK(h->residents == std::vector<std::string>{"r101"});
    CHECK(household_label(s, "2-201") == "2-201");
}

TEST_CASE("[1-4.4] registering a household checks its building, room, phone and uniqueness") {
    World w;
    w.found();
    SUBCASE("unknown building") { CHECK(has(w.fail(FD, HouseholdRegistered{"", "9", "901", "", ""}), "household.unknown_building")); }
    SUBCASE("the same room twice") { CHECK(has(w.fail(FD, HouseholdRegistered{"", "1", "101", "", ""}), "household.duplicate_id")); }
    SUBCASE("bad phone") { CHECK(has(w.fail(FD, HouseholdRegistered{"", "1", "103", "call me", ""}), "household.bad_phone")); }
    SUBCASE("missing room") { CHECK(has(w.fail(FD, HouseholdRegistered{"x", "1", "", "", ""}), "household.id_required")); }
    SUBCASE("a service worker may not register households") {
        CHECK(has(w.fail(SW, HouseholdRegistered{"", "1", "103", "", ""}), "auth.role_forbidden"));
    }
}

TEST_CASE("[1-4.4] residents belong to a household and have a name; ids are unique among people") {
    World w;
    w.found();
    SUBCASE("unknown household") {
        CHECK(has(w.fail(FD, ResidentRegistered{"", "9-999", "某人", "", Tenure::owner}), "resident.unknown_household"));
    }
    SUBCASE("no name") { CHECK(has(w.fail(FD, ResidentRegistered{"", "1-101", "", "", Tenure::owner}), "resident.name_required")); }
    SUBCASE("a staff id reused") {
        CHECK(has(w.fail(FD, ResidentRegistered{"fd", "1-101", "某人", "", Tenure::owner}), "resident.duplicate_id"));
    }
    SUBCASE("generated id") {
        auto events = w.ok(FD, ResidentRegistered{"", "1-102", "王太太", "13900000103", Tenure::owner});
        std::string id = w.payload_of<ResidentRegistered>(events).person_id;
        CHECK(id.rfind("R-office-", 0) == 0);
        CHECK(w.state().find_household("1-102")->residents.size() == 2);
    }
}

TEST_CASE("[SPEC People] staff have roles and a window; the office manager registers them") {
    World w;
    w.found();
    const StaffRecord* fd = w.state().find_staff("fd");
    REQUIRE(fd);
    CHECK(fd->window == "1号窗口");
    CHECK(fd->has_role(Role::front_desk));
    CHECK_FALSE(fd->has_role(Role::cashier));
    SUBCASE("roles must be given, never resident, never twice") {
        CHECK(has(w.fail(OM, StaffRegistered{"x1", "某", {}, "", ""}), "staff.bad_roles"));
        CHECK(has(w.fail(OM, StaffRegistered{"x1", "某", {Role::resident}, "", ""}), "staff.bad_roles"));
        CHECK(has(w.fail(OM, StaffRegistered{"x1", "某", {Role::cashier, Role::cashier}, "", ""}), "staff.bad_roles"));
    }
    SUBCASE("a name is required") { CHECK(has(w.fail(OM, StaffRegistered{"x1", "", {Role::cashier}, "", ""}), "staff.name_required")); }
    SUBCASE("duplicate id") { CHECK(has(w.fail(OM, StaffRegistered{"fd", "某", {Role::cashier}, "", ""}), "staff.duplicate_id")); }
    SUBCASE("front desk cannot hire") { CHECK(has(w.fail(FD, StaffRegistered{"x1", "某", {Role::cashier}, "", ""}), "auth.role_forbidden")); }
}

TEST_CASE("[SPEC People] a staff member who left can no longer act; the last office manager stays") {
    World w;
    w.found();
    w.ok(OM, StaffDeactivated{"fd2", "离职"});
    CHECK_FALSE(w.state().find_staff("fd2")->active);
    CHECK(has(w.fail(FD2, HouseholdRegistered{"", "1", "103", "", ""}), "auth.staff_inactive"));
    CHECK(has(w.fail(OM, StaffDeactivated{"fd2", "again"}), "staff.already_inactive"));
    CHECK(has(w.fail(OM, StaffDeactivated{"nobody", "x"}), "staff.unknown"));
    CHECK(has(w.fail(OM, StaffDeactivated{"fd", ""}), "staff.reason_required"));
    CHECK(has(w.fail(OM, StaffDeactivated{"om", "退休"}), "staff.self_deactivation"));
    w.ok(OM, StaffRegistered{"om2", "新经理", {Role::office_manager}, "", ""});
    w.ok(Actor{"om2", Role::office_manager}, StaffDeactivated{"om", "调走"});
    CHECK(has(w.fail(Actor{"om2", Role::office_manager}, StaffDeactivated{"om2", "x"}), "staff.self_deactivation"));
}

TEST_CASE("[SPEC Offline] devices are registered as office devices or as one household's device") {
    World w;
    w.found();
    const DeviceRecord* home = w.state().find_device("home101");
    REQUIRE(home);
    CHECK(home->kind == DeviceKind::resident);
    CHECK(home->household_id == "1-101");
    SUBCASE("a resident device needs a known household") {
        CHECK(has(w.fail(OM, DeviceRegistered{"home9", "", DeviceKind::resident, "9-9"}), "device.unknown_household"));
    }
    SUBCASE("an office device has no household") {
        CHECK(has(w.fail(OM, DeviceRegistered{"tab2", "", DeviceKind::office, "1-101"}), "device.household_on_office_device"));
    }
    SUBCASE("ids are unique and well-formed") {
        CHECK(has(w.fail(OM, DeviceRegistered{"tab1", "", DeviceKind::office, ""}), "device.duplicate_id"));
        CHECK(has(w.fail(OM, DeviceRegistered{"tab 2", "", DeviceKind::office, ""}), "device.bad_id"));
    }
    SUBCASE("a revoked device can do nothing more") {
        w.ok(OM, DeviceRevoked{"tab1", "丢失"});
        CHECK(has(w.fail_on(w.tablet, SW, SignedIn{""}), "auth.device_revoked"));
        CHECK(has(w.fail(OM, DeviceRevoked{"tab1", "again"}), "device.already_revoked"));
        CHECK(has(w.fail(OM, DeviceRevoked{"office", "x"}), "device.self_revoke"));
        CHECK(has(w.fail(OM, DeviceRevoked{"nope", "x"}), "device.unknown"));
        CHECK(has(w.fail(OM, DeviceRevoked{"home101", ""}), "device.reason_required"));
    }
    SUBCASE("an unregistered device cannot act") {
        Desk rogue(w.ledger, w.hlc, "rogue");
        CHECK(has(w.fail_on(rogue, FD, SignedIn{""}), "auth.unknown_device"));
    }
}

TEST_CASE("[1-4.4] buildings have unique ids") {
    World w;
    w.found();
    CHECK(w.state().buildings.size() == 2);
    CHECK(has(w.fail(OM, BuildingAdded{"1", "重复"}), "building.duplicate_id"));
    CHECK(has(w.fail(OM, BuildingAdded{"", "无号"}), "building.id_required"));
    CHECK(has(w.fail(FD, BuildingAdded{"3", "3栋"}), "auth.role_forbidden"));
}
