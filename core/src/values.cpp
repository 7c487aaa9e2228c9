#include "bianmin/values.hpp"

namespace bianmin {

std::ostream& operator<<(std::ostream& os, const EventId& id) { return os << to_string(id); }

std::string to_string(const EventId& id) { return id.device + "#" + std::to_string(id.seq); }

std::ostream& operator<<(std::ostream& os, const Actor& actor) {
    return os << actor.person_id << " (" << to_string(actor.role) << ")";
}

std::string to_display(const FieldValue& value) {
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    return std::to_string(std::get<std::int64_t>(value));
}

std::ostream& operator<<(std::ostream& os, const FieldValue& value) {
    if (std::holds_alternative<std::string>(value)) return os << '"' << to_display(value) << '"';
    return os << to_display(value);
}

std::size_t Signature::point_count() const {
    std::size_t n = 0;
    for (const auto& stroke : strokes) n += stroke.size();
    return n;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '_' || c == ':' || c == '-';
        if (!ok) return false;
    }
    return true;
}

}  // namespace bianmin
