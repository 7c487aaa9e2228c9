// Core table — a core Table (core/include/bianmin/table.hpp: registers, reports, lists)
// shown with ui::DataTable: search, sort, clipper, CSV export (UTF-8 with BOM).
//
// The core builds tables with bilingual column titles and cells already formatted for one
// language; this view keeps the last table it was given and rebuilds it only when the
// screen's key changes (the ledger's revision, the language, the screen's choices):
//
//   static ui::CoreTable view("lists.register");
//   view.update(ui::core_table_key({session::revision(), kind_index}),
//               [&](Language lang) { return register_table(state, kind, filter); });
//   view.draw({.export_filename = "register.csv"});
//
// Numeric columns sort by value: money cells ("12.50") as fen, counts as integers, dates
// ("2024-03-05", "2024-03") as yyyymmdd numbers.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "bianmin/table.hpp"
#include "ui/data_table.h"

namespace bianmin::ui {

// The core Language matching the UI's language now.
Language core_language();

// The TableSource over a core Table's rows.
class CoreTableSource : public TableSource {
public:
    void set(Table table, std::uint64_t version);
    const Table& table() const { return table_; }
    int row_count() const override { return int(table_.rows.size()); }
    std::string_view cell(int row, int column, std::string& scratch) const override;
    std::int64_t number(int row, int column) const override;
    std::uint64_t version() const override { return version_; }
    int footer_rows() const override { return int(std::min(table_.footer_rows, table_.rows.size())); }

private:
    Table table_;
    std::uint64_t version_ = 0;
};

// A number from a formatted cell: fen for "12.50"/"-3.00", the integer for "1234" or
// "1,234", yyyymmdd for "2024-03-05" (yyyymm00 for "2024-03"); 0 when none of these.
std::int64_t cell_number(std::string_view text);

// A key made of the things a table depends on, plus the language (always included).
std::uint64_t core_table_key(std::initializer_list<std::uint64_t> parts);

class CoreTable {
public:
    explicit CoreTable(const char* id);

    // Rebuilds the table with `build(language)` when `key` differs from the last one.
    void update(std::uint64_t key, const std::function<Table(Language)>& build);
    // Draws the table; draw_notes() puts the core table's notes (in the language) under it.
    int draw(const TableOptions& options = {});
    void draw_notes() const;
    const Table& table() const { return source_.table(); }
    const DataTable* data_table() const { return view_ ? &*view_ : nullptr; }

private:
    std::string id_;
    CoreTableSource source_;
    std::optional<std::uint64_t> key_;
    std::uint64_t builds_ = 0;
    std::vector<std::string> column_ids_;
    std::deque<std::string> titles_;  // stable storage for the columns' zh/en titles
    std::optional<DataTable> view_;
};

}  // namespace bianmin::ui
