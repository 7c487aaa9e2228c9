// The projection: State rebuilt deterministically from any set of events, in any
// order; applying is total (never throws, oddities become anomalies); incremental
// apply when new events sort last, a rebuild otherwise; the Ledger keeps events once.
// Issue 3 "Shape", design constraint 2.
#include <random>

#include "bianmin/demo.hpp"
#include "fixture.hpp"

using namespace fx;

namespace {

const std::vector<Event>& demo() {
    static const std::vector<Event> events = [] {
        auto r = demo_events(DemoOptions{2024, 12, 2, 6, 7});
        if (!r.ok()) FAIL("demo failed: " << r.errors());
        return r.value();
    }();
    return events;
}

// Everything the office would look at, as text: state and every report.
std::string fingerprint(const State& s) {
    std::string out;
    for (int m = 1; m <= 12; ++m) {
        out += render_text(to_table(income_report(s, YearMonth{2024, m})), Language::zh);
        out += render_text(to_table(break_even_report(s, YearMonth{2024, m})), Language::en);
    }
    for (auto kind : {RegisterKind::rental_sale, RegisterKind::broadband, RegisterKind::advertisement, RegisterKind::venue,
                      RegisterKind::newspaper, RegisterKind::computer_repair, RegisterKind::parking,
                      RegisterKind::motor_insurance, RegisterKind::telephone, RegisterKind::water_stock, RegisterKind::water_sales})
        out += render_csv(register_table(s, kind), Language::zh, false);
    out += render_text(to_table(assessment_report(s, Period{2024, 1, 6}, at(2025, 1, 1))), Language::zh);
    out += render_text(to_table(assessment_report(s, Period{2024, 2, 6}, at(2025, 1, 1))), Language::zh);
    out += render_text(conflicts_table(s), Language::zh) + render_text(anomalies_table(s), Language::en);
    return out;
}

}  // namespace

TEST_CASE("[Shape] the demo year runs through the real commands without a refusal") {
    const auto& events = demo();
    CHECK(events.size() > 1000);
    State s = project(events);
    CHECK(s.anomalies.empty());
    CHECK(s.published_tables.size() == 2);
    CHECK_FALSE(s.deliveries.empty());
    CHECK_FALSE(s.handovers.empty());
    CHECK(std::is_sorted(events.begin(), events.end(), event_before));
}

TEST_CASE("[Shape] determinism: the same events in shuffled orders give identical projections and reports") {
    const auto& events = demo();
    State reference = project(events);
    const std::string expected = fingerprint(reference);
    for (unsigned seed : {1u, 2u, 3u}) {
        CAPTURE(seed);
        std::vector<Event> shuffled = events;
        std::mt19937 rng(seed);
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        State s = project(shuffled);
        CHECK(s == reference);
        CHECK(fingerprint(s) == expected);
    }
}

TEST_CASE("[Shape] a ledger fed in random chunks, in random order, with duplicates, ends in the same state") {
    const auto& events = demo();
    State reference = project(events);
    std::vector<Event> shuffled = events;
    std::mt19937 rng(42);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    Ledger ledger;
    std::size_t at_event = 0, rebuilds = 0;
    while (at_event < shuffled.size()) {
        std::size_t n = std::min<std::size_t>(shuffled.size() - at_event, 1 + rng() % 400);
        std::vector<Event> chunk(shuffled.begin() + std::ptrdiff_t(at_event), shuffled.begin() + std::ptrdiff_t(at_event + n));
        if (at_event > 0) chunk.push_back(shuffled[rng() % at_event]);  // something seen before
        auto r = ledger.add(chunk);
        CHECK(r.rejected.empty());
        rebuilds += r.rebuilt;
        at_event += n;
    }
    CHECK(rebuilds > 0);
    CHECK(ledger.size() == events.size());
    CHECK(ledger.state() == reference);
    CHECK(ledger.events() == events);
}

TEST_CASE("[Shape] new events that sort last are applied incrementally; the result equals a full rebuild") {
    const auto& events = demo();
    Ledger ledger;
    std::size_t half = events.size() / 2;
    ledger.add(std::vector<Event>(events.begin(), events.begin() + std::ptrdiff_t(half)));
    auto r = ledger.add(std::vector<Event>(events.begin() + std::ptrdiff_t(half), events.end()));
    CHECK_FALSE(r.rebuilt);
    CHECK(r.added == events.size() - half);
    State incremental = ledger.state();
    ledger.rebuild();
    CHECK(ledger.state() == incremental);
}

TEST_CASE("[Shape] adding the same events twice changes nothing; an id reused with other content is refused") {
    World w;
    w.ready();
    std::vector<Event> all = w.ledger.events();
    State before = w.state();
    auto again = w.ledger.add(all);
    CHECK(again.added == 0);
    CHECK(again.duplicates == all.size());
    CHECK(w.state() == before);
    Event changed = all.back();
    changed.actor.person_id = "someone-else";
    Event fresh = all.back();
    fresh.id.seq += 1000;
    auto r = w.ledger.add({fresh, changed});
    CHECK(has(r.rejected, "event.id_reused"));
    CHECK(r.added == 0);  // all or nothing
    CHECK_FALSE(w.ledger.contains(fresh.id));
    Event bad = all.back();
    bad.id.seq = 0;
    CHECK(has(w.ledger.add({bad}).rejected, "event.bad_id"));
}

TEST_CASE("[Shape] one id twice in one batch: an identical copy counts as a duplicate, a different one refuses the batch") {
    World w;
    w.ready();
    const std::vector<Event> known = w.ledger.events();
    const State before = w.state();
    auto make = [&](std::uint64_t seq_offset) {
        Event e = known.back();
        e.id.seq += seq_offset;
        e.hlc.wall_ms += std::int64_t(seq_offset);
        return e;
    };
    const Event a = make(1000), b = make(1001), c = make(1002);
    SUBCASE("identical copies, out of order: each event once, the copies counted") {
        auto r = w.ledger.add({c, a, b, a, c, c});
        CHECK(r.rejected.empty());
        CHECK(r.added == 3);
        CHECK(r.duplicates == 3);
        CHECK(w.ledger.size() == known.size() + 3);
        for (const auto& e : {a, b, c}) CHECK(*w.ledger.find(e.id) == e);
    }
    SUBCASE("a different copy: nothing added, the errors in the batch's order") {
        Event other_b = b;
        other_b.actor.person_id = "someone-else";
        Event bad = a;
        bad.id.seq = 0;
        auto r = w.ledger.add({b, a, bad, other_b, known.front()});
        REQUIRE(r.rejected.size() == 2);
        CHECK(r.rejected[0].code == "event.bad_id");
        CHECK(r.rejected[1].code == "event.id_reused");
        CHECK(r.added == 0);
        CHECK(w.ledger.size() == known.size());
        CHECK_FALSE(w.ledger.contains(a.id));
        CHECK(w.state() == before);
    }
}

TEST_CASE("[Shape] a command takes a sequence number at or above the context's minimum, never one its store used [issue 4]") {
    World w;
    w.ready();
    const std::uint64_t next = w.state().next_seq("office");
    SUBCASE("without a minimum the device's next number follows the state") {
        auto made = execute(w.office.context(OM), w.state(), SignedIn{""});
        REQUIRE(made.ok());
        CHECK(made.value().front().id.seq == next);
    }
    SUBCASE("a store that holds numbers the state does not: the command skips them") {
        CommandContext ctx = w.office.context(OM);
        ctx.min_seq = next + 7;
        auto made = execute_all(ctx, w.state(), {SignedIn{""}, SignedOut{}});
        REQUIRE(made.ok());
        REQUIRE(made.value().size() == 2);
        CHECK(made.value()[0].id.seq == next + 7);
        CHECK(made.value()[1].id.seq == next + 8);
        CHECK(w.ledger.add(made.value()).rejected.empty());
        CHECK(w.state().next_seq("office") == next + 9);
    }
    SUBCASE("a minimum below the state's next number changes nothing") {
        CommandContext ctx = w.office.context(OM);
        ctx.min_seq = 1;
        CHECK(first_seq(ctx, w.state()) == next);
    }
}

TEST_CASE("[Shape] the version vector and the gaps of each device, for sync") {
    World w;
    w.ready();
    std::uint64_t office = w.ledger.version_vector().at("office");
    CHECK(office == w.state().max_seq.at("office"));
    CHECK(w.ledger.missing("office").empty());
    Event later = w.ledger.events().back();
    later.id = EventId{"tab1", 5};
    later.hlc.counter += 100;
    later.payload = SignedIn{""};
    later.actor = SW;
    w.ledger.add({later});
    CHECK(w.ledger.version_vector().at("tab1") == 0);
    CHECK(w.ledger.missing("tab1") == std::vector<std::uint64_t>{1, 2, 3, 4});
    CHECK(w.state().next_seq("tab1") == 6);
}

TEST_CASE("[Shape] applying is total: events whose references are unknown become anomalies, not crashes") {
    World w;
    w.ready();
    const std::int64_t t = w.clock.now_ms() + kMsPerHour;
    std::vector<Event> odd = {
        Event{EventId{"tab1", 1}, Hlc{t, 0}, SW, DeliveryLogged{"D-x", "1-101", "housekeeping", "F-missing", "", 2, Fen{8000}, ""}},
        Event{EventId{"tab1", 2}, Hlc{t, 1}, SW, DeliveryConfirmed{"D-missing", scribble(), ""}},
        Event{EventId{"office", 900}, Hlc{t, 2}, CS, MoneyReversed{"RV-x", "P-missing", "x"}},
        Event{EventId{"office", 901}, Hlc{t, 3}, GM, PriceTableApproved{"T-missing", ""}},
        Event{EventId{"office", 902}, Hlc{t, 4}, OM, FieldEdited{RecordKind::household, "9-999", "phone", FieldValue{"13500000000"}, {}}},
        Event{EventId{"office", 903}, Hlc{t, 5}, CS, PaymentReceived{"P-x", "1-101", "parking", "F-missing", PaymentKind::fee, Fen{100}, PaymentMethod::cash, ""}},
        Event{EventId{"office", 904}, Hlc{t, 6}, OM, ItemStopDecided{"parking", true, ""}},
        Event{EventId{"office", 905}, Hlc{t, 7}, Actor{"nobody", Role::cashier}, HandoverReceived{"H-x", "sw", {"C-1"}, Fen{}, Fen{}, ""}},
    };
    State before = w.state();
    auto r = w.ledger.add(odd);
    CHECK(r.added == odd.size());
    const State& s = w.state();
    CHECK(s.anomalies.size() >= odd.size());
    // Facts are kept: the delivery happened, the payment was taken.
    CHECK(s.deliveries.count("D-x") == 1);
    CHECK(s.find_money("P-x") != nullptr);
    // Decisions without their subject change nothing.
    CHECK(s.find_item("parking")->status == ItemStatus::active);
    CHECK(s.price_tables.size() == before.price_tables.size());
    CHECK(s.find_money("RV-x") == nullptr);
    // The edit of a household not yet known is kept for when it arrives.
    REQUIRE(field_history(s, FieldKey{RecordKind::household, "9-999", "phone"}));
    Table listed = anomalies_table(s, Language::en);
    CHECK(listed.rows.size() == s.anomalies.size());
}

TEST_CASE("[Shape] a record's edits that arrive before the record still apply when it arrives") {
    World w;
    w.ready();
    const std::int64_t t = w.clock.now_ms();
    Event edit{EventId{"office", 500}, Hlc{t + 2000, 0}, FD, FieldEdited{RecordKind::household, "2-203", "phone", FieldValue{"13812345678"}, {}}};
    Event created{EventId{"office", 499}, Hlc{t + 1000, 0}, FD, HouseholdRegistered{"2-203", "2", "203", "0755-1", ""}};
    State s1 = project([&] { auto e = w.ledger.events(); e.push_back(edit); e.push_back(created); return e; }());
    CHECK(s1.find_household("2-203")->phone == "13812345678");
    // Even with a forged order (the edit stamped before the record), the edit waits for it.
    Event early_edit = edit;
    early_edit.hlc = Hlc{t + 500, 0};
    State s2 = project([&] { auto e = w.ledger.events(); e.push_back(early_edit); e.push_back(created); return e; }());
    CHECK(s2.find_household("2-203")->phone == "13812345678");
}

TEST_CASE("[Shape] random garbage in valid envelopes never stops the projection") {
    const auto& events = demo();
    std::mt19937 rng(7);
    std::vector<Event> mangled(events.begin(), events.begin() + std::ptrdiff_t(std::min<std::size_t>(events.size(), 1500)));
    for (auto& e : mangled) {
        switch (rng() % 6) {
            case 0: e.hlc.wall_ms -= std::int64_t(rng() % 100'000'000); break;  // arrives "earlier"
            case 1: e.actor.role = Role(rng() % 7); break;
            case 2: e.id.device = (rng() % 2) ? "home101" : "unknown-device"; break;
            default: break;
        }
    }
    std::shuffle(mangled.begin(), mangled.end(), rng);
    State s;
    CHECK_NOTHROW(s = project(mangled));
    CHECK(s.event_count <= mangled.size());
    CHECK_FALSE(s.anomalies.empty());
    CHECK(project(mangled) == s);  // and still deterministic
}
