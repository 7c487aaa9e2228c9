// bianmin generate: see cmd_generate.hpp.
#include "cmd_generate.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>

#include "bianmin/exchange.hpp"
#include "bianmin/generator.hpp"
#include "cli.hpp"
#include "sha256.hpp"

namespace bianmin::cli {
namespace {

int fail(std::ostream& err, int code, const std::string& en, const std::string& zh) {
    err << "bianmin generate: " << en << "\nbianmin generate: " << zh << "\n";
    if (code == kExitUsage) err << "usage: bianmin generate --size small|full --seed N [--out FILE] [--format events|bundle]\n";
    return code;
}

}  // namespace

int generate(const Args& args, std::ostream& out, std::ostream& err) {
    auto size_text = args.get("--size");
    auto seed_text = args.get("--seed");
    if (!size_text || !seed_text) return fail(err, kExitUsage, "--size and --seed are required", "需要 --size 和 --seed 参数");
    auto size = estate_size_from_string(*size_text);
    if (!size) return fail(err, kExitUsage, "--size is small or full", "--size 应为 small 或 full");
    const std::string& s = *seed_text;
    if (s.empty() || s.size() > 19 || s.find_first_not_of("0123456789") != std::string::npos)
        return fail(err, kExitUsage, "--seed is a whole number (up to 19 digits)", "--seed 应为非负整数(最多19位)");
    const std::uint64_t seed = std::stoull(s);
    const std::string format = args.get("--format").value_or("events");
    if (format != "events" && format != "bundle")
        return fail(err, kExitUsage, "--format is events or bundle", "--format 应为 events 或 bundle");

    const auto started = std::chrono::steady_clock::now();
    auto events = generate_estate(*size, seed);
    if (!events.ok()) {
        err << events.errors();
        return fail(err, kExitBadInput, "the generator made a command the core refused (a bug): " + codes_of(events.errors()),
                    "生成器产生了被拒绝的操作(程序缺陷)");
    }
    std::string bytes;
    if (format == "events") {
        bytes = write_generated(events.value());
    } else {
        auto bundle = generated_bundle(events.value());
        if (!bundle.ok()) return fail(err, kExitBadInput, "cannot make the bundle: " + codes_of(bundle.errors()), "无法生成交换文件");
        bytes = seal_and_write(bundle.value(), sha256_hex);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    if (auto path = args.get("--out"); path && !path->empty()) {
        std::ofstream file(*path, std::ios::binary);
        file << bytes;
        if (!file) return fail(err, kExitBadInput, "cannot write " + *path, "无法写入: " + *path);
    } else {
        out << bytes;
    }
    char summary[160];
    std::snprintf(summary, sizeof summary, "generated %zu events, %zu bytes, in %.2f s (size %s, seed %llu)\n",
                  events.value().size(), bytes.size(), seconds, std::string(to_string(*size)).c_str(),
                  static_cast<unsigned long long>(seed));
    err << summary;
    return kExitOk;
}

}  // namespace bianmin::cli
