// Rules: money — payments at the cashier, fees collected by staff, hand-over to
// finance, reversals, settlements when a service stops.
//
// Money events only accumulate: whatever their checks say, they are applied in replay
// (with an anomaly listed), so the ledger always holds every amount that was recorded.
// A mistake is corrected by a reversal, never by editing.
//
// Index
// [SECTION] Shared checks
// [SECTION] Payments and collections
// [SECTION] Hand-over to finance
// [SECTION] Reversals and settlements
#include <algorithm>
#include <set>

#include "rules.hpp"

namespace bianmin::rules {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Shared checks
//-----------------------------------------------------------------------------

// The form a payment or collection is for, matching its household and item.
const FormRecord* need_form(const State& s, std::string_view area, const std::string& form_id,
                            const std::string& household_id, const std::string& item_id, Errors& out) {
    if (form_id.empty()) {
        fail(out, std::string(area) + ".form_required", "form_id", "收费须对应委托单", "money must be taken against an entrustment form");
        return nullptr;
    }
    const FormRecord* form = s.find_form(form_id);
    if (!form || form->def.household_id != household_id || form->def.item_id != item_id) {
        fail(out, std::string(area) + ".form_mismatch", "form_id", "委托单与住户或项目不符",
             "the form is not this household's form for this item");
        return nullptr;
    }
    return form;
}

// A fee must follow the published price: no private settlements [3-4.4.6].
void check_fee_amount(const State& s, const Event& e, std::string_view area, const FormRecord& form, Fen amount,
                      Errors& out) {
    const PriceRow* row = price_row_at(s, form.def.item_id, when(e));
    if (!row) return;
    if (row->billing == Billing::free) {
        fail(out, std::string(area) + ".free_item", "amount", "无偿项目不收费", "a free item is not charged for");
    } else if (row->billing == Billing::per_month) {
        if (row->price.value > 0 && amount.value % row->price.value != 0)
            fail(out, std::string(area) + ".not_whole_months", "amount",
                 "按月项目须按整月收费(每月 " + format_fen(row->price, MoneyLocale::Chinese) + ")",
                 "a monthly item is paid in whole months (" + format_fen(row->price, MoneyLocale::English) + " a month)");
    } else if (amount > form.fees_owed()) {
        fail(out, std::string(area) + ".exceeds_due", "amount",
             "金额超过应收 " + format_fen(std::max(form.fees_owed(), Fen{0}), MoneyLocale::Chinese),
             "the amount is more than is due: " + format_fen(std::max(form.fees_owed(), Fen{0}), MoneyLocale::English));
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Payments and collections
//-----------------------------------------------------------------------------

void check(const State& s, const Event& e, const PaymentReceived& p, Errors& out) {
    need_id(out, "payment", "payment_id", p.payment_id);
    if (s.money_index.count(p.payment_id))
        fail(out, "payment.duplicate_id", "payment_id", "收款编号已存在", "this payment id already exists");
    need_amount(out, "payment.bad_amount", "amount", p.amount, true);
    limit_text(out, "payment", "note", p.note, kLongText);
    const FormRecord* form = need_form(s, "payment", p.form_id, p.household_id, p.item_id, out);
    if (!form) return;
    const PriceRow* row = price_row_at(s, p.item_id, when(e));
    switch (p.kind) {
        case PaymentKind::fee: check_fee_amount(s, e, "payment", *form, p.amount, out); break;
        case PaymentKind::deposit:
            if (!row || row->deposit.value == 0)
                fail(out, "payment.no_deposit_required", "kind", "价格表没有规定此项目的押金", "the price table asks no deposit for this item");
            else if (form->deposit_held() + p.amount > row->deposit)
                fail(out, "payment.deposit_exceeds", "amount", "押金超过价格表规定的 " + format_fen(row->deposit, MoneyLocale::Chinese),
                     "more than the deposit of " + format_fen(row->deposit, MoneyLocale::English) + " in the price table");
            break;
        case PaymentKind::prepayment:
            if (!row || row->prepayment.value == 0)
                fail(out, "payment.no_prepayment_required", "kind", "价格表没有规定此项目的预交费",
                     "the price table asks no prepayment for this item");
            break;
    }
    if (form->stopped)
        fail(out, "payment.form_stopped", "form_id", "该服务已停止,不能再收费", "this service has stopped: no more money is taken");
}

void apply(State& s, const Event& e, const PaymentReceived& p) {
    if (s.money_index.count(p.payment_id) || p.amount.value <= 0) return;
    MoneyEntry m;
    m.entry_id = p.payment_id;
    m.event = e.id;
    m.ms = when(e);
    m.household_id = p.household_id;
    m.item_id = p.item_id;
    m.form_id = p.form_id;
    m.taken_by = who(e);
    m.cash = p.amount;
    switch (p.kind) {
        case PaymentKind::fee: m.kind = MoneyEntryKind::fee; m.income = p.amount; break;
        case PaymentKind::prepayment: m.kind = MoneyEntryKind::prepayment; m.income = p.amount; m.prepayment = p.amount; break;
        case PaymentKind::deposit: m.kind = MoneyEntryKind::deposit; m.deposit = p.amount; break;
    }
    post_money(s, std::move(m));
}

void check(const State& s, const Event& e, const FeeCollected& p, Errors& out) {
    need_id(out, "collection", "collection_id", p.collection_id);
    if (s.money_index.count(p.collection_id))
        fail(out, "collection.duplicate_id", "collection_id", "收款编号已存在", "this collection id already exists");
    need_amount(out, "collection.bad_amount", "amount", p.amount, true);
    const FormRecord* form = need_form(s, "collection", p.form_id, p.household_id, p.item_id, out);
    if (form) check_fee_amount(s, e, "collection", *form, p.amount, out);
    if (!p.delivery_id.empty()) {
        auto it = s.deliveries.find(p.delivery_id);
        if (it == s.deliveries.end() || it->second.def.form_id != p.form_id)
            fail(out, "collection.delivery_mismatch", "delivery_id", "服务记录与委托单不符", "the delivery is not on this form");
    }
    // Collected cash goes to finance [1-4.8]: whoever still holds old cash must hand it
    // over before collecting more.
    std::int64_t oldest = oldest_unhanded_ms(s, who(e));
    std::int64_t limit = std::int64_t(s.settings.handover_limit_days) * kMsPerDay;
    if (oldest != 0 && when(e) - oldest > limit)
        fail(out, "collection.handover_overdue", "actor",
             "您有超过 " + std::to_string(s.settings.handover_limit_days) + " 天未交财务的代收款,请先交款",
             "you hold collected fees older than " + std::to_string(s.settings.handover_limit_days) +
                 " days: hand them to finance first");
}

void apply(State& s, const Event& e, const FeeCollected& p) {
    if (s.money_index.count(p.collection_id) || p.amount.value <= 0) return;
    MoneyEntry m;
    m.entry_id = p.collection_id;
    m.event = e.id;
    m.ms = when(e);
    m.kind = MoneyEntryKind::collection;
    m.household_id = p.household_id;
    m.item_id = p.item_id;
    m.form_id = p.form_id;
    m.taken_by = who(e);
    m.cash = p.amount;
    m.income = p.amount;
    s.unhanded[who(e)][p.collection_id] = when(e);
    post_money(s, std::move(m));
}

//-----------------------------------------------------------------------------
// [SECTION] Hand-over to finance
//-----------------------------------------------------------------------------

void check(const State& s, const Event& e, const HandoverReceived& p, Errors& out) {
    need_id(out, "handover", "handover_id", p.handover_id);
    if (s.handovers.count(p.handover_id))
        fail(out, "handover.duplicate_id", "handover_id", "交款编号已存在", "this hand-over id already exists");
    const StaffRecord* staff = s.find_staff(p.staff_id);
    if (!staff) fail(out, "handover.unknown_staff", "staff_id", "没有这名员工", "no such staff member");
    if (p.staff_id == who(e))
        fail(out, "handover.self_receipt", "staff_id", "收银员不能自己接收自己的代收款", "a cashier cannot receive their own collections");
    if (p.collection_ids.empty())
        fail(out, "handover.empty", "collection_ids", "请选择要交的代收款", "choose the collections being handed over");
    std::set<std::string> seen;
    Fen sum;
    for (const auto& id : p.collection_ids) {
        if (!seen.insert(id).second) {
            fail(out, "handover.duplicate_collection", "collection_ids", "代收款重复: " + id, "collection listed twice: " + id);
            continue;
        }
        const MoneyEntry* m = s.find_money(id);
        if (!m || m->kind != MoneyEntryKind::collection) {
            fail(out, "handover.unknown_collection", "collection_ids", "没有这笔代收款: " + id, "no such collection: " + id);
            continue;
        }
        if (m->taken_by != p.staff_id)
            fail(out, "handover.not_theirs", "collection_ids", "这笔款不是该员工代收的: " + id, "not collected by this staff member: " + id);
        if (!m->handover_id.empty())
            fail(out, "handover.already_handed", "collection_ids", "这笔款已交过: " + id, "already handed over: " + id);
        if (!m->reversed_by.empty())
            fail(out, "handover.reversed", "collection_ids", "这笔款已冲正: " + id, "this collection was reversed: " + id);
        sum += m->cash;
    }
    if (p.expected != sum)
        fail(out, "handover.expected_mismatch", "expected", "应交金额与代收记录合计不符", "the expected amount is not the sum of the collections");
    need_amount(out, "handover.bad_count", "counted", p.counted, false);
    limit_text(out, "handover", "note", p.note, kLongText);
}

void apply(State& s, const Event& e, const HandoverReceived& p) {
    if (s.handovers.count(p.handover_id)) return;
    for (const auto& id : p.collection_ids) {
        auto index = s.money_index.find(id);
        if (index == s.money_index.end()) continue;
        MoneyEntry& m = s.money[index->second];
        if (m.kind != MoneyEntryKind::collection || !m.handover_id.empty()) continue;
        m.handover_id = p.handover_id;
        auto held = s.unhanded.find(m.taken_by);
        if (held != s.unhanded.end()) held->second.erase(id);
    }
    s.handovers[p.handover_id] = HandoverRecord{p, who(e), when(e)};
}

//-----------------------------------------------------------------------------
// [SECTION] Reversals and settlements
//-----------------------------------------------------------------------------

void check(const State& s, const Event&, const MoneyReversed& p, Errors& out) {
    need_id(out, "reversal", "reversal_id", p.reversal_id);
    if (s.money_index.count(p.reversal_id))
        fail(out, "reversal.duplicate_id", "reversal_id", "冲正编号已存在", "this reversal id already exists");
    const MoneyEntry* m = s.find_money(p.entry_id);
    if (!m) fail(out, "reversal.unknown_entry", "entry_id", "没有这笔款项", "no such money entry");
    else if (m->kind == MoneyEntryKind::reversal)
        fail(out, "reversal.of_reversal", "entry_id", "不能冲正一笔冲正", "a reversal cannot itself be reversed");
    else if (!m->reversed_by.empty())
        fail(out, "reversal.already_reversed", "entry_id", "这笔款项已冲正", "this entry has already been reversed");
    need_text(out, "reversal.reason_required", "reason", p.reason, kLongText, "冲正原因", "reason for the reversal");
}

void apply(State& s, const Event& e, const MoneyReversed& p) {
    auto index = s.money_index.find(p.entry_id);
    if (index == s.money_index.end() || s.money_index.count(p.reversal_id)) return;
    const MoneyEntry& original = s.money[index->second];
    if (original.kind == MoneyEntryKind::reversal || !original.reversed_by.empty()) return;
    MoneyEntry m;
    m.entry_id = p.reversal_id;
    m.event = e.id;
    m.ms = when(e);
    m.kind = MoneyEntryKind::reversal;
    m.household_id = original.household_id;
    m.item_id = original.item_id;
    m.form_id = original.form_id;
    m.taken_by = who(e);
    m.cash = -original.cash;
    m.income = -original.income;
    m.deposit = -original.deposit;
    m.prepayment = -original.prepayment;
    m.reverses = p.entry_id;
    std::size_t original_index = index->second;
    if (original.kind == MoneyEntryKind::collection && original.handover_id.empty()) {
        auto held = s.unhanded.find(original.taken_by);
        if (held != s.unhanded.end()) held->second.erase(original.entry_id);
    }
    post_money(s, std::move(m));
    s.money[original_index].reversed_by = p.reversal_id;
}

void check(const State& s, const Event&, const SettlementPaid& p, Errors& out) {
    need_id(out, "settlement", "settlement_id", p.settlement_id);
    if (s.money_index.count(p.settlement_id))
        fail(out, "settlement.duplicate_id", "settlement_id", "结算编号已存在", "this settlement id already exists");
    const FormRecord* form = s.find_form(p.form_id);
    if (!form) {
        fail(out, "settlement.unknown_form", "form_id", "没有这张委托单", "no such entrustment form");
        return;
    }
    if (!form->stopped) fail(out, "settlement.not_stopped", "form_id", "服务停止后才能结算押金", "settle only after the service has stopped");
    if (form->settled) fail(out, "settlement.already_settled", "form_id", "已结算", "already settled");
    need_amount(out, "settlement.bad_amount", "deposit_refund", p.deposit_refund, false);
    need_amount(out, "settlement.bad_amount", "deposit_retained", p.deposit_retained, false);
    need_amount(out, "settlement.bad_amount", "prepayment_refund", p.prepayment_refund, false);
    if (p.deposit_refund + p.deposit_retained != form->deposit_held())
        fail(out, "settlement.deposit_mismatch", "deposit_refund",
             "退还与扣留的押金合计须等于所收押金 " + format_fen(form->deposit_held(), MoneyLocale::Chinese),
             "refunded plus retained deposit must equal the deposit held: " + format_fen(form->deposit_held(), MoneyLocale::English));
    if (p.deposit_retained.value > 0)
        need_text(out, "settlement.reason_required", "note", p.note, kLongText, "扣留押金的原因", "reason for keeping part of the deposit");
    else
        limit_text(out, "settlement", "note", p.note, kLongText);
    if (p.prepayment_refund > form->prepaid_balance())
        fail(out, "settlement.prepayment_exceeds", "prepayment_refund",
             "退还预交费超过余额 " + format_fen(form->prepaid_balance(), MoneyLocale::Chinese),
             "refund more than the prepaid balance of " + format_fen(form->prepaid_balance(), MoneyLocale::English));
}

void apply(State& s, const Event& e, const SettlementPaid& p) {
    // Posted even when the form was already settled (two cashiers paying out at once):
    // the money did leave, the ledger shows it, the anomaly tells the office.
    if (s.money_index.count(p.settlement_id)) return;
    auto form = s.forms.find(p.form_id);
    if (form == s.forms.end()) return;
    MoneyEntry m;
    m.entry_id = p.settlement_id;
    m.event = e.id;
    m.ms = when(e);
    m.kind = MoneyEntryKind::settlement;
    m.household_id = form->second.def.household_id;
    m.item_id = form->second.def.item_id;
    m.form_id = p.form_id;
    m.taken_by = who(e);
    m.cash = -(p.deposit_refund + p.prepayment_refund);
    m.income = p.deposit_retained - p.prepayment_refund;
    m.deposit = -(p.deposit_refund + p.deposit_retained);
    m.prepayment = -p.prepayment_refund;
    post_money(s, std::move(m));
}

}  // namespace bianmin::rules
