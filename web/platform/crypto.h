// Crypto — the browser's WebCrypto for the two things the app hashes:
//   - staff PINs: PBKDF2-HMAC-SHA256, a random 16-byte salt, kPinIterations rounds, a
//     32-byte result (docs/RELIABILITY.md "PINs"); the PIN itself is never stored;
//   - exchange bundles: the SHA-256 digest of their canonical event content.
// The core has no hashing of its own (it runs natively too; the CLI has its own).
//
// WebCrypto is asynchronous: the callbacks run later, between frames, exactly once.
// It only exists in a secure context (https:// or localhost): available() says whether
// it does; without it every request fails with a reason and the screen explains.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace bianmin::platform::crypto {

// OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the core refuses fewer than 100,000.
inline constexpr std::int64_t kPinIterations = 210000;

bool available();

// salt_b64 empty = make a new random salt. ok=false: `error` says why (no secure context).
struct PinHash {
    bool ok = false;
    std::string salt_b64, hash_b64, error;
};
void derive_pin(const std::string& pin, const std::string& salt_b64, std::int64_t iterations,
                std::function<void(const PinHash&)> done);

// Lowercase hex SHA-256 of `bytes` (copied at once). ok=false: `hex` is the reason.
void sha256_hex(std::string_view bytes, std::function<void(bool ok, const std::string& hex)> done);

}  // namespace bianmin::platform::crypto
