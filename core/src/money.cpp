#include "bianmin/money.hpp"

#include <cstdlib>

namespace bianmin {
namespace {

std::string digits_with_two_places(std::int64_t fen) {
    // Work on the magnitude as unsigned so INT64_MIN cannot overflow.
    std::uint64_t magnitude = fen < 0 ? std::uint64_t(0) - std::uint64_t(fen) : std::uint64_t(fen);
    std::string text = std::to_string(magnitude / 100);
    text += '.';
    text += char('0' + (magnitude % 100) / 10);
    text += char('0' + magnitude % 10);
    return fen < 0 ? "-" + text : text;
}

bool consume_prefix(std::string_view& text, std::string_view prefix) {
    if (text.substr(0, prefix.size()) != prefix) return false;
    text.remove_prefix(prefix.size());
    return true;
}

bool consume_suffix(std::string_view& text, std::string_view suffix) {
    if (text.size() < suffix.size() || text.substr(text.size() - suffix.size()) != suffix) return false;
    text.remove_suffix(suffix.size());
    return true;
}

void trim_spaces(std::string_view& text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
}

}  // namespace

std::string format_yuan_plain(Fen amount) { return digits_with_two_places(amount.value); }

std::string format_fen(Fen amount, MoneyLocale locale) {
    std::string plain = digits_with_two_places(amount.value);
    if (locale == MoneyLocale::Chinese) return plain + "元";
    if (!plain.empty() && plain.front() == '-') return "-¥" + plain.substr(1);
    return "¥" + plain;
}

std::optional<Fen> parse_yuan(std::string_view text) {
    trim_spaces(text);
    bool negative = false;
    if (consume_prefix(text, "-")) negative = true;
    else consume_prefix(text, "+");
    if (!consume_prefix(text, "¥")) consume_prefix(text, "￥");
    consume_suffix(text, "元");
    trim_spaces(text);
    if (text.empty()) return std::nullopt;

    std::int64_t whole = 0;
    std::size_t i = 0;
    std::size_t whole_digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++whole_digits) {
        whole = whole * 10 + (text[i] - '0');
        if (whole > kMaxFen / 100) return std::nullopt;
    }
    std::int64_t cents = 0;
    std::size_t decimals = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++decimals) {
            if (decimals == 2) return std::nullopt;
            cents = cents * 10 + (text[i] - '0');
        }
        if (decimals == 1) cents *= 10;
        if (decimals == 0) return std::nullopt;  // "12." is a typo, not an amount
    }
    if (i != text.size() || (whole_digits == 0 && decimals == 0)) return std::nullopt;
    std::int64_t total = whole * 100 + cents;
    if (total > kMaxFen) return std::nullopt;
    return Fen{negative ? -total : total};
}

std::ostream& operator<<(std::ostream& os, Fen amount) {
    return os << format_yuan_plain(amount) << " yuan";
}

}  // namespace bianmin
