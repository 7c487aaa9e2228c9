// Screens — the one place that lists every screen of the app. One file per screen, each
// with one draw function; the role of the signed-in person decides which ones show.
//
// Before anyone signs in, app.cpp picks one of the "gate" screens: the estate's board
// display (?mode=board), setting up or joining an estate, or signing in. After sign-in
// the navigation lists kScreens entries whose roles include the person's role (the core
// enforces the permissions anyway: a screen only makes commands easy to reach).
#pragma once

#include <cstdint>
#include <span>

namespace bianmin {
struct App;
}

namespace bianmin::screens {

// ---- Gate screens (no navigation) -------------------------------------------------------
void draw_board(App& app);    // screen_board.cpp: ?mode=board, the published price table, large, auto-scrolling
void draw_setup(App& app);    // screen_setup.cpp: an empty device: create the estate (office) or join one (import)
void draw_sign_in(App& app);  // screen_sign_in.cpp: staff name + PIN, or resident mode
// TEST-ONLY: every platform widget on one screen (?test=1&screen=gallery).
void draw_gallery(App& app);  // screen_gallery.cpp

// ---- Screens after sign-in ---------------------------------------------------------------
using DrawScreen = void (*)(App& app);

struct ScreenInfo {
    const char* id;         // stable: ?screen=<id> in test mode, and the test hook
    const char* title_key;  // translation key of the navigation entry
    std::uint32_t roles;    // role_bit()s (core/include/bianmin/fields.hpp) that see it
    DrawScreen draw;
};

// In navigation order. Defined in screens.cpp.
std::span<const ScreenInfo> all_screens();
const ScreenInfo* find_screen(const char* id);

// Resident (resident mode on a phone, or a resident using the front-desk tablet)
void draw_resident_home(App& app);       // screen_resident_home.cpp: price table, my services, payments, deposits
void draw_resident_request(App& app);    // screen_resident_request.cpp: ask for a service, sign the form, stop a service
void draw_resident_feedback(App& app);   // screen_resident_feedback.cpp: confirm deliveries, complain, survey, return visits

// Front desk and service workers (tablet at the door)
void draw_desk_today(App& app);          // screen_desk_today.cpp: today's work, overdue requests
void draw_desk_register(App& app);       // screen_desk_register.cpp: households, residents, entrustment form + signature
void draw_desk_deliveries(App& app);     // screen_desk_deliveries.cpp: log a delivery, resident confirms, collect the fee
void draw_desk_handover(App& app);       // screen_desk_handover.cpp: hand collected cash to finance
void draw_desk_problems(App& app);       // screen_desk_problems.cpp: problems (escalation), complaints, return visits

// Cashier
void draw_cashier(App& app);             // screen_cashier.cpp: prepayments, deposits, refunds by reversal, handovers, reconciliation

// Office manager
void draw_office_cycle(App& app);        // screen_office_cycle.cpp: survey → price-table draft with break-even → submit → publish
void draw_office_lists(App& app);        // screen_office_lists.cpp: subscriber lists and the 11 registers
void draw_office_breakeven(App& app);    // screen_office_breakeven.cpp: break-even flags and measures
void draw_office_people(App& app);       // screen_office_people.cpp: staff, PINs, buildings, devices, catalogue items
void draw_conflicts(App& app);           // screen_conflicts.cpp: concurrent edits from sync, resolved by a choice

// General manager
void draw_gm_decisions(App& app);        // screen_gm_decisions.cpp: approve/reject tables, escalated problems, stopping items, quality

// Assessment group
void draw_assessment(App& app);          // screen_assessment.cpp: attendance, leave, violations, half-year payout, annual rating

// Everyone on staff
void draw_reports(App& app);             // screen_reports.cpp: monthly income report + chart, CSV exports
void draw_exchange(App& app);            // screen_exchange.cpp: export/import bundles with the office, summary, progress

}  // namespace bianmin::screens
