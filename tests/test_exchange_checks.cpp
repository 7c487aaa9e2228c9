// Import checks found by the malformed-bundle corpus (tests/suites/65-malformed) and by
// the office: event shapes (money above zero, ids, required texts), truncated versus
// not JSON, resident slices from another office device than the founding one, one
// projection per import, and the full generated estate of seed 1. docs/EXCHANGE.md.
#include "bianmin/generator.hpp"
#include "exchange_fixture.hpp"

using namespace xfx;

namespace {

// The office's whole log as a bundle, with one event changed and the bundle resealed:
// what a forged or buggy exporter could send.
template <class T>
std::string full_with_changed(const Ledger& store, const std::function<void(T&)>& change) {
    Bundle bundle = bundle_of(store, BundleKind::office_full, "office");
    for (auto& e : bundle.events)
        if (auto* p = std::get_if<T>(&e.payload)) {
            change(*p);
            return text_of(bundle);
        }
    FAIL("no such event in the store");
    return {};
}

Event event_with(Payload payload, const Actor& actor = CS) {
    return Event{EventId{"office", 7}, Hlc{at(2024, 3, 1), 0}, actor, std::move(payload)};
}

bool names(const Errors& errors, std::string_view text) {
    for (const auto& e : errors)
        if (e.message_en.find(text) != std::string::npos) return true;
    MESSAGE("no message names " << text << ": " << errors);
    return false;
}

}  // namespace

TEST_CASE("[SPEC money][EXCHANGE bundle.bad_event] imported money that is negative, or zero where an amount is taken, is refused and changes nothing") {
    Busy b;
    Ledger store;
    SUBCASE("the untouched bundle imports: the refusals below are for the change alone") {
        CHECK(import_text(store, full_text(b.ledger)).ok());
    }
    SUBCASE("fee_collected with a negative amount") {
        const auto text = full_with_changed<FeeCollected>(b.ledger, [](auto& p) { p.amount = Fen{-4000}; });
        expect_refused(store, text, "bundle.bad_event");
        auto refused = import_text(store, text);
        REQUIRE_FALSE(refused.ok());
        CHECK(names(refused.errors(), "fee_collected.amount"));
        CHECK(has(refused.errors(), "fee_collected.bad_amount"));
    }
    SUBCASE("fee_collected of zero") {
        expect_refused(store, full_with_changed<FeeCollected>(b.ledger, [](auto& p) { p.amount = Fen{0}; }), "bundle.bad_event");
    }
    SUBCASE("payment_received with a negative or zero amount") {
        for (std::int64_t fen : {std::int64_t(-1), std::int64_t(0), -kMaxFen}) {
            CAPTURE(fen);
            expect_refused(store, full_with_changed<PaymentReceived>(b.ledger, [&](auto& p) { p.amount = Fen{fen}; }),
                           "bundle.bad_event");
        }
    }
    SUBCASE("a delivery with a negative charge, water bought at a negative cost, a negative price") {
        expect_refused(store, full_with_changed<DeliveryLogged>(b.ledger, [](auto& p) { p.charge = Fen{-1}; }), "bundle.bad_event");
        expect_refused(store, full_with_changed<WaterStockReceived>(b.ledger, [](auto& p) { p.unit_cost = Fen{-900}; }),
                       "bundle.bad_event");
        expect_refused(store, full_with_changed<ItemDefined>(b.ledger, [](auto& p) { p.deposit = Fen{-1}; }), "bundle.bad_event");
        expect_refused(store, full_with_changed<PriceTableDrafted>(b.ledger, [](auto& p) { p.rows.front().price = Fen{-100}; }),
                       "bundle.bad_event");
    }
    SUBCASE("a money event without its id, or without the form it is for") {
        expect_refused(store, full_with_changed<PaymentReceived>(b.ledger, [](auto& p) { p.payment_id.clear(); }), "bundle.bad_event");
        expect_refused(store, full_with_changed<FeeCollected>(b.ledger, [](auto& p) { p.form_id.clear(); }), "bundle.bad_event");
    }
    SUBCASE("refused in the store that already holds the rest, too: a delta is checked the same way") {
        Ledger prefix;
        std::vector<Event> before_fee;
        for (const auto& e : b.ledger.events())
            if (!e.as<FeeCollected>()) before_fee.push_back(e);
        REQUIRE(prefix.add(before_fee).rejected.empty());
        expect_refused(prefix, full_with_changed<FeeCollected>(b.ledger, [](auto& p) { p.amount = Fen{-1}; }), "bundle.bad_event");
    }
}

TEST_CASE("[SPEC money][EXCHANGE bundle.bad_event] every money field of every event kind is checked as its command checks it") {
    struct Case {
        const char* what;
        Payload payload;
        const char* code;  // "" = a good shape
    };
    const std::vector<Case> cases{
        {"a hand-over counted negative", HandoverReceived{"h1", "fd", {"c1"}, Fen{4000}, Fen{-1}, ""}, "handover_received.bad_amount"},
        {"a hand-over expecting a negative sum", HandoverReceived{"h1", "fd", {"c1"}, Fen{-4000}, Fen{0}, ""}, "handover_received.bad_amount"},
        {"a hand-over counted as nothing (the cash went missing)", HandoverReceived{"h1", "fd", {"c1"}, Fen{4000}, Fen{0}, ""}, ""},
        {"a settlement refunding a negative deposit", SettlementPaid{"s1", "f1", Fen{-1}, Fen{0}, Fen{0}, ""}, "settlement_paid.bad_amount"},
        {"a settlement refunding negative prepayment", SettlementPaid{"s1", "f1", Fen{0}, Fen{0}, Fen{-5}, ""}, "settlement_paid.bad_amount"},
        {"a settlement keeping deposit without a reason", SettlementPaid{"s1", "f1", Fen{0}, Fen{300}, Fen{0}, ""}, "settlement_paid.text_required"},
        {"a settlement of nothing", SettlementPaid{"s1", "f1", Fen{0}, Fen{0}, Fen{0}, ""}, ""},
        {"a reversal without a reason", MoneyReversed{"v1", "p1", ""}, "money_reversed.text_required"},
        {"a reversal of no entry", MoneyReversed{"v1", "", "录错"}, "money_reversed.missing_ref"},
        {"a payment over the limit", PaymentReceived{"p1", "1-101", "water", "f1", PaymentKind::fee, Fen{kMaxFen + 1}, PaymentMethod::cash, ""}, "payment_received.bad_amount"},
        {"a payment of one fen", PaymentReceived{"p1", "1-101", "water", "f1", PaymentKind::fee, Fen{1}, PaymentMethod::cash, ""}, ""},
        {"a fee with a bad id", FeeCollected{"has space", "1-101", "hk", "f1", "", Fen{100}}, "fee_collected.bad_id"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        const Errors errors = event_shape_errors(event_with(c.payload));
        if (std::string_view(c.code).empty()) CHECK(errors.empty());
        else CHECK(has(errors, c.code));
        for (const auto& e : errors) CHECK(e.message_zh != e.message_en);
    }
    SUBCASE("Beancount style: every problem of the event is listed, not only the first") {
        const Errors errors = event_shape_errors(event_with(SettlementPaid{"", "", Fen{-1}, Fen{-2}, Fen{-3}, ""}));
        CHECK(errors.size() == 5);  // the id, the form, three amounts
    }
}

TEST_CASE("[EXCHANGE bundle.bad_event] no event the commands make is refused for its shape: the fixtures and a generated estate") {
    Busy b;
    for (const auto& e : b.ledger.events()) CHECK_MESSAGE(event_shape_errors(e).empty(), e);
    auto generated = generate_estate(EstateSize::small, 3);
    REQUIRE(generated.ok());
    std::size_t refused = 0;
    for (const auto& e : generated.value())
        if (!event_shape_errors(e).empty()) {
            if (++refused <= 5) MESSAGE(e << ": " << event_shape_errors(e));
        }
    CHECK(refused == 0);
}

TEST_CASE("[EXCHANGE bundle.truncated, bundle.syntax] truncated is a valid beginning of JSON cut short; binary bytes are not JSON") {
    Busy b;
    const std::string text = full_text(b.ledger);
    auto first_code = [](std::string_view bytes) {
        auto read = read_bundle(bytes);
        REQUIRE_FALSE(read.ok());
        return read.errors().front().code;
    };
    SUBCASE("cut anywhere, even inside a Chinese character, the file is truncated") {
        for (std::size_t cut : {std::size_t(0), std::size_t(1), std::size_t(10), text.size() / 3, text.size() / 2, text.size() - 3}) {
            CAPTURE(cut);
            CHECK(first_code(text.substr(0, cut)) == "bundle.truncated");
        }
        const auto zh = text.find("加州");
        REQUIRE(zh != std::string::npos);
        CHECK(first_code(text.substr(0, zh + 1)) == "bundle.truncated");  // the first byte of 加 only
        CHECK(first_code(" \n\t") == "bundle.truncated");
    }
    SUBCASE("binary bytes, NUL bytes, and a bad byte in a file that is otherwise whole, are syntax errors") {
        std::string every_byte;
        for (int c = 0; c < 256; ++c) every_byte += char(c);
        CHECK(first_code(every_byte) == "bundle.syntax");
        CHECK(first_code(std::string(64, '\0')) == "bundle.syntax");
        CHECK(first_code("{\"format\":\"bianmin-bundle\",\"ver\xff") == "bundle.syntax");
        CHECK(first_code("{\"a\":[1,2}") == "bundle.syntax");
        CHECK(first_code(text + "trailing") == "bundle.syntax");
        // Random bytes that happen to open a bracket are still no JSON.
        std::string noise = "[";
        for (int i = 0; i < 500; ++i) noise += char((i * 7919 + 13) % 256);
        CHECK(first_code(noise) == "bundle.syntax");
    }
}

TEST_CASE("[SPEC Offline][EXCHANGE resident] a household's slice exported on another office device than the founding one is accepted by a fresh phone") {
    Busy b;
    // A second office computer, registered on the tablet: the chain back to the founder.
    b.ok_on(b.tablet, OM, DeviceRegistered{"cashier-pc", "收银台电脑", DeviceKind::office, ""});
    for (const char* source : {"tab1", "cashier-pc"}) {
        CAPTURE(source);
        Bundle slice = bundle_of(b.ledger, BundleKind::resident, source, "1-101");
        const std::string text = text_of(slice);
        Ledger phone(ProjectionOptions{false});
        auto imported = import_text(phone, text);
        REQUIRE_MESSAGE(imported.ok(), imported.errors());
        CHECK(phone.state().find_device(source) != nullptr);
        CHECK(phone.state().households.size() == 1);
        // The registrations name devices, never a person of the office or another home.
        for (const char* other : {"\"1-102\"", "王业主", "欧经理", "方客服", "蔡收银", "13800000001"})
            CHECK_MESSAGE(text.find(other) == std::string::npos, other);
        std::size_t registrations = 0;
        for (const auto& e : slice.events) registrations += e.as<DeviceRegistered>() != nullptr;
        CHECK(registrations == (std::string(source) == "tab1" ? 2 : 3));  // + the phone's own
        // The phone's own slice from the founding device stays as it was.
        CHECK(import_text(phone, text_of(bundle_of(b.ledger, BundleKind::resident, "office", "1-101"))).ok());
    }
}

TEST_CASE("[SPEC Offline][EXCHANGE import] a large import into an empty store is projected once: apply adopts the plan's projection") {
    Busy b;
    auto bundle = open_bundle(full_text(b.ledger), sha);
    REQUIRE(bundle.ok());
    Ledger store;
    auto plan = plan_import(store, bundle.value());
    REQUIRE(plan.ok());
    REQUIRE(plan.value().combined != nullptr);  // the empty store could not name the source
    const Ledger* planned = plan.value().combined.get();
    CHECK(planned->events() == b.ledger.events());
    SUBCASE("moved into the store") {
        auto applied = apply_import(store, std::move(plan).value());
        REQUIRE(applied.ok());
        CHECK(applied.value().new_events == b.ledger.size());
    }
    SUBCASE("copied into the store, the plan kept") {
        auto applied = apply_import(store, plan.value());
        REQUIRE(applied.ok());
        CHECK(plan.value().combined->size() == b.ledger.size());
    }
    SUBCASE("a store that changed since the plan adds the events itself") {
        REQUIRE(store.add({b.ledger.events().front()}).added == 1);
        auto applied = apply_import(store, plan.value());
        REQUIRE(applied.ok());
        CHECK(applied.value().duplicates == 1);
    }
    CHECK(store.events() == b.ledger.events());
    CHECK(store.state() == b.ledger.state());
}

TEST_CASE("[EXCHANGE generate][scale] the full estate of seed 1 generates (no edit of a phone in conflict) and imports into an empty store") {
    auto generated = generate_estate(EstateSize::full, 1);
    REQUIRE_MESSAGE(generated.ok(), generated.errors());
    auto bundle = generated_bundle(generated.value());
    REQUIRE(bundle.ok());
    Ledger store;
    auto imported = import_text(store, text_of(bundle.value()));
    REQUIRE_MESSAGE(imported.ok(), imported.errors());
    CHECK(imported.value().new_events == generated.value().size());
    CHECK(store.state().anomalies.empty());
}
