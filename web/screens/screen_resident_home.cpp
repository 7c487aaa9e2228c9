// Resident home — the published price table, my services (entrustment forms), my money
// (payments, deposits, prepayments) [SPEC "Serving a resident" 1-2, 7; 1-4.2, 1-4.5].
//
// [SECTION] The resident's household
// [SECTION] Tables
// [SECTION] Screen
#include "screens/screen_resident.h"

#include "app.h"
#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/core_table.h"
#include "ui/widgets.h"

namespace bianmin::screens {

//-------------------------------------------------------------------------------------
// [SECTION] The resident's household
//-------------------------------------------------------------------------------------

const ResidentRecord* signed_in_resident() {
    const auto& actor = session::actor();
    if (!actor || actor->role != Role::resident) return nullptr;
    return session::state().find_resident(actor->person_id);
}

const ResidentRecord* resident_header(App& app) {
    const ResidentRecord* me = signed_in_resident();
    if (!me) {
        ui::hint("resident.not_a_resident");
        return nullptr;
    }
    const State& s = session::state();
    ui::value_text(choices::household_name(s, me->household_id));
    ui::beside_if_room(ui::button_width("resident.export_file"));
    if (ui::button("resident.export_file")) app.open_screen("exchange");
    return me;
}

namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Tables
//-------------------------------------------------------------------------------------

std::string yuan(Fen amount) { return format_yuan_plain(amount); }

Table price_table(const State& s) {
    Table t;
    t.columns = {choices::column("item", "resident.col_item"), choices::column("billing", "resident.col_billing"),
                 choices::column("price", "resident.col_price_yuan", true), choices::column("unit", "resident.col_unit"),
                 choices::column("deposit", "resident.col_deposit_yuan", true),
                 choices::column("prepayment", "resident.col_prepayment_yuan", true)};
    const PriceTableRecord* table = current_price_table(s);
    if (!table) return t;
    const bool zh = i18n::current() == i18n::Lang::Zh;
    for (const PriceRow& row : table->def.rows) {
        const ItemRecord* item = s.find_item(row.item_id);
        if (item && item->status == ItemStatus::stopped) continue;
        t.add_row({choices::item_name(s, row.item_id), choices::label(row.billing), yuan(row.price),
                   zh ? row.unit_zh : row.unit_en, yuan(row.deposit), yuan(row.prepayment)});
    }
    return t;
}

Table services_table(const State& s, const std::string& household) {
    Table t;
    t.columns = {choices::column("item", "resident.col_item"), choices::column("kind", "resident.col_kind"),
                 choices::column("status", "resident.col_status"), choices::column("registered", "resident.col_date", true),
                 choices::column("deposit", "resident.col_deposit_held", true),
                 choices::column("prepaid", "resident.col_prepaid_balance", true),
                 choices::column("due", "resident.col_due", true), choices::column("form", "resident.col_form")};
    const std::int64_t now = session::now_ms();
    for (const FormRecord* form : forms_of_household(s, household)) {
        const char* status = form->stopped ? "resident.status_stopped"
                             : form->is_signed() ? "resident.status_active" : "resident.status_unsigned";
        t.add_row({choices::item_name(s, form->def.item_id), choices::label(form->def.kind), i18n::tr(status),
                   to_string(date_at(s, form->registered_ms)), yuan(form->deposit_held()), yuan(form->prepaid_balance()),
                   yuan(std::max(amount_due(s, *form, now), Fen{0})), form->def.form_id});
    }
    return t;
}

Table money_table(const State& s, const std::string& household) {
    Table t;
    t.columns = {choices::column("date", "resident.col_date", true), choices::column("kind", "resident.col_kind"),
                 choices::column("item", "resident.col_item"), choices::column("amount", "resident.col_amount_yuan", true),
                 choices::column("entry", "resident.col_entry")};
    for (const MoneyEntry& m : s.money) {
        if (m.household_id != household) continue;
        t.add_row({to_string(date_at(s, m.ms)), choices::label(m.kind), choices::item_name(s, m.item_id),
                   yuan(m.cash), m.entry_id});
    }
    return t;
}

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_money_summary(const State& s, const std::string& household) {
    Fen deposits, prepaid, due;
    const std::int64_t now = session::now_ms();
    for (const FormRecord* form : forms_of_household(s, household)) {
        deposits += form->deposit_held();
        prepaid += form->prepaid_balance();
        due += std::max(amount_due(s, *form, now), Fen{0});
    }
    ui::label_value("resident.deposits_held", i18n::money(deposits));
    ui::label_value("resident.prepaid_total", i18n::money(prepaid));
    ui::label_value("resident.due_total", i18n::money(due));
}

}  // namespace

void draw_resident_home(App& app) {
    ui::title("nav.resident_home");
    const ResidentRecord* me = resident_header(app);
    if (!me) return;
    const State& s = session::state();
    const std::string& household = me->household_id;
    const std::uint64_t key = ui::core_table_key({session::revision(), std::hash<std::string>{}(household)});
    if (ui::begin_tabs("resident.home_tabs")) {
        if (ui::tab("resident.tab_prices")) {
            const PriceTableRecord* table = current_price_table(s);
            if (!table) {
                ui::hint("resident.no_price_table");
            } else {
                ui::value_text_wrapped(i18n::fill("resident.table_version",
                                          {std::to_string(table->def.year), std::to_string(table->def.version),
                                           to_string(date_at(s, table->published_ms))}));
            }
            static ui::CoreTable prices("resident.prices");
            prices.update(key, [&](Language) { return price_table(s); });
            prices.draw({.export_filename = "price-table.csv"});
            ui::end_tab();
        }
        if (ui::tab("resident.tab_services")) {
            static ui::CoreTable services("resident.services");
            services.update(key, [&](Language) { return services_table(s, household); });
            services.draw({.export_filename = "my-services.csv"});
            ui::end_tab();
        }
        if (ui::tab("resident.tab_money")) {
            draw_money_summary(s, household);
            static ui::CoreTable money("resident.money");
            money.update(key, [&](Language) { return money_table(s, household); });
            money.draw({.export_filename = "my-payments.csv"});
            ui::end_tab();
        }
        ui::end_tabs();
    }
}

}  // namespace bianmin::screens
