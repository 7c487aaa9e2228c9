// SHA-256 for the native tool and tests: OpenSSL's libcrypto (EVP), never hand-written.
// The core takes the digest function as input (exchange.hpp, Sha256Hex); in the browser
// WebCrypto computes it.
#pragma once

#include <string>
#include <string_view>

namespace bianmin::cli {

// Lowercase hex SHA-256 of the bytes (64 characters).
std::string sha256_hex(std::string_view bytes);

}  // namespace bianmin::cli
