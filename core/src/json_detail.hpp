// Internal: helpers shared by the JSON readers (json_values.cpp, json_payloads.cpp,
// events_json.cpp, exchange_format.cpp) and the strict struct-to-JSON macro.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "bianmin/json.hpp"

namespace bianmin::json_detail {

// Throws JsonError unless `j` is an object with exactly `count` keys (the struct's
// fields; `at()` then finds each, so an extra key is an unknown one).
void require_object(const Json& j, std::size_t count, const char* type_name);

inline constexpr std::int64_t kMaxWallMs = 253'402'300'799'999;  // 9999-12-31T23:59:59.999Z

// Runs f, turning every exception (nlohmann's, JsonError, bad_alloc) into an Error
// located at `where`: the boundary no exception crosses.
std::optional<Error> guard(const std::string& where, const std::function<void()>& f);

// Strict readers of one value; throw JsonError ("json.wrong_type", "json.number_range",
// "json.bad_value") naming `what`.
std::int64_t need_integer(const Json& j, const char* what, std::int64_t min, std::int64_t max);
const std::string& need_string(const Json& j, const char* what);

// One member of a struct (BIANMIN_JSON_DEFINE): integers through need_integer, in the
// member type's range — nlohmann's own conversion of 1e21 to an integer is undefined
// behaviour (found by fuzz_catalogue) — everything else through its from_json.
template <class T>
void read_member(const Json& j, const char* key, T& out) {
    const Json& value = j.at(key);
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        constexpr std::int64_t lo = std::is_signed_v<T> ? std::int64_t(std::numeric_limits<T>::min()) : 0;
        constexpr std::int64_t hi = std::uint64_t(std::numeric_limits<T>::max()) > std::uint64_t(std::numeric_limits<std::int64_t>::max())
                                        ? std::numeric_limits<std::int64_t>::max()
                                        : std::int64_t(std::numeric_limits<T>::max());
        out = static_cast<T>(need_integer(value, key, lo, hi));
    } else {
        value.get_to(out);
    }
}
template <TabledEnum E>
void enum_from(const Json& j, E& v, const char* what) {
    const std::string& id = need_string(j, what);
    auto parsed = enum_from_string<E>(id);
    if (!parsed) throw JsonError("json.bad_value", "unknown " + std::string(what) + ": " + id);
    v = *parsed;
}

// The members of a top-level JSON object as (key, raw value text), in file order,
// without building the values: an envelope whose "events" array is read later one
// event at a time (read_events_array). Errors: json.syntax, json.too_deep,
// json.duplicate_key (a key twice), as Error values — never throws.
using RawMembers = std::vector<std::pair<std::string, std::string_view>>;
Result<RawMembers> split_object(std::string_view json_text);

// Appends one canonical event per line: "\n" e1 ",\n" e2 ... (the events array's body
// in written files).
void append_event_lines(std::string& out, std::span<const Event> events);

// True when the text is a valid beginning of JSON that ends too early (or holds only
// white space): what a cut-off download or a partly written file looks like. Text that
// fails before its end (binary bytes, invalid UTF-8, a stray character) is not.
bool ends_inside_value(std::string_view json_text);

}  // namespace bianmin::json_detail

#define BIANMIN_JSON_COUNT_ONE(v1) +1
#define BIANMIN_JSON_READ_ONE(v1) ::bianmin::json_detail::read_member(nlohmann_json_j, #v1, nlohmann_json_t.v1);
// Defines to_json/from_json of a struct from its member list (all keys required).
#define BIANMIN_JSON_DEFINE(Type, ...)                                                          \
    void to_json(Json& nlohmann_json_j, const Type& nlohmann_json_t) {                          \
        nlohmann_json_j = Json::object();                                                       \
        NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(NLOHMANN_JSON_TO, __VA_ARGS__))                \
    }                                                                                           \
    void from_json(const Json& nlohmann_json_j, Type& nlohmann_json_t) {                        \
        ::bianmin::json_detail::require_object(                                                 \
            nlohmann_json_j, 0 NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(BIANMIN_JSON_COUNT_ONE, __VA_ARGS__)), #Type); \
        NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(BIANMIN_JSON_READ_ONE, __VA_ARGS__))           \
    }
