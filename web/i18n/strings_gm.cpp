// Strings of the general manager's decisions screen (web/screens/screen_gm_decisions.cpp).
#include "i18n/i18n.h"

namespace bianmin::i18n {
namespace {

const Entry kGmEntries[] = {
    {"gm.title", "审批与决定", "Decisions"},
    {"gm.tab_tables", "价格表审批", "Price tables"},
    {"gm.tab_problems", "重大问题", "Escalated problems"},
    {"gm.tab_stops", "停止项目", "Stopping items"},
    {"gm.tab_quality", "质量评价", "Quality evaluation"},
    {"gm.tables.choose", "待审批的价格表", "Waiting for approval"},
    {"gm.tables.none", "没有待审批的价格表。", "No price table is waiting for approval."},
    {"gm.tables.drafted_by", "起草人", "Drafted by"},
    {"gm.tables.note", "说明", "Note"},
    {"gm.tables.comment", "审批意见", "Comment"},
    {"gm.tables.comment_placeholder", "退回时必须填写理由", "Required when rejecting"},
    {"gm.tables.approve", "批准", "Approve"},
    {"gm.tables.reject", "退回", "Reject"},
    {"gm.tables.approved", "已批准价格表", "Price table approved"},
    {"gm.tables.rejected", "已退回价格表", "Price table rejected"},
    {"gm.problems.choose", "待决定的问题", "Problems to decide"},
    {"gm.problems.none", "没有报到总经理的问题。", "No problem is waiting for the general manager."},
    {"gm.problems.summary", "问题", "Problem"},
    {"gm.problems.reported_by", "报告人", "Reported by"},
    {"gm.problems.item", "服务项目", "Item"},
    {"gm.problems.household", "住户", "Household"},
    {"gm.problems.escalated", "上报", "Escalated"},
    {"gm.problems.decision", "处理决定", "Decision"},
    {"gm.problems.decide", "作出决定", "Decide"},
    {"gm.problems.decided", "已作出决定", "Decision recorded"},
    {"gm.stops.choose", "申请停止的项目", "Items asked to stop"},
    {"gm.stops.none", "没有待审批的停止申请。", "No stop request is waiting."},
    {"gm.stops.reason", "停止原因", "Reason"},
    {"gm.stops.requested_by", "申请人", "Asked by"},
    {"gm.stops.subscribers", "当前长期户数", "Subscribers now"},
    {"gm.stops.effect", "批准后该项目停止，其全部委托单随之停止，押金待结算。",
     "Approving stops the item and all its forms; deposits then wait for settlement."},
    {"gm.stops.comment", "意见（不同意时必填）", "Comment (required when refusing)"},
    {"gm.stops.approve", "同意停止", "Approve stopping"},
    {"gm.stops.refuse", "不同意", "Refuse"},
    {"gm.stops.approved", "已同意停止该项目", "Stopping approved"},
    {"gm.stops.refused", "已不同意停止", "Stopping refused"},
    {"gm.quality.heading", "服务质量评价", "Quality evaluation"},
    {"gm.quality.item", "服务项目", "Item"},
    {"gm.quality.period", "考核期", "Period"},
    {"gm.quality.period_placeholder", "例如 2024H1", "e.g. 2024H1"},
    {"gm.quality.rating", "评价", "Rating"},
    {"gm.quality.comment", "评语", "Comment"},
    {"gm.quality.record", "记录评价", "Record the evaluation"},
    {"gm.quality.recorded", "已记录质量评价", "Quality evaluation recorded"},
    {"gm.quality.col_item", "服务项目", "Item"},
    {"gm.quality.col_period", "考核期", "Period"},
    {"gm.quality.col_rating", "评价", "Rating"},
    {"gm.quality.col_by", "评价人", "By"},
    {"gm.quality.col_comment", "评语", "Comment"},
};

}  // namespace

extern const StringTable kGmStrings{kGmEntries};

}  // namespace bianmin::i18n
