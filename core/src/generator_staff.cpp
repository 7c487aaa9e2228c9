// The service-window staff [2]: signing in and out every working day, leave and going
// out asked in advance and decided by the office manager (refused when the team would
// be left empty), violations found by inspections of every level or reported by the
// public (one province-level case, one withdrawn now and then), year-end ratings; a
// worker leaves and is replaced; a tablet is lost and replaced.
#include <algorithm>

#include "generator_sim.hpp"

namespace bianmin::gen {
namespace {

std::vector<Person>* team_of(Sim& sim, const std::string& person_id) {
    for (auto* team : {&sim.front_desk, &sim.cashiers, &sim.water_team, &sim.housekeepers, &sim.general_team})
        for (const auto& p : *team)
            if (p.actor.person_id == person_id) return team;
    return nullptr;
}

// Someone else in the team works on each of these days.
bool covered(Sim& sim, const std::string& person_id, std::int64_t first_day, std::int64_t last_day) {
    std::vector<Person>* team = team_of(sim, person_id);
    if (!team) return true;
    for (std::int64_t d = first_day; d <= last_day; ++d) {
        bool someone = false;
        for (const auto& p : *team) someone = someone || (p.actor.person_id != person_id && sim.works_on(p, d));
        if (!someone) return false;
    }
    return true;
}

bool overlaps_own_leave(const Sim& sim, const std::string& person_id, std::int64_t from, std::int64_t to) {
    for (const auto& [id, leave] : sim.state().leaves)
        if (leave.person_id == person_id && leave.status != LeaveStatus::rejected && leave.def.from_ms < to && from < leave.def.to_ms)
            return true;
    return false;
}

//-----------------------------------------------------------------------------
// Attendance, leave, going out
//-----------------------------------------------------------------------------

void attendance(Sim& sim) {
    for (Person* p : sim.window_staff()) {
        if (!sim.works_on(*p, sim.day)) continue;
        const std::string id = p->actor.person_id;
        sim.plan(8, sim.rng.between(10, 55), [&sim, id] {
            Person* who = sim.find_person(id);
            if (who && who->active) sim.act(*who, SignedIn{""});
        });
        if (sim.rng.permille(5)) continue;  // forgot to sign out
        sim.plan(17, sim.rng.between(35, 59), [&sim, id] {
            Person* who = sim.find_person(id);
            if (!who || !who->active) return;
            auto days = sim.state().attendance.find(id);
            if (days == sim.state().attendance.end()) return;
            auto today = days->second.find(days_from_civil(sim.today));
            if (today != days->second.end() && today->second.sign_ins > today->second.sign_outs) sim.act(*who, SignedOut{""});
        });
    }
}

void ask_leave(Sim& sim, const std::string& person_id) {
    Person* p = sim.find_person(person_id);
    if (!p || !p->active) return;
    const std::int64_t first = sim.day + sim.rng.between(3, 14), days = sim.rng.between(1, 3);
    const std::int64_t from = sim.local(first, 8, 0), to = sim.local(first + days - 1, 18, 0);
    if (overlaps_own_leave(sim, person_id, from, to)) return;
    if (!sim.act(*p, LeaveRequested{"", LeaveKind::leave, from, to, phrase(sim.rng, "leave")})) return;
    const std::string leave = sim.made<LeaveRequested>()->leave_id;
    sim.plan(16, sim.rng.between(0, 50), [&sim, leave, person_id, first, days, from, to] {
        bool ok = covered(sim, person_id, first, first + days - 1) && !sim.rng.percent(8);
        std::string comment = ok ? "同意" : covered(sim, person_id, first, first + days - 1) ? "近期工作任务较重,请延后" : "该时段人手不足,请调整时间";
        if (sim.act(sim.om, LeaveDecided{leave, ok, comment}) && ok) sim.away[person_id].emplace_back(from, to);
    });
}

void go_out(Sim& sim, const std::string& person_id) {
    Person* p = sim.find_person(person_id);
    if (!p || !p->active) return;
    const std::int64_t from = sim.local(sim.day, 14, 0), to = from + sim.rng.between(60, 150) * kMsPerMinute;
    if (sim.now() > from - 30 * kMsPerMinute || overlaps_own_leave(sim, person_id, from, to)) return;
    if (!sim.act(*p, LeaveRequested{"", LeaveKind::going_out, from, to, phrase(sim.rng, "going_out")})) return;
    const std::string leave = sim.made<LeaveRequested>()->leave_id;
    if (sim.act(sim.om, LeaveDecided{leave, true, ""})) sim.away[person_id].emplace_back(from, to);
}

//-----------------------------------------------------------------------------
// Violations and ratings [2-2, 2-3]
//-----------------------------------------------------------------------------

void violation(Sim& sim, const std::string& person_id, ViolationSource source, int conduct_item) {
    const Person* inspector = sim.on_duty(sim.assessors);
    if (!inspector) return;
    LocalDate found = civil_from_days(std::max(sim.first_day, sim.day - sim.rng.below(4)));
    std::int64_t extra = sim.rng.percent(95) ? 0 : sim.rng.between(1, 2);
    std::string note = phrase(sim.rng, "violation:" + std::to_string(conduct_item));
    if (!sim.act(*inspector, ViolationRecorded{"", person_id, conduct_item, source, found, extra, note})) return;
    const bool first = sim.violations_recorded++ == 0;
    if (source == ViolationSource::province_inspection || !(first || sim.rng.percent(8))) return;
    const std::string id = sim.made<ViolationRecorded>()->violation_id;
    sim.plan_on(sim.day + sim.rng.between(2, 7), 15, 0, [&sim, id] {
        if (const Person* a = sim.on_duty(sim.assessors)) sim.act(*a, ViolationWithdrawn{id, "经复核,情况不属实"});
    });
}

void some_violation(Sim& sim) {
    std::vector<Person*> staff = sim.window_staff();
    if (staff.empty()) return;
    const std::string person = staff[std::size_t(sim.rng.below(int(staff.size())))]->actor.person_id;
    int x = sim.rng.below(100);
    ViolationSource source = x < 35 ? ViolationSource::town_inspection
                             : x < 65 ? ViolationSource::public_report
                             : x < 85 ? ViolationSource::county_inspection
                                      : ViolationSource::city_inspection;
    int item = sim.rng.between(1, 8);
    if (item == 7) item = 3;  // integrity cases are rare: the scripted province case below
    violation(sim, person, source, item);
}

bool province_case_in(const Sim& sim, const std::string& person, int year) {
    for (const auto& [id, v] : sim.state().violations)
        if (v.def.person_id == person && !v.withdrawn && v.def.source == ViolationSource::province_inspection &&
            v.def.found_on.year == year)
            return true;
    return false;
}

void year_end_ratings(Sim& sim) {
    const Person* a = sim.on_duty(sim.assessors);
    if (!a) a = &sim.assessors.front();
    for (Person* p : sim.window_staff()) {
        const std::string id = p->actor.person_id;
        AnnualRating rating = province_case_in(sim, id, sim.today.year) ? AnnualRating::basically_competent
                              : sim.rng.percent(15)                       ? AnnualRating::excellent
                              : sim.rng.percent(88)                       ? AnnualRating::competent
                                                                          : AnnualRating::basically_competent;
        sim.act(*a, AnnualRatingRecorded{id, sim.today.year, rating, rating == AnnualRating::excellent ? "全年无投诉,业主表扬多次" : ""});
    }
}

//-----------------------------------------------------------------------------
// Staff and device changes
//-----------------------------------------------------------------------------

// A water worker's contract ends; a new one starts the next day with the same tablet.
void worker_leaves(Sim& sim) {
    if (sim.water_team.size() < 2) return;
    Person& leaving = sim.water_team.back();
    if (!leaving.active) return;
    const std::string id = leaving.actor.person_id, device = leaving.device;
    const int rest = leaving.rest_weekday;
    if (!sim.act(sim.om, StaffDeactivated{id, "合同期满离职"})) return;
    sim.water_team.back().active = false;
    sim.plan_on(sim.day + 1, 8, 0, [&sim, device, rest] {
        std::string id = "sw" + std::to_string(sim.water_team.size() + 1);
        if (!sim.act(sim.om, StaffRegistered{id, person_name(sim.rng), {Role::service_worker}, "送水组", mobile_phone(sim.rng)}))
            return;
        sim.water_team.push_back(Person{Actor{id, Role::service_worker}, device, rest, true});
    });
}

// A tablet is lost on the rounds: revoked at once, a new one set up for its users.
void tablet_lost(Sim& sim) {
    if (sim.tablets.empty()) return;
    const std::string lost = sim.tablets.size() > 1 ? sim.tablets[1] : sim.tablets[0];
    const std::string replacement = "tab-" + std::to_string(sim.tablets.size() + 1);
    if (!sim.act(sim.om, DeviceRegistered{replacement, "服务平板(补)", DeviceKind::office, ""})) return;
    if (!sim.act(sim.om, DeviceRevoked{lost, "平板在送水途中遗失,已停用"})) return;
    for (auto& t : sim.tablets)
        if (t == lost) t = replacement;
    for (auto* team : {&sim.water_team, &sim.housekeepers, &sim.general_team})
        for (auto& p : *team)
            if (p.device == lost) p.device = replacement;
}

}  // namespace

void plan_staff(Sim& sim) {
    attendance(sim);
    if (sim.open_day < 0) return;
    for (Person* p : sim.window_staff()) {
        const std::string id = p->actor.person_id;
        if (sim.rng.permille(22)) sim.plan(9, sim.rng.between(0, 50), [&sim, id] { ask_leave(sim, id); });
        else if (sim.works_on(*p, sim.day) && sim.rng.permille(6)) sim.plan(10, sim.rng.between(0, 30), [&sim, id] { go_out(sim, id); });
    }
    if (sim.rng.permille(35)) sim.plan_random_time(9, 16, [&sim] { some_violation(sim); });
    // Scripted events (full run: August and March of the second year, September of the
    // first; proportionally earlier in a shorter run).
    const int month = sim.month_index();
    if (month == sim.scripted_month(19) && sim.today.day == 10 && !sim.water_team.empty()) {
        const std::string person = sim.water_team.front().actor.person_id;
        sim.plan(15, 0, [&sim, person] { violation(sim, person, ViolationSource::province_inspection, 7); });
    }
    if (sim.is(12, 29)) sim.plan(16, 0, [&sim] { year_end_ratings(sim); });
    if (month == sim.scripted_month(14) && sim.today.day == 28) sim.plan(18, 40, [&sim] { worker_leaves(sim); });
    if (month == sim.scripted_month(8) && sim.today.day == 15) sim.plan(12, 0, [&sim] { tablet_lost(sim); });
}

}  // namespace bianmin::gen
