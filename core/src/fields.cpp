// The table of editable fields, and the head computation of edit graphs.
#include "bianmin/fields.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "bianmin/money.hpp"

namespace bianmin {
namespace {

constexpr std::uint32_t kOffice = role_bit(Role::office_manager);
constexpr std::uint32_t kDesk = role_bit(Role::front_desk) | kOffice;
constexpr std::uint32_t kDeskAndResident = kDesk | role_bit(Role::resident);
constexpr std::uint32_t kAssessment = role_bit(Role::assessment_group) | role_bit(Role::general_manager);

using K = RecordKind;
using T = FieldType;

constexpr std::array<FieldSpec, 28> kFields = {{
    // estate settings
    {K::estate, "name_zh", T::text, 1, 200, kOffice, "小区名称(中文)", "estate name (Chinese)"},
    {K::estate, "name_en", T::text, 0, 200, kOffice, "小区名称(英文)", "estate name (English)"},
    {K::estate, "tz_offset_minutes", T::integer, -720, 840, kOffice, "时区(分钟)", "timezone offset (minutes)"},
    {K::estate, "default_promised_hours", T::integer, 1, 720, kOffice, "默认办结时限(小时)", "default promised time (hours)"},
    {K::estate, "unsynced_warning_days", T::integer, 1, 365, kOffice, "未同步提醒(天)", "unsynced warning (days)"},
    {K::estate, "return_visit_interval_days", T::integer, 1, 365, kOffice, "回访周期(天)", "return-visit interval (days)"},
    {K::estate, "handover_limit_days", T::integer, 0, 31, kOffice, "交款期限(天)", "hand-over limit (days)"},
    {K::estate, "assessment_monthly", T::money, 0, kMaxFen, kAssessment, "考核标准(每人每月)", "assessment amount per person per month"},
    {K::estate, "deduction_months_town", T::integer, 0, 120, kAssessment, "镇巡查扣发月数", "months deducted: town inspection"},
    {K::estate, "deduction_months_public", T::integer, 0, 120, kAssessment, "群众举报扣发月数", "months deducted: public report"},
    {K::estate, "deduction_months_county", T::integer, 0, 120, kAssessment, "县巡查扣发月数", "months deducted: county inspection"},
    {K::estate, "deduction_months_city", T::integer, 0, 120, kAssessment, "市巡查扣发月数", "months deducted: city inspection"},
    {K::estate, "deduction_months_province", T::integer, 0, 120, kAssessment, "省巡查扣发月数", "months deducted: province inspection"},
    {K::estate, "assessment_period_months", T::integer, 1, 12, kAssessment, "考核周期(月)", "assessment period (months)"},
    // households and residents
    {K::household, "phone", T::phone, 0, 0, kDeskAndResident, "联系电话", "phone"},
    {K::household, "note", T::text, 0, 2000, kDesk, "备注", "note"},
    {K::resident, "name", T::text, 1, 100, kDeskAndResident, "姓名", "name"},
    {K::resident, "phone", T::phone, 0, 0, kDeskAndResident, "电话", "phone"},
    // staff
    {K::staff, "name", T::text, 1, 100, kOffice, "姓名", "name"},
    {K::staff, "phone", T::phone, 0, 0, kOffice, "电话", "phone"},
    {K::staff, "window", T::text, 0, 100, kOffice, "窗口/岗位", "window / position"},
    // service items
    {K::item, "name_zh", T::text, 1, 200, kOffice, "项目名称(中文)", "item name (Chinese)"},
    {K::item, "name_en", T::text, 0, 200, kOffice, "项目名称(英文)", "item name (English)"},
    {K::item, "unit_zh", T::text, 0, 50, kOffice, "单位(中文)", "unit (Chinese)"},
    {K::item, "unit_en", T::text, 0, 50, kOffice, "单位(英文)", "unit (English)"},
    {K::item, "monthly_cost", T::money, 0, kMaxFen, kOffice, "每月成本", "monthly cost"},
    {K::item, "promised_hours", T::integer, 0, 720, kOffice, "承诺时限(小时)", "promised time (hours)"},
    // complaints
    {K::complaint, "assignee", T::person, 0, 0, kOffice, "处理人", "assignee"},
}};

bool is_phone(std::string_view text) {
    if (text.size() < 3 || text.size() > 20) return false;
    int digits = 0;
    for (char c : text) {
        if (c >= '0' && c <= '9') ++digits;
        else if (c != '+' && c != '-' && c != ' ' && c != '(' && c != ')') return false;
    }
    return digits >= 3;
}

bool later(const FieldEdit& a, const FieldEdit& b) {  // a after b in the total order
    if (a.hlc != b.hlc) return a.hlc > b.hlc;
    if (a.id.device != b.id.device) return a.id.device > b.id.device;
    return a.id.seq > b.id.seq;
}

}  // namespace

const FieldSpec* find_field(RecordKind kind, std::string_view field) {
    for (const auto& spec : kFields)
        if (spec.kind == kind && spec.field == field) return &spec;
    return nullptr;
}

std::span<const FieldSpec> all_fields() { return kFields; }

Errors validate_field_value(const FieldSpec& spec, const FieldValue& value) {
    Errors errors;
    std::string name = std::string(to_string(spec.kind)) + "." + std::string(spec.field);
    const auto* text = std::get_if<std::string>(&value);
    const auto* number = std::get_if<std::int64_t>(&value);
    switch (spec.type) {
        case FieldType::text:
            if (!text) {
                errors.push_back(make_error("field.wrong_type", "value", name + " 应为文字", name + " must be text"));
            } else if (std::int64_t(text->size()) < spec.min || std::int64_t(text->size()) > spec.max) {
                errors.push_back(make_error("field.length", "value", name + " 长度不符合要求",
                                            name + " is too short or too long"));
            }
            break;
        case FieldType::phone:
            if (!text || !is_phone(*text))
                errors.push_back(make_error("field.phone", "value", "电话号码格式不正确: " + name,
                                            "not a phone number: " + name));
            break;
        case FieldType::person:
            if (!text || !is_valid_id(*text))
                errors.push_back(make_error("field.person", "value", "人员编号不正确: " + name,
                                            "not a person id: " + name));
            break;
        case FieldType::integer:
        case FieldType::money:
            if (!number) {
                errors.push_back(make_error("field.wrong_type", "value", name + " 应为整数",
                                            name + " must be a whole number"));
            } else if (*number < spec.min || *number > spec.max) {
                errors.push_back(make_error("field.range", "value",
                                            name + " 超出范围 " + std::to_string(spec.min) + "–" + std::to_string(spec.max),
                                            name + " is outside " + std::to_string(spec.min) + "–" + std::to_string(spec.max)));
            }
            break;
    }
    return errors;
}

std::ostream& operator<<(std::ostream& os, const FieldKey& key) {
    return os << to_string(key.kind) << "/" << key.record << "/" << key.field;
}

void FieldHistory::add(FieldEdit edit) {
    for (const auto& existing : edits)
        if (existing.id == edit.id) return;  // the same edit twice changes nothing
    edits.push_back(std::move(edit));
    std::set<EventId> superseded;
    for (const auto& e : edits) superseded.insert(e.supersedes.begin(), e.supersedes.end());
    heads.clear();
    for (std::size_t i = 0; i < edits.size(); ++i)
        if (!superseded.count(edits[i].id)) heads.push_back(i);
    std::sort(heads.begin(), heads.end(), [&](std::size_t a, std::size_t b) { return later(edits[b], edits[a]); });
}

const FieldEdit* FieldHistory::find(const EventId& id) const {
    for (const auto& e : edits)
        if (e.id == id) return &e;
    return nullptr;
}

std::vector<EventId> FieldHistory::head_ids() const {
    std::vector<EventId> ids;
    for (auto i : heads) ids.push_back(edits[i].id);
    return ids;
}

}  // namespace bianmin
