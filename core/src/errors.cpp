#include "bianmin/errors.hpp"

namespace bianmin {

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
