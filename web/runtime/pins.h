// Pins — staff sign-in PINs: checking what was typed, making the pin_set record, and
// keeping repeated wrong guesses slow (docs/RELIABILITY.md "PINs").
//
// A PIN is 4 to 12 digits. It never leaves the page: the device derives a salted
// PBKDF2-HMAC-SHA256 hash (platform/crypto.h) and only the salt and hash are recorded
// (the core's pin_set event, which travels to office devices only).
//
// Guessing: each wrong PIN for a person makes the next try wait longer (1 s, 2 s, 4 s,
// 8 s); the 5th wrong PIN in a row locks that person on this device for 5 minutes. The
// count and the lock are kept in memory and in localStorage, so a reload does not reset
// them; a right PIN clears them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "bianmin/payloads.hpp"
#include "bianmin/state.hpp"

namespace bianmin::session::pins {

inline constexpr int kMinDigits = 4;
inline constexpr int kMaxDigits = 12;
inline constexpr int kMaxFailures = 5;
inline constexpr std::int64_t kLockMs = 5 * 60 * 1000;
inline constexpr std::int64_t kFirstDelayMs = 1000;

// Translation key of what is wrong with a typed PIN, or null when it is a PIN.
const char* format_problem(std::string_view pin);

// Derives a new salted hash of `pin` and hands back the pin_set payload for `person`;
// on failure (no WebCrypto) `error` is a translation key.
void make_pin_set(const std::string& person, const std::string& pin,
                  std::function<void(std::optional<PinSet> payload, const char* error_key)> done);

// Derives `pin` with the record's salt and rounds and compares. error_key non-null when
// the check could not be made (no WebCrypto): then `matches` is false and nothing counts.
void check(const StaffPin& record, const std::string& pin,
           std::function<void(bool matches, const char* error_key)> done);

// ---- Guessing ---------------------------------------------------------------------------

struct Guard {
    int failures = 0;               // wrong PINs in a row
    std::int64_t next_try_ms = 0;   // no try before this (Unix ms)
    bool locked = false;            // the 5-failure lock (until next_try_ms)
};
Guard guard(const std::string& person, std::int64_t now_ms);
// Records a wrong PIN; returns the new guard.
Guard record_failure(const std::string& person, std::int64_t now_ms);
void record_success(const std::string& person);

}  // namespace bianmin::session::pins
