// Product and file-format versions, one place.
#pragma once

namespace bianmin {
inline constexpr const char* kProductName = "bianmin";
inline constexpr const char* kProductVersion = "0.1.0";
}  // namespace bianmin
