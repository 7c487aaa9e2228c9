#include "bianmin/enums.hpp"

#include <array>

namespace bianmin {
namespace {

// SPEC [2-2.1–2.8], in order.
constexpr std::array<std::string_view, kConductItemCount> kConductZh = {
    "按规定着装、佩证上岗、摆放身份公示牌,用语规范",
    "保持窗口整洁,态度热情,服务周到",
    "严格签到,不做与工作无关的事(游戏、聊天、炒股、看电影)",
    "请假或中途外出须事先批准,不脱岗离岗",
    "首问责任制,不推诿敷衍,不与服务对象争吵",
    "限时办结制,在规定时限内办结",
    "廉洁自律,不收红包礼品,不吃拿卡要",
    "上级业务部门和监督部门的其他要求",
};
constexpr std::array<std::string_view, kConductItemCount> kConductEn = {
    "dress, badge and name plate, proper language",
    "a tidy window, warm and thorough service",
    "sign in; no games, chat, stocks or films at work",
    "leave and going out approved in advance; never off post",
    "first-contact responsibility; no passing the buck or quarrelling",
    "finish work within the promised time",
    "integrity: no gifts, no red envelopes",
    "other requirements of supervising departments",
};

}  // namespace

std::string_view conduct_item_zh(int item) {
    return item >= 1 && item <= kConductItemCount ? kConductZh[std::size_t(item - 1)] : std::string_view();
}
std::string_view conduct_item_en(int item) {
    return item >= 1 && item <= kConductItemCount ? kConductEn[std::size_t(item - 1)] : std::string_view();
}

}  // namespace bianmin
