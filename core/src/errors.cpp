#include "bianmin/errors.hpp"

namespace bianmin {

namespace {

// Length of the well-formed UTF-8 sequence at text[at], or 0 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead == 0xE0) length = 3, low = 0xA0;
    else if (lead >= 0xE1 && lead <= 0xEC) length = 3;
    else if (lead == 0xED) length = 3, high = 0x9F;
    else if (lead >= 0xEE && lead <= 0xEF) length = 3;
    else if (lead == 0xF0) length = 4, low = 0x90;
    else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
    else if (lead == 0xF4) length = 4, high = 0x8F;
    else return 0;
    if (at + length > text.size()) return 0;
    if (byte(at + 1) < low || byte(at + 1) > high) return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
    return length;
}

}  // namespace

std::string valid_utf8(std::string text) {
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) break;
        at += length;
    }
    if (at == text.size()) return text;  // the usual case: nothing to copy
    std::string out(text, 0, at);
    while (at < text.size()) {
        const std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            ++at;
        } else {
            out.append(text, at, length);
            at += length;
        }
    }
    return out;
}

Error make_error(std::string code, std::string field, std::string zh, std::string en) {
    return Error{std::move(code), valid_utf8(std::move(field)), valid_utf8(std::move(zh)), valid_utf8(std::move(en))};
}

std::ostream& operator<<(std::ostream& os, const Error& error) {
    os << error.code;
    if (!error.field.empty()) os << " [" << error.field << "]";
    return os << ": " << error.message_en << " / " << error.message_zh;
}

std::ostream& operator<<(std::ostream& os, const Errors& errors) {
    if (errors.empty()) return os << "(no errors)";
    for (std::size_t i = 0; i < errors.size(); ++i) os << (i ? "; " : "") << errors[i];
    return os;
}

bool has_code(const Errors& errors, std::string_view code) {
    for (const auto& e : errors)
        if (e.code == code) return true;
    return false;
}

std::string codes_of(const Errors& errors) {
    std::string out;
    for (const auto& e : errors) {
        if (!out.empty()) out += ", ";
        out += e.code;
    }
    return out;
}

}  // namespace bianmin
