// Storage — the device's durable copy of the event log, in the browser's IndexedDB.
//
// The store is content-agnostic: it keeps records {device, seq, bytes} keyed by
// (device, seq) and gives them back. The core serialises each event to bytes (compact
// UTF-8 JSON); the store never looks inside. How the records sit in IndexedDB (loose
// records, checksummed chunks, quarantine, meta) is described in docs/STORAGE.md; the
// JavaScript half is web/platform/library_storage*.js.
//
// Life of a page:
//   1. open(on_loaded) once at start. The records stored on this device come back in ONE
//      call of on_loaded, sorted by (device, seq), each key once, with a LoadReport that
//      lists damaged records found and set aside (never silently dropped). Until then
//      loaded() is false and append() refuses; window.bianmin.ready waits for loaded().
//   2. append(device, seq, bytes, on_durable) for each committed event: one IndexedDB
//      transaction each. on_durable runs when the transaction completed (the event is
//      on disk); until then the event counts in pending(). A failed write keeps the event
//      pending in memory, sets status() to a readable error and is retried; the person can
//      still export pending_records().
//   3. append_bulk(records, ...) for an import: all records in one transaction (all or
//      nothing), written as checksummed chunks.
//
// Only one tab of the app may write (a Web Lock, see docs/STORAGE.md). Other tabs open
// read-only: append() refuses there, status().writer is false, and the writer's new
// records arrive through set_on_followed(). If the writer tab closes, a read-only tab
// becomes the writer (status change) after catching up on everything stored.
//
// Callbacks run on the browser's main thread between frames, never re-entrantly inside
// an append() call. Record views passed to callbacks are valid only during the call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.h"

namespace bianmin::storage {

// seq must be below 2^53: JavaScript numbers carry it exactly up to there.
inline constexpr std::uint64_t kMaxSeq = (std::uint64_t(1) << 53) - 1;

struct RecordView {
    std::string_view device;
    std::uint64_t seq = 0;
    std::string_view bytes;
};

// A record the store holds in memory because it is not yet durable (for export).
struct PendingRecord {
    std::string device;
    std::uint64_t seq = 0;
    std::string bytes;
};

// Something wrong found while loading: where ("chunk 12", "loose dev#7"), and why.
struct Problem {
    std::string where;
    std::string reason;
};

struct LoadReport {
    std::size_t chunks = 0;             // chunk records read (good ones)
    std::size_t loose = 0;              // loose records read (good ones)
    std::size_t records = 0;            // records handed to on_loaded (distinct keys)
    std::size_t duplicates = 0;         // same key stored twice with the same bytes (harmless)
    std::size_t conflicts = 0;          // same key, different bytes: the chunk's copy is kept
    std::size_t quarantined_now = 0;    // damaged records set aside by this load
    std::size_t quarantined_total = 0;  // everything in the quarantine store now
    std::vector<Problem> problems;      // one per damaged record or conflict (capped at 100)
    double read_ms = 0;                 // IndexedDB read + checksum checks (JavaScript)
    double decode_ms = 0;               // decoding, sorting, de-duplicating (C++)
};

// What the store is doing; the first matching row of this list is the status code.
enum class Code {
    ok,
    opening,              // not loaded yet
    blocked,              // an old tab keeps the database from opening: close it
    unavailable,          // no IndexedDB here (some private modes) or it failed to open
    newer_version,        // the data was written by a newer app version: reload
    version_change,       // another tab upgraded or deleted the database: reload
    closed,               // the browser closed the database (site data cleared?): reload
    read_only_other_tab,  // another tab is the writer
    quota_exceeded,       // a write failed for lack of space; events kept pending
    write_failed,         // a write failed otherwise (AbortError, UnknownError...); retrying
};

enum class Persistence { unknown, granted, denied };

struct Status {
    Code code = Code::opening;
    std::string detail;          // the browser's own words for the last error (not translated)
    bool loaded = false;
    bool writer = false;         // this tab may write
    bool tab_lock = true;        // false: no Web Locks here (insecure context), see docs
    Persistence persistence = Persistence::unknown;
    double usage_bytes = -1;     // navigator.storage.estimate(); -1 when unknown
    double quota_bytes = -1;
    std::size_t pending = 0;     // handed to storage, not yet durable
    std::size_t failed = 0;      // of those, how many failed at least once
    std::size_t quarantined = 0; // records in the quarantine store
    std::string device_id;
    std::uint64_t next_seq = 1;  // lowest own seq never stored nor handed to append()
    double last_export_ms = 0;   // Unix ms of the last export to the office; 0 = never
    double unsynced_since_ms = 0;  // first own record stored after the last export; 0 = none
    // Records of this profile's former device that the browser threw away (it deletes a
    // database it finds damaged): at least this many; 0 = none, or imported since.
    std::size_t discarded_records = 0;
};

// The person-facing sentence for a code in a language (Chinese and English). Codes
// ok and opening have short texts too, so a status line can always show something.
std::string message(Code code, i18n::Lang lang);
const char* code_name(Code code);  // "quota_exceeded": stable, for tests and logs

// Warnings that do not stop work, in the order a banner shows them (lang decides text).
// unsynced_days: warn once this device's oldest change not yet exported is that old
// (best-effort storage can be evicted, so the office copy matters).
std::vector<std::string> warnings(i18n::Lang lang, double now_ms, int unsynced_days);

using OpenCallback = std::function<void(std::span<const RecordView> records, const LoadReport& report)>;
using FollowCallback = std::function<void(std::span<const RecordView> records)>;
using StatusCallback = std::function<void(const Status& status)>;
using DurableCallback = std::function<void(std::string_view device, std::uint64_t seq)>;
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;
using DoneCallback = std::function<void(bool ok, const std::string& detail)>;

// Starts opening the database: persistence request, tab role, read of every record.
// Call once. on_loaded runs once, even when the database cannot be opened (then with no
// records and status().code telling why, so the app starts read-only).
void open(OpenCallback on_loaded);
bool loaded();

// Hands one committed event to storage. Returns false, storing nothing, when this tab
// may not write (not loaded, read-only tab, database closed) or when (device, seq) is
// this device's and seq < next_seq() (a sequence number must never be reused).
// Otherwise the event is pending until on_durable runs (possibly after retries).
bool append(std::string_view device, std::uint64_t seq, std::string_view bytes,
            DurableCallback on_durable = {});

// Writes many records (an imported bundle) in one transaction, as chunks. Keys already
// stored are harmless (de-duplicated on load). on_progress: chunk writes confirmed so far;
// on_done(ok, detail) when the transaction completed or failed (then nothing was written).
// Returns false (and calls nothing) when this tab may not write.
bool append_bulk(std::span<const RecordView> records, ProgressCallback on_progress, DoneCallback on_done);

// Merges loose records into one chunk now (it also happens by itself once enough loose
// records gather). on_done(ok, detail); ok with nothing to do when not the writer.
void compact(DoneCallback on_done = {});

// Tries the failed writes again now (they are also retried on a timer, backing off).
void retry_pending();

std::size_t pending();
std::vector<PendingRecord> pending_records();

const Status& status();
const std::string& device_id();
std::uint64_t next_seq();

// Last export to the office, Unix ms (stored in the meta store; survives reloads).
// Setting it also clears unsynced_since_ms: everything stored so far went to the office.
double last_export_ms();
void set_last_export_ms(double unix_ms);

// New records another tab wrote (this tab read-only) or found when this tab became the
// writer. Only keys this page has not seen are passed.
void set_on_followed(FollowCallback callback);
// Any change of status() (role, errors, persistence, quota figures).
void set_on_status(StatusCallback callback);

// The store's digest (for the "store unchanged" checks of tests) is computed over
// IndexedDB itself by window.bianmin.storage.digest() in test mode: see docs/STORAGE.md.

}  // namespace bianmin::storage
