// Rendering tables as aligned text or CSV.
#include "bianmin/table.hpp"

#include <algorithm>
#include <cassert>

namespace bianmin {
namespace {

bool is_wide(std::uint32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

std::string pad(const std::string& text, std::size_t width, bool right) {
    std::size_t w = display_width(text);
    std::string spaces(width > w ? width - w : 0, ' ');
    return right ? spaces + text : text + spaces;
}

std::string csv_cell(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

void Table::add_row(std::vector<std::string> cells) {
    assert(cells.size() == columns.size() && "a row needs one cell per column");
    cells.resize(columns.size());
    rows.push_back(std::move(cells));
}

int Table::column_index(std::string_view id) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].id == id) return int(i);
    return -1;
}

const std::string& Table::cell(std::size_t row, std::string_view column_id) const {
    int c = column_index(column_id);
    assert(c >= 0 && row < rows.size() && "no such cell");
    return rows[row][std::size_t(c)];
}

std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xF0) { cp = c & 0x07; len = 4; }
        else if (c >= 0xE0) { cp = c & 0x0F; len = 3; }
        else if (c >= 0xC0) { cp = c & 0x1F; len = 2; }
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += len;
        width += is_wide(cp) ? 2 : 1;
    }
    return width;
}

std::string render_text(const Table& table, Language language) {
    const bool zh = language == Language::zh;
    std::vector<std::size_t> widths(table.columns.size(), 0);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        widths[c] = display_width(zh ? table.columns[c].zh : table.columns[c].en);
        for (const auto& row : table.rows) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    std::string out;
    const std::string& title = zh ? table.title_zh : table.title_en;
    if (!title.empty()) out += title + "\n\n";
    auto line = [&](auto cell_of) {
        std::string text;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (c) text += "  ";
            text += pad(cell_of(c), widths[c], table.columns[c].numeric);
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text + "\n";
    };
    line([&](std::size_t c) { return zh ? table.columns[c].zh : table.columns[c].en; });
    line([&](std::size_t c) { return std::string(widths[c], '-'); });
    for (const auto& row : table.rows) line([&](std::size_t c) { return row[c]; });
    const auto& notes = zh ? table.notes_zh : table.notes_en;
    if (!notes.empty()) out += "\n";
    for (const auto& note : notes) out += note + "\n";
    return out;
}

std::string render_csv(const Table& table, Language language, bool byte_order_mark) {
    const bool zh = language == Language::zh;
    std::string out = byte_order_mark ? "\xEF\xBB\xBF" : "";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (c) out += ',';
        out += csv_cell(zh ? table.columns[c].zh : table.columns[c].en);
    }
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c) out += ',';
            out += csv_cell(row[c]);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace bianmin
