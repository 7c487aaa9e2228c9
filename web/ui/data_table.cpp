#include "ui/data_table.h"

#include <emscripten.h>

#include <algorithm>
#include <numeric>

#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/files.h"
#include "platform/test_hook.h"
#include "ui/csv.h"
#include "ui/fields.h"
#include "ui/fonts.h"
#include "ui/status.h"
#include "ui/widgets.h"

namespace bianmin::ui {

bool TextRows::needs_rebuild(std::uint64_t revision) {
    const std::uint64_t key = revision * 2 + (i18n::current() == i18n::Lang::Zh ? 0 : 1);
    if (key == built_for_) return false;
    built_for_ = key;
    rows_.clear();
    return true;
}

std::int64_t TableSource::number(int, int) const { return 0; }

const char* column_title(const TableColumn& column) {
    if (column.key) return i18n::tr(column.key);
    return i18n::current() == i18n::Lang::Zh ? column.title_zh : column.title_en;
}
std::uint64_t TableSource::version() const { return 0; }

namespace {

// A column's width on a narrow screen, in font heights: six Chinese characters or an
// amount such as 12345.00元.
constexpr float kNarrowColumnEm = 6.0f;

char fold(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// Substring search ignoring ASCII case (Chinese has none); `needle` is already folded.
bool contains_folded(std::string_view haystack, std::string_view needle) {
    if (needle.size() > haystack.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        std::size_t j = 0;
        while (j < needle.size() && fold(haystack[i + j]) == needle[j]) ++j;
        if (j == needle.size()) return true;
    }
    return false;
}

}  // namespace

DataTable::DataTable(const char* id, std::vector<TableColumn> columns) : id_(id), columns_(std::move(columns)) {}

void DataTable::set_query(std::string query) {
    query_ = std::move(query);
    dirty_ = true;
}

//-------------------------------------------------------------------------------------
// [SECTION] Search and sort
//-------------------------------------------------------------------------------------

void DataTable::rebuild_if_needed(const TableSource& source) {
    const int count = source.row_count();
    if (source.version() != seen_version_ || count != seen_row_count_) dirty_ = true;
    if (!dirty_) return;
    const double started = emscripten_get_now();
    seen_version_ = source.version();
    seen_row_count_ = count;
    dirty_ = false;

    // Totals stay out of the search and the sort, and go last.
    const int body = count - std::clamp(source.footer_rows(), 0, count);
    std::string needle = query_;
    for (char& c : needle) c = fold(c);
    order_.clear();
    std::string scratch;
    if (needle.empty()) {
        order_.resize(std::size_t(body));
        std::iota(order_.begin(), order_.end(), 0);
    } else {
        for (int row = 0; row < body; ++row) {
            for (int column = 0; column < int(columns_.size()); ++column) {
                if (contains_folded(source.cell(row, column, scratch), needle)) {
                    order_.push_back(row);
                    break;
                }
            }
        }
    }

    if (sort_column_ >= 0 && sort_column_ < int(columns_.size())) {
        const int column = sort_column_;
        const bool descending = sort_descending_;
        if (columns_[std::size_t(column)].numeric) {
            std::vector<std::int64_t> keys(static_cast<std::size_t>(count));
            for (int row : order_) keys[std::size_t(row)] = source.number(row, column);
            std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) {
                return descending ? keys[std::size_t(a)] > keys[std::size_t(b)] : keys[std::size_t(a)] < keys[std::size_t(b)];
            });
        } else {
            // UTF-8 byte order: GB2312's level-1 characters are not in pinyin order in
            // Unicode, but equal names group together, which is what sorting is for here.
            std::vector<std::string> keys(static_cast<std::size_t>(count));
            for (int row : order_) keys[std::size_t(row)] = std::string(source.cell(row, column, scratch));
            std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) {
                return descending ? keys[std::size_t(a)] > keys[std::size_t(b)] : keys[std::size_t(a)] < keys[std::size_t(b)];
            });
        }
    }
    for (int row = body; row < count; ++row) order_.push_back(row);
    last_rebuild_ms_ = emscripten_get_now() - started;
}

std::string DataTable::to_csv(const TableSource& source) {
    rebuild_if_needed(source);
    csv::Writer writer;
    std::vector<std::string> cells;
    for (const TableColumn& column : columns_) cells.emplace_back(column_title(column));
    writer.row(cells);
    std::string scratch;
    for (int row : order_) {
        cells.clear();
        for (int column = 0; column < int(columns_.size()); ++column) {
            cells.emplace_back(source.cell(row, column, scratch));
        }
        writer.row(cells);
    }
    return writer.text();
}

//-------------------------------------------------------------------------------------
// [SECTION] Drawing
//-------------------------------------------------------------------------------------

void DataTable::draw_toolbar(const TableSource& source, const TableOptions& options) {
    if (options.searchable && search_field("table.search", query_, 14)) dirty_ = true;
    rebuild_if_needed(source);
    const std::string shown = i18n::grouped(shown_rows());
    const std::string count = query_.empty() ? i18n::fill("table.rows", {shown})
                                             : i18n::fill("table.rows_found", {shown, i18n::grouped(source.row_count())});
    // On a phone the count and the export button go to the next line rather than off screen.
    if (options.searchable) beside_if_room(ImGui::CalcTextSize(count.c_str()).x);
    ImGui::AlignTextToFramePadding();
    value_text(count);
    if (options.export_filename) {
        beside_if_room(button_width("table.export_csv"));
        if (button("table.export_csv")) {
            platform::files::download(options.export_filename, to_csv(source), csv::kMimeType);
            status::show(i18n::fill("table.exported", {options.export_filename}), status::Kind::Success);
        }
    }
}

int DataTable::draw_rows(const TableSource& source, float height) {
    // On a narrow screen (a phone) stretched columns would be squeezed unreadable: each
    // column then keeps a readable width and the table scrolls sideways.
    const float font = ImGui::GetFontSize();
    float readable = 0;
    for (const TableColumn& column : columns_) readable += (column.width > 0 ? column.width : kNarrowColumnEm) * font;
    const bool narrow = ImGui::GetContentRegionAvail().x < readable;
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV | ImGuiTableFlags_Resizable;
    flags |= narrow ? ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit : ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id_.c_str(), int(columns_.size()), flags, ImVec2(0, height))) return -1;

    for (const TableColumn& column : columns_) {
        // Stable ID whatever the language: the key, or the data title's Chinese.
        const std::string label = std::string(column_title(column)) + "###" + (column.key ? column.key : column.title_zh);
        const bool fixed = column.width > 0 || narrow;
        ImGuiTableColumnFlags column_flags = fixed ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch;
        if (column.default_sort != DefaultSort::none) {
            column_flags |= ImGuiTableColumnFlags_DefaultSort |
                            (column.default_sort == DefaultSort::descending ? ImGuiTableColumnFlags_PreferSortDescending
                                                                            : ImGuiTableColumnFlags_PreferSortAscending);
        }
        const float width = column.width > 0 ? column.width * font : (narrow ? kNarrowColumnEm * font : 1.0f);
        ImGui::TableSetupColumn(label.c_str(), column_flags, width);
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < int(columns_.size()); ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        test_hook::record_last_item(column_title(columns_[std::size_t(c)]), "button");
    }

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            sort_column_ = specs->Specs[0].ColumnIndex;
            sort_descending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        } else {
            sort_column_ = -1;
        }
        specs->SpecsDirty = false;
        dirty_ = true;
        rebuild_if_needed(source);
    }

    // Rows as tall as a button: easy to tap, and a fixed height lets the clipper skip
    // every row that is off screen without measuring it.
    const float row_height = ImGui::GetFrameHeight() + ImGui::GetStyle().CellPadding.y * 2.0f;
    int clicked = -1;
    std::string scratch;
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    ImGuiListClipper clipper;
    clipper.Begin(int(order_.size()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const int row = order_[std::size_t(i)];
            ImGui::TableNextRow(0, row_height);
            ImGui::PushID(row);
            for (int c = 0; c < int(columns_.size()); ++c) {
                ImGui::TableSetColumnIndex(c);
                const std::string_view text = source.cell(row, c, scratch);
                fonts::note_text(text);
                if (c == 0) {
                    // The first cell is the row's handle: a selectable spanning every column.
                    const std::string label = std::string(text) + "##row";
                    test_hook::hint_next_kind("table-cell");
                    if (ImGui::Selectable(label.c_str(), false,
                                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                                          ImVec2(0, ImGui::GetFrameHeight()))) {
                        clicked = row;
                    }
                    continue;
                }
                ImGui::AlignTextToFramePadding();
                if (columns_[std::size_t(c)].numeric) {
                    const float width = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
                    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width);
                }
                ImGui::TextUnformatted(text.data(), text.data() + text.size());
                if (test_hook::enabled()) test_hook::record_last_item(std::string(text).c_str(), "table-cell");
            }
            ImGui::PopID();
        }
    }
    ImGui::PopStyleVar();
    ImGui::EndTable();
    return clicked;
}

int DataTable::draw(const TableSource& source, const TableOptions& options) {
    ImGui::PushID(id_.c_str());
    draw_toolbar(source, options);
    const float height = options.height > 0 ? options.height : std::max(ImGui::GetContentRegionAvail().y,
                                                                          ImGui::GetFrameHeight() * 6);
    const int clicked = draw_rows(source, height);
    ImGui::PopID();
    return clicked;
}

}  // namespace bianmin::ui
