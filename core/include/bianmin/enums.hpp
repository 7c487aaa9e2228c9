// Enumerations of the domain, each with an explicit string table.
//
// Every enum here is written to JSON and files by its `id` (snake_case ASCII), never by
// its number, and shown to people by its Chinese or English label. Reading an unknown id
// is an error (never a silent default). Use:
//   to_string(Role::cashier)            -> "cashier"
//   enum_from_string<Role>("cashier")   -> Role::cashier
//   label_zh(Role::cashier)             -> "财务部收银员"
//
// Index
// [SECTION] Table machinery
// [SECTION] People and devices
// [SECTION] Items, prices, registers
// [SECTION] Serving residents
// [SECTION] Staff assessment
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>

namespace bianmin {

//-----------------------------------------------------------------------------
// [SECTION] Table machinery
//-----------------------------------------------------------------------------

template <class E>
struct EnumEntry {
    E value;
    std::string_view id;
    std::string_view zh;
    std::string_view en;
};

// Specialised below for every enum: `static constexpr EnumEntry<E> entries[] = {...}`.
template <class E>
struct EnumTable;

template <class E>
concept TabledEnum = requires { EnumTable<E>::entries; };

template <TabledEnum E>
constexpr const EnumEntry<E>* find_entry(E value) {
    for (const auto& entry : EnumTable<E>::entries)
        if (entry.value == value) return &entry;
    return nullptr;
}
template <TabledEnum E>
constexpr std::string_view to_string(E value) {
    const auto* entry = find_entry(value);
    return entry ? entry->id : std::string_view("?");
}
template <TabledEnum E>
constexpr std::string_view label_zh(E value) {
    const auto* entry = find_entry(value);
    return entry ? entry->zh : std::string_view("?");
}
template <TabledEnum E>
constexpr std::string_view label_en(E value) {
    const auto* entry = find_entry(value);
    return entry ? entry->en : std::string_view("?");
}
template <TabledEnum E>
constexpr std::optional<E> enum_from_string(std::string_view id) {
    for (const auto& entry : EnumTable<E>::entries)
        if (entry.id == id) return entry.value;
    return std::nullopt;
}
template <TabledEnum E>
std::ostream& operator<<(std::ostream& os, E value) {
    return os << to_string(value);
}

#define BIANMIN_ENUM_TABLE(E) \
    template <>               \
    struct EnumTable<E> {     \
        static constexpr EnumEntry<E> entries[] =

//-----------------------------------------------------------------------------
// [SECTION] People and devices
//-----------------------------------------------------------------------------

// SPEC "People and what each may do".
enum class Role : std::uint8_t {
    general_manager, office_manager, front_desk, service_worker, cashier, resident, assessment_group
};
BIANMIN_ENUM_TABLE(Role){
    {Role::general_manager, "general_manager", "公司经理/总经理", "general manager"},
    {Role::office_manager, "office_manager", "管理处经理/市场拓展部主管", "office manager"},
    {Role::front_desk, "front_desk", "客服人员", "front-desk staff"},
    {Role::service_worker, "service_worker", "服务人员", "service worker"},
    {Role::cashier, "cashier", "财务部收银员", "cashier"},
    {Role::resident, "resident", "业主/住户", "resident"},
    {Role::assessment_group, "assessment_group", "考核领导小组", "assessment group"},
};};

// An office device serves staff (office computer, staff tablets); a resident device
// belongs to one household and may only act for it.
enum class DeviceKind : std::uint8_t { office, resident };
BIANMIN_ENUM_TABLE(DeviceKind){
    {DeviceKind::office, "office", "办公/员工设备", "office or staff device"},
    {DeviceKind::resident, "resident", "住户设备", "resident device"},
};};

enum class Tenure : std::uint8_t { owner, tenant };
BIANMIN_ENUM_TABLE(Tenure){
    {Tenure::owner, "owner", "业主", "owner"},
    {Tenure::tenant, "tenant", "租户", "tenant"},
};};

// Kinds of records whose fields are edited by field_edited events (see fields.hpp).
enum class RecordKind : std::uint8_t { estate, household, resident, staff, item, complaint };
BIANMIN_ENUM_TABLE(RecordKind){
    {RecordKind::estate, "estate", "小区设置", "estate setting"},
    {RecordKind::household, "household", "住户", "household"},
    {RecordKind::resident, "resident", "住户成员", "resident"},
    {RecordKind::staff, "staff", "员工", "staff member"},
    {RecordKind::item, "item", "服务项目", "service item"},
    {RecordKind::complaint, "complaint", "投诉", "complaint"},
};};

//-----------------------------------------------------------------------------
// [SECTION] Items, prices, registers
//-----------------------------------------------------------------------------

// How a service item is charged. `free` is the free (agency) kind of SPEC [3-4.2.4].
enum class Billing : std::uint8_t { per_use, per_month, one_off, free };
BIANMIN_ENUM_TABLE(Billing){
    {Billing::per_use, "per_use", "按次/按量收费", "per use"},
    {Billing::per_month, "per_month", "按月收费", "per month"},
    {Billing::one_off, "one_off", "一次性收费", "one-off fee"},
    {Billing::free, "free", "无偿(代办)", "free (agency)"},
};};

// The 11 registers of SPEC [3-5].
enum class RegisterKind : std::uint8_t {
    rental_sale, broadband, advertisement, venue, newspaper, computer_repair, parking,
    motor_insurance, telephone, water_stock, water_sales
};
BIANMIN_ENUM_TABLE(RegisterKind){
    {RegisterKind::rental_sale, "rental_sale", "房屋委托租售登记表", "rental/sale entrustments"},
    {RegisterKind::broadband, "broadband", "代办宽带网登记表", "broadband agency"},
    {RegisterKind::advertisement, "advertisement", "张贴广告登记表", "advertisement posting"},
    {RegisterKind::venue, "venue", "展位占用登记表", "booth/venue occupation"},
    {RegisterKind::newspaper, "newspaper", "代办报刊杂志登记表", "newspaper and magazine agency"},
    {RegisterKind::computer_repair, "computer_repair", "代办电脑维修、维护统计表", "computer repair"},
    {RegisterKind::parking, "parking", "租用车位登记表", "parking-space rental"},
    {RegisterKind::motor_insurance, "motor_insurance", "代办车险登记表", "motor insurance agency"},
    {RegisterKind::telephone, "telephone", "代办电话登记表", "telephone agency"},
    {RegisterKind::water_stock, "water_stock", "饮用水收发货统计表", "drinking-water receipts and dispatches"},
    {RegisterKind::water_sales, "water_sales", "桶装水售出登记表", "bottled-water sales"},
};};

// Where an approved price table is announced (SPEC [1-4.2, 3-4.2.2]).
enum class PublishChannel : std::uint8_t { office_notice, notice_board, electronic_screen, newsletter };
BIANMIN_ENUM_TABLE(PublishChannel){
    {PublishChannel::office_notice, "office_notice", "管理处醒目位置张贴", "posted at the office"},
    {PublishChannel::notice_board, "notice_board", "花园宣传栏张贴", "garden notice board"},
    {PublishChannel::electronic_screen, "electronic_screen", "小区电子屏幕滚动播放", "estate electronic screen"},
    {PublishChannel::newsletter, "newsletter", "小区内部刊物", "estate newsletter"},
};};

enum class PriceTableStatus : std::uint8_t { draft, submitted, approved, rejected, published, superseded };
BIANMIN_ENUM_TABLE(PriceTableStatus){
    {PriceTableStatus::draft, "draft", "草稿", "draft"},
    {PriceTableStatus::submitted, "submitted", "已报批", "submitted"},
    {PriceTableStatus::approved, "approved", "已批准", "approved"},
    {PriceTableStatus::rejected, "rejected", "已退回", "rejected"},
    {PriceTableStatus::published, "published", "已公告", "published"},
    {PriceTableStatus::superseded, "superseded", "已被新版本取代", "superseded"},
};};

// What the manager does about a loss-making item (SPEC [3-4.3.4]).
enum class MeasureKind : std::uint8_t { more_subscribers, price_change, stop_item, other };
BIANMIN_ENUM_TABLE(MeasureKind){
    {MeasureKind::more_subscribers, "more_subscribers", "设法增加接受服务的住户", "win more subscribers"},
    {MeasureKind::price_change, "price_change", "提高收费标准(重新报批)", "change the price (new approval)"},
    {MeasureKind::stop_item, "stop_item", "报总经理审批后停止该项服务", "stop the item (GM approval)"},
    {MeasureKind::other, "other", "其他适宜措施", "other measure"},
};};

enum class ItemStatus : std::uint8_t { active, stop_requested, stopped };
BIANMIN_ENUM_TABLE(ItemStatus){
    {ItemStatus::active, "active", "开展中", "active"},
    {ItemStatus::stop_requested, "stop_requested", "已申请停止", "stop requested"},
    {ItemStatus::stopped, "stopped", "已停止", "stopped"},
};};

//-----------------------------------------------------------------------------
// [SECTION] Serving residents
//-----------------------------------------------------------------------------

enum class EntrustmentKind : std::uint8_t { long_term, one_off };
BIANMIN_ENUM_TABLE(EntrustmentKind){
    {EntrustmentKind::long_term, "long_term", "长期服务", "long-term"},
    {EntrustmentKind::one_off, "one_off", "单次服务", "one-off"},
};};

// How a resident asked (SPEC [3-4.2.5]).
enum class RequestChannel : std::uint8_t { phone, in_person, app };
BIANMIN_ENUM_TABLE(RequestChannel){
    {RequestChannel::phone, "phone", "电话预约", "by phone"},
    {RequestChannel::in_person, "in_person", "直接到办公室", "in person"},
    {RequestChannel::app, "app", "应用内申请", "in the app"},
};};

enum class PaymentKind : std::uint8_t { fee, prepayment, deposit };
BIANMIN_ENUM_TABLE(PaymentKind){
    {PaymentKind::fee, "fee", "服务费", "fee"},
    {PaymentKind::prepayment, "prepayment", "预交服务费", "prepayment"},
    {PaymentKind::deposit, "deposit", "押金", "deposit"},
};};

enum class PaymentMethod : std::uint8_t { cash, card, transfer };
BIANMIN_ENUM_TABLE(PaymentMethod){
    {PaymentMethod::cash, "cash", "现金", "cash"},
    {PaymentMethod::card, "card", "刷卡", "card"},
    {PaymentMethod::transfer, "transfer", "转账", "transfer"},
};};

// Why a resident stops a service (SPEC [1-4.12]); the free-text reason says more.
enum class StopReason : std::uint8_t { moving_out, no_longer_needed, dissatisfied, price, item_discontinued, other };
BIANMIN_ENUM_TABLE(StopReason){
    {StopReason::moving_out, "moving_out", "搬离", "moving out"},
    {StopReason::no_longer_needed, "no_longer_needed", "不再需要", "no longer needed"},
    {StopReason::dissatisfied, "dissatisfied", "对服务不满意", "dissatisfied with the service"},
    {StopReason::price, "price", "价格原因", "the price"},
    {StopReason::item_discontinued, "item_discontinued", "服务项目停止", "the item was discontinued"},
    {StopReason::other, "other", "其他", "other"},
};};

// Who holds a problem (SPEC [1-4.9–4.10, 3-4.5.3]).
enum class ProblemLevel : std::uint8_t { general, manager, general_manager };
BIANMIN_ENUM_TABLE(ProblemLevel){
    {ProblemLevel::general, "general", "一般问题(客服处理)", "general (front desk)"},
    {ProblemLevel::manager, "manager", "重大问题(管理处经理)", "major (office manager)"},
    {ProblemLevel::general_manager, "general_manager", "重大问题(总经理决定)", "major (general manager)"},
};};

enum class ComplaintSource : std::uint8_t { direct, phone, app, return_visit };
BIANMIN_ENUM_TABLE(ComplaintSource){
    {ComplaintSource::direct, "direct", "到访投诉", "in person"},
    {ComplaintSource::phone, "phone", "电话投诉", "by phone"},
    {ComplaintSource::app, "app", "应用内投诉", "in the app"},
    {ComplaintSource::return_visit, "return_visit", "回访中投诉", "heard on a return visit"},
};};

enum class ComplaintStatus : std::uint8_t { recorded, assigned, answered, closed };
BIANMIN_ENUM_TABLE(ComplaintStatus){
    {ComplaintStatus::recorded, "recorded", "已登记", "recorded"},
    {ComplaintStatus::assigned, "assigned", "已派单", "assigned"},
    {ComplaintStatus::answered, "answered", "已答复", "answered"},
    {ComplaintStatus::closed, "closed", "已关闭", "closed"},
};};

// The general manager's quality evaluation of an item (SPEC [3-4.5.4]).
enum class QualityRating : std::uint8_t { excellent, good, fair, poor };
BIANMIN_ENUM_TABLE(QualityRating){
    {QualityRating::excellent, "excellent", "优", "excellent"},
    {QualityRating::good, "good", "良", "good"},
    {QualityRating::fair, "fair", "中", "fair"},
    {QualityRating::poor, "poor", "差", "poor"},
};};

// Lines of the money ledger (state.hpp).
enum class MoneyEntryKind : std::uint8_t { fee, prepayment, deposit, collection, settlement, reversal };
BIANMIN_ENUM_TABLE(MoneyEntryKind){
    {MoneyEntryKind::fee, "fee", "收银处收费", "fee at the cashier"},
    {MoneyEntryKind::prepayment, "prepayment", "预交服务费", "prepayment"},
    {MoneyEntryKind::deposit, "deposit", "押金", "deposit"},
    {MoneyEntryKind::collection, "collection", "员工代收", "collected by staff"},
    {MoneyEntryKind::settlement, "settlement", "停止服务结算", "settlement on stopping"},
    {MoneyEntryKind::reversal, "reversal", "冲正", "reversal"},
};};

//-----------------------------------------------------------------------------
// [SECTION] Staff assessment
//-----------------------------------------------------------------------------

enum class LeaveKind : std::uint8_t { leave, going_out };
BIANMIN_ENUM_TABLE(LeaveKind){
    {LeaveKind::leave, "leave", "请假", "leave"},
    {LeaveKind::going_out, "going_out", "上班时间外出", "going out during work"},
};};

// Where a violation was found (SPEC [2-3.2]).
enum class ViolationSource : std::uint8_t {
    town_inspection, public_report, county_inspection, city_inspection, province_inspection
};
BIANMIN_ENUM_TABLE(ViolationSource){
    {ViolationSource::town_inspection, "town_inspection", "镇巡查/协查", "town inspection"},
    {ViolationSource::public_report, "public_report", "群众举报", "report by the public"},
    {ViolationSource::county_inspection, "county_inspection", "县巡查通报", "county inspection"},
    {ViolationSource::city_inspection, "city_inspection", "市巡查通报", "city inspection"},
    {ViolationSource::province_inspection, "province_inspection", "省巡查通报", "province inspection"},
};};

// Year-end rating; a province-level violation bars `competent` and better (SPEC [2-3.2]).
enum class AnnualRating : std::uint8_t { excellent, competent, basically_competent, incompetent };
BIANMIN_ENUM_TABLE(AnnualRating){
    {AnnualRating::excellent, "excellent", "优秀", "excellent"},
    {AnnualRating::competent, "competent", "称职", "competent"},
    {AnnualRating::basically_competent, "basically_competent", "基本称职", "basically competent"},
    {AnnualRating::incompetent, "incompetent", "不称职", "incompetent"},
};};

enum class LeaveStatus : std::uint8_t { pending, approved, rejected };
BIANMIN_ENUM_TABLE(LeaveStatus){
    {LeaveStatus::pending, "pending", "待批准", "pending"},
    {LeaveStatus::approved, "approved", "已批准", "approved"},
    {LeaveStatus::rejected, "rejected", "未批准", "rejected"},
};};

#undef BIANMIN_ENUM_TABLE

// The eight conduct items of SPEC [2-2.1–2.8], numbered 1..8.
inline constexpr int kConductItemCount = 8;
std::string_view conduct_item_zh(int item);  // "" when out of range
std::string_view conduct_item_en(int item);

}  // namespace bianmin
