// Smaller lists the office works from: subscribers of an item, a survey's summary,
// staff cash, overdue requests, edit conflicts, anomalies.
#include <cstdio>

#include "bianmin/queries.hpp"
#include "bianmin/reports.hpp"

namespace bianmin {
namespace {

std::string day_text(const State& s, std::int64_t ms) { return ms ? to_string(date_at(s, ms)) : std::string(); }
std::string time_text(const State& s, std::int64_t ms) {
    std::int64_t local = ms + std::int64_t(s.settings.tz_offset_minutes) * kMsPerMinute;
    std::int64_t minute_of_day = ((local % kMsPerDay) + kMsPerDay) % kMsPerDay / kMsPerMinute;
    char hm[8];
    std::snprintf(hm, sizeof hm, "%02d:%02d", int(minute_of_day / 60), int(minute_of_day % 60));
    return day_text(s, ms) + " " + hm;
}
std::string item_name(const State& s, const std::string& id, Language l) {
    return l == Language::zh ? item_name_zh(s, id) : item_name_en(s, id);
}

}  // namespace

Table subscriber_table(const State& s, const std::string& item_id, std::int64_t at_ms, Language l) {
    Table t;
    t.title_zh = "接受长期服务业主名单: " + item_name_zh(s, item_id);
    t.title_en = "Long-term subscribers: " + item_name_en(s, item_id);
    t.columns = {{"household", "栋号-房号", "building-room"}, {"name", "业主姓名", "name"}, {"phone", "电话", "phone"},
                 {"form", "委托单号", "form"}, {"signed", "签名日期", "signed"}, {"deliveries", "服务次数", "deliveries", true},
                 {"balance", "预交余额", "prepaid balance", true}, {"deposit", "押金", "deposit", true}};
    for (const FormRecord* f : subscribers(s, item_id, at_ms))
        t.add_row({household_label(s, f->def.household_id), f->def.resident_name, f->def.phone, f->def.form_id,
                   day_text(s, f->signed_ms), std::to_string(f->deliveries), format_yuan_plain(f->prepaid_balance()),
                   format_yuan_plain(f->deposit_held())});
    t.notes_zh.push_back("共 " + std::to_string(t.rows.size()) + " 户");
    t.notes_en.push_back(std::to_string(t.rows.size()) + " households");
    (void)l;
    return t;
}

Table survey_table(const State& s, const std::string& survey_id, Language l) {
    Table t;
    auto it = s.surveys.find(survey_id);
    std::string title = it == s.surveys.end() ? survey_id : it->second.def.title;
    t.title_zh = "便民服务调查汇总: " + title;
    t.title_en = "Opinion survey summary: " + title;
    t.columns = {{"item", "服务项目", "item"}, {"responses", "回答户数", "responses", true},
                 {"wanted", "需要户数", "want it", true}, {"times", "每月次数合计", "times per month", true},
                 {"satisfaction", "平均满意度", "satisfaction", true}};
    for (const auto& row : survey_summary(s, survey_id)) {
        std::int64_t x10 = row.satisfaction_x10();
        t.add_row({item_name(s, row.item_id, l), std::to_string(row.responses), std::to_string(row.wanted),
                   std::to_string(row.times_per_month),
                   row.satisfaction_count ? std::to_string(x10 / 10) + "." + std::to_string(x10 % 10) : "—"});
    }
    if (it != s.surveys.end()) {
        t.notes_zh.push_back("回答户数 " + std::to_string(it->second.answers.size()));
        t.notes_en.push_back(std::to_string(it->second.answers.size()) + " households answered");
    }
    return t;
}

Table staff_cash_table(const State& s, std::int64_t now_ms, Language l) {
    Table t;
    t.title_zh = "员工代收款交财务对账";
    t.title_en = "Staff collections handed to finance";
    t.columns = {{"person", "员工", "staff"}, {"collected", "代收合计", "collected", true},
                 {"handed", "已交(应交)", "handed over (expected)", true}, {"counted", "已交(实点)", "handed over (counted)", true},
                 {"discrepancy", "差额", "discrepancy", true}, {"on_hand", "手上未交", "still held", true},
                 {"overdue", "逾期未交", "overdue"}};
    for (const auto& c : staff_cash(s, now_ms))
        t.add_row({c.name + " (" + c.person_id + ")", format_yuan_plain(c.collected), format_yuan_plain(c.handed_over_expected),
                   format_yuan_plain(c.handed_over_counted), format_yuan_plain(c.discrepancy), format_yuan_plain(c.on_hand),
                   c.overdue ? (l == Language::zh ? "是,自 " : "yes, since ") + day_text(s, c.oldest_unhanded_ms) : ""});
    return t;
}

Table overdue_table(const State& s, std::int64_t now_ms, Language l) {
    Table t;
    t.title_zh = "超时未办结的服务请求";
    t.title_en = "Requests past their promised time";
    t.columns = {{"request", "编号", "request"}, {"household", "栋号-房号", "building-room"}, {"item", "服务项目", "item"},
                 {"owner", "首问负责人", "owner"}, {"due", "承诺时间", "promised by"}, {"hours_late", "超时(小时)", "hours late", true}};
    for (const RequestRecord* r : overdue_requests(s, now_ms))
        t.add_row({r->def.request_id, household_label(s, r->def.household_id), item_name(s, r->def.item_id, l),
                   r->owner.empty() ? "" : staff_name(s, r->owner), time_text(s, r->def.due_ms),
                   std::to_string((now_ms - r->def.due_ms) / kMsPerHour)});
    return t;
}

Table conflicts_table(const State& s, Language l) {
    Table t;
    t.title_zh = "待处理的修改冲突";
    t.title_en = "Edit conflicts to resolve";
    t.columns = {{"record", "记录", "record"}, {"field", "字段", "field"}, {"value", "值", "value"},
                 {"by", "修改人", "by"}, {"at", "时间", "at"}, {"event", "事件", "event"}, {"provisional", "暂用", "provisional"}};
    for (const auto& c : conflicts(s)) {
        const FieldSpec* spec = find_field(c.key.kind, c.key.field);
        std::string field = spec ? std::string(l == Language::zh ? spec->zh : spec->en) : c.key.field;
        for (std::size_t i = 0; i < c.candidates.size(); ++i) {
            const FieldEdit& e = c.candidates[i];
            t.add_row({std::string(to_string(c.key.kind)) + "/" + c.key.record, field, to_display(e.value),
                       staff_name(s, e.actor.person_id), time_text(s, e.hlc.wall_ms), to_string(e.id),
                       i + 1 == c.candidates.size() ? "*" : ""});
        }
    }
    return t;
}

Table anomalies_table(const State& s, Language l) {
    Table t;
    t.title_zh = "事件日志中的异常";
    t.title_en = "Anomalies in the event log";
    t.columns = {{"event", "事件", "event"}, {"type", "类型", "type"}, {"code", "代码", "code"},
                 {"message", "说明", "message"}, {"skipped", "已忽略", "skipped"}};
    for (const auto& a : s.anomalies)
        t.add_row({to_string(a.event), std::string(to_string(a.type)), a.code, l == Language::zh ? a.message_zh : a.message_en,
                   a.skipped ? (l == Language::zh ? "是" : "yes") : ""});
    return t;
}

}  // namespace bianmin
