// The yearly cycle [1-4.1, 1-4.2, 3-4.1]: the opinion survey, the price table drafted by
// the office manager, decided by the general manager (a later year's draft is first sent
// back), published; a mid-year price change through a break-even measure [3-4.3.4];
// month-end break-even reports [1-4.13]; stopping a loss-making item with the general
// manager's approval; the GM's half-yearly quality evaluation [3-4.5.4].
#include <algorithm>

#include "generator_sim.hpp"

namespace bianmin::gen {
namespace {

//-----------------------------------------------------------------------------
// Surveys
//-----------------------------------------------------------------------------

std::vector<std::string> active_items(const Sim& sim) {
    std::vector<const ItemRecord*> items;
    for (const auto& [id, item] : sim.state().items)
        if (item.status == ItemStatus::active) items.push_back(&item);
    std::sort(items.begin(), items.end(),
              [](const ItemRecord* a, const ItemRecord* b) { return a->defined_order < b->defined_order; });
    std::vector<std::string> ids;
    for (const auto* item : items) ids.push_back(item->def.item_id);
    return ids;
}

bool wants(const Home& h, const std::string& item) {
    if (item == "barrel_water") return h.barrel_water;
    if (item == "bottled_water") return h.bottled_water;
    if (item == "parking") return h.car;
    if (item == "housekeeping") return h.housekeeping;
    if (item == "newspaper_agency") return h.newspaper;
    return false;
}

// Opens the survey about `year`, has households answer over `days` days, closes it.
void run_survey(Sim& sim, int year, int days) {
    const std::string survey = "SV-" + std::to_string(year);
    std::vector<std::string> items = active_items(sim);
    if (items.empty()) return;
    sim.act(sim.om, SurveyOpened{survey, year, std::to_string(year) + "年度便民服务意见征询表", items});
    const std::int64_t close_day = sim.day + days;
    for (auto& home : sim.homes) {
        if (!home.occupied || !sim.rng.percent(55)) continue;
        std::int64_t answer_day = sim.day + sim.rng.below(days);
        std::string household = home.id;
        sim.plan_at(sim.random_time(answer_day, 9, 16), [&sim, survey, items, household] {
            Home* h = sim.home(household);
            const SurveyRecord* s = sim.state().surveys.count(survey) ? &sim.state().surveys.at(survey) : nullptr;
            if (!h || !s || s->closed) return;
            SurveyAnswered answer{survey, household, {}, ""};
            for (const auto& item : items) {
                if (!sim.rng.percent(45) && !wants(*h, item)) continue;
                bool wanted = wants(*h, item) || sim.rng.percent(15);
                std::int64_t satisfaction = sim.rng.percent(20) ? 0 : (sim.rng.percent(85) ? sim.rng.between(3, 5) : sim.rng.between(1, 2));
                answer.answers.push_back(SurveyAnswer{item, wanted, wanted ? sim.rng.between(1, 8) : 0, satisfaction});
            }
            if (answer.answers.empty()) return;
            if (sim.rng.percent(10)) answer.comment = "希望增加" + std::string(sim.rng.percent(50) ? "快递代收" : "洗车") + "服务";
            // Residents with the app answer there; the rest fill in the paper form at the desk.
            if (!h->phone_device.empty() && sim.rng.percent(70)) sim.act(sim.resident(*h), std::move(answer));
            else if (const Person* desk = sim.on_duty(sim.front_desk)) sim.act(*desk, std::move(answer));
        });
    }
    sim.plan_on(close_day, 17, 30, [&sim, survey] { sim.act(sim.om, SurveyClosed{survey}); });
}

//-----------------------------------------------------------------------------
// Price tables
//-----------------------------------------------------------------------------

// The rows of the next table: the table in effect (or the items' defaults), without
// stopped items.
std::vector<PriceRow> next_rows(const Sim& sim) {
    std::vector<PriceRow> rows;
    const PriceTableRecord* current = current_price_table(sim.state());
    for (const auto& id : active_items(sim)) {
        const PriceRow* row = current ? current->row(id) : nullptr;
        if (row) {
            rows.push_back(*row);
            continue;
        }
        const ItemDefined& d = sim.state().items.at(id).def;
        rows.push_back(PriceRow{d.item_id, d.billing, d.price, d.unit_zh, d.unit_en, d.deposit, d.prepayment,
                                d.break_even_subscribers, d.monthly_cost});
    }
    return rows;
}

void set_price(std::vector<PriceRow>& rows, const std::string& item, std::int64_t fen) {
    for (auto& r : rows)
        if (r.item_id == item && r.billing != Billing::free) r.price = Fen{fen};
}

void publish(Sim& sim, const std::string& table) {
    const Person* desk = sim.on_duty(sim.front_desk);
    if (!desk) desk = &sim.om;
    if (!sim.act(*desk, PriceTablePublished{table, {PublishChannel::office_notice, PublishChannel::notice_board,
                                                    PublishChannel::electronic_screen, PublishChannel::newsletter}}))
        return;
    sim.current_table = table;
    if (sim.open_day < 0) sim.open_day = sim.day;
}

// Draft today, decide in two days (sent back once when `reject_first`), publish after.
void price_table(Sim& sim, int year, std::vector<PriceRow> rows, std::vector<PriceRow> revised,
                 const std::string& replaces, const std::string& survey, const std::string& note, bool reject_first) {
    const std::string table = "PT-" + std::to_string(year) + "-" + std::to_string(sim.state().price_tables.size() + 1);
    if (!sim.act(sim.om, PriceTableDrafted{table, year, 0, replaces, survey, std::move(rows), note})) return;
    sim.act(sim.om, PriceTableSubmitted{table});
    const std::int64_t d = sim.day;
    if (!reject_first) {
        sim.plan_on(d + 2, 10, 30, [&sim, table] { sim.act(sim.gm, PriceTableApproved{table, "同意,按此执行"}); });
        sim.plan_on(d + 3, 9, 0, [&sim, table] { publish(sim, table); });
        return;
    }
    sim.plan_on(d + 2, 10, 30, [&sim, table] {
        sim.act(sim.gm, PriceTableRejected{table, "桶装水调价幅度偏大,请按调查结果重新测算"});
    });
    sim.plan_on(d + 3, 9, 30, [&sim, table, revised] {
        sim.act(sim.om, PriceTableRevised{table, revised, "按总经理意见调整桶装水价格"});
        sim.act(sim.om, PriceTableSubmitted{table});
    });
    sim.plan_on(d + 5, 10, 30, [&sim, table] { sim.act(sim.gm, PriceTableApproved{table, "同意"}); });
    sim.plan_on(d + 6, 9, 0, [&sim, table] { publish(sim, table); });
}

// July of the first year: housekeeping costs more; the price rises through a new
// version of the table, recorded as a break-even measure [3-4.3.4].
void midyear_price_change(Sim& sim) {
    if (!sim.item_usable("housekeeping") || sim.current_table.empty()) return;
    std::vector<PriceRow> rows = next_rows(sim);
    set_price(rows, "housekeeping", 4500);
    const std::string table = "PT-" + std::to_string(sim.today.year) + "-" + std::to_string(sim.state().price_tables.size() + 1);
    if (!sim.act(sim.om, PriceTableDrafted{table, sim.today.year, 0, sim.current_table, "", rows, "家政人工成本上涨,调价"})) return;
    sim.act(sim.om, BreakEvenMeasureRecorded{"", "housekeeping", month_of(sim.today).prev(), MeasureKind::price_change,
                                             "人工成本上涨,家政服务调价至45元/小时", table});
    sim.act(sim.om, PriceTableSubmitted{table});
    sim.plan_on(sim.day + 2, 10, 30, [&sim, table] { sim.act(sim.gm, PriceTableApproved{table, "同意调价"}); });
    sim.plan_on(sim.day + 3, 9, 0, [&sim, table] { publish(sim, table); });
}

//-----------------------------------------------------------------------------
// Break-even, stopping an item, quality
//-----------------------------------------------------------------------------

void month_end_break_even(Sim& sim) {
    const PriceTableRecord* table = current_price_table(sim.state());
    if (!table) return;
    const std::int64_t now = sim.now();
    const YearMonth month = month_of(sim.today);
    const std::int64_t month_start = month_start_ms(month, sim.state().settings.tz_offset_minutes);
    for (const auto& row : table->def.rows) {
        if (row.break_even_subscribers <= 0 || !sim.item_usable(row.item_id)) continue;
        // The same count the core's rule checks (break_even_households, [1-4.13]).
        if (break_even_households(sim.state(), row.item_id, month_start, now) >= row.break_even_subscribers ||
            !sim.rng.percent(35))
            continue;
        const Person* desk = sim.on_duty(sim.front_desk);
        if (!desk) return;
        sim.act(*desk, BelowBreakEvenReported{"", row.item_id, month, "本月服务户数低于保本户数"});
        if (sim.rng.percent(50))
            sim.act(sim.om, BreakEvenMeasureRecorded{"", row.item_id, month,
                                                     sim.rng.percent(60) ? MeasureKind::more_subscribers : MeasureKind::other,
                                                     sim.rng.percent(50) ? "在宣传栏和电子屏推广该服务" : "与供应商协商降低成本", ""});
    }
}

// Table and umbrella rental hardly pays outside summer: stopped with the GM's approval.
void stop_item(Sim& sim, const std::string& item) {
    if (!sim.item_usable(item)) return;
    if (!sim.act(sim.om, ItemStopRequested{item, "长期低于保本点,夏季以外几乎无人租用"})) return;
    YearMonth last_month = month_of(sim.today).prev();
    sim.act(sim.om, BreakEvenMeasureRecorded{"", item, last_month, MeasureKind::stop_item, "报总经理审批后停止该项服务", ""});
    sim.plan_on(sim.day + 2, 11, 0, [&sim, item] {
        // Approval stops every open form of the item; deposits are then settled (money).
        sim.act(sim.gm, ItemStopDecided{item, true, "同意停止,押金尽快退还"});
        for (const auto& form : std::vector<std::string>(sim.subscribers[item])) sim.forget_form(item, form);
    });
}

void quality_evaluation(Sim& sim) {
    const Period period = Period::containing(month_of(sim.today), sim.state().settings.assessment_period_months);
    const std::int64_t from = month_start_ms(period.first_month(), sim.tz);
    std::map<std::string, int> deliveries, complaints;
    for (const auto& [id, d] : sim.state().deliveries)
        if (d.ms >= from) deliveries[d.def.item_id] += 1;
    for (const auto& [id, c] : sim.state().complaints)
        if (c.recorded_ms >= from) complaints[c.def.item_id] += 1;
    for (const auto& [item, count] : deliveries) {
        int per_thousand = complaints[item] * 1000 / std::max(1, count);
        // Few deliveries and one complaint say little: "poor" needs several complaints.
        QualityRating rating = complaints[item] == 0              ? QualityRating::excellent
                               : per_thousand < 20                ? QualityRating::good
                               : per_thousand < 60 || complaints[item] < 4 ? QualityRating::fair
                                                                  : QualityRating::poor;
        sim.act(sim.gm, QualityEvaluated{item, period.label(), rating,
                                         "服务" + std::to_string(count) + "次,投诉" + std::to_string(complaints[item]) + "次"});
    }
}

}  // namespace

void plan_cycle(Sim& sim) {
    const int first_year = sim.profile.start_year;
    // The first year: the survey about last year as soon as the households are in,
    // then the first price table [1-4.1].
    if (sim.setup_done_day >= 0 && sim.day == sim.setup_done_day + 1)
        sim.plan(9, 30, [&sim, first_year] { run_survey(sim, first_year - 1, 8); });
    if (sim.setup_done_day >= 0 && sim.day == sim.setup_done_day + 10)
        sim.plan(9, 0, [&sim, first_year] {
            price_table(sim, first_year, next_rows(sim), {}, "", "SV-" + std::to_string(first_year - 1),
                        "依据意见征询结果,按保本微利原则拟定", false);
        });
    // Later years: the survey in late November, the table in January.
    if (sim.is(11, 20)) sim.plan(9, 30, [&sim] { run_survey(sim, sim.today.year, 20); });
    if (sim.is(1, 6) && sim.today.year > first_year)
        sim.plan(9, 0, [&sim, first_year] {
            std::vector<PriceRow> rows = next_rows(sim), revised = rows;
            const PriceRow* water = nullptr;
            for (const auto& r : rows)
                if (r.item_id == "barrel_water") water = &r;
            if (water) {
                set_price(rows, "barrel_water", water->price.value + 200);
                set_price(revised, "barrel_water", water->price.value + 100);
            }
            std::string survey = "SV-" + std::to_string(sim.today.year - 1);
            if (!sim.state().surveys.count(survey)) survey.clear();
            // The first renewal is sent back once: the GM finds the water price rise too steep.
            bool reject = sim.today.year == first_year + 1 || sim.rng.percent(30);
            price_table(sim, sim.today.year, rows, revised, "", survey, "依据上年调查结果拟定本年度价格表", reject && water);
        });
    // Scripted events: in the full run in July of the first year, May and February of the
    // second; proportionally earlier in a shorter run.
    const int month = sim.month_index();
    if (month == sim.scripted_month(6) && sim.today.day == 1) sim.plan(9, 20, [&sim] { midyear_price_change(sim); });
    if (month == sim.scripted_month(16) && sim.today.day == 6) sim.plan(10, 0, [&sim] { stop_item(sim, "table_umbrella"); });
    if (month == sim.scripted_month(13) && sim.today.day == 2)
        sim.plan(9, 10, [&sim] {  // the office calls back less often from now on
            sim.act(sim.om, FieldEdited{RecordKind::estate, sim.state().estate_id, "return_visit_interval_days", std::int64_t{45}, {}});
        });
    if (sim.today.day == 28 && sim.open_day >= 0) sim.plan(16, 0, [&sim] { month_end_break_even(sim); });
    if ((sim.is(6, 28) || sim.is(12, 28)) && sim.open_day >= 0) sim.plan(16, 30, [&sim] { quality_evaluation(sim); });
}

}  // namespace bianmin::gen
