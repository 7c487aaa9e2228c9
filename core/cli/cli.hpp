// The office's command-line tool: reports over an events file.
//
//   bianmin report income --month 2024-03 --events FILE [--csv] [--lang en]
//   bianmin breakeven --month 2024-03 --events FILE
//   bianmin register <name> --events FILE [--month 2024-03]
//   bianmin assessment --period 2024H1 --events FILE [--at 2024-07-01]
//   ... (usage() lists all)
//
// run() is the whole tool, so tests call it with string streams. Exit codes: 0 done,
// 1 bad input (file, JSON, values), 2 bad usage.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace bianmin::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

// args excludes the program name.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
std::string usage();

}  // namespace bianmin::cli
