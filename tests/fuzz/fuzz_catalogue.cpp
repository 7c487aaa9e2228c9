// Fuzz target: parse_catalogue — the service-item catalogue file.
// Properties: refusals are proper Errors; an accepted catalogue has the current version.
#include "bianmin/catalogue.hpp"
#include "fuzz_support.hpp"

using namespace bianmin;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parsed = parse_catalogue(fuzz::as_text(data, size));
    if (!parsed) {
        fuzz::require_proper_errors(parsed.errors());
        return 0;
    }
    fuzz::require(parsed.value().version == kCatalogueVersion, "an accepted catalogue has the supported version");
    return 0;
}
