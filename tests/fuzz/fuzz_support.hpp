// Shared by the fuzz targets: the input as text, and checks whose failure is a finding.
//
// A target returns normally when the code under test said no properly (an Error with a
// code and two messages) or said yes consistently (round trips). Anything else —
// a sanitizer report, an escaped exception, a broken property — aborts, and libFuzzer
// keeps the input as a crash.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "bianmin/errors.hpp"

namespace bianmin::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A property of the code under test, checked on every input (not an assert: it stays on
// in every build type).
inline void require(bool holds, const char* property) {
    if (holds) return;
    std::fprintf(stderr, "fuzz property broken: %s\n", property);
    std::abort();
}

// How the core says no: at least one error, each with a dotted code and a message in
// both languages.
inline void require_proper_errors(const Errors& errors) {
    require(!errors.empty(), "a failed result carries at least one error");
    for (const Error& e : errors) {
        require(e.code.find('.') != std::string::npos, "an error code is dotted (\"area.what\")");
        require(!e.message_zh.empty() && !e.message_en.empty(), "an error has a Chinese and an English message");
    }
}

}  // namespace bianmin::fuzz
