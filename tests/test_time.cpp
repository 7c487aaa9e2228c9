// Time: the injected clock, the hybrid logical clock on every event, the estate's local
// calendar (design constraints 1 and 5).
#include "fixture.hpp"

using namespace fx;

TEST_CASE("[Time] a fake clock only moves when told; the system clock is near now") {
    FakeClock c(1000);
    CHECK(c.now_ms() == 1000);
    c.advance_days(1);
    c.advance_hours(2);
    c.advance_minutes(3);
    CHECK(c.now_ms() == 1000 + kMsPerDay + 2 * kMsPerHour + 3 * kMsPerMinute);
    SystemClock real;
    CHECK(real.now_ms() > local_ms(2020, 1, 1, 0, 0, 0));
}

TEST_CASE("[Time] the HLC ticks strictly upward even when the wall clock stands still or goes back") {
    FakeClock wall(5000);
    HlcClock hlc(wall);
    Hlc a = hlc.tick(), b = hlc.tick();
    CHECK(a == Hlc{5000, 0});
    CHECK(b == Hlc{5000, 1});
    wall.set(4000);  // the device's clock was set back
    Hlc c = hlc.tick();
    CHECK(c > b);
    CHECK(c.wall_ms == 5000);
    wall.set(6000);
    CHECK(hlc.tick() == Hlc{6000, 0});
}

TEST_CASE("[Time] observing a remote timestamp keeps later local events after it") {
    FakeClock wall(1000);
    HlcClock hlc(wall);
    hlc.tick();
    hlc.observe(Hlc{9000, 4});  // a device whose clock is ahead
    Hlc next = hlc.tick();
    CHECK(next > Hlc{9000, 4});
    hlc.observe(Hlc{500, 0});  // an old one changes nothing that matters
    CHECK(hlc.tick() > next);
    CHECK(HlcClock::plausible(Hlc{1000 + kMsPerHour, 0}, 1000, kMsPerDay));
    CHECK_FALSE(HlcClock::plausible(Hlc{1000 + 2 * kMsPerDay, 0}, 1000, kMsPerDay));
}

TEST_CASE("[Time] events are totally ordered by (hlc, device, seq)") {
    auto e = [](std::int64_t wall, std::uint32_t counter, const char* device, std::uint64_t seq) {
        return Event{EventId{device, seq}, Hlc{wall, counter}, OM, SignedIn{""}};
    };
    CHECK(event_before(e(1, 0, "b", 9), e(2, 0, "a", 1)));
    CHECK(event_before(e(1, 0, "b", 9), e(1, 1, "a", 1)));
    CHECK(event_before(e(1, 1, "a", 9), e(1, 1, "b", 1)));
    CHECK(event_before(e(1, 1, "a", 1), e(1, 1, "a", 2)));
    CHECK_FALSE(event_before(e(1, 1, "a", 2), e(1, 1, "a", 2)));
}

TEST_CASE("[Time] civil dates and day numbers agree across leap years and centuries") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(2024, 2, 29) - days_from_civil(2024, 2, 28) == 1);
    for (std::int64_t d : {std::int64_t{-1}, std::int64_t{0}, std::int64_t{59}, std::int64_t{10957}, std::int64_t{19782},
                           std::int64_t{47541}, std::int64_t{-25000}}) {
        CAPTURE(d);
        CHECK(days_from_civil(civil_from_days(d)) == d);
    }
    CHECK(civil_from_days(days_from_civil(2100, 2, 28) + 1) == LocalDate{2100, 3, 1});  // 2100 is not leap
    CHECK(days_in_month(2000, 2) == 29);
    CHECK(days_in_month(1900, 2) == 28);
    CHECK_FALSE(is_valid_date(2023, 2, 29));
}

TEST_CASE("[Time] business dates are the estate's local dates (default +08:00)") {
    std::int64_t utc_evening = local_ms(2024, 1, 31, 17, 0, 0);  // 17:00 UTC = 01:00 next day in China
    CHECK(local_date(utc_evening, 480) == LocalDate{2024, 2, 1});
    CHECK(local_date(utc_evening, 0) == LocalDate{2024, 1, 31});
    CHECK(local_month(utc_evening, 480) == YearMonth{2024, 2});
    CHECK(month_start_ms(YearMonth{2024, 2}, 480) == local_ms(2024, 2, 1, 0, 0, 480));
    CHECK(month_end_ms(YearMonth{2024, 12}, 480) == month_start_ms(YearMonth{2025, 1}, 480));
    CHECK(YearMonth{2024, 1}.prev() == YearMonth{2023, 12});
}

TEST_CASE("[Time] dates and months are read strictly") {
    CHECK(parse_date("2024-02-29") == LocalDate{2024, 2, 29});
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK_FALSE(parse_date("2024-2-9"));
    CHECK_FALSE(parse_date("2024/02/09"));
    CHECK(parse_year_month("2024-12") == YearMonth{2024, 12});
    CHECK_FALSE(parse_year_month("2024-13"));
    CHECK_FALSE(parse_year_month("24-01"));
    CHECK(to_string(LocalDate{2024, 3, 5}) == "2024-03-05");
}
