// Test helpers for the command-line tool: run it with string streams, temporary files.
// (tests/test_cli.cpp has its own copies from before this header; it can switch to it.)
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "files.hpp"

namespace cfx {

struct ToolRun {
    int code = -1;
    std::string out, err;
};

inline ToolRun run_tool(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    ToolRun run;
    run.code = bianmin::cli::run(args, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

// A path in the temporary directory, prefixed so tests do not collide with other files.
inline std::string scratch_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("bianmin-scratch-" + name)).string();
}

inline std::string scratch_file(const std::string& name, const std::string& bytes) {
    std::string path = scratch_path(name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

inline std::string bytes_of(const std::string& path) { return bianmin::cli::read_file(path).value_or("<missing>"); }

}  // namespace cfx
