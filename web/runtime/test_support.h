// TEST-ONLY support shared by the test shortcuts (test_session.cpp) and the benchmark
// hooks (test_bench.cpp): both load a prepared log into the page and then need this
// device registered to run commands on it.
#pragma once

#include <string>
#include <vector>

#include "bianmin/errors.hpp"
#include "bianmin/event.hpp"
#include "bianmin/projection.hpp"

namespace bianmin::test_support {

// The event registering this device as an office device, made by the estate's founder on
// the founding device just after the log's last event (in real use the office does this
// and sends a bundle). Errors if the log has no estate.
Result<std::vector<Event>> register_this_device(const Ledger& ledger, const char* label);

// Imports events through session::add_imported; *outcome becomes "pending", then "done"
// or "failed: <detail>" (the page polls it).
void import(std::vector<Event> events, std::string* outcome);

}  // namespace bianmin::test_support
