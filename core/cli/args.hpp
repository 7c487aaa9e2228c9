// Command-line arguments: one command word (two for "report income"), positional
// words, and --options with values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bianmin::cli {

struct Args {
    std::vector<std::string> words;             // command and positional words
    std::map<std::string, std::string> options; // "--month" -> "2024-03"; flags -> ""
    std::string error;                          // set when the line cannot be read

    std::optional<std::string> get(const std::string& name) const;
    bool flag(const std::string& name) const { return options.count(name) != 0; }
};

// Options that take a value; every other --option is a flag.
Args parse_args(const std::vector<std::string>& args);

}  // namespace bianmin::cli
