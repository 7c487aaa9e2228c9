// Test helpers for the command-line tool: run it with string streams, temporary files.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

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

// A path in the temporary directory, prefixed so tests do not collide with other files,
// and with the process id: CTest runs test cases as parallel processes.
inline std::string scratch_path(const std::string& name) {
    const std::string prefix = "bianmin-scratch-" + std::to_string(::getpid()) + "-";
    return (std::filesystem::temp_directory_path() / (prefix + name)).string();
}

inline std::string scratch_file(const std::string& name, const std::string& bytes) {
    std::string path = scratch_path(name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

inline std::string bytes_of(const std::string& path) { return bianmin::cli::read_file(path).value_or("<missing>"); }

}  // namespace cfx
