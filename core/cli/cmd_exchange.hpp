// bianmin export | import | merge | verify — exchange bundles for the office's scripts
// (core: exchange.hpp, exchange_import.hpp; format: docs/EXCHANGE.md).
//
//   bianmin export --kind office|delta|resident --events FILE --out FILE
//                  [--device D] [--seen FILE_OR_JSON]      (delta: for device D, which has seen …)
//                  [--household H]                         (resident: household H's slice)
//                  [--source-device D] [--created-at MS]
//   bianmin import BUNDLE --into EVENTS_FILE [--max-mib N]
//   bianmin merge A.json B.json ... --out FILE [--source-device D] [--created-at MS]
//   bianmin verify FILE [--max-mib N]
//
// --source-device defaults to the device that created the estate (the office's first);
// --created-at (Unix ms) to now; --seen is a version vector {"device":n,...} or a file
// holding one or a bundle (its "seen"). Exit codes as the whole tool: 0 done, 1 bad input
// (each reason in English and Chinese with its code), 2 bad usage. import rewrites
// EVENTS_FILE only when something is new, through a temporary file and a rename; a
// missing EVENTS_FILE is an empty store. On any rejection nothing is written.
#pragma once

#include <ostream>
#include <string>

#include "args.hpp"
#include "bianmin/table.hpp"

namespace bianmin::cli {

bool is_exchange_command(const std::string& command);
int exchange_command(const Args& args, Language language, std::ostream& out, std::ostream& err);

}  // namespace bianmin::cli
