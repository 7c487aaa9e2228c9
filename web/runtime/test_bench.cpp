// TEST-ONLY hooks for the benchmarks (tests/bench/run, docs/PERFORMANCE.md), called with
// Module.ccall from the benchmark's page script, only with ?test=1:
//
//   bm_bench_import(bytes, length)   B1: the app's import path for an events file already in
//                                    the heap — the core parses and validates every event
//                                    (read_events_file), session::add_imported stores them in
//                                    one IndexedDB transaction, then the Ledger projects them.
//                                    Poll bm_bench_outcome() for "done" / "failed: …".
//   bm_bench_register_device()       lets this device run commands on imported data: the
//                                    estate's office manager registers it (as the office does
//                                    in real use), stored through the same import path.
//   bm_bench_sign_in(role)           signs in the first active staff member with that role
//                                    (B4 opens a staff screen on imported data).
//   bm_bench_edit()                  B3: one real command through session::run as a front-
//                                    desk person (sign-in, then sign-out, alternately); the
//                                    page then waits for window.bianmin.pending() to be 0.
// Every function refuses (returns 0) outside test mode.
#include <emscripten.h>

#include <string>

#include "bianmin/commands.hpp"
#include "bianmin/enums.hpp"
#include "bianmin/json.hpp"
#include "bianmin/time.hpp"
#include "platform/platform.h"
#include "runtime/session.h"
#include "runtime/test_support.h"

namespace {

using namespace bianmin;

std::string g_outcome = "idle";  // idle | pending | done | failed: <detail>
double g_parse_ms = 0;
bool g_signed_in_today = false;

template <typename Pick>
const StaffRecord* find_active_staff(const State& s, Pick pick) {
    for (const auto& [id, staff] : s.staff)
        if (staff.active && pick(staff)) return &staff;
    return nullptr;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int bm_bench_import(const char* bytes, int length) {
    if (!platform::test_mode() || !session::loaded()) return 0;
    const double started = emscripten_get_now();
    auto events = read_events_file(std::string_view(bytes, std::size_t(length)));
    g_parse_ms = emscripten_get_now() - started;
    if (!events) {
        g_outcome = "failed: " + codes_of(events.errors());
        return 1;
    }
    test_support::import(std::move(events).value(), &g_outcome);
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* bm_bench_outcome() { return g_outcome.c_str(); }
EMSCRIPTEN_KEEPALIVE double bm_bench_parse_ms() { return g_parse_ms; }

EMSCRIPTEN_KEEPALIVE int bm_bench_register_device() {
    if (!platform::test_mode() || !session::loaded() || session::ledger().events().empty()) return 0;
    auto registered = test_support::register_this_device(session::ledger(), "benchmark");
    if (!registered) {
        g_outcome = "failed: " + codes_of(registered.errors());
        return 1;
    }
    test_support::import(std::move(registered).value(), &g_outcome);
    return 1;
}

EMSCRIPTEN_KEEPALIVE int bm_bench_sign_in(const char* role_name) {
    const auto role = enum_from_string<Role>(role_name);
    if (!platform::test_mode() || !role) return 0;
    const StaffRecord* who = find_active_staff(session::state(), [&](const StaffRecord& r) { return r.has_role(*role); });
    if (!who) return 0;
    session::sign_in(Actor{who->person_id, *role});
    return 1;
}

EMSCRIPTEN_KEEPALIVE int bm_bench_edit() {
    if (!platform::test_mode()) return 0;
    if (!session::actor() && bm_bench_sign_in("front_desk") != 1) return 0;
    // Sign-in and sign-out alternate; the first try may meet a day already begun.
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto result = g_signed_in_today ? session::run(SignedOut{"bench"}) : session::run(SignedIn{"bench"});
        g_signed_in_today = !g_signed_in_today;
        if (result) return 1;
    }
    return 0;
}

}  // extern "C"
