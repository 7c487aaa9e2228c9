// Board — the estate's electronic screen (?mode=board) [1-4.2, 3-4.2.2]: the published
// price table in large type, scrolling by itself in a loop, Chinese and English together
// (a line of each per row), so passers-by read it without touching anything. No sign-in,
// no buttons; an empty device says so kindly in both languages.
//
// [SECTION] Text in both languages
// [SECTION] Rows of the published table
// [SECTION] Drawing
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app.h"
#include "bianmin/enums.hpp"
#include "bianmin/money.hpp"
#include "bianmin/time.hpp"
#include "i18n/i18n.h"
#include "imgui.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Text in both languages
//-------------------------------------------------------------------------------------

// The board shows both languages at once, whatever the page's language.
struct TwoLines {
    std::string zh, en;
};

TwoLines both(const char* key) {
    const i18n::Entry* entry = i18n::find(key);
    IM_ASSERT(entry && "board: translation key missing");
    if (!entry) return {key, key};
    return {entry->zh, entry->en};
}

TwoLines money_lines(Fen amount) {
    return {format_fen(amount, MoneyLocale::Chinese), format_fen(amount, MoneyLocale::English)};
}

//-------------------------------------------------------------------------------------
// [SECTION] Rows of the published table
//-------------------------------------------------------------------------------------

struct BoardRow {
    TwoLines item, unit, price, deposit, notes;
};

const PriceTableRecord* current_table(const State& state) {
    if (state.published_tables.empty()) return nullptr;
    return state.find_table(state.published_tables.back());
}

std::vector<BoardRow> rows_of(const State& state, const PriceTableRecord& table) {
    std::vector<BoardRow> rows;
    for (const PriceRow& price : table.def.rows) {
        const ItemRecord* item = state.find_item(price.item_id);
        if (item && item->status == ItemStatus::stopped) continue;  // no longer offered
        BoardRow row;
        row.item = item ? TwoLines{item->def.name_zh, item->def.name_en.empty() ? item->def.name_zh : item->def.name_en}
                        : TwoLines{price.item_id, price.item_id};
        row.unit = {price.unit_zh, price.unit_en.empty() ? price.unit_zh : price.unit_en};
        const bool free = price.billing == Billing::free;
        row.price = free ? both("board.free") : money_lines(price.price);
        row.deposit = price.deposit.value > 0 ? money_lines(price.deposit) : TwoLines{"—", "—"};
        row.notes = {std::string(label_zh(price.billing)), std::string(label_en(price.billing))};
        if (price.prepayment.value > 0) {
            const TwoLines prepay = both("board.prepayment");
            const TwoLines amount = money_lines(price.prepayment);
            row.notes.zh += "，" + prepay.zh + amount.zh;
            row.notes.en += ", " + prepay.en + " " + amount.en;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

//-------------------------------------------------------------------------------------
// [SECTION] Drawing
//-------------------------------------------------------------------------------------

// Column shares of the width: item, unit, price, deposit, notes.
constexpr float kColumnShare[] = {0.30f, 0.14f, 0.16f, 0.14f, 0.26f};
constexpr int kColumns = 5;
constexpr float kEnglishScale = 0.62f;  // the English line under the Chinese one

// One cell: Chinese on top, English smaller and grey under it, wrapped in the column.
// Returns the bottom of what it drew.
float draw_cell(const TwoLines& text, ImVec2 at, float width, float scale) {
    ImGui::SetCursorScreenPos(at);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::SetWindowFontScale(scale);
    ui::value_text(text.zh);
    ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y));  // the column's left edge again
    ImGui::SetWindowFontScale(scale * kEnglishScale);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::value_text(text.en);
    ImGui::PopStyleColor();
    ImGui::SetWindowFontScale(1.0f);  // callers measure with the base size
    ImGui::PopTextWrapPos();
    return ImGui::GetCursorScreenPos().y;
}

// One row across the columns; returns its height (with spacing).
float draw_row(const BoardRow& row, ImVec2 at, float width, float scale, bool shaded) {
    const TwoLines* cells[kColumns] = {&row.item, &row.unit, &row.price, &row.deposit, &row.notes};
    const float pad = ImGui::GetFontSize() * scale * 0.3f;
    float x = at.x, bottom = at.y;
    for (int c = 0; c < kColumns; ++c) {
        const float w = width * kColumnShare[c];
        bottom = std::max(bottom, draw_cell(*cells[c], ImVec2(x + pad, at.y + pad), w - pad * 2, scale));
        x += w;
    }
    const float height = bottom - at.y + pad;
    if (shaded) {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->ChannelsSetCurrent(0);
        draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(ImGuiCol_TableRowBgAlt));
        draw->ChannelsSetCurrent(1);
    }
    return height;
}

void draw_header_row(ImVec2 at, float width, float scale) {
    static constexpr const char* kKeys[kColumns] = {"board.col.item", "board.col.unit", "board.col.price",
                                                    "board.col.deposit", "board.col.notes"};
    const float pad = ImGui::GetFontSize() * scale * 0.3f;
    float x = at.x, bottom = at.y;
    for (int c = 0; c < kColumns; ++c) {
        const float w = width * kColumnShare[c];
        bottom = std::max(bottom, draw_cell(both(kKeys[c]), ImVec2(x + pad, at.y), w - pad * 2, scale));
        x += w;
    }
    ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, bottom + pad * 0.5f), ImVec2(at.x + width, bottom + pad * 0.5f),
                                        ImGui::ColorConvertFloat4ToU32(ui::theme::kPrimary), 3.0f);
    ImGui::SetCursorScreenPos(ImVec2(at.x, bottom + pad));
}

// A message in both languages, centred, for a device with nothing to show yet.
void draw_message(const char* key, float scale) {
    const TwoLines text = both(key);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + avail.y * 0.3f);
    ImGui::SetWindowFontScale(scale);
    ImGui::PushTextWrapPos(0.0f);
    ui::text_wrapped(key);  // the page's language, as a screen reader would announce it
    ImGui::Spacing();
    ImGui::SetWindowFontScale(scale * kEnglishScale);
    ui::value_text(i18n::current() == i18n::Lang::Zh ? text.en : text.zh);
    ImGui::PopTextWrapPos();
    ImGui::SetWindowFontScale(1.0f);
}

// The list scrolls upwards at a steady pace and starts again from the top, seamlessly:
// it is drawn twice, one copy under the other, offset by the time.
void draw_scrolling_rows(const std::vector<BoardRow>& rows, float scale) {
    static float copy_height = 0;  // of one copy of the list, measured last frame
    const ImVec2 size = ImGui::GetContentRegionAvail();
    ImGui::BeginChild("board.rows", size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoInputs);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool scrolls = copy_height > size.y;
    const float gap = scrolls ? ImGui::GetFontSize() * scale * 2.0f : 0.0f;
    const float speed = ImGui::GetFontSize() * scale * 0.9f;  // pixels per second: about a line a second
    const float offset = scrolls ? std::fmod(float(ImGui::GetTime()) * speed, copy_height + gap) : 0.0f;

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);  // row shading behind the text
    draw->ChannelsSetCurrent(1);
    float measured = 0;
    for (int copy = 0; copy < (scrolls ? 2 : 1); ++copy) {
        float y = origin.y - offset + float(copy) * (copy_height + gap);
        ImGui::PushID(copy);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            ImGui::PushID(int(i));
            const float h = draw_row(rows[i], ImVec2(origin.x, y), width, scale, i % 2 == 1);
            ImGui::PopID();
            y += h;
            if (copy == 0) measured += h;
        }
        ImGui::PopID();
    }
    draw->ChannelsMerge();
    copy_height = measured;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
}

}  // namespace

void draw_board(App&) {
    // Large type that fills a wall screen: about 20 lines of body text on its height.
    const ImVec2 view = ImGui::GetMainViewport()->WorkSize;
    const float scale = std::clamp(view.y / (ImGui::GetFontSize() * 20.0f), 1.5f, 4.0f);
    const State& state = session::state();
    if (!session::loaded()) return draw_message("board.loading", scale);
    if (!state.has_estate) return draw_message("board.no_estate", scale);
    const PriceTableRecord* table = current_table(state);

    // The estate's name and the table's title, both languages.
    ImGui::SetWindowFontScale(scale * 1.25f);
    ui::value_text(state.settings.name_zh + "  " + both("board.title").zh);
    ImGui::SetWindowFontScale(scale * 0.75f);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::value_text((state.settings.name_en.empty() ? state.settings.name_zh : state.settings.name_en) + "  " +
                   both("board.title").en);
    if (table) {
        const TwoLines published = both("board.published");
        const std::string day = to_string(local_date(table->published_ms, state.settings.tz_offset_minutes));
        ui::value_text(published.zh + " " + day + " · " + published.en + " " + day + " · v" +
                       std::to_string(table->def.version));
    }
    ImGui::PopStyleColor();
    ImGui::SetWindowFontScale(1.0f);
    if (!table) return draw_message("board.no_table", scale);

    static std::uint64_t seen_revision = ~std::uint64_t(0);
    static std::vector<BoardRow> rows;
    if (seen_revision != session::revision()) {
        seen_revision = session::revision();
        rows = rows_of(state, *table);
    }
    if (rows.empty()) return draw_message("board.no_table", scale);
    ImGui::Spacing();
    draw_header_row(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail().x, scale * 0.8f);
    draw_scrolling_rows(rows, scale);
}

}  // namespace bianmin::screens
