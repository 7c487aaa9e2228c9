// Area 8: the monthly income report (综合服务部收入月报表) — income per item for the
// month, totals, against the month before and against break-even. SPEC [3-7].
#include "fixture.hpp"

using namespace fx;

namespace {

const IncomeRow* row_of(const IncomeReport& r, const std::string& item) {
    for (const auto& row : r.rows)
        if (row.item_id == item) return &row;
    return nullptr;
}

// January: parking fee 450 + deposit 200 (not income); housekeeping 80 collected.
// February: parking fee 150; housekeeping 120 collected; a 20-yuan reversal of January's
// parking fee would count in February.
struct TwoMonths : World {
    std::string parking, hk;
    TwoMonths() {
        ready();
        parking = subscribe("1-101", "parking", {{"space", "A-01"}, {"plate", "粤B1"}});
        pay(parking, PaymentKind::deposit, 20000);
        pay(parking, PaymentKind::fee, 45000);
        hk = subscribe("1-102", "housekeeping");
        std::string d = deliver(hk, 2);
        ok(FD, FeeCollected{"", "", "", "", d, Fen{8000}});
        clock.set(at(2024, 2, 10));
        pay(parking, PaymentKind::fee, 15000);
        std::string d2 = deliver(hk, 3);
        ok(FD2, FeeCollected{"", "", "", "", d2, Fen{12000}});
    }
};

}  // namespace

TEST_CASE("[3-7] income per item for the month, with the total") {
    TwoMonths w;
    IncomeReport jan = income_report(w.state(), YearMonth{2024, 1});
    CHECK(row_of(jan, "parking")->income == Fen{45000});
    CHECK(row_of(jan, "housekeeping")->income == Fen{8000});
    CHECK(row_of(jan, "barrel_water")->income == Fen{0});
    CHECK(jan.total == Fen{53000});
    CHECK(jan.deposits_received == Fen{20000});  // deposits are not income
    CHECK(jan.deposits_held == Fen{20000});
    CHECK(jan.cash_in == Fen{73000});
    CHECK(row_of(jan, "telephone_agency") == nullptr);  // free items earn nothing
}

TEST_CASE("[3-7] each item against the month before") {
    TwoMonths w;
    IncomeReport feb = income_report(w.state(), YearMonth{2024, 2});
    const IncomeRow* parking = row_of(feb, "parking");
    CHECK(parking->income == Fen{15000});
    CHECK(parking->last_month == Fen{45000});
    CHECK(parking->change() == Fen{-30000});
    CHECK(feb.total == Fen{27000});
    CHECK(feb.total_last_month == Fen{53000});
    Table t = to_table(feb);
    CHECK(t.cell(0, "item") == "租车位");
    CHECK(t.cell(0, "change_pct") == "-66.6%");
    CHECK(t.rows.back()[0] == "合计");
    CHECK(t.footer_rows == 1);  // the total stays last when a screen sorts the table
    CHECK(t.cell(t.rows.size() - 1, "income") == "270.00");
}

TEST_CASE("[3-7] each item against break-even: subscribers, cost and margin") {
    TwoMonths w;
    IncomeReport feb = income_report(w.state(), YearMonth{2024, 2});
    const IncomeRow* parking = row_of(feb, "parking");
    CHECK(parking->subscribers == 1);
    CHECK(parking->break_even_subscribers == 20);
    CHECK(parking->monthly_cost == Fen{200000});
    CHECK(parking->margin() == Fen{15000 - 200000});
    CHECK(parking->below_break_even());
    CHECK(parking->loss());
    Table t = to_table(feb, Language::en);
    CHECK(t.cell(0, "item") == "parking-space rental");
    CHECK(t.cell(0, "status") == "loss, subscribers below break-even");
}

TEST_CASE("[3-7] reversals, refunds and kept deposits count in the month they happen") {
    TwoMonths w;
    w.clock.set(at(2024, 3, 1));
    std::string first_fee;
    for (const auto& m : w.state().money)
        if (m.kind == MoneyEntryKind::fee && m.form_id == w.parking && first_fee.empty()) first_fee = m.entry_id;
    w.ok(CS, MoneyReversed{"", first_fee, "多收三个月"});
    w.ok(FD, ServiceStopped{w.parking, StopReason::moving_out, "搬走"});
    w.ok(CS, SettlementPaid{"", w.parking, Fen{15000}, Fen{5000}, Fen{}, "遥控器未归还"});
    IncomeReport mar = income_report(w.state(), YearMonth{2024, 3});
    CHECK(row_of(mar, "parking")->income == Fen{-45000 + 5000});
    CHECK(mar.deposits_returned == Fen{20000});
    CHECK(mar.deposits_held == Fen{0});
    CHECK(income_report(w.state(), YearMonth{2024, 1}).total == Fen{53000});  // January unchanged
}

TEST_CASE("[3-7] the income of all months adds up to the ledger") {
    TwoMonths w;
    w.clock.set(at(2024, 3, 1));
    w.ok(FD, ServiceStopped{w.parking, StopReason::moving_out, "搬走"});
    w.ok(CS, SettlementPaid{"", w.parking, Fen{15000}, Fen{5000}, Fen{}, "遥控器未归还"});
    Fen by_months, ledger_income, ledger_cash, ledger_deposit;
    for (const auto& [month, total] : income_by_month(w.state())) {
        CHECK(income_report(w.state(), month).total == total);
        by_months += total;
    }
    for (const auto& m : w.state().money) {
        ledger_income += m.income;
        ledger_cash += m.cash;
        ledger_deposit += m.deposit;
    }
    CHECK(by_months == ledger_income);
    CHECK(ledger_cash == ledger_income + ledger_deposit);
    CHECK(income_by_month(w.state()).size() == 3);
}

TEST_CASE("[3-7] months follow the estate's timezone: 23:30 local on the 31st is still January") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "parking", {{"space", "A-01"}, {"plate", "粤B1"}});
    w.clock.set(at(2024, 1, 31, 23, 30));  // 15:30 UTC
    w.pay(form, PaymentKind::fee, 15000);
    CHECK(income_report(w.state(), YearMonth{2024, 1}).total == Fen{15000});
    CHECK(income_report(w.state(), YearMonth{2024, 2}).total == Fen{0});
    w.ok(OM, FieldEdited{RecordKind::estate, "jiazhou", "tz_offset_minutes", FieldValue{std::int64_t{540}}, {}});
    CHECK(income_report(w.state(), YearMonth{2024, 2}).total == Fen{15000});  // 00:30 at +09:00
}

TEST_CASE("[3-7] the report renders as a table and as CSV Excel reads") {
    TwoMonths w;
    Table t = to_table(income_report(w.state(), YearMonth{2024, 1}));
    std::string text = render_text(t, Language::zh);
    CHECK(text.find("综合服务部收入月报表 2024-01") != std::string::npos);
    CHECK(text.find("450.00") != std::string::npos);
    std::string csv = render_csv(t, Language::zh, true);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("服务项目,本月收入") != std::string::npos);
    CHECK(csv.find("\r\n") != std::string::npos);
}
