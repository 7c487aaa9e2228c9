// Exchange bundles, the format and the export kinds (issue 4 "The exchange bundle"):
// round trip, canonical bytes and the digest, office full, delta, resident slice, and
// the error catalogue the docs list. SPEC "Working offline, and exchanging records".
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bianmin/generator.hpp"
#include "exchange_fixture.hpp"

using namespace xfx;

namespace {

// A small estate with work on the office computer, the tablet and the household's phone.
World& busy_world() {
    static World* w = [] {
        auto* world = new World;
        world->ready();
        world->stock_water("barrel_water", 50);
        std::string form = world->subscribe("1-101", "barrel_water");
        world->pay(form, PaymentKind::deposit, 3000);
        world->pay(form, PaymentKind::prepayment, 10000);
        std::string delivery = world->deliver(form, 2);
        world->ok(R101, DeliveryConfirmed{delivery, {}, "好"});
        world->subscribe("1-102", "housekeeping");
        world->ok(R101, ServiceRequested{"", "1-101", "housekeeping", "", RequestChannel::app, "周六上午", 0});
        return world;
    }();
    return *w;
}

std::string quoted(const std::string& text) {
    std::string out(1, '"');
    out += text;
    out += '"';
    return out;
}

Bundle reread(const std::string& text) {
    auto back = open_bundle(text, sha);
    if (!back.ok()) FAIL("reading the bundle failed: " << back.errors());
    return back.value();
}

}  // namespace

TEST_CASE("[SPEC Offline] an office bundle round-trips: read back equal, written again byte for byte") {
    World& w = busy_world();
    const std::string text = full_text(w.ledger);
    Bundle back = reread(text);
    CHECK(back.events == w.ledger.events());
    CHECK(back.header.estate_id == "jiazhou");
    CHECK(back.header.source_device == "office");
    CHECK(back.header.kind == BundleKind::office_full);
    CHECK(back.header.seen == w.ledger.version_vector());
    CHECK(back.header.event_count == w.ledger.size());
    CHECK(write_bundle(back) == text);
    Bundle unsealed = bundle_of(w.ledger, BundleKind::office_full, "office");
    seal_bundle(unsealed, sha);
    CHECK(write_bundle(unsealed) == text);  // the one-pass seal_and_write writes the same bytes
    CHECK(full_text(w.ledger) == text);  // deterministic: same store, same bytes
    CHECK(text.rfind(R"({"format":"bianmin-bundle","version":1,"estate_id":"jiazhou","source_device":"office",)", 0) == 0);
    // One event per line, after the envelope.
    CHECK(std::count(text.begin(), text.end(), '\n') == std::ptrdiff_t(w.ledger.size()) + 2);
}

TEST_CASE("[SPEC Offline] the digest is SHA-256 of the canonical events: white space and order do not matter, content does") {
    CHECK(sha("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");  // FIPS 180-2 test vector
    World& w = busy_world();
    std::vector<Event> events = w.ledger.events();
    const std::string canonical = canonical_event_bytes(events);
    CHECK(canonical == canonical_events(events));
    CHECK(canonical.front() == '[');
    std::reverse(events.begin(), events.end());
    CHECK(canonical_event_bytes(events) == canonical);

    const std::string text = full_text(w.ledger);
    SUBCASE("re-indented and reordered, it still verifies") {
        Json j = Json::parse(text);
        std::reverse(j["events"].begin(), j["events"].end());
        CHECK(open_bundle(j.dump(2), sha).ok());
    }
    SUBCASE("one changed amount does not") {
        auto at = text.find("\"amount\":3000");
        REQUIRE(at != std::string::npos);
        std::string tampered = text;
        tampered.replace(at, 13, "\"amount\":3001");
        auto opened = open_bundle(tampered, sha);
        REQUIRE_FALSE(opened.ok());
        CHECK(has(opened.errors(), "bundle.digest_mismatch"));
        CHECK(read_bundle(tampered).ok());  // stage 1 alone cannot tell
    }
}

TEST_CASE("[SPEC Offline] a delta for a device carries exactly the events it has not seen") {
    World& w = busy_world();
    const VersionVector all = w.ledger.version_vector();
    REQUIRE(all.count("tab1"));
    REQUIRE(all.count("home101"));
    VersionVector seen = {{"office", all.at("office") - 5}, {"tab1", 1}};  // nothing of home101
    ExportRequest request{BundleKind::delta, "office", 1, "tab1", seen, ""};
    Bundle delta = make_bundle(w.ledger, request).value();
    CHECK(delta.header.for_device == "tab1");
    std::size_t expected = 0;
    for (const auto& e : w.ledger.events()) {
        bool unseen = e.id.seq > (seen.count(e.id.device) ? seen.at(e.id.device) : 0);
        expected += unseen;
        bool carried = std::find(delta.events.begin(), delta.events.end(), e) != delta.events.end();
        CHECK(carried == unseen);
    }
    CHECK(delta.events.size() == expected);
    CHECK(expected == 5 + (all.at("tab1") - 1) + all.at("home101"));

    // The device that had seen that much holds everything after importing the delta.
    Ledger device;
    std::vector<Event> prefix;
    for (const auto& e : w.ledger.events())
        if (e.id.seq <= (seen.count(e.id.device) ? seen.at(e.id.device) : 0)) prefix.push_back(e);
    device.add(prefix);
    auto summary = import_text(device, text_of(delta));
    REQUIRE(summary.ok());
    CHECK(summary.value().new_events == expected);
    CHECK(device.events() == w.ledger.events());
    CHECK(device.state() == w.ledger.state());
    SUBCASE("a device that has seen everything gets an empty delta") {
        CHECK(make_bundle(w.ledger, ExportRequest{BundleKind::delta, "office", 1, "tab1", all, ""}).value().events.empty());
    }
}

TEST_CASE("[SPEC Offline] a resident bundle holds the household's records and the public tables, nothing of others") {
    World& w = busy_world();
    Bundle slice = bundle_of(w.ledger, BundleKind::resident, "office", "1-101");
    const std::string text = text_of(slice);
    CHECK(slice.header.household == "1-101");
    for (const char* other : {"\"1-102\"", "\"2-201\"", "\"2-202\"", "王业主", "张租户", "13900000102", "13900000201"})
        CHECK_MESSAGE(text.find(other) == std::string::npos, other);
    for (const char* staff : {"欧经理", "高总", "方客服", "冯客服", "孙师傅", "蔡收银", "艾组长", "13800000001"})
        CHECK_MESSAGE(text.find(staff) == std::string::npos, staff);
    std::map<EventType, int> types;
    for (const auto& e : slice.events) types[e.type()] += 1;
    CHECK(types[EventType::estate_created] == 1);
    CHECK(types[EventType::item_defined] == int(w.state().items.size()));
    CHECK(types[EventType::price_table_published] == 1);
    CHECK(types[EventType::payment_received] == 2);  // the deposit and the prepayment
    CHECK(types[EventType::delivery_logged] == 1);
    CHECK(types[EventType::staff_registered] == 0);
    CHECK(types[EventType::water_stock_received] == 0);
    CHECK(types[EventType::household_registered] == 1);
    CHECK(slice.header.seen.count("tab1"));  // the tablet's delivery to 1-101 is in it
    for (const auto& seen : slice.header.seen)
        CHECK(std::any_of(slice.events.begin(), slice.events.end(), [&](const Event& e) { return e.id.device == seen.first; }));

    // What the phone needs: its household's forms, money and deliveries project the same.
    Ledger phone(ProjectionOptions{false});
    REQUIRE(import_text(phone, text).ok());
    const State& office = w.state();
    const State& mine = phone.state();
    CHECK(mine.find_household("1-101") != nullptr);
    CHECK(mine.households.size() == 1);
    CHECK(mine.published_tables == office.published_tables);
    for (const auto& [id, form] : office.forms)
        if (form.def.household_id == "1-101") {
            REQUIRE(mine.find_form(id));
            CHECK(mine.find_form(id)->deposit_held() == form.deposit_held());
            CHECK(mine.find_form(id)->charged == form.charged);
        }
    CHECK(mine.deliveries == office.deliveries);
}

TEST_CASE("[SPEC Offline] a resident device exports only its own events, whatever it holds") {
    World& w = busy_world();
    Bundle own = bundle_of(w.ledger, BundleKind::office_full, "home101");
    REQUIRE_FALSE(own.events.empty());
    for (const auto& e : own.events) CHECK(e.id.device == "home101");
    CHECK(own.events.size() == w.ledger.version_vector().at("home101"));
}

TEST_CASE("[SPEC Offline] export refuses what it cannot do, with a reason") {
    World& w = busy_world();
    auto code = [&](ExportRequest request) {
        auto r = make_bundle(w.ledger, request);
        return r.ok() ? std::string("ok") : r.errors().front().code;
    };
    CHECK(code({BundleKind::office_full, "", 1, "", {}, ""}) == "export.no_source");
    CHECK(code({BundleKind::office_full, "nobody", 1, "", {}, ""}) == "export.unknown_source");
    CHECK(code({BundleKind::delta, "office", 1, "", {}, ""}) == "export.no_device");
    CHECK(code({BundleKind::resident, "office", 1, "", {}, "9-999"}) == "export.unknown_household");
    CHECK(make_bundle(Ledger{}, {BundleKind::office_full, "office", 1, "", {}, ""}).errors().front().code == "export.no_estate");
    CHECK(founding_device(w.ledger) == "office");
}

TEST_CASE("[SPEC Offline] a version vector reads from JSON, and bad ones are refused") {
    CHECK(parse_version_vector(R"({"office":12,"tab-1":0})").value() == VersionVector{{"office", 12}, {"tab-1", 0}});
    CHECK(parse_version_vector("{}").value().empty());
    for (const char* bad : {"[1]", R"({"office":-1})", R"({"office":1.5})", R"({"bad id":1})", R"({"office":"3"})", "{"})
        CHECK_MESSAGE(has(parse_version_vector(bad).errors(), "bundle.bad_seen"), bad);
}

TEST_CASE("[SPEC Offline] docs/exchange.schema.json names every envelope key and every event type of this build") {
    std::ifstream file(std::string(BIANMIN_SOURCE_DIR) + "/docs/exchange.schema.json");
    REQUIRE(file);
    const Json schema = Json::parse(file);
    std::set<std::string> types, keys;
    for (const auto& t : schema.at("$defs").at("eventType").at("enum")) types.insert(t.get<std::string>());
    CHECK(types.size() == kEventTypeCount);
    for (std::size_t i = 0; i < kEventTypeCount; ++i) CHECK_MESSAGE(types.count(std::string(to_string(EventType(i)))), i);
    for (const auto& k : schema.at("required")) keys.insert(k.get<std::string>());
    const Json written = Json::parse(full_text(busy_world().ledger));
    std::set<std::string> written_keys;
    for (const auto& [key, value] : written.items()) written_keys.insert(key);
    CHECK(keys == written_keys);
}

TEST_CASE("[SPEC Offline] every error code has both messages and is listed in docs/EXCHANGE.md") {
    std::ifstream doc(std::string(BIANMIN_SOURCE_DIR) + "/docs/EXCHANGE.md");
    REQUIRE(doc);
    std::stringstream text;
    text << doc.rdbuf();
    std::set<std::string_view> codes;
    for (const auto& info : bundle_error_catalogue()) {
        CHECK(codes.insert(info.code).second);
        CHECK_FALSE(info.zh.empty());
        CHECK_FALSE(info.en.empty());
        std::string cell = "`";  // built up: GCC 12 warns wrongly on "`" + std::string (-Wrestrict)
        cell.append(info.code).append("`");
        CHECK_MESSAGE(text.str().find(cell) != std::string::npos, info.code);
    }
    Error e = bundle_error("bundle.truncated", "json", "第3行", "line 3");
    CHECK(e.message_en.find("line 3") != std::string::npos);
    CHECK(e.message_zh.find("第3行") != std::string::npos);
}

TEST_CASE("[SPEC Offline] a resident export of a generated estate names no other household, resident or staff member") {
    auto generated = generate_estate(EstateSize::small, 1);
    REQUIRE(generated.ok());
    Ledger office;
    REQUIRE(office.add(generated.value()).rejected.empty());
    const State& s = office.state();
    // Households whose phone uses the app: the slices a resident device really receives.
    std::vector<std::string> households;
    for (const auto& [id, device] : s.devices)
        if (device.kind == DeviceKind::resident && households.size() < 3) households.push_back(device.household_id);
    REQUIRE(households.size() == 3);
    for (const std::string& mine : households) {
        CAPTURE(mine);
        Bundle slice = bundle_of(office, BundleKind::resident, founding_device(office), mine);
        const std::string text = text_of(slice);
        std::set<std::string> own_names;
        for (const auto& person : s.households.at(mine).residents) own_names.insert(s.residents.at(person).name);
        // The household's own names blanked out: another person's name that is part of an
        // own name (张晴 in 张晴诗) is no leak, but the same name anywhere else still is.
        std::string others = text;
        for (const auto& name : own_names)
            for (auto at = others.find(name); !name.empty() && at != std::string::npos; at = others.find(name, at))
                others.replace(at, name.size(), std::string(name.size(), '#'));
        auto leaks = [&](const std::string& what) {
            bool found = !what.empty() && others.find(what) != std::string::npos;
            if (found) MESSAGE("found in the export: " << what);
            return found;
        };
        for (const auto& [id, household] : s.households) {
            if (id == mine) continue;
            CHECK_FALSE(leaks(quoted(id)));
            CHECK_FALSE(leaks(household.phone));
            for (const auto& person : household.residents) {
                const ResidentRecord& r = s.residents.at(person);
                CHECK_FALSE(leaks(quoted(r.person_id)));
                CHECK_FALSE(leaks(r.phone));
                if (!own_names.count(r.name)) CHECK_FALSE(leaks(r.name));  // a namesake in the family is no leak
            }
        }
        for (const auto& [id, staff] : s.staff) {
            if (!own_names.count(staff.name)) CHECK_FALSE(leaks(staff.name));
            CHECK_FALSE(leaks(staff.phone));
        }
        // And it is this household's slice indeed.
        Ledger phone(ProjectionOptions{false});
        REQUIRE(import_text(phone, text).ok());
        CHECK(phone.state().households.size() == 1);
        Fen office_deposits, phone_deposits;
        for (const auto& entry : s.money)
            if (entry.household_id == mine) office_deposits = office_deposits + entry.deposit;
        for (const auto& entry : phone.state().money) phone_deposits = phone_deposits + entry.deposit;
        CHECK(phone_deposits == office_deposits);
        std::size_t office_forms = 0;
        for (const auto& [id, form] : s.forms) office_forms += form.def.household_id == mine;
        CHECK(phone.state().forms.size() == office_forms);
    }
}

TEST_CASE("[SPEC Offline] a phone reads from its slice that it is the household's own device, until a revocation") {
    World& w = busy_world();
    std::vector<Event> slice = bundle_of(w.ledger, BundleKind::resident, "office", "1-101").events;
    // The phone's verified view cannot tell: the slice has no staff record of who registered it.
    CHECK(registered_as_resident(slice, "home101"));
    for (const char* other : {"office", "tab1", "nobody"}) CHECK_FALSE_MESSAGE(registered_as_resident(slice, other), other);
    SUBCASE("a revocation ends it") {
        Event revoked = slice.back();
        revoked.id.seq += 1000;
        revoked.payload = Payload(DeviceRevoked{"home101", "手机丢失"});
        slice.push_back(revoked);
        CHECK_FALSE(registered_as_resident(slice, "home101"));
    }
    SUBCASE("a later registration as an office device ends it") {
        Event again = slice.back();
        again.id.seq += 1000;
        again.payload = Payload(DeviceRegistered{"home101", "借给前台", DeviceKind::office, ""});
        slice.push_back(again);
        CHECK_FALSE(registered_as_resident(slice, "home101"));
    }
}
