// Helpers shared by the rule files: input checks with bilingual messages, money
// posting, anomalies.
#include "rules.hpp"

namespace bianmin::rules {

bool applies_despite_errors(EventType type) {
    if (is_money_event(type)) return true;
    switch (type) {
        case EventType::delivery_logged:
        case EventType::delivery_confirmed:
        case EventType::water_stock_received:
        case EventType::signed_in:
        case EventType::signed_out:
        case EventType::field_edited: return true;
        default: return false;
    }
}

void need_id(Errors& out, std::string_view area, std::string_view field, const std::string& value) {
    if (is_valid_id(value)) return;
    std::string f(field);
    if (value.empty())
        fail(out, std::string(area) + ".id_required", f, "缺少编号: " + f, "missing id: " + f);
    else
        fail(out, std::string(area) + ".bad_id", f, "编号格式不正确(1–64位字母、数字或 ._:-): " + f,
             "bad id (1–64 letters, digits or ._:-): " + f);
}

void need_text(Errors& out, std::string_view code, std::string_view field, const std::string& value,
               std::size_t max, std::string_view what_zh, std::string_view what_en) {
    if (value.empty())
        fail(out, std::string(code), std::string(field), "请填写" + std::string(what_zh),
             "please fill in the " + std::string(what_en));
    else if (value.size() > max)
        fail(out, std::string(code), std::string(field), std::string(what_zh) + "太长(最多 " + std::to_string(max) + " 字节)",
             "the " + std::string(what_en) + " is too long (at most " + std::to_string(max) + " bytes)");
}

void limit_text(Errors& out, std::string_view area, std::string_view field, const std::string& value,
                std::size_t max) {
    if (value.size() <= max) return;
    fail(out, std::string(area) + ".too_long", std::string(field),
         std::string(field) + " 太长(最多 " + std::to_string(max) + " 字节)",
         std::string(field) + " is too long (at most " + std::to_string(max) + " bytes)");
}

void need_amount(Errors& out, std::string_view code, std::string_view field, Fen amount, bool positive) {
    if (amount.value > kMaxFen || amount.value < 0 || (positive && amount.value == 0))
        fail(out, std::string(code), std::string(field),
             positive ? "金额必须大于零且不超过一亿元" : "金额不能为负数且不超过一亿元",
             positive ? "the amount must be above zero and at most 100 million yuan"
                      : "the amount cannot be negative or above 100 million yuan");
}

void need_phone(Errors& out, std::string_view code, std::string_view field, const std::string& phone,
                bool required) {
    if (phone.empty() && !required) return;
    const FieldSpec* spec = find_field(RecordKind::household, "phone");
    if (spec && validate_field_value(*spec, FieldValue{phone}).empty()) return;
    fail(out, std::string(code), std::string(field), "电话号码不正确(3–20位数字,可含 + - 空格 括号)",
         "not a phone number (3–20 digits, may contain + - spaces brackets)");
}

void need_signature(Errors& out, std::string_view field, const Signature& signature, bool required) {
    if (required && signature.empty()) {
        fail(out, "signature.required", std::string(field), "需要住户签名", "the resident's signature is needed");
        return;
    }
    if (signature.point_count() > kMaxSignaturePoints)
        fail(out, "signature.too_large", std::string(field), "签名数据过大", "the signature has too many points");
    for (const auto& stroke : signature.strokes) {
        if (stroke.empty()) {
            fail(out, "signature.empty_stroke", std::string(field), "签名包含空笔画", "the signature has an empty stroke");
            return;
        }
    }
}

void note_anomaly(State& s, const Event& e, const Error& error, bool skipped) {
    s.anomalies.push_back(Anomaly{e.id, e.type(), error.code, error.message_zh, error.message_en, skipped});
}

namespace {

// A money line's effect on its form's columns; sign −1 undoes it (for a reversal).
void apply_form_effects(FormRecord& form, const MoneyEntry& e, std::int64_t sign) {
    switch (e.kind) {
        case MoneyEntryKind::fee:
        case MoneyEntryKind::collection: form.fees_paid += Fen{sign * e.cash.value}; break;
        case MoneyEntryKind::prepayment: form.prepaid += Fen{sign * e.prepayment.value}; break;
        case MoneyEntryKind::deposit: form.deposit_paid += Fen{sign * e.deposit.value}; break;
        case MoneyEntryKind::settlement: {
            // Effects of a settlement: prepayment = −refund of prepayment,
            // cash = −(deposit refund + prepayment refund), deposit = −(refund + retained).
            std::int64_t prepayment_refund = -e.prepayment.value;
            std::int64_t deposit_refund = -e.cash.value - prepayment_refund;
            std::int64_t deposit_retained = -e.deposit.value - deposit_refund;
            form.prepayment_refunded += Fen{sign * prepayment_refund};
            form.deposit_refunded += Fen{sign * deposit_refund};
            form.deposit_retained += Fen{sign * deposit_retained};
            form.settled = sign > 0;
            break;
        }
        case MoneyEntryKind::reversal: break;  // handled by the caller
    }
}

}  // namespace

void post_money(State& s, MoneyEntry entry) {
    if (s.money_index.count(entry.entry_id)) return;  // callers check; never post twice
    auto form_it = s.forms.find(entry.form_id);
    if (form_it != s.forms.end()) {
        if (entry.kind == MoneyEntryKind::reversal) {
            if (const MoneyEntry* original = s.find_money(entry.reverses))
                apply_form_effects(form_it->second, *original, -1);
        } else {
            apply_form_effects(form_it->second, entry, +1);
        }
    }
    s.money_index[entry.entry_id] = s.money.size();
    s.money.push_back(std::move(entry));
}

}  // namespace bianmin::rules
