// Concurrent field edits (design constraint 4, for sync): two devices changing the
// same field of the same record without seeing each other's change are a conflict;
// both values are kept, a provisional winner is picked deterministically, the office
// manager resolves it with an event that itself syncs. Money never conflicts.
// SPEC "Working offline": "two devices may have changed the same record — the office
// must see that and choose".
#include "fixture.hpp"

using namespace fx;

namespace {

// Another device with its own copy of the log, its own clock, offline.
struct Replica {
    FakeClock clock;
    HlcClock hlc{clock};
    Ledger ledger;
    Desk desk;
    Replica(const Ledger& from, std::int64_t now, std::string device)
        : clock(now), desk(ledger, hlc, std::move(device)) {
        ledger.add(from.events());
        for (const auto& e : from.events()) hlc.observe(e.hlc);
    }
};

// Exchange every event both ways (what the sync issue's bundles do).
void exchange(Ledger& a, Ledger& b) {
    auto from_a = a.events();
    auto from_b = b.events();
    a.add(from_b);
    b.add(from_a);
}

FieldEdited phone_edit(const std::string& phone) {
    return FieldEdited{RecordKind::household, "1-101", "phone", FieldValue{phone}, {}};
}
const FieldKey kPhone{RecordKind::household, "1-101", "phone"};

}  // namespace

TEST_CASE("[SPEC Offline] two devices editing the same field concurrently make a conflict; nothing is lost") {
    World w;
    w.ready();
    Replica tablet(w.ledger, w.clock.now_ms(), "tab1");
    w.clock.advance_minutes(5);
    tablet.clock.advance_minutes(9);
    auto office_edit = w.ok(FD, phone_edit("13511112222"));
    auto tablet_edit = World::expect_ok(tablet.desk.run(FD2, phone_edit("13633334444")));
    CHECK(w.payload_of<FieldEdited>(office_edit).supersedes.empty());  // the first edit of this field
    exchange(w.ledger, tablet.ledger);
    auto list = conflicts(w.state());
    REQUIRE(list.size() == 1);
    CHECK(list[0].key == kPhone);
    REQUIRE(list[0].candidates.size() == 2);
    // Both values, who and when; the later in total order is the provisional value.
    CHECK(std::get<std::string>(list[0].candidates[0].value) == "13511112222");
    CHECK(list[0].candidates[0].actor.person_id == "fd");
    CHECK(std::get<std::string>(list[0].candidates[1].value) == "13633334444");
    CHECK(list[0].candidates[1].actor.person_id == "fd2");
    CHECK(w.state().find_household("1-101")->phone == "13633334444");
    CHECK(tablet.ledger.state().find_household("1-101")->phone == "13633334444");
    CHECK(conflicts_table(w.state()).rows.size() == 2);
    SUBCASE("the office manager chooses; the choice syncs and both devices agree") {
        auto r = w.office.commit(resolve_conflict(w.office.context(OM), w.state(), kPhone, office_edit.front().id));
        REQUIRE(r.ok());
        const auto& resolved = *r.value().front().as<ConflictResolved>();
        CHECK(resolved.supersedes.size() == 2);
        CHECK(std::get<std::string>(resolved.value) == "13511112222");
        CHECK(conflicts(w.state()).empty());
        CHECK(w.state().find_household("1-101")->phone == "13511112222");
        exchange(w.ledger, tablet.ledger);
        CHECK(conflicts(tablet.ledger.state()).empty());
        CHECK(tablet.ledger.state().find_household("1-101")->phone == "13511112222");
        // The losing value is still in the history.
        const FieldHistory* h = field_history(w.state(), kPhone);
        REQUIRE(h);
        CHECK(h->edits.size() == 3);
        CHECK(h->find(tablet_edit.front().id) != nullptr);
    }
    SUBCASE("only the office manager resolves, and only real conflicts, with one of the values") {
        CHECK(has(resolve_conflict(w.office.context(FD), w.state(), kPhone, office_edit.front().id).errors(), "auth.role_forbidden"));
        CHECK(has(resolve_conflict(w.office.context(OM), w.state(), kPhone, EventId{"office", 1}).errors(), "conflict.bad_choice"));
        FieldKey other{RecordKind::household, "1-102", "phone"};
        CHECK(has(resolve_conflict(w.office.context(OM), w.state(), other, office_edit.front().id).errors(), "conflict.none"));
    }
    SUBCASE("while in conflict, ordinary edits of the field wait for the resolution") {
        CHECK(has(w.fail(FD, phone_edit("13700000000")), "field.in_conflict"));
    }
}

TEST_CASE("[SPEC Offline] an edit made after seeing the previous one supersedes it: no conflict") {
    World w;
    w.ready();
    auto first = w.ok(FD, phone_edit("13511112222"));
    Replica tablet(w.ledger, w.clock.now_ms(), "tab1");
    tablet.clock.advance_minutes(10);
    auto second = World::expect_ok(tablet.desk.run(FD2, phone_edit("13633334444")));
    CHECK(second.front().as<FieldEdited>()->supersedes == std::vector<EventId>{first.front().id});
    exchange(w.ledger, tablet.ledger);
    CHECK(conflicts(w.state()).empty());
    CHECK(w.state().find_household("1-101")->phone == "13633334444");
}

TEST_CASE("[SPEC Offline] supersedes is transitive: only the concurrent heads conflict") {
    World w;
    w.ready();
    auto a = w.ok(FD, phone_edit("13500000001"));  // A, seen by both
    Replica tablet(w.ledger, w.clock.now_ms(), "tab1");
    w.clock.advance_minutes(1);
    w.ok(FD, phone_edit("13500000002"));            // B supersedes A
    tablet.clock.advance_minutes(2);
    World::expect_ok(tablet.desk.run(FD2, phone_edit("13500000003")));  // C supersedes A
    exchange(w.ledger, tablet.ledger);
    auto list = conflicts(w.state());
    REQUIRE(list.size() == 1);
    REQUIRE(list[0].candidates.size() == 2);
    for (const auto& c : list[0].candidates) CHECK_FALSE(c.id == a.front().id);
}

TEST_CASE("[SPEC Offline] a conflict found in any arrival order is the same conflict with the same provisional value") {
    World w;
    w.ready();
    Replica t1(w.ledger, w.clock.now_ms(), "tab1");
    Replica t2(w.ledger, w.clock.now_ms(), "tab2");
    w.ok(OM, DeviceRegistered{"tab2", "平板2", DeviceKind::office, ""});
    t1.ledger.add(w.ledger.events());
    t2.ledger.add(w.ledger.events());
    t1.clock.advance_minutes(3);
    t2.clock.advance_minutes(3);  // the same wall time: the device id breaks the tie
    World::expect_ok(t1.desk.run(FD, FieldEdited{RecordKind::household, "1-102", "note", FieldValue{"养狗"}, {}}));
    World::expect_ok(t2.desk.run(FD2, FieldEdited{RecordKind::household, "1-102", "note", FieldValue{"有猫"}, {}}));
    Ledger office_first, tablet_first;
    office_first.add(t1.ledger.events());
    office_first.add(t2.ledger.events());
    tablet_first.add(t2.ledger.events());
    tablet_first.add(t1.ledger.events());
    CHECK(office_first.state() == tablet_first.state());
    CHECK(office_first.state().find_household("1-102")->note == "有猫");  // "tab2" sorts after "tab1"
    CHECK(conflicts(office_first.state()).size() == 1);
}

TEST_CASE("[SPEC Offline] a resolution concurrent with a new edit is itself a new conflict") {
    World w;
    w.ready();
    Replica tablet(w.ledger, w.clock.now_ms(), "tab1");   // never sees A before editing
    auto a = w.ok(FD, phone_edit("13500000001"));            // A
    Replica home(w.ledger, w.clock.now_ms(), "home101");  // sees A only
    tablet.clock.advance_minutes(1);
    World::expect_ok(tablet.desk.run(FD2, phone_edit("13500000002")));  // B, concurrent with A
    exchange(w.ledger, tablet.ledger);
    w.clock.advance_minutes(5);
    REQUIRE(w.office.commit(resolve_conflict(w.office.context(OM), w.state(), kPhone, a.front().id)).ok());  // R
    home.clock.advance_minutes(6);
    auto c = World::expect_ok(home.desk.run(R101, phone_edit("13500000003")));  // C supersedes A only
    CHECK(c.front().as<FieldEdited>()->supersedes == std::vector<EventId>{a.front().id});
    exchange(w.ledger, home.ledger);
    auto list = conflicts(w.state());
    REQUIRE(list.size() == 1);
    REQUIRE(list[0].candidates.size() == 2);
    CHECK(list[0].candidates[0].resolution != list[0].candidates[1].resolution);
    CHECK(w.state() == home.ledger.state());
}

TEST_CASE("[SPEC Money] money events never conflict: concurrent payments both count") {
    World w;
    w.ready();
    w.ok(OM, StaffRegistered{"cs2", "陈收银", {Role::cashier}, "", ""});
    std::string form = w.subscribe("1-101", "parking", {{"space", "A-01"}, {"plate", "粤B1"}});
    Replica tablet(w.ledger, w.clock.now_ms(), "tab1");
    w.pay(form, PaymentKind::fee, 15000);
    tablet.clock.advance_minutes(1);
    World::expect_ok(tablet.desk.run(Actor{"cs2", Role::cashier},
                                     PaymentReceived{"", "", "", form, PaymentKind::fee, Fen{15000}, PaymentMethod::cash, ""}));
    exchange(w.ledger, tablet.ledger);
    CHECK(w.state().find_form(form)->fees_paid == Fen{30000});
    CHECK(conflicts(w.state()).empty());
    CHECK(w.state() == tablet.ledger.state());
}

TEST_CASE("[SPEC Money] a deposit refunded twice by two cashiers is kept twice and shown as an anomaly") {
    World w;
    w.ready();
    w.ok(OM, StaffRegistered{"cs2", "陈收银", {Role::cashier}, "", ""});
    std::string form = w.subscribe("1-101", "parking", {{"space", "A-01"}, {"plate", "粤B1"}});
    w.pay(form, PaymentKind::deposit, 20000);
    w.ok(FD, ServiceStopped{form, StopReason::moving_out, "搬走"});
    Replica tablet(w.ledger, w.clock.now_ms(), "tab1");
    w.ok(CS, SettlementPaid{"", form, Fen{20000}, Fen{}, Fen{}, ""});
    tablet.clock.advance_minutes(1);
    World::expect_ok(tablet.desk.run(Actor{"cs2", Role::cashier}, SettlementPaid{"", form, Fen{20000}, Fen{}, Fen{}, ""}));
    exchange(w.ledger, tablet.ledger);
    std::size_t settlements = 0;
    for (const auto& m : w.state().money) settlements += m.kind == MoneyEntryKind::settlement;
    CHECK(settlements == 2);  // both payouts happened: the ledger shows them
    CHECK(w.state().find_form(form)->deposit_held() == Fen{-20000});
    bool listed = false;
    for (const auto& a : w.state().anomalies) listed = listed || a.code == "settlement.already_settled";
    CHECK(listed);
    CHECK(w.state() == tablet.ledger.state());
}
