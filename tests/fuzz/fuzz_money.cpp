// Fuzz target: parse_yuan — amounts as people type them ("12.5", "¥12.50", "12.50元").
// Properties: an accepted amount is within ±kMaxFen, and every way the app writes an
// amount reads back as the same number of fen.
#include "bianmin/money.hpp"
#include "fuzz_support.hpp"

using namespace bianmin;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parsed = parse_yuan(fuzz::as_text(data, size));
    if (!parsed) return 0;
    fuzz::require(parsed->value >= -kMaxFen && parsed->value <= kMaxFen, "an accepted amount is within ±kMaxFen");
    fuzz::require(parse_yuan(format_yuan_plain(*parsed)) == parsed, "plain yuan text reads back");
    fuzz::require(parse_yuan(format_fen(*parsed, MoneyLocale::Chinese)) == parsed, "Chinese amount text reads back");
    fuzz::require(parse_yuan(format_fen(*parsed, MoneyLocale::English)) == parsed, "English amount text reads back");
    return 0;
}
