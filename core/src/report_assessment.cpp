// The staff assessment [2]: half-year payout with deductions carried over, attendance,
// leave, promised times, the GM's quality evaluation, the province-level bar.
#include <algorithm>
#include <set>

#include "bianmin/queries.hpp"
#include "bianmin/reports.hpp"

namespace bianmin {
namespace {

struct PeriodMoney {
    std::int64_t months_employed = 0;
    Fen base, deductions;
    std::vector<AssessmentViolation> violations;
};

bool employed_in(const StaffRecord& staff, YearMonth m, int tz) {
    std::int64_t start = month_start_ms(m, tz), end = month_end_ms(m, tz);
    return staff.registered_ms < end && (staff.active || staff.deactivated_ms >= start);
}

PeriodMoney money_of(const State& s, const StaffRecord& staff, const Period& p) {
    PeriodMoney out;
    const int tz = s.settings.tz_offset_minutes;
    for (YearMonth m = p.first_month(); m <= p.last_month(); m = m.next())
        if (employed_in(staff, m, tz)) out.months_employed += 1;
    out.base = Fen{s.settings.assessment_monthly.value * out.months_employed};
    for (const auto& [id, v] : s.violations) {
        if (v.def.person_id != staff.person_id || v.withdrawn || !p.contains(month_of(v.def.found_on))) continue;
        AssessmentViolation av{id, v.def.found_on, v.def.source, v.def.conduct_item,
                               s.settings.deduction_months(v.def.source) + v.def.extra_months, {}};
        av.amount = Fen{av.months * s.settings.assessment_monthly.value};
        out.deductions += av.amount;
        out.violations.push_back(av);
    }
    return out;
}

int severity(QualityRating r) { return int(r); }  // excellent=0 .. poor=3

}  // namespace

bool is_window_staff(const StaffRecord& staff) {
    return !staff.window.empty() || staff.has_role(Role::front_desk) || staff.has_role(Role::service_worker) ||
           staff.has_role(Role::cashier);
}

AssessmentReport assessment_report(const State& s, const Period& period, std::int64_t now_ms) {
    AssessmentReport r;
    r.period = period;
    r.monthly = s.settings.assessment_monthly;
    const int tz = s.settings.tz_offset_minutes;
    const std::int64_t start = month_start_ms(period.first_month(), tz);
    const std::int64_t end = month_end_ms(period.last_month(), tz);
    const std::int64_t day_first = days_from_civil(LocalDate{period.first_month().year, period.first_month().month, 1});
    const std::int64_t day_end = days_from_civil(LocalDate{period.last_month().next().year, period.last_month().next().month, 1});
    for (const auto& [person, staff] : s.staff) {
        if (!is_window_staff(staff) || staff.registered_ms >= end) continue;
        if (!staff.active && staff.deactivated_ms < start) continue;
        AssessmentRow row;
        row.person_id = person;
        row.name = staff.name;
        row.window = staff.window;
        // Carry unused deductions through every period since the person started.
        Period p = Period::containing(local_month(staff.registered_ms, tz), period.months);
        Fen carry;
        for (int guard = 0; p.year < period.year || (p.year == period.year && p.index < period.index); p = p.next()) {
            if (++guard > 1200) break;
            PeriodMoney earlier = money_of(s, staff, p);
            Fen due = earlier.deductions + carry;
            carry = due > earlier.base ? due - earlier.base : Fen{0};
        }
        PeriodMoney now = money_of(s, staff, period);
        row.months_employed = now.months_employed;
        row.base = now.base;
        row.violations = now.violations;
        row.deductions = now.deductions;
        row.carry_in = carry;
        Fen due = now.deductions + carry;
        row.payout = due > now.base ? Fen{0} : now.base - due;
        row.carry_out = due > now.base ? due - now.base : Fen{0};
        // Attendance and leave in the period.
        auto days = s.attendance.find(person);
        if (days != s.attendance.end())
            for (auto it = days->second.lower_bound(day_first); it != days->second.end() && it->first < day_end; ++it) {
                if (it->second.sign_ins > 0) row.days_signed_in += 1;
                if (it->second.sign_ins > it->second.sign_outs) row.missing_sign_outs += 1;
            }
        for (const auto& [id, leave] : s.leaves) {
            if (leave.person_id != person || leave.def.from_ms >= end || leave.def.to_ms <= start) continue;
            if (leave.status == LeaveStatus::approved)
                (leave.def.kind == LeaveKind::leave ? row.leaves_approved : row.going_out_approved) += 1;
            if (leave.status == LeaveStatus::rejected) row.leaves_rejected += 1;
        }
        // Promised times [2-2.6] of requests they own that fell due in the period.
        const std::int64_t cutoff = std::min(now_ms, end);
        for (const RequestRecord* req : requests_owned_by(s, person)) {
            if (req->def.due_ms < start || req->def.due_ms >= end) continue;
            if (req->finished_late()) row.requests_late += 1;
            else if (req->overdue_at(cutoff)) row.requests_overdue += 1;
        }
        // The GM's quality evaluation [3-4.5.4] of the items they delivered.
        std::set<std::string> served;
        for (const auto& [id, d] : s.deliveries)
            if (d.worker == person && d.ms >= start && d.ms < end) served.insert(d.def.item_id);
        for (const auto& item : served) {
            auto q = s.quality.find(pair_key(item, period.label()));
            if (q == s.quality.end()) continue;
            if (!row.worst_quality || severity(q->second.def.rating) > severity(*row.worst_quality))
                row.worst_quality = q->second.def.rating;
        }
        // [2-3.2] 4: a province-level violation bars 'competent' for the year.
        for (const auto& [id, v] : s.violations)
            if (v.def.person_id == person && !v.withdrawn && v.def.source == ViolationSource::province_inspection &&
                v.def.found_on.year == period.year)
                row.province_bar = true;
        auto rating = s.ratings.find(pair_key(person, std::to_string(period.year)));
        if (rating != s.ratings.end()) row.annual_rating = rating->second.def.rating;
        r.total_payout += row.payout;
        r.rows.push_back(std::move(row));
    }
    return r;
}

Table to_table(const AssessmentReport& r, Language l) {
    const bool zh = l == Language::zh;
    Table t;
    t.title_zh = "便民服务中心工作人员绩效考核 " + r.period.label() + "(每人每月 " + format_fen(r.monthly, MoneyLocale::Chinese) + ")";
    t.title_en = "Window staff assessment " + r.period.label() + " (" + format_fen(r.monthly, MoneyLocale::English) + " per person per month)";
    t.columns = {{"person", "员工", "staff"},
                 {"months", "在岗月数", "months", true},
                 {"base", "考核金额", "base", true},
                 {"violations", "违规", "violations"},
                 {"deductions", "本期扣发", "deducted", true},
                 {"carry_in", "上期结转扣发", "carried in", true},
                 {"payout", "实发", "payout", true},
                 {"carry_out", "结转下期", "carried over", true},
                 {"attendance", "签到天数/未签退", "days in / no sign-out"},
                 {"leave", "请假/外出(批准)", "leave / going out"},
                 {"late", "超时办件", "late requests", true},
                 {"quality", "质量评价", "quality"},
                 {"rating", "年度等次", "annual rating"}};
    for (const auto& row : r.rows) {
        std::string violations;
        for (const auto& v : row.violations) {
            if (!violations.empty()) violations += "; ";
            violations += to_string(v.found_on) + " " + std::string(zh ? label_zh(v.source) : label_en(v.source)) + " #" +
                          std::to_string(v.conduct_item) + " " + std::to_string(v.months) + (zh ? "个月" : " mo");
        }
        std::string rating = row.annual_rating ? std::string(zh ? label_zh(*row.annual_rating) : label_en(*row.annual_rating)) : "";
        if (row.province_bar) rating += zh ? (rating.empty() ? "不得评为称职及以上" : "(不得评为称职及以上)")
                                           : (rating.empty() ? "barred from competent" : " (barred from competent)");
        std::string quality = row.worst_quality ? std::string(zh ? label_zh(*row.worst_quality) : label_en(*row.worst_quality)) : "";
        t.add_row({row.name + " (" + row.person_id + ")", std::to_string(row.months_employed), format_yuan_plain(row.base),
                   violations, format_yuan_plain(row.deductions), format_yuan_plain(row.carry_in), format_yuan_plain(row.payout),
                   format_yuan_plain(row.carry_out),
                   std::to_string(row.days_signed_in) + "/" + std::to_string(row.missing_sign_outs),
                   std::to_string(row.leaves_approved) + "/" + std::to_string(row.going_out_approved),
                   std::to_string(row.requests_late + row.requests_overdue), quality, rating});
    }
    t.notes_zh.push_back("实发合计 " + format_fen(r.total_payout, MoneyLocale::Chinese));
    t.notes_en.push_back("total payout " + format_fen(r.total_payout, MoneyLocale::English));
    return t;
}

}  // namespace bianmin
