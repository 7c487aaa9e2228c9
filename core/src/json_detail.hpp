// Internal: the strict struct-to-JSON macro used by json_payloads.cpp.
#pragma once

#include <string>

#include "bianmin/json.hpp"

namespace bianmin::json_detail {

// Throws JsonError unless `j` is an object with exactly `count` keys (the struct's
// fields; `at()` then finds each, so an extra key is an unknown one).
void require_object(const Json& j, std::size_t count, const char* type_name);

}  // namespace bianmin::json_detail

#define BIANMIN_JSON_COUNT_ONE(v1) +1
// Defines to_json/from_json of a struct from its member list (all keys required).
#define BIANMIN_JSON_DEFINE(Type, ...)                                                          \
    void to_json(Json& nlohmann_json_j, const Type& nlohmann_json_t) {                          \
        nlohmann_json_j = Json::object();                                                       \
        NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(NLOHMANN_JSON_TO, __VA_ARGS__))                \
    }                                                                                           \
    void from_json(const Json& nlohmann_json_j, Type& nlohmann_json_t) {                        \
        ::bianmin::json_detail::require_object(                                                 \
            nlohmann_json_j, 0 NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(BIANMIN_JSON_COUNT_ONE, __VA_ARGS__)), #Type); \
        NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(NLOHMANN_JSON_FROM, __VA_ARGS__))              \
    }
