// The malformed-bundle corpus, checked: every case is refused with the expected code
// and a message in both languages, and the store is unchanged — in the core
// (import_bundle into a Ledger) and through the office's tool (bianmin import into an
// events file).
//
//   check_malformed base DIR    writes DIR/store.json (the store: the first half of a
//                               small demo estate) and DIR/valid.bundle (3 later events,
//                               one of them money, sealed) — the input of make_malformed.py —
//                               and DIR/store.bundle, the same store as an office-full
//                               bundle (a browser joins an estate only from a bundle: the
//                               browser sample, tests/browser/specs/malformed_sample.spec.mjs)
//   check_malformed check DIR   checks every case of DIR/manifest.jsonl; the last line is
//                               "SUITE passed=N failed=M" (one per case, plus the sanity
//                               checks that the valid bundle itself imports)
//
// The store's digest is SHA-256 over canonical_event_bytes of every event it holds (the
// Ledger), and over the bytes of the events file (the tool). Files are mapped, not read:
// the case "far over the size limit" is a sparse file of hundreds of MiB.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bianmin/exchange_import.hpp"
#include "cli.hpp"
#include "files.hpp"
#include "seed_bundles.hpp"

using namespace bianmin;
namespace fs = std::filesystem;

namespace {

// A file's bytes, mapped read-only (nothing is loaded until touched).
class MappedFile {
public:
    explicit MappedFile(const std::string& path) {
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        struct stat info {};
        if (fd < 0 || ::fstat(fd, &info) != 0) {
            if (fd >= 0) ::close(fd);
            return;
        }
        size_ = std::size_t(info.st_size);
        ok_ = true;
        if (size_ > 0) {
            void* at = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
            if (at == MAP_FAILED) ok_ = false;
            else data_ = static_cast<const char*>(at);
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (data_) ::munmap(const_cast<char*>(data_), size_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    bool ok() const { return ok_; }
    std::string_view text() const { return {data_ ? data_ : "", size_}; }

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    bool ok_ = false;
};

std::string store_digest(const Ledger& store) { return cli::sha256_hex(canonical_event_bytes(store.events())); }
std::string file_digest(const std::string& path) { return cli::sha256_hex(cli::read_file(path).value_or("<missing>")); }

bool has_cjk(std::string_view text) {
    // UTF-8 lead bytes E4–E9 start the CJK Unified Ideographs (U+4E00–U+9FFF).
    return std::any_of(text.begin(), text.end(), [](char c) { return (unsigned char)c >= 0xE4 && (unsigned char)c <= 0xE9; });
}
bool has_latin(std::string_view text) {
    return std::count_if(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }) >= 4;
}

Result<Ledger> load_store(const std::string& path) {
    auto events = read_events_file(cli::read_file(path).value_or(""));
    if (!events.ok()) return events.errors();
    Ledger store;
    auto added = store.add(std::move(events).value());
    if (!added.rejected.empty()) return added.rejected;
    return store;
}

ImportOptions options_for(std::size_t limit_mib) {
    ImportOptions options;
    options.max_bytes = limit_mib << 20;
    options.now_ms = SystemClock{}.now_ms();  // as the tool does
    return options;
}

int write_base(const fs::path& dir) {
    const auto& world = fuzz::bundle_world();
    fs::create_directories(dir);
    std::ofstream(dir / "store.json", std::ios::binary) << write_events_file(world.held);
    std::ofstream(dir / "store.bundle", std::ios::binary) << fuzz::office_bundle(world.held);
    // Three consecutive later events around the first money event.
    const auto money = std::find_if(world.later.begin(), world.later.end(), [](const Event& e) { return is_money_event(e.type()); });
    fuzz::require(money != world.later.end(), "the demo's later half has a money event");
    const auto first = money == world.later.begin() ? money : money - 1;
    fuzz::require(world.later.end() - first >= 3, "three events from the money event on");
    std::ofstream(dir / "valid.bundle", std::ios::binary) << fuzz::office_bundle({&*first, 3});
    std::printf("wrote %s/store.json and store.bundle (%zu events each) and valid.bundle (3 events)\n", dir.c_str(),
                world.held.size());
    return 0;
}

struct Tally {
    int passed = 0, failed = 0;
    void record(bool ok, const std::string& name, const std::string& why) {
        if (ok) ++passed;
        else {
            ++failed;
            std::printf("FAIL %s: %s\n", name.c_str(), why.c_str());
        }
    }
};

// The valid bundle must import, or every refusal below would prove nothing.
void check_valid(const fs::path& dir, const Ledger& pristine, Tally& tally) {
    Ledger store = pristine;
    const MappedFile file((dir / "valid.bundle").string());
    auto first = import_bundle(store, file.text(), cli::sha256_hex, options_for(1));
    tally.record(first.ok() && first.value().new_events == 3, "valid bundle (core)",
                 first.ok() ? "new events " + std::to_string(first.value().new_events) : codes_of(first.errors()));
    auto second = import_bundle(store, file.text(), cli::sha256_hex, options_for(1));
    tally.record(second.ok() && second.value().new_events == 0 && second.value().duplicates == 3,
                 "valid bundle again (core)", second.ok() ? "not all duplicates" : codes_of(second.errors()));

    const fs::path copy = dir / "work" / "valid-store.json";
    fs::copy_file(dir / "store.json", copy, fs::copy_options::overwrite_existing);
    std::ostringstream out, err;
    const int status = cli::run({"import", (dir / "valid.bundle").string(), "--into", copy.string(), "--max-mib", "1"}, out, err);
    auto after = load_store(copy.string());
    tally.record(status == cli::kExitOk && after.ok() && after.value().size() == pristine.size() + 3,
                 "valid bundle (bianmin import)", "exit " + std::to_string(status) + ": " + err.str());

    // The browser sample joins an estate from store.bundle: it must give exactly the store.
    Ledger joined;
    const MappedFile store_bundle((dir / "store.bundle").string());
    auto join = import_bundle(joined, store_bundle.text(), cli::sha256_hex, options_for(256));
    tally.record(join.ok() && store_digest(joined) == store_digest(pristine), "store.bundle holds the store's events",
                 join.ok() ? std::to_string(joined.size()) + " events, the store has " + std::to_string(pristine.size())
                           : codes_of(join.errors()));
}

void check_case(const Json& c, const fs::path& dir, Ledger& store, const std::string& pristine_digest,
                const std::string& store_file, Tally& tally) {
    const std::string name = c.at("file").get<std::string>();
    const auto expect = c.at("expect").get<std::vector<std::string>>();
    const std::size_t limit_mib = c.value("limit_mib", std::size_t(1));
    const std::string path = (dir / name).string();
    const MappedFile file(path);
    if (!file.ok()) return tally.record(false, name, "cannot open the case");
    auto expected = [&](const std::string& code) { return std::find(expect.begin(), expect.end(), code) != expect.end(); };
    std::string wanted;
    for (const auto& code : expect) wanted += (wanted.empty() ? "" : " or ") + code;

    // In the core.
    auto result = import_bundle(store, file.text(), cli::sha256_hex, options_for(limit_mib));
    const std::string after = store_digest(store);
    if (result.ok()) {
        tally.record(false, name + " (core)", "accepted (" + std::to_string(result.value().new_events) + " new events); expected " + wanted);
    } else {
        const Error& e = result.errors().front();
        std::string why;
        if (!expected(e.code)) why = "refused with " + codes_of(result.errors()) + ", expected " + wanted;
        else if (!has_cjk(e.message_zh) || !has_latin(e.message_en)) why = "message not bilingual: " + e.message_zh + " / " + e.message_en;
        else if (valid_utf8(e.message_zh) != e.message_zh || valid_utf8(e.message_en) != e.message_en)
            why = "a message is not valid UTF-8 (it quotes the file's bytes)";
        else if (after != pristine_digest) why = "the store changed";
        tally.record(why.empty(), name + " (core)", why);
    }
    if (after != pristine_digest) store = load_store((dir / "store.json").string()).value();

    // Through the tool, into an events file.
    const std::string before_file = file_digest(store_file);
    std::ostringstream out, err;
    std::vector<std::string> args{"import", path, "--into", store_file};
    if (limit_mib != 256) args.insert(args.end(), {"--max-mib", std::to_string(limit_mib)});
    const int status = cli::run(args, out, err);
    std::string why;
    const std::string said = err.str();
    bool named = false;
    for (const auto& code : expect) named = named || said.find("[" + code + "]") != std::string::npos;
    if (status != cli::kExitBadInput) why = "exit status " + std::to_string(status) + ", expected 1";
    else if (!named) why = "did not name " + wanted + ": " + said.substr(0, 300);
    else if (!has_cjk(said) || !has_latin(said)) why = "message not bilingual: " + said.substr(0, 300);
    else if (valid_utf8(said) != said) why = "what the tool printed is not valid UTF-8";
    else if (file_digest(store_file) != before_file) why = "the events file changed";
    // One wrongly accepted case must not spoil the next ones: start them from the store.
    if (file_digest(store_file) != before_file) fs::copy_file(dir / "store.json", store_file, fs::copy_options::overwrite_existing);
    const auto leftovers = std::distance(fs::directory_iterator(fs::path(store_file).parent_path()), fs::directory_iterator());
    if (why.empty() && leftovers != 1) why = "files left beside the events file";
    tally.record(why.empty(), name + " (bianmin import)", why);
}

int check(const fs::path& dir) {
    auto pristine = load_store((dir / "store.json").string());
    if (!pristine.ok()) {
        std::printf("cannot load %s/store.json: %s\nSUITE passed=0 failed=1\n", dir.c_str(), codes_of(pristine.errors()).c_str());
        return 1;
    }
    fs::remove_all(dir / "work");
    fs::create_directories(dir / "work" / "tool");
    Tally tally;
    check_valid(dir, pristine.value(), tally);

    const std::string store_file = (dir / "work" / "tool" / "store.json").string();
    fs::copy_file(dir / "store.json", store_file);
    Ledger store = pristine.value();
    const std::string pristine_digest = store_digest(store);
    std::ifstream manifest(dir / "manifest.jsonl");
    std::string line;
    int cases = 0;
    while (std::getline(manifest, line)) {
        if (line.empty()) continue;
        ++cases;
        check_case(Json::parse(line), dir, store, pristine_digest, store_file, tally);
    }
    tally.record(cases >= 200, "corpus size", std::to_string(cases) + " cases, fewer than 200");
    std::printf("%d malformed bundles, each checked in the core and through bianmin import\n", cases);
    std::printf("SUITE passed=%d failed=%d\n", tally.passed, tally.failed);
    return tally.failed == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 2 && args[0] == "base") return write_base(args[1]);
    if (args.size() == 2 && args[0] == "check") return check(args[1]);
    std::fprintf(stderr, "usage: check_malformed base DIR | check DIR\n");
    return 2;
}
