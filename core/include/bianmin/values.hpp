// Small value types shared by events and records: event ids, actors, field values,
// drawn signatures.
#pragma once

#include <compare>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bianmin/enums.hpp"

namespace bianmin {

// Globally unique event id: the device that made the event and its per-device sequence
// number (1, 2, 3, ... without gaps on that device).
struct EventId {
    std::string device;
    std::uint64_t seq = 0;
    friend bool operator==(const EventId&, const EventId&) = default;
    // Written out: the WebAssembly build's libc++ (Emscripten 3.1.6) has no <=> for std::string.
    friend std::strong_ordering operator<=>(const EventId& a, const EventId& b) {
        if (int c = a.device.compare(b.device)) return c < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
        return a.seq <=> b.seq;
    }
    bool empty() const { return device.empty() && seq == 0; }
};
std::ostream& operator<<(std::ostream& os, const EventId& id);
std::string to_string(const EventId& id);  // "tab-1#42"

// Who did it, acting in which role (a person may hold several roles).
struct Actor {
    std::string person_id;
    Role role = Role::resident;
    friend bool operator==(const Actor&, const Actor&) = default;
};
std::ostream& operator<<(std::ostream& os, const Actor& actor);

// The value of an editable field: text, or an integer (counts, hours, and money in fen).
using FieldValue = std::variant<std::string, std::int64_t>;
std::ostream& operator<<(std::ostream& os, const FieldValue& value);
std::string to_display(const FieldValue& value);

// A signature as drawn on a screen: strokes of points, coordinates in the drawing
// pad's own units (the UI uses 0..1000 on both axes), t_ms since the pad opened.
struct StrokePoint {
    std::int32_t x = 0;
    std::int32_t y = 0;
    std::int32_t t_ms = 0;
    friend bool operator==(const StrokePoint&, const StrokePoint&) = default;
};
using Stroke = std::vector<StrokePoint>;
struct Signature {
    std::vector<Stroke> strokes;  // empty = not signed
    friend bool operator==(const Signature&, const Signature&) = default;
    bool empty() const { return strokes.empty(); }
    std::size_t point_count() const;
};
inline constexpr std::size_t kMaxSignaturePoints = 20'000;

// Record ids, person ids and device ids: 1..64 bytes of [A-Za-z0-9._:-].
bool is_valid_id(std::string_view id);

}  // namespace bianmin
