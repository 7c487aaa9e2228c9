// JSON of events, the events file, the canonical form — and the exception boundary:
// everything public here catches and returns Errors.
//
// Index
// [SECTION] Event <-> JSON
// [SECTION] Exception boundary
// [SECTION] Skimming a large document (and splitting an envelope)
// [SECTION] Entry points
#include <array>
#include <limits>
#include <utility>

#include "json_detail.hpp"

namespace bianmin {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Event <-> JSON
//-----------------------------------------------------------------------------

using PayloadParser = Payload (*)(const Json&);

template <std::size_t I>
Payload parse_payload(const Json& j) {
    std::variant_alternative_t<I, PayloadVariant> value;
    from_json(j, value);
    return Payload(std::in_place_index<I>, std::move(value));
}
template <std::size_t... I>
constexpr std::array<PayloadParser, sizeof...(I)> make_parsers(std::index_sequence<I...>) {
    return {&parse_payload<I>...};
}
constexpr auto kPayloadParsers = make_parsers(std::make_index_sequence<kEventTypeCount>{});

// The format has no fractions and no integers beyond int64: refuse them before
// conversion (nlohmann would silently truncate 1.5 to 1). Depth is bounded too.
void check_numbers(const Json& j, int depth) {
    if (depth > kMaxJsonDepth) throw JsonError("json.too_deep", "the JSON is nested too deeply");
    switch (j.type()) {
        case Json::value_t::number_float: throw JsonError("json.fraction", "numbers must be whole (no fractions)");
        case Json::value_t::number_unsigned:
            if (j.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
                throw JsonError("json.number_range", "a number is out of range");
            break;
        case Json::value_t::object:
        case Json::value_t::array:
            for (const auto& child : j) check_numbers(child, depth + 1);
            break;
        default: break;
    }
}

}  // namespace

void to_json(Json& j, const Event& v) {
    Json data;
    std::visit([&](const auto& payload) { to_json(data, payload); }, v.payload);
    j = Json{{"id", v.id}, {"hlc", v.hlc}, {"actor", v.actor}, {"type", std::string(to_string(v.type()))},
             {"data", std::move(data)}};
}

void from_json(const Json& j, Event& v) {
    json_detail::require_object(j, 5, "Event");
    v.id = j.at("id").get<EventId>();
    v.hlc = j.at("hlc").get<Hlc>();
    v.actor = j.at("actor").get<Actor>();
    const Json& type = j.at("type");
    if (!type.is_string()) throw JsonError("json.wrong_type", "type must be a string");
    auto parsed = event_type_from_string(type.get_ref<const std::string&>());
    if (!parsed) throw JsonError("json.unknown_event_type", "unknown event type: " + type.get<std::string>());
    v.payload = kPayloadParsers[std::size_t(*parsed)](j.at("data"));
}

//-----------------------------------------------------------------------------
// [SECTION] Exception boundary
//-----------------------------------------------------------------------------

namespace {

// What each code means, in Chinese: the detail (`what`) comes from the parser or the
// converter in English and follows in brackets for whoever has to fix the file.
std::string json_problem_zh(std::string_view code) {
    static const std::pair<std::string_view, std::string_view> kProblems[] = {
        {"json.syntax", "不是有效的 JSON"},        {"json.wrong_type", "字段的类型不对"},
        {"json.missing_key", "缺少必填字段"},       {"json.unknown_key", "含有不认识的字段"},
        {"json.duplicate_key", "同一字段出现两次"}, {"json.fraction", "数字必须是整数"},
        {"json.number_range", "数字超出范围"},      {"json.bad_value", "字段的值不正确"},
        {"json.unknown_event_type", "未知的事件类型"}, {"json.too_deep", "嵌套层数太多"},
        {"json.too_large", "文件太大,内存不足"},   {"format.unknown", "不是便民服务的文件"},
        {"format.version", "文件版本不受支持"},
    };
    for (const auto& [known, zh] : kProblems)
        if (known == code) return std::string(zh);
    return "内容无法读取";
}

Error json_failure(std::string code, const std::string& where, const std::string& what) {
    std::string prefix = where.empty() ? "" : where + ": ";
    std::string zh = "文件内容不正确 — " + prefix + json_problem_zh(code) + "(" + what + ")";
    return make_error(std::move(code), where.empty() ? "json" : where, std::move(zh),
                      "the file is not valid — " + prefix + what);
}

// Runs `f`, turning every exception into an Error located at `where`.
template <class F>
std::optional<Error> guarded(const std::string& where, F&& f) {
    try {
        f();
        return std::nullopt;
    } catch (const JsonError& e) {
        return json_failure(e.code, where, e.what());
    } catch (const Json::parse_error& e) {
        return json_failure("json.syntax", where, e.what());
    } catch (const Json::type_error& e) {
        return json_failure("json.wrong_type", where, e.what());
    } catch (const Json::out_of_range& e) {
        return json_failure(e.id == 403 ? "json.missing_key" : "json.number_range", where, e.what());
    } catch (const Json::exception& e) {
        return json_failure("json.invalid", where, e.what());
    } catch (const std::bad_alloc&) {
        return json_failure("json.too_large", where, "out of memory");
    } catch (const std::exception& e) {
        return json_failure("json.invalid", where, e.what());
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Skimming a large document (and splitting an envelope)
//-----------------------------------------------------------------------------

// Named (not in the anonymous namespace): EventsArrayReader::Impl holds one.
namespace json_detail {
// Finds the extent of JSON values without building them, so a file of 200,000 events
// is parsed one event at a time. It only delimits; nlohmann validates each piece.
class Skimmer {
public:
    explicit Skimmer(std::string_view text) : t_(text) {}

    void skip_ws() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
    }
    bool at_end() { skip_ws(); return i_ >= t_.size(); }
    bool consume(char c) {
        skip_ws();
        if (i_ < t_.size() && t_[i_] == c) { ++i_; return true; }
        return false;
    }
    char peek() { skip_ws(); return i_ < t_.size() ? t_[i_] : '\0'; }
    std::size_t offset() const { return i_; }

    // The next value's text; throws JsonError on truncation or excessive depth.
    std::string_view value() {
        skip_ws();
        if (i_ >= t_.size()) throw JsonError("json.syntax", "unexpected end of input");
        std::size_t start = i_;
        char c = t_[i_];
        if (c == '"') {
            skip_string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (i_ < t_.size()) {
                char d = t_[i_];
                if (d == '"') { skip_string(); continue; }
                if (d == '{' || d == '[') {
                    if (++depth > kMaxJsonDepth) throw JsonError("json.too_deep", "the JSON is nested too deeply");
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) { ++i_; break; }
                }
                ++i_;
            }
            if (depth != 0) throw JsonError("json.syntax", "unexpected end of input (unclosed bracket)");
        } else {
            while (i_ < t_.size() && !is_delimiter(t_[i_])) ++i_;
            if (i_ == start) throw JsonError("json.syntax", std::string("unexpected character '") + c + "'");
        }
        return t_.substr(start, i_ - start);
    }

private:
    static bool is_delimiter(char c) {
        return c == ',' || c == '}' || c == ']' || c == ':' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
    void skip_string() {
        ++i_;  // opening quote
        while (i_ < t_.size()) {
            char c = t_[i_];
            if (c == '\\') { i_ += 2; continue; }
            ++i_;
            if (c == '"') return;
        }
        throw JsonError("json.syntax", "unexpected end of input (unclosed string)");
    }
    std::string_view t_;
    std::size_t i_ = 0;
};
}  // namespace json_detail
using json_detail::Skimmer;

namespace {

Event event_from_text(std::string_view text) {
    Json j = Json::parse(text.begin(), text.end());
    check_numbers(j, 0);
    return j.get<Event>();
}

}  // namespace

namespace json_detail {

std::optional<Error> guard(const std::string& where, const std::function<void()>& f) { return guarded(where, f); }

Result<RawMembers> split_object(std::string_view json_text) {
    RawMembers members;
    auto bad = guarded("", [&] {
        Skimmer sk(json_text);
        if (!sk.consume('{')) throw JsonError("json.syntax", "expected a JSON object");
        if (!sk.consume('}')) {
            for (;;) {
                std::string_view key_text = sk.value();
                Json key = Json::parse(key_text.begin(), key_text.end());
                if (!key.is_string()) throw JsonError("json.syntax", "expected a key");
                if (!sk.consume(':')) throw JsonError("json.syntax", "expected ':'");
                std::string name = key.get<std::string>();
                for (const auto& member : members)
                    if (member.first == name) throw JsonError("json.duplicate_key", "the key \"" + name + "\" appears twice");
                members.emplace_back(std::move(name), sk.value());
                if (sk.consume(',')) continue;
                if (sk.consume('}')) break;
                throw JsonError("json.syntax", "expected ',' or '}'");
            }
        }
        if (!sk.at_end()) throw JsonError("json.syntax", "text after the end of the object");
    });
    if (bad) return *bad;
    return members;
}

namespace {

// Records where a SAX parse first fails; accepts everything else.
class FirstParseError final : public nlohmann::json_sax<Json> {
public:
    static constexpr std::size_t kNone = std::size_t(-1);
    std::size_t position = kNone;  // bytes read when the parser gave up (1-based)

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception&) override {
        position = at;
        return false;
    }
};

}  // namespace

// The parser read past the last byte before it failed (an empty file too).
bool ends_inside_value(std::string_view json_text) {
    FirstParseError sax;
    Json::sax_parse(json_text.begin(), json_text.end(), &sax);
    return sax.position != FirstParseError::kNone && sax.position > json_text.size();
}

}  // namespace json_detail

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

Result<Event> parse_event(std::string_view json_text) {
    Event event;
    if (auto bad = guarded("", [&] {
            Skimmer sk(json_text);
            std::string_view whole = sk.value();  // bounds the depth before parsing
            if (!sk.at_end()) throw JsonError("json.syntax", "text after the event");
            event = event_from_text(whole);
        }))
        return *bad;
    return event;
}

Result<Event> event_from_json(const Json& j) {
    Event event;
    if (auto bad = guarded("", [&] {
            check_numbers(j, 0);
            event = j.get<Event>();
        }))
        return *bad;
    return event;
}

//-----------------------------------------------------------------------------
// [SECTION] Events arrays, a slice at a time
//-----------------------------------------------------------------------------

struct EventsArrayReader::Impl {
    explicit Impl(std::string_view text) : sk(text), size(text.size()) {}
    Skimmer sk;
    std::size_t size;
    std::vector<Event> events;
    std::optional<Error> error;
    bool started = false, finished = false;

    void fail(std::optional<Error> e) {
        error = std::move(e);
        finished = true;
    }
    // "[ e, e, ... ]": errors name the event's index.
    void read(std::size_t count) {
        if (!started) {
            started = true;
            if (auto bad = guarded("events", [&] {
                    if (!sk.consume('[')) throw JsonError("json.wrong_type", "events must be an array");
                    if (sk.consume(']')) finished = true;
                }))
                return fail(bad);
        }
        for (std::size_t n = 0; n < count && !finished; ++n) {
            const std::size_t index = events.size();
            if (auto bad = guarded("events[" + std::to_string(index) + "]", [&] {
                    std::string_view text = sk.value();
                    events.push_back(event_from_text(text));
                    if (sk.consume(',')) return;
                    if (sk.consume(']')) { finished = true; return; }
                    throw JsonError("json.syntax", "expected ',' or ']' after this event");
                }))
                return fail(bad);
        }
        if (finished && !error && !sk.at_end()) fail(json_failure("json.syntax", "", "text after the events array"));
    }
};

EventsArrayReader::EventsArrayReader(std::string_view json_text) : impl_(std::make_unique<Impl>(json_text)) {}
EventsArrayReader::~EventsArrayReader() = default;

bool EventsArrayReader::read_some(std::size_t count) {
    if (!impl_->finished) impl_->read(count);
    return !impl_->finished;
}

double EventsArrayReader::fraction() const {
    if (impl_->finished || impl_->size == 0) return 1.0;
    return double(impl_->sk.offset()) / double(impl_->size);
}

std::size_t EventsArrayReader::events_read() const { return impl_->events.size(); }

Result<std::vector<Event>> EventsArrayReader::finish() {
    while (read_some(std::size_t(-1))) {
    }
    if (impl_->error) return *impl_->error;
    return std::move(impl_->events);
}

Result<std::vector<Event>> read_events_array(std::string_view json_text) {
    EventsArrayReader reader(json_text);
    return reader.finish();
}

Result<std::vector<Event>> read_events_file(std::string_view json_text) {
    auto members = json_detail::split_object(json_text);
    if (!members.ok()) return members.errors();
    std::string_view events_text;
    bool seen_events = false, seen_format = false, seen_version = false;
    auto bad = guarded("", [&] {
        for (const auto& [name, raw] : members.value()) {
            if (name == "events") {
                seen_events = true;
                events_text = raw;
                continue;
            }
            Json value = Json::parse(raw.begin(), raw.end());
            if (name == "format") {
                seen_format = true;
                if (!(value.is_string() && value.get<std::string>() == kEventsFormat))
                    throw JsonError("format.unknown", "this is not a Bianmin events file (format must be \"bianmin-events\")");
            } else if (name == "version") {
                seen_version = true;
                if (!value.is_number_integer()) throw JsonError("format.version", "version must be a whole number");
                if (value.get<std::int64_t>() != kEventsVersion)
                    throw JsonError("format.version", "events file version " + value.dump() +
                                                          " is not supported (this program reads version " +
                                                          std::to_string(kEventsVersion) + ")");
            }
        }
    });
    if (bad) return *bad;
    if (!seen_format || !seen_version || !seen_events)
        return make_error("format.missing", "json", "不是便民事件文件:缺少 format、version 或 events",
                          "not a Bianmin events file: format, version or events is missing");
    return read_events_array(events_text);
}

std::string canonical_event(const Event& event) {
    Json j = event;
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

CanonicalEventsWriter::CanonicalEventsWriter(std::span<const Event> events) : events_(events) {
    starts_.reserve(events.size());
    ends_.reserve(events.size());
    if (events.empty()) out_ += ']';
}

bool CanonicalEventsWriter::write_some(std::size_t count) {
    for (std::size_t n = 0; n < count && starts_.size() < events_.size(); ++n) {
        const std::size_t i = starts_.size();
        if (i) out_ += ',';
        starts_.push_back(out_.size());
        out_ += canonical_event(events_[i]);
        ends_.push_back(out_.size());
        if (i + 1 == events_.size()) out_ += ']';
    }
    return starts_.size() < events_.size();
}

double CanonicalEventsWriter::fraction() const {
    return events_.empty() ? 1.0 : double(starts_.size()) / double(events_.size());
}

std::string_view CanonicalEventsWriter::event_text(std::size_t index) const {
    return std::string_view(out_).substr(starts_[index], ends_[index] - starts_[index]);
}

std::string canonical_events(std::span<const Event> events) {
    CanonicalEventsWriter writer(events);
    while (writer.write_some(std::size_t(-1))) {
    }
    return writer.take_bytes();
}

std::string write_events_file(std::span<const Event> events) {
    std::string out = "{\"format\":\"" + std::string(kEventsFormat) + "\",\"version\":" + std::to_string(kEventsVersion) +
                      ",\"events\":[";
    json_detail::append_event_lines(out, events);
    out += "\n]}\n";
    return out;
}

void json_detail::append_event_lines(std::string& out, std::span<const Event> events) {
    for (std::size_t i = 0; i < events.size(); ++i) {
        out += i ? ",\n" : "\n";
        out += canonical_event(events[i]);
    }
}

Errors validate_event_text(const Event& event) {
    try {
        Json j = event;
        (void)j.dump(-1, ' ', false, Json::error_handler_t::strict);
        return {};
    } catch (const std::exception&) {
        return {make_error("text.bad_utf8", "", "文字包含无效字符(不是UTF-8)", "the text contains invalid characters (not UTF-8)")};
    }
}

}  // namespace bianmin
