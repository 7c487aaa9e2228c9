#include "i18n/format.h"

#include <cstdio>

#include "i18n/i18n.h"

namespace bianmin::i18n {
namespace {

bool leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap_year(year) ? 29 : kDays[month - 1];
}

// Reads an unsigned number of 1..max_digits digits; false if there is none.
bool read_number(std::string_view& text, int max_digits, int& out) {
    int digits = 0;
    out = 0;
    while (!text.empty() && text.front() >= '0' && text.front() <= '9' && digits < max_digits) {
        out = out * 10 + (text.front() - '0');
        text.remove_prefix(1);
        ++digits;
    }
    return digits > 0;
}

bool read_separator(std::string_view& text, std::initializer_list<std::string_view> allowed) {
    for (std::string_view s : allowed) {
        if (text.substr(0, s.size()) == s) {
            text.remove_prefix(s.size());
            return true;
        }
    }
    return false;
}

void trim(std::string_view& text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
}

}  // namespace

std::string money(Fen amount) {
    return format_fen(amount, current() == Lang::Zh ? MoneyLocale::Chinese : MoneyLocale::English);
}

bool is_valid(const Date& d) {
    return d.year >= 1900 && d.year <= 2999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

std::string date(const Date& d) {
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (!is_valid(d)) return "?";
    char text[48];
    if (current() == Lang::Zh) {
        std::snprintf(text, sizeof text, "%d年%d月%d日", d.year, d.month, d.day);
    } else {
        std::snprintf(text, sizeof text, "%d %s %d", d.day, kMonths[d.month - 1], d.year);
    }
    return text;
}

std::string iso_date(const Date& d) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

std::optional<Date> parse_date(std::string_view text) {
    trim(text);
    Date d;
    if (!read_number(text, 4, d.year) || d.year < 1000) return std::nullopt;
    if (!read_separator(text, {"-", "/", ".", "年"})) return std::nullopt;
    if (!read_number(text, 2, d.month)) return std::nullopt;
    if (!read_separator(text, {"-", "/", ".", "月"})) return std::nullopt;
    if (!read_number(text, 2, d.day)) return std::nullopt;
    read_separator(text, {"日"});
    if (!text.empty() || !is_valid(d)) return std::nullopt;
    return d;
}

int weekday(const Date& d) {
    // Sakamoto's method: the month offsets of a year that starts in March.
    static constexpr int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = d.year - (d.month < 3 ? 1 : 0);
    return (y + y / 4 - y / 100 + y / 400 + kOffsets[d.month - 1] + d.day) % 7;
}

const char* weekday_name(int day) {
    static constexpr const char* kKeys[] = {"date.sunday", "date.monday", "date.tuesday", "date.wednesday",
                                            "date.thursday", "date.friday", "date.saturday"};
    return tr(kKeys[((day % 7) + 7) % 7]);
}

std::string grouped(std::int64_t number) {
    const bool negative = number < 0;
    std::uint64_t magnitude = negative ? std::uint64_t(0) - std::uint64_t(number) : std::uint64_t(number);
    std::string digits = std::to_string(magnitude);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string fill(const char* key, std::initializer_list<std::string_view> args) { return fill(current(), key, args); }

std::string fill(Lang lang, const char* key, std::initializer_list<std::string_view> args) {
    std::string_view pattern = tr(lang, key);
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
            pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
            const std::size_t index = std::size_t(pattern[i + 1] - '0');
            if (index < args.size()) out += *(args.begin() + index);
            i += 2;
            continue;
        }
        out += pattern[i];
    }
    return out;
}

}  // namespace bianmin::i18n
