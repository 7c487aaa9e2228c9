// Office manager: the price tables — every version with its status and the GM's
// comments, drafting a new version, and the chosen table (editor or read-only view).
// [1-4.1, 1-4.2, 3-4.1.4–4.1.5]
//
// Index
// [SECTION] Versions
// [SECTION] A new draft
// [SECTION] The part
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
#include "ui/widgets.h"

namespace bianmin::screens::office_cycle {

std::string& selected_table() {
    static std::string id;
    return id;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Versions
//-----------------------------------------------------------------------------

// Every price table, newest year and version first.
class Versions : public ui::TextRows {
public:
    enum Col { kYear, kVersion, kStatus, kDrafted, kDecided, kComments, kChannels };
    static std::vector<ui::TableColumn> columns() {
        return {{"office.versions.col_year", true, 4}, {"office.versions.col_version", true, 4},
                {"office.versions.col_status", false, 7}, {"office.versions.col_drafted"},
                {"office.versions.col_decided"}, {"office.versions.col_comments"}, {"office.versions.col_channels"}};
    }
    void refresh() {
        if (!needs_rebuild(session::revision())) return;
        const State& s = session::state();
        tables_.clear();
        for (const auto& [id, t] : s.price_tables) tables_.push_back(&t);
        std::sort(tables_.begin(), tables_.end(), [](const PriceTableRecord* a, const PriceTableRecord* b) {
            if (a->def.year != b->def.year) return a->def.year > b->def.year;
            return a->def.version > b->def.version;
        });
        rows_.assign(tables_.size(), {});
        for (std::size_t i = 0; i < tables_.size(); ++i) {
            const PriceTableRecord& t = *tables_[i];
            auto& row = rows_[i];
            row.push_back(std::to_string(t.def.year));
            row.push_back(std::to_string(t.def.version));
            row.emplace_back(choices::label(t.status));
            std::string authors;
            for (const auto& a : t.authors) authors += (authors.empty() ? "" : ", ") + staff_name(s, a);
            row.push_back(authors + " " + choices::when(s, t.drafted_ms));
            row.push_back(t.decided_by.empty() ? "" : staff_name(s, t.decided_by) + " " + choices::when(s, t.decided_ms));
            std::string comments;
            for (const auto& c : t.rejection_comments)
                comments += (comments.empty() ? "" : "; ") + i18n::fill("office.versions.rejected_comment", {c});
            if (t.status != PriceTableStatus::rejected && !t.decided_by.empty() && !t.decision_comment.empty())
                comments += (comments.empty() ? "" : "; ") + i18n::fill("office.versions.approved_comment", {t.decision_comment});
            row.push_back(comments);
            std::string channels;
            for (PublishChannel c : t.channels) channels += (channels.empty() ? "" : ", ") + std::string(choices::label(c));
            row.push_back(channels);
        }
    }
    const PriceTableRecord* table(int row) const { return tables_[std::size_t(row)]; }
    std::int64_t number(int row, int column) const override {
        return column == kYear ? tables_[std::size_t(row)]->def.year : tables_[std::size_t(row)]->def.version;
    }

private:
    std::vector<const PriceTableRecord*> tables_;
};

void draw_versions() {
    static Versions versions;
    static ui::DataTable table("office.versions", Versions::columns());
    versions.refresh();
    ui::heading("office.versions.heading");
    const int clicked = table.draw(versions, {.height = ImGui::GetFrameHeightWithSpacing() * 6.5f,
                                               .export_filename = "price-table-versions.csv"});
    if (clicked >= 0) selected_table() = versions.table(clicked)->def.table_id;
    // With nothing chosen, the newest version is the subject.
    if (selected_table().empty() && versions.row_count() > 0) selected_table() = versions.table(0)->def.table_id;
}

//-----------------------------------------------------------------------------
// [SECTION] A new draft
//-----------------------------------------------------------------------------

// An item's row from its defaults (an item not on the table in effect).
PriceRow default_row(const ItemRecord& item) {
    const ItemDefined& d = item.def;
    return PriceRow{d.item_id, d.billing, d.price, d.unit_zh, d.unit_en, d.deposit, d.prepayment,
                    d.break_even_subscribers, d.monthly_cost};
}

// A row carried from an earlier table: the running cost is the item's, so one the office
// changed since that table was drafted replaces the copy the table holds.
PriceRow carried_row(const State& s, const PriceRow& row, const PriceTableRecord& from) {
    PriceRow out = row;
    const ItemRecord* item = s.find_item(row.item_id);
    const FieldHistory* cost = field_history(s, FieldKey{RecordKind::item, row.item_id, "monthly_cost"});
    if (item && cost && cost->winner() && cost->winner()->hlc.wall_ms > from.drafted_ms) out.monthly_cost = item->def.monthly_cost;
    return out;
}

// Rows for a new draft: with a survey, the items it asked about; else the table in effect
// (a new version changes what is published) and the items the office added since [3-4.2.3];
// else every item. An item keeps its row of the table in effect, or starts from its defaults.
std::vector<PriceRow> rows_for_draft(const State& s, const std::string& survey_id) {
    const PriceTableRecord* current = current_price_table(s);
    if (auto it = s.surveys.find(survey_id); it != s.surveys.end()) {
        std::vector<PriceRow> rows;
        for (const auto& id : it->second.def.item_ids) {
            const ItemRecord* item = s.find_item(id);
            if (!item || item->status == ItemStatus::stopped) continue;
            const PriceRow* row = current ? current->row(id) : nullptr;
            rows.push_back(row ? carried_row(s, *row, *current) : default_row(*item));
        }
        return rows;
    }
    if (current) return rows_for_new_version(s, *current);
    std::vector<PriceRow> rows;
    for (const auto& [id, item] : s.items)
        if (item.status != ItemStatus::stopped) rows.push_back(default_row(item));
    return rows;
}

void draw_new_draft() {
    static std::string year, note;
    static int survey = 0;
    static session::Form form;
    const State& s = session::state();
    if (year.empty()) year = std::to_string(data_month(s, session::now_ms()).year);
    ui::heading("office.draft.heading");
    const PriceTableRecord* current = current_price_table(s);
    if (current) ui::hint("office.draft.hint_new_version");
    ui::text_field("office.draft.year", year, form.error("year"), {.width = 8, .max_chars = 4});
    std::vector<std::string> survey_ids{""}, survey_labels{i18n::tr("office.draft.no_survey")};
    for (const auto& [id, sv] : s.surveys) {
        survey_ids.push_back(id);
        survey_labels.push_back(std::to_string(sv.def.year) + " · " + sv.def.title);
    }
    if (survey >= int(survey_ids.size())) survey = 0;
    ui::combo_data("office.draft.survey", &survey, survey_labels);
    ui::text_field("office.draft.note", note, form.error("note"), {.max_chars = 200});
    const bool digits = !year.empty() && year.size() <= 4 &&
                        std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; });
    PriceTableDrafted draft;
    draft.year = digits ? std::stoll(year) : 0;
    draft.version = next_price_table_version(s, draft.year);
    // A year whose table is published gets a new version replacing it (never an edit).
    if (current && current->def.year == draft.year) draft.replaces = current->def.table_id;
    draft.survey_id = survey_ids[std::size_t(survey)];
    draft.note = note;
    if (ui::primary_button("office.draft.create")) {
        if (!digits) {
            form.fail("price_table.bad_year", "year", "office.survey.year_invalid");
        } else {
            draft.rows = rows_for_draft(s, draft.survey_id);
            auto result = session::run(draft);
            if (form.submit(result, "office.draft.created")) {
                note.clear();
                for (const auto& e : result.value())
                    if (const auto* made = e.as<PriceTableDrafted>()) selected_table() = made->table_id;
            }
        }
    }
    // The rows are left out of the check as you type: they are built from the records on
    // submit, not typed, and building them every frame walks every item.
    form.check_as_you_type(draft);
    form.show_other_errors({"year", "note"});
}

}  // namespace

std::vector<PriceRow> rows_for_new_version(const State& s, const PriceTableRecord& from) {
    std::vector<PriceRow> rows;
    for (const PriceRow& row : from.def.rows) {
        const ItemRecord* item = s.find_item(row.item_id);
        if (item && item->status != ItemStatus::stopped) rows.push_back(carried_row(s, row, from));
    }
    for (const auto& [id, item] : s.items)
        if (item.status != ItemStatus::stopped && item.defined_ms > from.drafted_ms && !from.row(id))
            rows.push_back(default_row(item));
    return rows;
}

//-----------------------------------------------------------------------------
// [SECTION] The part
//-----------------------------------------------------------------------------

void draw_price_tables() {
    draw_versions();
    if (!selected_table().empty() && session::state().find_table(selected_table())) {
        ImGui::Spacing();
        draw_table_editor(selected_table());
    }
    ImGui::Spacing();
    draw_new_draft();
}

}  // namespace bianmin::screens::office_cycle
