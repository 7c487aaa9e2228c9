// TEST-ONLY (?test=1): the page's whole event log as an events file (json.hpp), so a
// browser test can run the CLI's reports on exactly the events the page shows and
// compare figures computed apart from the UI (tests/browser/specs/reports.spec.mjs).
#include <emscripten.h>

#include <string>

#include "bianmin/json.hpp"
#include "platform/platform.h"
#include "runtime/session.h"

extern "C" {

// {"format":"bianmin-events","version":1,"events":[...]}, or "" outside test mode.
EMSCRIPTEN_KEEPALIVE const char* bm_test_events_file() {
    static std::string text;
    text = bianmin::platform::test_mode() ? bianmin::write_events_file(bianmin::session::ledger().events()) : "";
    return text.c_str();
}

}  // extern "C"
