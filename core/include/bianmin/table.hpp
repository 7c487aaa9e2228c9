// Table — a report as columns and rows of text, rendered for people or spreadsheets.
//
// Reports (reports.hpp, registers.hpp) produce typed structs for programs and a Table
// for people. A Table has bilingual column titles; cells are already formatted text
// (money as plain yuan "12.50"). Rendering: aligned text for a terminal (CJK characters
// count as two columns), or CSV (RFC 4180 quoting, UTF-8, optional byte-order mark so
// Excel reads Chinese).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bianmin {

enum class Language : unsigned char { zh, en };

struct Column {
    std::string id;   // stable, ASCII: "income", "subscribers"
    std::string zh, en;
    bool numeric = false;  // right-aligned in text
};

struct Table {
    std::string title_zh, title_en;
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;  // each row has columns.size() cells
    std::vector<std::string> notes_zh, notes_en;  // lines printed under the table
    // The last rows are totals ("合计"): a screen keeps them last whatever the sort.
    std::size_t footer_rows = 0;

    void add_row(std::vector<std::string> cells);  // asserts the cell count
    int column_index(std::string_view id) const;   // -1 when absent
    const std::string& cell(std::size_t row, std::string_view column_id) const;  // asserts
};

std::string render_text(const Table& table, Language language);
std::string render_csv(const Table& table, Language language, bool byte_order_mark);
// Display width of UTF-8 text in a terminal: wide (CJK) characters count 2.
std::size_t display_width(std::string_view utf8);

}  // namespace bianmin
