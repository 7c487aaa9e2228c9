// Strings of the estate's electronic screen (web/screens/screen_board.cpp). The board
// shows both languages at once, so every entry is read in Chinese and in English.
#include "i18n/i18n.h"

namespace bianmin::i18n {
namespace {

const Entry kBoardEntries[] = {
    {"board.title", "便民服务项目及价格表", "Convenience services and prices"},
    {"board.published", "发布日期", "Published"},
    {"board.col.item", "服务项目", "Service"},
    {"board.col.unit", "单位", "Unit"},
    {"board.col.price", "价格", "Price"},
    {"board.col.deposit", "押金", "Deposit"},
    {"board.col.notes", "说明", "Notes"},
    {"board.free", "免费代办", "Free"},
    {"board.prepayment", "预交", "prepay"},
    {"board.loading", "正在加载价目表…", "Loading the price table…"},
    {"board.no_estate",
     "欢迎！本屏幕还没有小区的数据。请管理处在本设备导入数据后，这里会显示便民服务价目表。",
     "Welcome! This screen has no estate data yet. Once the office imports the estate's data on this "
     "device, the price table of the convenience services shows here."},
    {"board.no_table", "便民服务价目表尚未发布，敬请期待。", "The price table has not been published yet. Please check back soon."},
};

}  // namespace

extern const StringTable kBoardStrings{kBoardEntries};

}  // namespace bianmin::i18n
