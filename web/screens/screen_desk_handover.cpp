// Desk handover — the fees a staff member collected and still holds, handed to finance
// [SPEC "Serving a resident" 4; 1-4.8]: cash on hand per staff member must reconcile with
// what they recorded.
//
// The core has the cashier record the receipt (HandoverReceived, cashier only): front desk
// and service workers see what they hold here and take it to the cashier, who receives
// it on the cashier screen (screen_cashier_handover.cpp).
//
// [SECTION] Tables
// [SECTION] My cash
// [SECTION] Screen
#include "app.h"
#include "bianmin/fields.hpp"
#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/core_table.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Tables
//-------------------------------------------------------------------------------------

// A staff member's collections not yet handed over, oldest first.
std::vector<const MoneyEntry*> unhanded_of(const State& s, const std::string& person) {
    std::vector<const MoneyEntry*> out;
    auto held = s.unhanded.find(person);
    if (held == s.unhanded.end()) return out;
    for (const auto& [id, ms] : held->second)
        if (const MoneyEntry* m = s.find_money(id); m && m->reversed_by.empty()) out.push_back(m);
    std::sort(out.begin(), out.end(), [](const MoneyEntry* a, const MoneyEntry* b) { return a->ms < b->ms; });
    return out;
}

Fen total(const std::vector<const MoneyEntry*>& entries) {
    Fen sum;
    for (const MoneyEntry* m : entries) sum += m->cash;
    return sum;
}

Table collections_table(const State& s, const std::vector<const MoneyEntry*>& entries) {
    Table t;
    t.columns = {choices::column("date", "desk.col_date", true), choices::column("household", "desk.col_household"),
                 choices::column("item", "desk.col_item"), choices::column("amount", "desk.col_amount", true),
                 choices::column("collection", "desk.col_collection")};
    for (const MoneyEntry* m : entries)
        t.add_row({choices::when(s, m->ms), household_label(s, m->household_id), choices::item_name(s, m->item_id),
                   format_yuan_plain(m->cash), m->entry_id});
    return t;
}

Table staff_cash_table(const State& s) {
    Table t;
    t.columns = {choices::column("staff", "desk.col_staff"), choices::column("collected", "desk.col_collected", true),
                 choices::column("handed", "desk.col_handed", true), choices::column("counted", "desk.col_counted", true),
                 choices::column("discrepancy", "desk.col_discrepancy", true),
                 choices::column("on_hand", "desk.col_on_hand", true), choices::column("oldest", "desk.col_oldest"),
                 choices::column("overdue", "desk.col_overdue")};
    for (const StaffCash& c : staff_cash(s, session::now_ms()))
        t.add_row({c.name, format_yuan_plain(c.collected), format_yuan_plain(c.handed_over_expected),
                   format_yuan_plain(c.handed_over_counted), format_yuan_plain(c.discrepancy), format_yuan_plain(c.on_hand),
                   choices::when(s, c.oldest_unhanded_ms), c.overdue ? i18n::tr("desk.overdue_yes") : ""});
    return t;
}

//-------------------------------------------------------------------------------------
// [SECTION] My cash
//-------------------------------------------------------------------------------------

void draw_my_cash(const State& s, const std::string& me) {
    ui::heading("desk.my_cash_heading");
    const auto mine = unhanded_of(s, me);
    ui::label_value("desk.my_cash_total", i18n::money(total(mine)));
    if (mine.empty()) {
        ui::hint("desk.my_cash_none");
        return;
    }
    if (const std::int64_t oldest = oldest_unhanded_ms(s, me);
        oldest && session::now_ms() - oldest > std::int64_t(s.settings.handover_limit_days) * kMsPerDay)
        ui::error_text(i18n::fill("desk.my_cash_overdue", {std::to_string(s.settings.handover_limit_days)}));
    ui::hint("desk.my_cash_hint");
    static ui::CoreTable table("desk.my_cash");
    table.update(ui::core_table_key({session::revision(), std::hash<std::string>{}(me)}),
                 [&](Language) { return collections_table(s, mine); });
    table.draw({.height = ImGui::GetFontSize() * 10, .export_filename = "my-collections.csv"});
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_desk_handover(App&) {
    ui::title("nav.desk_handover");
    const auto& actor = session::actor();
    if (!actor) return;
    const State& s = session::state();
    if (!ui::begin_tabs("desk.handover_tabs")) return;
    if (ui::tab("desk.tab_my_cash")) {
        draw_my_cash(s, actor->person_id);
        ui::end_tab();
    }
    if (ui::tab("desk.tab_staff_cash")) {
        ui::hint("desk.staff_cash_hint");
        static ui::CoreTable table("desk.staff_cash");
        table.update(ui::core_table_key({session::revision()}), [&](Language) { return staff_cash_table(s); });
        table.draw({.export_filename = "staff-cash.csv"});
        ui::end_tab();
    }
    ui::end_tabs();
}

}  // namespace bianmin::screens
