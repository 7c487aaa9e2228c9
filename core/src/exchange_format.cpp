// The bundle file: error catalogue, canonical bytes, the envelope's JSON, writing, and
// reading with validation (stage 1) and the digest check (stage 2).
//
// Index
// [SECTION] Error catalogue
// [SECTION] Canonical bytes and the digest
// [SECTION] Envelope JSON
// [SECTION] Writing
// [SECTION] Reading
#include <algorithm>
#include <set>

#include "bianmin/exchange.hpp"
#include "exchange_detail.hpp"
#include "json_detail.hpp"

namespace bianmin {

//-----------------------------------------------------------------------------
// [SECTION] Error catalogue
//-----------------------------------------------------------------------------

namespace {
constexpr BundleErrorInfo kCatalogue[] = {
    {"bundle.too_large", "文件超过大小上限", "the file is over the size limit"},
    {"bundle.truncated", "文件不完整(传输或保存时被截断)", "the file is incomplete (cut off while copying or saving)"},
    {"bundle.syntax", "文件不是有效的 JSON", "the file is not valid JSON"},
    {"bundle.not_a_bundle", "这不是便民交换文件", "this is not a Bianmin exchange bundle"},
    {"bundle.future_version", "文件由更新版本的程序写成,请先升级本程序", "the bundle was written by a newer version; update this program first"},
    {"bundle.bad_envelope", "文件头信息不正确", "the bundle's envelope is not valid"},
    {"bundle.bad_event", "文件中有无法读取的事件", "an event in the bundle cannot be read"},
    {"bundle.count_mismatch", "事件数量与文件头不符", "the number of events does not match the envelope"},
    {"bundle.duplicate_id", "同一事件编号在文件中出现多次", "an event id appears more than once in the bundle"},
    {"bundle.estate_mismatch", "文件中的建立小区事件与文件头的小区不符", "the bundle's estate_created event names another estate than its envelope"},
    {"bundle.implausible_clock", "事件时间不合理(设备时钟有误?)", "implausible event times (a device clock is wrong?)"},
    {"bundle.digest_algorithm", "不支持的校验算法(应为 SHA-256)", "unsupported digest algorithm (must be SHA-256)"},
    {"bundle.digest_mismatch", "校验值不符:文件已损坏或被改动", "the digest does not match: the file was damaged or altered"},
    {"bundle.other_estate", "该文件属于另一个小区", "the bundle belongs to another estate"},
    {"bundle.id_conflict", "文件中的事件与已有事件编号相同但内容不同", "an event has the id of a held event but different content"},
    {"bundle.unknown_source", "来源设备未登记,请先导入办公室的数据", "the source device is not registered; import the office's bundle first"},
    {"bundle.foreign_device", "住户设备的文件含有其他设备的事件", "a resident device's bundle carries events of another device"},
    {"bundle.resident_money", "住户设备不能记录收付款", "a resident device cannot carry money events"},
    {"bundle.staff_action", "住户设备不能记录员工操作", "a resident device cannot carry staff actions"},
    {"bundle.other_household", "住户设备只能记录本户的事项", "a resident device may only carry its own household's records"},
    {"bundle.bad_seen", "版本向量不正确", "the version vector is not valid"},
    {"export.no_source", "请指定来源设备", "the source device is required"},
    {"export.unknown_source", "来源设备未登记", "the source device is not registered"},
    {"export.no_device", "增量导出需要指定接收设备", "a delta export needs the receiving device"},
    {"export.unknown_household", "没有这个住户", "no such household"},
    {"export.no_estate", "数据中还没有建立小区", "the store holds no estate yet"},
    {"merge.nothing", "没有要合并的文件", "no bundles to merge"},
};
}  // namespace

std::span<const BundleErrorInfo> bundle_error_catalogue() { return kCatalogue; }

Error bundle_error(std::string_view code, std::string field, const std::string& detail_zh, const std::string& detail_en) {
    const BundleErrorInfo* info = nullptr;
    for (const auto& entry : kCatalogue)
        if (entry.code == code) info = &entry;
    assert(info && "add the code to the catalogue");
    std::string zh(info ? info->zh : code), en(info ? info->en : code);
    if (!detail_zh.empty()) zh += ":" + detail_zh;
    if (!detail_en.empty()) en += ": " + detail_en;
    return make_error(std::string(code), std::move(field), std::move(zh), std::move(en));
}

//-----------------------------------------------------------------------------
// [SECTION] Canonical bytes and the digest
//-----------------------------------------------------------------------------

std::string canonical_event_bytes(std::span<const Event> events) {
    if (std::is_sorted(events.begin(), events.end(), event_before)) return canonical_events(events);
    std::vector<Event> sorted(events.begin(), events.end());
    std::sort(sorted.begin(), sorted.end(), event_before);
    return canonical_events(sorted);
}

void seal_bundle(Bundle& bundle, const Sha256Hex& sha256) {
    bundle.header.event_count = bundle.events.size();
    bundle.header.digest_hex = sha256(canonical_event_bytes(bundle.events));
}

Errors check_digest(const Bundle& bundle, std::string_view computed_hex) {
    if (bundle.header.digest_hex == computed_hex) return {};
    std::string detail = "expected " + bundle.header.digest_hex.substr(0, 12) + "…, computed " +
                         std::string(computed_hex.substr(0, 12)) + "…";
    return {bundle_error("bundle.digest_mismatch", "digest", detail, detail)};
}

//-----------------------------------------------------------------------------
// [SECTION] Envelope JSON
//-----------------------------------------------------------------------------

namespace {

using json_detail::need_integer;
using json_detail::need_string;

std::string need_id(const Json& j, const char* what, bool may_be_empty) {
    const std::string& text = need_string(j, what);
    if (!(may_be_empty && text.empty()) && !is_valid_id(text))
        throw JsonError("json.bad_value", std::string(what) + " must be an id (1–64 of A-Z a-z 0-9 . _ : -)");
    return text;
}

bool is_lower_hex_sha256(const std::string& hex) {
    return hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

VersionVector version_vector_from(const Json& j) {
    if (!j.is_object()) throw JsonError("json.wrong_type", "seen must be an object of device: count");
    VersionVector out;
    for (const auto& [device, count] : j.items()) {
        if (!is_valid_id(device)) throw JsonError("json.bad_value", "seen: not a device id: " + device);
        out[device] = std::uint64_t(need_integer(count, "seen count", 0, std::numeric_limits<std::int64_t>::max()));
    }
    return out;
}

}  // namespace

void to_json(Json& j, const BundleKind& v) { j = std::string(to_string(v)); }
void from_json(const Json& j, BundleKind& v) { json_detail::enum_from(j, v, "kind"); }

void to_json(Json& j, const BundleHeader& v) {
    Json seen = Json::object();
    for (const auto& [device, count] : v.seen) seen[device] = count;
    j = Json{{"estate_id", v.estate_id},
             {"source_device", v.source_device},
             {"created_at", v.created_at},
             {"kind", v.kind},
             {"for_device", v.for_device},
             {"household", v.household},
             {"seen", std::move(seen)},
             {"event_count", v.event_count},
             {"digest", Json{{"algorithm", std::string(kDigestAlgorithm)}, {"hex", v.digest_hex}}}};
}

void from_json(const Json& j, BundleHeader& v) {
    json_detail::require_object(j, 9, "bundle envelope");
    v.estate_id = need_id(j.at("estate_id"), "estate_id", false);
    v.source_device = need_id(j.at("source_device"), "source_device", false);
    v.created_at = need_integer(j.at("created_at"), "created_at", 0, json_detail::kMaxWallMs);
    from_json(j.at("kind"), v.kind);
    v.for_device = need_id(j.at("for_device"), "for_device", true);
    v.household = need_id(j.at("household"), "household", true);
    v.seen = version_vector_from(j.at("seen"));
    v.event_count = std::uint64_t(need_integer(j.at("event_count"), "event_count", 0, std::numeric_limits<std::int64_t>::max()));
    const Json& digest = j.at("digest");
    json_detail::require_object(digest, 2, "digest");
    if (need_string(digest.at("algorithm"), "digest.algorithm") != kDigestAlgorithm)
        throw JsonError("json.bad_value", "digest.algorithm must be SHA-256");
    v.digest_hex = need_string(digest.at("hex"), "digest.hex");
    if (!is_lower_hex_sha256(v.digest_hex)) throw JsonError("json.bad_value", "digest.hex must be 64 lowercase hex digits");
    // Which optional part belongs to which kind.
    if ((v.kind == BundleKind::delta) != !v.for_device.empty())
        throw JsonError("json.bad_value", "for_device is given for a delta bundle, and only for one");
    if ((v.kind == BundleKind::resident) != !v.household.empty())
        throw JsonError("json.bad_value", "household is given for a resident bundle, and only for one");
}

Result<VersionVector> parse_version_vector(std::string_view json_text) {
    VersionVector out;
    if (auto bad = json_detail::guard("seen", [&] {
            Json j = Json::parse(json_text.begin(), json_text.end());
            out = version_vector_from(j);
        }))
        return Errors{bundle_error("bundle.bad_seen", "seen", bad->message_zh, bad->message_en), *bad};
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------

namespace {

// The file around the events array's body ("\n" e1 ",\n" e2 ...).
std::string bundle_text(const BundleHeader& h, const std::string& events_body) {
    const Json header = h;
    // A fixed, readable key order: what it is, where from, for whom, then the events.
    static constexpr const char* kOrder[] = {"estate_id", "source_device", "created_at", "kind", "for_device",
                                             "household", "seen", "event_count", "digest"};
    std::string out = "{\"format\":\"" + std::string(kBundleFormat) + "\",\"version\":" + std::to_string(kBundleVersion);
    for (const char* key : kOrder)
        out += ",\"" + std::string(key) + "\":" + header.at(key).dump(-1, ' ', false, Json::error_handler_t::replace);
    out.reserve(out.size() + events_body.size() + 16);
    out += ",\"events\":[";
    out += events_body;
    out += "\n]}\n";
    return out;
}

}  // namespace

std::string write_bundle(const Bundle& bundle) {
    assert(!bundle.header.digest_hex.empty() && "seal the bundle before writing it");
    std::string body;
    json_detail::append_event_lines(body, bundle.events);
    return bundle_text(bundle.header, body);
}

std::string seal_and_write(Bundle& bundle, const Sha256Hex& sha256) {
    if (!std::is_sorted(bundle.events.begin(), bundle.events.end(), event_before))
        std::stable_sort(bundle.events.begin(), bundle.events.end(), event_before);
    // Each event is serialised once: its canonical text is both a line of the file and a
    // piece of the digested bytes.
    std::string canonical = "[", body;
    for (std::size_t i = 0; i < bundle.events.size(); ++i) {
        std::string line = canonical_event(bundle.events[i]);
        canonical += i ? "," : "";
        canonical += line;
        body += i ? ",\n" : "\n";
        body += line;
    }
    canonical += ']';
    bundle.header.event_count = bundle.events.size();
    bundle.header.digest_hex = sha256(canonical);
    return bundle_text(bundle.header, body);
}

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------

namespace {

// A failure inside the JSON: a cut-off file says so, whatever the parser tripped on.
Errors json_problem(std::string_view text, std::string_view code, const std::string& field, const Errors& inner) {
    Errors out;
    const Error& first = inner.front();
    if (json_detail::ends_inside_value(text)) out.push_back(bundle_error("bundle.truncated", field));
    else out.push_back(bundle_error(code, field, first.message_zh, first.message_en));
    out.insert(out.end(), inner.begin(), inner.end());
    return out;
}

// format, version and the other envelope members, parsed; events left as text.
struct RawEnvelope {
    Json format, version;
    Json header = Json::object();
    std::optional<std::string_view> events;
};

Result<RawEnvelope> split_envelope(std::string_view text) {
    auto members = json_detail::split_object(text);
    if (!members.ok()) return json_problem(text, "bundle.syntax", "json", members.errors());
    RawEnvelope raw;
    for (const auto& [name, value_text] : members.value()) {
        if (name == "events") {
            raw.events = value_text;
            continue;
        }
        Json value;
        if (auto bad = json_detail::guard(name, [&, &v = value_text] { value = Json::parse(v.begin(), v.end()); }))
            return json_problem(text, "bundle.syntax", name, {*bad});
        if (name == "format") raw.format = std::move(value);
        else if (name == "version") raw.version = std::move(value);
        else raw.header[name] = std::move(value);
    }
    return raw;
}

// Format and version come first: a future version may differ in everything else.
std::optional<Error> check_format_and_version(const RawEnvelope& raw) {
    if (!raw.format.is_string() || raw.format.get<std::string>() != kBundleFormat) {
        if (raw.format.is_string() && raw.format.get<std::string>() == kEventsFormat)
            return bundle_error("bundle.not_a_bundle", "format", "这是事件文件(bianmin-events),不是交换文件",
                                "this is an events file (bianmin-events), not a bundle");
        return bundle_error("bundle.not_a_bundle", "format", "format 应为 \"bianmin-bundle\"",
                            "format must be \"bianmin-bundle\"");
    }
    if (!raw.version.is_number_integer())
        return bundle_error("bundle.bad_envelope", "version", "version 应为整数", "version must be a whole number");
    if (raw.version.is_number_unsigned() ? raw.version.get<std::uint64_t>() > std::uint64_t(kBundleVersion)
                                         : raw.version.get<std::int64_t>() > kBundleVersion) {
        std::string detail = "version " + raw.version.dump() + " > " + std::to_string(kBundleVersion);
        return bundle_error("bundle.future_version", "version", detail, detail);
    }
    if (raw.version.get<std::int64_t>() < 1)
        return bundle_error("bundle.bad_envelope", "version", "version 应从 1 开始", "version starts at 1");
    if (!raw.events) return bundle_error("bundle.bad_envelope", "events", "缺少 events", "events is missing");
    return std::nullopt;
}

Errors check_events(const Bundle& bundle) {
    const BundleHeader& h = bundle.header;
    if (h.event_count != bundle.events.size()) {
        std::string detail = std::to_string(h.event_count) + " ≠ " + std::to_string(bundle.events.size());
        return {bundle_error("bundle.count_mismatch", "event_count", detail, detail)};
    }
    std::set<EventId> ids;
    for (std::size_t i = 0; i < bundle.events.size(); ++i) {
        const Event& e = bundle.events[i];
        std::string where = "events[" + std::to_string(i) + "]";
        if (!is_valid_id(e.id.device))
            return {bundle_error("bundle.bad_event", where, "设备编号不正确: " + e.id.device, "bad device id: " + e.id.device)};
        if (!ids.insert(e.id).second)
            return {bundle_error("bundle.duplicate_id", where, to_string(e.id), to_string(e.id))};
        if (const auto* created = e.as<EstateCreated>(); created && created->estate_id != h.estate_id)
            return {bundle_error("bundle.estate_mismatch", where, created->estate_id + " ≠ " + h.estate_id,
                                 created->estate_id + " ≠ " + h.estate_id)};
    }
    return {};
}

}  // namespace

std::optional<Error> check_bundle_size(std::uint64_t size, const ImportOptions& options) {
    if (size <= options.max_bytes) return std::nullopt;
    const std::string detail = std::to_string(size) + " > " + std::to_string(options.max_bytes) + " bytes";
    return bundle_error("bundle.too_large", "", detail, detail);
}

struct BundleReader::Impl {
    std::string_view text;
    ImportOptions options;
    Bundle bundle;
    Errors refused;                            // the envelope's, at once
    std::unique_ptr<EventsArrayReader> events;  // once the envelope is good
};

BundleReader::BundleReader(std::string_view text, const ImportOptions& options) : impl_(std::make_unique<Impl>()) {
    Impl& r = *impl_;
    r.text = text;
    r.options = options;
    if (auto too_large = check_bundle_size(text.size(), options)) {
        r.refused = {*too_large};
        return;
    }
    auto raw = split_envelope(text);
    if (!raw.ok()) {
        r.refused = raw.errors();
        return;
    }
    if (auto bad = check_format_and_version(raw.value())) {
        r.refused = {*bad};
        return;
    }
    const Json& header = raw.value().header;
    if (header.contains("digest") && header["digest"].is_object() && header["digest"].contains("algorithm") &&
        header["digest"]["algorithm"] != kDigestAlgorithm) {
        r.refused = {bundle_error("bundle.digest_algorithm", "digest.algorithm", header["digest"]["algorithm"].dump(),
                                  header["digest"]["algorithm"].dump())};
        return;
    }
    if (auto bad = json_detail::guard("", [&] { from_json(header, r.bundle.header); })) {
        r.refused = Errors{bundle_error("bundle.bad_envelope", bad->field, bad->message_zh, bad->message_en), *bad};
        return;
    }
    r.events = std::make_unique<EventsArrayReader>(*raw.value().events);
}

BundleReader::~BundleReader() = default;

bool BundleReader::read_some(std::size_t count) { return impl_->events && impl_->events->read_some(count); }

double BundleReader::fraction() const { return impl_->events ? impl_->events->fraction() : 1.0; }

Result<Bundle> BundleReader::finish() {
    Impl& r = *impl_;
    if (!r.events) return r.refused;
    auto events = r.events->finish();
    if (!events.ok()) {
        const Error& first = events.errors().front();
        return json_problem(r.text, "bundle.bad_event", first.field, events.errors());
    }
    Bundle bundle = std::move(r.bundle);
    bundle.events = std::move(events).value();
    std::stable_sort(bundle.events.begin(), bundle.events.end(), event_before);
    if (Errors bad = check_events(bundle); !bad.empty()) return bad;
    if (Errors bad = exchange_detail::check_clocks(bundle.events, {}, r.options); !bad.empty()) return bad;
    return bundle;
}

Result<Bundle> read_bundle(std::string_view text, const ImportOptions& options) {
    BundleReader reader(text, options);
    return reader.finish();
}

Result<Bundle> open_bundle(std::string_view text, const Sha256Hex& sha256, const ImportOptions& options) {
    auto bundle = read_bundle(text, options);
    if (!bundle.ok()) return bundle;
    if (Errors bad = check_digest(bundle.value(), sha256(canonical_event_bytes(bundle.value().events))); !bad.empty())
        return bad;
    return bundle;
}

}  // namespace bianmin
