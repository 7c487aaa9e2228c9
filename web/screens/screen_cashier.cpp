// Cashier (finance): prepayments, deposits and fees received; refunds only by reversing
// an entry; hand-overs from staff; cash reconciliation per staff member; settlements when
// a service stops. [1-4.5, 1-4.8, 1-4.12, 3-3.5, 3-4.3]
//
// The office manager opens this screen too, to look: every command here is the cashier's
// (core/src/authorize.cpp), so the forms are drawn only for a role the core lets run
// them (may_run below); others see the ledger, the reconciliation and what waits for
// settlement, read-only.
//
// Index
// [SECTION] Receiving money
// [SECTION] The money ledger and reversals
// [SECTION] The screen
#include <algorithm>
#include <string>
#include <vector>

#include "app.h"
#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/session.h"
#include "screens/screen_cashier.h"
#include "screens/screens.h"
#include "runtime/data_month.h"
#include "runtime/record_choices.h"
#include "ui/data_table.h"
#include "ui/fields.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace cashier {

const ui::FieldError* money_error(const session::Form& form, const ui::MoneyInput& money, std::string_view field) {
    return !money.text.empty() && !money.value ? nullptr : form.error(field);
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Receiving money
//-----------------------------------------------------------------------------

std::string form_label(const State& s, const FormRecord& f) {
    return household_label(s, f.def.household_id) + " · " + f.def.resident_name + " · " + choices::item_name(s, f.def.item_id) +
           " · " + f.def.form_id;
}

// What the price table asks for this kind of payment, less what is already held.
Fen suggested_amount(const State& s, const FormRecord& f, PaymentKind kind) {
    const PriceRow* row = current_price_row(s, f.def.item_id);
    switch (kind) {
        case PaymentKind::deposit: return row ? row->deposit - f.deposit_held() : Fen{};
        case PaymentKind::prepayment: return row ? row->prepayment : Fen{};
        case PaymentKind::fee: return amount_due(s, f, session::now_ms());
    }
    return Fen{};
}

}  // namespace

void draw_receive() {
    static std::string query, note;
    static int chosen = 0, kind = 2, method = 0;
    static std::string prefilled_for;
    static ui::MoneyInput amount;
    static session::Form form;
    const State& s = session::state();

    ui::search_field("cashier.receive.find", query);
    std::string needle = query;
    std::vector<const FormRecord*> forms;
    std::vector<std::string> labels;
    for (const auto& [id, f] : s.forms) {
        if (f.stopped) continue;
        std::string label = form_label(s, f);
        if (!needle.empty() && label.find(needle) == std::string::npos) continue;
        forms.push_back(&f);
        labels.push_back(std::move(label));
    }
    if (forms.empty()) {
        ui::hint("cashier.receive.no_forms");
        return;
    }
    if (chosen >= int(forms.size())) chosen = 0;
    ui::combo_data("cashier.receive.form", &chosen, labels);
    const FormRecord& f = *forms[std::size_t(chosen)];
    ui::label_value("cashier.receive.deposit_held", i18n::money(f.deposit_held()));
    ui::label_value("cashier.receive.prepaid", i18n::money(f.prepaid_balance()));
    ui::label_value("cashier.receive.due", i18n::money(amount_due(s, f, session::now_ms())));

    std::vector<std::string> kinds, methods;
    for (const auto& e : EnumTable<PaymentKind>::entries) kinds.emplace_back(choices::label(e.value));
    for (const auto& e : EnumTable<PaymentMethod>::entries) methods.emplace_back(choices::label(e.value));
    ui::combo_data("cashier.receive.kind", &kind, kinds);
    if (const auto* e = form.error("kind")) ui::error_text(e->message());
    const PaymentKind payment_kind = EnumTable<PaymentKind>::entries[kind].value;
    // Prefill the amount the price table asks for when the form or the kind changes.
    const std::string prefill_key = f.def.form_id + "|" + std::to_string(kind);
    if (prefilled_for != prefill_key) {
        prefilled_for = prefill_key;
        const Fen suggested = suggested_amount(s, f, payment_kind);
        if (suggested.value > 0) amount.set(suggested);
        else amount = {};
    }
    ui::money_field("cashier.receive.amount", amount, money_error(form, amount, "amount"));
    ui::combo_data("cashier.receive.method", &method, methods);
    ui::text_field("cashier.receive.note", note, form.error("note"), {.max_chars = 200});
    PaymentReceived proposed;
    proposed.form_id = f.def.form_id;
    proposed.household_id = f.def.household_id;
    proposed.item_id = f.def.item_id;
    proposed.kind = payment_kind;
    proposed.amount = amount.value.value_or(Fen{});
    proposed.method = EnumTable<PaymentMethod>::entries[method].value;
    proposed.note = note;
    form.check_as_you_type(proposed);
    if (ui::primary_button("cashier.receive.take")) {
        if (!amount.value) {
            form.fail("payment.bad_amount", "amount", "cashier.amount_required");
        } else if (form.submit(session::run(proposed), "cashier.receive.taken")) {
            note.clear();
            prefilled_for.clear();
        }
    }
    form.show_other_errors({"kind", "amount", "note"});
}

//-----------------------------------------------------------------------------
// [SECTION] The money ledger and reversals
//-----------------------------------------------------------------------------

namespace {

// Every money entry, newest first (the table opens sorted by time, descending).
class MoneyLedger : public ui::TextRows {
public:
    enum Col { kWhen, kKind, kHousehold, kItem, kBy, kCash, kIncome, kDeposit, kLink, kForm, kId };
    static std::vector<ui::TableColumn> columns() {
        return {{.key = "cashier.ledger.col_when", .numeric = true, .default_sort = ui::DefaultSort::descending},
                {"cashier.ledger.col_kind"}, {"cashier.ledger.col_household"},
                {"cashier.ledger.col_item"},       {"cashier.ledger.col_by"},   {"cashier.ledger.col_cash", true},
                {"cashier.ledger.col_income", true}, {"cashier.ledger.col_deposit", true}, {"cashier.ledger.col_link"},
                {"cashier.ledger.col_form"},       {"cashier.ledger.col_id"}};
    }
    void refresh(const State& s) {
        if (!needs_rebuild(session::revision())) return;
        entries_.clear();
        for (auto it = s.money.rbegin(); it != s.money.rend(); ++it) {
            const MoneyEntry& m = *it;
            entries_.push_back(&m);
            std::string link;
            if (!m.reverses.empty()) link = i18n::fill("cashier.ledger.reverses", {m.reverses});
            else if (!m.reversed_by.empty()) link = i18n::fill("cashier.ledger.reversed_by", {m.reversed_by});
            rows_.push_back({choices::when(s, m.ms), std::string(choices::label(m.kind)), household_label(s, m.household_id),
                              choices::item_name(s, m.item_id), staff_name(s, m.taken_by), i18n::money(m.cash),
                              i18n::money(m.income), i18n::money(m.deposit), link, m.form_id, m.entry_id});
        }
    }
    const MoneyEntry& entry(int row) const { return *entries_[std::size_t(row)]; }
    std::int64_t number(int row, int column) const override {
        const MoneyEntry& m = entry(row);
        switch (column) {
            case kWhen: return m.ms;
            case kCash: return m.cash.value;
            case kIncome: return m.income.value;
            case kDeposit: return m.deposit.value;
            default: return 0;
        }
    }

private:
    std::vector<const MoneyEntry*> entries_;
};

}  // namespace

void draw_ledger() {
    static MoneyLedger ledger;
    static ui::DataTable table("cashier.ledger", MoneyLedger::columns());
    static std::string chosen, reason;
    static session::Form form;
    const State& s = session::state();
    const bool reverses = session::may_record(EventType::money_reversed);
    ledger.refresh(s);
    ui::hint(reverses ? "cashier.ledger.hint" : "cashier.ledger.hint_read_only");
    const int clicked = table.draw(ledger, {.height = ImGui::GetFrameHeightWithSpacing() * 8, .export_filename = "money-ledger.csv"});
    if (clicked >= 0 && reverses) {
        chosen = ledger.entry(clicked).entry_id;
        form.clear();
    }
    const MoneyEntry* m = chosen.empty() || !reverses ? nullptr : s.find_money(chosen);
    if (!m) return;
    ui::heading("cashier.reverse.heading");
    ui::label_value("cashier.reverse.entry", std::string(choices::label(m->kind)) + " · " + i18n::money(m->cash) + " · " +
                                                 household_label(s, m->household_id) + " · " + m->entry_id);
    if (!m->reversed_by.empty()) ui::label_value("cashier.reverse.already", m->reversed_by);
    ui::text_field("cashier.reverse.reason", reason, form.error("reason"), {.max_chars = 200});
    const MoneyReversed proposed{"", m->entry_id, reason};
    form.check_as_you_type(proposed);
    if (ui::button("cashier.reverse.do") && form.submit(session::run(proposed), "cashier.reverse.done")) {
        reason.clear();
        chosen.clear();
    }
    form.show_other_errors({"reason"});
}

}  // namespace cashier

//-----------------------------------------------------------------------------
// [SECTION] The screen
//-----------------------------------------------------------------------------

void draw_cashier(App&) {
    ui::title("cashier.title");
    // Each form only for a role the core lets run it; the lists for everyone here.
    const bool receives = session::may_record(EventType::payment_received);
    const bool takes_handovers = session::may_record(EventType::handover_received);
    if (!receives) ui::hint("cashier.read_only");
    if (ui::begin_tabs("cashier.tabs")) {
        if (receives && ui::tab("cashier.tab_receive")) {
            cashier::draw_receive();
            ui::end_tab();
        }
        if (ui::tab("cashier.tab_ledger")) {
            cashier::draw_ledger();
            ui::end_tab();
        }
        if (takes_handovers && ui::tab("cashier.tab_handovers")) {
            cashier::draw_handovers();
            ui::end_tab();
        }
        if (ui::tab("cashier.tab_reconcile")) {
            cashier::draw_reconciliation();
            ui::end_tab();
        }
        if (ui::tab("cashier.tab_settle")) {
            cashier::draw_settlements();
            ui::end_tab();
        }
        ui::end_tabs();
    }
}

}  // namespace bianmin::screens
