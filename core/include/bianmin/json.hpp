// JSON — every event and record type to and from nlohmann::json, and the events file.
//
// Conventions (docs/DOMAIN.md "JSON"):
//  - to_json/from_json for each type, in namespace bianmin, declared here together (not
//    in payloads.hpp: nlohmann/json stays out of the files that only use the types);
//    keys are the C++ member names; every key is always written; reading requires
//    every key (`at()`), refuses unknown keys, nulls, wrong types, fractional numbers;
//  - enums are written as their string ids (enums.hpp); unknown ids are errors;
//  - money is an integer of fen within ±kMaxFen; dates "YYYY-MM-DD", months "YYYY-MM";
//  - an event is {"actor":{"person","role"},"data":{payload},"hlc":{"wall_ms",
//    "counter"},"id":{"device","seq"},"type":"<event type>"}.
//
// The from_json functions throw (nlohmann's exceptions or bianmin::JsonError); the
// entry points below catch everything and return Errors — bad JSON never escapes as an
// exception and never aborts (also in WebAssembly, built with -fwasm-exceptions).
//
// Canonical form: canonical_event()/canonical_events() — keys sorted, no whitespace,
// UTF-8 (not \u-escaped), integers only. The sync digest is SHA-256 of
// canonical_events() of a bundle's events.
//
// Events file: {"format":"bianmin-events","version":1,"events":[...]}. The reader
// does not build a document for the whole file: it skims the envelope and parses one
// event at a time (read_events_array is reusable for other envelopes).
#pragma once

#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bianmin/errors.hpp"
#include "bianmin/event.hpp"
#include "bianmin/money.hpp"
#include "bianmin/state.hpp"
#include "bianmin/time.hpp"

namespace bianmin {

using Json = nlohmann::json;

inline constexpr std::string_view kEventsFormat = "bianmin-events";
inline constexpr int kEventsVersion = 1;

// A value that is well-formed JSON but not a valid Bianmin value.
struct JsonError : std::runtime_error {
    JsonError(std::string code, std::string message) : std::runtime_error(message), code(std::move(code)) {}
    std::string code;  // "json.bad_value", "json.unknown_key", "json.unknown_event_type", ...
};

// ---- Value types -----------------------------------------------------------------
void to_json(Json& j, const Fen& v);
void from_json(const Json& j, Fen& v);
void to_json(Json& j, const LocalDate& v);
void from_json(const Json& j, LocalDate& v);
void to_json(Json& j, const YearMonth& v);
void from_json(const Json& j, YearMonth& v);
void to_json(Json& j, const EventId& v);
void from_json(const Json& j, EventId& v);
void to_json(Json& j, const Hlc& v);
void from_json(const Json& j, Hlc& v);
void to_json(Json& j, const Actor& v);
void from_json(const Json& j, Actor& v);
void to_json(Json& j, const FieldValue& v);
void from_json(const Json& j, FieldValue& v);
void to_json(Json& j, const Signature& v);
void from_json(const Json& j, Signature& v);

// ---- Enums (string ids) ------------------------------------------------------------
#define BIANMIN_JSON_ENUM(E)         \
    void to_json(Json& j, const E& v); \
    void from_json(const Json& j, E& v);
BIANMIN_JSON_ENUM(Role)
BIANMIN_JSON_ENUM(DeviceKind)
BIANMIN_JSON_ENUM(Tenure)
BIANMIN_JSON_ENUM(RecordKind)
BIANMIN_JSON_ENUM(Billing)
BIANMIN_JSON_ENUM(RegisterKind)
BIANMIN_JSON_ENUM(PublishChannel)
BIANMIN_JSON_ENUM(PriceTableStatus)
BIANMIN_JSON_ENUM(MeasureKind)
BIANMIN_JSON_ENUM(ItemStatus)
BIANMIN_JSON_ENUM(EntrustmentKind)
BIANMIN_JSON_ENUM(RequestChannel)
BIANMIN_JSON_ENUM(PaymentKind)
BIANMIN_JSON_ENUM(PaymentMethod)
BIANMIN_JSON_ENUM(StopReason)
BIANMIN_JSON_ENUM(ProblemLevel)
BIANMIN_JSON_ENUM(ComplaintSource)
BIANMIN_JSON_ENUM(ComplaintStatus)
BIANMIN_JSON_ENUM(QualityRating)
BIANMIN_JSON_ENUM(MoneyEntryKind)
BIANMIN_JSON_ENUM(LeaveKind)
BIANMIN_JSON_ENUM(ViolationSource)
BIANMIN_JSON_ENUM(AnnualRating)
BIANMIN_JSON_ENUM(LeaveStatus)
#undef BIANMIN_JSON_ENUM

// ---- Payloads (one pair per event type, and their parts) -------------------------
#define BIANMIN_JSON_TYPE(T)         \
    void to_json(Json& j, const T& v); \
    void from_json(const Json& j, T& v);
BIANMIN_JSON_TYPE(EstateCreated)
BIANMIN_JSON_TYPE(StaffRegistered)
BIANMIN_JSON_TYPE(StaffDeactivated)
BIANMIN_JSON_TYPE(DeviceRegistered)
BIANMIN_JSON_TYPE(DeviceRevoked)
BIANMIN_JSON_TYPE(BuildingAdded)
BIANMIN_JSON_TYPE(HouseholdRegistered)
BIANMIN_JSON_TYPE(ResidentRegistered)
BIANMIN_JSON_TYPE(FieldEdited)
BIANMIN_JSON_TYPE(ConflictResolved)
BIANMIN_JSON_TYPE(ItemDefined)
BIANMIN_JSON_TYPE(SurveyOpened)
BIANMIN_JSON_TYPE(SurveyAnswer)
BIANMIN_JSON_TYPE(SurveyAnswered)
BIANMIN_JSON_TYPE(SurveyClosed)
BIANMIN_JSON_TYPE(PriceRow)
BIANMIN_JSON_TYPE(PriceTableDrafted)
BIANMIN_JSON_TYPE(PriceTableRevised)
BIANMIN_JSON_TYPE(PriceTableSubmitted)
BIANMIN_JSON_TYPE(PriceTableApproved)
BIANMIN_JSON_TYPE(PriceTableRejected)
BIANMIN_JSON_TYPE(PriceTablePublished)
BIANMIN_JSON_TYPE(BelowBreakEvenReported)
BIANMIN_JSON_TYPE(BreakEvenMeasureRecorded)
BIANMIN_JSON_TYPE(ItemStopRequested)
BIANMIN_JSON_TYPE(ItemStopDecided)
BIANMIN_JSON_TYPE(EntrustmentRegistered)
BIANMIN_JSON_TYPE(EntrustmentSigned)
BIANMIN_JSON_TYPE(ServiceRequested)
BIANMIN_JSON_TYPE(RequestHandedOn)
BIANMIN_JSON_TYPE(DeliveryLogged)
BIANMIN_JSON_TYPE(DeliveryConfirmed)
BIANMIN_JSON_TYPE(ServiceStopped)
BIANMIN_JSON_TYPE(PaymentReceived)
BIANMIN_JSON_TYPE(FeeCollected)
BIANMIN_JSON_TYPE(HandoverReceived)
BIANMIN_JSON_TYPE(MoneyReversed)
BIANMIN_JSON_TYPE(SettlementPaid)
BIANMIN_JSON_TYPE(ProblemReported)
BIANMIN_JSON_TYPE(ProblemEscalated)
BIANMIN_JSON_TYPE(ProblemDecided)
BIANMIN_JSON_TYPE(ComplaintRecorded)
BIANMIN_JSON_TYPE(ComplaintAnswered)
BIANMIN_JSON_TYPE(ComplaintClosed)
BIANMIN_JSON_TYPE(ReturnVisitRecorded)
BIANMIN_JSON_TYPE(QualityEvaluated)
BIANMIN_JSON_TYPE(WaterStockReceived)
BIANMIN_JSON_TYPE(SignedIn)
BIANMIN_JSON_TYPE(SignedOut)
BIANMIN_JSON_TYPE(LeaveRequested)
BIANMIN_JSON_TYPE(LeaveDecided)
BIANMIN_JSON_TYPE(ViolationRecorded)
BIANMIN_JSON_TYPE(ViolationWithdrawn)
BIANMIN_JSON_TYPE(AnnualRatingRecorded)
BIANMIN_JSON_TYPE(PinSet)
BIANMIN_JSON_TYPE(Event)
BIANMIN_JSON_TYPE(Error)
BIANMIN_JSON_TYPE(Anomaly)
#undef BIANMIN_JSON_TYPE

// ---- Entry points: never throw -------------------------------------------------------

// One event from its JSON text / value. Errors: json.syntax, json.too_deep,
// json.missing_key, json.wrong_type, json.bad_value, json.unknown_key,
// json.unknown_event_type, json.fraction, json.number_range.
Result<Event> parse_event(std::string_view json_text);
Result<Event> event_from_json(const Json& j);

// A JSON array of events: "[ {...}, {...} ]". Errors name the event's index
// ("events[3]"). Stops at the first bad event.
Result<std::vector<Event>> read_events_array(std::string_view json_text);
// The same, a slice at a time, for a caller that has other work between slices (the
// browser draws frames while a 200,000-event bundle is read). The text must outlive the
// reader. Same events and errors as read_events_array.
//
//   EventsArrayReader reader(text);
//   while (reader.read_some(2000)) draw_a_frame(reader.fraction());
//   Result<std::vector<Event>> events = reader.finish();
class EventsArrayReader {
public:
    explicit EventsArrayReader(std::string_view json_text);
    ~EventsArrayReader();
    EventsArrayReader(const EventsArrayReader&) = delete;
    EventsArrayReader& operator=(const EventsArrayReader&) = delete;
    // Reads up to `count` more events; true while there is more to read.
    bool read_some(std::size_t count);
    double fraction() const;  // of the text read, 0..1
    std::size_t events_read() const;
    // Once read_some returned false: the events, or the first error.
    Result<std::vector<Event>> finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};
// An events file; also format.missing, format.unknown, format.version, json.duplicate_key.
Result<std::vector<Event>> read_events_file(std::string_view json_text);
// canonical_events() a slice at a time, remembering where each event's own text lies:
// the browser hashes the whole for the digest and stores each new event's part, so a
// large import serialises every event once, between frames. `events` must outlive it.
class CanonicalEventsWriter {
public:
    explicit CanonicalEventsWriter(std::span<const Event> events);
    // Writes up to `count` more events; true while there is more to write.
    bool write_some(std::size_t count);
    double fraction() const;  // of the events written, 0..1
    // Once write_some returned false: canonical_events(events), and where event i is in it.
    const std::string& bytes() const { return out_; }
    std::string_view event_text(std::size_t index) const;
    // Moves the bytes out (event_text's offsets stay valid for the moved string).
    std::string take_bytes() { return std::move(out_); }
    std::size_t offset_of(std::size_t index) const { return starts_[index]; }
    std::size_t size_of(std::size_t index) const { return ends_[index] - starts_[index]; }

private:
    std::span<const Event> events_;
    std::string out_ = "[";
    std::vector<std::size_t> starts_, ends_;
};

// Writes an events file: the envelope and one canonical event per line.
std::string write_events_file(std::span<const Event> events);

// Canonical serialisation (see above). An event whose text is not valid UTF-8 cannot
// be serialised: validate_event_text() says so (commands refuse such input).
std::string canonical_event(const Event& event);
std::string canonical_events(std::span<const Event> events);  // "[e1,e2,...]"
Errors validate_event_text(const Event& event);

// Deepest nesting accepted in any JSON input.
inline constexpr int kMaxJsonDepth = 32;

}  // namespace bianmin

// FieldValue is a std::variant: ADL cannot find bianmin's functions for it.
template <>
struct nlohmann::adl_serializer<bianmin::FieldValue> {
    static void to_json(nlohmann::json& j, const bianmin::FieldValue& v) { bianmin::to_json(j, v); }
    static void from_json(const nlohmann::json& j, bianmin::FieldValue& v) { bianmin::from_json(j, v); }
};
