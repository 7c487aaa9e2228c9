// Cashier: hand-overs from staff [1-4.8], the cash reconciliation (per staff member:
// collected against handed over; the desk's own money by kind, reversals included) and
// settlements of stopped services [1-4.12].
//
// Index
// [SECTION] Hand-overs
// [SECTION] Reconciliation
// [SECTION] Settlements
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "bianmin/queries.hpp"
#include "bianmin/reports.hpp"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/session.h"
#include "screens/screen_cashier.h"
#include "runtime/data_month.h"
#include "runtime/record_choices.h"
#include "ui/core_table.h"
#include "ui/data_table.h"
#include "ui/fields.h"
#include "ui/widgets.h"

namespace bianmin::screens::cashier {

//-----------------------------------------------------------------------------
// [SECTION] Hand-overs
//-----------------------------------------------------------------------------

void draw_handovers() {
    static int chosen = 0;
    static std::map<std::string, bool> left_out;  // collection ids unticked
    static ui::MoneyInput counted;
    static std::string note, counted_for;
    static session::Form form;
    const State& s = session::state();
    ui::heading("cashier.handover.heading");
    std::vector<std::string> staff, labels;
    for (const auto& [person, held] : s.unhanded) {
        if (held.empty()) continue;
        staff.push_back(person);
        labels.push_back(staff_name(s, person) + " (" + person + ")");
    }
    if (staff.empty()) {
        ui::hint("cashier.handover.none");
    } else {
        if (chosen >= int(staff.size())) chosen = 0;
        ui::combo_data("cashier.handover.staff", &chosen, labels);
        const std::string& person = staff[std::size_t(chosen)];
        std::vector<std::string> ids;
        Fen expected;
        for (const auto& [id, ms] : s.unhanded.at(person)) {
            const MoneyEntry* m = s.find_money(id);
            if (!m) continue;
            ImGui::PushID(id.c_str());
            const bool in = !left_out[id];
            const std::string label = std::string(in ? "[x] " : "[ ] ") + choices::when(s, ms) + " · " +
                                      household_label(s, m->household_id) + " · " + choices::item_name(s, m->item_id) + " · " +
                                      i18n::money(m->cash);
            if (ui::selectable_data(label, in, id.c_str())) left_out[id] = in;
            ImGui::PopID();
            if (in) {
                ids.push_back(id);
                expected += m->cash;
            }
        }
        ui::label_value("cashier.handover.expected", i18n::money(expected));
        const std::string key = person + "|" + std::to_string(expected.value);
        if (counted_for != key) {
            counted_for = key;
            counted.set(expected);
        }
        ui::money_field("cashier.handover.counted", counted, money_error(form, counted, "counted"));
        ui::text_field("cashier.handover.note", note, form.error("note"), {.max_chars = 200});
        if (const auto* e = form.error("collection_ids")) ui::error_text(e->message());
        const HandoverReceived proposed{"", person, ids, Fen{}, counted.value.value_or(Fen{-1}), note};
        form.check_as_you_type(proposed);
        if (ui::primary_button("cashier.handover.receive")) {
            if (!counted.value) {
                form.fail("handover.bad_amount", "counted", "cashier.amount_required");
            } else if (form.submit(session::run(proposed), "cashier.handover.received")) {
                note.clear();
                left_out.clear();
                counted_for.clear();
            }
        }
        form.show_other_errors({"counted", "note", "collection_ids"});
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Reconciliation
//-----------------------------------------------------------------------------

namespace {

// The cash desk's own money per person who took it: received, reversed, paid out.
class DeskCash : public ui::TableSource {
public:
    enum Col { kPerson, kReceived, kReversed, kPaidOut, kNet, kEntries };
    static std::vector<ui::TableColumn> columns() {
        return {{"cashier.desk.col_person"}, {"cashier.desk.col_received", true}, {"cashier.desk.col_reversed", true},
                {"cashier.desk.col_paid_out", true}, {"cashier.desk.col_net", true}, {"cashier.desk.col_entries", true}};
    }
    void refresh(const State& s) {
        const std::uint64_t key = session::revision() * 4 + (i18n::current() == i18n::Lang::Zh ? 0 : 1);
        if (key == seen_) return;
        seen_ = key;
        struct Sums { Fen received, reversed, paid_out; std::int64_t entries = 0; };
        std::map<std::string, Sums> by_person;
        for (const MoneyEntry& m : s.money) {
            if (m.kind == MoneyEntryKind::collection) continue;  // staff cash: the table above
            if (m.kind == MoneyEntryKind::reversal) {
                const MoneyEntry* original = s.find_money(m.reverses);
                if (original && original->kind == MoneyEntryKind::collection) continue;
            }
            Sums& sums = by_person[m.taken_by];
            ++sums.entries;
            if (m.kind == MoneyEntryKind::reversal) sums.reversed += m.cash;
            else if (m.cash.value < 0) sums.paid_out += m.cash;
            else sums.received += m.cash;
        }
        rows_.clear();
        for (const auto& [person, sums] : by_person)
            rows_.push_back({staff_name(s, person) + " (" + person + ")", sums.received, sums.reversed, sums.paid_out,
                             sums.received + sums.reversed + sums.paid_out, sums.entries});
    }
    int row_count() const override { return int(rows_.size()); }
    std::string_view cell(int row, int column, std::string& scratch) const override {
        const Row& r = rows_[std::size_t(row)];
        switch (column) {
            case kPerson: return r.person;
            case kEntries: return scratch = std::to_string(r.entries);
            default: return scratch = i18n::money(Fen{number(row, column)});
        }
    }
    std::int64_t number(int row, int column) const override {
        const Row& r = rows_[std::size_t(row)];
        switch (column) {
            case kReceived: return r.received.value;
            case kReversed: return r.reversed.value;
            case kPaidOut: return r.paid_out.value;
            case kNet: return r.net.value;
            case kEntries: return r.entries;
            default: return 0;
        }
    }
    std::uint64_t version() const override { return seen_; }

private:
    struct Row {
        std::string person;
        Fen received, reversed, paid_out, net;
        std::int64_t entries = 0;
    };
    std::vector<Row> rows_;
    std::uint64_t seen_ = ~0ULL;
};

}  // namespace

void draw_reconciliation() {
    static ui::CoreTable staff("cashier.staff_cash");
    static DeskCash desk;
    static ui::DataTable desk_table("cashier.desk", DeskCash::columns());
    const State& s = session::state();
    ui::heading("cashier.reconcile.staff_heading");
    ui::hint("cashier.reconcile.staff_hint");
    staff.update(ui::core_table_key({session::revision()}),
                 [&](Language lang) { return staff_cash_table(s, session::now_ms(), lang); });
    staff.draw({.height = ImGui::GetFrameHeightWithSpacing() * 6, .export_filename = "staff-cash.csv"});
    ui::heading("cashier.reconcile.desk_heading");
    ui::hint("cashier.reconcile.desk_hint");
    desk.refresh(s);
    desk_table.draw(desk, {.height = ImGui::GetFrameHeightWithSpacing() * 5, .searchable = false,
                           .export_filename = "cash-desk.csv"});
}

//-----------------------------------------------------------------------------
// [SECTION] Settlements
//-----------------------------------------------------------------------------

// What waits for settlement, for a role that looks but does not pay out.
void draw_settlements_read_only(const State& s, const std::vector<const FormRecord*>& forms) {
    static ui::CoreTable table("cashier.settle.waiting");
    table.update(ui::core_table_key({session::revision()}), [&](Language) {
        Table t;
        t.columns = {choices::column("household", "cashier.ledger.col_household"),
                     choices::column("item", "cashier.ledger.col_item"), choices::column("stopped", "cashier.settle.stopped"),
                     choices::column("deposit", "cashier.receive.deposit_held", true),
                     choices::column("prepaid", "cashier.receive.prepaid", true), choices::column("form", "cashier.ledger.col_form")};
        for (const FormRecord* f : forms)
            t.add_row({household_label(s, f->def.household_id), choices::item_name(s, f->def.item_id),
                       choices::when(s, f->stopped_ms) + " " + f->stop_reason, format_yuan_plain(f->deposit_held()),
                       format_yuan_plain(f->prepaid_balance()), f->def.form_id});
        return t;
    });
    ui::hint("cashier.settle.by_cashier");
    table.draw({.height = ImGui::GetFrameHeightWithSpacing() * 8, .export_filename = "settlements-waiting.csv"});
}

void draw_settlements() {
    static int chosen = 0;
    static ui::MoneyInput refund, retained, prepayment;
    static std::string query, note, prefilled_for;
    static session::Form form;
    const State& s = session::state();
    ui::heading("cashier.settle.heading");
    std::vector<const FormRecord*> forms = unsettled_stopped_forms(s);
    // The service stopped last first: the resident who just stopped it is at the desk.
    std::stable_sort(forms.begin(), forms.end(), [](const FormRecord* a, const FormRecord* b) { return a->stopped_ms > b->stopped_ms; });
    if (forms.empty()) {
        ui::hint("cashier.settle.none");
        form.show_other_errors({});
        return;
    }
    if (!session::may_record(EventType::settlement_paid)) {
        draw_settlements_read_only(s, forms);
        return;
    }
    ui::search_field("cashier.settle.find", query);
    std::vector<std::string> labels;
    std::vector<const FormRecord*> found;
    for (const FormRecord* f : forms) {
        std::string label = household_label(s, f->def.household_id) + " · " + f->def.resident_name + " · " +
                            choices::item_name(s, f->def.item_id) + " · " + f->def.form_id;
        if (!query.empty() && label.find(query) == std::string::npos) continue;
        found.push_back(f);
        labels.push_back(std::move(label));
    }
    forms = std::move(found);
    if (forms.empty()) {
        ui::hint("cashier.receive.no_forms");
        return;
    }
    if (chosen >= int(forms.size())) chosen = 0;
    ui::combo_data("cashier.settle.form", &chosen, labels);
    const FormRecord& f = *forms[std::size_t(chosen)];
    ui::label_value("cashier.settle.stopped", choices::when_text(s, f.stopped_ms) + " · " + f.stop_reason);
    ui::label_value("cashier.receive.deposit_held", i18n::money(f.deposit_held()));
    ui::label_value("cashier.receive.prepaid", i18n::money(f.prepaid_balance()));
    if (prefilled_for != f.def.form_id) {
        prefilled_for = f.def.form_id;
        refund.set(f.deposit_held());
        retained.set(Fen{});
        prepayment.set(f.prepaid_balance());
    }
    ui::money_field("cashier.settle.deposit_refund", refund, money_error(form, refund, "deposit_refund"));
    ui::money_field("cashier.settle.deposit_retained", retained, money_error(form, retained, "deposit_retained"));
    ui::money_field("cashier.settle.prepayment_refund", prepayment, money_error(form, prepayment, "prepayment_refund"));
    ui::text_field("cashier.settle.note", note, form.error("note"), {.placeholder_key = "cashier.settle.note_placeholder",
                                                                     .max_chars = 200});
    // An amount that is not one yet goes to the core as -1 fen: it names the field.
    const SettlementPaid proposed{"", f.def.form_id, refund.value.value_or(Fen{-1}), retained.value.value_or(Fen{-1}),
                                  prepayment.value.value_or(Fen{-1}), note};
    form.check_as_you_type(proposed);
    if (ui::primary_button("cashier.settle.pay")) {
        if (!refund.value || !retained.value || !prepayment.value) {
            form.fail("settlement.bad_amount", "deposit_refund", "cashier.amount_required");
        } else if (form.submit(session::run(proposed), "cashier.settle.paid")) {
            note.clear();
            prefilled_for.clear();
        }
    }
    form.show_other_errors({"deposit_refund", "deposit_retained", "prepayment_refund", "note"});
}

}  // namespace bianmin::screens::cashier
