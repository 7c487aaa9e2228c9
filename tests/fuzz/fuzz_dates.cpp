// Fuzz target: the calendar parsers — parse_date ("YYYY-MM-DD"), parse_year_month
// ("YYYY-MM") and parse_period ("2024H1", "2024Q2", ... for each period length).
// Properties: the forms are strict, so what is accepted is exactly what to_string()
// writes; a period reads back from its own label.
#include "bianmin/time.hpp"
#include "fuzz_support.hpp"

using namespace bianmin;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    if (auto date = parse_date(text)) {
        fuzz::require(is_valid_date(date->year, date->month, date->day), "an accepted date exists");
        fuzz::require(to_string(*date) == text, "an accepted date is written back as it was typed");
        fuzz::require(civil_from_days(days_from_civil(*date)) == *date, "day numbers round-trip");
    }
    if (auto month = parse_year_month(text)) {
        fuzz::require(to_string(*month) == text, "an accepted month is written back as it was typed");
        fuzz::require(month->next().prev() == *month, "next and prev are inverse");
    }
    for (int months : {1, 2, 3, 4, 6, 12, 0, 5, 13, -6}) {
        auto period = parse_period(text, months);
        if (!period) continue;
        fuzz::require(Period::valid_length(months), "only valid period lengths parse");
        fuzz::require(parse_period(period->label(), months) == period, "a period reads back from its label");
        fuzz::require(period->contains(period->first_month()) && period->contains(period->last_month()),
                      "a period contains its first and last month");
    }
    return 0;
}
