// Internal: the simulation behind generate_estate() (generator.hpp).
//
// One Sim runs the estate. Each day, every area plans its work as tasks on the day's
// agenda (a task is "at 10:20, this person does this"); the agenda then runs them in
// time order over one simulated wall clock. A task may plan more tasks, today or on a
// later day (a delivery two hours after the order, an answer to a complaint in two
// days). Every change goes through act(), i.e. through the core's commands.
//
// Areas, one file each: generator_setup.cpp (estate, staff, homes), generator_cycle.cpp
// (surveys, price tables, break-even), generator_water.cpp (drinking water),
// generator_orders.cpp (other items), generator_money.cpp (fees, hand-overs, reversals,
// stops, moving), generator_care.cpp (complaints, visits, problems), generator_staff.cpp
// (attendance, leave, violations, ratings). Names, phones, signatures, texts:
// generator_text.cpp. The day loop: generator.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bianmin/commands.hpp"
#include "bianmin/generator.hpp"
#include "bianmin/queries.hpp"

namespace bianmin::gen {

//-----------------------------------------------------------------------------
// Random numbers
//-----------------------------------------------------------------------------

// xoshiro256** seeded through splitmix64, written here: the same numbers on every
// platform and standard library (std:: distributions are not).
class Random {
public:
    explicit Random(std::uint64_t seed);
    std::uint64_t next();
    int below(int n);              // 0..n-1; 0 when n ≤ 0
    int between(int lo, int hi);   // lo..hi inclusive
    bool percent(int p) { return below(100) < p; }
    bool permille(int p) { return below(1000) < p; }
    // A count whose average is expected_permille / 1000 (e.g. 2300 → 2 or 3).
    int count(std::int64_t expected_permille);
    template <class C>
    const auto& pick(const C& c) { return c[std::size_t(below(int(c.size())))]; }

private:
    std::uint64_t s_[4];
};

//-----------------------------------------------------------------------------
// Texts (generator_text.cpp)
//-----------------------------------------------------------------------------

// Every helper here draws in a fixed order; a caller that needs two drawn values in one
// call draws them into locals first (argument order is up to the compiler).
std::string surname(Random& rng);
std::string given_name(Random& rng);
std::string person_name(Random& rng);  // surname, then given name
std::string mobile_phone(Random& rng);
std::string plate_number(Random& rng);  // 粤B·D2345 style, without the dot
// A signature as drawn: on a form the resident writes their name (several strokes);
// confirming a delivery is a quick mark.
Signature form_signature(Random& rng);
Signature quick_signature(Random& rng);
// Values for the register columns of an entrustment form (registers.hpp), by key.
std::string detail_value(Random& rng, std::string_view key, LocalDate today);
// A phrase from a fixed list, by topic: "complaint:barrel_water", "problem", ...
std::string phrase(Random& rng, std::string_view topic);

//-----------------------------------------------------------------------------
// People and homes
//-----------------------------------------------------------------------------

// Someone who acts, on the device they normally use.
struct Person {
    Actor actor;
    std::string device;
    int rest_weekday = -1;  // 0 Monday .. 6 Sunday; -1: no weekly rest day
    bool active = true;
};

// A household as the simulation sees it (the State holds the records).
struct Home {
    std::string id, building, room;
    std::vector<std::string> residents;  // person ids; the first one signs and complains
    std::string phone_device;            // the residents' app device, or ""
    bool occupied = true;
    std::int64_t vacant_since = 0;       // day number
    // Habits, drawn when the household moves in.
    bool barrel_water = false, bottled_water = false, car = false, housekeeping = false, newspaper = false;
    std::int64_t join_day = 0;           // day number they come to subscribe
};

//-----------------------------------------------------------------------------
// The simulation
//-----------------------------------------------------------------------------

struct Task {
    std::int64_t ms = 0;
    std::uint64_t order = 0;  // equal times run in planning order
    std::function<void()> run;
};

class Sim {
public:
    Sim(const EstateProfile& profile, std::uint64_t seed);
    Sim(const Sim&) = delete;
    Sim& operator=(const Sim&) = delete;

    const EstateProfile profile;
    Random rng;
    Errors errors;  // the first refusal; the simulation stops there
    int tz = kDefaultTzOffsetMinutes;

    // ---- calendar: days are days_from_civil numbers ----------------------------------
    std::int64_t first_day = 0, end_day = 0;  // [first, end)
    std::int64_t day = 0;
    LocalDate today;
    int weekday = 0;  // 0 Monday .. 6 Sunday
    void start_day(std::int64_t day_number);
    std::int64_t local(std::int64_t day_number, int hour, int minute) const;
    std::int64_t now() const { return clock_.now_ms(); }
    int month_index() const;  // months since the first simulated month (0-based)
    // How many times something happens today, when it happens `permille_at_full` / 1000
    // times a day in the full-size estate (scaled by households and demand).
    int daily(std::int64_t permille_at_full);
    // Scales a per-household or per-form chance by the profile's demand.
    int demand(int permille) const { return int(std::int64_t(permille) * profile.demand_permille / 1000); }
    bool is(int month, int day_of_month) const { return today.month == month && today.day == day_of_month; }

    // ---- agenda --------------------------------------------------------------------
    void plan(int hour, int minute, std::function<void()> task);  // today (later days if past 24:00)
    void plan_on(std::int64_t day_number, int hour, int minute, std::function<void()> task);
    void plan_at(std::int64_t ms, std::function<void()> task);
    void run_agenda();
    // At a random time from hour_from:00 to hour_to:59 (hour_from == hour_to: that hour),
    // on the given day / today / in days_from..days_to days. The draws are made here, one
    // after the other (days, hour, minute): never write `plan(rng.between(..), rng.below(60), ..)`
    // — C++ leaves the order of a call's arguments open, and GCC and clang differ, so the
    // same seed would give another estate on each compiler.
    std::int64_t random_time(std::int64_t day_number, int hour_from, int hour_to);
    void plan_random_time(int hour_from, int hour_to, std::function<void()> task);
    void plan_random_time_in(int days_from, int days_to, int hour_from, int hour_to, std::function<void()> task);

    // ---- acting --------------------------------------------------------------------
    // One command on the person's device, a moment after the last one. A refusal is
    // kept in `errors` and stops the simulation: every later act() returns false.
    bool act(const Person& who, Payload payload);
    bool act_on(const std::string& device, const Actor& actor, Payload payload);
    bool failed() const { return !errors.empty(); }
    template <class T>
    const T* made() const {
        for (const auto& e : last_)
            if (const T* p = e.as<T>()) return p;
        return nullptr;
    }
    // The id execute() will generate for the device's next event.
    std::string next_id(std::string_view prefix, const std::string& device) const;
    void set_pace(int seconds_lo, int seconds_hi) { pace_lo_ = seconds_lo, pace_hi_ = seconds_hi; }
    const State& state() const { return ledger_.state(); }
    std::vector<Event> events() const { return ledger_.events(); }

    // ---- devices and people ----------------------------------------------------------
    void add_device(const std::string& device);
    Person om, gm;
    std::vector<Person> front_desk, cashiers, water_team, housekeepers, general_team, assessors;
    std::vector<std::string> tablets;
    std::vector<Home> homes;
    std::map<std::string, std::size_t> home_index;  // household id -> homes[i]
    Home* home(const std::string& household_id);
    Person resident(const Home& home) const;  // the first resident, on the home's phone
    bool uses_app(const Home& home) const;    // has a phone device that is not revoked
    std::vector<Person*> window_staff();     // assessed staff [2]
    Person* find_person(const std::string& person_id);
    // Approved leave and going out, per person: [from_ms, to_ms).
    std::map<std::string, std::vector<std::pair<std::int64_t, std::int64_t>>> away;
    bool on_leave(const std::string& person_id, std::int64_t from_ms, std::int64_t to_ms) const;
    bool works_on(const Person& p, std::int64_t day_number) const;  // not resting, not on leave that day
    const Person* on_duty(const std::vector<Person>& team);          // someone working today, or nullptr
    PaymentMethod some_payment_method();                             // half cash, a quarter card, a quarter transfer

    // ---- what the simulation remembers -------------------------------------------------
    std::map<std::string, std::vector<std::string>> subscribers;  // item -> open long-term forms
    void forget_form(const std::string& item_id, const std::string& form_id);
    std::map<std::string, std::int64_t> water_out_today, water_out_yesterday;  // item -> quantity
    std::string current_table;                                             // published price table
    std::size_t homes_registered = 0;                                      // homes[0..n) are in the State
    std::int64_t setup_done_day = -1;  // the day the last household was registered
    std::int64_t open_day = -1;        // the first price table is published: residents subscribe from then
    bool habits_drawn = false;         // households' habits are drawn once the first table is out
    // Rare turns that every run should show at least once: the first violation is found
    // wrong on review, the first major problem goes up to the general manager.
    int violations_recorded = 0, major_problems = 0;
    // The month (0-based from the start) of a scripted event that happens in month
    // `full_month` of the full 24 months: proportionally earlier in a shorter run.
    int scripted_month(int full_month) const {
        return profile.months >= 24 ? full_month : full_month * profile.months / 24;
    }
    // Two devices change something at the same time, neither seeing the other's change
    // (an offline tablet): both commands run against the same state, then both are added.
    bool act_concurrently(const Person& a, Payload pa, const Person& b, Payload pb);
    bool item_usable(const std::string& item_id) const;  // defined, not stopped, on the current table

private:
    FakeClock clock_;
    Ledger ledger_;
    struct DeviceDesk {
        std::unique_ptr<HlcClock> clock;
        std::unique_ptr<Desk> desk;
    };
    std::map<std::string, DeviceDesk> desks_;
    std::vector<Task> heap_;  // today's agenda, a min-heap on (ms, order)
    std::map<std::int64_t, std::vector<Task>> later_;
    std::uint64_t order_ = 0;
    std::vector<Event> last_;
    int pace_lo_ = 10, pace_hi_ = 60;
};

//-----------------------------------------------------------------------------
// The areas: each plans its share of the day (see the file list above)
//-----------------------------------------------------------------------------

void found_estate(Sim& sim);          // day one: estate, staff, devices, buildings, catalogue
void draw_habits(Sim& sim, Home& home, std::int64_t from_day);  // what a new household will use
void plan_setup(Sim& sim);            // households registered over the first days
void plan_cycle(Sim& sim);            // surveys, price tables, break-even, item stop, quality
void plan_water(Sim& sim);            // barrel and bottled water: stock, orders, deliveries
void plan_orders(Sim& sim);           // subscriptions; housekeeping, newspapers, one-off items
void plan_money(Sim& sim);            // monthly fees, hand-overs, settlements, moving out/in
void plan_care(Sim& sim);             // complaints, return visits, problems
void plan_staff(Sim& sim);            // attendance, leave, violations, ratings, staff changes

// Shared steps (generator_orders.cpp, generator_money.cpp).
// Registers a form for an item (signed now unless `sign_later`); returns its id or "".
std::string register_form(Sim& sim, Home& home, const std::string& item_id, EntrustmentKind kind, bool sign_later);
// The cashier takes what the price table asks up front (deposit, prepayment).
void pay_up_front(Sim& sim, const std::string& form_id);
// Tops up a prepaid form so that `need` more can be drawn from it.
void top_up(Sim& sim, const std::string& form_id, Fen need);
// Whether the person may collect cash now: nothing older than the hand-over limit on them.
bool can_collect(const Sim& sim, const std::string& person_id);
// The resident confirms a delivery: on the worker's tablet now, or later in the app.
void confirm_delivery(Sim& sim, const Person& worker, const std::string& delivery_id, const Home& home);
// Stops a form (reason given) and settles its deposit and prepaid balance.
void stop_and_settle(Sim& sim, const Person& by, const std::string& form_id, StopReason code, const std::string& reason);
void settle(Sim& sim, const std::string& form_id, bool keep_part);

}  // namespace bianmin::gen
