// Area 9: staff assessment — sign-in/out, leave and going-out approvals, the eight
// conduct items, violations by source, deductions of 1/3/9/12 months, the half-year
// payout with carry-over, the province-level bar; amounts, months and period are
// settings. SPEC [2], [1-1.2].
#include <optional>

#include "fixture.hpp"

using namespace fx;

namespace {

// A copy of the row, so it may come from a temporary report (row_of(h1(w), "fd")).
std::optional<AssessmentRow> row_of(const AssessmentReport& r, const std::string& person) {
    for (const auto& row : r.rows)
        if (row.person_id == person) return row;
    return std::nullopt;
}

AssessmentReport h1(World& w) { return assessment_report(w.state(), Period{2024, 1, 6}, w.clock.now_ms()); }

void violation(World& w, ViolationSource source, LocalDate on, std::string person = "fd", std::int64_t extra = 0) {
    w.ok(AG, ViolationRecorded{"", std::move(person), 3, source, on, extra, "巡查发现上班玩游戏"});
}

}  // namespace

TEST_CASE("[2-2.3] staff sign in on arrival and sign out at the end of work") {
    World w;
    w.found();
    w.ok(FD, SignedIn{""});
    CHECK(has(w.fail(FD, SignedIn{""}), "attendance.already_signed_in"));
    w.clock.advance_hours(8);
    w.ok(FD, SignedOut{""});
    CHECK(has(w.fail(FD, SignedOut{""}), "attendance.already_signed_out"));
    CHECK(has(w.fail(FD2, SignedOut{""}), "attendance.not_signed_in"));
    const auto& days = w.state().attendance.at("fd");
    REQUIRE(days.size() == 1);
    const AttendanceDay& day = days.begin()->second;
    CHECK(day.last_out_ms - day.first_in_ms == 8 * kMsPerHour);
    CHECK(has(w.fail(R101, SignedIn{""}), "auth.role_forbidden"));
}

TEST_CASE("[2-2.4] leave and going out are asked for in advance and approved by the manager") {
    World w;
    w.found();
    const std::int64_t now = w.clock.now_ms();
    auto leave = [&](LeaveKind kind, std::int64_t from, std::int64_t to, std::string reason = "家事") {
        return LeaveRequested{"", kind, from, to, std::move(reason)};
    };
    CHECK(has(w.fail(FD, leave(LeaveKind::leave, now - kMsPerDay, now)), "leave.not_in_advance"));
    CHECK(has(w.fail(FD, leave(LeaveKind::leave, now + kMsPerDay, now)), "leave.bad_range"));
    CHECK(has(w.fail(FD, leave(LeaveKind::going_out, now + kMsPerHour, now + 14 * kMsPerHour)), "leave.going_out_too_long"));
    CHECK(has(w.fail(FD, leave(LeaveKind::leave, now + kMsPerDay, now + 2 * kMsPerDay, "")), "leave.reason_required"));
    auto e = w.ok(FD, leave(LeaveKind::going_out, now + kMsPerHour, now + 3 * kMsPerHour, "去银行"));
    std::string id = w.payload_of<LeaveRequested>(e).leave_id;
    CHECK(has(w.fail(FD, leave(LeaveKind::leave, now + 2 * kMsPerHour, now + kMsPerDay)), "leave.overlap"));
    CHECK(w.state().leaves.at(id).status == LeaveStatus::pending);
    CHECK(has(w.fail(OM, LeaveDecided{id, false, ""}), "leave.comment_required"));
    CHECK(has(w.fail(FD2, LeaveDecided{id, true, ""}), "auth.role_forbidden"));
    w.ok(OM, LeaveDecided{id, true, "同意"});
    CHECK(w.state().leaves.at(id).status == LeaveStatus::approved);
    CHECK(has(w.fail(OM, LeaveDecided{id, true, ""}), "leave.already_decided"));
    CHECK(has(w.fail(OM, LeaveDecided{"nope", true, ""}), "leave.unknown"));
}

TEST_CASE("[2-3.1] the reward is 300 yuan per person per month, assessed every half year") {
    World w;  // staff registered on 2024-01-02
    w.found();
    AssessmentReport r = h1(w);
    CHECK(r.period.label() == "2024H1");
    CHECK(r.monthly == Fen{30000});
    const auto fd = row_of(r, "fd");
    REQUIRE(fd);
    CHECK(fd->months_employed == 6);
    CHECK(fd->base == Fen{180000});
    CHECK(fd->payout == Fen{180000});
    CHECK(row_of(r, "sw"));
    CHECK(row_of(r, "cs"));
    CHECK(row_of(r, "gm") == std::nullopt);  // not a window post
    CHECK(row_of(r, "ag") == std::nullopt);
    SUBCASE("someone hired in April is paid for three months") {
        w.clock.set(at(2024, 4, 20));
        w.ok(OM, StaffRegistered{"fd3", "新客服", {Role::front_desk}, "3号窗口", ""});
        CHECK(row_of(h1(w), "fd3")->months_employed == 3);
    }
    SUBCASE("someone who left in February is paid for two months") {
        w.clock.set(at(2024, 2, 10));
        w.ok(OM, StaffDeactivated{"fd2", "辞职"});
        CHECK(row_of(h1(w), "fd2")->base == Fen{60000});
    }
}

TEST_CASE("[2-3.2] a violation costs months of the reward according to where it was found") {
    struct Case {
        ViolationSource source;
        std::int64_t months;
    };
    const Case cases[] = {{ViolationSource::town_inspection, 1}, {ViolationSource::public_report, 1},
                          {ViolationSource::county_inspection, 3}, {ViolationSource::city_inspection, 9},
                          {ViolationSource::province_inspection, 12}};
    for (const auto& c : cases) {
        CAPTURE(c.source);
        World w;
        w.found();
        w.clock.set(at(2024, 3, 1));
        violation(w, c.source, LocalDate{2024, 2, 27});
        const auto fd = row_of(h1(w), "fd");
        REQUIRE(fd->violations.size() == 1);
        CHECK(fd->violations[0].months == c.months);
        CHECK(fd->deductions == Fen{30000 * c.months});
        CHECK(fd->payout == (c.months >= 6 ? Fen{0} : Fen{180000 - 30000 * c.months}));
    }
}

TEST_CASE("[2-3.2] a county inspection costs three months of bonus") {
    World w;
    w.found();
    w.clock.set(at(2024, 5, 6));
    violation(w, ViolationSource::county_inspection, LocalDate{2024, 5, 6});
    const auto fd = row_of(h1(w), "fd");
    CHECK(fd->deductions == Fen{90000});
    CHECK(fd->payout == Fen{90000});
    CHECK(row_of(h1(w), "fd2")->payout == Fen{180000});
}

TEST_CASE("[2-3.2] a deduction larger than the period pays carries into the next period until used up") {
    World w;
    w.found();
    w.clock.set(at(2024, 3, 1));
    violation(w, ViolationSource::province_inspection, LocalDate{2024, 2, 28});  // 12 months = 3600 yuan
    const auto first = row_of(h1(w), "fd");
    CHECK(first->payout == Fen{0});
    CHECK(first->carry_out == Fen{180000});
    auto h2 = assessment_report(w.state(), Period{2024, 2, 6}, w.clock.now_ms());
    const auto second = row_of(h2, "fd");
    CHECK(second->carry_in == Fen{180000});
    CHECK(second->payout == Fen{0});
    CHECK(second->carry_out == Fen{0});
    auto next_year = assessment_report(w.state(), Period{2025, 1, 6}, w.clock.now_ms());
    CHECK(row_of(next_year, "fd")->carry_in == Fen{0});
    CHECK(row_of(next_year, "fd")->payout == Fen{180000});
    Table t = to_table(h2);
    std::size_t fd_row = 0;
    while (fd_row < t.rows.size() && t.rows[fd_row][0].find("(fd)") == std::string::npos) ++fd_row;
    REQUIRE(fd_row < t.rows.size());
    CHECK(t.cell(fd_row, "carry_in") == "1800.00");
    CHECK(t.cell(fd_row, "payout") == "0.00");
}

TEST_CASE("[2-3.2] a province-level violation bars 'competent' or better in that year's rating") {
    World w;
    w.found();
    w.clock.set(at(2024, 6, 1));
    violation(w, ViolationSource::province_inspection, LocalDate{2024, 5, 30});
    CHECK(has(w.fail(AG, AnnualRatingRecorded{"fd", 2024, AnnualRating::competent, ""}), "assessment.province_bar"));
    CHECK(has(w.fail(AG, AnnualRatingRecorded{"fd", 2024, AnnualRating::excellent, ""}), "assessment.province_bar"));
    w.ok(AG, AnnualRatingRecorded{"fd", 2024, AnnualRating::basically_competent, "省巡查通报"});
    w.ok(AG, AnnualRatingRecorded{"fd", 2025, AnnualRating::competent, ""});  // another year
    w.ok(AG, AnnualRatingRecorded{"fd2", 2024, AnnualRating::excellent, ""});
    const auto fd = row_of(h1(w), "fd");
    CHECK(fd->province_bar);
    REQUIRE(fd->annual_rating);
    CHECK(*fd->annual_rating == AnnualRating::basically_competent);
    CHECK_FALSE(row_of(h1(w), "fd2")->province_bar);
    CHECK(has(w.fail(AG, AnnualRatingRecorded{"nope", 2024, AnnualRating::competent, ""}), "rating.unknown_staff"));
    CHECK(has(w.fail(AG, AnnualRatingRecorded{"fd2", 1990, AnnualRating::competent, ""}), "rating.bad_year"));
}

TEST_CASE("[2-3.2] more serious cases go further: extra months on top of the source's") {
    World w;
    w.found();
    w.clock.set(at(2024, 3, 1));
    violation(w, ViolationSource::town_inspection, LocalDate{2024, 2, 1}, "fd", 2);
    CHECK(row_of(h1(w), "fd")->deductions == Fen{90000});
}

TEST_CASE("[2-3.2] a withdrawn violation deducts nothing") {
    World w;
    w.found();
    w.clock.set(at(2024, 3, 1));
    auto e = w.ok(AG, ViolationRecorded{"", "sw", 7, ViolationSource::public_report, LocalDate{2024, 2, 1}, 0, "收红包"});
    std::string id = w.payload_of<ViolationRecorded>(e).violation_id;
    CHECK(has(w.fail(AG, ViolationWithdrawn{id, ""}), "violation.reason_required"));
    w.ok(AG, ViolationWithdrawn{id, "举报不实"});
    CHECK(row_of(h1(w), "sw")->deductions == Fen{0});
    CHECK(has(w.fail(AG, ViolationWithdrawn{id, "again"}), "violation.already_withdrawn"));
    CHECK(has(w.fail(AG, ViolationWithdrawn{"nope", "x"}), "violation.unknown"));
}

TEST_CASE("[2-2] violations name one of the eight conduct items, a staff member and a date not in the future") {
    World w;
    w.found();
    CHECK(conduct_item_zh(1).find("着装") != std::string_view::npos);
    CHECK(conduct_item_en(7).find("red envelopes") != std::string_view::npos);
    CHECK(conduct_item_zh(9).empty());
    auto v = [](std::string person, std::int64_t item, LocalDate on, std::int64_t extra = 0) {
        return ViolationRecorded{"", std::move(person), item, ViolationSource::town_inspection, on, extra, ""};
    };
    CHECK(has(w.fail(AG, v("fd", 9, LocalDate{2024, 1, 1})), "violation.bad_item"));
    CHECK(has(w.fail(AG, v("fd", 0, LocalDate{2024, 1, 1})), "violation.bad_item"));
    CHECK(has(w.fail(AG, v("ghost", 1, LocalDate{2024, 1, 1})), "violation.unknown_staff"));
    CHECK(has(w.fail(AG, v("fd", 1, LocalDate{2024, 5, 1})), "violation.bad_date"));
    CHECK(has(w.fail(AG, v("fd", 1, LocalDate{2024, 1, 1}, 500)), "violation.bad_extra"));
    CHECK(has(w.fail(OM, v("fd", 1, LocalDate{2024, 1, 1})), "auth.role_forbidden"));
}

TEST_CASE("[2-3] amounts, months and the period are the estate's settings, not constants") {
    World w;
    w.found();
    auto set = [&](const Actor& who, const char* field, std::int64_t value) {
        return w.run(who, FieldEdited{RecordKind::estate, "jiazhou", field, FieldValue{value}, {}});
    };
    CHECK(has(set(OM, "assessment_monthly", 40000).errors(), "auth.field_forbidden"));
    REQUIRE(set(AG, "assessment_monthly", 40000).ok());
    REQUIRE(set(AG, "deduction_months_county", 2).ok());
    w.clock.set(at(2024, 3, 1));
    violation(w, ViolationSource::county_inspection, LocalDate{2024, 2, 1});
    const auto fd = row_of(h1(w), "fd");
    CHECK(fd->base == Fen{240000});
    CHECK(fd->deductions == Fen{80000});
    SUBCASE("a quarterly period") {
        REQUIRE(set(GM, "assessment_period_months", 3).ok());
        CHECK(w.state().settings.assessment_period_months == 3);
        auto q1 = assessment_report(w.state(), *parse_period("2024Q1", 3), w.clock.now_ms());
        CHECK(q1.period.label() == "2024Q1");
        CHECK(row_of(q1, "fd")->base == Fen{120000});
        CHECK(has(set(AG, "assessment_period_months", 5).errors(), "field.range"));
    }
}

TEST_CASE("[2-2.6] the assessment shows requests finished late, leave taken and the GM's quality evaluation") {
    World w;
    w.ready();
    auto e = w.ok(FD, ServiceRequested{"", "1-101", "housekeeping", "", RequestChannel::phone, "打扫", 0});
    std::string request = w.payload_of<ServiceRequested>(e).request_id;
    w.ok(FD, RequestHandedOn{request, "sw", "上门"});
    std::string form = w.subscribe("1-101", "housekeeping");
    w.clock.advance_hours(30);  // promised 24 hours
    w.ok_on(w.tablet, SW, DeliveryLogged{"", "", "", form, request, 1, Fen{}, ""});
    w.ok(GM, QualityEvaluated{"housekeeping", "2024H1", QualityRating::fair, "迟到"});
    auto leave = w.ok(SW, LeaveRequested{"", LeaveKind::leave, at(2024, 2, 1), at(2024, 2, 2), "病假"});
    w.ok(OM, LeaveDecided{w.payload_of<LeaveRequested>(leave).leave_id, true, ""});
    w.ok(SW, SignedIn{""});
    const auto sw = row_of(h1(w), "sw");
    CHECK(sw->requests_late == 1);
    CHECK(sw->leaves_approved == 1);
    CHECK(sw->days_signed_in == 1);
    CHECK(sw->missing_sign_outs == 1);
    REQUIRE(sw->worst_quality);
    CHECK(*sw->worst_quality == QualityRating::fair);
    CHECK_FALSE(row_of(h1(w), "fd")->worst_quality);
    Table t = to_table(h1(w), Language::en);
    CHECK(t.title_en.find("2024H1") != std::string::npos);
}

TEST_CASE("[2-3.1] assessment periods: labels and which months they hold") {
    CHECK(Period{2024, 2, 6}.first_month() == YearMonth{2024, 7});
    CHECK(Period{2024, 2, 6}.contains(YearMonth{2024, 12}));
    CHECK_FALSE(Period{2024, 1, 6}.contains(YearMonth{2024, 7}));
    CHECK(Period{2024, 2, 6}.next() == Period{2025, 1, 6});
    CHECK(Period{2024, 1, 6}.prev() == Period{2023, 2, 6});
    CHECK(Period::containing(YearMonth{2024, 8}, 6).label() == "2024H2");
    CHECK(parse_period("2024h2", 6) == Period{2024, 2, 6});
    CHECK(parse_period("2024H3", 6) == std::nullopt);
    CHECK(parse_period("2024", 12) == Period{2024, 1, 12});
    CHECK(parse_period("2024-05", 1) == Period{2024, 5, 1});
    CHECK(parse_period("2024Q1", 6) == std::nullopt);
    CHECK(parse_period("2024H1", 5) == std::nullopt);
}
