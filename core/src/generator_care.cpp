// Looking after residents [1-4.9–4.11, 3-4.5]: complaints through their life cycle
// (recorded, assigned by the office manager, answered by the assignee, closed with the
// resident's satisfaction), return visits on delivered services — some of which hear a
// complaint — and problems that go up to the office manager or the general manager.
// Also keeping the household file current: new phone numbers, and now and then two
// devices changing the same one at once — a conflict the office manager resolves.
#include "generator_sim.hpp"

namespace bianmin::gen {
namespace {

// Who should answer a complaint about an item.
const std::vector<Person>& team_for(Sim& sim, const std::string& item) {
    if (item == "barrel_water" || item == "bottled_water") return sim.water_team;
    if (item == "housekeeping") return sim.housekeepers;
    if (item == "newspaper_agency") return sim.general_team;
    return sim.front_desk;
}

// Assigned within hours, answered within days, closed after the desk calls back (or by
// the resident in the app); a few stay answered but never closed.
void follow_complaint(Sim& sim, const std::string& complaint, const std::string& item, const std::string& household) {
    sim.plan_at(sim.now() + sim.rng.between(40, 180) * kMsPerMinute, [&sim, complaint, item, household] {
        const Person* assignee = sim.on_duty(team_for(sim, item));
        if (!assignee) assignee = sim.on_duty(sim.front_desk);
        if (!assignee) return;
        const std::string person = assignee->actor.person_id;
        if (!sim.act(sim.om, FieldEdited{RecordKind::complaint, complaint, "assignee", person, {}})) return;
        sim.plan_random_time_in(0, 2, 10, 16, [&sim, complaint, person, household] {
            Person* who = sim.find_person(person);
            const Person& answerer = who && who->active ? *who : sim.om;
            if (!sim.act(answerer, ComplaintAnswered{complaint, phrase(sim.rng, "answer")})) return;
            if (sim.rng.percent(10)) return;  // never closed
            sim.plan_random_time_in(1, 2, 9, 17, [&sim, complaint, household] {
                std::int64_t satisfaction = sim.rng.percent(70) ? sim.rng.between(4, 5) : sim.rng.percent(65) ? 3 : sim.rng.between(1, 2);
                Home* h = sim.home(household);
                if (h && sim.uses_app(*h) && sim.rng.percent(40)) {
                    sim.act(sim.resident(*h), ComplaintClosed{complaint, satisfaction, "问题已解决"});
                } else if (const Person* desk = sim.on_duty(sim.front_desk)) {
                    sim.act(*desk, ComplaintClosed{complaint, satisfaction, "电话回访,业主认可处理结果"});
                }
            });
        });
    });
}

// The item a household would complain about: one they use, or none in particular.
std::string item_of(Sim& sim, const Home& h) {
    std::vector<std::string> used;
    for (const char* item : {"barrel_water", "bottled_water", "parking", "housekeeping", "newspaper_agency"})
        if (open_form(sim.state(), h.id, item)) used.push_back(item);
    return used.empty() ? std::string() : sim.rng.pick(used);
}

void complaint(Sim& sim) {
    Home* h = nullptr;
    for (int tries = 0; tries < 10 && !h; ++tries) {
        Home& candidate = sim.homes[std::size_t(sim.rng.below(int(sim.homes_registered)))];
        if (candidate.occupied && !candidate.residents.empty()) h = &candidate;
    }
    if (!h) return;
    const std::string item = item_of(sim, *h);
    const std::string text = phrase(sim.rng, "complaint:" + (item.empty() ? std::string("other") : item));
    if (sim.uses_app(*h) && sim.rng.percent(40)) {
        if (!sim.act(sim.resident(*h), ComplaintRecorded{"", h->id, item, text, ComplaintSource::app, ""})) return;
    } else {
        const Person* desk = sim.on_duty(sim.front_desk);
        ComplaintSource source = sim.rng.percent(60) ? ComplaintSource::phone : ComplaintSource::direct;
        if (!desk || !sim.act(*desk, ComplaintRecorded{"", h->id, item, text, source, ""})) return;
    }
    follow_complaint(sim, sim.made<ComplaintRecorded>()->complaint_id, item, h->id);
}

// Household|item pairs due a return visit, as return_visits_due() says, but without
// building strings: both maps are keyed alike, so one walk over them both suffices.
std::vector<const std::string*> visits_due(const State& s, std::int64_t now) {
    std::vector<const std::string*> due;
    const std::int64_t interval = std::int64_t(s.settings.return_visit_interval_days) * kMsPerDay;
    auto visit = s.last_visit_ms.begin();
    for (const auto& [key, delivered] : s.last_delivery_ms) {
        while (visit != s.last_visit_ms.end() && visit->first < key) ++visit;
        std::int64_t visited = visit != s.last_visit_ms.end() && visit->first == key ? visit->second : 0;
        if (visited == 0 ? now >= delivered : now - visited >= interval && delivered > visited) due.push_back(&key);
    }
    return due;
}

// The desk calls back households on services delivered since the last call [3-4.5.1].
void return_visits(Sim& sim, int calls) {
    const Person* desk = sim.on_duty(sim.front_desk);
    if (!desk || calls <= 0) return;
    std::vector<std::string> due;
    {
        std::vector<const std::string*> keys = visits_due(sim.state(), sim.now());
        const std::size_t step = std::max<std::size_t>(1, keys.size() / std::size_t(calls));
        for (std::size_t i = std::size_t(sim.rng.below(int(step))); i < keys.size() && int(due.size()) < calls; i += step)
            due.push_back(*keys[i]);
    }
    for (const std::string& key : due) {
        const std::size_t bar = key.find('|');
        const VisitDue v{key.substr(0, bar), key.substr(bar + 1), 0, 0};
        Home* h = sim.home(v.household_id);
        if (!h || !h->occupied) continue;
        const FormRecord* form = open_form(sim.state(), v.household_id, v.item_id);
        ReturnVisitRecorded visit{"", v.household_id, v.item_id, form ? form->def.form_id : "", 0, "", ""};
        if (!sim.rng.percent(6)) {
            visit.satisfaction = sim.rng.percent(90) ? sim.rng.between(3, 5) : sim.rng.between(1, 2);
            visit.comment = sim.rng.percent(40) ? phrase(sim.rng, "visit") : "";
            if (!sim.act(*desk, visit)) return;
            continue;
        }
        // A complaint heard on the visit [3-4.5.2]: recorded first, linked both ways.
        // (As record_return_visit does, but two single commands: no copy of the State.)
        const std::string& device = desk->device;
        visit.visit_id = generated_id("VS", EventId{device, sim.state().next_seq(device) + 1});
        visit.satisfaction = sim.rng.between(1, 2);
        std::string text = phrase(sim.rng, "complaint:" + v.item_id);
        if (!sim.act(*desk, ComplaintRecorded{"", v.household_id, v.item_id, text, ComplaintSource::return_visit, visit.visit_id}))
            return;
        visit.complaint_id = sim.made<ComplaintRecorded>()->complaint_id;
        if (!sim.act(*desk, visit)) return;
        follow_complaint(sim, visit.complaint_id, v.item_id, v.household_id);
    }
}

// Problems [1-4.9–4.10]: ordinary ones the desk decides; major ones start with the
// office manager, who decides or takes them to the general manager.
void problem(Sim& sim) {
    const Person* reporter = sim.rng.percent(60) ? sim.on_duty(sim.front_desk) : sim.on_duty(sim.water_team);
    if (!reporter) return;
    const bool major = sim.major_problems == 0 || sim.rng.percent(25);  // the first one is major
    Home* h = &sim.homes[std::size_t(sim.rng.below(int(sim.homes_registered)))];
    std::string household = h->occupied ? h->id : "";
    if (!sim.act(*reporter, ProblemReported{"", phrase(sim.rng, "problem"), household, "", major})) return;
    const std::string id = sim.made<ProblemReported>()->problem_id;
    const bool to_the_top = major && sim.major_problems++ == 0;
    sim.plan_random_time_in(0, 1, 10, 16, [&sim, id, major, to_the_top] {
        const Person* desk = sim.on_duty(sim.front_desk);
        if (!major && desk && sim.rng.percent(85)) {
            sim.act(*desk, ProblemDecided{id, phrase(sim.rng, "decision")});
            return;
        }
        if (!major) {  // the desk takes it to the office manager
            if (!desk || !sim.act(*desk, ProblemEscalated{id, phrase(sim.rng, "escalation")})) return;
        }
        sim.plan_random_time_in(1, 2, 11, 11, [&sim, id, to_the_top] {
            if (!to_the_top && sim.rng.percent(60)) {
                sim.act(sim.om, ProblemDecided{id, phrase(sim.rng, "decision")});
                return;
            }
            if (!sim.act(sim.om, ProblemEscalated{id, phrase(sim.rng, "escalation")})) return;
            sim.plan_random_time_in(1, 3, 15, 15, [&sim, id] { sim.act(sim.gm, ProblemDecided{id, phrase(sim.rng, "decision")}); });
        });
    });
}

// Whether the home's phone waits for the office manager to choose between conflicting
// edits: nobody can type a new number until then (field.in_conflict).
bool phone_in_conflict(const Sim& sim, const Home& h) {
    const FieldHistory* history = field_history(sim.state(), FieldKey{RecordKind::household, h.id, "phone"});
    return history && history->in_conflict();
}

// An occupied home whose phone may be edited, from a random starting point (with the
// app, if asked).
Home* occupied_home(Sim& sim, bool with_app) {
    const std::size_t n = sim.homes_registered, start = std::size_t(sim.rng.below(int(n)));
    for (std::size_t i = 0; i < n; ++i) {
        Home& h = sim.homes[(start + i) % n];
        if (h.occupied && !h.residents.empty() && (!with_app || sim.uses_app(h)) && !phone_in_conflict(sim, h)) return &h;
    }
    return nullptr;
}

void phone_change(Sim& sim) {
    Home* h = occupied_home(sim, false);
    const Person* desk = sim.on_duty(sim.front_desk);
    if (!h || !desk) return;
    FieldEdited edit{RecordKind::household, h->id, "phone", mobile_phone(sim.rng), {}};
    if (sim.uses_app(*h) && sim.rng.percent(50)) sim.act(sim.resident(*h), std::move(edit));
    else sim.act(*desk, std::move(edit));
}

// The desk types the number a resident gave by phone while the resident types another
// in the app: neither device has seen the other's edit [SPEC "two devices may have
// changed the same record — the office must see that and choose"].
void phone_conflict(Sim& sim) {
    Home* h = occupied_home(sim, true);
    const Person* desk = sim.on_duty(sim.front_desk);
    if (!desk) desk = &sim.om;  // the office manager types it in when the desk is away
    if (!h) return;
    const std::string household = h->id;
    FieldEdited at_desk{RecordKind::household, household, "phone", mobile_phone(sim.rng), {}};
    FieldEdited in_app{RecordKind::household, household, "phone", mobile_phone(sim.rng), {}};
    if (!sim.act_concurrently(*desk, std::move(at_desk), sim.resident(*h), std::move(in_app))) return;
    sim.plan_random_time_in(1, 4, 11, 11, [&sim, household] {
        const FieldKey key{RecordKind::household, household, "phone"};
        const FieldHistory* history = field_history(sim.state(), key);
        if (!history || !history->in_conflict()) return;
        std::vector<EventId> heads = history->head_ids();
        const EventId chosen = heads[std::size_t(sim.rng.below(int(heads.size())))];
        sim.act(sim.om, ConflictResolved{key.kind, key.record, key.field, chosen, FieldValue{}, {}});
    });
}

}  // namespace

void plan_care(Sim& sim) {
    if (sim.open_day < 0 || sim.day < sim.open_day) return;
    for (int n = sim.daily(700); n > 0; --n)
        sim.plan_random_time(9, 17, [&sim] { complaint(sim); });
    // Return visits are made on Mondays, Wednesdays and Fridays: a batch each time.
    if (sim.weekday == 0 || sim.weekday == 2 || sim.weekday == 4) {
        const int calls = sim.daily(5000 * 7 / 3);
        sim.plan(10, 30, [&sim, calls] { return_visits(sim, calls); });
    }
    for (int n = sim.daily(130); n > 0; --n)
        sim.plan_random_time(9, 16, [&sim] { problem(sim); });
    for (int n = sim.daily(150); n > 0; --n)
        sim.plan_random_time(9, 17, [&sim] { phone_change(sim); });
    int conflicts = sim.daily(40);
    if (sim.month_index() == sim.scripted_month(10) && sim.today.day == 12) conflicts += 1;  // at least one per run
    for (; conflicts > 0; --conflicts)
        sim.plan_random_time(9, 17, [&sim] { phone_conflict(sim); });
}

}  // namespace bianmin::gen
