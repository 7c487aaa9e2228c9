// Calendar arithmetic for the estate's local dates. Plain integer maths, no <chrono>
// calendar (not complete in every standard library we build with).
#include "bianmin/time.hpp"

#include <chrono>
#include <cstdio>

namespace bianmin {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Leap years in [1, year).
std::int64_t leaps_before(int year) {
    std::int64_t y = year - 1;
    return y / 4 - y / 100 + y / 400;
}

std::int64_t days_before_year(int year) {  // since 1970-01-01
    return 365LL * (year - 1970) + leaps_before(year) - leaps_before(1970);
}

int day_of_year(int year, int month, int day) {  // 1-based
    static constexpr int kBefore[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return kBefore[month - 1] + day + (month > 2 && is_leap(year) ? 1 : 0);
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

bool read_digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
    if (at + count > text.size()) return false;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    out = value;
    return true;
}

}  // namespace

std::int64_t SystemClock::now_ms() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
}

bool is_valid_date(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

std::int64_t days_from_civil(int year, int month, int day) {
    return days_before_year(year) + day_of_year(year, month, day) - 1;
}

LocalDate civil_from_days(std::int64_t days) {
    // Estimate the year, then correct it: at most a step or two either way.
    int year = int(1970 + floor_div(days, 365));
    while (year > 1 && days_before_year(year) > days) --year;
    while (days_before_year(year + 1) <= days) ++year;
    int remaining = int(days - days_before_year(year));  // 0-based day of year
    int month = 1;
    while (remaining >= days_in_month(year, month)) {
        remaining -= days_in_month(year, month);
        ++month;
    }
    return LocalDate{year, month, remaining + 1};
}

LocalDate local_date(std::int64_t wall_ms, int tz_offset_minutes) {
    std::int64_t local = wall_ms + std::int64_t(tz_offset_minutes) * kMsPerMinute;
    return civil_from_days(floor_div(local, kMsPerDay));
}

YearMonth local_month(std::int64_t wall_ms, int tz_offset_minutes) {
    return month_of(local_date(wall_ms, tz_offset_minutes));
}

std::int64_t local_day_start_ms(LocalDate day, int tz_offset_minutes) {
    return days_from_civil(day) * kMsPerDay - std::int64_t(tz_offset_minutes) * kMsPerMinute;
}

std::int64_t month_start_ms(YearMonth month, int tz_offset_minutes) {
    return local_day_start_ms(LocalDate{month.year, month.month, 1}, tz_offset_minutes);
}

std::int64_t local_ms(int year, int month, int day, int hour, int minute, int tz_offset_minutes) {
    return local_day_start_ms(LocalDate{year, month, day}, tz_offset_minutes) + hour * kMsPerHour +
           minute * kMsPerMinute;
}

std::string to_string(LocalDate d) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buffer;
}

std::string to_string(YearMonth m) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", m.year, m.month);
    return buffer;
}

std::optional<LocalDate> parse_date(std::string_view text) {
    LocalDate d;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!read_digits(text, 0, 4, d.year) || !read_digits(text, 5, 2, d.month) ||
        !read_digits(text, 8, 2, d.day))
        return std::nullopt;
    if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
    return d;
}

std::optional<YearMonth> parse_year_month(std::string_view text) {
    YearMonth m;
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    if (!read_digits(text, 0, 4, m.year) || !read_digits(text, 5, 2, m.month)) return std::nullopt;
    if (m.year < 1 || m.month < 1 || m.month > 12) return std::nullopt;
    return m;
}

std::ostream& operator<<(std::ostream& os, LocalDate d) { return os << to_string(d); }
std::ostream& operator<<(std::ostream& os, YearMonth m) { return os << to_string(m); }

Period Period::prev() const {
    if (index > 1) return Period{year, index - 1, months};
    return Period{year - 1, 12 / months, months};
}

Period Period::next() const {
    if (index < 12 / months) return Period{year, index + 1, months};
    return Period{year + 1, 1, months};
}

Period Period::containing(YearMonth m, int months_per_period) {
    if (!valid_length(months_per_period)) months_per_period = 6;
    return Period{m.year, (m.month - 1) / months_per_period + 1, months_per_period};
}

std::string Period::label() const {
    // Four digits, as parse_period reads them (year 2 is "0002", not "2").
    std::string y = std::to_string(year);
    if (y.size() < 4) y.insert(0, 4 - y.size(), '0');
    switch (months) {
        case 12: return y;
        case 6: return y + "H" + std::to_string(index);
        case 3: return y + "Q" + std::to_string(index);
        case 1: return to_string(YearMonth{year, index});
        default: return y + "P" + std::to_string(index);
    }
}

std::optional<Period> parse_period(std::string_view text, int months_per_period) {
    if (!Period::valid_length(months_per_period)) return std::nullopt;
    int year = 0;
    if (!read_digits(text, 0, 4, year) || year < 1) return std::nullopt;
    int count = 12 / months_per_period;
    if (months_per_period == 12) {
        if (text.size() != 4) return std::nullopt;
        return Period{year, 1, 12};
    }
    if (months_per_period == 1) {
        auto m = parse_year_month(text);
        if (!m) return std::nullopt;
        return Period{m->year, m->month, 1};
    }
    char marker = months_per_period == 6 ? 'H' : months_per_period == 3 ? 'Q' : 'P';
    if (text.size() < 6 || text.size() > 7 || (text[4] != marker && text[4] != marker + ('a' - 'A'))) return std::nullopt;
    int index = 0;
    if (!read_digits(text, 5, text.size() - 5, index) || index < 1 || index > count) return std::nullopt;
    return Period{year, index, months_per_period};
}

std::ostream& operator<<(std::ostream& os, const Period& p) { return os << p.label(); }

}  // namespace bianmin
