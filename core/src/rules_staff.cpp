// Rules: staff attendance (sign-in/out), leave and going-out approvals, violations and
// the annual rating [2].
//
// Index
// [SECTION] Attendance
// [SECTION] Leave and going out
// [SECTION] Violations and ratings
#include <algorithm>

#include "rules.hpp"

namespace bianmin::rules {
namespace {

std::int64_t day_number(const State& s, std::int64_t ms) { return days_from_civil(date_at(s, ms)); }

const AttendanceDay* attendance_day(const State& s, const std::string& person, std::int64_t day) {
    auto p = s.attendance.find(person);
    if (p == s.attendance.end()) return nullptr;
    auto d = p->second.find(day);
    return d == p->second.end() ? nullptr : &d->second;
}

bool province_violation_in(const State& s, const std::string& person, std::int64_t year) {
    for (const auto& [id, v] : s.violations)
        if (v.def.person_id == person && !v.withdrawn && v.def.source == ViolationSource::province_inspection &&
            v.def.found_on.year == year)
            return true;
    return false;
}

constexpr std::int64_t kGraceMs = 5 * kMsPerMinute;  // "in advance" allows for typing time

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Attendance
//-----------------------------------------------------------------------------

void check(const State& s, const Event& e, const SignedIn& p, Errors& out) {
    const AttendanceDay* day = attendance_day(s, who(e), day_number(s, when(e)));
    if (day && day->sign_ins > day->sign_outs)
        fail(out, "attendance.already_signed_in", "actor", "今天已签到", "already signed in today");
    limit_text(out, "attendance", "note", p.note, kNameText);
}

void apply(State& s, const Event& e, const SignedIn&) {
    AttendanceDay& day = s.attendance[who(e)][day_number(s, when(e))];
    if (day.first_in_ms == 0) day.first_in_ms = when(e);
    day.sign_ins += 1;
}

void check(const State& s, const Event& e, const SignedOut& p, Errors& out) {
    const AttendanceDay* day = attendance_day(s, who(e), day_number(s, when(e)));
    if (!day || day->sign_ins == 0)
        fail(out, "attendance.not_signed_in", "actor", "今天尚未签到", "not signed in today");
    else if (day->sign_outs >= day->sign_ins)
        fail(out, "attendance.already_signed_out", "actor", "已签退", "already signed out");
    limit_text(out, "attendance", "note", p.note, kNameText);
}

void apply(State& s, const Event& e, const SignedOut&) {
    AttendanceDay& day = s.attendance[who(e)][day_number(s, when(e))];
    day.last_out_ms = when(e);
    day.sign_outs += 1;
}

//-----------------------------------------------------------------------------
// [SECTION] Leave and going out
//-----------------------------------------------------------------------------

void check(const State& s, const Event& e, const LeaveRequested& p, Errors& out) {
    need_id(out, "leave", "leave_id", p.leave_id);
    if (s.leaves.count(p.leave_id)) fail(out, "leave.duplicate_id", "leave_id", "请假编号已存在", "this leave id already exists");
    if (p.to_ms <= p.from_ms || p.to_ms - p.from_ms > 90 * kMsPerDay)
        fail(out, "leave.bad_range", "to_ms", "结束时间须晚于开始时间,且不超过90天", "the end must be after the start, at most 90 days");
    else if (p.kind == LeaveKind::going_out && p.to_ms - p.from_ms > 12 * kMsPerHour)
        fail(out, "leave.going_out_too_long", "to_ms", "外出不超过12小时,更长请请假", "going out is at most 12 hours: ask for leave instead");
    if (p.from_ms < when(e) - kGraceMs)
        fail(out, "leave.not_in_advance", "from_ms", "请假和外出须事先申请批准", "leave and going out must be asked for in advance");
    need_text(out, "leave.reason_required", "reason", p.reason, kLongText, "事由", "reason");
    for (const auto& [id, other] : s.leaves)
        if (other.person_id == who(e) && other.status != LeaveStatus::rejected && other.def.from_ms < p.to_ms &&
            p.from_ms < other.def.to_ms) {
            fail(out, "leave.overlap", "from_ms", "与已有的请假/外出时间重叠", "overlaps another leave or going-out");
            break;
        }
}

void apply(State& s, const Event& e, const LeaveRequested& p) {
    LeaveRecord r;
    r.def = p;
    r.person_id = who(e);
    r.requested_ms = when(e);
    s.leaves[p.leave_id] = std::move(r);
}

void check(const State& s, const Event& e, const LeaveDecided& p, Errors& out) {
    auto it = s.leaves.find(p.leave_id);
    if (it == s.leaves.end()) {
        fail(out, "leave.unknown", "leave_id", "没有这条请假申请", "no such leave request");
        return;
    }
    if (it->second.status != LeaveStatus::pending)
        fail(out, "leave.already_decided", "leave_id", "该申请已审批", "this request has already been decided");
    if (it->second.person_id == who(e))
        fail(out, "leave.self_approval", "actor", "不能审批自己的请假", "you cannot decide your own leave");
    if (p.approved) limit_text(out, "leave", "comment", p.comment, kLongText);
    else need_text(out, "leave.comment_required", "comment", p.comment, kLongText, "不批准的理由", "reason for refusing");
}

void apply(State& s, const Event& e, const LeaveDecided& p) {
    auto& r = s.leaves[p.leave_id];
    r.status = p.approved ? LeaveStatus::approved : LeaveStatus::rejected;
    r.decided_by = who(e);
    r.decided_ms = when(e);
    r.comment = p.comment;
}

//-----------------------------------------------------------------------------
// [SECTION] Violations and ratings
//-----------------------------------------------------------------------------

void check(const State& s, const Event& e, const ViolationRecorded& p, Errors& out) {
    need_id(out, "violation", "violation_id", p.violation_id);
    if (s.violations.count(p.violation_id))
        fail(out, "violation.duplicate_id", "violation_id", "违规记录编号已存在", "this violation id already exists");
    if (!s.find_staff(p.person_id))
        fail(out, "violation.unknown_staff", "person_id", "没有这名员工", "no such staff member");
    if (p.person_id == who(e))
        fail(out, "violation.self", "person_id", "不能记录自己的违规", "you cannot record your own violation");
    if (p.conduct_item < 1 || p.conduct_item > kConductItemCount)
        fail(out, "violation.bad_item", "conduct_item", "考核内容应为第1–8项", "the conduct item must be 1–8");
    if (!is_valid_date(p.found_on.year, p.found_on.month, p.found_on.day) || p.found_on > date_at(s, when(e)))
        fail(out, "violation.bad_date", "found_on", "发现日期不正确或在未来", "the date found is invalid or in the future");
    if (p.extra_months < 0 || p.extra_months > 120)
        fail(out, "violation.bad_extra", "extra_months", "加扣月数应为0–120", "extra months must be 0–120");
    limit_text(out, "violation", "note", p.note, kLongText);
}

void apply(State& s, const Event& e, const ViolationRecorded& p) {
    s.violations[p.violation_id] = ViolationRecord{p, who(e), when(e), false, ""};
}

void check(const State& s, const Event&, const ViolationWithdrawn& p, Errors& out) {
    auto it = s.violations.find(p.violation_id);
    if (it == s.violations.end()) fail(out, "violation.unknown", "violation_id", "没有这条违规记录", "no such violation");
    else if (it->second.withdrawn)
        fail(out, "violation.already_withdrawn", "violation_id", "该违规记录已撤销", "this violation is already withdrawn");
    need_text(out, "violation.reason_required", "reason", p.reason, kLongText, "撤销原因", "reason for withdrawing");
}

void apply(State& s, const Event&, const ViolationWithdrawn& p) {
    auto& v = s.violations[p.violation_id];
    v.withdrawn = true;
    v.withdraw_reason = p.reason;
}

void check(const State& s, const Event& e, const AnnualRatingRecorded& p, Errors& out) {
    if (!s.find_staff(p.person_id)) fail(out, "rating.unknown_staff", "person_id", "没有这名员工", "no such staff member");
    if (p.person_id == who(e)) fail(out, "rating.self", "person_id", "不能评定自己", "you cannot rate yourself");
    if (p.year < 2000 || p.year > 2100) fail(out, "rating.bad_year", "year", "年份应在2000–2100之间", "the year must be 2000–2100");
    // [2-3.2] 4: a province-level violation bars 'competent' and better that year.
    if ((p.rating == AnnualRating::competent || p.rating == AnnualRating::excellent) &&
        province_violation_in(s, p.person_id, p.year))
        fail(out, "assessment.province_bar", "rating",
             "该员工本年度在省级巡查中被通报,年度考核不能确定为称职及以上等次",
             "a province-level violation this year bars a rating of competent or better");
    limit_text(out, "rating", "comment", p.comment, kLongText);
}

void apply(State& s, const Event& e, const AnnualRatingRecorded& p) {
    s.ratings[pair_key(p.person_id, std::to_string(p.year))] = RatingRecord{p, who(e), when(e)};
}

}  // namespace bianmin::rules
