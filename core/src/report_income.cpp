// The monthly income report [3-7] and the break-even report [1-4.13, 3-4.3.3].
//
// Index
// [SECTION] Income
// [SECTION] Break-even
#include <algorithm>
#include <map>

#include "bianmin/queries.hpp"
#include "bianmin/reports.hpp"

namespace bianmin {
namespace {

// Paid items in the order they were defined (the catalogue's order), then by id.
std::vector<const ItemRecord*> paid_items(const State& s) {
    std::vector<const ItemRecord*> items;
    for (const auto& [id, item] : s.items)
        if (item.paid()) items.push_back(&item);
    std::stable_sort(items.begin(), items.end(),
                     [](const ItemRecord* a, const ItemRecord* b) { return a->defined_order < b->defined_order; });
    return items;
}

std::map<std::string, Fen> income_in(const State& s, std::int64_t from, std::int64_t to) {
    std::map<std::string, Fen> by_item;
    for (const auto& m : s.money)
        if (m.ms >= from && m.ms < to && m.income.value != 0) by_item[m.item_id] += m.income;
    return by_item;
}

const std::string& pick(Language l, const std::string& zh, const std::string& en) {
    return l == Language::zh || en.empty() ? zh : en;
}

std::string percent_change(Fen now, Fen before) {
    if (before.value == 0) return now.value == 0 ? "0.0%" : "—";
    // Per-mille, rounded towards zero, shown with one decimal.
    std::int64_t permille = (now.value - before.value) * 1000 / before.value;
    std::string sign = permille < 0 ? "-" : "+";
    std::int64_t a = permille < 0 ? -permille : permille;
    return sign + std::to_string(a / 10) + "." + std::to_string(a % 10) + "%";
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Income
//-----------------------------------------------------------------------------

IncomeReport income_report(const State& s, YearMonth month) {
    const int tz = s.settings.tz_offset_minutes;
    const std::int64_t start = month_start_ms(month, tz), end = month_end_ms(month, tz);
    const std::int64_t prev_start = month_start_ms(month.prev(), tz);
    IncomeReport r;
    r.month = month;
    auto now = income_in(s, start, end);
    auto before = income_in(s, prev_start, start);
    const std::int64_t at = end - 1;
    for (const ItemRecord* item : paid_items(s)) {
        IncomeRow row;
        row.item_id = item->def.item_id;
        row.name_zh = item->def.name_zh;
        row.name_en = item->def.name_en;
        row.income = now[row.item_id];
        row.last_month = before[row.item_id];
        row.subscribers = break_even_households(s, row.item_id, start, at);
        if (const PriceRow* price = price_row_at(s, row.item_id, at)) {
            row.break_even_subscribers = price->break_even_subscribers;
            row.monthly_cost = price->monthly_cost;
        }
        r.total += row.income;
        r.total_last_month += row.last_month;
        r.total_cost += row.monthly_cost;
        r.rows.push_back(std::move(row));
    }
    // Income recorded against items no longer paid (or unknown) still counts in the total.
    for (const auto& [item_id, amount] : now) {
        // (An init-capture: clang 14, the WebAssembly build's compiler, cannot capture a structured binding.)
        bool listed = std::any_of(r.rows.begin(), r.rows.end(), [&id = item_id](const IncomeRow& row) { return row.item_id == id; });
        if (listed || amount.value == 0) continue;
        IncomeRow row;
        row.item_id = item_id;
        row.name_zh = item_name_zh(s, item_id);
        row.name_en = item_name_en(s, item_id);
        row.income = amount;
        row.last_month = before[item_id];
        r.total += row.income;
        r.total_last_month += row.last_month;
        r.rows.push_back(std::move(row));
    }
    for (const auto& m : s.money) {
        if (m.ms < end) r.deposits_held += m.deposit;
        if (m.ms < start || m.ms >= end) continue;
        if (m.deposit.value > 0) r.deposits_received += m.deposit;
        if (m.deposit.value < 0) r.deposits_returned -= m.deposit;
        if (m.cash.value > 0) r.cash_in += m.cash;
        if (m.cash.value < 0) r.cash_out -= m.cash;
    }
    return r;
}

std::vector<std::pair<YearMonth, Fen>> income_by_month(const State& s) {
    std::map<YearMonth, Fen> months;
    for (const auto& m : s.money)
        if (m.income.value != 0) months[local_month(m.ms, s.settings.tz_offset_minutes)] += m.income;
    return {months.begin(), months.end()};
}

Table to_table(const IncomeReport& r, Language l) {
    Table t;
    t.title_zh = "综合服务部收入月报表 " + to_string(r.month);
    t.title_en = "Monthly income report " + to_string(r.month);
    t.columns = {{"item", "服务项目", "item"},
                 {"income", "本月收入", "income", true},
                 {"last_month", "上月收入", "last month", true},
                 {"change", "增减", "change", true},
                 {"change_pct", "增减率", "change %", true},
                 {"subscribers", "服务户数", "households", true},
                 {"break_even", "保本户数", "break-even", true},
                 {"cost", "每月成本", "monthly cost", true},
                 {"margin", "盈亏", "margin", true},
                 {"status", "保本情况", "status"}};
    const bool zh = l == Language::zh;
    for (const auto& row : r.rows) {
        std::string status = row.loss() ? (zh ? "亏损" : "loss") : (zh ? "保本" : "break-even");
        if (row.below_break_even()) status += zh ? ",户数低于保本" : ", subscribers below break-even";
        t.add_row({pick(l, row.name_zh, row.name_en), format_yuan_plain(row.income), format_yuan_plain(row.last_month),
                   format_yuan_plain(row.change()), percent_change(row.income, row.last_month),
                   std::to_string(row.subscribers), std::to_string(row.break_even_subscribers),
                   format_yuan_plain(row.monthly_cost), format_yuan_plain(row.margin()), status});
    }
    t.add_row({zh ? "合计" : "total", format_yuan_plain(r.total), format_yuan_plain(r.total_last_month),
               format_yuan_plain(r.total - r.total_last_month), percent_change(r.total, r.total_last_month), "", "",
               format_yuan_plain(r.total_cost), format_yuan_plain(r.total - r.total_cost),
               r.total < r.total_cost ? (zh ? "亏损" : "loss") : (zh ? "保本" : "break-even")});
    t.footer_rows = 1;
    t.notes_zh = {"押金(不计收入): 本月收取 " + format_fen(r.deposits_received, MoneyLocale::Chinese) + ",退还 " +
                      format_fen(r.deposits_returned, MoneyLocale::Chinese) + ",月末结存 " +
                      format_fen(r.deposits_held, MoneyLocale::Chinese),
                  "现金: 收入 " + format_fen(r.cash_in, MoneyLocale::Chinese) + ",支出 " + format_fen(r.cash_out, MoneyLocale::Chinese)};
    t.notes_en = {"Deposits (not income): received " + format_fen(r.deposits_received, MoneyLocale::English) + ", returned " +
                      format_fen(r.deposits_returned, MoneyLocale::English) + ", held at month end " +
                      format_fen(r.deposits_held, MoneyLocale::English),
                  "Cash: in " + format_fen(r.cash_in, MoneyLocale::English) + ", out " + format_fen(r.cash_out, MoneyLocale::English)};
    return t;
}

//-----------------------------------------------------------------------------
// [SECTION] Break-even
//-----------------------------------------------------------------------------

std::size_t BreakEvenReport::flagged() const {
    return std::size_t(std::count_if(rows.begin(), rows.end(), [](const BreakEvenRow& r) { return r.flagged(); }));
}

BreakEvenReport break_even_report(const State& s, YearMonth month) {
    const int tz = s.settings.tz_offset_minutes;
    const std::int64_t start = month_start_ms(month, tz), end = month_end_ms(month, tz), at = end - 1;
    BreakEvenReport r;
    r.month = month;
    auto revenue = income_in(s, start, end);
    for (const ItemRecord* item : paid_items(s)) {
        const PriceRow* price = price_row_at(s, item->def.item_id, at);
        if (!price) continue;
        BreakEvenRow row;
        row.item_id = item->def.item_id;
        row.name_zh = item->def.name_zh;
        row.name_en = item->def.name_en;
        row.status = item->status;
        row.subscribers = break_even_households(s, row.item_id, start, at);
        row.needed = price->break_even_subscribers;
        row.price = price->price;
        row.revenue = revenue[row.item_id];
        row.cost = price->monthly_cost;
        for (const auto& rep : s.break_even_reports)
            if (rep.def.item_id == row.item_id && rep.def.month == month) {
                row.reports_zh.push_back(staff_name(s, rep.reported_by) + "上报: " + rep.def.note);
                row.reports_en.push_back("reported by " + staff_name(s, rep.reported_by) + ": " + rep.def.note);
            }
        for (const auto& m : s.measures)
            if (m.def.item_id == row.item_id && m.def.month == month) {
                row.measures_zh.push_back(std::string(label_zh(m.def.kind)) + (m.def.note.empty() ? "" : ": " + m.def.note));
                row.measures_en.push_back(std::string(label_en(m.def.kind)) + (m.def.note.empty() ? "" : ": " + m.def.note));
            }
        r.rows.push_back(std::move(row));
    }
    return r;
}

Table to_table(const BreakEvenReport& r, Language l) {
    const bool zh = l == Language::zh;
    Table t;
    t.title_zh = "保本情况 " + to_string(r.month);
    t.title_en = "Break-even status " + to_string(r.month);
    t.columns = {{"item", "服务项目", "item"},
                 {"subscribers", "服务户数", "households", true},
                 {"needed", "保本户数", "break-even", true},
                 {"price", "价格", "price", true},
                 {"revenue", "本月收入", "revenue", true},
                 {"cost", "每月成本", "cost", true},
                 {"flag", "提示", "flag"},
                 {"measures", "措施", "measures"}};
    for (const auto& row : r.rows) {
        std::vector<std::string> flags;
        if (row.below_subscribers()) flags.push_back(zh ? "户数低于保本" : "below break-even");
        if (row.loss()) flags.push_back(zh ? "亏损" : "loss");
        if (row.status != ItemStatus::active)
            flags.push_back(std::string(zh ? label_zh(row.status) : label_en(row.status)));
        std::string flag, measures;
        for (const auto& f : flags) flag += (flag.empty() ? "" : ", ") + f;
        for (const auto& m : zh ? row.reports_zh : row.reports_en) measures += (measures.empty() ? "" : "; ") + m;
        for (const auto& m : zh ? row.measures_zh : row.measures_en) measures += (measures.empty() ? "" : "; ") + m;
        t.add_row({pick(l, row.name_zh, row.name_en), std::to_string(row.subscribers), std::to_string(row.needed),
                   format_yuan_plain(row.price), format_yuan_plain(row.revenue), format_yuan_plain(row.cost),
                   flag.empty() ? (zh ? "正常" : "ok") : flag, measures});
    }
    t.notes_zh.push_back("需处理的项目: " + std::to_string(r.flagged()));
    t.notes_en.push_back("items needing attention: " + std::to_string(r.flagged()));
    return t;
}

}  // namespace bianmin
