// The 11 registers of SPEC [3-5] as queries.
//
// Index
// [SECTION] Detail columns per register
// [SECTION] Registers of entrustments
// [SECTION] Drinking water: stock and sales
#include "bianmin/registers.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "bianmin/queries.hpp"

namespace bianmin {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Detail columns per register
//-----------------------------------------------------------------------------

constexpr DetailSpec kRentalSale[] = {
    {"deal", "租/售", "rent or sale", true},
    {"area", "面积(平方米)", "area (m²)", false},
    {"asking_price", "报价", "asking price", false},
};
constexpr DetailSpec kBroadband[] = {
    {"provider", "运营商", "provider", true},
    {"bandwidth", "带宽", "bandwidth", false},
    {"account", "宽带账号", "account", false},
};
constexpr DetailSpec kAdvertisement[] = {
    {"advertiser", "广告主", "advertiser", true},
    {"content", "广告内容", "content", true},
    {"location", "张贴位置", "location", true},
    {"from", "开始日期", "from", true},
    {"to", "结束日期", "to", true},
};
constexpr DetailSpec kVenue[] = {
    {"location", "展位/场地", "booth or venue", true},
    {"purpose", "用途", "purpose", true},
    {"from", "开始日期", "from", true},
    {"to", "结束日期", "to", true},
};
constexpr DetailSpec kNewspaper[] = {
    {"publication", "报刊名称", "publication", true},
    {"copies", "份数", "copies", true},
    {"period", "订阅期", "subscription period", false},
};
constexpr DetailSpec kComputerRepair[] = {
    {"device", "设备", "device", true},
    {"fault", "故障", "fault", true},
    {"repairer", "维修单位", "repairer", false},
};
constexpr DetailSpec kParking[] = {
    {"space", "车位号", "space", true},
    {"plate", "车牌号", "plate", true},
};
constexpr DetailSpec kMotorInsurance[] = {
    {"plate", "车牌号", "plate", true},
    {"insurer", "保险公司", "insurer", true},
    {"policy", "险种", "policy", false},
};
constexpr DetailSpec kTelephone[] = {
    {"service", "业务(装机/移机/改号)", "service (new line, move, change)", true},
    {"number", "电话号码", "number", false},
};

struct RegisterShape {
    std::span<const DetailSpec> details;
    bool money;  // shows fees and deposits (paid items)
};

RegisterShape shape(RegisterKind kind) {
    switch (kind) {
        case RegisterKind::rental_sale: return {kRentalSale, true};
        case RegisterKind::broadband: return {kBroadband, false};
        case RegisterKind::advertisement: return {kAdvertisement, true};
        case RegisterKind::venue: return {kVenue, true};
        case RegisterKind::newspaper: return {kNewspaper, false};
        case RegisterKind::computer_repair: return {kComputerRepair, false};
        case RegisterKind::parking: return {kParking, true};
        case RegisterKind::motor_insurance: return {kMotorInsurance, false};
        case RegisterKind::telephone: return {kTelephone, false};
        case RegisterKind::water_stock:
        case RegisterKind::water_sales: return {{}, true};
    }
    return {{}, false};
}

bool in_range(const RegisterFilter& f, std::int64_t ms) {
    return (!f.from_ms || ms >= *f.from_ms) && (!f.to_ms || ms < *f.to_ms);
}

std::string day_text(const State& s, std::int64_t ms) { return ms ? to_string(date_at(s, ms)) : std::string(); }

void set_titles(Table& t, RegisterKind kind) {
    t.title_zh = std::string(label_zh(kind));
    t.title_en = "Register: " + std::string(label_en(kind));
}

//-----------------------------------------------------------------------------
// [SECTION] Registers of entrustments
//-----------------------------------------------------------------------------

Table form_register(const State& s, RegisterKind kind, const RegisterFilter& filter) {
    const RegisterShape sh = shape(kind);
    Table t;
    set_titles(t, kind);
    t.columns = {{"date", "登记日期", "registered"}, {"form", "委托单号", "form"},
                 {"item", "服务项目", "item"},      {"household", "栋号-房号", "building-room"},
                 {"name", "业主姓名", "name"},      {"phone", "电话", "phone"}};
    for (const auto& d : sh.details) t.columns.push_back({std::string(d.key), std::string(d.zh), std::string(d.en)});
    t.columns.push_back({"handled", "办理日期", "handled on"});
    if (sh.money) {
        t.columns.push_back({"fees_paid", "已收费用", "fees paid", true});
        t.columns.push_back({"deposit_held", "押金", "deposit held", true});
    }
    t.columns.push_back({"status", "状态", "status"});
    std::vector<const FormRecord*> forms;
    for (const auto& [id, form] : s.forms) {
        const ItemRecord* item = s.find_item(form.def.item_id);
        if (item && item->feeds(kind) && in_range(filter, form.registered_ms)) forms.push_back(&form);
    }
    std::stable_sort(forms.begin(), forms.end(),
                     [](const FormRecord* a, const FormRecord* b) { return a->registered_ms < b->registered_ms; });
    for (const FormRecord* f : forms) {
        std::vector<std::string> row = {day_text(s, f->registered_ms), f->def.form_id, item_name_zh(s, f->def.item_id),
                                        household_label(s, f->def.household_id), f->def.resident_name, f->def.phone};
        for (const auto& d : sh.details) {
            auto it = f->def.details.find(std::string(d.key));
            row.push_back(it == f->def.details.end() ? "" : it->second);
        }
        row.push_back(day_text(s, f->last_delivery_ms));
        if (sh.money) {
            row.push_back(format_yuan_plain(f->fees_paid + f->prepaid - f->prepayment_refunded));
            row.push_back(format_yuan_plain(f->deposit_held()));
        }
        std::string status = f->stopped ? "已停止: " + f->stop_reason : f->is_signed() ? "有效" : "待签名";
        row.push_back(status);
        t.add_row(std::move(row));
    }
    t.notes_zh.push_back("共 " + std::to_string(t.rows.size()) + " 条");
    t.notes_en.push_back(std::to_string(t.rows.size()) + " entries");
    return t;
}

//-----------------------------------------------------------------------------
// [SECTION] Drinking water: stock and sales
//-----------------------------------------------------------------------------

Table water_stock_register(const State& s, const RegisterFilter& filter) {
    Table t;
    set_titles(t, RegisterKind::water_stock);
    t.columns = {{"date", "日期", "date"},
                 {"ref", "单号", "reference"},
                 {"product", "品种", "product"},
                 {"in", "收货", "in", true},
                 {"out", "发货", "out", true},
                 {"on_hand", "结存", "on hand", true},
                 {"counterparty", "供货方/收货住户", "supplier / household"}};
    std::map<std::string, std::int64_t> on_hand;
    for (const auto& m : s.water) {
        on_hand[m.item_id] += m.quantity;
        if (!in_range(filter, m.ms)) continue;
        bool in = m.quantity > 0;
        t.add_row({day_text(s, m.ms), m.ref_id, item_name_zh(s, m.item_id), in ? std::to_string(m.quantity) : "",
                   in ? "" : std::to_string(-m.quantity), std::to_string(on_hand[m.item_id]),
                   in ? m.counterparty : household_label(s, m.counterparty)});
    }
    for (const auto& [item, qty] : s.water_on_hand) {
        t.notes_zh.push_back(item_name_zh(s, item) + " 现有库存: " + std::to_string(qty));
        t.notes_en.push_back(item_name_en(s, item) + " on hand: " + std::to_string(qty));
    }
    return t;
}

Table water_sales_register(const State& s, const RegisterFilter& filter) {
    Table t;
    set_titles(t, RegisterKind::water_sales);
    t.columns = {{"date", "日期", "date"},
                 {"delivery", "送货单号", "delivery"},
                 {"household", "栋号-房号", "building-room"},
                 {"name", "业主姓名", "name"},
                 {"product", "品种", "product"},
                 {"quantity", "数量", "quantity", true},
                 {"unit_price", "单价", "unit price", true},
                 {"amount", "金额", "amount", true},
                 {"confirmed", "业主确认", "confirmed"}};
    std::vector<const DeliveryRecord*> rows;
    for (const auto& [id, d] : s.deliveries) {
        const ItemRecord* item = s.find_item(d.def.item_id);
        if (item && item->feeds(RegisterKind::water_sales) && in_range(filter, d.ms)) rows.push_back(&d);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const DeliveryRecord* a, const DeliveryRecord* b) { return a->ms < b->ms; });
    Fen total;
    std::int64_t quantity = 0;
    for (const DeliveryRecord* d : rows) {
        const FormRecord* form = s.find_form(d->def.form_id);
        Fen unit{d->def.quantity ? d->def.charge.value / d->def.quantity : 0};
        total += d->def.charge;
        quantity += d->def.quantity;
        t.add_row({day_text(s, d->ms), d->def.delivery_id, household_label(s, d->def.household_id),
                   form ? form->def.resident_name : "", item_name_zh(s, d->def.item_id), std::to_string(d->def.quantity),
                   format_yuan_plain(unit), format_yuan_plain(d->def.charge), d->confirmed() ? day_text(s, d->confirmed_ms) : "未确认"});
    }
    t.notes_zh.push_back("合计 " + std::to_string(quantity) + " 件, " + format_fen(total, MoneyLocale::Chinese));
    t.notes_en.push_back("total " + std::to_string(quantity) + " units, " + format_fen(total, MoneyLocale::English));
    return t;
}

}  // namespace

std::span<const DetailSpec> register_details(RegisterKind kind) { return shape(kind).details; }

const DetailSpec* find_detail(RegisterKind kind, std::string_view key) {
    for (const auto& d : register_details(kind))
        if (d.key == key) return &d;
    return nullptr;
}

Table register_table(const State& s, RegisterKind kind, const RegisterFilter& filter) {
    if (kind == RegisterKind::water_stock) return water_stock_register(s, filter);
    if (kind == RegisterKind::water_sales) return water_sales_register(s, filter);
    return form_register(s, kind, filter);
}

}  // namespace bianmin
