// People & devices, part 3: the estate's service items — the default catalogue
// (catalogue.hpp; seeding defines the items the estate lacks) and new items of the
// estate's own (item_defined). Prices here are defaults for drafting the price table;
// residents pay what the published table says (Survey & price table screen).
//
// [SECTION] Items table
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
    ui::text_field("people.item_break_even", f.break_even, f.form.error("break_even_subscribers"),
                   {.phone = true, .width = 6, .max_chars = 6});
    f.form.show_other_errors({"item_id", "name_zh", "name_en", "unit_zh", "unit_en", "price", "deposit", "prepayment",
                              "monthly_cost", "break_even_subscribers"});
    if (!ui::primary_button("people.define_item")) return;
    std::int64_t break_even = 0;
    for (char c : f.break_even) {
        if (c < '0' || c > '9') return f.form.fail("item.bad_break_even", "break_even_subscribers", "people.break_even_invalid");
        break_even = break_even * 10 + (c - '0');
    }
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
    if (f.form.submit(session::run(item), "people.item_defined")) f = ItemForm{};
}

}  // namespace

void draw_items(const State& s) {
    static ui::CoreTable view("people.items");
    view.update(ui::core_table_key({session::revision()}), [&](Language lang) { return items_table(s, lang); });
    view.draw({.height = ImGui::GetFontSize() * 14, .export_filename = "items.csv"});
    draw_seed(s);
    ImGui::Spacing();
    draw_define(s);
}

}  // namespace bianmin::screens::people
