// The C++ side of window.bianmin.storage (test mode). See storage_test_api.h.
#include "platform/storage_test_api.h"

#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// Implemented in web/platform/library_storage_test.js.
extern "C" {
void bm_js_storage_test_install();
void bm_js_storage_test_settle(int id, int ok, const char* json);
void bm_js_storage_test_progress(int id, int done, int total);
}

namespace bianmin::storage_test {
namespace {

// Records as the test log keeps them: device ids interned, texts in one arena, so a
// 200,000-record load costs a few large copies rather than 400,000 small allocations.
struct Entry {
    std::uint32_t device = 0;
    std::uint64_t seq = 0;
    std::size_t offset = 0;
    std::size_t length = 0;
    bool durable = false;
};

struct TestLog {
    std::vector<std::string> devices;
    std::string arena;
    std::vector<Entry> entries;  // in arrival order; list() sorts
    std::vector<std::uint64_t> acked;  // own seqs acknowledged durable in this page
    nlohmann::json report = nlohmann::json::object();
    std::string out;  // keeps the last JSON answer alive for the caller
};

TestLog& log() {
    static TestLog l;
    return l;
}

std::uint32_t device_index(std::string_view device) {
    auto& devices = log().devices;
    for (std::size_t i = devices.size(); i-- > 0;)
        if (devices[i] == device) return std::uint32_t(i);
    devices.emplace_back(device);
    return std::uint32_t(devices.size() - 1);
}

void add(std::string_view device, std::uint64_t seq, std::string_view text, bool durable) {
    TestLog& l = log();
    l.entries.push_back({device_index(device), seq, l.arena.size(), text.size(), durable});
    l.arena.append(text);
}

void remember(std::span<const storage::RecordView> records, bool durable) {
    std::size_t bytes = 0;
    for (const auto& r : records) bytes += r.bytes.size();
    log().arena.reserve(log().arena.size() + bytes);
    log().entries.reserve(log().entries.size() + records.size());
    for (const auto& r : records) add(r.device, r.seq, r.bytes, durable);
}

void settle(int id, bool ok, const nlohmann::json& value) {
    bm_js_storage_test_settle(id, ok ? 1 : 0, value.dump().c_str());
}

const char* answer(const nlohmann::json& j) {
    log().out = j.dump();
    return log().out.c_str();
}

// A record of about `size` bytes that looks like a serialised event.
std::string generated_text(const std::string& device, std::uint64_t seq, int size, const std::string& tag) {
    std::string text = R"({"id":{"device":")" + device + R"(","seq":)" + std::to_string(seq) +
                       R"(},"type":"storage_test","tag":")" + tag + R"(","pad":")";
    const std::size_t want = std::size_t(std::max(size, 0));
    if (text.size() + 2 < want) text.append(want - text.size() - 2, char('a' + seq % 26));
    return text + "\"}";
}

bool start_bulk(int id, std::vector<std::string> devices, std::vector<std::uint64_t> seqs, std::vector<std::string> texts) {
    // The records stay alive until on_done, which adds them to the test log on success.
    struct Batch {
        std::vector<std::string> devices, texts;
        std::vector<storage::RecordView> views;
    };
    auto batch = std::make_shared<Batch>(Batch{std::move(devices), std::move(texts), {}});
    for (std::size_t i = 0; i < batch->texts.size(); ++i) batch->views.push_back({batch->devices[i], seqs[i], batch->texts[i]});
    const double started = emscripten_get_now();
    return storage::append_bulk(
        batch->views, [id](std::size_t done, std::size_t total) { bm_js_storage_test_progress(id, int(done), int(total)); },
        [id, started, batch](bool ok, const std::string& detail) {
            if (ok) remember(batch->views, true);
            settle(id, ok, {{"ok", ok}, {"detail", detail}, {"ms", emscripten_get_now() - started}});
        });
}

}  // namespace

void on_loaded(std::span<const storage::RecordView> records, const storage::LoadReport& report) {
    remember(records, true);
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : report.problems) problems.push_back({{"where", p.where}, {"reason", p.reason}});
    log().report = {{"chunks", report.chunks},
                    {"loose", report.loose},
                    {"records", report.records},
                    {"duplicates", report.duplicates},
                    {"conflicts", report.conflicts},
                    {"quarantinedNow", report.quarantined_now},
                    {"quarantinedTotal", report.quarantined_total},
                    {"problems", problems},
                    {"readMs", report.read_ms},
                    {"decodeMs", report.decode_ms}};
}

void on_followed(std::span<const storage::RecordView> records) { remember(records, true); }

void install() {
    bm_js_storage_test_install();
}

}  // namespace bianmin::storage_test

using namespace bianmin;
using namespace bianmin::storage_test;

extern "C" {

// Appends text as this device's next event. Returns its seq, or -1 if refused.
EMSCRIPTEN_KEEPALIVE double bm_storage_test_append(int id, const char* text) {
    const std::string device = storage::device_id();
    const std::uint64_t seq = storage::next_seq();
    const bool ok = storage::append(device, seq, text, [id](std::string_view d, std::uint64_t s) {
        for (auto& e : log().entries)
            if (e.seq == s && log().devices[e.device] == d) e.durable = true;
        if (d == storage::device_id()) log().acked.push_back(s);
        settle(id, true, {{"device", std::string(d)}, {"seq", s}});
    });
    if (!ok) return -1;
    add(device, seq, text, false);
    return double(seq);
}

EMSCRIPTEN_KEEPALIVE int bm_storage_test_append_as(int id, const char* device, double seq, const char* text) {
    const bool ok = storage::append(device, std::uint64_t(seq), text, [id](std::string_view d, std::uint64_t s) {
        settle(id, true, {{"device", std::string(d)}, {"seq", s}});
    });
    if (ok) add(device, std::uint64_t(seq), text, false);
    return ok ? 1 : 0;
}

// records: [{device, seq, text}]. Returns 0 if refused (then the promise is not settled).
EMSCRIPTEN_KEEPALIVE int bm_storage_test_bulk(int id, const char* json) {
    auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_array()) return 0;
    std::vector<std::string> devices, texts;
    std::vector<std::uint64_t> seqs;
    for (const auto& r : j) {
        if (!r.is_object()) return 0;
        auto device = r.find("device"), seq = r.find("seq"), text = r.find("text");
        if (device == r.end() || !device->is_string() || seq == r.end() || !seq->is_number_unsigned() ||
            text == r.end() || !text->is_string())
            return 0;
        devices.push_back(device->get<std::string>());
        seqs.push_back(seq->get<std::uint64_t>());
        texts.push_back(text->get<std::string>());
    }
    return start_bulk(id, std::move(devices), std::move(seqs), std::move(texts)) ? 1 : 0;
}

// count records of about size bytes each: device, first_seq, first_seq + 1, ...
EMSCRIPTEN_KEEPALIVE int bm_storage_test_bulk_generated(int id, const char* device, double first_seq, int count,
                                                         int size, const char* tag) {
    std::vector<std::string> devices(std::size_t(std::max(count, 0)), device), texts;
    std::vector<std::uint64_t> seqs;
    for (int i = 0; i < count; ++i) {
        seqs.push_back(std::uint64_t(first_seq) + std::uint64_t(i));
        texts.push_back(generated_text(device, seqs.back(), size, tag));
    }
    return start_bulk(id, std::move(devices), std::move(seqs), std::move(texts)) ? 1 : 0;
}

// Every record this page knows, sorted by (device, seq): [{device, seq, text, durable}].
EMSCRIPTEN_KEEPALIVE const char* bm_storage_test_list_json() {
    const TestLog& l = log();
    std::vector<const Entry*> sorted;
    for (const auto& e : l.entries) sorted.push_back(&e);
    std::stable_sort(sorted.begin(), sorted.end(), [&l](const Entry* a, const Entry* b) {
        return a->device != b->device ? l.devices[a->device] < l.devices[b->device] : a->seq < b->seq;
    });
    nlohmann::json out = nlohmann::json::array();
    for (const Entry* e : sorted)
        out.push_back({{"device", l.devices[e->device]},
                       {"seq", e->seq},
                       {"text", l.arena.substr(e->offset, e->length)},
                       {"durable", e->durable}});
    return answer(out);
}

EMSCRIPTEN_KEEPALIVE const char* bm_storage_test_status_json() {
    const storage::Status& s = storage::status();
    const char* persistence[] = {"unknown", "granted", "denied"};
    nlohmann::json warnings = nlohmann::json::array();
    const double now = emscripten_date_now();
    auto zh = storage::warnings(i18n::Lang::Zh, now, 7), en = storage::warnings(i18n::Lang::En, now, 7);
    for (std::size_t i = 0; i < zh.size() && i < en.size(); ++i) warnings.push_back({{"zh", zh[i]}, {"en", en[i]}});
    return answer({{"code", storage::code_name(s.code)},
                   {"zh", storage::message(s.code, i18n::Lang::Zh)},
                   {"en", storage::message(s.code, i18n::Lang::En)},
                   {"detail", s.detail},
                   {"loaded", s.loaded},
                   {"writer", s.writer},
                   {"tabLock", s.tab_lock},
                   {"persistence", persistence[int(s.persistence)]},
                   {"usage", s.usage_bytes},
                   {"quota", s.quota_bytes},
                   {"pending", s.pending},
                   {"failed", s.failed},
                   {"quarantined", s.quarantined},
                   {"discarded", s.discarded_records},
                   {"device", s.device_id},
                   {"nextSeq", s.next_seq},
                   {"lastExport", s.last_export_ms},
                   {"unsyncedSince", s.unsynced_since_ms},
                   {"warnings", warnings}});
}

EMSCRIPTEN_KEEPALIVE const char* bm_storage_test_report_json() { return answer(log().report); }

EMSCRIPTEN_KEEPALIVE const char* bm_storage_test_acked_json() { return answer(log().acked); }

EMSCRIPTEN_KEEPALIVE const char* bm_storage_test_pending_json() {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : storage::pending_records()) out.push_back({{"device", p.device}, {"seq", p.seq}, {"text", p.bytes}});
    return answer(out);
}

EMSCRIPTEN_KEEPALIVE void bm_storage_test_compact(int id) {
    storage::compact([id](bool ok, const std::string& detail) { settle(id, ok, {{"ok", ok}, {"detail", detail}}); });
}

EMSCRIPTEN_KEEPALIVE void bm_storage_test_retry() { storage::retry_pending(); }

// The WebAssembly heap's size in bytes (it only grows): for the memory figure (B7).
EMSCRIPTEN_KEEPALIVE double bm_storage_test_heap_bytes() { return double(emscripten_get_heap_size()); }

EMSCRIPTEN_KEEPALIVE void bm_storage_test_set_last_export(double unix_ms) { storage::set_last_export_ms(unix_ms); }

}  // extern "C"
