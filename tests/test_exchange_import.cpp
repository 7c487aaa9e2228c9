// Importing bundles (exchange_import.hpp): every rejection leaves the store byte for byte
// unchanged; a second import changes nothing; concurrent edits show as conflicts and
// money accumulates. Issue 4 "Import", issue 7 "Bad input".
#include "exchange_fixture.hpp"

using namespace xfx;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

// The office (w) and a tablet that worked offline after a copy of the office's log.
struct Scene {
    World w;
    std::unique_ptr<Device> tab;
    Bundle from_tablet;  // the tablet's delta for the office
    std::string text;

    Scene() {
        w.ready();
        tab = std::make_unique<Device>(w.ledger, "tab1", w.clock.now_ms() + kMsPerHour);
        tab->ok(FD, ComplaintRecorded{"", "1-101", "housekeeping", "打扫不干净", ComplaintSource::phone, ""});
        tab->clock.advance_minutes(3);
        tab->ok(FD, ComplaintRecorded{"", "1-102", "", "电梯太吵", ComplaintSource::direct, ""});
        ExportRequest request{BundleKind::delta, "tab1", tab->clock.now_ms(), "office", w.ledger.version_vector(), ""};
        from_tablet = make_bundle(tab->ledger, request).value();
        REQUIRE(from_tablet.events.size() == 2);
        text = text_of(from_tablet);
    }
    Bundle altered(const std::function<void(Bundle&)>& change) const {
        Bundle b = from_tablet;
        change(b);
        return b;
    }
};

}  // namespace

TEST_CASE("[SPEC Offline] a good bundle imports once; the same bundle again changes nothing") {
    Scene s;
    auto first = import_text(s.w.ledger, s.text);
    REQUIRE(first.ok());
    CHECK(first.value().new_events == 2);
    CHECK(first.value().duplicates == 0);
    CHECK(first.value().new_by_type == std::map<std::string, std::size_t>{{"complaint_recorded", 2}});
    CHECK(s.w.state().complaints.size() == 2);
    const std::string after_first = store_bytes(s.w.ledger);
    auto second = import_text(s.w.ledger, s.text);
    REQUIRE(second.ok());
    CHECK(second.value().new_events == 0);
    CHECK(second.value().duplicates == 2);
    CHECK(store_bytes(s.w.ledger) == after_first);
    CHECK(s.w.ledger.events() == s.tab->ledger.events());
    CHECK(summary_text(first.value(), Language::en).rfind("2 new events, 0 duplicates skipped, 0 conflicts found", 0) == 0);
    CHECK(summary_text(second.value(), Language::zh).rfind("新事件 0 条,跳过重复 2 条", 0) == 0);
}

TEST_CASE("[SPEC Offline] every rejected bundle leaves the store byte for byte unchanged") {
    Scene s;
    Ledger& store = s.w.ledger;
    SUBCASE("over the size limit") {
        ImportOptions small;
        small.max_bytes = s.text.size() - 1;
        expect_refused(store, s.text, "bundle.too_large", small);
    }
    SUBCASE("truncated, wherever it was cut") {
        for (std::size_t length = 0; length + 1 < s.text.size(); ++length) {
            auto r = read_bundle(std::string_view(s.text).substr(0, length));
            REQUIRE_FALSE(r.ok());
            CHECK_MESSAGE(r.errors().front().code == "bundle.truncated", "cut at ", length);
        }
        expect_refused(store, s.text.substr(0, s.text.size() / 2), "bundle.truncated");
    }
    SUBCASE("not JSON, or JSON after the end") {
        expect_refused(store, "hello", "bundle.syntax");
        expect_refused(store, "[1,2]", "bundle.syntax");
        expect_refused(store, s.text + "{}", "bundle.syntax");
        expect_refused(store, replaced(s.text, "\"kind\":\"delta\"", "\"kind\":\"\xff\xfe\""), "bundle.syntax");
    }
    SUBCASE("an events file is not a bundle") { expect_refused(store, write_events_file(s.tab->ledger.events()), "bundle.not_a_bundle"); }
    SUBCASE("a newer format version") {
        expect_refused(store, replaced(s.text, "\"version\":1", "\"version\":2"), "bundle.future_version");
        // Whatever else a future version changed, it is named as the reason.
        expect_refused(store, R"({"format":"bianmin-bundle","version":7,"events":"elsewhere"})", "bundle.future_version");
    }
    SUBCASE("an envelope key missing, null, of the wrong type, unknown, or not matching the kind") {
        expect_refused(store, replaced(s.text, "\"kind\":\"delta\"", "\"kind\":null"), "bundle.bad_envelope");
        expect_refused(store, replaced(s.text, "\"kind\":\"delta\",", ""), "bundle.bad_envelope");
        expect_refused(store, replaced(s.text, "\"created_at\":", "\"created_at\":\"yesterday\",\"x\":"), "bundle.bad_envelope");
        expect_refused(store, replaced(s.text, "\"kind\":\"delta\"", "\"kind\":\"delta\",\"colour\":\"red\""), "bundle.bad_envelope");
        expect_refused(store, replaced(s.text, "\"for_device\":\"office\"", "\"for_device\":\"\""), "bundle.bad_envelope");
        expect_refused(store, replaced(s.text, "\"version\":1", "\"version\":0"), "bundle.bad_envelope");
        expect_refused(store, replaced(s.text, "\"events\":[", "\"events\":{\"a\":[") + "}", "bundle.bad_event");
    }
    SUBCASE("an event that does not decode") {
        auto r = import_text(store, replaced(s.text, "\"type\":\"complaint_recorded\"", "\"type\":\"complaint_forgotten\""));
        REQUIRE_FALSE(r.ok());
        CHECK(has(r.errors(), "bundle.bad_event"));
        CHECK(has(r.errors(), "json.unknown_event_type"));
        expect_refused(store, replaced(s.text, "\"seq\":", "\"seq\":-"), "bundle.bad_event");
    }
    SUBCASE("a count that does not match") {
        expect_refused(store, replaced(s.text, "\"event_count\":2", "\"event_count\":3"), "bundle.count_mismatch");
    }
    SUBCASE("an id twice in one bundle") {
        Bundle twice = s.altered([](Bundle& b) { b.events.push_back(b.events.back()); });
        expect_refused(store, text_of(twice), "bundle.duplicate_id");
    }
    SUBCASE("an estate_created of another estate inside") {
        Bundle odd = s.altered([&](Bundle& b) {
            Event created = store.events().front();
            std::get<EstateCreated>(created.payload).estate_id = "elsewhere";
            b.events.insert(b.events.begin(), created);
        });
        expect_refused(store, text_of(odd), "bundle.estate_mismatch");
    }
    SUBCASE("another digest algorithm, or a digest that does not match") {
        expect_refused(store, replaced(s.text, "\"SHA-256\"", "\"MD5\""), "bundle.digest_algorithm");
        expect_refused(store, replaced(s.text, "电梯太吵", "电梯很静"), "bundle.digest_mismatch");
        std::string hex = s.from_tablet.header.digest_hex.empty() ? sha(canonical_event_bytes(s.from_tablet.events))
                                                                  : s.from_tablet.header.digest_hex;
        expect_refused(store, replaced(s.text, hex, std::string(64, '0')), "bundle.digest_mismatch");
        expect_refused(store, replaced(s.text, hex, std::string(64, 'A')), "bundle.bad_envelope");
    }
    SUBCASE("clocks far ahead, or running backwards on one device") {
        ImportOptions options;
        options.now_ms = s.from_tablet.events.back().hlc.wall_ms - 2 * kMsPerDay;
        expect_refused(store, s.text, "bundle.implausible_clock", options);
        Bundle backwards = s.altered([](Bundle& b) { b.events.back().hlc.wall_ms = b.events.front().hlc.wall_ms - 1; });
        expect_refused(store, text_of(backwards), "bundle.implausible_clock");
        // ... also against what the store already holds of that device.
        Bundle behind_store = s.altered([&](Bundle& b) {
            b.events.erase(b.events.begin());
            b.events.back().hlc = Hlc{1, 0};
        });
        REQUIRE(import_text(store, text_of(s.altered([](Bundle& b) { b.events.pop_back(); }))).ok());
        expect_refused(store, text_of(behind_store), "bundle.implausible_clock");
    }
    SUBCASE("a bundle of another estate") {
        World other;
        other.ok(OM, EstateCreated{"elsewhere", "别处花园", "Elsewhere Garden", kTz, "欧经理"});
        expect_refused(store, full_text(other.ledger), "bundle.other_estate");
        ImportOptions known;
        known.estate_id = "elsewhere";
        Ledger empty;
        expect_refused(empty, s.text, "bundle.other_estate", known);
    }
    SUBCASE("an id the store holds with other content") {
        REQUIRE(import_text(store, s.text).ok());
        Bundle changed = s.altered([](Bundle& b) { std::get<ComplaintRecorded>(b.events.back().payload).text = "改过的"; });
        expect_refused(store, text_of(changed), "bundle.id_conflict");
    }
    SUBCASE("a source nobody registered") {
        expect_refused(store, text_of(s.altered([](Bundle& b) { b.header.source_device = "ghost"; })), "bundle.unknown_source");
    }
}

TEST_CASE("[SPEC People][SPEC Offline] forged bundles from a resident device are refused as a whole, with the reason") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "barrel_water");
    Device phone(w.ledger, "home101", w.clock.now_ms() + kMsPerHour);
    const VersionVector office_seen = w.ledger.version_vector();
    auto forged = [&](Event e) {
        Bundle b = make_bundle(phone.ledger, ExportRequest{BundleKind::delta, "home101", 1, "office", office_seen, ""}).value();
        e.id = EventId{e.id.device, phone.ledger.state().next_seq(e.id.device)};
        e.hlc = Hlc{phone.clock.now_ms() + 1000, 0};
        b.events.push_back(e);
        b.header.event_count = b.events.size();
        return text_of(b);
    };
    // Well-formed events (event_shape_errors): refused for who sent them, nothing else.
    const std::int64_t kLater = w.clock.now_ms() + 30 * kMsPerDay;
    auto event = [&](const Actor& a, Payload p, std::string device = "home101") {
        return Event{EventId{std::move(device), 1}, Hlc{}, a, std::move(p)};
    };
    SUBCASE("a legitimate request of its own household is accepted") {
        phone.ok(R101, ServiceRequested{"", "1-101", "housekeeping", "", RequestChannel::app, "周六", 0});
        Bundle b = make_bundle(phone.ledger, ExportRequest{BundleKind::delta, "home101", 1, "office", office_seen, ""}).value();
        auto r = import_text(w.ledger, text_of(b));
        REQUIRE(r.ok());
        CHECK(r.value().new_events == 1);
    }
    SUBCASE("a payment") {
        expect_refused(w.ledger, forged(event(CS, PaymentReceived{"P-x", "1-101", "barrel_water", form, PaymentKind::deposit, Fen{100}, PaymentMethod::cash, ""})),
                       "bundle.resident_money");
    }
    SUBCASE("a staff action") {
        expect_refused(w.ledger, forged(event(FD, ComplaintAnswered{"C-1", "已处理"})), "bundle.staff_action");
        expect_refused(w.ledger, forged(event(R101, PriceTableApproved{"T-1", "同意"})), "bundle.staff_action");
    }
    SUBCASE("another household's record") {
        expect_refused(w.ledger, forged(event(R101, ServiceRequested{"Q-x", "1-102", "housekeeping", "", RequestChannel::app, "周六", kLater})),
                       "bundle.other_household");
        expect_refused(w.ledger, forged(event(R102, ServiceRequested{"Q-y", "1-102", "housekeeping", "", RequestChannel::app, "周六", kLater})),
                       "bundle.other_household");
        expect_refused(w.ledger, forged(event(R101, FieldEdited{RecordKind::household, "2-201", "phone", FieldValue{"13900000999"}, {}})),
                       "bundle.other_household");
    }
    SUBCASE("events claiming another device's identity") {
        expect_refused(w.ledger, forged(event(OM, BuildingAdded{"9", "9栋"}, "office")), "bundle.foreign_device");
        expect_refused(w.ledger, forged(event(R101, ServiceRequested{"Q-z", "1-101", "housekeeping", "", RequestChannel::app, "周六", kLater}, "tab1")),
                       "bundle.foreign_device");
    }
    SUBCASE("a phone's forged event relayed through an office device is refused too") {
        Bundle relay = make_bundle(w.ledger, ExportRequest{BundleKind::delta, "office", 1, "tab1", office_seen, ""}).value();
        relay.events.push_back(Event{EventId{"home101", 1}, Hlc{w.clock.now_ms() + 5, 0}, CS,
                                     PaymentReceived{"P-y", "1-101", "barrel_water", form, PaymentKind::fee, Fen{100}, PaymentMethod::cash, ""}});
        relay.header.event_count = relay.events.size();
        expect_refused(w.ledger, text_of(relay), "bundle.resident_money");
    }
}

TEST_CASE("[SPEC Offline] concurrent edits of one field arrive as a conflict with both values; the choice syncs back") {
    Scene s;
    const FieldKey phone{RecordKind::household, "1-101", "phone"};
    s.w.clock.advance_minutes(10);
    s.w.ok(FD, FieldEdited{RecordKind::household, "1-101", "phone", FieldValue{"13511112222"}, {}});
    s.tab->ok(FD2, FieldEdited{RecordKind::household, "1-101", "phone", FieldValue{"13633334444"}, {}});
    const VersionVector office_seen_before = s.w.ledger.version_vector();
    Bundle delta = make_bundle(s.tab->ledger, ExportRequest{BundleKind::delta, "tab1", 1, "office", office_seen_before, ""}).value();
    auto summary = import_text(s.w.ledger, text_of(delta));
    REQUIRE(summary.ok());
    CHECK(summary.value().conflicts_found == 1);
    REQUIRE(summary.value().new_conflicts.size() == 1);
    CHECK(summary.value().new_conflicts.front() == phone);
    const FieldHistory& history = s.w.state().fields.at(phone);
    CHECK(history.in_conflict());
    CHECK(history.heads.size() == 2);  // both values kept, neither lost

    // The office manager chooses; the choice is an event that reaches the tablet.
    auto chosen = history.edits[history.heads.front()].id;
    auto resolution = s.w.office.commit(resolve_conflict(s.w.office.context(OM), s.w.state(), phone, chosen));
    REQUIRE(resolution.ok());
    Bundle back = make_bundle(s.w.ledger, ExportRequest{BundleKind::delta, "office", 2, "tab1", s.tab->ledger.version_vector(), ""}).value();
    auto at_tablet = import_text(s.tab->ledger, text_of(back));
    REQUIRE(at_tablet.ok());
    CHECK(s.tab->ledger.state().conflicted.empty());
    CHECK(s.tab->ledger.events() == s.w.ledger.events());
    CHECK(s.tab->ledger.state() == s.w.state());
}

TEST_CASE("[SPEC Offline][money] payments taken on two devices never conflict: they accumulate") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "barrel_water");
    Device cashier2(w.ledger, "tab1", w.clock.now_ms() + kMsPerHour);
    w.pay(form, PaymentKind::prepayment, 5000);
    World::expect_ok(cashier2.desk.run(CS, PaymentReceived{"", "", "", form, PaymentKind::prepayment, Fen{7000}, PaymentMethod::cash, ""}));
    Bundle b = make_bundle(cashier2.ledger, ExportRequest{BundleKind::delta, "tab1", 1, "office", w.ledger.version_vector(), ""}).value();
    auto summary = import_text(w.ledger, text_of(b));
    REQUIRE(summary.ok());
    CHECK(summary.value().conflicts_found == 0);
    CHECK(w.state().find_form(form)->prepaid == Fen{12000});
}

TEST_CASE("[SPEC Offline] applying is all or nothing, even when the store changed after the plan") {
    Scene s;
    auto bundle = open_bundle(s.text, sha);
    REQUIRE(bundle.ok());
    auto plan = plan_import(s.w.ledger, bundle.value());
    REQUIRE(plan.ok());
    CHECK(plan.value().new_events.size() == 2);
    // Meanwhile an event with the same id but other content arrived.
    Event clash = plan.value().new_events.back();
    std::get<ComplaintRecorded>(clash.payload).text = "另一个内容";
    REQUIRE(s.w.ledger.add({clash}).added == 1);
    const std::string before = store_bytes(s.w.ledger);
    auto applied = apply_import(s.w.ledger, plan.value());
    REQUIRE_FALSE(applied.ok());
    CHECK(has(applied.errors(), "bundle.id_conflict"));
    CHECK(store_bytes(s.w.ledger) == before);
}

TEST_CASE("[SPEC Offline] damaged bundles never throw out of the import and never change the store") {
    Scene s;
    const std::string before = store_bytes(s.w.ledger);
    std::uint64_t x = 88172645463325252ull;  // xorshift: the same damage every run
    auto next = [&] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
    int refused = 0;
    for (int round = 0; round < 400; ++round) {
        std::string damaged = s.text;
        for (int flips = 1 + int(next() % 3); flips > 0; --flips) damaged[next() % damaged.size()] = char(next() % 256);
        Ledger copy = s.w.ledger;
        std::optional<Result<ImportSummary>> r;
        CHECK_NOTHROW(r.emplace(import_text(copy, damaged)));
        REQUIRE(r.has_value());
        if (!r->ok()) {
            ++refused;
            CHECK(store_bytes(copy) == before);
            CHECK(r->errors().front().code.rfind("bundle.", 0) == 0);
        }
    }
    CHECK(refused > 350);  // a changed byte almost always breaks the JSON or the digest
}

// The browser reads a large bundle between frames (web/runtime/bundle_import.cpp): the
// slices must add up to exactly what the one-call reader gives, good or bad.
TEST_CASE("[SPEC Offline] a bundle read a slice at a time gives what read_bundle gives, accepted or refused") {
    Scene s;
    auto sliced = [](std::string_view text, std::size_t slice) {
        BundleReader reader(text);
        double last = -1;
        std::size_t calls = 0;
        while (reader.read_some(slice)) {
            CHECK(reader.fraction() >= last);  // progress never goes back
            last = reader.fraction();
            ++calls;
        }
        CHECK(reader.fraction() == 1.0);
        return std::pair{reader.finish(), calls};
    };
    SUBCASE("a good bundle, one event per slice") {
        auto [bundle, calls] = sliced(s.text, 1);
        REQUIRE(bundle.ok());
        CHECK(bundle.value() == read_bundle(s.text).value());
        CHECK(calls == 1);  // two events: the first slice leaves one to read
    }
    SUBCASE("refused bundles name the same reasons") {
        const std::vector<std::string> bad = {
            s.text.substr(0, s.text.size() / 2),
            s.text.substr(0, s.text.size() - 3),
            replaced(s.text, "\"type\":\"complaint_recorded\"", "\"type\":\"complaint_forgotten\""),
            replaced(s.text, "\"event_count\":2", "\"event_count\":3"),
            replaced(s.text, "\"version\":1", "\"version\":2"),
            s.text + "{}",
            "hello",
        };
        for (const auto& text : bad) {
            auto whole = read_bundle(text);
            auto [piecewise, calls] = sliced(text, 1);
            REQUIRE_FALSE(whole.ok());
            REQUIRE_FALSE(piecewise.ok());
            CHECK_MESSAGE(piecewise.errors() == whole.errors(), text.substr(0, 80));
        }
    }
}

// The browser projects a large bundle into an empty store a slice at a time and hands the
// result to plan_import (bundle_import.cpp): it must be taken only when it is right.
TEST_CASE("[SPEC Offline] a fresh device's store projected beforehand is adopted, and a wrong one is ignored") {
    Scene s;
    auto office = open_bundle(full_text(s.w.ledger), sha);
    REQUIRE(office.ok());
    const auto& events = office.value().events;
    REQUIRE(events.size() > 20);
    auto in_slices = std::make_shared<Ledger>();
    for (std::size_t i = 0; i < events.size(); i += 7) {
        const std::size_t end = std::min(events.size(), i + 7);
        REQUIRE(in_slices->add(std::vector<Event>(events.begin() + std::ptrdiff_t(i), events.begin() + std::ptrdiff_t(end))).rejected.empty());
    }
    Ledger plain, hinted;
    auto expected = import_text(plain, full_text(s.w.ledger));
    REQUIRE(expected.ok());
    SUBCASE("the right projection is adopted and gives the same store") {
        auto plan = plan_import(hinted, office.value(), {}, in_slices);
        REQUIRE(plan.ok());
        CHECK(plan.value().combined == in_slices);
        REQUIRE(apply_import(hinted, std::move(plan).value()).ok());
        CHECK(hinted.events() == plain.events());
        CHECK(hinted.state() == plain.state());
    }
    SUBCASE("a projection missing an event is ignored") {
        auto short_one = std::make_shared<Ledger>();
        short_one->add(std::vector<Event>(events.begin(), events.end() - 1));
        auto plan = plan_import(hinted, office.value(), {}, short_one);
        REQUIRE(plan.ok());
        CHECK(plan.value().combined != short_one);
        REQUIRE(apply_import(hinted, std::move(plan).value()).ok());
        CHECK(hinted.events() == plain.events());
    }
}
