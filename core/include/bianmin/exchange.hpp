// Exchange bundles — how devices and the office swap events as JSON files (issue 4).
//
// A bundle is a versioned envelope and a list of events (docs/EXCHANGE.md is the
// reference for people writing bundles by hand; docs/exchange.schema.json the schema):
//
//   {"format":"bianmin-bundle","version":1,
//    "estate_id":"jiazhou","source_device":"office-pc","created_at":1704186000000,
//    "kind":"delta","for_device":"tab-1","household":"",
//    "seen":{"office-pc":812,"tab-1":40},"event_count":2,
//    "digest":{"algorithm":"SHA-256","hex":"<64 lowercase hex digits>"},
//    "events":[
//    {...canonical event...},
//    {...}
//    ]}
//
// Canonical bytes and the digest: canonical_event_bytes(events) is canonical_events()
// of json.hpp over the events sorted in the total order (event.hpp) —
// "[" + canonical_event(e1) + "," + canonical_event(e2) + ... + "]", each event with
// sorted keys, no white space, UTF-8 not escaped, integers only. The digest is the
// SHA-256 of those bytes, lowercase hex. It is computed over the events as parsed, so
// white space, key order and event order in the file do not matter; content does.
//
// SHA-256 is not computed here: the core has no platform libraries and WebCrypto is
// asynchronous. Functions that need the digest take a Sha256Hex; the staged ones let
// the caller compute it between steps (read_bundle → canonical_event_bytes → hash →
// check_digest). Natively the command-line tool supplies OpenSSL's (core/cli/sha256.hpp).
//
// Export kinds (make_bundle):
//   office_full  everything the source holds;
//   delta        what `for_device` has not seen, from the version vector it last
//                reported (events with seq > seen[device]);
//   resident     one household's slice for its own phone: the public events (estate,
//                buildings, items, surveys, published price tables and their history,
//                public settings) and that household's own records — nothing of other
//                households, no staff records, no internal events (authorize.hpp
//                visibility()). The founder's name in estate_created is replaced by
//                kRedactedFounder; `seen` lists only devices whose events are included.
//                Exported from another office device than the founding one, it also
//                carries that device's registration (and those of the devices it was
//                registered on): a fresh phone must know the source to accept it.
// A resident device (DeviceKind::resident) exports only its own events, whatever kind
// is asked for: it may not speak for any other device.
//
// Import (exchange_import.hpp) validates the whole bundle, then applies it atomically.
// Every rejection is an Error with a stable "bundle.*" code (bundle_error_catalogue()).
//
// Index
// [SECTION] Types: kinds, header, bundle
// [SECTION] Canonical bytes, writing, reading
// [SECTION] Export and merge
// [SECTION] Error codes
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bianmin/enums.hpp"
#include "bianmin/errors.hpp"
#include "bianmin/event.hpp"
#include "bianmin/json.hpp"
#include "bianmin/projection.hpp"

namespace bianmin {

//-----------------------------------------------------------------------------
// [SECTION] Types: kinds, header, bundle
//-----------------------------------------------------------------------------

inline constexpr std::string_view kBundleFormat = "bianmin-bundle";
inline constexpr int kBundleVersion = 1;
inline constexpr std::string_view kDigestAlgorithm = "SHA-256";
// Bundles larger than this are refused before parsing (ImportOptions::max_bytes).
inline constexpr std::size_t kDefaultMaxBundleBytes = std::size_t(256) << 20;  // 256 MiB
// What a resident slice shows instead of the founding office manager's name.
inline constexpr std::string_view kRedactedFounder = "管理处";

enum class BundleKind : std::uint8_t { office_full, delta, resident };
template <>
struct EnumTable<BundleKind> {
    static constexpr EnumEntry<BundleKind> entries[] = {
        {BundleKind::office_full, "office_full", "办公室完整数据", "office full"},
        {BundleKind::delta, "delta", "增量数据", "delta"},
        {BundleKind::resident, "resident", "住户数据", "resident"},
    };
};

// Per device, the highest n such that events 1..n are held (Ledger::version_vector).
using VersionVector = std::map<std::string, std::uint64_t>;

struct BundleHeader {
    std::string estate_id;
    std::string source_device;     // the device that wrote the bundle
    std::int64_t created_at = 0;   // Unix epoch milliseconds, UTC
    BundleKind kind = BundleKind::office_full;
    std::string for_device;        // delta: the receiving device; "" otherwise
    std::string household;         // resident: the household; "" otherwise
    VersionVector seen;            // what the source has seen per device
    std::uint64_t event_count = 0;
    std::string digest_hex;        // SHA-256 of canonical_event_bytes(events), lowercase hex
    friend bool operator==(const BundleHeader&, const BundleHeader&) = default;
};

struct Bundle {
    BundleHeader header;
    std::vector<Event> events;  // in total order, ids unique
    friend bool operator==(const Bundle&, const Bundle&) = default;
};

// Returns the lowercase hex SHA-256 of the bytes (64 characters).
using Sha256Hex = std::function<std::string(std::string_view bytes)>;

//-----------------------------------------------------------------------------
// [SECTION] Canonical bytes, writing, reading
//-----------------------------------------------------------------------------

// The bytes the digest covers (see above). Any order in; sorted inside.
std::string canonical_event_bytes(std::span<const Event> events);

// The bundle file: envelope keys in a fixed order, then one canonical event per line.
// The same bundle gives the same bytes. The digest must be set (seal it first).
std::string write_bundle(const Bundle& bundle);
// Sets event_count and digest_hex from the events.
void seal_bundle(Bundle& bundle, const Sha256Hex& sha256);
// seal_bundle + write_bundle, serialising each event once (the exporters use it).
std::string seal_and_write(Bundle& bundle, const Sha256Hex& sha256);

struct ImportOptions {
    std::size_t max_bytes = kDefaultMaxBundleBytes;
    // The store's estate when it is known apart from its events (a device that keeps it
    // in its own metadata); "" = the estate_created event in the store, if any.
    std::string estate_id;
    // Clock plausibility: events stamped more than max_clock_ahead_ms after now_ms are
    // refused. nullopt skips that comparison (pure tests); the tool and the app pass now.
    std::optional<std::int64_t> now_ms;
    std::int64_t max_clock_ahead_ms = kMsPerDay;
};

// Stage 1 — parse and validate the whole file without a store. Refuses: too large,
// truncated (a valid start of JSON that ends early), not JSON (syntax: anything else
// that does not parse, binary bytes included), not a bundle, a future version, a bad or
// incomplete envelope, an unreadable event, a count that does not match, a repeated event id, an
// estate_created of another estate, an implausible clock. Never throws. The digest is
// NOT checked here.
Result<Bundle> read_bundle(std::string_view text, const ImportOptions& options = {});
// read_bundle a slice of events at a time (the browser draws frames between slices). The
// envelope is checked when it is built; `text` must outlive the reader.
//
//   BundleReader reader(text, options);
//   while (reader.read_some(2000)) draw_a_frame(reader.fraction());
//   Result<Bundle> bundle = reader.finish();
class BundleReader {
public:
    BundleReader(std::string_view text, const ImportOptions& options = {});
    ~BundleReader();
    BundleReader(const BundleReader&) = delete;
    BundleReader& operator=(const BundleReader&) = delete;
    // Reads up to `count` more events; true while there is more to read (false at once
    // when the envelope was refused).
    bool read_some(std::size_t count);
    double fraction() const;  // of the events' text read, 0..1
    // Once read_some returned false: the bundle or every reason it is refused.
    Result<Bundle> finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};
// The size check of read_bundle on its own, for a reader that knows a file's size before
// reading it (the browser does not read a file it would refuse): bundle.too_large or none.
std::optional<Error> check_bundle_size(std::uint64_t size, const ImportOptions& options = {});
// The checks each event type's command makes on the event's own fields, whatever the
// store holds: money within 0..kMaxFen and above zero where an amount is taken (payment,
// fee collected), the ids it creates or points at, required texts, numbers in their
// ranges. Every problem found, as a list; empty when the event has a shape its command
// gives. Codes "<event type>.<problem>" ("fee_collected.bad_amount"). plan_import and
// merge_bundles refuse an event with any (bundle.bad_event): the store could not undo
// it. (Not read_bundle: a file altered after sealing is a digest mismatch first.)
Errors event_shape_errors(const Event& event);
// Stage 2 — compare the digest in the envelope with the one computed over
// canonical_event_bytes(bundle.events). Error: bundle.digest_mismatch.
Errors check_digest(const Bundle& bundle, std::string_view computed_hex);
// Stages 1 and 2 together, for callers with a synchronous SHA-256.
Result<Bundle> open_bundle(std::string_view text, const Sha256Hex& sha256, const ImportOptions& options = {});

// JSON of the envelope's parts (used by read/write; public for tools and tests).
void to_json(Json& j, const BundleKind& v);
void from_json(const Json& j, BundleKind& v);
void to_json(Json& j, const BundleHeader& v);    // without format, version, events
void from_json(const Json& j, BundleHeader& v);  // exactly the header keys
// A version vector from JSON text: {"device": n, ...}. Errors: bundle.bad_seen.
Result<VersionVector> parse_version_vector(std::string_view json_text);

//-----------------------------------------------------------------------------
// [SECTION] Export and merge
//-----------------------------------------------------------------------------

struct ExportRequest {
    BundleKind kind = BundleKind::office_full;
    std::string source_device;  // required: a device registered in the store
    std::int64_t created_at = 0;
    std::string for_device;     // delta: required
    VersionVector device_seen;  // delta: what for_device last reported (empty = nothing)
    std::string household;      // resident: required, a household of the store
};
// The bundle (unsealed: digest empty) for a request over a store. Deterministic.
// Errors "export.*": no_estate, no_source, unknown_source, no_device, unknown_household.
Result<Bundle> make_bundle(const Ledger& store, const ExportRequest& request);
// make_bundle + seal_bundle + write_bundle.
Result<std::string> export_bundle(const Ledger& store, const ExportRequest& request, const Sha256Hex& sha256);

// The device of the store's estate_created event ("" when none): the office's first
// device, the natural source of the office's bundles.
std::string founding_device(const Ledger& store);

struct MergeRequest {
    std::string source_device;  // "" = the first input's source
    std::int64_t created_at = 0;
};
// Many (already opened) bundles of one estate into one office_full bundle (unsealed)
// holding the union of their events. Each input passes the import checks against the
// union (permissions, ids, clocks). Errors: merge.nothing, bundle.other_estate, and the
// import checks' codes.
Result<Bundle> merge_bundles(std::span<const Bundle> bundles, const MergeRequest& request);

//-----------------------------------------------------------------------------
// [SECTION] Error codes
//-----------------------------------------------------------------------------

struct BundleErrorInfo {
    std::string_view code;  // "bundle.truncated"
    std::string_view zh;    // what the person reads
    std::string_view en;
};
// Every code the exchange can return, with its general message (docs/EXCHANGE.md has
// the same table). bundle_error() appends the specific detail to these messages.
std::span<const BundleErrorInfo> bundle_error_catalogue();
Error bundle_error(std::string_view code, std::string field, const std::string& detail_zh = "",
                   const std::string& detail_en = "");

}  // namespace bianmin
