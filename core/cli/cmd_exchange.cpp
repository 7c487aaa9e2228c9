// bianmin export | import | merge | verify: see cmd_exchange.hpp.
//
// Index
// [SECTION] Messages
// [SECTION] Inputs: options, the store, bundle files
// [SECTION] Commands
// [SECTION] Dispatch
#include "cmd_exchange.hpp"

#include <filesystem>

#include "bianmin/exchange_import.hpp"
#include "cli.hpp"
#include "files.hpp"
#include "sha256.hpp"

namespace bianmin::cli {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Messages
//-----------------------------------------------------------------------------

struct Io {
    const Args& args;
    Language language;
    std::ostream& out;
    std::ostream& err;
    std::string command;
};

int usage_error(const Io& io, const std::string& en, const std::string& zh) {
    io.err << "bianmin " << io.command << ": " << en << "\nbianmin " << io.command << ": " << zh << "\n\n" << usage();
    return kExitUsage;
}

// Every reason, in both languages, with its code; `where` (a file) first when given.
int input_error(const Io& io, const Errors& errors, const std::string& where = "") {
    std::string prefix = "bianmin " + io.command + ": " + (where.empty() ? "" : where + ": ");
    for (const auto& e : errors) {
        io.err << prefix << e.message_en << " [" << e.code << "]\n";
        io.err << prefix << e.message_zh << "\n";
    }
    return kExitBadInput;
}

Error file_error(const std::string& path, const std::string& zh, const std::string& en) {
    return make_error("file.unusable", "path", zh + ": " + path, en + ": " + path);
}

//-----------------------------------------------------------------------------
// [SECTION] Inputs: options, the store, bundle files
//-----------------------------------------------------------------------------

bool read_digits(const std::string& text, std::size_t max_digits, std::int64_t& value) {
    if (text.empty() || text.size() > max_digits || text.find_first_not_of("0123456789") != std::string::npos) return false;
    value = std::stoll(text);
    return true;
}

// --created-at, or now.
std::optional<std::int64_t> created_at_option(const Io& io) {
    auto text = io.args.get("--created-at");
    if (!text) return SystemClock{}.now_ms();
    std::int64_t ms = 0;
    if (!read_digits(*text, 15, ms)) return std::nullopt;
    return ms;
}

// --max-mib and the current time for the clock check.
std::optional<ImportOptions> import_options(const Io& io) {
    ImportOptions options;
    options.now_ms = SystemClock{}.now_ms();
    if (auto text = io.args.get("--max-mib")) {
        std::int64_t mib = 0;
        if (!read_digits(*text, 5, mib) || mib < 1 || mib > 65536) return std::nullopt;
        options.max_bytes = std::size_t(mib) << 20;
    }
    return options;
}

// The store of an events file; a missing file is an empty store when `missing_ok`.
std::optional<Errors> load_store(const std::string& path, bool missing_ok, Ledger& store) {
    if (missing_ok && !std::filesystem::exists(path)) return std::nullopt;
    auto text = read_file(path);
    if (!text) return Errors{file_error(path, "无法读取事件文件", "cannot read the events file")};
    auto events = read_events_file(*text);
    if (!events.ok()) return events.errors();
    auto added = store.add(std::move(events).value());
    if (!added.rejected.empty()) return added.rejected;
    return std::nullopt;
}

// A bundle file's text. Its size is checked before reading: a huge file is refused
// without loading it.
Result<std::string> read_bundle_file(const std::string& path, const ImportOptions& options) {
    std::error_code error;
    auto size = std::filesystem::file_size(path, error);
    if (error) return file_error(path, "无法读取文件", "cannot read the file");
    if (size > options.max_bytes) {
        std::string detail = std::to_string(size) + " > " + std::to_string(options.max_bytes) + " bytes";
        return bundle_error("bundle.too_large", "", detail, detail);
    }
    auto text = read_file(path);
    if (!text) return file_error(path, "无法读取文件", "cannot read the file");
    return std::move(*text);
}

// A bundle file, opened: parsed, validated, digest checked.
Result<Bundle> open_bundle_file(const std::string& path, const ImportOptions& options) {
    auto text = read_bundle_file(path, options);
    if (!text.ok()) return text.errors();
    return open_bundle(text.value(), sha256_hex, options);
}

// --seen: inline JSON, or a file holding a version vector or a bundle (its "seen").
Result<VersionVector> seen_option(const std::string& value, const ImportOptions& options) {
    auto first = value.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && value[first] == '{') return parse_version_vector(value);
    auto text = read_file(value);
    if (!text) return file_error(value, "无法读取文件", "cannot read the file");
    if (text->find("\"format\"") == std::string::npos) return parse_version_vector(*text);
    auto bundle = open_bundle_file(value, options);
    if (!bundle.ok()) return bundle.errors();
    return bundle.value().header.seen;
}

std::string utc_text(std::int64_t ms) {
    std::int64_t minutes = (ms % kMsPerDay) / kMsPerMinute;
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", int(minutes / 60), int(minutes % 60));
    return to_string(local_date(ms, 0)) + " " + clock + " UTC";
}

std::string describe(const Bundle& bundle) {
    const BundleHeader& h = bundle.header;
    std::string text = std::string(to_string(h.kind)) + " bundle of estate " + h.estate_id + " from " + h.source_device;
    if (!h.for_device.empty()) text += " for " + h.for_device;
    if (!h.household.empty()) text += " for household " + h.household;
    return text + ", " + std::to_string(bundle.events.size()) + " events, created " + utc_text(h.created_at) +
           ", SHA-256 " + h.digest_hex.substr(0, 16) + "…";
}

//-----------------------------------------------------------------------------
// [SECTION] Commands
//-----------------------------------------------------------------------------

int export_command(const Io& io) {
    auto kind_text = io.args.get("--kind");
    auto events_path = io.args.get("--events");
    auto out_path = io.args.get("--out");
    if (!kind_text || !events_path || !out_path)
        return usage_error(io, "--kind, --events and --out are required", "需要 --kind、--events 和 --out 参数");
    ExportRequest request;
    if (*kind_text == "office" || *kind_text == "office_full") request.kind = BundleKind::office_full;
    else if (*kind_text == "delta") request.kind = BundleKind::delta;
    else if (*kind_text == "resident") request.kind = BundleKind::resident;
    else return usage_error(io, "--kind is office, delta or resident", "--kind 应为 office、delta 或 resident");
    const bool delta = request.kind == BundleKind::delta, resident = request.kind == BundleKind::resident;
    if (delta != io.args.get("--device").has_value() || (!delta && io.args.get("--seen")))
        return usage_error(io, "--device (and --seen) go with --kind delta, and it needs --device",
                           "--device(及 --seen)用于 --kind delta,且 delta 必须给出 --device");
    if (resident != io.args.get("--household").has_value())
        return usage_error(io, "--household goes with --kind resident, and it needs one", "--household 用于 --kind resident,且必须给出");
    auto created_at = created_at_option(io);
    if (!created_at) return usage_error(io, "--created-at is Unix time in milliseconds", "--created-at 应为毫秒时间戳");
    const ImportOptions options = import_options(io).value_or(ImportOptions{});

    Ledger store;
    if (auto bad = load_store(*events_path, false, store)) return input_error(io, *bad, *events_path);
    request.created_at = *created_at;
    request.source_device = io.args.get("--source-device").value_or(founding_device(store));
    if (delta) {
        request.for_device = *io.args.get("--device");
        if (auto seen_text = io.args.get("--seen")) {
            auto seen = seen_option(*seen_text, options);
            if (!seen.ok()) return input_error(io, seen.errors(), *seen_text);
            request.device_seen = seen.value();
        }
    }
    if (resident) request.household = *io.args.get("--household");
    auto bundle = make_bundle(store, request);
    if (!bundle.ok()) return input_error(io, bundle.errors());
    const std::string bytes = seal_and_write(bundle.value(), sha256_hex);
    if (!write_file_atomically(*out_path, bytes))
        return input_error(io, {file_error(*out_path, "无法写入", "cannot write")});
    io.out << "wrote " << describe(bundle.value()) << ", " << bytes.size() << " bytes, to " << *out_path << "\n";
    return kExitOk;
}

int import_command(const Io& io) {
    auto into = io.args.get("--into");
    if (io.args.words.size() != 2 || !into)
        return usage_error(io, "import BUNDLE --into EVENTS_FILE", "用法: import 交换文件 --into 事件文件");
    const std::string& bundle_path = io.args.words[1];
    auto options = import_options(io);
    if (!options) return usage_error(io, "--max-mib is 1–65536", "--max-mib 应为 1–65536");
    Ledger store;
    if (auto bad = load_store(*into, true, store)) return input_error(io, *bad, *into);
    auto text = read_bundle_file(bundle_path, *options);
    if (!text.ok()) return input_error(io, text.errors(), bundle_path);
    auto summary = import_bundle(store, text.value(), sha256_hex, *options);
    if (!summary.ok()) return input_error(io, summary.errors(), bundle_path);
    if (summary.value().new_events > 0 && !write_file_atomically(*into, write_events_file(store.events())))
        return input_error(io, {file_error(*into, "无法写入,事件文件未改变", "cannot write; the events file is unchanged")});
    io.out << summary_text(summary.value(), io.language);
    return kExitOk;
}

int merge_command(const Io& io) {
    auto out_path = io.args.get("--out");
    if (io.args.words.size() < 2 || !out_path)
        return usage_error(io, "merge A.json B.json ... --out FILE", "用法: merge 文件1 文件2 ... --out 输出文件");
    auto created_at = created_at_option(io);
    if (!created_at) return usage_error(io, "--created-at is Unix time in milliseconds", "--created-at 应为毫秒时间戳");
    auto options = import_options(io);
    if (!options) return usage_error(io, "--max-mib is 1–65536", "--max-mib 应为 1–65536");
    std::vector<Bundle> bundles;
    for (std::size_t i = 1; i < io.args.words.size(); ++i) {
        auto bundle = open_bundle_file(io.args.words[i], *options);
        if (!bundle.ok()) return input_error(io, bundle.errors(), io.args.words[i]);
        bundles.push_back(std::move(bundle).value());
    }
    auto merged = merge_bundles(bundles, MergeRequest{io.args.get("--source-device").value_or(""), *created_at});
    if (!merged.ok()) return input_error(io, merged.errors());
    const std::string bytes = seal_and_write(merged.value(), sha256_hex);
    if (!write_file_atomically(*out_path, bytes))
        return input_error(io, {file_error(*out_path, "无法写入", "cannot write")});
    io.out << "merged " << bundles.size() << " bundles into " << describe(merged.value()) << ", " << bytes.size()
           << " bytes, to " << *out_path << "\n";
    return kExitOk;
}

int verify_command(const Io& io) {
    if (io.args.words.size() != 2) return usage_error(io, "verify FILE", "用法: verify 交换文件");
    auto options = import_options(io);
    if (!options) return usage_error(io, "--max-mib is 1–65536", "--max-mib 应为 1–65536");
    auto bundle = open_bundle_file(io.args.words[1], *options);
    if (!bundle.ok()) return input_error(io, bundle.errors(), io.args.words[1]);
    io.out << "ok: " << describe(bundle.value()) << "\n";
    return kExitOk;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Dispatch
//-----------------------------------------------------------------------------

bool is_exchange_command(const std::string& command) {
    return command == "export" || command == "import" || command == "merge" || command == "verify";
}

int exchange_command(const Args& args, Language language, std::ostream& out, std::ostream& err) {
    const Io io{args, language, out, err, args.words.front()};
    if (io.command == "export") return export_command(io);
    if (io.command == "import") return import_command(io);
    if (io.command == "merge") return merge_command(io);
    return verify_command(io);
}

}  // namespace bianmin::cli
