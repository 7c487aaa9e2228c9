// Reading and writing whole files for the tool's commands.
#pragma once

#include <optional>
#include <string>

namespace bianmin::cli {

// The file's bytes, or nullopt when it cannot be read.
std::optional<std::string> read_file(const std::string& path);

// Writes the bytes to a temporary file beside `path`, then renames it over `path`: a
// reader sees the old file or the new one, never half of one. False on failure (the
// old file is left as it was).
bool write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace bianmin::cli
