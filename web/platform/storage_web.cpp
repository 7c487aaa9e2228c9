// Storage, C++ half: pending events, retries, decoding what JavaScript read, the status.
// The IndexedDB work is in library_storage.js; the two talk through the bm_js_storage_*
// imports below and the bm_storage_on_* exports at the end of this file.
//
// [SECTION] State
// [SECTION] Status
// [SECTION] Writing
// [SECTION] Loading and following
// [SECTION] Public API
// [SECTION] Calls from JavaScript
#include <emscripten.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "platform/storage.h"
#include "platform/frame_pacing.h"
#include "platform/storage_codec.h"
#include "platform/storage_keys.h"

// Implemented in web/platform/library_storage.js.
extern "C" {
void bm_js_storage_open();
void bm_js_storage_append(int ticket, const char* device, double seq, const std::uint8_t* bytes, int length);
void bm_js_storage_bulk(int op, const std::uint8_t* buffer, int length, const char* device, double own_next_seq);
void bm_js_storage_compact(int op);
void bm_js_storage_set_last_export(double unix_ms);
void bm_js_storage_quarantine(int source_id, const char* reason);
}

namespace bianmin::storage {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------

// Records in a chunk: large enough that 200,000 events are ~50 IndexedDB values (one
// getAll reads them in ~0.1 s), small enough that writing one chunk (~0.8 MB) holds the
// log store for only tens of milliseconds. The byte cap keeps chunks of big events sane.
constexpr std::size_t kChunkRecords = 4096;
constexpr std::size_t kChunkBytes = 4u << 20;
constexpr std::size_t kMaxProblems = 100;
constexpr int kFirstRetryMs = 1000;
constexpr int kLastRetryMs = 30000;

struct Pending {
    std::string device;
    std::uint64_t seq = 0;
    std::string bytes;
    DurableCallback on_durable;
    bool in_flight = false;
    bool failed = false;
};

// Keys of a bulk write, compact: index into a device list + seq.
struct BulkOp {
    ProgressCallback on_progress;
    DoneCallback on_done;
    std::vector<std::string> devices;
    std::vector<std::pair<std::uint32_t, std::uint64_t>> keys;
};

struct StoreState {
    Status status;
    bool open_called = false;
    // Database state as JavaScript reports it: ok, or one of the codes that stop writing.
    Code database = Code::opening;
    std::string database_detail;
    Code write_error = Code::ok;
    std::string write_detail;
    OpenCallback on_loaded;
    FollowCallback on_followed;
    StatusCallback on_status;
    std::map<int, Pending> pending;  // by ticket; tickets rise in append order
    int next_ticket = 1;
    int next_op = 1;
    std::map<int, BulkOp> bulk_ops;
    std::map<int, DoneCallback> compact_ops;
    KnownKeys known;
    int retry_delay_ms = kFirstRetryMs;
    bool retry_scheduled = false;
};

StoreState& store_state() {
    static StoreState s;
    return s;
}

//-------------------------------------------------------------------------------------
// [SECTION] Status
//-------------------------------------------------------------------------------------

bool stops_writing(Code code) {
    return code == Code::blocked || code == Code::unavailable || code == Code::newer_version ||
           code == Code::version_change || code == Code::closed;
}

void refresh_status() {
    StoreState& s = store_state();
    Status& st = s.status;
    st.pending = s.pending.size();
    st.failed = std::size_t(std::count_if(s.pending.begin(), s.pending.end(),
                                          [](const auto& p) { return p.second.failed; }));
    if (stops_writing(s.database)) {
        st.code = s.database;
        st.detail = s.database_detail;
    } else if (!st.loaded) {
        st.code = Code::opening;
        st.detail.clear();
    } else if (!st.writer) {
        st.code = Code::read_only_other_tab;
        st.detail.clear();
    } else if (s.write_error != Code::ok && st.failed > 0) {
        st.code = s.write_error;
        st.detail = s.write_detail;
    } else {
        st.code = Code::ok;
        st.detail.clear();
    }
    if (s.on_status) s.on_status(st);
}

bool can_write() {
    const StoreState& s = store_state();
    return s.status.loaded && s.status.writer && !stops_writing(s.database);
}

Code code_for_error(const std::string& name) {
    if (name == "QuotaExceededError") return Code::quota_exceeded;
    return Code::write_failed;
}

void note_own_seq(std::string_view device, std::uint64_t seq) {
    Status& st = store_state().status;
    if (device == st.device_id && seq + 1 > st.next_seq) st.next_seq = seq + 1;
}

//-------------------------------------------------------------------------------------
// [SECTION] Writing
//-------------------------------------------------------------------------------------

void send(int ticket, Pending& p) {
    p.in_flight = true;
    bm_js_storage_append(ticket, p.device.c_str(), double(p.seq),
                         reinterpret_cast<const std::uint8_t*>(p.bytes.data()), int(p.bytes.size()));
}

void retry_tick(void*) {
    store_state().retry_scheduled = false;
    retry_pending();
}

// Failed writes are tried again later, waiting twice as long each time (up to 30 s):
// a full disk or a busy browser is not helped by hammering it.
void schedule_retry() {
    StoreState& s = store_state();
    if (s.retry_scheduled || stops_writing(s.database)) return;
    s.retry_scheduled = true;
    emscripten_async_call(retry_tick, nullptr, s.retry_delay_ms);
    s.retry_delay_ms = std::min(s.retry_delay_ms * 2, kLastRetryMs);
}

//-------------------------------------------------------------------------------------
// [SECTION] Loading and following
//-------------------------------------------------------------------------------------

struct Decoded {
    std::vector<RecordView> records;  // sorted by (device, seq), one per key
    std::size_t duplicates = 0;
    std::size_t conflicts = 0;
    std::vector<Problem> problems;
};

void add_problem(std::vector<Problem>& problems, std::string where, std::string reason) {
    if (problems.size() < kMaxProblems) problems.push_back({std::move(where), std::move(reason)});
}

// Decodes every source of a load buffer, then sorts and de-duplicates by key. Sources
// come chunks first, loose records last, and the sort is stable: when a key appears
// twice with different bytes the chunk's copy wins (it was checksummed).
Decoded decode(std::span<const std::uint8_t> buffer, bool quarantine_bad) {
    Decoded out;
    std::vector<codec::Source> sources;
    std::string fault = codec::split_sources(buffer, sources);
    if (!fault.empty()) add_problem(out.problems, "load buffer", fault);
    std::vector<RecordView> all;
    for (const codec::Source& source : sources) {
        std::string reason = codec::decode_segment(source.bytes, all);
        if (reason.empty()) continue;
        const std::string where = source.id ? "chunk " + std::to_string(source.id) : "loose records";
        add_problem(out.problems, where, reason);
        if (source.id && quarantine_bad) bm_js_storage_quarantine(int(source.id), reason.c_str());
    }
    // Sort by device rank then seq. Devices are few: rank them once, and compare
    // integers instead of 36-character ids 3.5 million times.
    std::vector<std::string_view> names;
    for (const RecordView& r : all) {
        if (names.empty() || names.back() != r.device) names.push_back(r.device);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    struct Key {
        std::uint32_t rank;
        std::uint32_t index;
        std::uint64_t seq;
    };
    std::vector<Key> keys(all.size());
    std::string_view last_name;
    std::uint32_t last_rank = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i == 0 || all[i].device.data() != last_name.data() || all[i].device != last_name) {
            last_name = all[i].device;
            last_rank = std::uint32_t(std::lower_bound(names.begin(), names.end(), last_name) - names.begin());
        }
        keys[i] = Key{last_rank, std::uint32_t(i), all[i].seq};
    }
    auto before = [](const Key& a, const Key& b) { return a.rank != b.rank ? a.rank < b.rank : a.seq < b.seq; };
    // Chunks hold records in key order and are mostly written in key order too: a
    // sorted load (the usual case) skips the sort.
    if (!std::is_sorted(keys.begin(), keys.end(), before)) std::stable_sort(keys.begin(), keys.end(), before);
    out.records.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const RecordView& r = all[keys[i].index];
        if (i > 0 && keys[i].rank == keys[i - 1].rank && keys[i].seq == keys[i - 1].seq) {
            if (r.bytes == out.records.back().bytes) {
                ++out.duplicates;
            } else {
                ++out.conflicts;
                add_problem(out.problems, std::string(r.device) + "#" + std::to_string(r.seq),
                            "stored twice with different content; the chunk's copy is kept");
            }
            continue;
        }
        out.records.push_back(r);
    }
    return out;
}

std::string text_field(const nlohmann::json& j, const char* name) {
    auto it = j.find(name);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double number_field(const nlohmann::json& j, const char* name, double fallback) {
    auto it = j.find(name);
    return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

// JavaScript reports what it knows about the database as a small JSON object; any
// field may be missing. Applied before loading results and on every change.
void apply_status_fields(const nlohmann::json& j) {
    StoreState& s = store_state();
    Status& st = s.status;
    if (auto db = text_field(j, "database"); !db.empty()) {
        static const std::pair<const char*, Code> kStates[] = {
            {"ok", Code::ok}, {"opening", Code::opening}, {"blocked", Code::blocked},
            {"unavailable", Code::unavailable}, {"newer_version", Code::newer_version},
            {"version_change", Code::version_change}, {"closed", Code::closed}};
        for (const auto& [name, code] : kStates)
            if (db == name) s.database = code;
        s.database_detail = text_field(j, "detail");
    }
    if (auto role = text_field(j, "role"); !role.empty()) st.writer = role == "writer";
    if (j.contains("tabLock") && j["tabLock"].is_boolean()) st.tab_lock = j["tabLock"].get<bool>();
    if (j.contains("persisted")) {
        const auto& p = j["persisted"];
        st.persistence = p.is_boolean() ? (p.get<bool>() ? Persistence::granted : Persistence::denied)
                                        : Persistence::unknown;
    }
    st.usage_bytes = number_field(j, "usage", st.usage_bytes);
    st.quota_bytes = number_field(j, "quota", st.quota_bytes);
    st.quarantined = std::size_t(number_field(j, "quarantined", double(st.quarantined)));
    st.discarded_records = std::size_t(number_field(j, "discardedRecords", double(st.discarded_records)));
    st.last_export_ms = number_field(j, "lastExport", st.last_export_ms);
    st.unsynced_since_ms = number_field(j, "unsyncedSince", st.unsynced_since_ms);
    if (auto device = text_field(j, "device"); !device.empty()) st.device_id = device;
    const double next = number_field(j, "nextSeq", 0);
    if (next >= 1 && next <= double(kMaxSeq) && std::uint64_t(next) > st.next_seq) st.next_seq = std::uint64_t(next);
}

nlohmann::json parse_json(const char* text) {
    auto j = nlohmann::json::parse(text ? text : "{}", nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Public API
//-------------------------------------------------------------------------------------

void open(OpenCallback on_loaded) {
    StoreState& s = store_state();
    if (s.open_called) return;
    s.open_called = true;
    s.on_loaded = std::move(on_loaded);
    bm_js_storage_open();
}

bool loaded() { return store_state().status.loaded; }

bool append(std::string_view device, std::uint64_t seq, std::string_view bytes, DurableCallback on_durable) {
    StoreState& s = store_state();
    if (!can_write() || device.empty() || device.size() > codec::kMaxDeviceBytes || seq > kMaxSeq) return false;
    if (device == s.status.device_id && seq < s.status.next_seq) return false;
    note_own_seq(device, seq);
    const int ticket = s.next_ticket++;
    Pending& p = s.pending[ticket];
    p.device = device;
    p.seq = seq;
    p.bytes = bytes;
    p.on_durable = std::move(on_durable);
    send(ticket, p);
    refresh_status();
    return true;
}

bool append_bulk(std::span<const RecordView> records, ProgressCallback on_progress, DoneCallback on_done) {
    StoreState& s = store_state();
    if (!can_write()) return false;
    const int op = s.next_op++;
    BulkOp& bulk = s.bulk_ops[op];
    bulk.on_progress = std::move(on_progress);
    bulk.on_done = std::move(on_done);
    bulk.keys.reserve(records.size());
    std::uint64_t own_next = 0;
    // The buffer JavaScript receives: { u32 length, segment } per chunk.
    std::string buffer;
    std::size_t first = 0;
    while (first < records.size()) {
        std::size_t last = first, bytes = 0;
        while (last < records.size() && last - first < kChunkRecords && (last == first || bytes < kChunkBytes)) {
            bytes += records[last].bytes.size();
            ++last;
        }
        const std::size_t at = buffer.size();
        buffer.append(4, '\0');
        codec::encode_segment(records.subspan(first, last - first), buffer);
        const std::uint32_t length = std::uint32_t(buffer.size() - at - 4);
        for (int i = 0; i < 4; ++i) buffer[at + i] = char((length >> (8 * i)) & 0xFF);
        first = last;
    }
    for (const RecordView& r : records) {
        std::uint32_t d = 0;
        while (d < bulk.devices.size() && bulk.devices[d] != r.device) ++d;
        if (d == bulk.devices.size()) bulk.devices.emplace_back(r.device);
        bulk.keys.emplace_back(d, r.seq);
        if (r.device == s.status.device_id) own_next = std::max(own_next, r.seq + 1);
    }
    bm_js_storage_bulk(op, reinterpret_cast<const std::uint8_t*>(buffer.data()), int(buffer.size()),
                       s.status.device_id.c_str(), double(own_next));
    return true;
}

void compact(DoneCallback on_done) {
    StoreState& s = store_state();
    if (!can_write()) {
        if (on_done) on_done(true, "not the writer tab: nothing to do");
        return;
    }
    const int op = s.next_op++;
    s.compact_ops[op] = std::move(on_done);
    bm_js_storage_compact(op);
}

void retry_pending() {
    StoreState& s = store_state();
    if (!can_write()) return;
    for (auto& [ticket, p] : s.pending)
        if (!p.in_flight) send(ticket, p);
}

std::size_t pending() { return store_state().pending.size(); }

std::vector<PendingRecord> pending_records() {
    std::vector<PendingRecord> out;
    for (const auto& [ticket, p] : store_state().pending) out.push_back({p.device, p.seq, p.bytes});
    return out;
}

const Status& status() { return store_state().status; }
const std::string& device_id() { return store_state().status.device_id; }
std::uint64_t next_seq() { return store_state().status.next_seq; }
double last_export_ms() { return store_state().status.last_export_ms; }

void set_last_export_ms(double unix_ms) {
    Status& st = store_state().status;
    st.last_export_ms = unix_ms;
    st.unsynced_since_ms = 0;
    bm_js_storage_set_last_export(unix_ms);
    refresh_status();
}

void set_on_followed(FollowCallback callback) { store_state().on_followed = std::move(callback); }
void set_on_status(StatusCallback callback) { store_state().on_status = std::move(callback); }

}  // namespace bianmin::storage

//-------------------------------------------------------------------------------------
// [SECTION] Calls from JavaScript
//-------------------------------------------------------------------------------------

using namespace bianmin::storage;

extern "C" {

// Everything stored, read in one IndexedDB transaction: a load buffer (see
// storage_codec.h) and a JSON report of what JavaScript found (bad chunks, meta).
EMSCRIPTEN_KEEPALIVE void bm_storage_on_loaded(const std::uint8_t* buffer, int length, const char* report_json) {
    bianmin::platform::pacing::wake();
    StoreState& s = store_state();
    const double started = emscripten_get_now();
    const nlohmann::json j = parse_json(report_json);
    apply_status_fields(j);
    LoadReport report;
    report.chunks = std::size_t(number_field(j, "chunks", 0));
    report.loose = std::size_t(number_field(j, "loose", 0));
    report.quarantined_now = std::size_t(number_field(j, "quarantinedNow", 0));
    report.quarantined_total = s.status.quarantined;
    report.read_ms = number_field(j, "readMs", 0);
    if (j.contains("problems") && j["problems"].is_array()) {
        for (const auto& p : j["problems"])
            if (p.is_object()) add_problem(report.problems, text_field(p, "where"), text_field(p, "reason"));
    }
    Decoded d = decode(std::span(buffer, buffer ? std::size_t(length) : 0), s.status.writer);
    report.duplicates = d.duplicates;
    report.conflicts = d.conflicts;
    for (auto& p : d.problems) add_problem(report.problems, std::move(p.where), std::move(p.reason));
    for (const RecordView& r : d.records) {
        s.known.insert(r.device, r.seq);
        note_own_seq(r.device, r.seq);
    }
    report.records = d.records.size();
    report.decode_ms = emscripten_get_now() - started;
    s.status.loaded = true;
    refresh_status();
    OpenCallback callback = std::move(s.on_loaded);
    s.on_loaded = nullptr;
    if (callback) callback(d.records, report);
}

// Records another tab wrote, or everything stored when this tab became the writer:
// only keys not seen before go on.
EMSCRIPTEN_KEEPALIVE void bm_storage_on_followed(const std::uint8_t* buffer, int length, const char* info_json) {
    bianmin::platform::pacing::wake();
    StoreState& s = store_state();
    apply_status_fields(parse_json(info_json));
    Decoded d = decode(std::span(buffer, buffer ? std::size_t(length) : 0), s.status.writer);
    std::vector<RecordView> fresh;
    for (const RecordView& r : d.records) {
        if (!s.known.insert(r.device, r.seq)) continue;
        note_own_seq(r.device, r.seq);
        fresh.push_back(r);
    }
    refresh_status();
    if (!fresh.empty() && s.on_followed) s.on_followed(fresh);
}

EMSCRIPTEN_KEEPALIVE void bm_storage_on_status(const char* json) {
    bianmin::platform::pacing::wake();
    apply_status_fields(parse_json(json));
    refresh_status();
    // A tab that just became the writer may hold nothing pending, but a writer that got
    // its database back (never, today) would: try again whenever writing is possible.
    if (can_write() && store_state().status.failed > 0) retry_pending();
}

EMSCRIPTEN_KEEPALIVE void bm_storage_on_append_done(int ticket, int ok, const char* error_name, const char* message) {
    bianmin::platform::pacing::wake();
    StoreState& s = store_state();
    auto it = s.pending.find(ticket);
    if (it == s.pending.end()) return;
    Pending& p = it->second;
    p.in_flight = false;
    if (ok) {
        s.known.insert(p.device, p.seq);
        DurableCallback callback = std::move(p.on_durable);
        const std::string device = std::move(p.device);
        const std::uint64_t seq = p.seq;
        s.pending.erase(it);
        if (std::none_of(s.pending.begin(), s.pending.end(), [](const auto& q) { return q.second.failed; })) {
            s.write_error = Code::ok;
            s.write_detail.clear();
            s.retry_delay_ms = kFirstRetryMs;
        }
        refresh_status();
        if (callback) callback(device, seq);
        return;
    }
    const std::string name = error_name ? error_name : "Error";
    p.failed = true;
    s.write_error = code_for_error(name);
    s.write_detail = name + ": " + (message ? message : "");
    refresh_status();
    schedule_retry();
}

EMSCRIPTEN_KEEPALIVE void bm_storage_on_bulk_progress(int op, int done, int total) {
    bianmin::platform::pacing::wake();
    auto it = store_state().bulk_ops.find(op);
    if (it != store_state().bulk_ops.end() && it->second.on_progress) it->second.on_progress(std::size_t(done), std::size_t(total));
}

EMSCRIPTEN_KEEPALIVE void bm_storage_on_bulk_done(int op, int ok, const char* error_name, const char* message) {
    bianmin::platform::pacing::wake();
    StoreState& s = store_state();
    auto it = s.bulk_ops.find(op);
    if (it == s.bulk_ops.end()) return;
    BulkOp bulk = std::move(it->second);
    s.bulk_ops.erase(it);
    std::string detail;
    if (ok) {
        for (const auto& [device, seq] : bulk.keys) {
            s.known.insert(bulk.devices[device], seq);
            note_own_seq(bulk.devices[device], seq);
        }
    } else {
        detail = std::string(error_name ? error_name : "Error") + ": " + (message ? message : "");
    }
    refresh_status();
    if (bulk.on_done) bulk.on_done(ok != 0, detail);
}

EMSCRIPTEN_KEEPALIVE void bm_storage_on_compact_done(int op, int ok, int records, const char* error_name,
                                                     const char* message) {
    bianmin::platform::pacing::wake();
    StoreState& s = store_state();
    auto it = s.compact_ops.find(op);
    if (it == s.compact_ops.end()) return;  // op 0: started by JavaScript itself
    DoneCallback callback = std::move(it->second);
    s.compact_ops.erase(it);
    const std::string detail = ok ? std::to_string(records) + " records merged"
                                  : std::string(error_name ? error_name : "Error") + ": " + (message ? message : "");
    if (callback) callback(ok != 0, detail);
}

}  // extern "C"
