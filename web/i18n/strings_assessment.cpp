// Strings of the staff assessment screen (web/screens/screen_assessment*.cpp) [2].
#include "i18n/i18n.h"

namespace bianmin::i18n {
namespace {

const Entry kAssessmentEntries[] = {
    {"assessment.title", "便民服务中心工作人员绩效考核", "Service-window staff assessment"},
    {"assessment.period", "考核期", "Assessment period"},
    {"assessment.period_placeholder", "例如 2024H1", "e.g. 2024H1"},
    {"assessment.period_invalid", "请输入考核期，例如 2024H1（上半年）或 2024H2（下半年）",
     "Enter a period, e.g. 2024H1 (first half) or 2024H2 (second half)"},
    {"assessment.previous_period", "‹ 上一期", "‹ Previous period"},
    {"assessment.next_period", "下一期 ›", "Next period ›"},
    {"assessment.tab_payout", "考核奖发放", "Payout"},
    {"assessment.tab_violations", "违规记录", "Violations"},
    {"assessment.tab_attendance", "签到签退", "Attendance"},
    {"assessment.tab_leave", "请假与外出", "Leave & going out"},
    {"assessment.tab_rating", "年度考核", "Annual rating"},

    // Attendance
    {"assessment.my_attendance", "我的今日考勤", "My attendance today"},
    {"assessment.not_signed_in_today", "今天还没有签到。", "Not signed in today yet."},
    {"assessment.signed_in_at", "签到时间", "Signed in at"},
    {"assessment.signed_out_at", "签退时间", "Signed out at"},
    {"assessment.sign_in", "上班签到", "Sign in"},
    {"assessment.sign_out", "下班签退", "Sign out"},
    {"assessment.signed_in", "已签到", "Signed in"},
    {"assessment.signed_out", "已签退", "Signed out"},
    {"assessment.attendance_of_period", "本期考勤", "Attendance in the period"},
    {"assessment.missing_sign_out", "未签退", "no sign-out"},

    // Leave and going out
    {"assessment.ask_leave", "申请请假或外出（须事先批准）", "Ask for leave or going out (approved in advance)"},
    {"assessment.leave_kind", "类别", "Kind"},
    {"assessment.kind_leave", "请假", "Leave"},
    {"assessment.kind_going_out", "上班时间外出", "Going out during work"},
    {"assessment.leave_from", "开始日期", "From (date)"},
    {"assessment.leave_from_time", "开始时间", "From (time)"},
    {"assessment.leave_to", "结束日期", "To (date)"},
    {"assessment.leave_to_time", "结束时间", "To (time)"},
    {"assessment.time_placeholder", "例如 09:30", "e.g. 09:30"},
    {"assessment.time_invalid", "请输入时间，例如 09:30", "Enter a time of day, e.g. 09:30"},
    {"assessment.leave_reason", "事由", "Reason"},
    {"assessment.submit_leave", "提交申请", "Ask"},
    {"assessment.leave_times_needed", "请填写有效的开始和结束日期与时间", "Enter a valid start and end date and time"},
    {"assessment.leave_asked", "申请已提交，等待批准", "Asked; waiting for approval"},
    {"assessment.pending_leave", "待审批的请假和外出", "Leave and going out to decide"},
    {"assessment.no_pending_leave", "没有待审批的申请。", "Nothing to decide."},
    {"assessment.approve", "批准", "Approve"},
    {"assessment.reject", "不批准", "Refuse"},
    {"assessment.decision_comment", "审批意见（不批准时必填）", "Comment (required when refusing)"},
    {"assessment.leave_decided", "已审批", "Decided"},
    {"assessment.leave_of_period", "本期请假和外出", "Leave and going out in the period"},

    // Violations
    {"assessment.record_violation", "记录违规（检查发现或群众举报）", "Record a violation (inspection or public report)"},
    {"assessment.only_group_records", "违规和年度考核由考核领导小组记录；这里可以查看。",
     "The assessment group records violations and annual ratings; here you can view them."},
    {"assessment.no_window_staff", "还没有窗口工作人员。", "There are no window staff yet."},
    {"assessment.violation_staff", "员工", "Staff member"},
    {"assessment.conduct_item", "违反的考核内容", "Conduct item broken"},
    {"assessment.source", "发现来源", "Found by"},
    {"assessment.deducts_months", "扣 {0} 个月", "deducts {0} month(s)"},
    {"assessment.found_on", "发现日期", "Date found"},
    {"assessment.extra_months", "情节严重加扣月数", "Extra months (serious cases)"},
    {"assessment.note", "情况说明", "Details"},
    {"assessment.number_invalid", "请输入整数", "Enter a whole number"},
    {"assessment.date_needed", "请填写有效日期", "Enter a valid date"},
    {"assessment.deduction_preview", "将扣发", "Will deduct"},
    {"assessment.months_amount", "{0} 个月，共 {1}", "{0} month(s), {1}"},
    {"assessment.province_warning", "省级通报：该员工本年度不能评为称职及以上等次。",
     "Province level: this person cannot be rated competent or better this year."},
    {"assessment.save_violation", "保存违规记录", "Save the violation"},
    {"assessment.violation_saved", "违规记录已保存", "Violation saved"},
    {"assessment.violations_of_period", "本期违规（点击一行可撤销）", "Violations in the period (tap a row to withdraw)"},
    {"assessment.withdrawn", "已撤销", "withdrawn"},
    {"assessment.standing", "有效", "standing"},
    {"assessment.withdraw_which", "撤销违规记录", "Withdraw violation"},
    {"assessment.withdraw_reason", "撤销原因", "Reason for withdrawing"},
    {"assessment.withdraw", "撤销", "Withdraw"},
    {"assessment.violation_withdrawn", "违规记录已撤销", "Violation withdrawn"},

    // Payout
    {"assessment.monthly_amount", "考核奖（每人每月）", "Reward per person per month"},
    {"assessment.period_label", "考核期", "Period"},
    {"assessment.total_payout", "实发合计", "Total payout"},
    {"assessment.carry_note", "有 {0} 的扣发超过本期金额，结转到下期继续扣发。",
     "{0} of deductions exceed this period's amounts and carry into the next period."},
    {"assessment.payout_explained",
     "实发 = 在岗月数 × 每月金额 − 本期扣发 − 上期结转；不足扣的部分结转下期。",
     "Payout = months employed × monthly amount − this period's deductions − carried in; what cannot be "
     "deducted carries over."},

    // Annual rating
    {"assessment.record_rating", "记录年度考核等次", "Record an annual rating"},
    {"assessment.rating_staff", "员工", "Staff member"},
    {"assessment.rating_year", "年度", "Year"},
    {"assessment.rating", "等次", "Rating"},
    {"assessment.rating_comment", "评语", "Comment"},
    {"assessment.province_bar", "该员工本年度在省级巡查中被通报，不能评为称职及以上等次。",
     "A province-level violation this year: this person cannot be rated competent or better."},
    {"assessment.save_rating", "保存考核等次", "Save the rating"},
    {"assessment.rating_saved", "年度考核等次已保存", "Rating saved"},
    {"assessment.ratings", "年度考核等次", "Annual ratings"},

    // Table columns
    {"assessment.col.day", "日期", "Day"},
    {"assessment.col.staff", "员工", "Staff"},
    {"assessment.col.first_in", "签到", "Signed in"},
    {"assessment.col.last_out", "签退", "Signed out"},
    {"assessment.col.sign_ins", "签到/签退次数", "Ins/outs"},
    {"assessment.col.note", "备注", "Note"},
    {"assessment.col.kind", "类别", "Kind"},
    {"assessment.col.from", "开始", "From"},
    {"assessment.col.to", "结束", "To"},
    {"assessment.col.reason", "事由", "Reason"},
    {"assessment.col.status", "状态", "Status"},
    {"assessment.col.decided_by", "审批人", "Decided by"},
    {"assessment.col.comment", "意见", "Comment"},
    {"assessment.col.found_on", "发现日期", "Found on"},
    {"assessment.col.source", "来源", "Found by"},
    {"assessment.col.conduct", "考核内容", "Conduct item"},
    {"assessment.col.months", "扣发月数", "Months"},
    {"assessment.col.amount", "扣发金额", "Amount"},
    {"assessment.col.recorded_by", "记录人", "Recorded by"},
    {"assessment.col.year", "年度", "Year"},
    {"assessment.col.rating", "等次", "Rating"},
};

}  // namespace

extern const StringTable kAssessmentStrings{kAssessmentEntries};

}  // namespace bianmin::i18n
