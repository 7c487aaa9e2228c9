// Office manager: one price table — its rows with break-even figures; a draft (or a
// rejected table) is revised and submitted, an approved one published on the chosen
// channels, a published one is read-only: a change is a new version through approval.
// [1-4.1, 1-4.2, 3-4.1.4–4.1.5, 3-4.2.2]
//
// Index
// [SECTION] Rows being edited
// [SECTION] Editing one row
// [SECTION] Status and decisions
// [SECTION] The editor
#include <algorithm>
#include <string>
#include <vector>

#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/session.h"
#include "screens/screen_office_cycle.h"
#include "runtime/data_month.h"
#include "runtime/record_choices.h"
#include "ui/data_table.h"
#include "ui/fields.h"
#include "ui/price_rows.h"
#include "ui/widgets.h"

namespace bianmin::screens::office_cycle {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Rows being edited
//-----------------------------------------------------------------------------

struct RowInputs {
    ui::MoneyInput price, deposit, prepayment, cost;
    std::string break_even;
};

struct Editor {
    std::string table_id;
    std::vector<PriceRow> saved;  // the rows as recorded
    std::vector<PriceRow> rows;   // as being edited (valid inputs applied)
    std::vector<RowInputs> inputs;
    std::string note;
    int row = 0;                  // the row being edited
    ui::PriceRowsSource figures;
    std::uint64_t figures_key = ~0ULL;
    std::vector<bool> channels;
    session::Form form;
    session::Form publish_form;  // its own: a check as you type compares one payload's fields
};

void load(Editor& e, const PriceTableRecord& t) {
    e.table_id = t.def.table_id;
    e.saved = e.rows = t.def.rows;
    e.inputs.assign(e.rows.size(), {});
    for (std::size_t i = 0; i < e.rows.size(); ++i) {
        e.inputs[i].price.set(e.rows[i].price);
        e.inputs[i].deposit.set(e.rows[i].deposit);
        e.inputs[i].prepayment.set(e.rows[i].prepayment);
        e.inputs[i].cost.set(e.rows[i].monthly_cost);
        e.inputs[i].break_even = std::to_string(e.rows[i].break_even_subscribers);
    }
    e.note = t.def.note;
    e.row = 0;
    e.channels.assign(std::size(EnumTable<PublishChannel>::entries), false);
    e.form.clear();
    e.publish_form.clear();
    e.figures_key = ~0ULL;
}

bool parse_count(const std::string& text, std::int64_t& out) {
    if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    out = std::stoll(text);
    return true;
}

// Checks every input the UI can check itself; names the first bad one like the core does.
bool inputs_valid(Editor& e) {
    for (std::size_t i = 0; i < e.inputs.size(); ++i) {
        const std::string field = "rows[" + std::to_string(i) + "]";
        const RowInputs& in = e.inputs[i];
        const bool money_ok = in.price.value && in.deposit.value && in.prepayment.value && in.cost.value;
        std::int64_t count = 0;
        if (!money_ok || !parse_count(in.break_even, count)) {
            e.row = int(i);
            e.form.fail("price_table.bad_input", (field + (money_ok ? ".break_even_subscribers" : ".price")).c_str(),
                        money_ok ? "office.editor.count_invalid" : "office.editor.amount_invalid");
            return false;
        }
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Editing one row
//-----------------------------------------------------------------------------

void draw_row_editor(Editor& e) {
    if (e.rows.empty()) return;
    e.row = std::clamp(e.row, 0, int(e.rows.size()) - 1);
    const State& s = session::state();
    PriceRow& row = e.rows[std::size_t(e.row)];
    RowInputs& in = e.inputs[std::size_t(e.row)];
    const std::string field = "rows[" + std::to_string(e.row) + "]";
    ImGui::PushID(e.row);
    ui::label_value("office.editor.row_item", choices::item_name(s, row.item_id));
    ui::label_value("office.editor.row_billing", choices::label(row.billing));
    if (row.billing != Billing::free) {
        if (ui::money_field("office.editor.price", in.price, e.form.error(field + ".price")) && in.price.value) row.price = *in.price.value;
        if (ui::money_field("office.editor.deposit", in.deposit, e.form.error(field + ".deposit")) && in.deposit.value)
            row.deposit = *in.deposit.value;
        if (ui::money_field("office.editor.prepayment", in.prepayment, e.form.error(field + ".prepayment")) && in.prepayment.value)
            row.prepayment = *in.prepayment.value;
    }
    if (ui::money_field("office.editor.cost", in.cost, e.form.error(field + ".monthly_cost")) && in.cost.value)
        row.monthly_cost = *in.cost.value;
    if (row.billing != Billing::free) {
        ui::text_field("office.editor.break_even", in.break_even, e.form.error(field + ".break_even_subscribers"),
                       {.width = 8, .max_chars = 7});
        std::int64_t count = 0;
        if (parse_count(in.break_even, count)) row.break_even_subscribers = count;
        // Break-even plus small profit [1-4.1]: the least subscribers whose monthly fees
        // cover the monthly cost (monthly items).
        if (row.billing == Billing::per_month && row.price.value > 0) {
            const std::int64_t suggested = suggested_break_even(row.monthly_cost, row.price);
            ui::label_value("office.editor.suggested", std::to_string(suggested));
            ui::beside_if_room(ui::button_width("office.editor.use_suggested"));
            if (ui::button("office.editor.use_suggested")) in.break_even = std::to_string(suggested);
        }
    }
    ImGui::PopID();
}

//-----------------------------------------------------------------------------
// [SECTION] Status and decisions
//-----------------------------------------------------------------------------

void draw_status(const State& s, const PriceTableRecord& t) {
    ui::label_value("office.editor.status", choices::label(t.status));
    if (!t.def.replaces.empty()) {
        if (const PriceTableRecord* old = s.find_table(t.def.replaces))
            ui::label_value("office.editor.replaces", i18n::fill("office.editor.version_of", {std::to_string(old->def.year),
                                                                                         std::to_string(old->def.version)}));
    }
    for (const auto& c : t.rejection_comments) ui::label_value("office.editor.gm_rejected", c);
    if (t.status == PriceTableStatus::approved || t.status == PriceTableStatus::published ||
        t.status == PriceTableStatus::superseded)
        ui::label_value("office.editor.gm_approved", t.decision_comment.empty() ? "-" : t.decision_comment);
}

void draw_publish(Editor& e) {
    ui::heading("office.editor.publish_heading");
    int i = 0;
    for (const auto& entry : EnumTable<PublishChannel>::entries) {
        ImGui::PushID(i);
        const bool on = e.channels[std::size_t(i)];
        if (ui::selectable_data(std::string(on ? "[x] " : "[ ] ") + std::string(choices::label(entry.value)), on,
                                std::string(entry.id).c_str()))
            e.channels[std::size_t(i)] = !on;
        ImGui::PopID();
        ++i;
    }
    PriceTablePublished published{e.table_id, {}};
    i = 0;
    for (const auto& entry : EnumTable<PublishChannel>::entries)
        if (e.channels[std::size_t(i++)]) published.channels.push_back(entry.value);
    e.publish_form.check_as_you_type(published);
    if (ui::primary_button("office.editor.publish")) e.publish_form.submit(session::run(published), "office.editor.published");
    e.publish_form.show_other_errors({});
}

void draw_new_version(Editor& e, const State& s, const PriceTableRecord& t) {
    ui::hint("office.editor.read_only");
    const PriceTableRecord* current = current_price_table(s);
    if (!current || current->def.table_id != t.def.table_id) return;
    if (ui::button("office.editor.new_version")) {
        PriceTableDrafted draft{"", t.def.year, next_price_table_version(s, t.def.year), t.def.table_id, t.def.survey_id,
                                rows_for_new_version(s, t), ""};
        auto result = session::run(draft);
        if (e.form.submit(result, "office.draft.created"))
            for (const auto& ev : result.value())
                if (const auto* made = ev.as<PriceTableDrafted>()) selected_table() = made->table_id;
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The editor
//-----------------------------------------------------------------------------

void draw_table_editor(const std::string& table_id) {
    static Editor e;
    static ui::DataTable rows_table("office.editor.rows", ui::PriceRowsSource::columns());
    const State& s = session::state();
    const PriceTableRecord& t = *s.find_table(table_id);
    // Reload when another table is chosen or its recorded rows changed (after a save).
    if (e.table_id != table_id || e.saved != t.def.rows) load(e, t);

    ui::heading("office.editor.heading");
    ui::value_text_wrapped(i18n::fill("office.editor.which", {std::to_string(t.def.year), std::to_string(t.def.version)}));
    draw_status(s, t);

    const std::uint64_t key = session::revision() * 4 + (i18n::current() == i18n::Lang::Zh ? 0 : 1);
    if (e.figures_key != key || e.figures.rows() != e.rows) {
        e.figures.set(s, e.rows, data_month(s, session::now_ms()), session::now_ms());
        e.figures_key = key;
    }
    ui::hint("office.editor.figures_hint");
    const int clicked = rows_table.draw(e.figures, {.height = ImGui::GetFrameHeightWithSpacing() * 7, .searchable = false,
                                                    .export_filename = "price-table.csv"});
    const bool editable = t.status == PriceTableStatus::draft || t.status == PriceTableStatus::rejected;
    if (clicked >= 0) e.row = clicked;

    if (editable) {
        draw_row_editor(e);
        ui::text_field("office.editor.note", e.note, e.form.error("note"), {.max_chars = 500});
        const PriceTableRevised revised{table_id, e.rows, e.note};
        e.form.check_as_you_type(revised);
        if (ui::button("office.editor.save") && inputs_valid(e))
            e.form.submit(session::run(revised), "office.editor.saved");
        ImGui::SameLine();
        if (ui::primary_button("office.editor.submit") && inputs_valid(e)) {
            std::vector<Payload> steps;
            if (e.rows != e.saved || e.note != t.def.note) steps.push_back(PriceTableRevised{table_id, e.rows, e.note});
            steps.push_back(PriceTableSubmitted{table_id});
            e.form.submit(session::run_all(std::move(steps)), "office.editor.submitted");
        }
    } else if (t.status == PriceTableStatus::submitted) {
        ui::hint("office.editor.waiting");
    } else if (t.status == PriceTableStatus::approved) {
        draw_publish(e);
    } else {
        draw_new_version(e, s, t);
    }
    const std::string f = "rows[" + std::to_string(e.row) + "]";
    const std::string shown[] = {f + ".price", f + ".deposit", f + ".prepayment", f + ".monthly_cost", f + ".break_even_subscribers"};
    e.form.show_other_errors({shown[0], shown[1], shown[2], shown[3], shown[4], "note"});
}

}  // namespace bianmin::screens::office_cycle
