// Data table — a search box, sortable columns and only the visible rows drawn
// (ImGuiListClipper), so 200,000 rows scroll smoothly; a finger drag scrolls it.
//
// The table reads rows through a TableSource the screen implements over its data; it
// keeps only the order of rows (after search and sort), rebuilt when the query, the sort
// or the source's version changes. Cells are kind "table-cell" in the test hook, and only
// for rows on screen. Every table can export what it shows to CSV.
//
//   struct Rows : ui::TableSource { ... };
//   static ui::DataTable table("requests", {{"col.name"}, {"col.amount", true}});
//   int clicked = table.draw(rows, {.export_filename = "requests.csv"});
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bianmin::ui {

// How a table is sorted when it first opens. Without a column marked here ImGui sorts by
// the first column, ascending, whatever order the source gives.
enum class DefaultSort : std::uint8_t { none, ascending, descending };

struct TableColumn {
    const char* key;        // header (translation key); null: the data title below
    bool numeric = false;   // right-aligned, sorted by TableSource::number()
    float width = 0;        // fixed width in font heights; 0 = share the rest
    // A header that is data, in both languages (a core Table's column: ui/core_table.h).
    const char* title_zh = nullptr;
    const char* title_en = nullptr;
    DefaultSort default_sort = DefaultSort::none;  // e.g. descending by time: newest first
};
// The header of a column in the current language.
const char* column_title(const TableColumn& column);

class TableSource {
public:
    virtual ~TableSource() = default;
    virtual int row_count() const = 0;
    // The cell's text; may point into `scratch`, valid until the next call.
    virtual std::string_view cell(int row, int column, std::string& scratch) const = 0;
    // The sort value of a numeric column (fen, counts, yyyymmdd dates).
    virtual std::int64_t number(int row, int column) const;
    // Must change whenever rows are added, removed or edited.
    virtual std::uint64_t version() const;
    // The last rows are totals: always shown, below the others, whatever the sort or search.
    virtual int footer_rows() const { return 0; }
};

// A TableSource of text cells that a screen rebuilds only when the event log or the
// language changed:
//   void refresh() { if (!needs_rebuild(session::revision())) return; rows_.push_back({...}); }
class TextRows : public TableSource {
public:
    // True, with rows_ cleared, when `revision` or the language differs from the last
    // rebuild; the caller then fills rows_ again.
    bool needs_rebuild(std::uint64_t revision);
    int row_count() const override { return int(rows_.size()); }
    std::string_view cell(int row, int column, std::string&) const override {
        return rows_[std::size_t(row)][std::size_t(column)];
    }
    std::uint64_t version() const override { return built_for_; }

protected:
    std::vector<std::vector<std::string>> rows_;

private:
    std::uint64_t built_for_ = ~0ULL;
};

struct TableOptions {
    float height = 0;                       // 0 = down to the bottom of the window
    bool searchable = true;
    const char* export_filename = nullptr;  // shows an "Export CSV" button when set
};

class DataTable {
public:
    DataTable(const char* id, std::vector<TableColumn> columns);

    // Draws the search box, counts and table; returns the source row clicked or tapped
    // this frame, or -1.
    int draw(const TableSource& source, const TableOptions& options = {});

    // The rows as shown (searched and sorted), headers in the current language.
    std::string to_csv(const TableSource& source);

    int shown_rows() const { return int(order_.size()); }
    const std::string& query() const { return query_; }
    void set_query(std::string query);
    double last_rebuild_ms() const { return last_rebuild_ms_; }

private:
    void rebuild_if_needed(const TableSource& source);
    void draw_toolbar(const TableSource& source, const TableOptions& options);
    int draw_rows(const TableSource& source, float height);

    std::string id_;
    std::vector<TableColumn> columns_;
    std::string query_;
    std::vector<int> order_;
    int sort_column_ = -1;
    bool sort_descending_ = false;
    bool dirty_ = true;
    std::uint64_t seen_version_ = ~std::uint64_t(0);
    int seen_row_count_ = -1;
    double last_rebuild_ms_ = 0;
};

}  // namespace bianmin::ui
