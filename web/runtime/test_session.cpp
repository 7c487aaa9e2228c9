// TEST-ONLY hooks over the session (window.bianmin.test, only with ?test=1): load the
// core's demo year, sign in as anyone, open a screen. They let browser tests start a
// screen with realistic data without first clicking through set-up and sign-in (which
// have their own tests). Every function refuses outside test mode.
#include <emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

#include "app.h"
#include "bianmin/commands.hpp"
#include "bianmin/demo.hpp"
#include "bianmin/enums.hpp"
#include "platform/platform.h"
#include "runtime/session.h"
#include "runtime/test_support.h"
#include "screens/screens.h"

namespace {

// The demo load runs through IndexedDB: the page polls its outcome.
std::string g_demo_outcome = "idle";  // idle | pending | done | failed: <detail>

// The demo's events, plus this device registered so that the signed-in person can run
// commands here.
bianmin::Result<std::vector<bianmin::Event>> demo_with_this_device(int year, int months) {
    using namespace bianmin;
    DemoOptions options;
    options.year = year;
    options.months = months;
    auto events = demo_events(options);
    if (!events) return events;
    Ledger ledger;
    ledger.add(events.value());
    auto registered = test_support::register_this_device(ledger, "test tablet");
    if (!registered) return registered;
    auto all = std::move(events).value();
    for (auto& e : registered.value()) all.push_back(std::move(e));
    return all;
}

}  // namespace

extern "C" {

// Starts loading the demo; poll bm_test_demo_outcome(). Returns 0 if refused.
EMSCRIPTEN_KEEPALIVE int bm_test_load_demo(int year, int months) {
    if (!bianmin::platform::test_mode() || !bianmin::session::loaded()) return 0;
    auto events = demo_with_this_device(year, months);
    if (!events) {
        g_demo_outcome = "failed: " + bianmin::codes_of(events.errors());
        return 1;
    }
    bianmin::test_support::import(std::move(events).value(), &g_demo_outcome);
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* bm_test_demo_outcome() { return g_demo_outcome.c_str(); }

// Signs in as a person in a role (no PIN). Returns 0 if refused.
EMSCRIPTEN_KEEPALIVE int bm_test_sign_in(const char* person, const char* role) {
    if (!bianmin::platform::test_mode()) return 0;
    auto parsed = bianmin::enum_from_string<bianmin::Role>(role);
    if (!parsed) return 0;
    bianmin::session::sign_in(bianmin::Actor{person, *parsed});
    return 1;
}

EMSCRIPTEN_KEEPALIVE int bm_test_open_screen(const char* id) {
    if (!bianmin::platform::test_mode() || !bianmin::screens::find_screen(id)) return 0;
    bianmin::app().open_screen(id);
    return 1;
}

}  // extern "C"
