// Area 6: break-even per item and month — subscribers against the break-even number,
// revenue against cost; staff report items that fall below; the manager records the
// measure taken: more subscribers, a price change through approval, or stopping the
// item with the general manager's approval. SPEC [1-4.13, 3-4.3.3, 3-4.3.4].
#include "fixture.hpp"

using namespace fx;

namespace {
// A housekeeping table where 3 subscribers break even, cost 100 yuan a month.
std::vector<PriceRow> small_rows() {
    auto rows = catalogue_rows();
    for (auto& r : rows)
        if (r.item_id == "housekeeping") {
            r.break_even_subscribers = 3;
            r.monthly_cost = Fen{10000};
        }
    return rows;
}
// The row of an item in a break-even or income report.
template <class Report>
auto row_of(const Report& r, const std::string& item) -> decltype(&r.rows.front()) {
    for (const auto& row : r.rows)
        if (row.item_id == item) return &row;
    return nullptr;
}
// A row points into its report: a temporary report would leave it dangling.
const BreakEvenRow* row_of(BreakEvenReport&&, const std::string&) = delete;
const IncomeRow* row_of(IncomeReport&&, const std::string&) = delete;
// A signed one-off form (one order, no standing subscription).
void order_once(World& w, const std::string& household, const std::string& item) {
    w.ok(FD, EntrustmentRegistered{"", household, "", "", item, EntrustmentKind::one_off, RequestChannel::in_person, {},
                                   scribble(), ""});
}
}  // namespace

TEST_CASE("[1-4.13] an item below its break-even number of subscribers is flagged for the month") {
    World w;
    w.found();
    w.seed();
    w.publish_table(2024, small_rows());
    std::string f1 = w.subscribe("1-101", "housekeeping");
    w.subscribe("1-102", "housekeeping");
    std::string d = w.deliver(f1, 2);
    w.ok_on(w.tablet, SW, FeeCollected{"", "", "", "", d, Fen{8000}});
    auto report = break_even_report(w.state(), YearMonth{2024, 1});
    const BreakEvenRow* hk = row_of(report, "housekeeping");
    REQUIRE(hk);
    CHECK(hk->subscribers == 2);
    CHECK(hk->needed == 3);
    CHECK(hk->revenue == Fen{8000});
    CHECK(hk->cost == Fen{10000});
    CHECK(hk->below_subscribers());
    CHECK(hk->loss());
    CHECK(hk->flagged());
    CHECK(report.flagged() >= 1);
    CHECK(row_of(report, "telephone_agency") == nullptr);  // free items are not in it
    SUBCASE("a third subscriber and enough revenue clear the flag next month") {
        w.clock.set(at(2024, 2, 3));
        std::string f3 = w.subscribe("2-201", "housekeeping");
        std::string d3 = w.deliver(f3, 3);
        w.ok(FD, FeeCollected{"", "", "", "", d3, Fen{12000}});  // sw still holds January's cash
        const BreakEvenReport february = break_even_report(w.state(), YearMonth{2024, 2});
        const BreakEvenRow* feb = row_of(february, "housekeeping");
        CHECK(feb->subscribers == 3);
        CHECK_FALSE(feb->flagged());
    }
}

TEST_CASE("[1-4.13] front-desk staff report an item that fell below break-even") {
    World w;
    w.found();
    w.seed();
    w.publish_table(2024, small_rows());
    w.subscribe("1-101", "housekeeping");
    w.ok(FD, BelowBreakEvenReported{"", "housekeeping", YearMonth{2024, 1}, "只有一户"});
    REQUIRE(w.state().break_even_reports.size() == 1);
    CHECK(w.state().break_even_reports[0].reported_by == "fd");
    Table t = to_table(break_even_report(w.state(), YearMonth{2024, 1}));
    int row = -1;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
        if (t.rows[i][0] == "家政服务") row = int(i);
    REQUIRE(row >= 0);
    CHECK(t.cell(std::size_t(row), "measures").find("只有一户") != std::string::npos);
    SUBCASE("an item that is not below cannot be reported") {
        for (auto h : {"1-102", "2-201"}) w.subscribe(h, "housekeeping");
        CHECK(has(w.fail(FD, BelowBreakEvenReported{"", "housekeeping", YearMonth{2024, 1}, ""}), "break_even.not_below"));
    }
    SUBCASE("other errors") {
        CHECK(has(w.fail(FD, BelowBreakEvenReported{"", "telephone_agency", YearMonth{2024, 1}, ""}), "break_even.no_threshold"));
        CHECK(has(w.fail(FD, BelowBreakEvenReported{"", "nope", YearMonth{2024, 1}, ""}), "break_even.unknown_item"));
        CHECK(has(w.fail(FD, BelowBreakEvenReported{"", "housekeeping", YearMonth{1990, 1}, ""}), "break_even.bad_month"));
        CHECK(has(w.fail(SW, BelowBreakEvenReported{"", "housekeeping", YearMonth{2024, 1}, ""}), "auth.role_forbidden"));
    }
}

TEST_CASE("[3-4.3.4] the manager's measure: win more subscribers") {
    World w;
    w.ready();
    w.ok(OM, BreakEvenMeasureRecorded{"", "housekeeping", YearMonth{2024, 1}, MeasureKind::more_subscribers, "在宣传栏推广", ""});
    auto report = break_even_report(w.state(), YearMonth{2024, 1});
    const BreakEvenRow* hk = row_of(report, "housekeeping");
    REQUIRE(hk->measures_zh.size() == 1);
    CHECK(hk->measures_zh[0].find("在宣传栏推广") != std::string::npos);
    CHECK(has(w.fail(OM, BreakEvenMeasureRecorded{"", "housekeeping", YearMonth{2024, 1}, MeasureKind::other, "", ""}),
              "break_even.note_required"));
    CHECK(has(w.fail(FD, BreakEvenMeasureRecorded{"", "housekeeping", YearMonth{2024, 1}, MeasureKind::more_subscribers, "", ""}),
              "auth.role_forbidden"));
}

TEST_CASE("[3-4.3.4] the manager's measure: a price change goes through approval as a new table version") {
    World w;
    w.ready();
    const std::string v1 = current_price_table(w.state())->def.table_id;
    CHECK(has(w.fail(OM, BreakEvenMeasureRecorded{"", "housekeeping", YearMonth{2024, 1}, MeasureKind::price_change, "涨价", ""}),
              "break_even.measure_needs_table"));
    auto rows = catalogue_rows();
    for (auto& r : rows)
        if (r.item_id == "housekeeping") r.price = Fen{5000};
    auto drafted = w.ok(OM, PriceTableDrafted{"", 2024, 0, v1, "", rows, "家政涨价"});
    std::string v2 = w.payload_of<PriceTableDrafted>(drafted).table_id;
    w.ok(OM, BreakEvenMeasureRecorded{"", "housekeeping", YearMonth{2024, 1}, MeasureKind::price_change, "涨价至50元", v2});
    CHECK(current_price_row(w.state(), "housekeeping")->price == Fen{4000});  // not until approved and published
    w.ok(OM, PriceTableSubmitted{v2});
    w.ok(GM, PriceTableApproved{v2, "同意"});
    w.ok(OM, PriceTablePublished{v2, {PublishChannel::notice_board}});
    CHECK(current_price_row(w.state(), "housekeeping")->price == Fen{5000});
}

TEST_CASE("[3-4.3.4] the manager's measure: stopping the item needs the general manager's approval") {
    World w;
    w.ready();
    std::string form = w.subscribe("1-101", "housekeeping");
    CHECK(has(w.fail(OM, BreakEvenMeasureRecorded{"", "housekeeping", YearMonth{2024, 1}, MeasureKind::stop_item, "", ""}),
              "break_even.stop_not_requested"));
    CHECK(has(w.fail(OM, ItemStopRequested{"housekeeping", ""}), "item_stop.reason_required"));
    CHECK(has(w.fail(GM, ItemStopDecided{"housekeeping", true, ""}), "item_stop.not_requested"));
    w.ok(OM, ItemStopRequested{"housekeeping", "长期亏损"});
    w.ok(OM, BreakEvenMeasureRecorded{"", "housekeeping", YearMonth{2024, 1}, MeasureKind::stop_item, "", ""});
    CHECK(has(w.fail(OM, ItemStopDecided{"housekeeping", true, ""}), "auth.role_forbidden"));
    CHECK(has(w.fail(OM, ItemStopRequested{"housekeeping", "again"}), "item_stop.bad_status"));
    w.clock.advance_days(3);
    w.ok(GM, ItemStopDecided{"housekeeping", true, "同意停止"});
    const ItemRecord* item = w.state().find_item("housekeeping");
    CHECK(item->status == ItemStatus::stopped);
    const FormRecord* f = w.state().find_form(form);
    CHECK(f->stopped);
    CHECK(f->stop_code == StopReason::item_discontinued);
    CHECK(subscriber_count(w.state(), "housekeeping", w.clock.now_ms()) == 0);
    CHECK(has(w.fail(FD, EntrustmentRegistered{"", "1-102", "王", "13900000102", "housekeeping", EntrustmentKind::long_term,
                                               RequestChannel::phone, {}, scribble(), ""}),
              "entrustment.item_stopped"));
    CHECK(has(w.fail(OM, PriceTableDrafted{"", 2025, 0, "", "", catalogue_rows(), ""}), "price_table.item_stopped"));
    // A stopped item takes no more requests or deliveries either.
    CHECK(has(w.fail(FD, ServiceRequested{"", "1-101", "housekeeping", "", RequestChannel::phone, "打扫", 0}),
              "request.item_stopped"));
    CHECK(has(w.fail_on(w.tablet, SW, DeliveryLogged{"", "1-101", "housekeeping", form, "", 1, Fen{}, ""}),
              "delivery.item_stopped"));
    CHECK(has(w.fail(OM, ItemStopRequested{"car_wash", "没有这个项目"}), "item_stop.unknown_item"));
    CHECK(has(w.fail(GM, ItemStopDecided{"car_wash", true, ""}), "item_stop.unknown_item"));
}

TEST_CASE("[3-4.3.4] the general manager may refuse to stop an item, with a reason; the requester cannot decide") {
    World w;
    w.found();
    w.seed();
    w.publish_table();
    w.ok(OM, StaffRegistered{"boss", "老板", {Role::office_manager, Role::general_manager}, "", ""});
    w.ok(Actor{"boss", Role::office_manager}, ItemStopRequested{"venue_rental", "无人租用"});
    CHECK(has(w.fail(Actor{"boss", Role::general_manager}, ItemStopDecided{"venue_rental", true, ""}), "item_stop.self_approval"));
    CHECK(has(w.fail(GM, ItemStopDecided{"venue_rental", false, ""}), "item_stop.comment_required"));
    w.ok(GM, ItemStopDecided{"venue_rental", false, "夏季需求会回升"});
    CHECK(w.state().find_item("venue_rental")->status == ItemStatus::active);
    CHECK(w.state().find_item("venue_rental")->stop_comment == "夏季需求会回升");
}

TEST_CASE("[1-4.1] the break-even suggestion for drafting rounds up") {
    CHECK(suggested_break_even(Fen{200000}, Fen{15000}) == 14);
    CHECK(suggested_break_even(Fen{150000}, Fen{15000}) == 10);
    CHECK(suggested_break_even(Fen{1}, Fen{0}) == 0);
}

TEST_CASE("[1-4.13] households served on one-off forms in the month count towards break-even, each household once") {
    World w;  // January 2024
    w.found();
    w.seed();
    w.publish_table(2024, small_rows());
    order_once(w, "2-201", "housekeeping");  // January's order: not February's
    w.clock.set(at(2024, 2, 3));
    w.subscribe("1-101", "housekeeping");
    order_once(w, "1-102", "housekeeping");
    order_once(w, "1-102", "housekeeping");  // the same household twice
    {
        const BreakEvenReport february = break_even_report(w.state(), YearMonth{2024, 2});
        const BreakEvenRow* feb = row_of(february, "housekeeping");
        REQUIRE(feb);
        CHECK(feb->subscribers == 2);
        CHECK(feb->below_subscribers());
        const BreakEvenReport january = break_even_report(w.state(), YearMonth{2024, 1});
        CHECK(row_of(january, "housekeeping")->subscribers == 1);
        CHECK(subscriber_count(w.state(), "housekeeping", w.clock.now_ms()) == 1);  // the list stays long-term only
    }
    SUBCASE("a third household reaches the break-even number: no flag, and staff cannot report it") {
        order_once(w, "2-201", "housekeeping");  // its second order, the first in February
        const BreakEvenReport february = break_even_report(w.state(), YearMonth{2024, 2});
        CHECK(row_of(february, "housekeeping")->subscribers == 3);
        CHECK_FALSE(row_of(february, "housekeeping")->below_subscribers());
        const IncomeReport income = income_report(w.state(), YearMonth{2024, 2});
        REQUIRE(row_of(income, "housekeeping"));
        CHECK(row_of(income, "housekeeping")->subscribers == 3);
        CHECK_FALSE(row_of(income, "housekeeping")->below_break_even());
        CHECK(has(w.fail(FD, BelowBreakEvenReported{"", "housekeeping", YearMonth{2024, 2}, ""}), "break_even.not_below"));
    }
    SUBCASE("below it, staff can report the month") {
        w.ok(FD, BelowBreakEvenReported{"", "housekeeping", YearMonth{2024, 2}, "两户"});
        CHECK(w.state().break_even_reports.size() == 1);
    }
}
