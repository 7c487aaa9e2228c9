// People & devices, part 3: the estate's service items — the default catalogue
// (catalogue.hpp; seeding defines the items the estate lacks), new items of the
// estate's own (item_defined) [3-4.2.3], and corrections of an item's names, units,
// monthly cost and promised time (field edits). Prices here are defaults for drafting the
// price table; residents pay what the published table says (Survey & price table
// screen), and a new table version takes an item's changed monthly cost.
//
// [SECTION] Items table
// [SECTION] Correcting an item
// [SECTION] Catalogue and new items
#include <cstdint>
#include <string>

#include "bianmin/catalogue.hpp"
#include "bianmin/commands.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/office_people_parts.h"
#include "ui/core_table.h"
#include "ui/fields.h"
#include "ui/widgets.h"

namespace bianmin::screens::people {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Items table
//-------------------------------------------------------------------------------------

Table items_table(const State& s, Language lang) {
    const bool zh = lang == Language::zh;
    Table t;
    t.columns = {choices::column("id", "people.col_id"), choices::column("item", "people.col_item"),
                 choices::column("billing", "people.col_billing"), choices::column("price", "people.col_price", true),
                 choices::column("status", "people.col_item_status")};
    for (const auto& [id, item] : s.items) {
        const ItemDefined& d = item.def;
        t.add_row({id, zh || d.name_en.empty() ? d.name_zh : d.name_en,
                   std::string(zh ? label_zh(d.billing) : label_en(d.billing)), i18n::money(d.price),
                   std::string(zh ? label_zh(item.status) : label_en(item.status))});
    }
    return t;
}

//-------------------------------------------------------------------------------------
// [SECTION] Correcting an item
//-------------------------------------------------------------------------------------

void draw_correct_item(const State& s, std::string& item_id) {
    static int chosen = 0;
    static FieldsEditor fields("people.save_item", "people.item_saved");
    ui::heading("people.correct_item_heading");
    choices::Choices items;
    for (const auto& [id, item] : s.items) items.add(id, choices::item_name(s, id) + " · " + id);
    if (items.empty()) return;
    if (const int tapped = items.index_of(item_id); tapped >= 0) chosen = tapped;
    choices::pick("people.correct_item", chosen, items);
    item_id = items.id(chosen);
    fields.draw(s, RecordKind::item, item_id, {"name_zh", "name_en", "unit_zh", "unit_en", "monthly_cost", "promised_hours"});
}

//-------------------------------------------------------------------------------------
// [SECTION] Catalogue and new items
//-------------------------------------------------------------------------------------

void draw_seed(const State& s) {
    static session::Form form;
    ui::heading("people.seed_heading");
    auto catalogue = default_catalogue();
    if (!catalogue) return;
    std::size_t missing = 0;
    for (const auto& item : catalogue.value().items)
        if (!s.find_item(item.item_id)) ++missing;
    ui::value_text_wrapped(i18n::fill("people.seed_hint", {std::to_string(catalogue.value().items.size()), std::to_string(missing)}));
    form.show_other_errors({});
    if (ui::button_enabled_if("people.seed", missing > 0))
        form.submit(session::commit(seed_catalogue(session::context(), s, catalogue.value())), "people.seeded");
}

struct ItemForm {
    std::string id, name_zh, name_en, unit_zh, unit_en, break_even;
    int billing = 0;
    ui::MoneyInput price, deposit, prepayment, cost;
    session::Form form;
};

void draw_define(const State&) {
    static ItemForm f;
    ui::heading("people.item_heading");
    ui::text_field("people.item_id", f.id, f.form.error("item_id"),
                   {.placeholder_key = "people.item_id_placeholder", .width = 12, .max_chars = 64});
    ui::text_field("people.item_name_zh", f.name_zh, f.form.error("name_zh"), {.width = 12, .max_chars = 50});
    ui::text_field("people.item_name_en", f.name_en, f.form.error("name_en"), {.width = 12, .max_chars = 80});
    const auto billings = choices::labels<Billing>();
    ui::combo_data("people.item_billing", &f.billing, billings);
    ui::text_field("people.item_unit_zh", f.unit_zh, f.form.error("unit_zh"), {.width = 6, .max_chars = 10});
    ui::text_field("people.item_unit_en", f.unit_en, f.form.error("unit_en"), {.width = 6, .max_chars = 20});
    ui::money_field("people.item_price", f.price, f.form.error("price"));
    ui::money_field("people.item_deposit", f.deposit, f.form.error("deposit"));
    ui::money_field("people.item_prepayment", f.prepayment, f.form.error("prepayment"));
    ui::money_field("people.item_cost", f.cost, f.form.error("monthly_cost"));
    std::int64_t break_even = 0;
    bool break_even_ok = f.break_even.size() <= 9;
    for (char c : f.break_even) {
        if (c < '0' || c > '9') break_even_ok = false;
        else if (break_even_ok) break_even = break_even * 10 + (c - '0');
    }
    static const ui::FieldError bad_count =
        ui::field_error_from_key("item.bad_break_even", "break_even_subscribers", "people.break_even_invalid");
    ui::text_field("people.item_break_even", f.break_even, break_even_ok ? f.form.error("break_even_subscribers") : &bad_count,
                   {.phone = true, .width = 6, .max_chars = 6});
    f.form.show_other_errors({"item_id", "name_zh", "name_en", "unit_zh", "unit_en", "price", "deposit", "prepayment",
                              "monthly_cost", "break_even_subscribers"});
    // A money field names its own bad amount; an empty one is nought.
    const auto amount_ok = [](const ui::MoneyInput& m) { return m.text.empty() || m.value.has_value(); };
    const bool amounts_ok = amount_ok(f.price) && amount_ok(f.deposit) && amount_ok(f.prepayment) && amount_ok(f.cost);
    ItemDefined item;
    item.item_id = f.id;
    item.name_zh = f.name_zh;
    item.name_en = f.name_en;
    item.billing = choices::value_at<Billing>(f.billing);
    item.unit_zh = f.unit_zh;
    item.unit_en = f.unit_en;
    item.price = f.price.value.value_or(Fen{});
    item.deposit = f.deposit.value.value_or(Fen{});
    item.prepayment = f.prepayment.value.value_or(Fen{});
    item.monthly_cost = f.cost.value.value_or(Fen{});
    item.break_even_subscribers = break_even;
    f.form.check_as_you_type(item);
    if (!ui::primary_button("people.define_item")) return;
    if (!break_even_ok) return f.form.fail("item.bad_break_even", "break_even_subscribers", "people.break_even_invalid");
    if (!amounts_ok) return f.form.fail("item.bad_amount", "", "office.editor.amount_invalid");
    if (f.form.submit(session::run(item), "people.item_defined")) f = ItemForm{};
}

}  // namespace

void draw_items(const State& s) {
    static ui::CoreTable view("people.items");
    static std::string tapped;  // an item tapped in the table is the one corrected
    view.update(ui::core_table_key({session::revision()}), [&](Language lang) { return items_table(s, lang); });
    const int clicked = view.draw({.height = ImGui::GetFontSize() * 12, .export_filename = "items.csv"});
    if (clicked >= 0 && std::size_t(clicked) < view.table().rows.size()) tapped = view.table().rows[clicked][0];
    draw_correct_item(s, tapped);
    ImGui::Spacing();
    draw_seed(s);
    ImGui::Spacing();
    draw_define(s);
}

}  // namespace bianmin::screens::people
