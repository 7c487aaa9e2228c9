// Area 1: people, roles and permissions; separation of duties. SPEC "People and what
// each may do", "Separation of duties", [3-4.4.6].
#include "fixture.hpp"

using namespace fx;

namespace {

constexpr std::uint32_t GMb = role_bit(Role::general_manager), OMb = role_bit(Role::office_manager),
                        FDb = role_bit(Role::front_desk), SWb = role_bit(Role::service_worker),
                        CSb = role_bit(Role::cashier), RESb = role_bit(Role::resident),
                        AGb = role_bit(Role::assessment_group);
constexpr std::uint32_t STAFFb = GMb | OMb | FDb | SWb | CSb | AGb;

// SPEC's role table, written out independently of the implementation.
struct Expected {
    EventType type;
    std::uint32_t roles;
};
const Expected kExpected[] = {
    {EventType::estate_created, OMb},
    {EventType::staff_registered, OMb},
    {EventType::staff_deactivated, OMb},
    {EventType::device_registered, OMb},
    {EventType::device_revoked, OMb},
    {EventType::building_added, OMb},
    {EventType::household_registered, OMb | FDb},
    {EventType::resident_registered, OMb | FDb},
    {EventType::conflict_resolved, OMb},
    {EventType::item_defined, OMb},
    {EventType::survey_opened, OMb},
    {EventType::survey_answered, RESb | FDb | OMb},
    {EventType::survey_closed, OMb},
    {EventType::price_table_drafted, OMb},
    {EventType::price_table_revised, OMb},
    {EventType::price_table_submitted, OMb},
    {EventType::price_table_approved, GMb},
    {EventType::price_table_rejected, GMb},
    {EventType::price_table_published, OMb | FDb},
    {EventType::below_break_even_reported, FDb | OMb},
    {EventType::break_even_measure_recorded, OMb},
    {EventType::item_stop_requested, OMb},
    {EventType::item_stop_decided, GMb},
    {EventType::entrustment_registered, FDb | OMb | RESb},
    {EventType::entrustment_signed, FDb | SWb | OMb | RESb},
    {EventType::service_requested, FDb | OMb | RESb},
    {EventType::request_handed_on, FDb | SWb | OMb},
    {EventType::delivery_logged, SWb | FDb},
    {EventType::delivery_confirmed, RESb | SWb | FDb},
    {EventType::service_stopped, FDb | OMb | RESb},
    {EventType::payment_received, CSb},
    {EventType::fee_collected, FDb | SWb},
    {EventType::handover_received, CSb},
    {EventType::money_reversed, CSb},
    {EventType::settlement_paid, CSb},
    {EventType::problem_reported, FDb | SWb | OMb},
    {EventType::problem_escalated, FDb | OMb},
    {EventType::problem_decided, FDb | OMb | GMb},
    {EventType::complaint_recorded, FDb | OMb | RESb},
    {EventType::complaint_answered, FDb | SWb | OMb},
    {EventType::complaint_closed, FDb | OMb | RESb},
    {EventType::return_visit_recorded, FDb | OMb},
    {EventType::quality_evaluated, GMb},
    {EventType::water_stock_received, FDb | OMb},
    {EventType::signed_in, STAFFb},
    {EventType::signed_out, STAFFb},
    {EventType::leave_requested, STAFFb},
    {EventType::leave_decided, OMb | GMb},
    {EventType::violation_recorded, AGb},
    {EventType::violation_withdrawn, AGb},
    {EventType::annual_rating_recorded, AGb},
    {EventType::pin_set, STAFFb},  // someone else's PIN: office manager only (test_pins.cpp)
};

const Role kRoles[] = {Role::general_manager, Role::office_manager, Role::front_desk, Role::service_worker,
                       Role::cashier, Role::resident, Role::assessment_group};

}  // namespace

TEST_CASE("[SPEC People] the role table: who may record each kind of event") {
    // Every event type except field edits (decided per field, below) is in the table.
    CHECK(std::size(kExpected) == kEventTypeCount - 1);
    for (const auto& row : kExpected) {
        for (Role role : kRoles) {
            CAPTURE(row.type);
            CAPTURE(role);
            CHECK(role_may_emit(role, row.type) == ((row.roles & role_bit(role)) != 0));
        }
    }
}

namespace {

// A payload of the given type with every field at its default.
template <std::size_t... I>
Payload default_payload(EventType type, std::index_sequence<I...>) {
    Payload p;
    ((std::size_t(type) == I ? (void)p.emplace<I>() : void()), ...);
    return p;
}
Payload default_payload(EventType type) {
    return default_payload(type, std::make_index_sequence<kEventTypeCount>{});
}

// Someone in the fixture's estate who holds each role, and the device they use.
Actor holder_of(Role role) {
    switch (role) {
        case Role::general_manager: return GM;
        case Role::office_manager: return OM;
        case Role::front_desk: return FD;
        case Role::service_worker: return SW;
        case Role::cashier: return CS;
        case Role::resident: return R101;
        case Role::assessment_group: return AG;
    }
    return OM;
}
std::string device_of(Role role) { return role == Role::resident ? "home101" : "office"; }

}  // namespace

TEST_CASE("[SPEC People] authorize() enforces the role table on real events: each role is refused exactly what it may not do") {
    World w;
    w.found();
    std::uint64_t seq = 1000;
    for (const auto& row : kExpected) {
        for (Role role : kRoles) {
            CAPTURE(row.type);
            CAPTURE(role);
            Event e{EventId{device_of(role), seq++}, w.hlc.tick(), holder_of(role), default_payload(row.type)};
            REQUIRE(e.type() == row.type);
            const bool allowed = (row.roles & role_bit(role)) != 0;
            Errors errors = row.type == EventType::estate_created ? authorize(e, State{}) : authorize(e, w.state());
            CHECK(has_code(errors, "auth.role_forbidden") == !allowed);
            if (!allowed) CHECK(has(errors, "auth.role_forbidden"));
        }
    }
    // Field edits are decided per field: every editable field, every role.
    for (const FieldSpec& spec : all_fields()) {
        for (Role role : kRoles) {
            CAPTURE(spec.field);
            CAPTURE(role);
            Event e{EventId{device_of(role), seq++}, w.hlc.tick(), holder_of(role),
                    FieldEdited{spec.kind, "1-101", std::string(spec.field), FieldValue{std::string("x")}, {}}};
            CHECK(has_code(authorize(e, w.state()), "auth.field_forbidden") == !role_may_edit(spec, role));
        }
    }
}

TEST_CASE("[SPEC People] field edits: who may change which field") {
    struct Case {
        RecordKind kind;
        const char* field;
        Role role;
        bool allowed;
    };
    const Case cases[] = {
        {RecordKind::household, "phone", Role::resident, true},
        {RecordKind::household, "phone", Role::front_desk, true},
        {RecordKind::household, "phone", Role::cashier, false},
        {RecordKind::household, "note", Role::resident, false},
        {RecordKind::item, "monthly_cost", Role::office_manager, true},
        {RecordKind::item, "monthly_cost", Role::front_desk, false},
        {RecordKind::estate, "assessment_monthly", Role::assessment_group, true},
        {RecordKind::estate, "assessment_monthly", Role::office_manager, false},
        {RecordKind::estate, "deduction_months_county", Role::general_manager, true},
        {RecordKind::estate, "default_promised_hours", Role::office_manager, true},
        {RecordKind::estate, "default_promised_hours", Role::assessment_group, false},
        {RecordKind::complaint, "assignee", Role::office_manager, true},
        {RecordKind::complaint, "assignee", Role::front_desk, false},
        {RecordKind::staff, "window", Role::office_manager, true},
        {RecordKind::staff, "window", Role::service_worker, false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.field);
        CAPTURE(c.role);
        const FieldSpec* spec = find_field(c.kind, c.field);
        REQUIRE(spec);
        CHECK(role_may_edit(*spec, c.role) == c.allowed);
    }
    CHECK(find_field(RecordKind::household, "balance") == nullptr);
    CHECK(find_field(RecordKind::item, "price") == nullptr);  // prices change only through approval
}

TEST_CASE("[SPEC People] permissions are enforced in the core, not only hidden in the UI") {
    World w;
    w.ready();
    SUBCASE("a front-desk clerk cannot take money at the cashier") {
        std::string form = w.subscribe("1-102", "parking", {{"space", "A-01"}, {"plate", "粤B12345"}});
        CHECK(has(w.fail(FD, PaymentReceived{"", "", "", form, PaymentKind::deposit, Fen{20000}, PaymentMethod::cash, ""}),
                  "auth.role_forbidden"));
    }
    SUBCASE("the office manager cannot approve a price table") {
        auto events = w.ok(OM, PriceTableDrafted{"", 2025, 0, "", "", catalogue_rows(), ""});
        std::string id = w.payload_of<PriceTableDrafted>(events).table_id;
        w.ok(OM, PriceTableSubmitted{id});
        CHECK(has(w.fail(OM, PriceTableApproved{id, "ok"}), "auth.role_forbidden"));
    }
    SUBCASE("acting in a role one does not hold is refused") {
        CHECK(has(w.fail(Actor{"fd", Role::cashier}, SignedIn{""}), "auth.role_not_held"));
    }
    SUBCASE("an unknown person is refused") {
        CHECK(has(w.fail(Actor{"ghost", Role::front_desk}, SignedIn{""}), "auth.unknown_person"));
    }
    SUBCASE("residents cannot sign in as staff") {
        CHECK(has(w.fail(R101, SignedIn{""}), "auth.role_forbidden"));
    }
}

TEST_CASE("[SPEC Offline] a resident device may only act for its own household, and never as staff") {
    World w;
    w.ready();
    SUBCASE("its resident asks for a service in the app") {
        auto events = w.ok(R101, ServiceRequested{"", "1-101", "housekeeping", "", RequestChannel::app, "打扫卫生", 0});
        CHECK(events.front().id.device == "home101");
    }
    SUBCASE("another household's record") {
        CHECK(has(w.fail(R101, ServiceRequested{"", "1-102", "housekeeping", "", RequestChannel::app, "x", 0}),
                  "auth.other_household"));
    }
    SUBCASE("another household's resident on this device") {
        CHECK(has(w.fail(R102, ServiceRequested{"", "1-102", "housekeeping", "", RequestChannel::app, "x", 0}),
                  "auth.resident_device"));
    }
    SUBCASE("a staff action on a resident device") {
        CHECK(has(w.fail_on(w.home, CS, PaymentReceived{"", "1-101", "parking", "F-x", PaymentKind::fee, Fen{100},
                                                         PaymentMethod::cash, ""}),
                  "auth.resident_device"));
    }
}

TEST_CASE("[SPEC Offline] authorize() rejects forged events the import path will see") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "parking", {{"space", "A-01"}, {"plate", "粤B12345"}});
    // A bundle from household 1-101's device claiming the cashier took a payment.
    Event forged{EventId{"home101", 99}, Hlc{at(2024, 2, 1), 0}, CS,
                 PaymentReceived{"P-forged", "1-101", "parking", form, PaymentKind::fee, Fen{15000}, PaymentMethod::cash, ""}};
    CHECK(has(authorize(forged, w.state()), "auth.resident_device"));
    // The resident claiming a record of another household.
    Event other{EventId{"home101", 100}, Hlc{at(2024, 2, 1), 1}, R101,
                ComplaintRecorded{"CP-x", "1-102", "", "噪音", ComplaintSource::app, ""}};
    CHECK(has(authorize(other, w.state()), "auth.other_household"));
    // A legitimate one passes.
    Event own{EventId{"home101", 101}, Hlc{at(2024, 2, 1), 2}, R101,
              ComplaintRecorded{"CP-y", "1-101", "", "噪音", ComplaintSource::app, ""}};
    CHECK(authorize(own, w.state()).empty());
    // The projection skips forged events and lists them.
    auto added = w.ledger.add({forged});
    CHECK(added.added == 1);
    CHECK(w.state().find_money("P-forged") == nullptr);
    REQUIRE_FALSE(w.state().anomalies.empty());
    CHECK(w.state().anomalies.back().code == "auth.resident_device");
    CHECK(w.state().anomalies.back().skipped);
}

TEST_CASE("[1-4.1] separation of duties: whoever drafts the price table cannot approve it") {
    World w;
    w.found();
    w.seed();
    // A manager who is also general manager drafts, then tries to approve as GM.
    w.ok(OM, StaffRegistered{"boss", "老板", {Role::office_manager, Role::general_manager}, "", ""});
    const Actor boss_om{"boss", Role::office_manager}, boss_gm{"boss", Role::general_manager};
    auto events = w.ok(boss_om, PriceTableDrafted{"", 2024, 0, "", "", catalogue_rows(), ""});
    std::string id = w.payload_of<PriceTableDrafted>(events).table_id;
    w.ok(boss_om, PriceTableSubmitted{id});
    CHECK(has(w.fail(boss_gm, PriceTableApproved{id, "自己批准"}), "price_table.self_approval"));
    CHECK(has(w.fail(boss_gm, PriceTableRejected{id, "自己退回"}), "price_table.self_approval"));
    w.ok(GM, PriceTableApproved{id, "同意"});
    CHECK(w.state().find_table(id)->status == PriceTableStatus::approved);
}

TEST_CASE("[1-4.8] separation of duties: collected cash goes to finance, and a cashier does not receive their own") {
    World w;
    w.ready();
    w.ok(OM, StaffRegistered{"cs2", "陈收银", {Role::cashier, Role::front_desk}, "", ""});
    std::string form = w.subscribe("1-101", "housekeeping");
    std::string delivery = w.deliver(form, 2);
    const Actor cs2_desk{"cs2", Role::front_desk}, cs2_cash{"cs2", Role::cashier};
    auto c = w.ok(cs2_desk, FeeCollected{"", "", "", "", delivery, Fen{8000}});
    std::string collection = w.payload_of<FeeCollected>(c).collection_id;
    CHECK(has(w.fail(cs2_cash, HandoverReceived{"", "cs2", {collection}, Fen{}, Fen{8000}, ""}), "handover.self_receipt"));
    w.ok(CS, HandoverReceived{"", "cs2", {collection}, Fen{}, Fen{8000}, ""});
    CHECK(oldest_unhanded_ms(w.state(), "cs2") == 0);
}

TEST_CASE("[1-4.8] separation of duties: staff holding cash past the limit must hand it over before collecting more") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "housekeeping");
    std::string d1 = w.deliver(form, 1);
    auto first = w.ok_on(w.tablet, SW, FeeCollected{"", "", "", "", d1, Fen{4000}});
    std::string d2 = w.deliver(form, 1);
    w.clock.advance_days(2);  // the limit is one day
    auto errors = w.fail_on(w.tablet, SW, FeeCollected{"", "", "", "", d2, Fen{4000}});
    CHECK(has(errors, "collection.handover_overdue"));
    CHECK(staff_cash(w.state(), w.clock.now_ms()).front().overdue);
    w.ok(CS, HandoverReceived{"", "sw", {w.payload_of<FeeCollected>(first).collection_id}, Fen{}, Fen{4000}, ""});
    w.ok_on(w.tablet, SW, FeeCollected{"", "", "", "", d2, Fen{4000}});
}

TEST_CASE("[3-4.4.6] no private settlement: fees follow the published price") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "housekeeping");
    std::string delivery = w.deliver(form, 2);  // 2 hours × 40 yuan
    CHECK(w.state().deliveries.at(delivery).def.charge == Fen{8000});
    SUBCASE("collecting more than is due") {
        CHECK(has(w.fail_on(w.tablet, SW, FeeCollected{"", "", "", "", delivery, Fen{9000}}), "collection.exceeds_due"));
    }
    SUBCASE("a delivery with a charge of one's own") {
        Event e{EventId{"tab1", w.state().next_seq("tab1")}, w.hlc.tick(), SW,
                DeliveryLogged{"D-own", "1-101", "housekeeping", form, "", 2, Fen{5000}, ""}};
        CHECK(has(check_event(w.state(), e), "delivery.charge_mismatch"));
    }
    SUBCASE("a monthly item is paid in whole months") {
        std::string parking = w.subscribe("1-102", "parking", {{"space", "A-02"}, {"plate", "粤B00002"}});
        CHECK(has(w.fail(CS, PaymentReceived{"", "", "", parking, PaymentKind::fee, Fen{10000}, PaymentMethod::cash, ""}),
                  "payment.not_whole_months"));
        w.ok(CS, PaymentReceived{"", "", "", parking, PaymentKind::fee, Fen{45000}, PaymentMethod::cash, ""});
    }
}

TEST_CASE("[2-2.4] separation of duties: nobody approves their own leave or records their own violation") {
    World w;
    w.found();
    w.ok(OM, StaffRegistered{"om2", "副经理", {Role::office_manager, Role::assessment_group}, "", ""});
    const Actor om2{"om2", Role::office_manager}, om2_ag{"om2", Role::assessment_group};
    auto leave = w.ok(om2, LeaveRequested{"", LeaveKind::leave, at(2024, 1, 10), at(2024, 1, 11), "探亲"});
    std::string id = w.payload_of<LeaveRequested>(leave).leave_id;
    CHECK(has(w.fail(om2, LeaveDecided{id, true, ""}), "leave.self_approval"));
    w.ok(OM, LeaveDecided{id, true, ""});
    CHECK(has(w.fail(om2_ag, ViolationRecorded{"", "om2", 3, ViolationSource::town_inspection, LocalDate{2024, 1, 2}, 0, ""}),
              "violation.self"));
    CHECK(has(w.fail(om2_ag, AnnualRatingRecorded{"om2", 2024, AnnualRating::excellent, ""}), "rating.self"));
}
