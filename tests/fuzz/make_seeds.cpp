// The seed corpus of every fuzz target, made from the estate generator (small size) and
// the demo year, split into small inputs: libFuzzer mutates small inputs much faster,
// and each seed still reaches deep into the parser (every event type, real values).
//
//   make_seeds OUT_DIR      writes OUT_DIR/<target>/<name> files; prints the counts.
//
// Made at run time by tests/fuzz/run into the git-ignored tests/fuzz/corpus-work/.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bianmin/catalogue.hpp"
#include "bianmin/demo.hpp"
#include "bianmin/generator.hpp"
#include "bianmin/json.hpp"
#include "bianmin/money.hpp"
#include "bianmin/time.hpp"
#include "fuzz_support.hpp"
#include "platform/storage_codec.h"
#include "seed_bundles.hpp"

using namespace bianmin;
namespace fs = std::filesystem;

namespace {

class SeedWriter {
public:
    explicit SeedWriter(fs::path root) : root_(std::move(root)) {}
    void add(const std::string& target, const std::string& bytes) {
        const fs::path dir = root_ / target;
        fs::create_directories(dir);
        const int n = counts_[target]++;
        std::ofstream(dir / ("seed-" + std::to_string(n)), std::ios::binary) << bytes;
    }
    const std::map<std::string, int>& counts() const { return counts_; }

private:
    fs::path root_;
    std::map<std::string, int> counts_;
};

// A few events of each type: every payload's parser gets real input.
void event_seeds(const std::vector<Event>& events, SeedWriter& out) {
    std::map<EventType, int> per_type;
    for (const Event& e : events)
        if (per_type[e.type()]++ < 3) out.add("fuzz_event", canonical_event(e));
}

// Short runs of consecutive events, as events files and bare arrays: the estate's
// set-up (so projection gets past "no estate"), then windows through the year.
void file_seeds(const std::vector<Event>& events, SeedWriter& out) {
    const std::span<const Event> all(events);
    out.add("fuzz_events_file", write_events_file(all.first(std::min<std::size_t>(12, all.size()))));
    const std::size_t step = std::max<std::size_t>(1, all.size() / 40);
    for (std::size_t at = 0; at + 6 <= all.size(); at += step) {
        out.add("fuzz_events_file", write_events_file(all.subspan(at, 6)));
        if (at % (step * 4) == 0) out.add("fuzz_events_file", canonical_events(all.subspan(at, 3)));
    }
}

void segment_seeds(const std::vector<Event>& events, SeedWriter& out) {
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < events.size() && i < 64; ++i) texts.push_back(canonical_event(events[i]));
    std::string buffer;
    for (std::size_t at = 0; at + 4 <= texts.size(); at += 8) {
        std::vector<storage::RecordView> records;
        for (std::size_t i = at; i < at + 4; ++i)
            records.push_back({events[i].id.device, events[i].id.seq, texts[i]});
        std::string segment;
        storage::codec::encode_segment(records, segment);
        out.add("fuzz_storage_segment", segment);
        // The same segment as one source of a load buffer: {u32 id, u32 length, segment}.
        for (std::uint32_t v : {std::uint32_t(at + 1), std::uint32_t(segment.size())})
            for (int b = 0; b < 4; ++b) buffer.push_back(char((v >> (8 * b)) & 0xFF));
        buffer += segment;
    }
    out.add("fuzz_storage_segment", buffer);
}

void catalogue_seeds(SeedWriter& out) {
    out.add("fuzz_catalogue", std::string(default_catalogue_json()));
    const auto catalogue = default_catalogue();
    if (!catalogue) return;
    for (std::size_t i = 0; i < catalogue.value().items.size() && i < 8; ++i) {
        Json one = {{"format", kCatalogueFormat}, {"version", kCatalogueVersion},
                    {"items", Json::array({catalogue.value().items[i]})}};
        out.add("fuzz_catalogue", one.dump());
    }
}

void text_seeds(SeedWriter& out) {
    for (std::int64_t fen : std::initializer_list<std::int64_t>{0, 1, 5, 99, 100, 1250, -1250, 360000, kMaxFen, -kMaxFen}) {
        out.add("fuzz_money", format_yuan_plain(Fen{fen}));
        out.add("fuzz_money", format_fen(Fen{fen}, MoneyLocale::Chinese));
        out.add("fuzz_money", format_fen(Fen{fen}, MoneyLocale::English));
    }
    for (const char* typed : {"12.5", " ￥3 ", "+7.05元", "-0.10", "¥ 8"}) out.add("fuzz_money", typed);
    for (const char* text : {"2024-02-29", "2023-12-31", "0001-01-01", "9999-12-31", "2024-03", "2024H1", "2024q2",
                             "2024", "2024P3", "2024-12"})
        out.add("fuzz_dates", text);
}

// A libFuzzer dictionary of the JSON formats: every key and enum-like string value seen in
// the seeds, quoted as they appear in JSON, and the format names. Mutations then splice
// in whole keys and event types instead of finding them a byte at a time.
class Dictionary {
public:
    void collect(const Json& j) {
        if (j.is_object()) {
            for (const auto& [key, value] : j.items()) {
                add(Json(key).dump());
                collect(value);
            }
        } else if (j.is_array()) {
            for (const auto& value : j) collect(value);
        } else if (j.is_string() && is_enum_like(j.get_ref<const std::string&>())) {
            add(j.dump());  // event types and enum ids; names and ids would drown them
        }
    }
    void add(const std::string& token) { tokens_.insert(token); }
    void write(const fs::path& file) const {
        std::ofstream out(file, std::ios::binary);
        for (const std::string& token : tokens_) {
            out << '"';
            for (unsigned char c : token) {
                if (c == '"' || c == '\\') out << '\\' << c;
                else if (c < 0x20 || c >= 0x7F) out << "\\x" << "0123456789ABCDEF"[c >> 4] << "0123456789ABCDEF"[c & 15];
                else out << c;
            }
            out << "\"\n";
        }
    }

private:
    static bool is_enum_like(const std::string& text) {
        return !text.empty() && text.size() <= 32 &&
               std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
    }
    std::set<std::string> tokens_;
};

// Bundles of the bundle target's estate: short windows of what its store has not seen,
// a window it has partly seen (duplicates), and one with an event it holds.
void bundle_seeds(SeedWriter& out) {
    const auto& world = fuzz::bundle_world();
    const std::span<const Event> later(world.later);
    const std::size_t step = std::max<std::size_t>(1, later.size() / 24);
    for (std::size_t at = 0; at + 4 <= later.size(); at += step) out.add("fuzz_bundle", fuzz::office_bundle(later.subspan(at, 4)));
    std::vector<Event> mixed(world.held.end() - 2, world.held.end());
    mixed.push_back(later.front());
    out.add("fuzz_bundle", fuzz::office_bundle(mixed));
    out.add("fuzz_bundle", fuzz::office_bundle({}));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds OUT_DIR\n");
        return 2;
    }
    auto generated = generate_estate(EstateSize::small, 1);
    auto demo = demo_events(DemoOptions{.months = 3, .buildings = 2, .rooms_per_building = 4});
    if (!generated || !demo) {
        std::fprintf(stderr, "make_seeds: the generator or the demo failed: %s\n",
                     codes_of(generated ? demo.errors() : generated.errors()).c_str());
        return 1;
    }
    SeedWriter out(argv[1]);
    for (const auto* events : {&generated.value(), &demo.value()}) {
        event_seeds(*events, out);
        file_seeds(*events, out);
        segment_seeds(*events, out);
    }
    Dictionary dictionary;
    for (const auto* events : {&generated.value(), &demo.value()})
        for (const Event& e : *events) dictionary.collect(Json(e));
    for (const char* format : {"\"bianmin-events\"", "\"bianmin-catalogue\"", "\"format\"", "\"version\"", "\"events\"",
                               "\"items\"", "null", "true", "false", "-9223372036854775808", "18446744073709551616", "1e3"})
        dictionary.add(format);
    dictionary.write(fs::path(argv[1]) / "json.dict");
    catalogue_seeds(out);
    bundle_seeds(out);
    text_seeds(out);
    for (const auto& [target, count] : out.counts()) std::printf("%-22s %5d seeds\n", target.c_str(), count);
    return 0;
}
