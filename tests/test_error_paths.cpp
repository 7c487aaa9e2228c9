// Error paths not covered by the area files: record ids (unique, well-formed), empty
// commands, forged events the replay must refuse. Every error code a command can return
// is exercised somewhere in tests/ (docs/DOMAIN-ERRORS.md lists them).
#include "fixture.hpp"

using namespace fx;

TEST_CASE("[Shape] a record id given twice is refused for every kind of record") {
    Busy w;
    SUBCASE("payment") {
        CHECK(has(w.fail(CS, PaymentReceived{w.payment, "", "", w.water, PaymentKind::prepayment, Fen{100}, PaymentMethod::cash, ""}),
                  "payment.duplicate_id"));
    }
    SUBCASE("collection") {
        CHECK(has(w.fail(FD, FeeCollected{w.collection, "", "", w.hk, "", Fen{1}}), "collection.duplicate_id"));
    }
    SUBCASE("reversal and settlement") {
        CHECK(has(w.fail(CS, MoneyReversed{w.payment, w.collection, "x"}), "reversal.duplicate_id"));
        w.ok(FD, ServiceStopped{w.water, StopReason::other, "停"});
        CHECK(has(w.fail(CS, SettlementPaid{w.payment, w.water, Fen{3000}, Fen{}, Fen{}, ""}), "settlement.duplicate_id"));
    }
    SUBCASE("hand-over") {
        auto h = w.ok(CS, HandoverReceived{"", "fd", {w.collection}, Fen{}, Fen{4000}, ""});
        std::string id = w.payload_of<HandoverReceived>(h).handover_id;
        std::string d = w.deliver(w.hk, 1);
        std::string c = w.payload_of<FeeCollected>(w.ok(FD, FeeCollected{"", "", "", "", d, Fen{4000}})).collection_id;
        CHECK(has(w.fail(CS, HandoverReceived{id, "fd", {c}, Fen{}, Fen{4000}, ""}), "handover.duplicate_id"));
    }
    SUBCASE("delivery") {
        CHECK(has(w.fail_on(w.tablet, SW, DeliveryLogged{w.delivery, "", "", w.hk, "", 1, Fen{}, ""}), "delivery.duplicate_id"));
    }
    SUBCASE("request") {
        CHECK(has(w.fail(FD, ServiceRequested{w.request, "1-101", "barrel_water", "", RequestChannel::phone, "x", 0}),
                  "request.duplicate_id"));
    }
    SUBCASE("entrustment form") {
        CHECK(has(w.fail(FD, EntrustmentRegistered{w.hk, "2-201", "张", "13900000201", "housekeeping", EntrustmentKind::one_off,
                                                   RequestChannel::phone, {}, {}, ""}),
                  "entrustment.duplicate_id"));
    }
    SUBCASE("complaint, problem, visit") {
        w.ok(FD, ComplaintRecorded{"CP-1", "1-101", "", "x", ComplaintSource::phone, ""});
        CHECK(has(w.fail(FD, ComplaintRecorded{"CP-1", "1-101", "", "y", ComplaintSource::phone, ""}), "complaint.duplicate_id"));
        w.ok(FD, ProblemReported{"PB-1", "x", "", "", false});
        CHECK(has(w.fail(FD, ProblemReported{"PB-1", "y", "", "", false}), "problem.duplicate_id"));
        w.ok(FD, ReturnVisitRecorded{"VS-1", "1-102", "housekeeping", "", 4, "", ""});
        CHECK(has(w.fail(FD, ReturnVisitRecorded{"VS-1", "1-102", "housekeeping", "", 4, "", ""}), "visit.duplicate_id"));
    }
    SUBCASE("leave and violation") {
        w.ok(FD, LeaveRequested{"L-1", LeaveKind::going_out, at(2024, 1, 3), at(2024, 1, 3, 11), "银行"});
        CHECK(has(w.fail(FD, LeaveRequested{"L-1", LeaveKind::going_out, at(2024, 1, 4), at(2024, 1, 4, 11), "银行"}), "leave.duplicate_id"));
        w.ok(AG, ViolationRecorded{"VL-1", "fd", 1, ViolationSource::town_inspection, LocalDate{2024, 1, 1}, 0, ""});
        CHECK(has(w.fail(AG, ViolationRecorded{"VL-1", "fd", 1, ViolationSource::town_inspection, LocalDate{2024, 1, 1}, 0, ""}),
                  "violation.duplicate_id"));
    }
    SUBCASE("water receipt, survey, price table") {
        w.ok(FD, WaterStockReceived{"W-1", "barrel_water", 5, "水厂", Fen{}});
        CHECK(has(w.fail(FD, WaterStockReceived{"W-1", "barrel_water", 5, "水厂", Fen{}}), "water.duplicate_id"));
        w.ok(OM, SurveyOpened{"S-1", 2024, "调查", {"parking"}});
        CHECK(has(w.fail(OM, SurveyOpened{"S-1", 2024, "调查", {"parking"}}), "survey.duplicate_id"));
        w.ok(OM, PriceTableDrafted{"T-1", 2025, 0, "", "", catalogue_rows(), ""});
        CHECK(has(w.fail(OM, PriceTableDrafted{"T-1", 2026, 0, "", "", catalogue_rows(), ""}), "price_table.duplicate_id"));
    }
}

TEST_CASE("[Shape] ids are 1–64 characters of letters, digits and ._:-; free text has limits") {
    World w;
    w.found();
    CHECK(is_valid_id("F-office-12"));
    CHECK(is_valid_id("a.b:c_d"));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("有中文"));
    CHECK_FALSE(is_valid_id(std::string(65, 'x')));
    CHECK(has(w.fail(OM, BuildingAdded{"楼", ""}), "building.bad_id"));
    CHECK(has(w.fail(OM, BuildingAdded{"3", std::string(101, 'x')}), "building.too_long"));
    CHECK(has(w.fail(FD, ResidentRegistered{"", "1-101", "某", "abc", Tenure::owner}), "resident.bad_phone"));
    CHECK(has(w.fail(OM, StaffRegistered{"x9", "某", {Role::cashier}, "", "12"}), "staff.bad_phone"));
}

TEST_CASE("[Shape] a command with nothing in it, or before the estate exists, is refused") {
    World w;
    auto empty = execute_all(w.office.context(OM), w.state(), {});
    CHECK(has(empty.errors(), "command.empty"));
    CHECK(has(w.fail(FD, BuildingAdded{"1", ""}), "auth.no_estate"));
    // estate.exists is the rule behind auth.estate_exists, for a replayed second founding.
    w.found();
    Event again{EventId{"office", 99}, Hlc{}, OM, EstateCreated{"e2", "x", "", kTz, "y"}};
    CHECK(has(check_event(w.state(), again), "estate.exists"));
}

TEST_CASE("[SPEC People] the last office manager cannot be deactivated") {
    World w;
    w.found();
    w.ok(OM, StaffRegistered{"boss", "老板", {Role::general_manager, Role::office_manager}, "", ""});
    w.ok(OM, StaffDeactivated{"boss", "调走"});
    w.ok(OM, StaffRegistered{"om2", "二经理", {Role::office_manager}, "", ""});
    w.ok(Actor{"om2", Role::office_manager}, StaffDeactivated{"om", "退休"});
    Event last{EventId{"office", 999}, w.hlc.tick(), OM, StaffDeactivated{"om2", "x"}};
    CHECK(has(check_event(w.state(), last), "staff.last_office_manager"));
}

TEST_CASE("[SPEC Offline] forged resolutions are refused on replay: partial or with another value") {
    World w;
    w.ready();
    auto a = w.ok(FD, FieldEdited{RecordKind::household, "1-101", "phone", FieldValue{"13500000001"}, {}});
    Event b{EventId{"tab1", 1}, Hlc{a.front().hlc.wall_ms, a.front().hlc.counter + 1}, FD2,
            FieldEdited{RecordKind::household, "1-101", "phone", FieldValue{"13500000002"}, {}}};
    w.ledger.add({b});
    REQUIRE(conflicts(w.state()).size() == 1);
    Event partial{EventId{"office", 900}, w.hlc.tick(), OM,
                  ConflictResolved{RecordKind::household, "1-101", "phone", b.id, FieldValue{"13500000002"}, {b.id}}};
    CHECK(has(check_event(w.state(), partial), "conflict.incomplete"));
    Event other_value{EventId{"office", 901}, w.hlc.tick(), OM,
                      ConflictResolved{RecordKind::household, "1-101", "phone", b.id, FieldValue{"139"}, {a.front().id, b.id}}};
    CHECK(has(check_event(w.state(), other_value), "conflict.value_mismatch"));
}

TEST_CASE("[SPEC People] field values are checked against the field's kind") {
    const FieldSpec* phone = find_field(RecordKind::household, "phone");
    const FieldSpec* name = find_field(RecordKind::resident, "name");
    const FieldSpec* assignee = find_field(RecordKind::complaint, "assignee");
    REQUIRE((phone && name && assignee));
    CHECK(has(validate_field_value(*phone, FieldValue{"not a phone"}), "field.phone"));
    CHECK(validate_field_value(*phone, FieldValue{"+86 (755) 8888-0000"}).empty());
    CHECK(has(validate_field_value(*name, FieldValue{""}), "field.length"));
    CHECK(has(validate_field_value(*assignee, FieldValue{"两个 字"}), "field.person"));
    World w;
    w.found();
    Event unknown{EventId{"office", 99}, w.hlc.tick(), OM, FieldEdited{RecordKind::household, "1-101", "colour", FieldValue{"red"}, {}}};
    CHECK(has(check_event(w.state(), unknown), "field.unknown"));
}

TEST_CASE("[3-4.3.1] deliveries and requests must match each other and the published table") {
    Busy w;
    SUBCASE("a request of another household") {
        CHECK(has(w.fail_on(w.tablet, SW, DeliveryLogged{"", "1-102", "housekeeping", "", w.request, 1, Fen{}, ""}),
                  "delivery.request_mismatch"));
    }
    SUBCASE("a request already done") {
        w.ok_on(w.tablet, SW, DeliveryLogged{"", "", "", w.water, w.request, 1, Fen{}, ""});
        CHECK(has(w.fail(FD, RequestHandedOn{w.request, "sw", "x"}), "request.done"));
    }
    SUBCASE("an item the table in effect does not list") {
        w.ok(OM, ItemDefined{"car_wash", "洗车", "", Billing::per_use, "次", "", Fen{2000}, Fen{}, Fen{}, 5, Fen{}, 0, {}});
        CHECK(has(w.fail(FD, ServiceRequested{"", "1-101", "car_wash", "", RequestChannel::phone, "洗车", 0}), "request.item_not_published"));
        Event forged{EventId{"tab1", 50}, w.hlc.tick(), SW, DeliveryLogged{"D-f", "1-101", "car_wash", "", "Q-x", 1, Fen{}, ""}};
        CHECK(has(check_event(w.state(), forged), "delivery.item_not_published"));
    }
    SUBCASE("a stopped form cannot be signed") {
        auto p = EntrustmentRegistered{"", "2-201", "张", "13900000201", "broadband_agency", EntrustmentKind::long_term,
                                       RequestChannel::phone, {{"provider", "电信"}}, {}, ""};
        std::string f = w.payload_of<EntrustmentRegistered>(w.ok(FD, p)).form_id;
        w.ok(FD, ServiceStopped{f, StopReason::no_longer_needed, "不要了"});
        CHECK(has(w.fail(FD, EntrustmentSigned{f, scribble()}), "entrustment.stopped"));
    }
}

TEST_CASE("[1-4.8] collections: amount, and the delivery they are for") {
    Busy w;
    std::string other = w.subscribe("2-201", "housekeeping");
    std::string d = w.deliver(other, 1);
    CHECK(has(w.fail(FD, FeeCollected{"", "", "", w.hk, d, Fen{4000}}), "collection.delivery_mismatch"));
    CHECK(has(w.fail(FD, FeeCollected{"", "", "", other, d, Fen{0}}), "collection.bad_amount"));
}

TEST_CASE("[1-4.4] a signature is bounded in size") {
    Signature huge;
    huge.strokes.push_back(Stroke(kMaxSignaturePoints + 1, StrokePoint{1, 1, 1}));
    World w;
    w.ready();
    CHECK(has(w.fail(FD, EntrustmentRegistered{"", "1-101", "李", "13900000101", "housekeeping", EntrustmentKind::long_term,
                                               RequestChannel::phone, {}, huge, ""}),
              "signature.too_large"));
}
