#include "runtime/pins.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "platform/crypto.h"
#include "platform/platform.h"

namespace bianmin::session::pins {
namespace {

//-------------------------------------------------------------------------------------
// Guards: in memory, mirrored to localStorage ("bianmin.pin_guard.<person>")
//-------------------------------------------------------------------------------------

std::map<std::string, Guard>& guards() {
    static std::map<std::string, Guard> all;
    return all;
}

std::string setting_key(const std::string& person) { return "pin_guard." + person; }

// "failures,next_try_ms,locked"; anything else reads as no guard.
Guard parse_guard(const std::string& text) {
    Guard g;
    long long failures = 0, next = 0;
    int locked = 0;
    if (std::sscanf(text.c_str(), "%lld,%lld,%d", &failures, &next, &locked) == 3 && failures >= 0 && next >= 0) {
        g.failures = int(std::min<long long>(failures, kMaxFailures));
        g.next_try_ms = next;
        g.locked = locked == 1;
    }
    return g;
}

void save(const std::string& person, const Guard& g) {
    guards()[person] = g;
    platform::set_setting(setting_key(person).c_str(), std::to_string(g.failures) + "," +
                                                           std::to_string(g.next_try_ms) + "," +
                                                           (g.locked ? "1" : "0"));
}

}  // namespace

const char* format_problem(std::string_view pin) {
    if (pin.empty()) return "pin.required";
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) return "pin.digits_only";
    if (pin.size() < std::size_t(kMinDigits) || pin.size() > std::size_t(kMaxDigits)) return "pin.length";
    return nullptr;
}

void make_pin_set(const std::string& person, const std::string& pin,
                  std::function<void(std::optional<PinSet>, const char*)> done) {
    if (!platform::crypto::available()) {
        done(std::nullopt, "pin.no_crypto");
        return;
    }
    platform::crypto::derive_pin(pin, "", platform::crypto::kPinIterations,
                                 [person, done = std::move(done)](const platform::crypto::PinHash& hash) {
                                     if (!hash.ok) {
                                         done(std::nullopt, "pin.no_crypto");
                                         return;
                                     }
                                     done(PinSet{person, hash.salt_b64, hash.hash_b64, platform::crypto::kPinIterations,
                                                 std::string(kPinAlgorithm)},
                                          nullptr);
                                 });
}

void check(const StaffPin& record, const std::string& pin, std::function<void(bool, const char*)> done) {
    if (!platform::crypto::available()) {
        done(false, "pin.no_crypto");
        return;
    }
    if (record.algorithm != kPinAlgorithm) {
        done(false, "pin.unknown_algorithm");
        return;
    }
    platform::crypto::derive_pin(pin, record.salt, record.iterations,
                                 [expected = record.hash, done = std::move(done)](const platform::crypto::PinHash& hash) {
                                     if (!hash.ok) done(false, "pin.no_crypto");
                                     else done(hash.hash_b64 == expected, nullptr);
                                 });
}

Guard guard(const std::string& person, std::int64_t now_ms) {
    auto it = guards().find(person);
    Guard g = it != guards().end() ? it->second : parse_guard(platform::setting(setting_key(person).c_str()).value_or(""));
    guards()[person] = g;
    if (g.locked && now_ms >= g.next_try_ms) {
        g = Guard{};  // the lock has run out: a fresh start
        save(person, g);
    }
    return g;
}

Guard record_failure(const std::string& person, std::int64_t now_ms) {
    Guard g = guard(person, now_ms);
    g.failures += 1;
    if (g.failures >= kMaxFailures) {
        g.locked = true;
        g.next_try_ms = now_ms + kLockMs;
    } else {
        g.next_try_ms = now_ms + (kFirstDelayMs << (g.failures - 1));
    }
    save(person, g);
    return g;
}

void record_success(const std::string& person) { save(person, Guard{}); }

}  // namespace bianmin::session::pins
