#include "ui/csv.h"

namespace bianmin::ui::csv {
namespace {

bool looks_like_number(std::string_view text) {
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
    if (text.empty()) return false;
    bool digit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') digit = true;
        else if (c != '.' && c != ',') return false;
    }
    return digit;
}

bool formula_like(std::string_view text) {
    if (text.empty()) return false;
    const char first = text.front();
    if (first == '=' || first == '@' || first == '\t' || first == '\r') return true;
    return (first == '+' || first == '-') && !looks_like_number(text);
}

}  // namespace

std::string field(std::string_view text) {
    std::string value;
    if (formula_like(text)) value += '\'';
    value += text;
    const bool quote = value.find_first_of(",\"\r\n") != std::string::npos ||
                       (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

Writer::Writer() : text_(kByteOrderMark) {}

void Writer::row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) text_ += ',';
        text_ += field(cells[i]);
    }
    text_ += "\r\n";
}

}  // namespace bianmin::ui::csv
