// Money — integer fen (分), never floating point.
//
// Every amount in Bianmin is an int64 count of fen (1 yuan = 100 fen). Amounts are
// parsed from what people type ("12.5", "12.50", "¥12.50", "12.50元") and formatted for
// the locale (zh: "12.50元", en: "¥12.50"). Parsing never rounds: a third decimal is an
// error, not a guess.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace bianmin {

struct Fen {
    std::int64_t value = 0;

    friend constexpr bool operator==(Fen, Fen) = default;
    friend constexpr auto operator<=>(Fen, Fen) = default;
    constexpr Fen operator-() const { return Fen{-value}; }
    friend constexpr Fen operator+(Fen a, Fen b) { return Fen{a.value + b.value}; }
    friend constexpr Fen operator-(Fen a, Fen b) { return Fen{a.value - b.value}; }
    constexpr Fen& operator+=(Fen o) { value += o.value; return *this; }
    constexpr Fen& operator-=(Fen o) { value -= o.value; return *this; }
};

// The largest amount the app accepts anywhere: 100 million yuan. Far above any estate
// fee, far below int64 overflow even when summed over millions of events.
inline constexpr std::int64_t kMaxFen = 100'000'000LL * 100;

enum class MoneyLocale { Chinese, English };

// "12.50元" (Chinese) or "¥12.50" (English); negative amounts get a leading minus.
std::string format_fen(Fen amount, MoneyLocale locale);

// Plain decimal yuan with two places, e.g. "-12.50", for CSV and JSON-facing text.
std::string format_yuan_plain(Fen amount);

// Accepts optional sign, optional ¥/￥ prefix or 元 suffix, digits, optional '.', at most
// two decimals, surrounding spaces. Rejects anything else and anything above kMaxFen.
std::optional<Fen> parse_yuan(std::string_view text);

std::ostream& operator<<(std::ostream& os, Fen amount);

}  // namespace bianmin
