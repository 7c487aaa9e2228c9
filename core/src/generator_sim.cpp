// The simulation's machinery: random numbers, the calendar, the agenda, acting through
// the commands on each device's own desk and clock.
#include <algorithm>

#include "generator_sim.hpp"

namespace bianmin::gen {

//-----------------------------------------------------------------------------
// Random
//-----------------------------------------------------------------------------

namespace {
std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
// The agenda's heap order: the earliest task (then the first planned) on top.
bool later_task(const Task& a, const Task& b) { return a.ms != b.ms ? a.ms > b.ms : a.order > b.order; }
}  // namespace

Random::Random(std::uint64_t seed) {
    for (auto& word : s_) word = splitmix64(seed);
}

std::uint64_t Random::next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

int Random::below(int n) {
    if (n <= 0) return 0;
    // The high bits are the best ones; the modulo bias is below 2^-32 for these n.
    return int((next() >> 11) % std::uint64_t(n));
}

int Random::between(int lo, int hi) { return hi <= lo ? lo : lo + below(hi - lo + 1); }

int Random::count(std::int64_t expected_permille) {
    if (expected_permille <= 0) return 0;
    int whole = int(expected_permille / 1000);
    return whole + (permille(int(expected_permille % 1000)) ? 1 : 0);
}

//-----------------------------------------------------------------------------
// Sim: calendar
//-----------------------------------------------------------------------------

Sim::Sim(const EstateProfile& p, std::uint64_t seed) : profile(p), rng(seed) {
    first_day = days_from_civil(profile.start_year, 1, 2);
    LocalDate end = civil_from_days(first_day);
    int months = std::clamp(profile.months, 1, 36);
    end.year += (months) / 12;
    end.month += months % 12;
    if (end.month > 12) end.month -= 12, end.year += 1;
    end.day = 1;
    end_day = days_from_civil(end);
    clock_.set(local(first_day, 8, 0));
}

void Sim::start_day(std::int64_t day_number) {
    day = day_number;
    today = civil_from_days(day_number);
    weekday = int(((day_number % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday (3)
    clock_.set(std::max(clock_.now_ms(), local(day_number, 7, 0)));
    auto later = later_.find(day_number);
    if (later != later_.end()) {
        for (auto& task : later->second) {
            heap_.push_back(std::move(task));
            std::push_heap(heap_.begin(), heap_.end(), later_task);
        }
        later_.erase(later);
    }
    water_out_yesterday = std::move(water_out_today);
    water_out_today.clear();
}

std::int64_t Sim::local(std::int64_t day_number, int hour, int minute) const {
    return local_day_start_ms(civil_from_days(day_number), tz) + hour * kMsPerHour + minute * kMsPerMinute;
}

int Sim::month_index() const {
    LocalDate first = civil_from_days(first_day);
    return (today.year - first.year) * 12 + (today.month - first.month);
}

int Sim::daily(std::int64_t permille_at_full) {
    std::int64_t scaled = permille_at_full * profile.households / 2000 * profile.demand_permille / 1000;
    return rng.count(scaled);
}

//-----------------------------------------------------------------------------
// Sim: agenda
//-----------------------------------------------------------------------------

void Sim::plan(int hour, int minute, std::function<void()> task) { plan_at(local(day, hour, minute), std::move(task)); }

void Sim::plan_on(std::int64_t day_number, int hour, int minute, std::function<void()> task) {
    plan_at(local(day_number, hour, minute), std::move(task));
}

void Sim::plan_at(std::int64_t ms, std::function<void()> task) {
    std::int64_t task_day = days_from_civil(local_date(ms, tz));
    if (task_day >= end_day) return;  // after the simulated span: never happens
    Task t{ms, order_++, std::move(task)};
    if (task_day > day) {
        later_[task_day].push_back(std::move(t));
        return;
    }
    heap_.push_back(std::move(t));
    std::push_heap(heap_.begin(), heap_.end(), later_task);
}

std::int64_t Sim::random_time(std::int64_t day_number, int hour_from, int hour_to) {
    const int hour = rng.between(hour_from, hour_to);
    const int minute = rng.below(60);
    return local(day_number, hour, minute);
}

void Sim::plan_random_time(int hour_from, int hour_to, std::function<void()> task) {
    plan_at(random_time(day, hour_from, hour_to), std::move(task));
}

void Sim::plan_random_time_in(int days_from, int days_to, int hour_from, int hour_to, std::function<void()> task) {
    const std::int64_t day_number = day + rng.between(days_from, days_to);
    plan_at(random_time(day_number, hour_from, hour_to), std::move(task));
}

void Sim::run_agenda() {
    while (!heap_.empty() && !failed()) {
        std::pop_heap(heap_.begin(), heap_.end(), later_task);
        Task task = std::move(heap_.back());
        heap_.pop_back();
        clock_.set(std::max(clock_.now_ms(), task.ms));
        task.run();
    }
    heap_.clear();
}

//-----------------------------------------------------------------------------
// Sim: acting
//-----------------------------------------------------------------------------

void Sim::add_device(const std::string& device) {
    if (desks_.count(device)) return;
    DeviceDesk d;
    d.clock = std::make_unique<HlcClock>(clock_);
    d.desk = std::make_unique<Desk>(ledger_, *d.clock, device);
    desks_.emplace(device, std::move(d));
}

bool Sim::act(const Person& who, Payload payload) { return act_on(who.device, who.actor, std::move(payload)); }

bool Sim::act_on(const std::string& device, const Actor& actor, Payload payload) {
    if (failed()) return false;
    add_device(device);
    clock_.advance_ms(std::int64_t(rng.between(pace_lo_, pace_hi_)) * 1000);
    const EventType type = EventType(payload.index());
    auto result = desks_.at(device).desk->run(actor, std::move(payload));
    if (!result.ok()) {
        errors.push_back(make_error("generator.refused", std::string(to_string(type)),
                                    "模拟生成的操作被拒绝(生成器缺陷): " + to_string(today) + " " + actor.person_id + " " +
                                        codes_of(result.errors()),
                                    "the simulation made a command the core refused (a generator bug): " +
                                        to_string(today) + " " + actor.person_id + " on " + device + ": " +
                                        codes_of(result.errors())));
        for (const auto& e : result.errors()) errors.push_back(e);
        return false;
    }
    last_ = std::move(result).value();
    return true;
}

bool Sim::act_concurrently(const Person& a, Payload pa, const Person& b, Payload pb) {
    if (failed()) return false;
    add_device(a.device);
    add_device(b.device);
    clock_.advance_ms(std::int64_t(rng.between(pace_lo_, pace_hi_)) * 1000);
    const State& before = ledger_.state();
    auto first = execute(desks_.at(a.device).desk->context(a.actor), before, std::move(pa));
    auto second = execute(desks_.at(b.device).desk->context(b.actor), before, std::move(pb));
    Errors refused = !first.ok() ? first.errors() : !second.ok() ? second.errors() : Errors{};
    if (refused.empty()) {
        std::vector<Event> both = first.value();
        both.insert(both.end(), second.value().begin(), second.value().end());
        auto added = ledger_.add(both);
        refused = added.rejected;
        last_ = std::move(both);
    }
    if (refused.empty()) return true;
    errors.push_back(make_error("generator.refused", "concurrent", "模拟生成的并发操作被拒绝(生成器缺陷)",
                                "the simulation made concurrent commands the core refused (a generator bug): " + codes_of(refused)));
    return false;
}

std::string Sim::next_id(std::string_view prefix, const std::string& device) const {
    return generated_id(prefix, EventId{device, state().next_seq(device)});
}

//-----------------------------------------------------------------------------
// Sim: people, homes, items
//-----------------------------------------------------------------------------

Home* Sim::home(const std::string& household_id) {
    auto it = home_index.find(household_id);
    return it == home_index.end() ? nullptr : &homes[it->second];
}

Person Sim::resident(const Home& h) const {
    return Person{Actor{h.residents.empty() ? std::string() : h.residents.front(), Role::resident}, h.phone_device};
}

bool Sim::uses_app(const Home& h) const {
    if (h.phone_device.empty() || h.residents.empty()) return false;
    const DeviceRecord* device = state().find_device(h.phone_device);
    return device && !device->revoked;
}

std::vector<Person*> Sim::window_staff() {
    std::vector<Person*> out;
    for (auto* team : {&front_desk, &cashiers, &water_team, &housekeepers, &general_team})
        for (auto& p : *team)
            if (p.active) out.push_back(&p);
    return out;
}

Person* Sim::find_person(const std::string& person_id) {
    for (auto* team : {&front_desk, &cashiers, &water_team, &housekeepers, &general_team, &assessors})
        for (auto& p : *team)
            if (p.actor.person_id == person_id) return &p;
    if (om.actor.person_id == person_id) return &om;
    if (gm.actor.person_id == person_id) return &gm;
    return nullptr;
}

bool Sim::on_leave(const std::string& person_id, std::int64_t from_ms, std::int64_t to_ms) const {
    auto it = away.find(person_id);
    if (it == away.end()) return false;
    for (const auto& [from, to] : it->second)
        if (from < to_ms && from_ms < to) return true;
    return false;
}

bool Sim::works_on(const Person& p, std::int64_t day_number) const {
    if (!p.active) return false;
    int wd = int(((day_number % 7) + 7 + 3) % 7);
    if (wd == p.rest_weekday) return false;
    return !on_leave(p.actor.person_id, local(day_number, 8, 0), local(day_number, 18, 0));
}

PaymentMethod Sim::some_payment_method() {
    int x = rng.below(100);
    return x < 50 ? PaymentMethod::cash : x < 75 ? PaymentMethod::card : PaymentMethod::transfer;
}

const Person* Sim::on_duty(const std::vector<Person>& team) {
    std::vector<const Person*> working;
    for (const auto& p : team)
        if (works_on(p, day)) working.push_back(&p);
    if (working.empty()) return nullptr;
    return working[std::size_t(rng.below(int(working.size())))];
}

void Sim::forget_form(const std::string& item_id, const std::string& form_id) {
    auto it = subscribers.find(item_id);
    if (it == subscribers.end()) return;
    auto& forms = it->second;
    forms.erase(std::remove(forms.begin(), forms.end(), form_id), forms.end());
}

bool Sim::item_usable(const std::string& item_id) const {
    const ItemRecord* item = state().find_item(item_id);
    return item && item->status == ItemStatus::active && current_price_row(state(), item_id) != nullptr;
}

}  // namespace bianmin::gen
