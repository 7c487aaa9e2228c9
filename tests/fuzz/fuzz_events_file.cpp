// Fuzz target: the events file (read_events_file, and read_events_array for the bare
// array other envelopes reuse), then the projection of what was accepted.
// Properties: refusals are proper Errors; an accepted file written back reads back as
// the same events; projecting accepted events never throws or crashes (applying is
// total, projection.hpp), with or without authorization; a Ledger given the same
// events twice adds nothing the second time.
#include "bianmin/json.hpp"
#include "bianmin/projection.hpp"
#include "fuzz_support.hpp"

using namespace bianmin;

namespace {

void check_accepted(const std::vector<Event>& events) {
    const std::string written = write_events_file(events);
    const auto again = read_events_file(written);
    fuzz::require(again.ok() && again.value() == events, "an accepted events file reads back after writing");
    const auto array = read_events_array(canonical_events(events));
    fuzz::require(array.ok() && array.value() == events, "the canonical events array reads back");

    (void)project(events);
    (void)project(events, ProjectionOptions{.verify_authorization = false});
    Ledger ledger;
    const auto first = ledger.add(events);
    if (first.rejected.empty()) {
        const auto second = ledger.add(events);
        fuzz::require(second.added == 0 && second.rejected.empty(), "adding the same events twice adds nothing");
    } else {
        fuzz::require_proper_errors(first.rejected);
        fuzz::require(ledger.size() == 0, "a rejected add leaves the Ledger empty (all or nothing)");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const auto file = read_events_file(text);
    if (file) check_accepted(file.value());
    else fuzz::require_proper_errors(file.errors());
    const auto array = read_events_array(text);
    if (array) check_accepted(array.value());
    else fuzz::require_proper_errors(array.errors());
    return 0;
}
