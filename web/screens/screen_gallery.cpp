// TEST-ONLY SCREEN — the widget gallery.
//
// Every platform widget on one screen, so the browser tests (tests/browser/specs) can
// exercise text input, IME, touch, fonts, tables, charts, the signature pad and files
// before the real screens exist. Reachable only with ?test=1&screen=gallery (app.cpp);
// people never see it. `&section=table` (fields, table, chart, signature, files) opens a
// tab directly. Names below are made-up test data.
//
// [SECTION] State
// [SECTION] Fields
// [SECTION] Table (200,000 rows)
// [SECTION] Chart
// [SECTION] Signature
// [SECTION] Files
// [SECTION] Screen
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "app.h"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "platform/files.h"
#include "platform/platform.h"
#include "screens/screens.h"
#include "ui/app_chrome.h"
#include "ui/bar_chart.h"
#include "ui/csv.h"
#include "ui/data_table.h"
#include "ui/fields.h"
#include "ui/signature_pad.h"
#include "ui/status.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------

constexpr const char* kServiceKeys[] = {"gallery.item_water", "gallery.item_cleaning", "gallery.item_parking",
                                        "gallery.item_broadband"};

struct Gallery {
    std::string name;
    std::string phone;
    std::string note;
    ui::MoneyInput amount;
    ui::DateInput date;
    int service = 0;
    bool agree = false;
    std::vector<ui::FieldError> errors;
    int taps = 0;
    int context_actions = 0;
    ui::Signature signature;
    // Files
    bool handlers_set = false;
    std::string file_name;
    std::size_t file_size = 0;
    std::string file_first_line;
    int files_imported = 0;
    int progress_reports = 0;
    std::string reading;  // "name: 42%" while a large file is read
};

Gallery& gallery() {
    static Gallery g;
    return g;
}

//-------------------------------------------------------------------------------------
// [SECTION] Fields
//-------------------------------------------------------------------------------------

bool phone_looks_valid(const std::string& phone) {
    if (phone.size() < 7 || phone.size() > 13) return false;
    for (char c : phone) {
        if ((c < '0' || c > '9') && c != '-') return false;
    }
    return true;
}

void validate(Gallery& g) {
    g.errors.clear();
    if (g.name.empty()) g.errors.push_back(ui::field_error_from_key("gallery.name_required", "name", "gallery.name_required"));
    if (!phone_looks_valid(g.phone)) g.errors.push_back(ui::field_error_from_key("gallery.phone_invalid", "phone", "gallery.phone_invalid"));
    if (!g.agree) g.errors.push_back(ui::field_error_from_key("gallery.agree_required", "", "gallery.agree_required"));
}

void draw_fields(App& app, Gallery& g) {
    ui::text_field("gallery.name", g.name, ui::error_for(g.errors, "name"),
                   {.placeholder_key = "gallery.name_placeholder", .width = 16});
    ui::label_value("gallery.echo", g.name);
    ui::text_field("gallery.phone", g.phone, ui::error_for(g.errors, "phone"), {.phone = true, .width = 12});
    ui::text_field("gallery.note", g.note, nullptr, {.multiline = true, .max_chars = 200});
    ui::money_field("gallery.amount", g.amount);
    ui::date_field("gallery.date", g.date);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ui::combo("gallery.service", &g.service, kServiceKeys);
    ui::checkbox("gallery.agree", &g.agree);
    ui::form_errors(g.errors, {"name", "phone"});
    if (ui::primary_button("gallery.submit")) {
        validate(g);
        if (g.errors.empty()) {
            ui::status::show_key("gallery.saved", ui::status::Kind::Success);
        } else {
            ui::status::show_key("gallery.has_errors", ui::status::Kind::Error);
        }
    }
    ImGui::Separator();

    // Tap and long-press target: a tap counts once; a long press opens the context menu.
    if (ui::button("gallery.tap_me")) ++g.taps;
    if (ui::begin_context_menu()) {
        if (ui::menu_item("gallery.context_action")) ++g.context_actions;
        ui::end_context_menu();
    }
    ImGui::SameLine();
    ui::value_text_wrapped(i18n::fill("gallery.tap_count", {std::to_string(g.taps)}));
    ImGui::SameLine();
    ui::value_text_wrapped(i18n::fill("gallery.context_count", {std::to_string(g.context_actions)}));
    ImGui::Separator();
    ui::chrome::font_size_control();
    if (ui::button("app.switch_language")) {
        app.request_language(i18n::current() == i18n::Lang::Zh ? i18n::Lang::En : i18n::Lang::Zh);
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Table (200,000 rows)
//-------------------------------------------------------------------------------------

// Rows computed from their index: 200,000 of them cost no memory.
class GeneratedRows : public ui::TableSource {
public:
    static constexpr int kRows = 200000;
    int row_count() const override { return kRows; }

    std::string_view cell(int row, int column, std::string& scratch) const override {
        static constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
        static constexpr const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"};
        switch (column) {
        case 0: {
            char text[16];
            std::snprintf(text, sizeof text, "%06d", row + 1);
            return scratch = text;
        }
        case 1:
            return scratch = std::string(kSurnames[row % 10]) + kGiven[(row / 10) % 12] + kGiven[(row / 120) % 12];
        case 2:
            return scratch = i18n::fill("gallery.building_room", {std::to_string(row / 400 % 40 + 1),
                                                                   std::to_string(101 + row % 400)});
        case 3:
            return i18n::tr(kServiceKeys[row % 4]);
        default:
            return scratch = i18n::money(Fen{number(row, 4)});
        }
    }

    std::int64_t number(int row, int column) const override {
        return column == 4 ? std::int64_t(row % 997) * 250 + 500 : row;
    }
};

void draw_table() {
    static const GeneratedRows rows;
    static ui::DataTable table("gallery-rows", {{"gallery.col_number", true, 5},
                                                {"gallery.col_name"},
                                                {"gallery.col_room"},
                                                {"gallery.col_service"},
                                                {"gallery.col_amount", true, 7}});
    const int clicked = table.draw(rows, {.export_filename = "gallery-rows.csv"});
    if (clicked >= 0) {
        std::string scratch;
        ui::status::show(i18n::fill("gallery.row_chosen", {std::string(rows.cell(clicked, 0, scratch))}));
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Chart
//-------------------------------------------------------------------------------------

void draw_chart() {
    ui::BarChart chart;
    for (const char* key : kServiceKeys) chart.categories.emplace_back(i18n::tr(key));
    chart.series = {{"gallery.this_month", {128000, 56000, 240000, 18000}},
                    {"gallery.last_month", {110000, 72000, 240000, 9000}}};
    chart.lines = {{"gallery.break_even", 100000}};
    chart.format = [](double fen) { return i18n::money(Fen{std::int64_t(fen)}); };
    ui::heading("gallery.chart_title");
    ui::bar_chart("gallery-chart", chart, ImVec2(0, ImGui::GetFontSize() * 18));
}

//-------------------------------------------------------------------------------------
// [SECTION] Signature
//-------------------------------------------------------------------------------------

void draw_signature(Gallery& g) {
    if (ui::signature_pad("gallery.signature", g.signature)) {
        ui::status::show_key(g.signature.empty() ? "gallery.signature_cleared" : "gallery.signature_taken");
    }
    std::size_t points = 0;
    for (const auto& stroke : g.signature.strokes) points += stroke.size();
    ui::value_text_wrapped(i18n::fill("gallery.signature_counts", {std::to_string(g.signature.strokes.size()),
                                                            std::to_string(points)}));
    ui::text("gallery.signature_small");
    ui::signature_view(g.signature, ImGui::GetFontSize() * 2.5f);
}

//-------------------------------------------------------------------------------------
// [SECTION] Files
//-------------------------------------------------------------------------------------

void set_file_handlers(Gallery& g) {
    if (g.handlers_set) return;
    g.handlers_set = true;
    platform::files::ImportHandlers handlers;
    handlers.on_file = [](platform::files::ImportedFile file) {
        Gallery& st = gallery();
        st.file_name = file.name;
        st.file_size = file.bytes.size();
        std::string_view text = file.bytes;
        if (text.substr(0, ui::csv::kByteOrderMark.size()) == ui::csv::kByteOrderMark) {
            text.remove_prefix(ui::csv::kByteOrderMark.size());
        }
        st.file_first_line = std::string(text.substr(0, std::min(text.find('\n'), std::size_t(200))));
        st.reading.clear();
        ++st.files_imported;
        ui::status::show(i18n::fill("files.imported", {st.file_name, i18n::grouped(std::int64_t(st.file_size))}),
                         ui::status::Kind::Success);
    };
    handlers.on_progress = [](const std::string& name, double loaded, double total) {
        ++gallery().progress_reports;
        gallery().reading = name + ": " + std::to_string(int(total > 0 ? loaded * 100 / total : 0)) + "%";
    };
    handlers.on_failure = [](const std::string& name) {
        gallery().reading.clear();
        ui::status::show(i18n::fill("files.import_failed", {name}), ui::status::Kind::Error);
    };
    platform::files::set_import_handlers(std::move(handlers));
}

void draw_files(Gallery& g) {
    ui::text_wrapped("gallery.files_hint");
    if (ui::button("files.import")) platform::files::open_picker(".json,.csv,.txt");
    ImGui::SameLine();
    if (ui::button("gallery.download_sample")) {
        ui::csv::Writer csv;
        csv.row({i18n::tr("gallery.col_name"), i18n::tr("gallery.col_service"), i18n::tr("gallery.col_amount")});
        csv.row({"王伟", i18n::tr("gallery.item_water"), "12.50"});
        csv.row({"李\"小\"芳, 3栋", i18n::tr("gallery.item_cleaning"), "-8.00"});
        csv.row({"=1+1", "", "0.00"});
        platform::files::download(i18n::tr("gallery.sample_filename"), csv.text(), ui::csv::kMimeType);
    }
    if (!g.reading.empty()) ui::value_text(g.reading);
    ui::label_value("gallery.files_count", std::to_string(g.files_imported));
    if (g.files_imported > 0) {
        ui::label_value("gallery.last_file", g.file_name);
        ui::label_value("gallery.file_size", i18n::grouped(std::int64_t(g.file_size)));
        ui::label_value("gallery.first_line", g.file_first_line);
        ui::label_value("gallery.progress_reports", std::to_string(g.progress_reports));
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

struct Section {
    const char* key;
    const char* param;
};
constexpr Section kSections[] = {{"gallery.tab_fields", "fields"}, {"gallery.tab_table", "table"},
                                 {"gallery.tab_chart", "chart"},   {"gallery.tab_signature", "signature"},
                                 {"gallery.tab_files", "files"}};

}  // namespace

void draw_gallery(App& app) {
    Gallery& g = gallery();
    set_file_handlers(g);
    static const std::string initial = platform::query_param("section").value_or("fields");
    // Asked for until the tab shows: on its first frames a tab bar may not take it yet.
    static bool initial_pending = true;

    ui::title("gallery.title");
    ui::hint("gallery.test_only");
    if (ui::begin_tabs("gallery-tabs")) {
        for (const Section& section : kSections) {
            const bool requested = initial_pending && initial == section.param;
            if (!ui::tab(section.key, requested)) continue;
            if (requested) initial_pending = false;
            const std::string which = section.param;
            if (which == "fields") draw_fields(app, g);
            else if (which == "table") draw_table();
            else if (which == "chart") draw_chart();
            else if (which == "signature") draw_signature(g);
            else draw_files(g);
            ui::end_tab();
        }
        ui::end_tabs();
    }
}

}  // namespace bianmin::screens
