// Rules: serving a resident — entrustment forms, requests with promised times,
// deliveries and confirmations, stopping; problems, complaints, return visits,
// quality evaluation, drinking-water stock.
//
// Index
// [SECTION] Entrustment forms
// [SECTION] Requests
// [SECTION] Deliveries
// [SECTION] Problems
// [SECTION] Complaints and return visits
// [SECTION] Quality and water stock
#include <algorithm>

#include "bianmin/registers.hpp"
#include "rules.hpp"

namespace bianmin::rules {
namespace {

const ItemRecord* need_active_item(const State& s, const std::string& item_id, std::string_view area, Errors& out) {
    const ItemRecord* item = s.find_item(item_id);
    if (!item) {
        fail(out, std::string(area) + ".unknown_item", "item_id", "没有这个服务项目: " + item_id,
             "no such service item: " + item_id);
    } else if (item->status == ItemStatus::stopped) {
        fail(out, std::string(area) + ".item_stopped", "item_id", "该服务项目已停止: " + item->def.name_zh,
             "this service item has been stopped: " + item->def.name_en);
    }
    return item;
}

void need_household(const State& s, const std::string& id, std::string_view area, Errors& out) {
    if (!s.find_household(id))
        fail(out, std::string(area) + ".unknown_household", "household_id", "没有这户: " + id, "no such household: " + id);
}

void need_satisfaction(Errors& out, std::string_view area, std::int64_t value) {
    if (value < 1 || value > 5)
        fail(out, std::string(area) + ".bad_satisfaction", "satisfaction", "满意度应为1–5分", "satisfaction must be 1–5");
}

bool is_staff_role(Role r) { return r != Role::resident; }

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entrustment forms
//-----------------------------------------------------------------------------

void check(const State& s, const Event& e, const EntrustmentRegistered& p, Errors& out) {
    need_id(out, "entrustment", "form_id", p.form_id);
    if (s.forms.count(p.form_id))
        fail(out, "entrustment.duplicate_id", "form_id", "委托单编号已存在", "this form id already exists");
    need_household(s, p.household_id, "entrustment", out);
    const ItemRecord* item = need_active_item(s, p.item_id, "entrustment", out);
    if (item && !current_price_row(s, p.item_id))
        fail(out, "entrustment.item_not_published", "item_id", "该项目不在已公告的价格表中: " + item->def.name_zh,
             "this item is not on the published price table: " + item->def.name_en);
    need_text(out, "entrustment.name_required", "resident_name", p.resident_name, kShortText, "业主姓名", "resident's name");
    need_phone(out, "entrustment.bad_phone", "phone", p.phone, true);
    limit_text(out, "entrustment", "note", p.note, kLongText);
    need_signature(out, "signature", p.signature, false);
    if (e.actor.role == Role::resident && p.channel != RequestChannel::app)
        fail(out, "entrustment.channel", "channel", "住户自己在应用中登记时,方式应为“应用内申请”",
             "a resident registering in the app must use the app channel");
    if (p.kind == EntrustmentKind::long_term && open_form(s, p.household_id, p.item_id))
        fail(out, "entrustment.already_subscribed", "item_id", "该户已登记此项长期服务",
             "this household already has a long-term form for this item");
    if (!item) return;
    // Register columns [3-5]: the details each register of the item needs.
    for (RegisterKind r : item->def.registers)
        for (const auto& d : register_details(r)) {
            auto it = p.details.find(std::string(d.key));
            if (d.required && (it == p.details.end() || it->second.empty()))
                fail(out, "entrustment.detail_missing", "details." + std::string(d.key),
                     "请填写“" + std::string(d.zh) + "”(" + std::string(label_zh(r)) + ")",
                     "please fill in \"" + std::string(d.en) + "\" (" + std::string(label_en(r)) + ")");
        }
    for (const auto& [key, value] : p.details) {
        bool known = false;
        for (RegisterKind r : item->def.registers) known = known || find_detail(r, key) != nullptr;
        if (!known)
            fail(out, "entrustment.unknown_detail", "details." + key, "该项目没有这一登记栏目: " + key,
                 "this item's registers have no column " + key);
        limit_text(out, "entrustment", "details." + key, value, kNameText);
    }
}

void apply(State& s, const Event& e, const EntrustmentRegistered& p) {
    FormRecord form;
    form.def = p;
    form.registered_by = who(e);
    form.registered_ms = when(e);
    if (!p.signature.empty()) form.signed_ms = when(e);
    if (p.kind == EntrustmentKind::long_term) s.open_forms[pair_key(p.household_id, p.item_id)] = p.form_id;
    s.forms[p.form_id] = std::move(form);
}

void check(const State& s, const Event&, const EntrustmentSigned& p, Errors& out) {
    const FormRecord* form = s.find_form(p.form_id);
    if (!form) {
        fail(out, "entrustment.unknown_form", "form_id", "没有这张委托单", "no such entrustment form");
        return;
    }
    if (form->is_signed()) fail(out, "entrustment.already_signed", "form_id", "委托单已签名", "the form is already signed");
    if (form->stopped) fail(out, "entrustment.stopped", "form_id", "该服务已停止", "this service has been stopped");
    need_signature(out, "signature", p.signature, true);
}

void apply(State& s, const Event& e, const EntrustmentSigned& p) {
    auto it = s.forms.find(p.form_id);
    if (it == s.forms.end()) return;
    it->second.def.signature = p.signature;
    it->second.signed_ms = when(e);
}

void check(const State& s, const Event&, const ServiceStopped& p, Errors& out) {
    const FormRecord* form = s.find_form(p.form_id);
    if (!form) {
        fail(out, "stop.unknown_form", "form_id", "没有这张委托单", "no such entrustment form");
        return;
    }
    if (form->stopped) fail(out, "stop.already_stopped", "form_id", "该服务已停止", "this service has already been stopped");
    need_text(out, "stop.reason_required", "reason", p.reason, kLongText, "停止原因(请问明原因)",
              "reason (ask the resident why)");
}

void apply(State& s, const Event& e, const ServiceStopped& p) {
    auto it = s.forms.find(p.form_id);
    if (it == s.forms.end()) return;
    FormRecord& form = it->second;
    form.stopped = true;
    form.stopped_ms = when(e);
    form.stop_code = p.reason_code;
    form.stop_reason = p.reason;
    form.stopped_by = who(e);
    auto key = pair_key(form.def.household_id, form.def.item_id);
    auto open = s.open_forms.find(key);
    if (open != s.open_forms.end() && open->second == p.form_id) s.open_forms.erase(open);
}

//-----------------------------------------------------------------------------
// [SECTION] Requests
//-----------------------------------------------------------------------------

void check(const State& s, const Event& e, const ServiceRequested& p, Errors& out) {
    need_id(out, "request", "request_id", p.request_id);
    if (s.requests.count(p.request_id))
        fail(out, "request.duplicate_id", "request_id", "请求编号已存在", "this request id already exists");
    need_household(s, p.household_id, "request", out);
    const ItemRecord* item = need_active_item(s, p.item_id, "request", out);
    if (item && !current_price_row(s, p.item_id))
        fail(out, "request.item_not_published", "item_id", "该项目不在已公告的价格表中", "this item is not on the published price table");
    if (!p.form_id.empty()) {
        const FormRecord* form = s.find_form(p.form_id);
        if (!form || form->def.household_id != p.household_id || form->def.item_id != p.item_id)
            fail(out, "request.form_mismatch", "form_id", "委托单与住户或项目不符", "the form is not this household's form for this item");
        else if (form->stopped)
            fail(out, "request.form_stopped", "form_id", "该服务已停止", "this service has been stopped");
    }
    need_text(out, "request.detail_required", "detail", p.detail, kLongText, "服务内容", "description of what is needed");
    if (p.due_ms <= when(e))
        fail(out, "request.bad_due", "due_ms", "承诺完成时间必须晚于登记时间", "the promised time must be after the request");
}

void apply(State& s, const Event& e, const ServiceRequested& p) {
    RequestRecord r;
    r.def = p;
    r.created_by = who(e);
    r.created_ms = when(e);
    if (is_staff_role(e.actor.role)) r.owner = who(e);  // first contact owns it
    s.requests[p.request_id] = std::move(r);
}

void check(const State& s, const Event& e, const RequestHandedOn& p, Errors& out) {
    auto it = s.requests.find(p.request_id);
    if (it == s.requests.end()) {
        fail(out, "request.unknown", "request_id", "没有这个服务请求", "no such request");
        return;
    }
    const RequestRecord& r = it->second;
    if (r.done()) fail(out, "request.done", "request_id", "请求已办结", "the request is already done");
    const StaffRecord* to = s.find_staff(p.to_person);
    if (!to || !to->active)
        fail(out, "request.unknown_staff", "to_person", "接手人必须是在职员工", "the new owner must be an active staff member");
    if (p.to_person == r.owner)
        fail(out, "request.same_owner", "to_person", "接手人就是当前负责人", "that person already owns the request");
    if (!r.owner.empty()) {
        if (r.owner != who(e) && e.actor.role != Role::office_manager)
            fail(out, "request.not_owner", "actor", "首问责任:只有负责人(或管理处经理)可以转交",
                 "first-contact rule: only the owner (or the office manager) may hand it on");
        need_text(out, "request.reason_required", "reason", p.reason, kLongText, "转交原因", "reason for handing on");
    } else {
        limit_text(out, "request", "reason", p.reason, kLongText);
    }
}

void apply(State& s, const Event& e, const RequestHandedOn& p) {
    auto it = s.requests.find(p.request_id);
    if (it == s.requests.end()) return;
    it->second.handoffs.push_back(Handoff{it->second.owner, p.to_person, p.reason, who(e), when(e)});
    it->second.owner = p.to_person;
}

//-----------------------------------------------------------------------------
// [SECTION] Deliveries
//-----------------------------------------------------------------------------

void check(const State& s, const Event& e, const DeliveryLogged& p, Errors& out) {
    need_id(out, "delivery", "delivery_id", p.delivery_id);
    if (s.deliveries.count(p.delivery_id))
        fail(out, "delivery.duplicate_id", "delivery_id", "服务记录编号已存在", "this delivery id already exists");
    need_household(s, p.household_id, "delivery", out);
    const ItemRecord* item = need_active_item(s, p.item_id, "delivery", out);
    if (p.quantity < 1 || p.quantity > 10'000)
        fail(out, "delivery.bad_quantity", "quantity", "数量应为1–10000", "the quantity must be 1–10000");
    limit_text(out, "delivery", "note", p.note, kLongText);
    if (p.form_id.empty() && p.request_id.empty())
        fail(out, "delivery.no_form_or_request", "form_id", "服务记录须对应委托单或服务请求",
             "a delivery must belong to an entrustment form or a request");
    const PriceRow* row = price_row_at(s, p.item_id, when(e));
    if (item && !row)
        fail(out, "delivery.item_not_published", "item_id", "该项目不在已公告的价格表中", "this item is not on the published price table");
    if (!p.form_id.empty()) {
        const FormRecord* form = s.find_form(p.form_id);
        if (!form || form->def.household_id != p.household_id || form->def.item_id != p.item_id) {
            fail(out, "delivery.form_mismatch", "form_id", "委托单与住户或项目不符", "the form is not this household's form for this item");
        } else {
            if (!form->is_signed())
                fail(out, "delivery.form_unsigned", "form_id", "委托单尚未由业主签名确认", "the resident has not signed the form yet");
            if (form->stopped) fail(out, "delivery.form_stopped", "form_id", "该服务已停止", "this service has been stopped");
            // Money up front [1-4.5, 3-4.3.2].
            if (row && form->deposit_held() < row->deposit)
                fail(out, "delivery.deposit_unpaid", "form_id", "须先到收银处交押金 " + format_fen(row->deposit, MoneyLocale::Chinese),
                     "the deposit of " + format_fen(row->deposit, MoneyLocale::English) + " must be paid at the cashier first");
            if (row && row->prepayment.value > 0 && form->prepaid_balance() < delivery_charge(*row, p.quantity))
                fail(out, "delivery.prepayment_insufficient", "form_id", "预交服务费余额不足,请先到收银处预交",
                     "the prepaid balance is too low: the resident must prepay at the cashier first");
        }
    }
    if (!p.request_id.empty()) {
        auto it = s.requests.find(p.request_id);
        if (it == s.requests.end() || it->second.def.household_id != p.household_id || it->second.def.item_id != p.item_id)
            fail(out, "delivery.request_mismatch", "request_id", "服务请求与住户或项目不符", "the request is not this household's request for this item");
    }
    if (row && p.charge != delivery_charge(*row, p.quantity))
        fail(out, "delivery.charge_mismatch", "charge", "收费必须按公告的价格: " + format_fen(delivery_charge(*row, p.quantity), MoneyLocale::Chinese),
             "the charge must follow the published price: " + format_fen(delivery_charge(*row, p.quantity), MoneyLocale::English));
    if (item && item->feeds(RegisterKind::water_stock)) {
        auto stock = s.water_on_hand.find(p.item_id);
        std::int64_t on_hand = stock == s.water_on_hand.end() ? 0 : stock->second;
        if (on_hand < p.quantity)
            fail(out, "water.out_of_stock", "quantity", "库存不足(现有 " + std::to_string(on_hand) + ")",
                 "not enough in stock (on hand: " + std::to_string(on_hand) + ")");
    }
}

void apply(State& s, const Event& e, const DeliveryLogged& p) {
    // A duplicate id or an impossible quantity (only a forged event has one) changes nothing.
    if (s.deliveries.count(p.delivery_id) || p.quantity < 1 || p.quantity > 10'000) return;
    DeliveryRecord d;
    d.def = p;
    d.worker = who(e);
    d.ms = when(e);
    const PriceRow* row = price_row_at(s, p.item_id, when(e));
    auto form = s.forms.find(p.form_id);
    if (form != s.forms.end()) {
        d.from_prepayment = row && row->prepayment.value > 0;
        form->second.charged += p.charge;
        if (d.from_prepayment) form->second.prepayment_used += p.charge;
        form->second.deliveries += 1;
        form->second.last_delivery_ms = when(e);
    }
    auto request = s.requests.find(p.request_id);
    if (request != s.requests.end() && !request->second.done()) {
        request->second.done_ms = when(e);
        request->second.done_by = who(e);
    }
    s.last_delivery_ms[pair_key(p.household_id, p.item_id)] = when(e);
    const ItemRecord* item = s.find_item(p.item_id);
    if (item && item->feeds(RegisterKind::water_stock)) {
        s.water.push_back(WaterMovement{p.delivery_id, when(e), p.item_id, -p.quantity, p.household_id, Fen{}});
        s.water_on_hand[p.item_id] -= p.quantity;
    }
    s.deliveries[p.delivery_id] = std::move(d);
}

void check(const State& s, const Event& e, const DeliveryConfirmed& p, Errors& out) {
    auto it = s.deliveries.find(p.delivery_id);
    if (it == s.deliveries.end()) {
        fail(out, "delivery.unknown", "delivery_id", "没有这条服务记录", "no such delivery");
        return;
    }
    if (it->second.confirmed())
        fail(out, "delivery.already_confirmed", "delivery_id", "该服务已确认", "this delivery is already confirmed");
    // At the door, the worker's tablet records the resident's own signature.
    need_signature(out, "signature", p.signature, e.actor.role != Role::resident);
    limit_text(out, "delivery", "comment", p.comment, kLongText);
}

void apply(State& s, const Event& e, const DeliveryConfirmed& p) {
    auto it = s.deliveries.find(p.delivery_id);
    if (it == s.deliveries.end() || it->second.confirmed()) return;
    it->second.confirmed_ms = when(e);
    it->second.confirmed_by = who(e);
    it->second.signed_on_tablet = !p.signature.empty();
    it->second.confirm_comment = p.comment;
}

//-----------------------------------------------------------------------------
// [SECTION] Problems
//-----------------------------------------------------------------------------

namespace {
// Who holds a problem at each level [1-4.9–4.10, 3-4.5.3].
bool holds_level(Role role, ProblemLevel level) {
    switch (level) {
        case ProblemLevel::general: return role == Role::front_desk || role == Role::office_manager;
        case ProblemLevel::manager: return role == Role::office_manager;
        case ProblemLevel::general_manager: return role == Role::general_manager;
    }
    return false;
}
const ProblemRecord* need_open_problem(const State& s, const std::string& id, Errors& out) {
    auto it = s.problems.find(id);
    if (it == s.problems.end()) {
        fail(out, "problem.unknown", "problem_id", "没有这个问题记录", "no such problem");
        return nullptr;
    }
    if (it->second.decided) fail(out, "problem.decided", "problem_id", "该问题已有处理决定", "the problem has already been decided");
    return &it->second;
}
}  // namespace

void check(const State& s, const Event&, const ProblemReported& p, Errors& out) {
    need_id(out, "problem", "problem_id", p.problem_id);
    if (s.problems.count(p.problem_id))
        fail(out, "problem.duplicate_id", "problem_id", "问题编号已存在", "this problem id already exists");
    need_text(out, "problem.summary_required", "summary", p.summary, kLongText, "问题说明", "description of the problem");
    if (!p.household_id.empty()) need_household(s, p.household_id, "problem", out);
    if (!p.item_id.empty() && !s.find_item(p.item_id))
        fail(out, "problem.unknown_item", "item_id", "没有这个服务项目", "no such service item");
}

void apply(State& s, const Event& e, const ProblemReported& p) {
    ProblemRecord r;
    r.def = p;
    r.reported_by = who(e);
    r.reported_ms = when(e);
    r.level = p.major ? ProblemLevel::manager : ProblemLevel::general;
    s.problems[p.problem_id] = std::move(r);
}

void check(const State& s, const Event& e, const ProblemEscalated& p, Errors& out) {
    const ProblemRecord* r = need_open_problem(s, p.problem_id, out);
    if (!r) return;
    if (r->level == ProblemLevel::general_manager)
        fail(out, "problem.top_level", "problem_id", "问题已在总经理处,不能再上报", "the problem is already with the general manager");
    else if (!holds_level(e.actor.role, r->level))
        fail(out, "problem.not_your_level", "actor", "只有当前负责层级的人员可以上报", "only whoever holds the problem now can escalate it");
    need_text(out, "problem.note_required", "note", p.note, kLongText, "上报说明", "note on why it goes up");
}

void apply(State& s, const Event& e, const ProblemEscalated& p) {
    auto& r = s.problems[p.problem_id];
    r.level = r.level == ProblemLevel::general ? ProblemLevel::manager : ProblemLevel::general_manager;
    r.escalations.push_back(Escalation{r.level, who(e), p.note, when(e)});
}

void check(const State& s, const Event& e, const ProblemDecided& p, Errors& out) {
    const ProblemRecord* r = need_open_problem(s, p.problem_id, out);
    if (r && !holds_level(e.actor.role, r->level))
        fail(out, "problem.not_your_level", "actor", "该问题须由 " + std::string(label_zh(r->level)) + " 决定",
             "this problem is decided at level: " + std::string(label_en(r->level)));
    need_text(out, "problem.decision_required", "decision", p.decision, kLongText, "处理决定", "decision");
}

void apply(State& s, const Event& e, const ProblemDecided& p) {
    auto& r = s.problems[p.problem_id];
    r.decided = true;
    r.decision = p.decision;
    r.decided_by = who(e);
    r.decided_role = e.actor.role;
    r.decided_ms = when(e);
}

//-----------------------------------------------------------------------------
// [SECTION] Complaints and return visits
//-----------------------------------------------------------------------------

void check(const State& s, const Event& e, const ComplaintRecorded& p, Errors& out) {
    need_id(out, "complaint", "complaint_id", p.complaint_id);
    if (s.complaints.count(p.complaint_id))
        fail(out, "complaint.duplicate_id", "complaint_id", "投诉编号已存在", "this complaint id already exists");
    need_household(s, p.household_id, "complaint", out);
    if (!p.item_id.empty() && !s.find_item(p.item_id))
        fail(out, "complaint.unknown_item", "item_id", "没有这个服务项目", "no such service item");
    need_text(out, "complaint.text_required", "text", p.text, kLongText, "投诉内容", "text of the complaint");
    if (p.source == ComplaintSource::return_visit && p.visit_id.empty())
        fail(out, "complaint.visit_required", "visit_id", "回访中的投诉须关联回访记录", "a complaint heard on a visit needs the visit");
    if (e.actor.role == Role::resident && p.source != ComplaintSource::app)
        fail(out, "complaint.source", "source", "住户在应用中投诉,来源应为“应用内投诉”", "a resident complaining in the app must use the app source");
}

void apply(State& s, const Event& e, const ComplaintRecorded& p) {
    ComplaintRecord c;
    c.def = p;
    c.recorded_by = who(e);
    c.recorded_ms = when(e);
    s.complaints[p.complaint_id] = std::move(c);
    refresh_fields_of(s, RecordKind::complaint, p.complaint_id);
}

void check(const State& s, const Event& e, const ComplaintAnswered& p, Errors& out) {
    auto it = s.complaints.find(p.complaint_id);
    if (it == s.complaints.end()) {
        fail(out, "complaint.unknown", "complaint_id", "没有这条投诉", "no such complaint");
        return;
    }
    const ComplaintRecord& c = it->second;
    if (c.status == ComplaintStatus::recorded)
        fail(out, "complaint.not_assigned", "complaint_id", "投诉尚未派给处理人", "the complaint has not been assigned yet");
    else if (c.status == ComplaintStatus::answered)
        fail(out, "complaint.already_answered", "complaint_id", "投诉已答复", "the complaint has already been answered");
    else if (c.status == ComplaintStatus::closed)
        fail(out, "complaint.closed", "complaint_id", "投诉已关闭", "the complaint is closed");
    else if (c.assignee != who(e) && e.actor.role != Role::office_manager)
        fail(out, "complaint.not_assignee", "actor", "只有处理人(或管理处经理)可以答复", "only the assignee (or the office manager) may answer");
    need_text(out, "complaint.answer_required", "answer", p.answer, kLongText, "答复内容", "answer");
}

void apply(State& s, const Event& e, const ComplaintAnswered& p) {
    auto& c = s.complaints[p.complaint_id];
    c.status = ComplaintStatus::answered;
    c.answer = p.answer;
    c.answered_by = who(e);
    c.answered_ms = when(e);
}

void check(const State& s, const Event&, const ComplaintClosed& p, Errors& out) {
    auto it = s.complaints.find(p.complaint_id);
    if (it == s.complaints.end()) {
        fail(out, "complaint.unknown", "complaint_id", "没有这条投诉", "no such complaint");
        return;
    }
    if (it->second.status == ComplaintStatus::closed)
        fail(out, "complaint.closed", "complaint_id", "投诉已关闭", "the complaint is already closed");
    else if (it->second.status != ComplaintStatus::answered)
        fail(out, "complaint.not_answered", "complaint_id", "投诉答复后才能关闭", "a complaint is closed only after it is answered");
    need_satisfaction(out, "complaint", p.satisfaction);
    limit_text(out, "complaint", "comment", p.comment, kLongText);
}

void apply(State& s, const Event& e, const ComplaintClosed& p) {
    auto& c = s.complaints[p.complaint_id];
    c.status = ComplaintStatus::closed;
    c.satisfaction = p.satisfaction;
    c.close_comment = p.comment;
    c.closed_by = who(e);
    c.closed_ms = when(e);
}

void check(const State& s, const Event&, const ReturnVisitRecorded& p, Errors& out) {
    need_id(out, "visit", "visit_id", p.visit_id);
    if (s.return_visits.count(p.visit_id))
        fail(out, "visit.duplicate_id", "visit_id", "回访编号已存在", "this visit id already exists");
    need_household(s, p.household_id, "visit", out);
    if (!s.find_item(p.item_id)) fail(out, "visit.unknown_item", "item_id", "没有这个服务项目", "no such service item");
    if (!s.last_delivery_ms.count(pair_key(p.household_id, p.item_id)))
        fail(out, "visit.nothing_delivered", "item_id", "该户尚未接受过这项服务,无需回访",
             "this household has not received this service: nothing to call back about");
    if (!p.form_id.empty()) {
        const FormRecord* form = s.find_form(p.form_id);
        if (!form || form->def.household_id != p.household_id || form->def.item_id != p.item_id)
            fail(out, "visit.form_mismatch", "form_id", "委托单与住户或项目不符", "the form is not this household's form for this item");
    }
    need_satisfaction(out, "visit", p.satisfaction);
    limit_text(out, "visit", "comment", p.comment, kLongText);
    if (!p.complaint_id.empty() && !s.complaints.count(p.complaint_id))
        fail(out, "visit.unknown_complaint", "complaint_id", "没有这条投诉", "no such complaint");
}

void apply(State& s, const Event& e, const ReturnVisitRecorded& p) {
    s.return_visits[p.visit_id] = ReturnVisitRecord{p, who(e), when(e)};
    s.last_visit_ms[pair_key(p.household_id, p.item_id)] = when(e);
}

//-----------------------------------------------------------------------------
// [SECTION] Quality and water stock
//-----------------------------------------------------------------------------

void check(const State& s, const Event&, const QualityEvaluated& p, Errors& out) {
    if (!s.find_item(p.item_id)) fail(out, "quality.unknown_item", "item_id", "没有这个服务项目", "no such service item");
    if (!parse_period(p.period, s.settings.assessment_period_months))
        fail(out, "quality.bad_period", "period", "考核期不正确(如 2024H1)", "not an assessment period (e.g. 2024H1)");
    limit_text(out, "quality", "comment", p.comment, kLongText);
}

void apply(State& s, const Event& e, const QualityEvaluated& p) {
    s.quality[pair_key(p.item_id, p.period)] = QualityRecord{p, who(e), when(e)};
}

void check(const State& s, const Event&, const WaterStockReceived& p, Errors& out) {
    need_id(out, "water", "receipt_id", p.receipt_id);
    bool duplicate = std::any_of(s.water.begin(), s.water.end(), [&](const WaterMovement& m) { return m.ref_id == p.receipt_id; });
    if (duplicate) fail(out, "water.duplicate_id", "receipt_id", "收货编号已存在", "this receipt id already exists");
    const ItemRecord* item = s.find_item(p.item_id);
    if (!item || !item->feeds(RegisterKind::water_stock))
        fail(out, "water.not_water_item", "item_id", "该项目不是饮用水", "this item is not drinking water");
    if (p.quantity < 1 || p.quantity > 1'000'000)
        fail(out, "water.bad_quantity", "quantity", "数量应为1–1000000", "the quantity must be 1–1000000");
    need_text(out, "water.supplier_required", "supplier", p.supplier, kNameText, "供货方", "supplier");
    need_amount(out, "water.bad_amount", "unit_cost", p.unit_cost, false);
}

void apply(State& s, const Event& e, const WaterStockReceived& p) {
    for (const auto& m : s.water)
        if (m.ref_id == p.receipt_id) return;
    if (p.quantity < 1 || p.quantity > 1'000'000) return;
    s.water.push_back(WaterMovement{p.receipt_id, when(e), p.item_id, p.quantity, p.supplier, p.unit_cost});
    s.water_on_hand[p.item_id] += p.quantity;
}

}  // namespace bianmin::rules
