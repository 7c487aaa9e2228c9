// JSON of the value types and enums.
#include <limits>

#include "bianmin/state.hpp"
#include "json_detail.hpp"

namespace bianmin {

namespace json_detail {
void require_object(const Json& j, std::size_t count, const char* type_name) {
    if (!j.is_object()) throw JsonError("json.wrong_type", std::string(type_name) + " must be a JSON object");
    if (j.size() > count) throw JsonError("json.unknown_key", std::string(type_name) + " has keys it does not know");
}

std::int64_t need_integer(const Json& j, const char* what, std::int64_t min, std::int64_t max) {
    if (!j.is_number_integer()) throw JsonError("json.wrong_type", std::string(what) + " must be a whole number");
    if (j.is_number_unsigned() && j.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
        throw JsonError("json.number_range", std::string(what) + " is out of range");
    std::int64_t v = j.get<std::int64_t>();
    if (v < min || v > max) throw JsonError("json.number_range", std::string(what) + " is out of range");
    return v;
}

const std::string& need_string(const Json& j, const char* what) {
    if (!j.is_string()) throw JsonError("json.wrong_type", std::string(what) + " must be a string");
    return j.get_ref<const std::string&>();
}

}  // namespace json_detail

namespace {

using json_detail::enum_from;
using json_detail::need_integer;
using json_detail::kMaxWallMs;
using json_detail::need_string;

}  // namespace

void to_json(Json& j, const Fen& v) { j = v.value; }
void from_json(const Json& j, Fen& v) { v = Fen{need_integer(j, "amount (fen)", -kMaxFen, kMaxFen)}; }

void to_json(Json& j, const LocalDate& v) { j = to_string(v); }
void from_json(const Json& j, LocalDate& v) {
    auto d = parse_date(need_string(j, "date"));
    if (!d) throw JsonError("json.bad_value", "a date must be YYYY-MM-DD");
    v = *d;
}

void to_json(Json& j, const YearMonth& v) { j = to_string(v); }
void from_json(const Json& j, YearMonth& v) {
    auto m = parse_year_month(need_string(j, "month"));
    if (!m) throw JsonError("json.bad_value", "a month must be YYYY-MM");
    v = *m;
}

void to_json(Json& j, const EventId& v) { j = Json{{"device", v.device}, {"seq", v.seq}}; }
void from_json(const Json& j, EventId& v) {
    json_detail::require_object(j, 2, "EventId");
    v.device = need_string(j.at("device"), "id.device");
    v.seq = std::uint64_t(need_integer(j.at("seq"), "id.seq", 1, std::numeric_limits<std::int64_t>::max()));
}

void to_json(Json& j, const Hlc& v) { j = Json{{"wall_ms", v.wall_ms}, {"counter", v.counter}}; }
void from_json(const Json& j, Hlc& v) {
    json_detail::require_object(j, 2, "Hlc");
    v.wall_ms = need_integer(j.at("wall_ms"), "hlc.wall_ms", 0, kMaxWallMs);
    v.counter = std::uint32_t(need_integer(j.at("counter"), "hlc.counter", 0, std::numeric_limits<std::uint32_t>::max()));
}

void to_json(Json& j, const Actor& v) { j = Json{{"person", v.person_id}, {"role", v.role}}; }
void from_json(const Json& j, Actor& v) {
    json_detail::require_object(j, 2, "Actor");
    v.person_id = need_string(j.at("person"), "actor.person");
    enum_from(j.at("role"), v.role, "role");
}

void to_json(Json& j, const FieldValue& v) {
    if (const auto* text = std::get_if<std::string>(&v)) j = *text;
    else j = std::get<std::int64_t>(v);
}
void from_json(const Json& j, FieldValue& v) {
    if (j.is_string()) v = j.get<std::string>();
    else v = need_integer(j, "field value", -kMaxFen, kMaxFen);
}

// Strokes as arrays of [x, y, t_ms] triples: compact, signatures can be long.
void to_json(Json& j, const Signature& v) {
    j = Json::array();
    for (const auto& stroke : v.strokes) {
        Json s = Json::array();
        for (const auto& p : stroke) s.push_back(Json::array({p.x, p.y, p.t_ms}));
        j.push_back(std::move(s));
    }
}
void from_json(const Json& j, Signature& v) {
    if (!j.is_array()) throw JsonError("json.wrong_type", "a signature must be an array of strokes");
    v.strokes.clear();
    std::size_t points = 0;
    for (const auto& s : j) {
        if (!s.is_array()) throw JsonError("json.wrong_type", "a stroke must be an array of points");
        Stroke stroke;
        for (const auto& p : s) {
            if (!p.is_array() || p.size() != 3) throw JsonError("json.wrong_type", "a point must be [x, y, t_ms]");
            if (++points > kMaxSignaturePoints) throw JsonError("json.bad_value", "the signature has too many points");
            constexpr std::int64_t lo = std::numeric_limits<std::int32_t>::min(), hi = std::numeric_limits<std::int32_t>::max();
            stroke.push_back(StrokePoint{std::int32_t(need_integer(p[0], "x", lo, hi)), std::int32_t(need_integer(p[1], "y", lo, hi)),
                                         std::int32_t(need_integer(p[2], "t_ms", lo, hi))});
        }
        v.strokes.push_back(std::move(stroke));
    }
}

#define BIANMIN_JSON_ENUM_DEFINE(E)                                  \
    void to_json(Json& j, const E& v) { j = std::string(to_string(v)); } \
    void from_json(const Json& j, E& v) { enum_from(j, v, #E); }
BIANMIN_JSON_ENUM_DEFINE(Role)
BIANMIN_JSON_ENUM_DEFINE(DeviceKind)
BIANMIN_JSON_ENUM_DEFINE(Tenure)
BIANMIN_JSON_ENUM_DEFINE(RecordKind)
BIANMIN_JSON_ENUM_DEFINE(Billing)
BIANMIN_JSON_ENUM_DEFINE(RegisterKind)
BIANMIN_JSON_ENUM_DEFINE(PublishChannel)
BIANMIN_JSON_ENUM_DEFINE(PriceTableStatus)
BIANMIN_JSON_ENUM_DEFINE(MeasureKind)
BIANMIN_JSON_ENUM_DEFINE(ItemStatus)
BIANMIN_JSON_ENUM_DEFINE(EntrustmentKind)
BIANMIN_JSON_ENUM_DEFINE(RequestChannel)
BIANMIN_JSON_ENUM_DEFINE(PaymentKind)
BIANMIN_JSON_ENUM_DEFINE(PaymentMethod)
BIANMIN_JSON_ENUM_DEFINE(StopReason)
BIANMIN_JSON_ENUM_DEFINE(ProblemLevel)
BIANMIN_JSON_ENUM_DEFINE(ComplaintSource)
BIANMIN_JSON_ENUM_DEFINE(ComplaintStatus)
BIANMIN_JSON_ENUM_DEFINE(QualityRating)
BIANMIN_JSON_ENUM_DEFINE(MoneyEntryKind)
BIANMIN_JSON_ENUM_DEFINE(LeaveKind)
BIANMIN_JSON_ENUM_DEFINE(ViolationSource)
BIANMIN_JSON_ENUM_DEFINE(AnnualRating)
BIANMIN_JSON_ENUM_DEFINE(LeaveStatus)
#undef BIANMIN_JSON_ENUM_DEFINE

BIANMIN_JSON_DEFINE(Error, code, field, message_zh, message_en)

void to_json(Json& j, const Anomaly& v) {
    j = Json{{"event", v.event}, {"type", std::string(to_string(v.type))}, {"code", v.code},
             {"message_zh", v.message_zh}, {"message_en", v.message_en}, {"skipped", v.skipped}};
}
void from_json(const Json& j, Anomaly& v) {
    json_detail::require_object(j, 6, "Anomaly");
    v.event = j.at("event").get<EventId>();
    auto type = event_type_from_string(need_string(j.at("type"), "type"));
    if (!type) throw JsonError("json.unknown_event_type", "unknown event type");
    v.type = *type;
    v.code = need_string(j.at("code"), "code");
    v.message_zh = need_string(j.at("message_zh"), "message_zh");
    v.message_en = need_string(j.at("message_en"), "message_en");
    if (!j.at("skipped").is_boolean()) throw JsonError("json.wrong_type", "skipped must be true or false");
    v.skipped = j.at("skipped").get<bool>();
}

}  // namespace bianmin
