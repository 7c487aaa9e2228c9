// Area 5 (part 2): money — prepayments and deposits paid first, fees collected at the
// door and handed to finance with per-staff reconciliation, reversals instead of edits,
// settlement of deposits when a service stops. SPEC [1-4.5, 1-4.8, 3-3.5, 3-4.3,
// "Money is never edited or deleted"].
#include "fixture.hpp"

using namespace fx;

namespace {

struct WaterWorld : World {
    std::string form;
    WaterWorld() {
        ready();
        stock_water("barrel_water", 100);
        form = subscribe("1-101", "barrel_water");
    }
    Errors pay_fails(PaymentKind kind, std::int64_t fen, std::string f = "") {
        return fail(CS, PaymentReceived{"", "", "", f.empty() ? form : f, kind, Fen{fen}, PaymentMethod::cash, ""});
    }
};

Fen ledger_sum(const State& s, Fen MoneyEntry::*column) {
    Fen total;
    for (const auto& m : s.money) total += m.*column;
    return total;
}

}  // namespace

TEST_CASE("[1-4.5] where the price table asks a deposit and prepayment, the resident pays the cashier first") {
    WaterWorld w;
    auto delivery = DeliveryLogged{"", "", "", w.form, "", 2, Fen{}, ""};
    CHECK(has(w.fail_on(w.tablet, SW, delivery), "delivery.deposit_unpaid"));
    w.pay(w.form, PaymentKind::deposit, 3000);
    CHECK(has(w.fail_on(w.tablet, SW, delivery), "delivery.prepayment_insufficient"));
    w.pay(w.form, PaymentKind::prepayment, 10000);
    w.ok_on(w.tablet, SW, delivery);
    const FormRecord* f = w.state().find_form(w.form);
    CHECK(f->deposit_held() == Fen{3000});
    CHECK(f->prepaid_balance() == Fen{10000 - 3600});
    CHECK(f->fees_owed() == Fen{0});
    w.ok_on(w.tablet, SW, DeliveryLogged{"", "", "", w.form, "", 3, Fen{}, ""});
    CHECK(w.state().find_form(w.form)->prepaid_balance() == Fen{10000 - 3600 - 5400});
    CHECK(has(w.fail_on(w.tablet, SW, delivery), "delivery.prepayment_insufficient"));  // 1000 left, 3600 needed
}

TEST_CASE("[3-4.3.2] payment errors: form, amount, kinds the price table does not ask, stopped service") {
    WaterWorld w;
    SUBCASE("no form") {
        CHECK(has(w.fail(CS, PaymentReceived{"", "1-101", "barrel_water", "", PaymentKind::fee, Fen{100}, PaymentMethod::cash, ""}),
                  "payment.form_required"));
    }
    SUBCASE("another household's form") {
        CHECK(has(w.fail(CS, PaymentReceived{"", "1-102", "barrel_water", w.form, PaymentKind::fee, Fen{100}, PaymentMethod::cash, ""}),
                  "payment.form_mismatch"));
    }
    SUBCASE("zero or too much") {
        CHECK(has(w.pay_fails(PaymentKind::prepayment, 0), "payment.bad_amount"));
        CHECK(has(w.pay_fails(PaymentKind::prepayment, kMaxFen + 1), "payment.bad_amount"));
    }
    SUBCASE("more deposit than asked") {
        w.pay(w.form, PaymentKind::deposit, 2000);
        CHECK(has(w.pay_fails(PaymentKind::deposit, 2000), "payment.deposit_exceeds"));
    }
    SUBCASE("a deposit or prepayment the table does not ask for") {
        std::string hk = w.subscribe("1-102", "housekeeping");
        CHECK(has(w.pay_fails(PaymentKind::deposit, 100, hk), "payment.no_deposit_required"));
        CHECK(has(w.pay_fails(PaymentKind::prepayment, 100, hk), "payment.no_prepayment_required"));
    }
    SUBCASE("a fee beyond what deliveries cost") { CHECK(has(w.pay_fails(PaymentKind::fee, 100), "payment.exceeds_due")); }
    SUBCASE("after the service stopped") {
        w.ok(FD, ServiceStopped{w.form, StopReason::other, "暂停"});
        CHECK(has(w.pay_fails(PaymentKind::prepayment, 100), "payment.form_stopped"));
    }
    SUBCASE("a free item is not charged") {
        std::string tel = w.subscribe("1-102", "telephone_agency", {{"service", "装机"}});
        CHECK(has(w.pay_fails(PaymentKind::fee, 100, tel), "payment.free_item"));
    }
}

TEST_CASE("[1-4.8, 3-4.4.6] collection errors: a fee taken at the door follows the form and the published price") {
    WaterWorld w;
    std::string hk = w.subscribe("1-102", "housekeeping");
    std::string delivery = w.deliver(hk, 1);
    auto collect = [&](std::string household, std::string item, std::string form, std::string d, std::int64_t fen) {
        return w.fail_on(w.tablet, SW, FeeCollected{"", std::move(household), std::move(item), std::move(form), std::move(d), Fen{fen}});
    };
    SUBCASE("no form and no delivery to take it from") {
        CHECK(has(collect("1-102", "housekeeping", "", "", 4000), "collection.form_required"));
    }
    SUBCASE("another household's form") {
        CHECK(has(collect("1-101", "housekeeping", hk, "", 4000), "collection.form_mismatch"));
    }
    SUBCASE("a free item is not charged") {
        std::string tel = w.subscribe("1-102", "telephone_agency", {{"service", "装机"}});
        CHECK(has(collect("", "", tel, "", 100), "collection.free_item"));
    }
    SUBCASE("a monthly item is paid in whole months") {
        std::string parking = w.subscribe("2-201", "parking", {{"space", "B-01"}, {"plate", "粤B00003"}});
        CHECK(has(collect("", "", parking, "", 10000), "collection.not_whole_months"));
        w.ok_on(w.tablet, SW, FeeCollected{"", "", "", parking, "", Fen{15000}});
        CHECK(w.state().find_form(parking)->fees_paid == Fen{15000});
    }
}

TEST_CASE("[1-4.8] fees collected by staff are handed to finance, and cash on hand reconciles per staff member") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "housekeeping");
    std::string d1 = w.deliver(form, 2), d2 = w.deliver(form, 1);
    auto c1 = w.ok_on(w.tablet, SW, FeeCollected{"", "", "", "", d1, Fen{8000}});
    auto c2 = w.ok_on(w.tablet, SW, FeeCollected{"", "", "", "", d2, Fen{4000}});
    std::string id1 = w.payload_of<FeeCollected>(c1).collection_id, id2 = w.payload_of<FeeCollected>(c2).collection_id;
    auto cash = staff_cash(w.state(), w.clock.now_ms());
    REQUIRE(cash.size() == 1);
    CHECK(cash[0].collected == Fen{12000});
    CHECK(cash[0].on_hand == Fen{12000});
    // Finance counts 110 yuan for the first 80 + 40: 10 short.
    auto h = w.ok(CS, HandoverReceived{"", "sw", {id1, id2}, Fen{}, Fen{11000}, "少10元"});
    CHECK(w.payload_of<HandoverReceived>(h).expected == Fen{12000});
    cash = staff_cash(w.state(), w.clock.now_ms());
    CHECK(cash[0].handed_over_expected == Fen{12000});
    CHECK(cash[0].handed_over_counted == Fen{11000});
    CHECK(cash[0].discrepancy == Fen{-1000});
    CHECK(cash[0].on_hand == Fen{0});
    CHECK(cash[0].collected == cash[0].handed_over_expected + cash[0].on_hand);
    Table t = staff_cash_table(w.state(), w.clock.now_ms());
    CHECK(t.cell(0, "discrepancy") == "-10.00");
    CHECK(w.state().find_form(form)->fees_owed() == Fen{0});
}

TEST_CASE("[1-4.8] hand-over errors: whose collections, which ones, how much") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "housekeeping");
    std::string d1 = w.deliver(form, 2);
    auto c1 = w.ok_on(w.tablet, SW, FeeCollected{"", "", "", "", d1, Fen{8000}});
    std::string id1 = w.payload_of<FeeCollected>(c1).collection_id;
    std::string fd_form = w.subscribe("1-102", "housekeeping");
    std::string d2 = w.deliver(fd_form, 1, FD);
    auto c2 = w.ok(FD, FeeCollected{"", "", "", "", d2, Fen{4000}});
    std::string id2 = w.payload_of<FeeCollected>(c2).collection_id;
    auto handover = [](std::string staff, std::vector<std::string> ids, std::int64_t counted) {
        return HandoverReceived{"", std::move(staff), std::move(ids), Fen{}, Fen{counted}, ""};
    };
    CHECK(has(w.fail(CS, handover("ghost", {id1}, 0)), "handover.unknown_staff"));
    CHECK(has(w.fail(CS, handover("sw", {}, 0)), "handover.empty"));
    CHECK(has(w.fail(CS, handover("sw", {id1, id1}, 0)), "handover.duplicate_collection"));
    CHECK(has(w.fail(CS, handover("sw", {"C-nope"}, 0)), "handover.unknown_collection"));
    CHECK(has(w.fail(CS, handover("sw", {id2}, 4000)), "handover.not_theirs"));
    CHECK(has(w.fail(CS, handover("sw", {id1}, -1)), "handover.bad_count"));
    w.ok(CS, handover("sw", {id1}, 8000));
    CHECK(has(w.fail(CS, handover("sw", {id1}, 8000)), "handover.already_handed"));
    w.ok(CS, MoneyReversed{"", id2, "记错户"});
    CHECK(has(w.fail(CS, handover("fd", {id2}, 4000)), "handover.reversed"));
    Event forged{EventId{"office", w.state().next_seq("office")}, w.hlc.tick(), CS,
                 HandoverReceived{"H-forged", "fd", {}, Fen{99}, Fen{0}, ""}};
    CHECK(has(check_event(w.state(), forged), "handover.expected_mismatch"));
}

TEST_CASE("[SPEC Money] a mistake is corrected by a reversal: the original stays, the ledger adds up") {
    WaterWorld w;
    std::string p1 = w.pay(w.form, PaymentKind::prepayment, 10000);
    w.ok(CS, MoneyReversed{"", p1, "金额录错"});
    const MoneyEntry* original = w.state().find_money(p1);
    REQUIRE(original);
    CHECK(original->cash == Fen{10000});  // never edited
    CHECK_FALSE(original->reversed_by.empty());
    const MoneyEntry* reversal = w.state().find_money(original->reversed_by);
    REQUIRE(reversal);
    CHECK(reversal->cash == Fen{-10000});
    CHECK(reversal->income == Fen{-10000});
    CHECK(reversal->reverses == p1);
    CHECK(w.state().find_form(w.form)->prepaid_balance() == Fen{0});
    CHECK(ledger_sum(w.state(), &MoneyEntry::cash) == Fen{0});
    CHECK(w.state().money.size() == 2);
    SUBCASE("reversal errors") {
        CHECK(has(w.fail(CS, MoneyReversed{"", p1, "again"}), "reversal.already_reversed"));
        CHECK(has(w.fail(CS, MoneyReversed{"", original->reversed_by, "x"}), "reversal.of_reversal"));
        CHECK(has(w.fail(CS, MoneyReversed{"", "P-nope", "x"}), "reversal.unknown_entry"));
        std::string p2 = w.pay(w.form, PaymentKind::deposit, 3000);
        CHECK(has(w.fail(CS, MoneyReversed{"", p2, ""}), "reversal.reason_required"));
        CHECK(has(w.fail(FD, MoneyReversed{"", p2, "x"}), "auth.role_forbidden"));
    }
}

TEST_CASE("[1-4.12] stopping settles the deposit — returned, or partly kept with a reason — and unused prepayment") {
    WaterWorld w;
    w.pay(w.form, PaymentKind::deposit, 3000);
    w.pay(w.form, PaymentKind::prepayment, 10000);
    w.deliver(w.form, 2);  // 36 yuan of the prepayment used
    auto settle = [&](std::int64_t refund, std::int64_t kept, std::int64_t prepay, std::string note = "") {
        return SettlementPaid{"", w.form, Fen{refund}, Fen{kept}, Fen{prepay}, note};
    };
    CHECK(has(w.fail(CS, settle(3000, 0, 6400)), "settlement.not_stopped"));
    w.ok(R101, ServiceStopped{w.form, StopReason::moving_out, "搬家"});
    REQUIRE(unsettled_stopped_forms(w.state()).size() == 1);
    CHECK(has(w.fail(CS, settle(2000, 0, 6400)), "settlement.deposit_mismatch"));
    CHECK(has(w.fail(CS, settle(2000, 1000, 6400)), "settlement.reason_required"));
    CHECK(has(w.fail(CS, settle(3000, 0, 6500)), "settlement.prepayment_exceeds"));
    CHECK(has(w.fail(CS, settle(-1, 3001, 0, "x")), "settlement.bad_amount"));
    CHECK(has(w.fail(CS, SettlementPaid{"", "nope", Fen{}, Fen{}, Fen{}, ""}), "settlement.unknown_form"));
    w.ok(CS, settle(2000, 1000, 6400, "水桶损坏一个"));
    const FormRecord* f = w.state().find_form(w.form);
    CHECK(f->settled);
    CHECK(f->deposit_held() == Fen{0});
    CHECK(f->deposit_retained == Fen{1000});
    CHECK(f->prepaid_balance() == Fen{0});
    CHECK(unsettled_stopped_forms(w.state()).empty());
    CHECK(has(w.fail(CS, settle(0, 0, 0)), "settlement.already_settled"));
    const MoneyEntry& last = w.state().money.back();
    CHECK(last.kind == MoneyEntryKind::settlement);
    CHECK(last.cash == Fen{-8400});
    CHECK(last.income == Fen{1000 - 6400});
    CHECK(last.deposit == Fen{-3000});
    // Cash in minus out equals income kept plus deposits held (zero now).
    CHECK(ledger_sum(w.state(), &MoneyEntry::cash) == ledger_sum(w.state(), &MoneyEntry::income) +
                                                           ledger_sum(w.state(), &MoneyEntry::deposit));
}

TEST_CASE("[1-4.12] reversing a settlement reopens it") {
    WaterWorld w;
    w.pay(w.form, PaymentKind::deposit, 3000);
    w.ok(FD, ServiceStopped{w.form, StopReason::other, "暂停"});
    auto s = w.ok(CS, SettlementPaid{"", w.form, Fen{3000}, Fen{}, Fen{}, ""});
    w.ok(CS, MoneyReversed{"", w.payload_of<SettlementPaid>(s).settlement_id, "押金未实际退还"});
    const FormRecord* f = w.state().find_form(w.form);
    CHECK_FALSE(f->settled);
    CHECK(f->deposit_held() == Fen{3000});
}

TEST_CASE("[3-4.3] a monthly item is due month by month from signing") {
    World w;
    w.ready();  // 2024-01-02
    std::string form = w.subscribe("1-101", "parking", {{"space", "A-01"}, {"plate", "粤B1"}});
    const FormRecord& f = *w.state().find_form(form);
    CHECK(months_billed(w.state(), f, at(2024, 3, 15)) == 3);
    CHECK(amount_due(w.state(), f, at(2024, 3, 15)) == Fen{45000});
    w.pay(form, PaymentKind::fee, 30000);
    CHECK(amount_due(w.state(), f, at(2024, 3, 15)) == Fen{15000});
}
