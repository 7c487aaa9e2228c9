// Format — numbers, money and dates in the current language.
//
// Money is always integer fen (core/include/bianmin/money.hpp): "12.50元" in Chinese,
// "¥12.50" in English. Dates: "2024年3月5日" / "5 Mar 2024"; the text form people type and
// files store is ISO "2024-03-05".
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "bianmin/money.hpp"
#include "i18n/i18n.h"

namespace bianmin::i18n {

std::string money(Fen amount);

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    friend bool operator==(const Date&, const Date&) = default;
};

bool is_valid(const Date& date);
std::string date(const Date& date);            // in the current language
std::string iso_date(const Date& date);        // "2024-03-05"
// Accepts 2024-03-05, 2024-3-5, 2024/3/5, 2024.3.5 and 2024年3月5日; only real dates.
std::optional<Date> parse_date(std::string_view text);
int weekday(const Date& date);                 // 0 = Sunday
const char* weekday_name(int weekday);         // in the current language

// "12,345" — grouping digits helps both languages read counts and yuan.
std::string grouped(std::int64_t number);

// tr(key) with "{0}", "{1}", ... replaced by the arguments, e.g. "共 {0} 行" / "{0} rows".
std::string fill(const char* key, std::initializer_list<std::string_view> args);
std::string fill(Lang lang, const char* key, std::initializer_list<std::string_view> args);

}  // namespace bianmin::i18n
