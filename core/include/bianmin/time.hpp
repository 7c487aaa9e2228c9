// Time — the injected clock and the estate's local calendar.
//
// Nothing in the core reads the system time by itself: "now" comes from a Clock passed
// in, so tests walk through months and years with a FakeClock. Instants are Unix epoch
// milliseconds (UTC); business rules use the estate's local dates (year-month-day),
// obtained with the estate's timezone offset (a setting, default +08:00 = 480 minutes).
//
// Index
// [SECTION] Clock
// [SECTION] Local calendar: LocalDate, YearMonth
// [SECTION] Assessment periods
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace bianmin {

inline constexpr std::int64_t kMsPerMinute = 60'000;
inline constexpr std::int64_t kMsPerHour = 60 * kMsPerMinute;
inline constexpr std::int64_t kMsPerDay = 24 * kMsPerHour;
inline constexpr int kDefaultTzOffsetMinutes = 480;  // China Standard Time, +08:00

//-----------------------------------------------------------------------------
// [SECTION] Clock
//-----------------------------------------------------------------------------

// Where "now" comes from. Unix epoch milliseconds, UTC.
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t now_ms() const = 0;
};

// The real wall clock (std::chrono::system_clock).
class SystemClock final : public Clock {
public:
    std::int64_t now_ms() const override;
};

// A clock that only moves when told to: for tests and replays.
class FakeClock final : public Clock {
public:
    explicit FakeClock(std::int64_t start_ms = 0) : now_(start_ms) {}
    std::int64_t now_ms() const override { return now_; }
    void set(std::int64_t ms) { now_ = ms; }
    void advance_ms(std::int64_t ms) { now_ += ms; }
    void advance_minutes(std::int64_t n) { now_ += n * kMsPerMinute; }
    void advance_hours(std::int64_t n) { now_ += n * kMsPerHour; }
    void advance_days(std::int64_t n) { now_ += n * kMsPerDay; }

private:
    std::int64_t now_;
};

//-----------------------------------------------------------------------------
// [SECTION] Local calendar: LocalDate, YearMonth
//-----------------------------------------------------------------------------

// A day of the proleptic Gregorian calendar. JSON/text form "YYYY-MM-DD".
struct LocalDate {
    int year = 1970;
    int month = 1;
    int day = 1;
    friend constexpr bool operator==(const LocalDate&, const LocalDate&) = default;
    friend constexpr auto operator<=>(const LocalDate&, const LocalDate&) = default;
};

// A calendar month. JSON/text form "YYYY-MM".
struct YearMonth {
    int year = 1970;
    int month = 1;
    friend constexpr bool operator==(const YearMonth&, const YearMonth&) = default;
    friend constexpr auto operator<=>(const YearMonth&, const YearMonth&) = default;
    YearMonth next() const { return month == 12 ? YearMonth{year + 1, 1} : YearMonth{year, month + 1}; }
    YearMonth prev() const { return month == 1 ? YearMonth{year - 1, 12} : YearMonth{year, month - 1}; }
};

// Days since 1970-01-01 for a civil date, and back. Valid for years 1..9999.
std::int64_t days_from_civil(int year, int month, int day);
LocalDate civil_from_days(std::int64_t days);
inline std::int64_t days_from_civil(LocalDate d) { return days_from_civil(d.year, d.month, d.day); }

bool is_valid_date(int year, int month, int day);
int days_in_month(int year, int month);

// The estate-local date/month of an instant, given the offset east of UTC in minutes.
LocalDate local_date(std::int64_t wall_ms, int tz_offset_minutes);
YearMonth local_month(std::int64_t wall_ms, int tz_offset_minutes);
inline YearMonth month_of(LocalDate d) { return {d.year, d.month}; }

// The instant of local midnight starting a day / month (half-open ranges [start, next)).
std::int64_t local_day_start_ms(LocalDate day, int tz_offset_minutes);
std::int64_t month_start_ms(YearMonth month, int tz_offset_minutes);
inline std::int64_t month_end_ms(YearMonth month, int tz_offset_minutes) {
    return month_start_ms(month.next(), tz_offset_minutes);  // exclusive
}
// A local wall-clock time as an instant: for tests and the demo data.
std::int64_t local_ms(int year, int month, int day, int hour, int minute, int tz_offset_minutes);

std::string to_string(LocalDate d);   // "2024-03-05"
std::string to_string(YearMonth m);   // "2024-03"
std::optional<LocalDate> parse_date(std::string_view text);        // strict "YYYY-MM-DD"
std::optional<YearMonth> parse_year_month(std::string_view text);  // strict "YYYY-MM"
std::ostream& operator<<(std::ostream& os, LocalDate d);
std::ostream& operator<<(std::ostream& os, YearMonth m);

//-----------------------------------------------------------------------------
// [SECTION] Assessment periods
//-----------------------------------------------------------------------------

// A period of `months` months (1, 2, 3, 4, 6 or 12 — a divisor of 12) inside a year;
// index counts from 1. The staff assessment runs per period (SPEC [2-3.1]: half-year).
// Labels: 6 months "2024H1", 3 months "2024Q2", 12 months "2024", 1 month "2024-03",
// otherwise "2024P2".
struct Period {
    int year = 1970;
    int index = 1;
    int months = 6;
    friend constexpr bool operator==(const Period&, const Period&) = default;

    YearMonth first_month() const { return {year, (index - 1) * months + 1}; }
    YearMonth last_month() const { return {year, index * months}; }
    bool contains(YearMonth m) const { return m >= first_month() && m <= last_month(); }
    Period prev() const;
    Period next() const;
    std::string label() const;
    static Period containing(YearMonth m, int months_per_period);
    static bool valid_length(int months) { return months > 0 && months <= 12 && 12 % months == 0; }
};
// Reads a label written for periods of `months_per_period` months (see above).
std::optional<Period> parse_period(std::string_view text, int months_per_period);
std::ostream& operator<<(std::ostream& os, const Period& p);

}  // namespace bianmin
