// Area 5 (part 3): problems escalated general → manager → general manager with the
// decision recorded; complaints through their life cycle; return visits with
// satisfaction; the general manager's quality evaluation per item and period.
// SPEC [1-4.9–4.11, 3-4.5.1–4.5.4].
#include "fixture.hpp"

using namespace fx;

namespace {
std::string report(World& w, bool major = false) {
    auto e = w.ok(FD, ProblemReported{"", "送水工与业主发生争执", "1-101", "barrel_water", major});
    return w.payload_of<ProblemReported>(e).problem_id;
}
std::string complain(World& w, const Actor& by = FD, ComplaintSource source = ComplaintSource::phone) {
    auto e = w.ok(by, ComplaintRecorded{"", "1-101", "housekeeping", "打扫不干净", source, ""});
    return w.payload_of<ComplaintRecorded>(e).complaint_id;
}
}  // namespace

TEST_CASE("[1-4.9] front-desk staff decide ordinary problems themselves") {
    World w;
    w.ready();
    std::string id = report(w);
    CHECK(w.state().problems.at(id).level == ProblemLevel::general);
    w.ok(FD, ProblemDecided{id, "已向业主道歉并更换送水工"});
    const ProblemRecord& p = w.state().problems.at(id);
    CHECK(p.decided);
    CHECK(p.decided_role == Role::front_desk);
    CHECK(has(w.fail(FD, ProblemDecided{id, "again"}), "problem.decided"));
    CHECK(has(w.fail(FD, ProblemEscalated{id, "x"}), "problem.decided"));
}

TEST_CASE("[1-4.10] major problems go up to the office manager and to the general manager, who decides") {
    World w;
    w.ready();
    std::string id = report(w);
    CHECK(has(w.fail(FD, ProblemEscalated{id, ""}), "problem.note_required"));
    w.ok(FD, ProblemEscalated{id, "业主要求赔偿"});
    CHECK(w.state().problems.at(id).level == ProblemLevel::manager);
    CHECK(has(w.fail(FD, ProblemDecided{id, "赔偿"}), "problem.not_your_level"));
    CHECK(has(w.fail(FD, ProblemEscalated{id, "再上报"}), "problem.not_your_level"));
    w.ok(OM, ProblemEscalated{id, "金额较大,报总经理"});
    CHECK(w.state().problems.at(id).level == ProblemLevel::general_manager);
    CHECK(has(w.fail(OM, ProblemDecided{id, "赔偿"}), "problem.not_your_level"));
    CHECK(has(w.fail(OM, ProblemEscalated{id, "x"}), "problem.top_level"));
    CHECK(has(w.fail(GM, ProblemDecided{id, ""}), "problem.decision_required"));
    w.ok(GM, ProblemDecided{id, "赔偿200元,送水工停岗一周"});
    const ProblemRecord& p = w.state().problems.at(id);
    CHECK(p.decided_by == "gm");
    CHECK(p.escalations.size() == 2);
    CHECK(p.escalations[1].to == ProblemLevel::general_manager);
}

TEST_CASE("[3-4.5.3] a problem reported as major starts with the office manager") {
    World w;
    w.ready();
    std::string id = report(w, true);
    CHECK(w.state().problems.at(id).level == ProblemLevel::manager);
    w.ok(OM, ProblemDecided{id, "处理"});
    CHECK(has(w.fail(FD, ProblemReported{"", "", "", "", false}), "problem.summary_required"));
    CHECK(has(w.fail(FD, ProblemReported{"", "x", "9-9", "", false}), "problem.unknown_household"));
    CHECK(has(w.fail(FD, ProblemReported{"", "x", "", "nope", false}), "problem.unknown_item"));
    CHECK(has(w.fail(FD, ProblemDecided{"nope", "x"}), "problem.unknown"));
}

TEST_CASE("[1-4.11] a complaint is recorded, assigned, answered and closed with the resident's satisfaction") {
    World w;
    w.ready();
    std::string id = complain(w);
    const ComplaintRecord& c = w.state().complaints.at(id);
    CHECK(c.status == ComplaintStatus::recorded);
    CHECK(has(w.fail(FD, ComplaintAnswered{id, "已返工"}), "complaint.not_assigned"));
    REQUIRE(w.office.commit(assign_complaint(w.office.context(OM), w.state(), id, "fd2")).ok());
    CHECK(c.status == ComplaintStatus::assigned);
    CHECK(c.assignee == "fd2");
    CHECK(has(w.fail(FD, ComplaintAnswered{id, "已返工"}), "complaint.not_assignee"));
    CHECK(has(w.fail(FD2, ComplaintAnswered{id, ""}), "complaint.answer_required"));
    CHECK(has(w.fail(FD, ComplaintClosed{id, 4, ""}), "complaint.not_answered"));
    w.ok(FD2, ComplaintAnswered{id, "已安排返工并致歉"});
    CHECK(c.status == ComplaintStatus::answered);
    CHECK(has(w.fail(FD2, ComplaintAnswered{id, "x"}), "complaint.already_answered"));
    CHECK(has(w.fail(R101, ComplaintClosed{id, 6, ""}), "complaint.bad_satisfaction"));
    w.ok(R101, ComplaintClosed{id, 4, "满意"});
    CHECK(c.status == ComplaintStatus::closed);
    CHECK(c.satisfaction == 4);
    CHECK(has(w.fail(FD, ComplaintClosed{id, 4, ""}), "complaint.closed"));
    CHECK(has(w.fail(FD2, ComplaintAnswered{id, "x"}), "complaint.closed"));
    CHECK_FALSE(w.office.commit(assign_complaint(w.office.context(OM), w.state(), id, "fd")).ok());
}

TEST_CASE("[1-4.11] complaint errors: household, text, source, assignee") {
    World w;
    w.ready();
    CHECK(has(w.fail(FD, ComplaintRecorded{"", "9-9", "", "x", ComplaintSource::phone, ""}), "complaint.unknown_household"));
    CHECK(has(w.fail(FD, ComplaintRecorded{"", "1-101", "", "", ComplaintSource::phone, ""}), "complaint.text_required"));
    CHECK(has(w.fail(FD, ComplaintRecorded{"", "1-101", "nope", "x", ComplaintSource::phone, ""}), "complaint.unknown_item"));
    CHECK(has(w.fail(FD, ComplaintRecorded{"", "1-101", "", "x", ComplaintSource::return_visit, ""}), "complaint.visit_required"));
    CHECK(has(w.fail(R101, ComplaintRecorded{"", "1-101", "", "x", ComplaintSource::phone, ""}), "complaint.source"));
    std::string id = complain(w, R101, ComplaintSource::app);
    auto r = assign_complaint(w.office.context(OM), w.state(), id, "ghost");
    CHECK(has(r.errors(), "complaint.unknown_assignee"));
    CHECK(has(w.fail(FD, ComplaintAnswered{"nope", "x"}), "complaint.unknown"));
    CHECK(has(w.fail(FD, ComplaintClosed{"nope", 3, ""}), "complaint.unknown"));
}

TEST_CASE("[3-4.5.1] return visits record satisfaction on delivered services") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "housekeeping");
    ReturnVisitRecorded visit{"", "1-101", "housekeeping", form, 5, "很满意", ""};
    CHECK(has(w.fail(FD, visit), "visit.nothing_delivered"));
    w.deliver(form, 1);
    auto events = w.ok(FD, visit);
    const ReturnVisitRecord& v = w.state().return_visits.at(w.payload_of<ReturnVisitRecorded>(events).visit_id);
    CHECK(v.def.satisfaction == 5);
    CHECK(v.visitor == "fd");
    visit.satisfaction = 0;
    CHECK(has(w.fail(FD, visit), "visit.bad_satisfaction"));
    visit.satisfaction = 3;
    visit.form_id = "F-nope";
    CHECK(has(w.fail(FD, visit), "visit.form_mismatch"));
    CHECK(has(w.fail(FD, ReturnVisitRecorded{"", "9-9", "housekeeping", "", 3, "", ""}), "visit.unknown_household"));
    CHECK(has(w.fail(FD, ReturnVisitRecorded{"", "1-101", "nope", "", 3, "", ""}), "visit.unknown_item"));
    CHECK(has(w.fail(FD, ReturnVisitRecorded{"", "1-101", "housekeeping", "", 3, "", "CP-nope"}), "visit.unknown_complaint"));
}

TEST_CASE("[3-4.5.2] a complaint heard on a return visit becomes a complaint, linked both ways") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "housekeeping");
    w.deliver(form, 1);
    auto r = w.office.commit(record_return_visit(w.office.context(FD), w.state(),
                                                 ReturnVisitRecorded{"", "1-101", "housekeeping", form, 2, "一般", ""},
                                                 "服务人员迟到一小时"));
    REQUIRE(r.ok());
    REQUIRE(r.value().size() == 2);
    const auto& complaint = *r.value()[0].as<ComplaintRecorded>();
    const auto& visit = *r.value()[1].as<ReturnVisitRecorded>();
    CHECK(complaint.source == ComplaintSource::return_visit);
    CHECK(complaint.visit_id == visit.visit_id);
    CHECK(visit.complaint_id == complaint.complaint_id);
    CHECK(w.state().complaints.count(complaint.complaint_id) == 1);
    CHECK(w.state().return_visits.count(visit.visit_id) == 1);
    SUBCASE("nothing half-applies: a bad visit records no complaint either") {
        std::size_t before = w.ledger.size();
        auto bad = record_return_visit(w.office.context(FD), w.state(),
                                       ReturnVisitRecorded{"", "1-101", "housekeeping", form, 9, "", ""}, "又迟到");
        CHECK_FALSE(bad.ok());
        CHECK(w.ledger.size() == before);
        CHECK(w.state().complaints.size() == 1);
    }
}

TEST_CASE("[3-4.5.1] return visits are due on a schedule after delivery") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "housekeeping");
    w.deliver(form, 1);
    auto due = return_visits_due(w.state(), w.clock.now_ms());
    REQUIRE(due.size() == 1);
    CHECK(due[0].household_id == "1-101");
    CHECK(due[0].last_visit_ms == 0);
    w.ok(FD, ReturnVisitRecorded{"", "1-101", "housekeeping", form, 4, "", ""});
    CHECK(return_visits_due(w.state(), w.clock.now_ms()).empty());
    w.clock.advance_days(10);
    w.deliver(form, 1);
    CHECK(return_visits_due(w.state(), w.clock.now_ms()).empty());  // visited 10 days ago
    w.clock.advance_days(25);
    CHECK(return_visits_due(w.state(), w.clock.now_ms()).size() == 1);  // interval 30 days
    w.ok(OM, FieldEdited{RecordKind::estate, "jiazhou", "return_visit_interval_days", FieldValue{std::int64_t{60}}, {}});
    CHECK(return_visits_due(w.state(), w.clock.now_ms()).empty());
}

TEST_CASE("[3-4.5.4] the general manager evaluates quality per item and period; a later evaluation replaces it") {
    World w;
    w.ready();
    w.ok(GM, QualityEvaluated{"housekeeping", "2024H1", QualityRating::good, "回访反映良好"});
    w.ok(GM, QualityEvaluated{"housekeeping", "2024H1", QualityRating::fair, "投诉增多"});
    REQUIRE(w.state().quality.count("housekeeping|2024H1"));
    CHECK(w.state().quality.at("housekeeping|2024H1").def.rating == QualityRating::fair);
    CHECK(has(w.fail(GM, QualityEvaluated{"housekeeping", "2024Q1", QualityRating::good, ""}), "quality.bad_period"));
    CHECK(has(w.fail(GM, QualityEvaluated{"nope", "2024H1", QualityRating::good, ""}), "quality.unknown_item"));
    CHECK(has(w.fail(OM, QualityEvaluated{"housekeeping", "2024H1", QualityRating::good, ""}), "auth.role_forbidden"));
}
