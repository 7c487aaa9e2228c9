// Rules: staff sign-in PINs (pin_set). The core never sees a PIN: it checks that the
// record is a well-formed PBKDF2 result for an active staff member and keeps it on the
// staff record, where sign-in on any device finds it (docs/RELIABILITY.md "PINs").
#include "rules.hpp"

namespace bianmin::rules {
namespace {

constexpr std::size_t kMaxBase64 = 256;       // a 32-byte hash is 44 characters
constexpr std::size_t kMinSaltBase64 = 12;    // at least 8 bytes of salt
constexpr std::size_t kMinHashBase64 = 24;    // at least 16 bytes of hash: never a PIN itself

// Standard base64 (RFC 4648 §4) of min_chars..kMaxBase64 characters: groups of four of
// A–Z a–z 0–9 + /, '=' padding at the end.
bool is_base64(const std::string& text, std::size_t min_chars) {
    if (text.size() < min_chars || text.size() % 4 != 0 || text.size() > kMaxBase64) return false;
    std::size_t padding = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                              c == '+' || c == '/';
        if (c == '=') {
            ++padding;
        } else if (!alphabet || padding > 0) {
            return false;  // a foreign character, or data after the padding
        }
    }
    return padding <= 2;
}

}  // namespace

void check(const State& s, const Event&, const PinSet& p, Errors& out) {
    const StaffRecord* staff = s.find_staff(p.person_id);
    if (!staff)
        fail(out, "pin.unknown_staff", "person_id", "没有这名员工: " + p.person_id, "no such staff member: " + p.person_id);
    else if (!staff->active)
        fail(out, "pin.staff_inactive", "person_id", "员工已离职,不能设置登录密码",
             "this staff member has left: no PIN can be set");
    if (p.algorithm != kPinAlgorithm)
        fail(out, "pin.bad_algorithm", "algorithm", "不支持的密码算法: " + p.algorithm,
             "unsupported PIN algorithm: " + p.algorithm);
    if (p.iterations < kMinPinIterations)
        fail(out, "pin.too_few_iterations", "iterations", "密码加密的迭代次数太少(至少100000次)",
             "too few PBKDF2 iterations (at least 100,000)");
    if (!is_base64(p.salt, kMinSaltBase64))
        fail(out, "pin.bad_salt", "salt", "密码的盐值缺失、太短或格式不正确(应为至少8字节的 base64)",
             "the PIN's salt is missing, too short or not base64 (at least 8 bytes)");
    if (!is_base64(p.hash, kMinHashBase64))
        fail(out, "pin.bad_hash", "hash", "密码的散列值缺失、太短或格式不正确(应为至少16字节的 base64)",
             "the PIN's hash is missing, too short or not base64 (at least 16 bytes)");
}

void apply(State& s, const Event& e, const PinSet& p) {
    auto it = s.staff.find(p.person_id);
    if (it == s.staff.end()) return;
    it->second.pin = StaffPin{p.salt, p.hash, p.iterations, p.algorithm, who(e), when(e)};
}

}  // namespace bianmin::rules
