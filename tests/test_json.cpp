// JSON: every event type to and from JSON; the canonical form (for the sync digest);
// the events file; and bad input refused with a reason, never an exception.
// Issue 3 "Shape" (serialisation), design constraint 6, web-platform notes (exceptions).
#include <utility>

#include "bianmin/demo.hpp"
#include "fixture.hpp"

using namespace fx;

namespace {

Event sample(Payload p) {
    return Event{EventId{"tab-1", 42}, Hlc{1'704'160'800'000, 3}, Actor{"fd", Role::front_desk}, std::move(p)};
}

template <std::size_t... I>
std::vector<Event> one_of_each(std::index_sequence<I...>) {
    std::vector<Event> events = {sample(Payload(std::in_place_index<I>))...};
    // The one payload whose default is not valid JSON: an event id needs seq >= 1.
    for (auto& e : events)
        if (auto* p = std::get_if<ConflictResolved>(&e.payload)) p->chosen = EventId{"tab-1", 7};
    return events;
}

const char* kOneEvent =
    R"({"actor":{"person":"cs","role":"cashier"},"data":{"amount":15000,"form_id":"F-office-9","household_id":"1-101",)"
    R"("item_id":"parking","kind":"fee","method":"cash","note":"","payment_id":"P-office-10"},)"
    R"("hlc":{"counter":0,"wall_ms":1704160800000},"id":{"device":"office","seq":10},"type":"payment_received"})";

std::string with(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string code_of(std::string_view text) {
    auto r = parse_event(text);
    return r.ok() ? "ok" : r.errors().front().code;
}

}  // namespace

TEST_CASE("[JSON] every event type round-trips through JSON, under its own name") {
    auto events = one_of_each(std::make_index_sequence<kEventTypeCount>{});
    REQUIRE(events.size() == kEventTypeCount);
    for (const auto& e : events) {
        CAPTURE(e.type());
        Json j = e;
        CHECK(j.at("type") == std::string(to_string(e.type())));
        auto back = event_from_json(j);
        REQUIRE(back.ok());
        CHECK(back.value() == e);
        CHECK(event_type_from_string(to_string(e.type())) == e.type());
    }
}

TEST_CASE("[JSON] a year of real events round-trips through an events file, byte for byte") {
    auto events = demo_events(DemoOptions{2024, 3, 1, 6, 5}).value();
    std::string file = write_events_file(events);
    auto back = read_events_file(file);
    REQUIRE(back.ok());
    CHECK(back.value() == events);
    CHECK(write_events_file(back.value()) == file);
    CHECK(canonical_events(back.value()) == canonical_events(events));
}

TEST_CASE("[JSON] the canonical form: sorted keys, no whitespace, UTF-8 as is") {
    auto e = parse_event(kOneEvent);
    REQUIRE(e.ok());
    CHECK(canonical_event(e.value()) == kOneEvent);
    Event chinese = sample(BuildingAdded{"3", "三栋"});
    std::string text = canonical_event(chinese);
    CHECK(text.find("三栋") != std::string::npos);
    CHECK(text.find(' ') == std::string::npos);
    CHECK(text.find("\\u") == std::string::npos);
    CHECK(text.rfind(R"({"actor":)", 0) == 0);
    // The same event read with its keys in another order and with whitespace has the
    // same canonical form.
    std::string spaced = R"({ "type" : "building_added", "id":{"seq":42,"device":"tab-1"}, "data":{"name":"三栋","building_id":"3"},)"
                         R"( "hlc":{"wall_ms":1704160800000,"counter":3}, "actor":{"role":"front_desk","person":"fd"} })";
    REQUIRE(parse_event(spaced).ok());
    CHECK(canonical_event(parse_event(spaced).value()) == text);
    CHECK(canonical_events(std::vector<Event>{chinese, chinese}) == "[" + text + "," + text + "]");
}

TEST_CASE("[JSON] the canonical list written a slice at a time is the same bytes, and knows each event's part") {
    auto events = demo_events(DemoOptions{2024, 3, 1, 2, 5}).value();
    REQUIRE(events.size() > 10);
    for (std::size_t slice : {std::size_t(1), std::size_t(7), events.size()}) {
        CanonicalEventsWriter writer(events);
        std::size_t calls = 0;
        while (writer.write_some(slice)) ++calls;
        CHECK(calls == (events.size() + slice - 1) / slice - 1);
        CHECK(writer.fraction() == 1.0);
        CHECK(writer.bytes() == canonical_events(events));
        for (std::size_t i = 0; i < events.size(); i += 5) CHECK(writer.event_text(i) == canonical_event(events[i]));
        CHECK(writer.event_text(events.size() - 1) == canonical_event(events.back()));
    }
    CanonicalEventsWriter empty(std::span<const Event>{});
    CHECK_FALSE(empty.write_some(10));
    CHECK(empty.bytes() == "[]");
}

TEST_CASE("[JSON] money, dates, months, signatures and field values have one written form") {
    Json j = Fen{-250};
    CHECK(j.dump() == "-250");
    CHECK(Json(LocalDate{2024, 2, 29}).dump() == "\"2024-02-29\"");
    CHECK(Json(YearMonth{2024, 3}).dump() == "\"2024-03\"");
    CHECK(Json(Signature{{{{1, 2, 3}, {4, 5, 6}}}}).dump() == "[[[1,2,3],[4,5,6]]]");
    CHECK(Json(FieldValue{std::int64_t{7}}).dump() == "7");
    CHECK(Json(FieldValue{"x"}).dump() == "\"x\"");
    CHECK(Json(Role::cashier).dump() == "\"cashier\"");
}

TEST_CASE("[JSON] bad events are refused with a specific code, never an exception") {
    CHECK(code_of(kOneEvent) == "ok");
    SUBCASE("syntax and truncation") {
        CHECK(code_of("") == "json.syntax");
        CHECK(code_of("{") == "json.syntax");
        for (std::size_t cut : {1u, 20u, 100u, 200u, 300u}) {
            CAPTURE(cut);
            CHECK(code_of(std::string(kOneEvent).substr(0, cut)) != "ok");
        }
        CHECK(code_of(std::string(kOneEvent) + " x") == "json.syntax");
    }
    SUBCASE("wrong types and nulls") {
        CHECK(code_of(with(kOneEvent, "\"amount\":15000", "\"amount\":\"150\"")) == "json.wrong_type");
        CHECK(code_of(with(kOneEvent, "\"amount\":15000", "\"amount\":null")) == "json.wrong_type");
        CHECK(code_of(with(kOneEvent, "\"note\":\"\"", "\"note\":7")) == "json.wrong_type");
        CHECK(code_of(with(kOneEvent, "\"seq\":10", "\"seq\":\"10\"")) == "json.wrong_type");
        CHECK(code_of(with(kOneEvent, "\"data\":{", "\"data\":[{")) != "ok");
    }
    SUBCASE("missing and unknown keys") {
        CHECK(code_of(with(kOneEvent, "\"note\":\"\",", "")) == "json.missing_key");
        CHECK(code_of(with(kOneEvent, "\"note\":\"\"", "\"note\":\"\",\"tip\":500")) == "json.unknown_key");
        CHECK(code_of(with(kOneEvent, "\"type\":\"payment_received\"", "\"type\":\"payment_received\",\"x\":1")) == "json.unknown_key");
    }
    SUBCASE("unknown names and values") {
        CHECK(code_of(with(kOneEvent, "payment_received", "tip_received")) == "json.unknown_event_type");
        CHECK(code_of(with(kOneEvent, "\"kind\":\"fee\"", "\"kind\":\"bribe\"")) == "json.bad_value");
        CHECK(code_of(with(kOneEvent, "\"role\":\"cashier\"", "\"role\":\"king\"")) == "json.bad_value");
    }
    SUBCASE("numbers: fractions, out of range, negative sequence") {
        CHECK(code_of(with(kOneEvent, "\"amount\":15000", "\"amount\":150.5")) == "json.fraction");
        CHECK(code_of(with(kOneEvent, "\"amount\":15000", "\"amount\":1e3")) == "json.fraction");
        CHECK(code_of(with(kOneEvent, "\"amount\":15000", "\"amount\":99999999999999999")) == "json.number_range");
        CHECK(code_of(with(kOneEvent, "\"amount\":15000", "\"amount\":18446744073709551615")) == "json.number_range");
        CHECK(code_of(with(kOneEvent, "\"seq\":10", "\"seq\":0")) == "json.number_range");
        CHECK(code_of(with(kOneEvent, "\"seq\":10", "\"seq\":-1")) == "json.number_range");
        CHECK(code_of(with(kOneEvent, "\"counter\":0", "\"counter\":4294967296")) == "json.number_range");
    }
    SUBCASE("deep nesting") {
        std::string deep = with(kOneEvent, "\"note\":\"\"", "\"note\":" + std::string(5000, '[') + std::string(5000, ']'));
        CHECK(code_of(deep) == "json.too_deep");
    }
    SUBCASE("invalid UTF-8") { CHECK(code_of(with(kOneEvent, "\"note\":\"\"", "\"note\":\"\xff\xfe\"")) == "json.syntax"); }
}

TEST_CASE("[JSON] the events file: envelope, version, and the failing event's index") {
    std::string events = std::string("[") + kOneEvent + "," + kOneEvent + "]";
    auto file = [&](std::string body) { return read_events_file(body); };
    CHECK(file(R"({"format":"bianmin-events","version":1,"events":)" + events + "}").ok());
    CHECK(file(R"({"events":)" + events + R"(,"version":1,"format":"bianmin-events"})").ok());  // any key order
    CHECK(has(file(R"({"format":"other","version":1,"events":[]})").errors(), "format.unknown"));
    CHECK(has(file(R"({"format":"bianmin-events","version":2,"events":[]})").errors(), "format.version"));
    CHECK(has(file(R"({"format":"bianmin-events","events":[]})").errors(), "format.missing"));
    CHECK(has(file(R"({"format":"bianmin-events","version":1,"events":[],"events":[]})").errors(), "json.duplicate_key"));
    CHECK(has(file(R"([1,2])").errors(), "json.syntax"));
    CHECK(has(file(R"({"format":"bianmin-events","version":1,"events":{}})").errors(), "json.wrong_type"));
    CHECK(has(file(R"({"format":"bianmin-events","version":1,"events":[]} trailing)").errors(), "json.syntax"));
    auto bad_second = file(R"({"format":"bianmin-events","version":1,"events":[)" + std::string(kOneEvent) + ",{\"id\":1}]}");
    REQUIRE_FALSE(bad_second.ok());
    CHECK(bad_second.errors().front().field == "events[1]");
    CHECK(bad_second.errors().front().message_en.find("events[1]") != std::string::npos);
    // The Chinese message says what is wrong in Chinese; the parser's English detail follows.
    CHECK(bad_second.errors().front().message_zh.find("events[1]: 字段的类型不对(") != std::string::npos);
    auto no_note = file(R"({"format":"bianmin-events","version":1,"events":[)" + with(kOneEvent, "\"note\":\"\",", "") + "]}");
    REQUIRE_FALSE(no_note.ok());
    CHECK(no_note.errors().front().code == "json.missing_key");
    CHECK(no_note.errors().front().message_zh.find("缺少必填字段(") != std::string::npos);
    auto truncated = file(R"({"format":"bianmin-events","version":1,"events":[)" + std::string(kOneEvent));
    CHECK_FALSE(truncated.ok());
    CHECK(read_events_array(events).value().size() == 2);
    CHECK(read_events_array("[]").value().empty());
    CHECK_FALSE(read_events_array("[] []").ok());
}

TEST_CASE("[JSON] a refusal that quotes bytes of invalid UTF-8 still has messages in valid UTF-8 [issue 7]") {
    // The parser's message quotes what it read last: here the bad bytes themselves.
    auto refused = read_events_file(std::string(R"({"format":"bianmin-events","version":1,"events":[)") +
                                    with(kOneEvent, "\"note\":\"\"", "\"note\":\"\xff\xfe\"") + "]}");
    REQUIRE_FALSE(refused.ok());
    const Error& error = refused.errors().front();
    CHECK(error.code == "json.syntax");
    CHECK(valid_utf8(error.message_zh) == error.message_zh);
    CHECK(valid_utf8(error.message_en) == error.message_en);
    CHECK(error.message_en.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD where the bytes were
    CHECK_NOTHROW((void)Json(error).dump());                             // dump() throws on invalid UTF-8

    SUBCASE("valid_utf8 keeps well-formed text and replaces each bad byte") {
        CHECK(valid_utf8("三栋 ok") == "三栋 ok");
        CHECK(valid_utf8(std::string("a\xff") + "b") == "a\xEF\xBF\xBD" "b");
        CHECK(valid_utf8("\xc0\xaf") == "\xEF\xBF\xBD\xEF\xBF\xBD");          // overlong "/"
        CHECK(valid_utf8("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
        CHECK(valid_utf8("\xf4\x90\x80\x80").size() == 12);                     // above U+10FFFF
        CHECK(valid_utf8("\xe4\xb8") == "\xEF\xBF\xBD\xEF\xBF\xBD");          // cut short
        CHECK(valid_utf8("\xf0\x9f\x98\x80") == "\xf0\x9f\x98\x80");          // U+1F600 stays
    }
}

TEST_CASE("[JSON] text that is not UTF-8 cannot enter an event through a command") {
    Event e = sample(BuildingAdded{"3", std::string("\xc3\x28")});
    CHECK(has(validate_event_text(e), "text.bad_utf8"));
    CHECK(validate_event_text(sample(BuildingAdded{"3", "三栋"})).empty());
    CHECK_NOTHROW((void)canonical_event(e));
}

TEST_CASE("[JSON] errors and anomalies have a JSON form too (for the UI and logs)") {
    Error e = make_error("price_table.self_approval", "actor", "起草人不能审批", "the drafter cannot approve");
    Json j = e;
    CHECK(j.at("code") == "price_table.self_approval");
    CHECK(j.get<Error>() == e);
    Anomaly a{EventId{"tab1", 3}, EventType::delivery_logged, "delivery.form_stopped", "已停止", "stopped", false};
    Json ja = a;
    CHECK(ja.at("type") == "delivery_logged");
    CHECK(ja.get<Anomaly>() == a);
}
