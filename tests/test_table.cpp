// Tables for people and spreadsheets: aligned text (Chinese counts double width) and CSV
// with a byte-order mark so Excel reads Chinese (issue 3 "Acceptance", the CLI).
#include "fixture.hpp"

using namespace fx;

namespace {
Table sample() {
    Table t;
    t.title_zh = "标题";
    t.title_en = "Title";
    t.columns = {{"name", "名称", "name"}, {"amount", "金额", "amount", true}};
    t.add_row({"桶装水", "36.00"});
    t.add_row({"water, \"big\"", "1200.00"});
    t.notes_zh = {"备注"};
    t.notes_en = {"note"};
    return t;
}
}  // namespace

TEST_CASE("[Table] Chinese characters count two columns wide") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("桶装水") == 6);
    CHECK(display_width("A桶") == 3);
    CHECK(display_width("") == 0);
}

TEST_CASE("[Table] text output aligns columns, numbers to the right") {
    std::string text = render_text(sample(), Language::zh);
    CHECK(text.rfind("标题\n\n", 0) == 0);
    // Column 1 is 12 wide ("water, \"big\""), column 2 is 7 wide ("1200.00"), two spaces between.
    CHECK(text.find("名称" + std::string(8 + 2 + 3, ' ') + "金额\n") != std::string::npos);
    CHECK(text.find("桶装水" + std::string(6 + 2 + 2, ' ') + "36.00\n") != std::string::npos);
    CHECK(text.find("\n备注\n") != std::string::npos);
    CHECK(render_text(sample(), Language::en).find("Title") == 0);
}

TEST_CASE("[Table] CSV quotes what needs quoting, ends lines with CRLF and may start with a BOM") {
    std::string csv = render_csv(sample(), Language::en, false);
    CHECK(csv == "name,amount\r\n桶装水,36.00\r\n\"water, \"\"big\"\"\",1200.00\r\n");
    CHECK(render_csv(sample(), Language::zh, true).rfind("\xEF\xBB\xBF名称,金额\r\n", 0) == 0);
}

TEST_CASE("[Table] cells are found by column id") {
    Table t = sample();
    CHECK(t.column_index("amount") == 1);
    CHECK(t.column_index("nope") == -1);
    CHECK(t.cell(1, "amount") == "1200.00");
}
