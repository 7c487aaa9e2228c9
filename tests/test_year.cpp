// A full year walked with the injected clock: survey → price table → approval →
// publication → subscriptions → deliveries → money → reports → assessment.
// Issue 3 "Tests": "a full year walked through with the injected clock".
#include "fixture.hpp"

using namespace fx;

TEST_CASE("[1-4][2][3] a year at the convenience-service desk, January to December") {
    World w(at(2024, 1, 2));
    w.found();
    w.seed();

    // ---- January: last year's opinion survey, then the price table [1-4.1, 3-4.1] ----
    auto opened = w.ok(OM, SurveyOpened{"", 2023, "2023年便民服务意见征询表", {"barrel_water", "housekeeping", "parking"}});
    std::string survey = w.payload_of<SurveyOpened>(opened).survey_id;
    w.ok(R101, SurveyAnswered{survey, "1-101", {{"barrel_water", true, 4, 4}}, ""});
    w.ok(FD, SurveyAnswered{survey, "1-102", {{"parking", true, 1, 3}, {"barrel_water", true, 2, 5}}, ""});
    w.ok(FD, SurveyAnswered{survey, "2-201", {{"housekeeping", true, 2, 0}}, ""});
    w.clock.set(at(2024, 1, 6));
    w.ok(OM, SurveyClosed{survey});
    auto summary = survey_summary(w.state(), survey);
    CHECK(summary[0].wanted == 2);  // barrelled water, the most wanted

    w.clock.set(at(2024, 1, 8));
    auto drafted = w.ok(OM, PriceTableDrafted{"", 2024, 0, "", survey, catalogue_rows(), "保本微利"});
    std::string table = w.payload_of<PriceTableDrafted>(drafted).table_id;
    w.ok(OM, PriceTableSubmitted{table});
    w.clock.set(at(2024, 1, 9));
    w.ok(GM, PriceTableRejected{table, "停车押金过高"});
    auto rows = catalogue_rows();
    for (auto& r : rows)
        if (r.item_id == "parking") r.deposit = Fen{10000};
    w.ok(OM, PriceTableRevised{table, rows, "押金降为100元"});
    w.ok(OM, PriceTableSubmitted{table});
    w.clock.set(at(2024, 1, 10));
    w.ok(GM, PriceTableApproved{table, "同意"});
    w.ok(FD, PriceTablePublished{table, {PublishChannel::office_notice, PublishChannel::notice_board}});
    CHECK(current_price_row(w.state(), "parking")->deposit == Fen{10000});

    // ---- February: subscriptions with money up front, deliveries confirmed [1-4.4–4.6, 3-4.3] ----
    w.clock.set(at(2024, 2, 1));
    w.stock_water("barrel_water", 100);
    std::string water = w.subscribe("1-101", "barrel_water");
    w.pay(water, PaymentKind::deposit, 3000);
    w.pay(water, PaymentKind::prepayment, 10000);
    std::string parking = w.subscribe("1-102", "parking", {{"space", "A-08"}, {"plate", "粤B66666"}});
    w.pay(parking, PaymentKind::deposit, 10000);
    w.pay(parking, PaymentKind::fee, 15000);
    std::string hk = w.subscribe("2-201", "housekeeping");
    w.clock.set(at(2024, 2, 5, 10));
    std::string d1 = w.deliver(water, 2);
    w.ok(R101, DeliveryConfirmed{d1, {}, "水已收到"});
    auto req = w.ok(FD, ServiceRequested{"", "2-201", "housekeeping", hk, RequestChannel::phone, "春节前大扫除", 0});
    std::string request = w.payload_of<ServiceRequested>(req).request_id;
    w.ok(FD, RequestHandedOn{request, "sw", "上门服务"});
    w.clock.set(at(2024, 2, 5, 15));
    auto hk_delivery = w.ok_on(w.tablet, SW, DeliveryLogged{"", "", "", hk, request, 3, Fen{}, ""});
    std::string d2 = w.payload_of<DeliveryLogged>(hk_delivery).delivery_id;
    w.ok_on(w.tablet, SW, DeliveryConfirmed{d2, scribble(), ""});
    auto collected = w.ok_on(w.tablet, SW, FeeCollected{"", "", "", "", d2, Fen{12000}});
    w.clock.set(at(2024, 2, 6, 9));
    w.ok(CS, HandoverReceived{"", "sw", {w.payload_of<FeeCollected>(collected).collection_id}, Fen{}, Fen{12000}, ""});
    CHECK(staff_cash(w.state(), w.clock.now_ms()).front().on_hand == Fen{0});
    CHECK_FALSE(w.state().requests.at(request).finished_late());

    IncomeReport feb = income_report(w.state(), YearMonth{2024, 2});
    CHECK(feb.total == Fen{10000 + 15000 + 12000});  // prepayment, parking fee, housekeeping
    CHECK(feb.deposits_held == Fen{13000});
    auto be = break_even_report(w.state(), YearMonth{2024, 2});
    CHECK(be.flagged() > 0);  // a three-household start is below break-even everywhere
    w.ok(FD, BelowBreakEvenReported{"", "parking", YearMonth{2024, 2}, "仅一户"});
    w.ok(OM, BreakEvenMeasureRecorded{"", "parking", YearMonth{2024, 2}, MeasureKind::more_subscribers, "张贴车位出租广告", ""});

    // ---- March to June: monthly fees, a complaint, a return visit, a violation ----------
    for (int month = 3; month <= 6; ++month) {
        w.clock.set(at(2024, month, 2));
        w.pay(parking, PaymentKind::fee, 15000);
        w.clock.set(at(2024, month, 10));
        std::string d = w.deliver(water, 2);
        w.ok_on(w.tablet, SW, DeliveryConfirmed{d, scribble(), ""});
        if (w.state().find_form(water)->prepaid_balance().value < 3600) w.pay(water, PaymentKind::prepayment, 10000);
    }
    w.clock.set(at(2024, 3, 15));
    auto complaint = w.ok(FD, ComplaintRecorded{"", "1-101", "barrel_water", "送水晚了一天", ComplaintSource::phone, ""});
    std::string cid = w.payload_of<ComplaintRecorded>(complaint).complaint_id;
    REQUIRE(w.office.commit(assign_complaint(w.office.context(OM), w.state(), cid, "sw")).ok());
    w.ok_on(w.tablet, SW, ComplaintAnswered{cid, "已致歉,今后提前电话联系"});
    w.ok(R101, ComplaintClosed{cid, 4, ""});
    w.ok(FD2, ReturnVisitRecorded{"", "2-201", "housekeeping", hk, 5, "很满意", ""});
    w.clock.set(at(2024, 5, 20));
    w.ok(AG, ViolationRecorded{"", "fd", 3, ViolationSource::county_inspection, LocalDate{2024, 5, 20}, 0, "上班看视频被县巡查通报"});
    w.clock.set(at(2024, 6, 28));
    w.ok(GM, QualityEvaluated{"barrel_water", "2024H1", QualityRating::good, ""});

    // ---- July: a price change through approval as a new version [3-4.3.4] -----------
    w.clock.set(at(2024, 7, 1));
    auto v2rows = w.state().find_table(table)->def.rows;
    for (auto& r : v2rows)
        if (r.item_id == "housekeeping") r.price = Fen{4500};
    auto v2 = w.ok(OM, PriceTableDrafted{"", 2024, 0, table, "", v2rows, "家政调价"});
    std::string table2 = w.payload_of<PriceTableDrafted>(v2).table_id;
    w.ok(OM, PriceTableSubmitted{table2});
    w.ok(GM, PriceTableApproved{table2, "同意"});
    w.ok(OM, PriceTablePublished{table2, {PublishChannel::newsletter}});
    w.clock.set(at(2024, 7, 8));
    std::string d3 = w.deliver(hk, 2);
    CHECK(w.state().deliveries.at(d3).def.charge == Fen{9000});
    w.ok(FD, FeeCollected{"", "", "", "", d3, Fen{9000}});
    w.clock.set(at(2024, 7, 8, 17));
    auto h2 = w.ok(CS, HandoverReceived{"", "fd", {w.state().money.back().entry_id}, Fen{}, Fen{9000}, ""});
    CHECK(w.payload_of<HandoverReceived>(h2).expected == Fen{9000});

    // ---- October: a resident moves out; the deposit and prepayment are settled [1-4.12] ----
    w.clock.set(at(2024, 10, 3));
    w.ok(R101, ServiceStopped{water, StopReason::moving_out, "搬家"});
    const FormRecord* wf = w.state().find_form(water);
    Fen prepaid_left = wf->prepaid_balance();
    CHECK(prepaid_left.value > 0);
    w.ok(CS, SettlementPaid{"", water, Fen{3000}, Fen{}, prepaid_left, ""});
    CHECK(subscriber_count(w.state(), "barrel_water", w.clock.now_ms()) == 0);

    // ---- December: the year's reports and the assessment [3-7, 2] ----------------------
    w.clock.set(at(2024, 12, 20));
    w.ok(AG, AnnualRatingRecorded{"fd", 2024, AnnualRating::competent, "县级通报,未达省级"});
    Fen year_total;
    for (int month = 1; month <= 12; ++month) year_total += income_report(w.state(), YearMonth{2024, month}).total;
    Fen ledger_income;
    for (const auto& m : w.state().money) ledger_income += m.income;
    CHECK(year_total == ledger_income);
    CHECK(income_report(w.state(), YearMonth{2024, 10}).rows.front().item_id == "parking");
    CHECK(income_report(w.state(), YearMonth{2024, 10}).deposits_returned == Fen{3000});

    Table parking_register = register_table(w.state(), RegisterKind::parking);
    REQUIRE(parking_register.rows.size() == 1);
    CHECK(parking_register.cell(0, "fees_paid") == "750.00");  // five months
    Table stock = register_table(w.state(), RegisterKind::water_stock);
    CHECK(stock.rows.back().at(5) == std::to_string(w.state().water_on_hand.at("barrel_water")));

    AssessmentReport first_half = assessment_report(w.state(), Period{2024, 1, 6}, w.clock.now_ms());
    AssessmentReport second_half = assessment_report(w.state(), Period{2024, 2, 6}, w.clock.now_ms());
    auto row = [](const AssessmentReport& r, const char* id) -> const AssessmentRow& {
        for (const auto& x : r.rows)
            if (x.person_id == id) return x;
        FAIL("no row for " << id);
        return r.rows.front();
    };
    CHECK(row(first_half, "fd").payout == Fen{180000 - 90000});
    CHECK(row(second_half, "fd").payout == Fen{180000});
    CHECK(row(first_half, "sw").worst_quality == QualityRating::good);
    CHECK(*row(second_half, "fd").annual_rating == AnnualRating::competent);
    CHECK(first_half.total_payout + second_half.total_payout > Fen{0});
    CHECK(w.state().anomalies.empty());
    CHECK(conflicts(w.state()).empty());

    // Everything the year made is also a file another device can replay to the same state.
    auto file = read_events_file(write_events_file(w.ledger.events()));
    REQUIRE(file.ok());
    CHECK(project(file.value()) == w.state());
}
