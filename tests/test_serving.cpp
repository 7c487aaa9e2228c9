// Area 5 (part 1): serving a resident — entrustment forms with drawn signatures, the
// long-term subscriber list, requests with promised times and their first-contact
// owner, deliveries confirmed by the resident, stopping a service. SPEC [1-4.4–4.6,
// 1-4.12, 2-2.5, 2-2.6, 3-4.2.6, 3-4.3.1, 3-4.4.2].
#include "fixture.hpp"

using namespace fx;

namespace {
EntrustmentRegistered form_for(const std::string& household, const std::string& item) {
    return EntrustmentRegistered{"", household, "李业主", "13900000101", item, EntrustmentKind::long_term,
                                 RequestChannel::in_person, {}, scribble(), ""};
}
const std::map<std::string, std::string> kParking{{"space", "A-01"}, {"plate", "粤B12345"}};
}  // namespace

TEST_CASE("[1-4.4] an entrustment form records name, building, room, phone and item, with the drawn signature") {
    World w;
    w.ready();
    std::string id = w.subscribe("1-101", "barrel_water");
    const FormRecord* f = w.state().find_form(id);
    REQUIRE(f);
    CHECK(f->def.resident_name == "李业主");  // taken from the household when left empty
    CHECK(f->def.phone == "0755-8800101");
    CHECK(household_label(w.state(), f->def.household_id) == "1-101");
    CHECK(f->is_signed());
    REQUIRE(f->def.signature.strokes.size() == 1);
    CHECK(f->def.signature.strokes[0][1] == StrokePoint{200, 80, 40});
    CHECK(id.rfind("F-office-", 0) == 0);
}

TEST_CASE("[1-4.4] a form registered by phone is signed later, on the tablet at the door") {
    World w;
    w.ready();
    auto p = form_for("1-101", "barrel_water");
    p.signature = {};
    p.channel = RequestChannel::phone;
    std::string id = w.payload_of<EntrustmentRegistered>(w.ok(FD, p)).form_id;
    CHECK_FALSE(w.state().find_form(id)->is_signed());
    CHECK(subscriber_count(w.state(), "barrel_water", w.clock.now_ms()) == 0);  // unsigned forms do not count
    CHECK(has(w.fail_on(w.tablet, SW, EntrustmentSigned{id, {}}), "signature.required"));
    w.ok_on(w.tablet, SW, EntrustmentSigned{id, scribble()});
    CHECK(w.state().find_form(id)->is_signed());
    CHECK(has(w.fail(R101, EntrustmentSigned{id, scribble()}), "entrustment.already_signed"));
    CHECK(has(w.fail(FD, EntrustmentSigned{"nope", scribble()}), "entrustment.unknown_form"));
}

TEST_CASE("[1-4.4] entrustment errors: household, item, name, phone, register details, duplicates, channel") {
    World w;
    w.ready();
    SUBCASE("unknown household") { CHECK(has(w.fail(FD, form_for("9-999", "barrel_water")), "entrustment.unknown_household")); }
    SUBCASE("unknown item") { CHECK(has(w.fail(FD, form_for("1-101", "nope")), "entrustment.unknown_item")); }
    SUBCASE("no name") {
        auto p = form_for("2-202", "barrel_water");  // 2-202 has no resident to take a name from
        p.resident_name = "";
        CHECK(has(w.fail(FD, p), "entrustment.name_required"));
    }
    SUBCASE("bad phone") {
        auto p = form_for("1-101", "barrel_water");
        p.phone = "no phone";
        CHECK(has(w.fail(FD, p), "entrustment.bad_phone"));
    }
    SUBCASE("a register column is missing") {
        auto p = form_for("1-101", "parking");
        p.details = {{"space", "A-01"}};
        auto errors = w.fail(FD, p);
        CHECK(has(errors, "entrustment.detail_missing"));
        CHECK(errors.front().field == "details.plate");
    }
    SUBCASE("a detail the registers do not know") {
        auto p = form_for("1-101", "parking");
        p.details = kParking;
        p.details["colour"] = "red";
        CHECK(has(w.fail(FD, p), "entrustment.unknown_detail"));
    }
    SUBCASE("the same household subscribing twice") {
        w.subscribe("1-101", "barrel_water");
        CHECK(has(w.fail(FD, form_for("1-101", "barrel_water")), "entrustment.already_subscribed"));
    }
    SUBCASE("a resident in the app must use the app channel") {
        CHECK(has(w.fail(R101, form_for("1-101", "barrel_water")), "entrustment.channel"));
        auto p = form_for("1-101", "barrel_water");
        p.channel = RequestChannel::app;
        w.ok(R101, p);
    }
    SUBCASE("a signature with an empty stroke") {
        auto p = form_for("1-101", "barrel_water");
        p.signature.strokes.push_back({});
        CHECK(has(w.fail(FD, p), "signature.empty_stroke"));
    }
    SUBCASE("text that is not UTF-8") {
        auto p = form_for("1-101", "barrel_water");
        p.note = "\xff\xfe";
        CHECK(has(w.fail(FD, p), "text.bad_utf8"));
    }
}

TEST_CASE("[1-4.6] the active signed long-term forms per item make the list of long-term subscribers") {
    World w;
    w.ready();
    w.subscribe("1-102", "barrel_water");
    w.subscribe("1-101", "barrel_water");
    auto one_off = form_for("2-201", "barrel_water");
    one_off.kind = EntrustmentKind::one_off;
    w.ok(FD, one_off);
    w.subscribe("2-201", "housekeeping");
    auto list = subscribers(w.state(), "barrel_water", w.clock.now_ms());
    REQUIRE(list.size() == 2);
    CHECK(list[0]->def.household_id == "1-101");
    CHECK(list[1]->def.household_id == "1-102");
    Table t = subscriber_table(w.state(), "barrel_water", w.clock.now_ms());
    CHECK(t.rows.size() == 2);
    CHECK(t.cell(1, "household") == "1-102");
    CHECK(forms_of_household(w.state(), "2-201").size() == 2);
}

TEST_CASE("[1-4.12] stopping a service asks the reason and takes the household off the subscriber list") {
    World w;
    w.ready();
    std::string id = w.subscribe("1-101", "barrel_water");
    const std::int64_t before = w.clock.now_ms();
    w.clock.advance_days(30);
    CHECK(has(w.fail(FD, ServiceStopped{id, StopReason::moving_out, ""}), "stop.reason_required"));
    w.ok(R101, ServiceStopped{id, StopReason::moving_out, "搬家"});
    const FormRecord* f = w.state().find_form(id);
    CHECK(f->stopped);
    CHECK(f->stop_code == StopReason::moving_out);
    CHECK(f->stop_reason == "搬家");
    CHECK(subscriber_count(w.state(), "barrel_water", w.clock.now_ms()) == 0);
    CHECK(subscriber_count(w.state(), "barrel_water", before) == 1);  // history is kept
    CHECK(has(w.fail(FD, ServiceStopped{id, StopReason::other, "again"}), "stop.already_stopped"));
    CHECK(has(w.fail(FD, ServiceStopped{"nope", StopReason::other, "x"}), "stop.unknown_form"));
    w.subscribe("1-101", "barrel_water");  // may subscribe again later
}

TEST_CASE("[2-2.5] the first staff member who takes a request owns it until it is handed on") {
    World w;
    w.ready();
    auto events = w.ok(FD, ServiceRequested{"", "1-101", "housekeeping", "", RequestChannel::phone, "周六上午打扫", 0});
    std::string id = w.payload_of<ServiceRequested>(events).request_id;
    CHECK(w.state().requests.at(id).owner == "fd");
    SUBCASE("someone else cannot hand it on") {
        CHECK(has(w.fail(FD2, RequestHandedOn{id, "sw", "忙"}), "request.not_owner"));
    }
    SUBCASE("the owner hands it on, with a reason") {
        CHECK(has(w.fail(FD, RequestHandedOn{id, "sw", ""}), "request.reason_required"));
        w.ok(FD, RequestHandedOn{id, "sw", "由孙师傅上门"});
        const RequestRecord& r = w.state().requests.at(id);
        CHECK(r.owner == "sw");
        REQUIRE(r.handoffs.size() == 1);
        CHECK(r.handoffs[0].from == "fd");
        CHECK(requests_owned_by(w.state(), "sw").size() == 1);
    }
    SUBCASE("the office manager may reassign") { w.ok(OM, RequestHandedOn{id, "fd2", "调整"}); }
    SUBCASE("to nobody in particular") {
        CHECK(has(w.fail(FD, RequestHandedOn{id, "ghost", "x"}), "request.unknown_staff"));
        CHECK(has(w.fail(FD, RequestHandedOn{id, "fd", "x"}), "request.same_owner"));
        CHECK(has(w.fail(FD, RequestHandedOn{"nope", "sw", "x"}), "request.unknown"));
    }
}

TEST_CASE("[2-2.5] a request made in the app has no owner until a staff member takes it") {
    World w;
    w.ready();
    auto events = w.ok(R101, ServiceRequested{"", "1-101", "housekeeping", "", RequestChannel::app, "擦窗", 0});
    std::string id = w.payload_of<ServiceRequested>(events).request_id;
    CHECK(w.state().requests.at(id).owner.empty());
    w.ok(FD2, RequestHandedOn{id, "fd2", ""});
    CHECK(w.state().requests.at(id).owner == "fd2");
}

TEST_CASE("[3-4.4.2] a request has a promised time from the item; late ones show as overdue") {
    World w;
    w.ready();
    auto events = w.ok(FD, ServiceRequested{"", "1-101", "barrel_water", "", RequestChannel::phone, "送两桶水", 0});
    std::string id = w.payload_of<ServiceRequested>(events).request_id;
    const RequestRecord& r = w.state().requests.at(id);
    CHECK(r.def.due_ms == w.clock.now_ms() + 4 * kMsPerHour);  // barrelled water: 4 hours
    CHECK(overdue_requests(w.state(), w.clock.now_ms() + 3 * kMsPerHour).empty());
    w.clock.advance_hours(5);
    auto overdue = overdue_requests(w.state(), w.clock.now_ms());
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0]->def.request_id == id);
    CHECK(overdue_table(w.state(), w.clock.now_ms()).cell(0, "hours_late") == "1");
    SUBCASE("a delivery finishes it, late") {
        w.stock_water("barrel_water", 10);
        std::string form = w.subscribe("1-101", "barrel_water");
        w.pay(form, PaymentKind::deposit, 3000);
        w.pay(form, PaymentKind::prepayment, 10000);
        w.ok_on(w.tablet, SW, DeliveryLogged{"", "", "", form, id, 2, Fen{}, ""});
        CHECK(overdue_requests(w.state(), w.clock.now_ms()).empty());
        CHECK(w.state().requests.at(id).finished_late());
    }
    SUBCASE("the promised time must be after the request") {
        CHECK(has(w.fail(FD, ServiceRequested{"", "1-101", "barrel_water", "", RequestChannel::phone, "x", 1}), "request.bad_due"));
    }
}

TEST_CASE("[3-4.2.5] request errors: household, item, form, detail") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-102", "housekeeping");
    CHECK(has(w.fail(FD, ServiceRequested{"", "9-9", "housekeeping", "", RequestChannel::phone, "x", 0}), "request.unknown_household"));
    CHECK(has(w.fail(FD, ServiceRequested{"", "1-101", "nope", "", RequestChannel::phone, "x", 0}), "request.unknown_item"));
    CHECK(has(w.fail(FD, ServiceRequested{"", "1-101", "housekeeping", form, RequestChannel::phone, "x", 0}), "request.form_mismatch"));
    CHECK(has(w.fail(FD, ServiceRequested{"", "1-101", "housekeeping", "", RequestChannel::phone, "", 0}), "request.detail_required"));
    w.ok(FD, ServiceStopped{form, StopReason::price, "太贵"});
    CHECK(has(w.fail(FD, ServiceRequested{"", "1-102", "housekeeping", form, RequestChannel::phone, "x", 0}), "request.form_stopped"));
}

TEST_CASE("[3-4.3.1] every delivery is logged and the resident confirms it, in the app or by signing at the door") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "housekeeping");
    std::string d1 = w.deliver(form, 3);
    const DeliveryRecord& d = w.state().deliveries.at(d1);
    CHECK(d.worker == "sw");
    CHECK(d.def.charge == Fen{12000});
    CHECK_FALSE(d.confirmed());
    SUBCASE("by the resident's own device") {
        w.ok(R101, DeliveryConfirmed{d1, {}, "满意"});
        CHECK(d.confirmed());
        CHECK(d.confirmed_by == "r101");
        CHECK_FALSE(d.signed_on_tablet);
    }
    SUBCASE("on the worker's tablet a signature is needed") {
        CHECK(has(w.fail_on(w.tablet, SW, DeliveryConfirmed{d1, {}, ""}), "signature.required"));
        w.ok_on(w.tablet, SW, DeliveryConfirmed{d1, scribble(), ""});
        CHECK(d.signed_on_tablet);
    }
    SUBCASE("once") {
        w.ok(R101, DeliveryConfirmed{d1, {}, ""});
        CHECK(has(w.fail(R101, DeliveryConfirmed{d1, {}, ""}), "delivery.already_confirmed"));
        CHECK(has(w.fail_on(w.tablet, SW, DeliveryConfirmed{"nope", scribble(), ""}), "delivery.unknown"));
        CHECK(has(w.fail(R101, DeliveryConfirmed{"nope", {}, ""}), "auth.household_unknown"));
    }
    SUBCASE("another household cannot confirm it") {
        std::string other = w.subscribe("1-102", "housekeeping");
        std::string d2 = w.deliver(other, 1);
        CHECK(has(w.fail(R101, DeliveryConfirmed{d2, {}, ""}), "auth.other_household"));
    }
}

TEST_CASE("[3-4.3.1] delivery errors: form, household, quantity, signed form, stopped service, published item") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "housekeeping");
    auto delivery = [&](std::string household, std::string f, std::int64_t q) {
        return DeliveryLogged{"", household, "housekeeping", f, "", q, Fen{}, ""};
    };
    CHECK(has(w.fail_on(w.tablet, SW, delivery("1-101", "", 1)), "delivery.no_form_or_request"));
    CHECK(has(w.fail_on(w.tablet, SW, delivery("1-102", form, 1)), "delivery.form_mismatch"));
    CHECK(has(w.fail_on(w.tablet, SW, delivery("1-101", form, 0)), "delivery.bad_quantity"));
    CHECK(has(w.fail_on(w.tablet, SW, delivery("9-9", "", 1)), "delivery.unknown_household"));
    CHECK(has(w.fail_on(w.tablet, SW, DeliveryLogged{"", "1-101", "nope", form, "", 1, Fen{}, ""}), "delivery.unknown_item"));
    CHECK(has(w.fail_on(w.tablet, CS, delivery("1-101", form, 1)), "auth.role_forbidden"));
    auto unsigned_form = form_for("1-102", "housekeeping");
    unsigned_form.signature = {};
    std::string f2 = w.payload_of<EntrustmentRegistered>(w.ok(FD, unsigned_form)).form_id;
    CHECK(has(w.fail_on(w.tablet, SW, delivery("1-102", f2, 1)), "delivery.form_unsigned"));
    w.ok(FD, ServiceStopped{form, StopReason::no_longer_needed, "不需要了"});
    CHECK(has(w.fail_on(w.tablet, SW, delivery("1-101", form, 1)), "delivery.form_stopped"));
}

TEST_CASE("[3-5] register details are kept on the form for the registers") {
    World w;
    w.ready();
    std::string id = w.subscribe("1-101", "parking", kParking);
    CHECK(w.state().find_form(id)->def.details.at("plate") == "粤B12345");
    Table t = register_table(w.state(), RegisterKind::parking);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.cell(0, "space") == "A-01");
}
