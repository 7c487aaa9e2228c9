#include "args.hpp"

#include <set>

namespace bianmin::cli {

namespace {
const std::set<std::string> kValued = {"--events", "--month", "--period", "--lang", "--out", "--item", "--at",
                                       "--households", "--months", "--seed", "--year", "--size", "--format",
                                       // exchange bundles
                                       "--kind", "--device", "--seen", "--household", "--source-device", "--into",
                                       "--created-at", "--max-mib"};
const std::set<std::string> kFlags = {"--csv", "--help", "-h"};
}  // namespace

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
}

Args parse_args(const std::vector<std::string>& args) {
    Args a;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& word = args[i];
        if (word.rfind("-", 0) != 0) {
            a.words.push_back(word);
            continue;
        }
        std::string name = word, value;
        auto eq = word.find('=');
        if (eq != std::string::npos) {
            name = word.substr(0, eq);
            value = word.substr(eq + 1);
        }
        if (kValued.count(name)) {
            if (eq == std::string::npos) {
                if (i + 1 >= args.size()) {
                    a.error = name + " needs a value";
                    return a;
                }
                value = args[++i];
            }
        } else if (!kFlags.count(name)) {
            a.error = "unknown option " + name;
            return a;
        }
        if (a.options.count(name)) {
            a.error = name + " given twice";
            return a;
        }
        a.options[name] = value;
    }
    return a;
}

}  // namespace bianmin::cli
