// Input limits of every command: record ids (present and well-formed) and free text
// (bounded), for every kind of record and every free-text field. Each refusal names its
// field and says why in Chinese and English, and changes nothing (World::fail checks
// the log). docs/DOMAIN-ERRORS.md lists the codes; issue 3 "every error path".
#include "fixture.hpp"

using namespace fx;

namespace {

const std::string kBadId = "bad id!";          // a space and '!' are not id characters
const std::string kLong2000(2001, 'x');        // notes, reasons, comments: at most 2000 bytes
const std::string kLong200(201, 'x');          // names and attendance notes: at most 200
const std::string kLong100(101, 'x');          // labels and windows: at most 100

struct Case {
    const char* code;
    Actor actor;
    Payload payload;
};

// Every error of a refusal speaks both languages and names a field.
void check_messages(const Errors& errors) {
    for (const auto& e : errors) {
        CAPTURE(e);
        CHECK_FALSE(e.message_zh.empty());
        CHECK_FALSE(e.message_en.empty());
    }
}

void run_cases(World& w, const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        CAPTURE(c.code);
        CAPTURE(EventType(c.payload.index()));
        Errors errors = w.fail(c.actor, c.payload);
        CHECK(has(errors, c.code));
        check_messages(errors);
        for (const auto& e : errors)
            if (e.code == c.code) CHECK_FALSE(e.field.empty());
    }
}

}  // namespace

TEST_CASE("[Shape] founding refuses a missing estate id and an over-long English name") {
    World w;
    CHECK(has(w.fail(OM, EstateCreated{"", "花园", "", kTz, "欧经理"}), "estate.id_required"));
    CHECK(has(w.fail(OM, EstateCreated{"e1", "花园", kLong200, kTz, "欧经理"}), "estate.too_long"));
    CHECK_FALSE(w.state().has_estate);
}

TEST_CASE("[Shape] a malformed record id is refused for every kind of record a command creates") {
    Busy w;
    const std::vector<Case> cases = {
        {"item.bad_id", OM, ItemDefined{kBadId, "洗车", "", Billing::per_use, "次", "", Fen{2000}, Fen{}, Fen{}, 5, Fen{}, 0, {}}},
        {"staff.bad_id", OM, StaffRegistered{kBadId, "某", {Role::cashier}, "", ""}},
        {"household.bad_id", FD, HouseholdRegistered{kBadId, "1", "103", "", ""}},
        {"resident.bad_id", FD, ResidentRegistered{kBadId, "1-101", "某", "", Tenure::owner}},
        {"survey.bad_id", OM, SurveyOpened{kBadId, 2024, "调查", {"parking"}}},
        {"price_table.bad_id", OM, PriceTableDrafted{kBadId, 2025, 0, "", "", catalogue_rows(), ""}},
        {"break_even.bad_id", FD, BelowBreakEvenReported{kBadId, "parking", YearMonth{2024, 1}, ""}},
        {"break_even.bad_id", OM,
         BreakEvenMeasureRecorded{kBadId, "parking", YearMonth{2024, 1}, MeasureKind::more_subscribers, "", ""}},
        {"entrustment.bad_id", FD,
         EntrustmentRegistered{kBadId, "2-201", "张", "13900000201", "housekeeping", EntrustmentKind::one_off,
                               RequestChannel::phone, {}, {}, ""}},
        {"request.bad_id", FD, ServiceRequested{kBadId, "1-101", "barrel_water", "", RequestChannel::phone, "送水", 0}},
        {"delivery.bad_id", SW, DeliveryLogged{kBadId, "", "", w.hk, "", 1, Fen{}, ""}},
        {"payment.bad_id", CS, PaymentReceived{kBadId, "", "", w.water, PaymentKind::prepayment, Fen{100}, PaymentMethod::cash, ""}},
        {"collection.bad_id", FD, FeeCollected{kBadId, "", "", "", w.delivery, Fen{100}}},
        {"handover.bad_id", CS, HandoverReceived{kBadId, "fd", {w.collection}, Fen{}, Fen{4000}, ""}},
        {"reversal.bad_id", CS, MoneyReversed{kBadId, w.payment, "收错"}},
        {"settlement.bad_id", CS, SettlementPaid{kBadId, w.water, Fen{3000}, Fen{}, Fen{}, ""}},
        {"problem.bad_id", FD, ProblemReported{kBadId, "电梯坏了", "", "", false}},
        {"complaint.bad_id", FD, ComplaintRecorded{kBadId, "1-101", "", "太吵", ComplaintSource::phone, ""}},
        {"visit.bad_id", FD, ReturnVisitRecorded{kBadId, "1-102", "housekeeping", "", 4, "", ""}},
        {"water.bad_id", FD, WaterStockReceived{kBadId, "barrel_water", 5, "水厂", Fen{}}},
        {"leave.bad_id", FD, LeaveRequested{kBadId, LeaveKind::going_out, at(2024, 1, 3), at(2024, 1, 3, 11), "银行"}},
        {"violation.bad_id", AG,
         ViolationRecorded{kBadId, "fd", 1, ViolationSource::town_inspection, LocalDate{2024, 1, 1}, 0, ""}},
    };
    run_cases(w, cases);
}

TEST_CASE("[Shape] records whose id the person types are refused without one") {
    World w;
    w.ready();
    const std::vector<Case> cases = {
        {"item.id_required", OM, ItemDefined{"", "洗车", "", Billing::per_use, "次", "", Fen{2000}, Fen{}, Fen{}, 5, Fen{}, 0, {}}},
        {"staff.id_required", OM, StaffRegistered{"", "某", {Role::cashier}, "", ""}},
        {"device.id_required", OM, DeviceRegistered{"", "平板", DeviceKind::office, ""}},
    };
    run_cases(w, cases);
}

TEST_CASE("[Shape] generated ids cannot be missing from a command, only from a forged event, which replay refuses") {
    Busy w;
    // What a forged or damaged file could carry: the same payloads with the id left out.
    const std::vector<Case> forged = {
        {"resident.id_required", FD, ResidentRegistered{"", "1-101", "某", "", Tenure::owner}},
        {"survey.id_required", OM, SurveyOpened{"", 2024, "调查", {"parking"}}},
        {"price_table.id_required", OM, PriceTableDrafted{"", 2025, 1, "", "", catalogue_rows(), ""}},
        {"break_even.id_required", FD, BelowBreakEvenReported{"", "parking", YearMonth{2024, 1}, ""}},
        {"break_even.id_required", OM,
         BreakEvenMeasureRecorded{"", "parking", YearMonth{2024, 1}, MeasureKind::more_subscribers, "", ""}},
        {"entrustment.id_required", FD,
         EntrustmentRegistered{"", "2-201", "张", "13900000201", "housekeeping", EntrustmentKind::one_off,
                               RequestChannel::phone, {}, {}, ""}},
        {"request.id_required", FD,
         ServiceRequested{"", "1-101", "barrel_water", "", RequestChannel::phone, "送水", at(2024, 1, 9)}},
        {"delivery.id_required", SW, DeliveryLogged{"", "1-102", "housekeeping", w.hk, "", 1, Fen{4000}, ""}},
        {"payment.id_required", CS,
         PaymentReceived{"", "1-101", "barrel_water", w.water, PaymentKind::prepayment, Fen{100}, PaymentMethod::cash, ""}},
        {"collection.id_required", FD, FeeCollected{"", "1-102", "housekeeping", w.hk, w.delivery, Fen{100}}},
        {"handover.id_required", CS, HandoverReceived{"", "fd", {w.collection}, Fen{4000}, Fen{4000}, ""}},
        {"reversal.id_required", CS, MoneyReversed{"", w.payment, "收错"}},
        {"settlement.id_required", CS, SettlementPaid{"", w.water, Fen{3000}, Fen{}, Fen{}, ""}},
        {"problem.id_required", FD, ProblemReported{"", "电梯坏了", "", "", false}},
        {"complaint.id_required", FD, ComplaintRecorded{"", "1-101", "", "太吵", ComplaintSource::phone, ""}},
        {"visit.id_required", FD, ReturnVisitRecorded{"", "1-102", "housekeeping", "", 4, "", ""}},
        {"water.id_required", FD, WaterStockReceived{"", "barrel_water", 5, "水厂", Fen{}}},
        {"leave.id_required", FD, LeaveRequested{"", LeaveKind::going_out, at(2024, 1, 3), at(2024, 1, 3, 11), "银行"}},
        {"violation.id_required", AG,
         ViolationRecorded{"", "fd", 1, ViolationSource::town_inspection, LocalDate{2024, 1, 1}, 0, ""}},
    };
    std::uint64_t seq = 5000;
    for (const auto& c : forged) {
        CAPTURE(c.code);
        Event e{EventId{"office", seq++}, w.hlc.tick(), c.actor, c.payload};
        Errors errors = check_event(w.state(), e);
        CHECK(has(errors, c.code));
        check_messages(errors);
        // Through a command the id is generated: the same payload never lacks it.
        auto made = execute(w.office.context(c.actor), w.state(), c.payload);
        if (made.ok()) CHECK_FALSE(has_code(check_event(w.state(), made.value().front()), c.code));
        else CHECK_FALSE(has_code(made.errors(), c.code));
    }
    // Replay lists a forged record without an id as an anomaly and changes nothing.
    std::size_t surveys = w.state().surveys.size();
    Event forged_survey{EventId{"office", seq++}, w.hlc.tick(), OM, SurveyOpened{"", 2024, "调查", {"parking"}}};
    REQUIRE(w.ledger.add({forged_survey}).rejected.empty());
    CHECK(w.state().surveys.size() == surveys);
    REQUIRE_FALSE(w.state().anomalies.empty());
    CHECK(w.state().anomalies.back().code == "survey.id_required");
    CHECK(w.state().anomalies.back().skipped);
}

TEST_CASE("[Shape] free text is bounded in every command that takes it") {
    Busy w;
    // A request made in the app has no owner yet: taking it needs no reason, but one given is bounded.
    auto asked = w.ok(R101, ServiceRequested{"", "1-101", "barrel_water", "", RequestChannel::app, "送两桶水", 0});
    std::string request = w.payload_of<ServiceRequested>(asked).request_id;
    auto complaint = w.ok(FD, ComplaintRecorded{"", "1-101", "", "太吵", ComplaintSource::phone, ""});
    std::string complaint_id = w.payload_of<ComplaintRecorded>(complaint).complaint_id;
    auto survey = w.ok(OM, SurveyOpened{"", 2024, "调查", {"parking"}});
    std::string survey_id = w.payload_of<SurveyOpened>(survey).survey_id;
    auto leave = w.ok(FD, LeaveRequested{"", LeaveKind::going_out, at(2024, 1, 3), at(2024, 1, 3, 11), "银行"});
    std::string leave_id = w.payload_of<LeaveRequested>(leave).leave_id;
    std::string water_delivery = w.deliver(w.water, 1);

    const std::vector<Case> cases = {
        {"item.too_long", OM, ItemDefined{"car_wash", "洗车", kLong200, Billing::per_use, "次", "", Fen{2000}, Fen{}, Fen{}, 5, Fen{}, 0, {}}},
        {"staff.too_long", OM, StaffRegistered{"cs2", "某", {Role::cashier}, kLong100, ""}},
        {"device.too_long", OM, DeviceRegistered{"tab9", kLong100, DeviceKind::office, ""}},
        {"household.too_long", FD, HouseholdRegistered{"", "1", "103", "", kLong2000}},
        {"survey.too_long", FD, SurveyAnswered{survey_id, "1-102", {{"parking", true, 1, 3}}, kLong2000}},
        {"price_table.too_long", OM, PriceTableDrafted{"", 2025, 0, "", "", catalogue_rows(), kLong2000}},
        {"break_even.too_long", FD, BelowBreakEvenReported{"", "parking", YearMonth{2024, 1}, kLong2000}},
        {"item_stop.too_long", GM, ItemStopDecided{"parking", true, kLong2000}},
        {"entrustment.too_long", FD,
         EntrustmentRegistered{"", "2-201", "张", "13900000201", "housekeeping", EntrustmentKind::one_off,
                               RequestChannel::phone, {}, {}, kLong2000}},
        {"request.too_long", FD, RequestHandedOn{request, "fd", kLong2000}},
        {"delivery.too_long", SW, DeliveryLogged{"", "", "", w.hk, "", 1, Fen{}, kLong2000}},
        {"delivery.too_long", R101, DeliveryConfirmed{water_delivery, {}, kLong2000}},
        {"payment.too_long", CS, PaymentReceived{"", "", "", w.water, PaymentKind::prepayment, Fen{100}, PaymentMethod::cash, kLong2000}},
        {"handover.too_long", CS, HandoverReceived{"", "fd", {w.collection}, Fen{}, Fen{4000}, kLong2000}},
        {"complaint.too_long", FD, ComplaintClosed{complaint_id, 4, kLong2000}},
        {"visit.too_long", FD, ReturnVisitRecorded{"", "1-102", "housekeeping", "", 4, kLong2000, ""}},
        {"quality.too_long", GM, QualityEvaluated{"housekeeping", "2024H1", QualityRating::good, kLong2000}},
        {"attendance.too_long", FD, SignedIn{kLong200}},
        {"leave.too_long", OM, LeaveDecided{leave_id, true, kLong2000}},
        {"violation.too_long", AG,
         ViolationRecorded{"", "fd", 1, ViolationSource::town_inspection, LocalDate{2024, 1, 1}, 0, kLong2000}},
        {"rating.too_long", AG, AnnualRatingRecorded{"fd", 2024, AnnualRating::competent, kLong2000}},
    };
    run_cases(w, cases);
    SUBCASE("a settlement's note, when no deposit is kept") {
        w.ok(FD, ServiceStopped{w.water, StopReason::moving_out, "搬家"});
        CHECK(has(w.fail(CS, SettlementPaid{"", w.water, Fen{3000}, Fen{}, Fen{}, kLong2000}), "settlement.too_long"));
    }
    SUBCASE("text at the limit is accepted") {
        w.ok(FD, SignedIn{std::string(200, 'x')});
        w.ok(FD, ProblemReported{"", std::string(2000, 'x'), "", "", false});
        w.ok(FD, ComplaintRecorded{"", "1-102", "", std::string(2000, 'x'), ComplaintSource::phone, ""});
    }
}
