// Area 7: the 11 registers of SPEC [3-5] as queries over the events, each with its own
// columns, including drinking-water stock in, out and on hand.
#include "fixture.hpp"

using namespace fx;

namespace {
std::vector<std::string> column_ids(const Table& t) {
    std::vector<std::string> ids;
    for (const auto& c : t.columns) ids.push_back(c.id);
    return ids;
}
bool has_column(const Table& t, const char* id) { return t.column_index(id) >= 0; }
}  // namespace

TEST_CASE("[3-5] each register has its own columns and its Chinese title") {
    World w;
    w.ready();
    struct Case {
        RegisterKind kind;
        const char* title;
        std::vector<const char*> columns;
    };
    const Case cases[] = {
        {RegisterKind::rental_sale, "房屋委托租售登记表", {"deal", "area", "asking_price", "fees_paid"}},
        {RegisterKind::broadband, "代办宽带网登记表", {"provider", "bandwidth", "account"}},
        {RegisterKind::advertisement, "张贴广告登记表", {"advertiser", "content", "location", "from", "to", "fees_paid"}},
        {RegisterKind::venue, "展位占用登记表", {"location", "purpose", "from", "to", "deposit_held"}},
        {RegisterKind::newspaper, "代办报刊杂志登记表", {"publication", "copies", "period"}},
        {RegisterKind::computer_repair, "代办电脑维修、维护统计表", {"device", "fault", "repairer", "handled"}},
        {RegisterKind::parking, "租用车位登记表", {"space", "plate", "fees_paid", "deposit_held"}},
        {RegisterKind::motor_insurance, "代办车险登记表", {"plate", "insurer", "policy"}},
        {RegisterKind::telephone, "代办电话登记表", {"service", "number"}},
        {RegisterKind::water_stock, "饮用水收发货统计表", {"in", "out", "on_hand", "counterparty"}},
        {RegisterKind::water_sales, "桶装水售出登记表", {"quantity", "unit_price", "amount", "confirmed"}},
    };
    CHECK(std::size(cases) == 11);
    for (const auto& c : cases) {
        CAPTURE(c.kind);
        Table t = register_table(w.state(), c.kind);
        CHECK(t.title_zh == c.title);
        for (const char* col : c.columns) {
            CAPTURE(col);
            CHECK(has_column(t, col));
        }
    }
    // Free agency registers show no money columns.
    CHECK_FALSE(has_column(register_table(w.state(), RegisterKind::telephone), "fees_paid"));
}

TEST_CASE("[3-5.1] the rental/sale register lists entrustments of the items that feed it") {
    World w;
    w.ready();
    w.subscribe("1-101", "property_rental_agency", {{"deal", "出租"}, {"area", "180"}, {"asking_price", "8000元/月"}});
    w.clock.advance_days(3);
    w.subscribe("2-201", "real_estate_info", {{"deal", "出售"}});
    w.subscribe("1-102", "housekeeping");  // feeds no register
    Table t = register_table(w.state(), RegisterKind::rental_sale);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.cell(0, "household") == "1-101");
    CHECK(t.cell(0, "deal") == "出租");
    CHECK(t.cell(0, "area") == "180");
    CHECK(t.cell(1, "deal") == "出售");
    CHECK(t.cell(1, "area").empty());
    CHECK(t.cell(0, "status") == "有效");
    CHECK(t.notes_zh.front() == "共 2 条");
}

TEST_CASE("[3-5.7] the parking register shows the space, the plate, fees paid and the deposit held") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "parking", {{"space", "B-12"}, {"plate", "粤B88888"}});
    w.pay(form, PaymentKind::deposit, 20000);
    w.pay(form, PaymentKind::fee, 45000);
    Table t = register_table(w.state(), RegisterKind::parking);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.cell(0, "space") == "B-12");
    CHECK(t.cell(0, "plate") == "粤B88888");
    CHECK(t.cell(0, "fees_paid") == "450.00");
    CHECK(t.cell(0, "deposit_held") == "200.00");
    w.ok(FD, ServiceStopped{form, StopReason::moving_out, "卖车"});
    CHECK(register_table(w.state(), RegisterKind::parking).cell(0, "status") == "已停止: 卖车");
}

TEST_CASE("[3-5] agency registers: broadband, telephone, newspaper, motor insurance, computer repair, adverts, venues") {
    World w;
    w.ready();
    w.subscribe("1-101", "broadband_agency", {{"provider", "电信"}, {"bandwidth", "500M"}});
    w.subscribe("1-101", "telephone_agency", {{"service", "移机"}, {"number", "0755-12345678"}});
    w.subscribe("1-102", "newspaper_agency", {{"publication", "深圳特区报"}, {"copies", "1"}});
    w.subscribe("2-201", "motor_insurance_agency", {{"plate", "粤B2"}, {"insurer", "平安"}});
    std::string repair = w.subscribe("2-201", "computer_repair_agency", {{"device", "笔记本"}, {"fault", "不开机"}});
    w.subscribe("1-102", "advertisement",
                {{"advertiser", "某琴行"}, {"content", "钢琴课"}, {"location", "1栋大堂"}, {"from", "2024-01-05"}, {"to", "2024-01-19"}});
    w.subscribe("2-201", "venue_rental", {{"location", "会所"}, {"purpose", "生日会"}, {"from", "2024-02-01"}, {"to", "2024-02-01"}});
    w.clock.advance_days(2);
    w.deliver(repair, 1);
    CHECK(register_table(w.state(), RegisterKind::broadband).cell(0, "provider") == "电信");
    CHECK(register_table(w.state(), RegisterKind::telephone).cell(0, "service") == "移机");
    CHECK(register_table(w.state(), RegisterKind::newspaper).cell(0, "publication") == "深圳特区报");
    CHECK(register_table(w.state(), RegisterKind::motor_insurance).cell(0, "insurer") == "平安");
    Table computer = register_table(w.state(), RegisterKind::computer_repair);
    CHECK(computer.cell(0, "fault") == "不开机");
    CHECK(computer.cell(0, "handled") == "2024-01-04");
    CHECK(register_table(w.state(), RegisterKind::advertisement).cell(0, "location") == "1栋大堂");
    CHECK(register_table(w.state(), RegisterKind::venue).cell(0, "purpose") == "生日会");
}

TEST_CASE("[3-5.10] drinking water: stock received, dispatched and on hand") {
    World w;
    w.ready();
    w.stock_water("barrel_water", 50);
    std::string form = w.subscribe("1-101", "barrel_water");
    w.pay(form, PaymentKind::deposit, 3000);
    w.pay(form, PaymentKind::prepayment, 20000);
    w.clock.advance_days(1);
    w.deliver(form, 2);
    w.clock.advance_days(1);
    w.deliver(form, 3);
    w.stock_water("bottled_water", 10);
    CHECK(w.state().water_on_hand.at("barrel_water") == 45);
    Table t = register_table(w.state(), RegisterKind::water_stock);
    REQUIRE(t.rows.size() == 4);
    CHECK(t.cell(0, "in") == "50");
    CHECK(t.cell(0, "counterparty") == "波仕塔水厂");
    CHECK(t.cell(1, "out") == "2");
    CHECK(t.cell(1, "on_hand") == "48");
    CHECK(t.cell(2, "on_hand") == "45");
    CHECK(t.cell(2, "counterparty") == "1-101");
    CHECK(t.cell(3, "product") == "代售瓶装水");
    CHECK(t.cell(3, "on_hand") == "10");
    SUBCASE("a dispatch beyond stock is refused") {
        w.pay(form, PaymentKind::prepayment, 100000);
        CHECK(has(w.fail_on(w.tablet, SW, DeliveryLogged{"", "", "", form, "", 46, Fen{}, ""}), "water.out_of_stock"));
    }
    SUBCASE("stock errors") {
        CHECK(has(w.fail(FD, WaterStockReceived{"", "housekeeping", 5, "x", Fen{}}), "water.not_water_item"));
        CHECK(has(w.fail(FD, WaterStockReceived{"", "barrel_water", 0, "x", Fen{}}), "water.bad_quantity"));
        CHECK(has(w.fail(FD, WaterStockReceived{"", "barrel_water", 5, "", Fen{}}), "water.supplier_required"));
        CHECK(has(w.fail(FD, WaterStockReceived{"", "barrel_water", 5, "x", Fen{-1}}), "water.bad_amount"));
        CHECK(has(w.fail(SW, WaterStockReceived{"", "barrel_water", 5, "x", Fen{}}), "auth.role_forbidden"));
    }
}

TEST_CASE("[3-5.11] the water-sales register lists each delivery with quantity, unit price and amount") {
    World w;
    w.ready();
    w.stock_water("barrel_water", 20);
    std::string form = w.subscribe("1-101", "barrel_water");
    w.pay(form, PaymentKind::deposit, 3000);
    w.pay(form, PaymentKind::prepayment, 10000);
    std::string d = w.deliver(form, 2);
    w.ok(R101, DeliveryConfirmed{d, {}, ""});
    Table t = register_table(w.state(), RegisterKind::water_sales);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.cell(0, "quantity") == "2");
    CHECK(t.cell(0, "unit_price") == "18.00");
    CHECK(t.cell(0, "amount") == "36.00");
    CHECK(t.cell(0, "confirmed") == "2024-01-02");
    CHECK(t.cell(0, "name") == "李业主");
}

TEST_CASE("[3-5] registers can be limited to a period") {
    World w;
    w.ready();
    w.subscribe("1-101", "broadband_agency", {{"provider", "电信"}});
    w.clock.set(at(2024, 3, 5));
    w.subscribe("1-102", "broadband_agency", {{"provider", "联通"}});
    RegisterFilter march{month_start_ms(YearMonth{2024, 3}, kTz), month_end_ms(YearMonth{2024, 3}, kTz)};
    Table t = register_table(w.state(), RegisterKind::broadband, march);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.cell(0, "provider") == "联通");
    CHECK(register_table(w.state(), RegisterKind::broadband).rows.size() == 2);
}

TEST_CASE("[3-5] every register's required details are known to the entrustment check") {
    for (auto kind : {RegisterKind::rental_sale, RegisterKind::broadband, RegisterKind::advertisement, RegisterKind::venue,
                      RegisterKind::newspaper, RegisterKind::computer_repair, RegisterKind::parking,
                      RegisterKind::motor_insurance, RegisterKind::telephone}) {
        CAPTURE(kind);
        CHECK_FALSE(register_details(kind).empty());
        for (const auto& d : register_details(kind)) CHECK(find_detail(kind, d.key) == &d);
    }
    CHECK(register_details(RegisterKind::water_stock).empty());
    CHECK(find_detail(RegisterKind::parking, "colour") == nullptr);
    World w;
    w.ready();
    CHECK(column_ids(register_table(w.state(), RegisterKind::water_sales)).front() == "date");
}
