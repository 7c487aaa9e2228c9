#include "ui/core_table.h"

#include <cctype>

#include "bianmin/money.hpp"
#include "i18n/i18n.h"
#include "ui/widgets.h"

namespace bianmin::ui {

Language core_language() { return i18n::current() == i18n::Lang::Zh ? Language::zh : Language::en; }

//-------------------------------------------------------------------------------------
// [SECTION] Source
//-------------------------------------------------------------------------------------

void CoreTableSource::set(Table table, std::uint64_t version) {
    table_ = std::move(table);
    version_ = version;
}

std::string_view CoreTableSource::cell(int row, int column, std::string&) const {
    const auto& cells = table_.rows[std::size_t(row)];
    return std::size_t(column) < cells.size() ? std::string_view(cells[std::size_t(column)]) : std::string_view();
}

std::int64_t CoreTableSource::number(int row, int column) const {
    std::string scratch;
    return cell_number(cell(row, column, scratch));
}

namespace {

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

std::int64_t digits_value(std::string_view text) {
    std::int64_t value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    return value;
}

}  // namespace

std::int64_t cell_number(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) return 0;
    // Dates: "2024-03-05" and months "2024-03" (a date column is ordered by its digits).
    if (text.size() >= 7 && text[4] == '-' && all_digits(text.substr(0, 4)) && all_digits(text.substr(5, 2))) {
        std::int64_t value = digits_value(text.substr(0, 4)) * 10000 + digits_value(text.substr(5, 2)) * 100;
        if (text.size() >= 10 && text[7] == '-' && all_digits(text.substr(8, 2))) value += digits_value(text.substr(8, 2));
        return value;
    }
    if (text.find('.') != std::string_view::npos) {
        if (auto fen = parse_yuan(text)) return fen->value;
        return 0;
    }
    const bool negative = text.front() == '-';
    if (negative) text.remove_prefix(1);
    std::string digits;
    for (char c : text) {
        if (c == ',') continue;
        if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
        digits += c;
    }
    if (digits.empty() || digits.size() > 17) return 0;
    const std::int64_t value = digits_value(digits);
    return negative ? -value : value;
}

std::uint64_t core_table_key(std::initializer_list<std::uint64_t> parts) {
    // FNV-1a over the parts and the language.
    std::uint64_t hash = 1469598103934665603ULL;
    auto mix = [&](std::uint64_t v) {
        for (int i = 0; i < 8; ++i) {
            hash ^= (v >> (i * 8)) & 0xFF;
            hash *= 1099511628211ULL;
        }
    };
    for (std::uint64_t part : parts) mix(part);
    mix(std::uint64_t(i18n::current()));
    return hash;
}

//-------------------------------------------------------------------------------------
// [SECTION] View
//-------------------------------------------------------------------------------------

CoreTable::CoreTable(const char* id) : id_(id) {}

void CoreTable::update(std::uint64_t key, const std::function<Table(Language)>& build) {
    if (key_ && *key_ == key) return;
    key_ = key;
    Table table = build(core_language());
    std::vector<std::string> ids;
    for (const Column& column : table.columns) ids.push_back(column.id);
    if (!view_ || ids != column_ids_) {
        // Another kind of table: new columns (titles kept here, the DataTable points at them).
        column_ids_ = ids;
        titles_.clear();
        std::vector<TableColumn> columns;
        for (const Column& column : table.columns) {
            titles_.push_back(column.zh);
            const char* zh = titles_.back().c_str();
            titles_.push_back(column.en);
            const char* en = titles_.back().c_str();
            columns.push_back(TableColumn{nullptr, column.numeric, 0, zh, en});
        }
        std::string table_id = id_;
        for (const auto& column_id : ids) table_id += "." + column_id;
        view_.emplace(table_id.c_str(), std::move(columns));
    }
    source_.set(std::move(table), ++builds_);
}

int CoreTable::draw(const TableOptions& options) {
    if (!view_) return -1;
    return view_->draw(source_, options);
}

void CoreTable::draw_notes() const {
    const Table& t = source_.table();
    const auto& notes = core_language() == Language::zh ? t.notes_zh : t.notes_en;
    // Wrapped: a note is a sentence, longer than a phone screen is wide.
    ImGui::PushTextWrapPos(0.0f);
    for (const auto& line : notes) value_text(line);
    ImGui::PopTextWrapPos();
}

}  // namespace bianmin::ui
