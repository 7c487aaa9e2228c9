// Area 3: service items — free/paid, unit, price, deposit, prepayment, break-even
// number, registers; the default catalogue of SPEC [3-4.2.3, 3-4.2.4]; estates add items.
#include <fstream>
#include <set>
#include <sstream>

#include "fixture.hpp"

using namespace fx;

namespace {
std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
ItemDefined custom_item() {
    return ItemDefined{"car_wash", "洗车", "car wash", Billing::per_use, "次", "wash", Fen{2500}, Fen{}, Fen{},
                       8, Fen{12000}, 6, {}};
}
}  // namespace

TEST_CASE("[3-4.2.3] the default catalogue lists every paid item named in SPEC") {
    auto catalogue = default_catalogue();
    REQUIRE(catalogue.ok());
    std::set<std::string> paid;
    for (const auto& item : catalogue.value().items)
        if (item.billing != Billing::free) paid.insert(item.name_zh);
    for (const char* name : {"租车位", "场地租用", "代理物业出租", "广告张贴", "出租桌、伞", "家政服务",
                             "代售波仕塔桶装水", "代售瓶装水", "房介信息服务"}) {
        CAPTURE(name);
        CHECK(paid.count(name) == 1);
    }
}

TEST_CASE("[3-4.2.4] the default catalogue lists every free agency item named in SPEC") {
    auto catalogue = default_catalogue();
    REQUIRE(catalogue.ok());
    std::set<std::string> free;
    for (const auto& item : catalogue.value().items)
        if (item.billing == Billing::free) {
            free.insert(item.name_zh);
            CHECK(item.price == Fen{0});
            CHECK(item.deposit == Fen{0});
        }
    for (const char* name : {"代办电话", "代办宽带", "代订报刊杂志", "代办机动车辆保险", "代办电脑维修、维护",
                             "代办室内污染检测", "代介绍家政外派服务"}) {
        CAPTURE(name);
        CHECK(free.count(name) == 1);
    }
}

TEST_CASE("[3-5] every one of the 11 registers is fed by some catalogue item; paid items have break-even numbers") {
    auto catalogue = default_catalogue().value();
    std::set<RegisterKind> fed;
    for (const auto& item : catalogue.items) {
        fed.insert(item.registers.begin(), item.registers.end());
        CHECK_FALSE(item.name_en.empty());
        CHECK_FALSE(item.unit_zh.empty());
        if (item.billing != Billing::free) {
            CAPTURE(item.item_id);
            CHECK(item.price.value > 0);
            CHECK(item.break_even_subscribers > 0);
        }
    }
    CHECK(fed.size() == 11);
}

TEST_CASE("[3-4.2.3] the compiled-in catalogue is the file shipped in assets/") {
    std::string file = read_file(std::string(BIANMIN_SOURCE_DIR) + "/assets/catalogue.json");
    REQUIRE_FALSE(file.empty());
    CHECK(std::string(default_catalogue_json()) == file);
    CHECK(parse_catalogue(file).ok());
}

TEST_CASE("[3-4.2.3] a catalogue file that is wrong is refused with a reason, never an exception") {
    SUBCASE("not JSON") { CHECK(has(parse_catalogue("{items:").errors(), "json.invalid")); }
    SUBCASE("another format") { CHECK(has(parse_catalogue(R"({"format":"x","version":1,"items":[]})").errors(), "format.unknown")); }
    SUBCASE("a newer version") {
        CHECK(has(parse_catalogue(R"({"format":"bianmin-catalogue","version":2,"items":[]})").errors(), "format.version"));
    }
    SUBCASE("no items") {
        CHECK(has(parse_catalogue(R"({"format":"bianmin-catalogue","version":1,"items":[]})").errors(), "catalogue.empty"));
    }
    SUBCASE("an item with a missing key") {
        auto r = parse_catalogue(R"({"format":"bianmin-catalogue","version":1,"items":[{"item_id":"x"}]})");
        CHECK_FALSE(r.ok());
    }
    SUBCASE("a free item with a price") {
        Json j = Json::parse(default_catalogue_json());
        for (auto& item : j["items"])
            if (item["billing"] == "free") item["price"] = 100;
        CHECK(has(parse_catalogue(j.dump()).errors(), "item.free_with_price"));
    }
    SUBCASE("the same id twice") {
        Json j = Json::parse(default_catalogue_json());
        j["items"].push_back(j["items"][0]);
        CHECK(has(parse_catalogue(j.dump()).errors(), "catalogue.duplicate_id"));
    }
}

TEST_CASE("[3-4.2.3] seeding defines every catalogue item once") {
    World w;
    w.found();
    w.seed();
    CHECK(w.state().items.size() == default_catalogue().value().items.size());
    const ItemRecord* water = w.state().find_item("barrel_water");
    REQUIRE(water);
    CHECK(water->paid());
    CHECK(water->feeds(RegisterKind::water_stock));
    CHECK(water->def.deposit == Fen{3000});
    auto again = seed_catalogue(w.office.context(OM), w.state(), default_catalogue().value());
    CHECK(has(again.errors(), "catalogue.nothing_new"));
}

TEST_CASE("[3-4.2.4] an estate adds its own items to the open list") {
    World w;
    w.found();
    w.seed();
    w.ok(OM, custom_item());
    const ItemRecord* item = w.state().find_item("car_wash");
    REQUIRE(item);
    CHECK(item->def.name_en == "car wash");
    CHECK(item->status == ItemStatus::active);
    CHECK(promised_hours(w.state(), "car_wash") == 6);
}

TEST_CASE("[3-4.1.4] an item definition is checked: id, name, amounts, free vs paid, hours, registers") {
    World w;
    w.found();
    w.seed();
    ItemDefined item = custom_item();
    SUBCASE("duplicate id") {
        item.item_id = "parking";
        CHECK(has(w.fail(OM, item), "item.duplicate_id"));
    }
    SUBCASE("no name") {
        item.name_zh = "";
        CHECK(has(w.fail(OM, item), "item.name_required"));
    }
    SUBCASE("free with a price") {
        item.billing = Billing::free;
        CHECK(has(w.fail(OM, item), "item.free_with_price"));
    }
    SUBCASE("paid without a price") {
        item.price = Fen{0};
        CHECK(has(w.fail(OM, item), "item.paid_without_price"));
    }
    SUBCASE("negative deposit") {
        item.deposit = Fen{-1};
        CHECK(has(w.fail(OM, item), "item.bad_amount"));
    }
    SUBCASE("promised time out of range") {
        item.promised_hours = 1000;
        CHECK(has(w.fail(OM, item), "item.bad_promised_hours"));
    }
    SUBCASE("a register twice") {
        item.registers = {RegisterKind::venue, RegisterKind::venue};
        CHECK(has(w.fail(OM, item), "item.bad_registers"));
    }
    SUBCASE("break-even out of range") {
        item.break_even_subscribers = -3;
        CHECK(has(w.fail(OM, item), "item.bad_break_even"));
    }
    SUBCASE("front desk cannot define items") { CHECK(has(w.fail(FD, item), "auth.role_forbidden")); }
    CHECK(w.state().find_item("car_wash") == nullptr);
}

TEST_CASE("[3-4.1.4] an item's unit, cost and promised time change by edits; its price only by a price table") {
    World w;
    w.ready();
    w.ok(OM, FieldEdited{RecordKind::item, "housekeeping", "unit_zh", FieldValue{"半天"}, {}});
    w.ok(OM, FieldEdited{RecordKind::item, "housekeeping", "monthly_cost", FieldValue{std::int64_t{90000}}, {}});
    w.ok(OM, FieldEdited{RecordKind::item, "housekeeping", "promised_hours", FieldValue{std::int64_t{12}}, {}});
    const ItemRecord* item = w.state().find_item("housekeeping");
    CHECK(item->def.unit_zh == "半天");
    CHECK(item->def.monthly_cost == Fen{90000});
    CHECK(promised_hours(w.state(), "housekeeping") == 12);
    CHECK(has(w.fail(OM, FieldEdited{RecordKind::item, "housekeeping", "price", FieldValue{std::int64_t{1}}, {}}),
              "auth.field_forbidden"));
    CHECK(has(w.fail(OM, FieldEdited{RecordKind::item, "housekeeping", "promised_hours", FieldValue{"soon"}, {}}),
              "field.wrong_type"));
    CHECK(has(w.fail(OM, FieldEdited{RecordKind::item, "nope", "unit_zh", FieldValue{"x"}, {}}), "field.unknown_record"));
}

TEST_CASE("[3-4.4.2] an item without its own promised time uses the estate's default") {
    World w;
    w.ready();
    w.ok(OM, FieldEdited{RecordKind::item, "parking", "promised_hours", FieldValue{std::int64_t{0}}, {}});
    CHECK(promised_hours(w.state(), "parking") == 24);
    w.ok(OM, FieldEdited{RecordKind::estate, "jiazhou", "default_promised_hours", FieldValue{std::int64_t{8}}, {}});
    CHECK(promised_hours(w.state(), "parking") == 8);
}
