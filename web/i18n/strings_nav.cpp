// Strings of the app frame: header, navigation (screens.cpp), sign-out.
#include "i18n/i18n.h"

namespace bianmin::i18n {
namespace {

const Entry kNavEntries[] = {
    {"nav.sign_out", "退出登录", "Sign out"},
    {"nav.not_built", "此页面尚在建设中。", "This screen is not built yet."},
    {"nav.resident_home", "我的服务", "My services"},
    {"nav.resident_request", "申请服务", "Ask for a service"},
    {"nav.resident_feedback", "确认与意见", "Confirm & feedback"},
    {"nav.desk_today", "今日工作", "Today"},
    {"nav.desk_register", "登记委托", "Register"},
    {"nav.desk_deliveries", "送货与收费", "Deliveries & fees"},
    {"nav.desk_handover", "交款", "Hand over cash"},
    {"nav.desk_problems", "问题与投诉", "Problems & complaints"},
    {"nav.cashier", "收银", "Cashier"},
    {"nav.office_cycle", "调查与价目表", "Survey & price table"},
    {"nav.office_lists", "名单与登记表", "Lists & registers"},
    {"nav.office_breakeven", "保本情况", "Break-even"},
    {"nav.office_people", "人员与设备", "People & devices"},
    {"nav.conflicts", "修改冲突", "Conflicts"},
    {"nav.gm_decisions", "审批", "Decisions"},
    {"nav.assessment", "绩效考核", "Assessment"},
    {"nav.reports", "报表", "Reports"},
    {"nav.exchange", "数据交换", "Exchange"},
};

}  // namespace

extern const StringTable kNavStrings{kNavEntries};

}  // namespace bianmin::i18n
