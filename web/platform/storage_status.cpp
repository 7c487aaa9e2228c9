// What the storage status means to a person: one sentence per code that says what
// happened and what to do, and the warnings that do not stop work. The words are in the
// translation table (web/i18n/strings_storage.cpp); here is which one fits.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "i18n/format.h"
#include "i18n/i18n.h"
#include "platform/storage.h"

namespace bianmin::storage {
namespace {

struct Text {
    Code code;
    const char* name;  // the code in window.bianmin.storage.status() and the docs
    const char* key;   // web/i18n/strings_storage.cpp
};

constexpr Text kTexts[] = {
    {Code::ok, "ok", "storage.ok"},
    {Code::opening, "opening", "storage.opening"},
    {Code::blocked, "blocked", "storage.blocked"},
    {Code::unavailable, "unavailable", "storage.unavailable"},
    {Code::newer_version, "newer_version", "storage.newer_version"},
    {Code::version_change, "version_change", "storage.version_change"},
    {Code::closed, "closed", "storage.closed"},
    {Code::read_only_other_tab, "read_only_other_tab", "storage.read_only_other_tab"},
    {Code::quota_exceeded, "quota_exceeded", "storage.quota_exceeded"},
    {Code::write_failed, "write_failed", "storage.write_failed"},
};

const Text& text_of(Code code) {
    for (const Text& t : kTexts)
        if (t.code == code) return t;
    return kTexts[0];
}

std::string whole(double value) { return std::to_string(std::int64_t(std::floor(value))); }

}  // namespace

std::string message(Code code, i18n::Lang lang) { return i18n::tr(lang, text_of(code).key); }

const char* code_name(Code code) { return text_of(code).name; }

std::vector<std::string> warnings(i18n::Lang lang, double now_ms, int unsynced_days) {
    const Status& s = status();
    std::vector<std::string> out;
    if (!s.loaded) return out;
    if (s.discarded_records > 0)
        out.push_back(i18n::fill(lang, "storage.warn_discarded", {std::to_string(s.discarded_records)}));
    if (s.quarantined > 0) out.push_back(i18n::fill(lang, "storage.warn_quarantined", {std::to_string(s.quarantined)}));
    if (s.persistence == Persistence::denied) out.push_back(i18n::tr(lang, "storage.warn_not_persistent"));
    if (s.quota_bytes > 0 && s.usage_bytes >= 0.9 * s.quota_bytes)
        out.push_back(i18n::fill(lang, "storage.warn_full", {whole(100.0 * s.usage_bytes / s.quota_bytes)}));
    if (s.unsynced_since_ms > 0 && unsynced_days > 0) {
        const double days = (now_ms - s.unsynced_since_ms) / 86400000.0;
        if (days >= unsynced_days) out.push_back(i18n::fill(lang, "storage.warn_unsynced", {whole(days)}));
    }
    if (!s.tab_lock) out.push_back(i18n::tr(lang, "storage.warn_no_tab_lock"));
    return out;
}

}  // namespace bianmin::storage
