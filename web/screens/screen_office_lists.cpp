// Office: the list of long-term subscribers per item [1-4.6] and the 11 registers the
// office keeps [3-5], each a core Table shown with search, sort and CSV export.
//
// Index
// [SECTION] Subscribers
// [SECTION] Registers
// [SECTION] The screen
#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "bianmin/registers.hpp"
#include "bianmin/reports.hpp"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "runtime/data_month.h"
#include "runtime/record_choices.h"
#include "ui/core_table.h"
#include "ui/fields.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Subscribers
//-----------------------------------------------------------------------------

void draw_subscribers() {
    static int chosen = 0;
    static ui::CoreTable view("office.lists.subscribers");
    const State& s = session::state();
    std::vector<std::string> ids, names;
    for (const auto& [id, item] : s.items) {
        ids.push_back(id);
        names.push_back(choices::item_name(s, id));
    }
    if (ids.empty()) {
        ui::hint("office.lists.no_items");
        return;
    }
    if (chosen >= int(ids.size())) chosen = 0;
    ui::combo_data("office.lists.item", &chosen, names);
    const std::string& item = ids[std::size_t(chosen)];
    view.update(ui::core_table_key({session::revision(), std::uint64_t(chosen)}),
                [&](Language lang) { return subscriber_table(s, item, session::now_ms(), lang); });
    ui::label_value("office.lists.subscriber_count", i18n::grouped(std::int64_t(view.table().rows.size())));
    view.draw({.export_filename = "subscribers.csv"});
}

//-----------------------------------------------------------------------------
// [SECTION] Registers
//-----------------------------------------------------------------------------

void draw_registers() {
    static int kind = 0;
    static std::string month_text;
    static ui::CoreTable view("office.lists.register");
    const State& s = session::state();
    std::vector<std::string> kinds;
    for (const auto& e : EnumTable<RegisterKind>::entries) kinds.emplace_back(choices::label(e.value));
    ui::combo_data("office.lists.register", &kind, kinds);
    // An optional month: what was registered (or moved) in it; empty = everything.
    std::optional<YearMonth> month;
    ui::FieldError month_error;
    if (!month_text.empty()) {
        month = parse_year_month(month_text);
        if (!month) month_error = ui::field_error_from_key("register.bad_month", "month", "office.lists.month_invalid");
    }
    ui::text_field("office.lists.month", month_text, month_error.code.empty() ? nullptr : &month_error,
                   {.placeholder_key = "office.lists.month_placeholder", .width = 8, .max_chars = 7});
    const RegisterKind register_kind = EnumTable<RegisterKind>::entries[kind].value;
    RegisterFilter filter;
    if (month) {
        filter.from_ms = month_start_ms(*month, s.settings.tz_offset_minutes);
        filter.to_ms = month_end_ms(*month, s.settings.tz_offset_minutes);
    }
    const std::uint64_t month_key = month ? std::uint64_t(month->year * 100 + month->month) : 0;
    view.update(ui::core_table_key({session::revision(), std::uint64_t(kind), month_key}),
                [&](Language) { return register_table(s, register_kind, filter); });
    ui::value_text(ui::core_language() == Language::zh ? view.table().title_zh : view.table().title_en);
    const std::string filename = "register-" + std::string(to_string(register_kind)) + ".csv";
    view.draw({.height = ImGui::GetFrameHeightWithSpacing() * 12, .export_filename = filename.c_str()});
    view.draw_notes();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The screen
//-----------------------------------------------------------------------------

void draw_office_lists(App&) {
    ui::title("office.lists.title");
    if (ui::begin_tabs("office.lists.tabs")) {
        if (ui::tab("office.lists.tab_subscribers")) {
            draw_subscribers();
            ui::end_tab();
        }
        if (ui::tab("office.lists.tab_registers")) {
            draw_registers();
            ui::end_tab();
        }
        ui::end_tabs();
    }
}

}  // namespace bianmin::screens
