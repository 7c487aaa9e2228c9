// bianmin generate — a realistic estate's events from a seed (generator.hpp).
//
//   bianmin generate --size small|full --seed N [--out FILE]
//
// Writes the generated events (to FILE, or standard output) and says on standard error
// how many, how many bytes and how long it took.
#pragma once

#include <ostream>

#include "args.hpp"

namespace bianmin::cli {

int generate(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace bianmin::cli
