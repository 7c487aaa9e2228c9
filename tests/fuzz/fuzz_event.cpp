// Fuzz target: parse_event — one event from JSON text (what the storage load, the test
// API and the exchange hand to the core, one record at a time).
// Properties: refusals are proper Errors; an accepted event has valid text, and its
// canonical form is a fixed point (parse(canonical(e)) == e, byte for byte again).
#include "bianmin/json.hpp"
#include "fuzz_support.hpp"

using namespace bianmin;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parsed = parse_event(fuzz::as_text(data, size));
    if (!parsed) {
        fuzz::require_proper_errors(parsed.errors());
        return 0;
    }
    const Event& event = parsed.value();
    fuzz::require(validate_event_text(event).empty(), "an accepted event's text is valid UTF-8");
    const std::string canonical = canonical_event(event);
    const auto again = parse_event(canonical);
    fuzz::require(again.ok(), "the canonical form of an accepted event is accepted");
    fuzz::require(again.value() == event, "the canonical form reads back as the same event");
    fuzz::require(canonical_event(again.value()) == canonical, "the canonical form is a fixed point");
    const auto via_value = event_from_json(Json::parse(canonical));
    fuzz::require(via_value.ok() && via_value.value() == event, "event_from_json agrees with parse_event");
    return 0;
}
