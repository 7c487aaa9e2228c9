// Money is integer fen, parsed strictly and formatted per locale.
// SPEC: "Money is never edited or deleted" (Working offline) — amounts are exact fen.
#include <doctest/doctest.h>

#include <string>

#include "bianmin/money.hpp"

using bianmin::Fen;
using bianmin::MoneyLocale;

TEST_CASE("[Shape] an amount typed in yuan is read as exact fen, never rounded") {
    SUBCASE("whole yuan") { CHECK(bianmin::parse_yuan("12") == Fen{1200}); }
    SUBCASE("one decimal means ten fen steps") { CHECK(bianmin::parse_yuan("12.5") == Fen{1250}); }
    SUBCASE("two decimals") { CHECK(bianmin::parse_yuan("0.07") == Fen{7}); }
    SUBCASE("currency marks and spaces") {
        CHECK(bianmin::parse_yuan(" ¥12.50 ") == Fen{1250});
        CHECK(bianmin::parse_yuan("￥3") == Fen{300});
        CHECK(bianmin::parse_yuan("12.50元") == Fen{1250});
    }
    SUBCASE("a reversal is negative") { CHECK(bianmin::parse_yuan("-3.10") == Fen{-310}); }
    SUBCASE("leading decimal point") { CHECK(bianmin::parse_yuan(".5") == Fen{50}); }
}

TEST_CASE("[Shape] an amount that is not exact money is refused") {
    for (std::string bad : {"", "abc", "1.234", "12.", "1,000", "1e3", "--1", ".", "¥", "12元元",
                            "1000000001"}) {
        CAPTURE(bad);
        CHECK_FALSE(bianmin::parse_yuan(bad).has_value());
    }
}

TEST_CASE("[Shape] money is shown as 12.50元 in Chinese and ¥12.50 in English") {
    CHECK(bianmin::format_fen(Fen{1250}, MoneyLocale::Chinese) == "12.50元");
    CHECK(bianmin::format_fen(Fen{1250}, MoneyLocale::English) == "¥12.50");
    CHECK(bianmin::format_fen(Fen{-5}, MoneyLocale::English) == "-¥0.05");
    CHECK(bianmin::format_yuan_plain(Fen{INT64_MIN}).front() == '-');
}
