// Strings of the reports screen (web/screens/screen_reports.cpp): the monthly income
// report [3-7] and the break-even status [1-4.13].
#include "i18n/i18n.h"

namespace bianmin::i18n {
namespace {

const Entry kReportsEntries[] = {
    {"reports.title", "综合服务部收入月报表", "Monthly income report"},
    {"reports.month", "月份", "Month"},
    {"reports.month_placeholder", "例如 2024-03", "e.g. 2024-03"},
    {"reports.month_invalid", "请输入年月，例如 2024-03", "Enter a year and month, e.g. 2024-03"},
    {"reports.previous_month", "‹ 上个月", "‹ Previous month"},
    {"reports.next_month", "下个月 ›", "Next month ›"},
    {"reports.tab_income", "收入", "Income"},
    {"reports.tab_break_even", "各项目保本情况", "Break-even by item"},
    {"reports.total_income", "本月收入合计", "Income this month"},
    {"reports.total_last_month", "上月收入", "Last month"},
    {"reports.change", "增减", "Change"},
    {"reports.total_cost", "保本收入（每月成本）", "Break-even income (monthly cost)"},
    {"reports.margin", "盈亏", "Margin"},
    {"reports.status_loss", "本月合计：亏损", "Month total: a loss"},
    {"reports.status_break_even", "本月合计：保本", "Month total: breaks even"},
    {"reports.all_break_even", "所有项目户数和收入均达到保本。", "Every item reaches its break-even subscribers and income."},
    {"reports.items_flagged", "有 {0} 个项目低于保本（户数不足或亏损），见“各项目保本情况”。",
     "{0} item(s) below break-even (too few subscribers or a loss): see Break-even by item."},
    {"reports.this_month", "本月", "This month"},
    {"reports.last_month", "上月", "Last month"},
    {"reports.break_even", "保本线", "Break-even"},
    {"reports.no_paid_items", "还没有收费服务项目。", "There are no paid service items yet."},
    {"reports.break_even_explained",
     "每个收费项目：月末的长期户数与保本户数，本月收入与每月成本；低于保本的项目需报告并采取措施。",
     "Each paid item: long-term subscribers at the month's end against the break-even number, and the "
     "month's income against its monthly cost; items below break-even are reported and need a measure."},
    {"reports.no_price_table", "本月没有生效的价目表。", "No price table was in effect this month."},
};

}  // namespace

extern const StringTable kReportsStrings{kReportsEntries};

}  // namespace bianmin::i18n
