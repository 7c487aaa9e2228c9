// CSV — tables as files Excel and WPS open correctly, Chinese included.
//
// UTF-8 with a byte-order mark (without it Excel on Windows reads the file as GBK and
// shows mojibake), CRLF line ends and RFC 4180 quoting: a field is quoted when it holds a
// comma, a quote, a line break or leading/trailing spaces, and quotes are doubled.
// Cells that a spreadsheet would run as a formula (=, +, -, @ followed by something that
// is not a number) get a leading apostrophe, so an imported name can never be a formula.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bianmin::ui::csv {

inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// One field as it goes into a CSV line.
std::string field(std::string_view text);

// Builds a CSV document: the BOM, then one line per row.
class Writer {
public:
    Writer();
    void row(const std::vector<std::string>& cells);
    const std::string& text() const { return text_; }

private:
    std::string text_;
};

// MIME type for downloads.
inline constexpr const char* kMimeType = "text/csv;charset=utf-8";

}  // namespace bianmin::ui::csv
