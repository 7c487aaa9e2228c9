// Test fixture: a small estate run through the real commands, with an injected clock.
//
// World holds one Ledger (what the office knows) and desks for three devices: the
// office computer, a staff tablet, and household 1-101's own device. found() creates
// the estate with one person per role, two buildings, four households; seed() adds
// the catalogue; publish_table() walks a price table through approval. Busy is a ready
// world with a form, payment, delivery, collection and request of each kind to refer to.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bianmin/authorize.hpp"
#include "bianmin/catalogue.hpp"
#include "bianmin/commands.hpp"
#include "bianmin/json.hpp"
#include "bianmin/projection.hpp"
#include "bianmin/queries.hpp"
#include "bianmin/registers.hpp"
#include "bianmin/reports.hpp"

// Failures show enums by name (doctest prints enums as numbers otherwise).
namespace bianmin {
#define BIANMIN_TEST_ENUM_STRING(E) \
    inline doctest::String toString(E value) { return doctest::String(std::string(to_string(value)).c_str()); }
BIANMIN_TEST_ENUM_STRING(EventType)
BIANMIN_TEST_ENUM_STRING(Role)
BIANMIN_TEST_ENUM_STRING(RegisterKind)
BIANMIN_TEST_ENUM_STRING(ViolationSource)
BIANMIN_TEST_ENUM_STRING(PriceTableStatus)
BIANMIN_TEST_ENUM_STRING(ItemStatus)
BIANMIN_TEST_ENUM_STRING(ComplaintStatus)
BIANMIN_TEST_ENUM_STRING(ComplaintSource)
BIANMIN_TEST_ENUM_STRING(LeaveStatus)
BIANMIN_TEST_ENUM_STRING(ProblemLevel)
BIANMIN_TEST_ENUM_STRING(QualityRating)
BIANMIN_TEST_ENUM_STRING(AnnualRating)
BIANMIN_TEST_ENUM_STRING(StopReason)
BIANMIN_TEST_ENUM_STRING(MoneyEntryKind)
BIANMIN_TEST_ENUM_STRING(DeviceKind)
BIANMIN_TEST_ENUM_STRING(Billing)
BIANMIN_TEST_ENUM_STRING(RecordKind)
#undef BIANMIN_TEST_ENUM_STRING
}  // namespace bianmin

namespace fx {

using namespace bianmin;

inline constexpr int kTz = 480;
inline std::int64_t at(int y, int m, int d, int h = 9, int min = 0) { return local_ms(y, m, d, h, min, kTz); }

inline const Actor OM{"om", Role::office_manager};
inline const Actor GM{"gm", Role::general_manager};
inline const Actor FD{"fd", Role::front_desk};
inline const Actor FD2{"fd2", Role::front_desk};
inline const Actor SW{"sw", Role::service_worker};
inline const Actor CS{"cs", Role::cashier};
inline const Actor AG{"ag", Role::assessment_group};
inline const Actor R101{"r101", Role::resident};
inline const Actor R102{"r102", Role::resident};

inline Signature scribble() { return Signature{{{{10, 10, 0}, {200, 80, 40}, {400, 30, 90}}}}; }

// The price-table rows for catalogue items (their default prices).
inline std::vector<PriceRow> catalogue_rows(const std::vector<std::string>& only = {}) {
    std::vector<PriceRow> rows;
    const Catalogue catalogue = default_catalogue().value();
    for (const auto& item : catalogue.items) {
        if (!only.empty() && std::find(only.begin(), only.end(), item.item_id) == only.end()) continue;
        rows.push_back(PriceRow{item.item_id, item.billing, item.price, item.unit_zh, item.unit_en, item.deposit,
                                item.prepayment, item.break_even_subscribers, item.monthly_cost});
    }
    return rows;
}

struct World {
    FakeClock clock;
    HlcClock hlc{clock};
    Ledger ledger;
    Desk office{ledger, hlc, "office"};
    Desk tablet{ledger, hlc, "tab1"};
    Desk home{ledger, hlc, "home101"};

    explicit World(std::int64_t start = at(2024, 1, 2)) : clock(start) {}

    const State& state() const { return ledger.state(); }
    Desk& desk_for(const Actor& a) { return a.role == Role::resident ? home : office; }

    Result<std::vector<Event>> run(const Actor& a, Payload p) { return desk_for(a).run(a, std::move(p)); }
    Result<std::vector<Event>> run_on(Desk& d, const Actor& a, Payload p) { return d.run(a, std::move(p)); }

    // Runs a command that must succeed; returns its events.
    std::vector<Event> ok(const Actor& a, Payload p) { return expect_ok(run(a, std::move(p))); }
    std::vector<Event> ok_on(Desk& d, const Actor& a, Payload p) { return expect_ok(d.run(a, std::move(p))); }
    static std::vector<Event> expect_ok(Result<std::vector<Event>> r) {
        if (!r.ok()) FAIL_CHECK("command failed: " << r.errors());
        REQUIRE(r.ok());
        return r.value();
    }
    // Runs a command that must fail; returns the errors and checks the log is unchanged.
    Errors fail(const Actor& a, Payload p) { return fail_on(desk_for(a), a, std::move(p)); }
    Errors fail_on(Desk& d, const Actor& a, Payload p) {
        std::size_t before = ledger.size();
        auto r = d.run(a, std::move(p));
        REQUIRE_FALSE(r.ok());
        CHECK(ledger.size() == before);
        return r.errors();
    }
    template <class T>
    const T& payload_of(const std::vector<Event>& events, std::size_t i = 0) {
        REQUIRE(events.size() > i);
        const T* p = events[i].as<T>();
        REQUIRE(p != nullptr);
        return *p;
    }

    // ---- set-up ----------------------------------------------------------------------
    void found() {
        ok(OM, EstateCreated{"jiazhou", "加州城市花园", "California City Garden", kTz, "欧经理"});
        ok(OM, StaffRegistered{"gm", "高总", {Role::general_manager}, "", ""});
        ok(OM, StaffRegistered{"fd", "方客服", {Role::front_desk}, "1号窗口", "13800000001"});
        ok(OM, StaffRegistered{"fd2", "冯客服", {Role::front_desk}, "2号窗口", ""});
        ok(OM, StaffRegistered{"sw", "孙师傅", {Role::service_worker}, "", ""});
        ok(OM, StaffRegistered{"cs", "蔡收银", {Role::cashier}, "收银台", ""});
        ok(OM, StaffRegistered{"ag", "艾组长", {Role::assessment_group}, "", ""});
        ok(OM, DeviceRegistered{"tab1", "服务平板", DeviceKind::office, ""});
        ok(OM, BuildingAdded{"1", "1栋"});
        ok(OM, BuildingAdded{"2", "2栋"});
        for (auto [b, r] : {std::pair{"1", "101"}, {"1", "102"}, {"2", "201"}, {"2", "202"}})
            ok(FD, HouseholdRegistered{"", b, r, "0755-8800" + std::string(r), ""});
        ok(FD, ResidentRegistered{"r101", "1-101", "李业主", "13900000101", Tenure::owner});
        ok(FD, ResidentRegistered{"r102", "1-102", "王业主", "13900000102", Tenure::owner});
        ok(FD, ResidentRegistered{"r201", "2-201", "张租户", "13900000201", Tenure::tenant});
        ok(OM, DeviceRegistered{"home101", "李家手机", DeviceKind::resident, "1-101"});
    }
    void seed() {
        auto r = office.commit(seed_catalogue(office.context(OM), state(), default_catalogue().value()));
        REQUIRE(r.ok());
    }
    // Draft → submit → approve → publish; returns the table id.
    std::string publish_table(std::int64_t year = 2024, std::vector<PriceRow> rows = catalogue_rows(),
                              std::string replaces = "") {
        auto drafted = ok(OM, PriceTableDrafted{"", year, 0, replaces, "", std::move(rows), ""});
        std::string id = payload_of<PriceTableDrafted>(drafted).table_id;
        ok(OM, PriceTableSubmitted{id});
        ok(GM, PriceTableApproved{id, "同意"});
        ok(OM, PriceTablePublished{id, {PublishChannel::office_notice, PublishChannel::notice_board}});
        return id;
    }
    // found + seed + publish.
    void ready() {
        found();
        seed();
        publish_table();
    }
    // A signed long-term form; returns its id.
    std::string subscribe(const std::string& household, const std::string& item,
                          std::map<std::string, std::string> details = {}, const Actor& by = FD) {
        auto events = ok(by, EntrustmentRegistered{"", household, "", "", item, EntrustmentKind::long_term,
                                                   RequestChannel::in_person, std::move(details), scribble(), ""});
        return payload_of<EntrustmentRegistered>(events).form_id;
    }
    std::string pay(const std::string& form, PaymentKind kind, std::int64_t fen) {
        auto events = ok(CS, PaymentReceived{"", "", "", form, kind, Fen{fen}, PaymentMethod::cash, ""});
        return payload_of<PaymentReceived>(events).payment_id;
    }
    std::string deliver(const std::string& form, std::int64_t quantity = 1, const Actor& by = SW) {
        auto events = ok_on(tablet, by, DeliveryLogged{"", "", "", form, "", quantity, Fen{}, ""});
        return payload_of<DeliveryLogged>(events).delivery_id;
    }
    void stock_water(const std::string& item, std::int64_t quantity) {
        ok(FD, WaterStockReceived{"", item, quantity, "波仕塔水厂", Fen{900}});
    }
};

// A ready world with one of everything to refer to: a water form with its deposit and
// prepayment paid, a housekeeping form with a delivery and a collection, a request.
struct Busy : World {
    std::string water, hk, delivery, collection, payment, request;
    Busy() {
        ready();
        stock_water("barrel_water", 20);
        water = subscribe("1-101", "barrel_water");
        payment = pay(water, PaymentKind::deposit, 3000);
        pay(water, PaymentKind::prepayment, 10000);
        hk = subscribe("1-102", "housekeeping");
        delivery = deliver(hk, 1);
        collection = payload_of<FeeCollected>(ok(FD, FeeCollected{"", "", "", "", delivery, Fen{4000}})).collection_id;
        request = payload_of<ServiceRequested>(ok(FD, ServiceRequested{"", "1-101", "barrel_water", water, RequestChannel::phone, "送水", 0})).request_id;
    }
};

inline bool has(const Errors& errors, std::string_view code) {
    if (has_code(errors, code)) return true;
    MESSAGE("expected " << code << ", got: " << errors);
    return false;
}

}  // namespace fx
