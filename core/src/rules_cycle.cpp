// Rules: service items, opinion surveys, the price table's approval cycle, break-even
// reports and measures, stopping an item.
//
// Index
// [SECTION] Service items
// [SECTION] Surveys
// [SECTION] Price tables
// [SECTION] Break-even and stopping an item
#include <algorithm>
#include <set>

#include "rules.hpp"

namespace bianmin::rules {
namespace {

bool valid_year(std::int64_t year) { return year >= 2000 && year <= 2100; }

const ItemRecord* need_item(const State& s, const std::string& item_id, std::string_view area, Errors& out) {
    const ItemRecord* item = s.find_item(item_id);
    if (!item)
        fail(out, std::string(area) + ".unknown_item", "item_id", "没有这个服务项目: " + item_id,
             "no such service item: " + item_id);
    return item;
}

const PriceTableRecord* need_table(const State& s, const std::string& id, Errors& out) {
    const PriceTableRecord* table = s.find_table(id);
    if (!table)
        fail(out, "price_table.unknown", "table_id", "没有这份价格表: " + id, "no such price table: " + id);
    return table;
}

void published_is_immutable(const PriceTableRecord& t, Errors& out) {
    fail(out, "price_table.published_immutable", "table_id",
         "已公告的价格表不能修改;请起草新版本并重新报批",
         "a published price table cannot be changed: draft a new version and have it approved");
    (void)t;
}

void check_rows(const State& s, const std::vector<PriceRow>& rows, Errors& out) {
    if (rows.empty()) {
        fail(out, "price_table.empty", "rows", "价格表至少要有一个项目", "a price table needs at least one item");
        return;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const PriceRow& r = rows[i];
        std::string field = "rows[" + std::to_string(i) + "]";
        const ItemRecord* item = s.find_item(r.item_id);
        if (!item) {
            fail(out, "price_table.unknown_item", field + ".item_id", "没有这个服务项目: " + r.item_id,
                 "no such service item: " + r.item_id);
            continue;
        }
        if (!seen.insert(r.item_id).second)
            fail(out, "price_table.duplicate_item", field + ".item_id", "项目重复: " + item->def.name_zh,
                 "item listed twice: " + item->def.name_en);
        if (item->status == ItemStatus::stopped)
            fail(out, "price_table.item_stopped", field + ".item_id", "该项目已停止: " + item->def.name_zh,
                 "this item has been stopped: " + item->def.name_en);
        need_amount(out, "price_table.bad_amount", field + ".price", r.price, false);
        need_amount(out, "price_table.bad_amount", field + ".deposit", r.deposit, false);
        need_amount(out, "price_table.bad_amount", field + ".prepayment", r.prepayment, false);
        need_amount(out, "price_table.bad_amount", field + ".monthly_cost", r.monthly_cost, false);
        limit_text(out, "price_table", field + ".unit_zh", r.unit_zh, kUnitText);
        limit_text(out, "price_table", field + ".unit_en", r.unit_en, kUnitText);
        if ((r.billing == Billing::free) != (item->def.billing == Billing::free))
            fail(out, "price_table.billing_mismatch", field + ".billing", "无偿项目与有偿项目不能互换: " + item->def.name_zh,
                 "a free item cannot become paid or the reverse: " + item->def.name_en);
        if (r.billing == Billing::free) {
            if (r.price.value != 0 || r.deposit.value != 0 || r.prepayment.value != 0)
                fail(out, "price_table.free_with_price", field + ".price", "无偿项目不能收费: " + item->def.name_zh,
                     "a free item cannot have a price: " + item->def.name_en);
            continue;
        }
        if (r.price.value <= 0)
            fail(out, "price_table.paid_without_price", field + ".price", "有偿项目需要价格: " + item->def.name_zh,
                 "a paid item needs a price: " + item->def.name_en);
        if (r.break_even_subscribers < 1 || r.break_even_subscribers > 1'000'000)
            fail(out, "price_table.break_even_missing", field + ".break_even_subscribers",
                 "有偿项目需要保本户数(1–1000000): " + item->def.name_zh,
                 "a paid item needs its break-even number of subscribers (1–1000000): " + item->def.name_en);
        // Break-even plus small profit [1-4.1]: at the break-even number, a monthly
        // item must at least cover its monthly cost.
        else if (r.billing == Billing::per_month && r.price.value > 0 &&
                 r.price.value * r.break_even_subscribers < r.monthly_cost.value)
            fail(out, "price_table.below_cost", field + ".break_even_subscribers",
                 "按保本户数收费不足以抵偿每月成本: " + item->def.name_zh,
                 "at the break-even number the fees do not cover the monthly cost: " + item->def.name_en);
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Service items
//-----------------------------------------------------------------------------

void check(const State& s, const Event&, const ItemDefined& p, Errors& out) {
    need_id(out, "item", "item_id", p.item_id);
    if (s.items.count(p.item_id))
        fail(out, "item.duplicate_id", "item_id", "项目编号已存在: " + p.item_id, "this item id already exists: " + p.item_id);
    need_text(out, "item.name_required", "name_zh", p.name_zh, kNameText, "项目名称", "item name");
    limit_text(out, "item", "name_en", p.name_en, kNameText);
    limit_text(out, "item", "unit_zh", p.unit_zh, kUnitText);
    limit_text(out, "item", "unit_en", p.unit_en, kUnitText);
    need_amount(out, "item.bad_amount", "price", p.price, false);
    need_amount(out, "item.bad_amount", "deposit", p.deposit, false);
    need_amount(out, "item.bad_amount", "prepayment", p.prepayment, false);
    need_amount(out, "item.bad_amount", "monthly_cost", p.monthly_cost, false);
    if (p.billing == Billing::free && (p.price.value || p.deposit.value || p.prepayment.value))
        fail(out, "item.free_with_price", "price", "无偿项目不能有价格、押金或预交费",
             "a free item cannot have a price, deposit or prepayment");
    if (p.billing != Billing::free && p.price.value <= 0)
        fail(out, "item.paid_without_price", "price", "有偿项目需要价格", "a paid item needs a price");
    if (p.break_even_subscribers < 0 || p.break_even_subscribers > 1'000'000)
        fail(out, "item.bad_break_even", "break_even_subscribers", "保本户数超出范围", "break-even number out of range");
    if (p.promised_hours < 0 || p.promised_hours > 720)
        fail(out, "item.bad_promised_hours", "promised_hours", "承诺时限应在0–720小时之间",
             "the promised time must be 0–720 hours");
    std::set<RegisterKind> registers(p.registers.begin(), p.registers.end());
    if (registers.size() != p.registers.size())
        fail(out, "item.bad_registers", "registers", "登记表重复", "a register is listed twice");
}

void apply(State& s, const Event& e, const ItemDefined& p) {
    ItemRecord item;
    item.def = p;
    item.defined_ms = when(e);
    item.defined_order = s.event_count;
    s.items[p.item_id] = std::move(item);
    refresh_fields_of(s, RecordKind::item, p.item_id);
}

//-----------------------------------------------------------------------------
// [SECTION] Surveys
//-----------------------------------------------------------------------------

void check(const State& s, const Event&, const SurveyOpened& p, Errors& out) {
    need_id(out, "survey", "survey_id", p.survey_id);
    if (s.surveys.count(p.survey_id))
        fail(out, "survey.duplicate_id", "survey_id", "调查编号已存在", "this survey id already exists");
    if (!valid_year(p.year)) fail(out, "survey.bad_year", "year", "年份应在2000–2100之间", "the year must be 2000–2100");
    need_text(out, "survey.title_required", "title", p.title, kNameText, "调查标题", "survey title");
    if (p.item_ids.empty())
        fail(out, "survey.no_items", "item_ids", "调查至少要包含一个服务项目", "a survey needs at least one item");
    std::set<std::string> seen;
    for (const auto& id : p.item_ids) {
        need_item(s, id, "survey", out);
        if (!seen.insert(id).second)
            fail(out, "survey.duplicate_item", "item_ids", "项目重复: " + id, "item listed twice: " + id);
    }
}

void apply(State& s, const Event& e, const SurveyOpened& p) {
    SurveyRecord survey;
    survey.def = p;
    survey.opened_ms = when(e);
    s.surveys[p.survey_id] = std::move(survey);
}

void check(const State& s, const Event&, const SurveyAnswered& p, Errors& out) {
    auto it = s.surveys.find(p.survey_id);
    if (it == s.surveys.end()) {
        fail(out, "survey.unknown", "survey_id", "没有这份调查", "no such survey");
        return;
    }
    if (it->second.closed) fail(out, "survey.closed", "survey_id", "调查已结束", "the survey is closed");
    if (!s.find_household(p.household_id))
        fail(out, "survey.unknown_household", "household_id", "没有这户: " + p.household_id,
             "no such household: " + p.household_id);
    if (p.answers.empty()) fail(out, "survey.no_answers", "answers", "请至少回答一项", "answer at least one item");
    std::set<std::string> seen;
    const auto& items = it->second.def.item_ids;
    for (const auto& a : p.answers) {
        if (std::find(items.begin(), items.end(), a.item_id) == items.end())
            fail(out, "survey.item_not_in_survey", "answers", "该项目不在调查中: " + a.item_id,
                 "this item is not in the survey: " + a.item_id);
        if (!seen.insert(a.item_id).second)
            fail(out, "survey.duplicate_item", "answers", "同一项目回答了两次", "an item is answered twice");
        if (a.satisfaction < 0 || a.satisfaction > 5 || a.times_per_month < 0 || a.times_per_month > 100)
            fail(out, "survey.bad_answer", "answers", "满意度应为0–5,次数应为0–100",
                 "satisfaction must be 0–5 and times per month 0–100");
    }
    limit_text(out, "survey", "comment", p.comment, kLongText);
}

void apply(State& s, const Event&, const SurveyAnswered& p) {
    auto it = s.surveys.find(p.survey_id);
    if (it != s.surveys.end()) it->second.answers[p.household_id] = p;
}

void check(const State& s, const Event&, const SurveyClosed& p, Errors& out) {
    auto it = s.surveys.find(p.survey_id);
    if (it == s.surveys.end()) fail(out, "survey.unknown", "survey_id", "没有这份调查", "no such survey");
    else if (it->second.closed) fail(out, "survey.closed", "survey_id", "调查已结束", "the survey is already closed");
}

void apply(State& s, const Event& e, const SurveyClosed& p) {
    auto it = s.surveys.find(p.survey_id);
    if (it == s.surveys.end()) return;
    it->second.closed = true;
    it->second.closed_ms = when(e);
}

//-----------------------------------------------------------------------------
// [SECTION] Price tables
//-----------------------------------------------------------------------------

void check(const State& s, const Event&, const PriceTableDrafted& p, Errors& out) {
    need_id(out, "price_table", "table_id", p.table_id);
    if (s.price_tables.count(p.table_id))
        fail(out, "price_table.duplicate_id", "table_id", "价格表编号已存在", "this price table id already exists");
    if (!valid_year(p.year)) fail(out, "price_table.bad_year", "year", "年份应在2000–2100之间", "the year must be 2000–2100");
    if (p.version != next_price_table_version(s, p.year))
        fail(out, "price_table.bad_version", "version", "版本号应为 " + std::to_string(next_price_table_version(s, p.year)),
             "the version must be " + std::to_string(next_price_table_version(s, p.year)));
    const PriceTableRecord* current = current_price_table(s);
    if (!p.replaces.empty()) {
        if (!current || current->def.table_id != p.replaces)
            fail(out, "price_table.replaces_not_current", "replaces", "只能替换当前公告的价格表",
                 "only the price table in effect can be replaced");
    } else if (current && current->def.year == p.year) {
        fail(out, "price_table.use_replaces", "replaces", "本年度已有公告的价格表:修改须作为新版本替换它",
             "this year's table is already published: a change must replace it as a new version");
    }
    if (!p.survey_id.empty() && !s.surveys.count(p.survey_id))
        fail(out, "price_table.unknown_survey", "survey_id", "没有这份调查", "no such survey");
    limit_text(out, "price_table", "note", p.note, kLongText);
    check_rows(s, p.rows, out);
}

void apply(State& s, const Event& e, const PriceTableDrafted& p) {
    PriceTableRecord t;
    t.def = p;
    t.authors.push_back(who(e));
    t.drafted_ms = when(e);
    s.price_tables[p.table_id] = std::move(t);
}

void check(const State& s, const Event&, const PriceTableRevised& p, Errors& out) {
    const PriceTableRecord* t = need_table(s, p.table_id, out);
    if (!t) return;
    if (t->status == PriceTableStatus::published || t->status == PriceTableStatus::superseded)
        published_is_immutable(*t, out);
    else if (t->status != PriceTableStatus::draft && t->status != PriceTableStatus::rejected)
        fail(out, "price_table.not_editable", "table_id", "价格表已报批,不能修改(被退回后才能修改)",
             "the table is under approval: it can be revised only as a draft or after rejection");
    limit_text(out, "price_table", "note", p.note, kLongText);
    check_rows(s, p.rows, out);
}

void apply(State& s, const Event& e, const PriceTableRevised& p) {
    auto& t = s.price_tables[p.table_id];
    t.def.rows = p.rows;
    if (!p.note.empty()) t.def.note = p.note;
    t.status = PriceTableStatus::draft;
    if (std::find(t.authors.begin(), t.authors.end(), who(e)) == t.authors.end()) t.authors.push_back(who(e));
}

void check(const State& s, const Event&, const PriceTableSubmitted& p, Errors& out) {
    const PriceTableRecord* t = need_table(s, p.table_id, out);
    if (!t) return;
    if (t->status == PriceTableStatus::published || t->status == PriceTableStatus::superseded)
        published_is_immutable(*t, out);
    else if (t->status != PriceTableStatus::draft)
        fail(out, "price_table.bad_status", "table_id", "只有草稿可以报批(当前: " + std::string(label_zh(t->status)) + ")",
             "only a draft can be submitted (now: " + std::string(label_en(t->status)) + ")");
}

void apply(State& s, const Event& e, const PriceTableSubmitted& p) {
    auto& t = s.price_tables[p.table_id];
    t.status = PriceTableStatus::submitted;
    t.submitted_ms = when(e);
}

namespace {
void check_decision(const State& s, const Event& e, const std::string& table_id, Errors& out) {
    const PriceTableRecord* t = need_table(s, table_id, out);
    if (!t) return;
    if (t->status != PriceTableStatus::submitted)
        fail(out, "price_table.not_submitted", "table_id", "价格表未报批,不能审批", "the table has not been submitted for approval");
    if (std::find(t->authors.begin(), t->authors.end(), who(e)) != t->authors.end())
        fail(out, "price_table.self_approval", "actor", "起草人不能审批自己起草的价格表",
             "whoever drafted the price table cannot approve or reject it");
}
void record_decision(State& s, const Event& e, const std::string& table_id, PriceTableStatus status,
                     const std::string& comment) {
    auto& t = s.price_tables[table_id];
    t.status = status;
    t.decided_by = who(e);
    t.decided_ms = when(e);
    t.decision_comment = comment;
    if (status == PriceTableStatus::rejected) t.rejection_comments.push_back(comment);
}
}  // namespace

void check(const State& s, const Event& e, const PriceTableApproved& p, Errors& out) {
    check_decision(s, e, p.table_id, out);
    limit_text(out, "price_table", "comment", p.comment, kLongText);
}

void apply(State& s, const Event& e, const PriceTableApproved& p) {
    record_decision(s, e, p.table_id, PriceTableStatus::approved, p.comment);
}

void check(const State& s, const Event& e, const PriceTableRejected& p, Errors& out) {
    check_decision(s, e, p.table_id, out);
    need_text(out, "price_table.comment_required", "comment", p.comment, kLongText, "退回意见", "reason for rejecting");
}

void apply(State& s, const Event& e, const PriceTableRejected& p) {
    record_decision(s, e, p.table_id, PriceTableStatus::rejected, p.comment);
}

void check(const State& s, const Event&, const PriceTablePublished& p, Errors& out) {
    const PriceTableRecord* t = need_table(s, p.table_id, out);
    if (!t) return;
    if (t->status == PriceTableStatus::published || t->status == PriceTableStatus::superseded)
        fail(out, "price_table.already_published", "table_id", "价格表已公告", "the table has already been published");
    else if (t->status != PriceTableStatus::approved)
        fail(out, "price_table.not_approved", "table_id", "只有经总经理批准的价格表才能公告",
             "only a table approved by the general manager can be published");
    if (p.channels.empty())
        fail(out, "price_table.no_channel", "channels", "请选择至少一种公告方式", "choose at least one way to announce it");
    std::set<PublishChannel> channels(p.channels.begin(), p.channels.end());
    if (channels.size() != p.channels.size())
        fail(out, "price_table.duplicate_channel", "channels", "公告方式重复", "an announcement channel is listed twice");
}

void apply(State& s, const Event& e, const PriceTablePublished& p) {
    for (auto& [id, other] : s.price_tables) {
        if (other.status != PriceTableStatus::published) continue;
        other.status = PriceTableStatus::superseded;
        other.superseded_by = p.table_id;
        other.superseded_ms = when(e);
    }
    auto& t = s.price_tables[p.table_id];
    t.status = PriceTableStatus::published;
    t.channels = p.channels;
    t.published_by = who(e);
    t.published_ms = when(e);
    s.published_tables.push_back(p.table_id);
}

//-----------------------------------------------------------------------------
// [SECTION] Break-even and stopping an item
//-----------------------------------------------------------------------------

void check(const State& s, const Event& e, const BelowBreakEvenReported& p, Errors& out) {
    need_id(out, "break_even", "report_id", p.report_id);
    const ItemRecord* item = need_item(s, p.item_id, "break_even", out);
    if (!valid_year(p.month.year) || p.month.month < 1 || p.month.month > 12) {
        fail(out, "break_even.bad_month", "month", "月份不正确", "not a valid month");
        return;
    }
    limit_text(out, "break_even", "note", p.note, kLongText);
    if (!item) return;
    // The month's end, or now for the running month.
    std::int64_t at = std::min(when(e), month_end_ms(p.month, s.settings.tz_offset_minutes) - 1);
    const PriceRow* row = price_row_at(s, p.item_id, at);
    if (!row || row->break_even_subscribers <= 0) {
        fail(out, "break_even.no_threshold", "item_id", "该项目在价格表中没有保本户数",
             "the item has no break-even number in the price table");
    } else if (break_even_households(s, p.item_id, month_start_ms(p.month, s.settings.tz_offset_minutes), at) >=
               row->break_even_subscribers) {
        fail(out, "break_even.not_below", "item_id", "该项目本月的服务户数未低于保本户数",
             "the item's households this month are not below its break-even number");
    }
}

void apply(State& s, const Event& e, const BelowBreakEvenReported& p) {
    s.break_even_reports.push_back(BreakEvenReportRecord{p, who(e), when(e)});
}

void check(const State& s, const Event&, const BreakEvenMeasureRecorded& p, Errors& out) {
    need_id(out, "break_even", "measure_id", p.measure_id);
    const ItemRecord* item = need_item(s, p.item_id, "break_even", out);
    if (!valid_year(p.month.year) || p.month.month < 1 || p.month.month > 12)
        fail(out, "break_even.bad_month", "month", "月份不正确", "not a valid month");
    if (p.kind == MeasureKind::other)
        need_text(out, "break_even.note_required", "note", p.note, kLongText, "措施说明", "description of the measure");
    else
        limit_text(out, "break_even", "note", p.note, kLongText);
    if (p.kind == MeasureKind::price_change) {
        const PriceTableRecord* t = s.find_table(p.price_table_id);
        if (!t || !t->row(p.item_id))
            fail(out, "break_even.measure_needs_table", "price_table_id",
                 "调价措施须关联包含该项目的新价格表(先起草新版本)",
                 "a price change needs the new price table version that lists the item (draft it first)");
    }
    if (p.kind == MeasureKind::stop_item && item && item->status == ItemStatus::active)
        fail(out, "break_even.stop_not_requested", "kind", "停止该项目须先报总经理审批",
             "stopping the item needs a stop request to the general manager first");
}

void apply(State& s, const Event& e, const BreakEvenMeasureRecorded& p) {
    s.measures.push_back(MeasureRecord{p, who(e), when(e)});
}

void check(const State& s, const Event&, const ItemStopRequested& p, Errors& out) {
    const ItemRecord* item = need_item(s, p.item_id, "item_stop", out);
    if (item && item->status != ItemStatus::active)
        fail(out, "item_stop.bad_status", "item_id", "该项目已申请停止或已停止", "the item is already stopping or stopped");
    need_text(out, "item_stop.reason_required", "reason", p.reason, kLongText, "停止原因", "reason");
}

void apply(State& s, const Event& e, const ItemStopRequested& p) {
    auto& item = s.items[p.item_id];
    item.status = ItemStatus::stop_requested;
    item.stop_reason = p.reason;
    item.stop_requested_by = who(e);
    item.stop_requested_ms = when(e);
}

void check(const State& s, const Event& e, const ItemStopDecided& p, Errors& out) {
    const ItemRecord* item = need_item(s, p.item_id, "item_stop", out);
    if (!item) return;
    if (item->status != ItemStatus::stop_requested)
        fail(out, "item_stop.not_requested", "item_id", "该项目没有待审批的停止申请", "no stop request is waiting for this item");
    if (item->stop_requested_by == who(e))
        fail(out, "item_stop.self_approval", "actor", "申请人不能审批自己的申请", "whoever asked cannot decide");
    if (!p.approved)
        need_text(out, "item_stop.comment_required", "comment", p.comment, kLongText, "不同意的理由", "reason for refusing");
    else
        limit_text(out, "item_stop", "comment", p.comment, kLongText);
}

void apply(State& s, const Event& e, const ItemStopDecided& p) {
    auto& item = s.items[p.item_id];
    item.stop_comment = p.comment;
    if (!p.approved) {
        item.status = ItemStatus::active;
        return;
    }
    item.status = ItemStatus::stopped;
    item.stopped_ms = when(e);
    // Every open form of the item ends with it; deposits then wait for settlement.
    for (auto& [id, form] : s.forms) {
        if (form.def.item_id != p.item_id || form.stopped) continue;
        form.stopped = true;
        form.stopped_ms = when(e);
        form.stop_code = StopReason::item_discontinued;
        form.stop_reason = p.comment.empty() ? item.stop_reason : p.comment;
        form.stopped_by = who(e);
        s.open_forms.erase(pair_key(form.def.household_id, form.def.item_id));
    }
}

}  // namespace bianmin::rules
