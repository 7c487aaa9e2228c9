// People & devices, part 5: the editor of a record's fields (office_people_parts.h) —
// estate settings, household and resident contacts, staff names and phones, service
// items. A change is a field_edited event (never an overwrite in place): the core checks
// the role, the type and the range, and keeps concurrent edits as a conflict.
//
// [SECTION] Current values
// [SECTION] One field
// [SECTION] The editor
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "bianmin/commands.hpp"
#include "bianmin/fields.hpp"
#include "i18n/i18n.h"
#include "imgui.h"
#include "runtime/session.h"
#include "screens/office_people_parts.h"
#include "ui/widgets.h"

namespace bianmin::screens::people {

//-------------------------------------------------------------------------------------
// [SECTION] Current values
//-------------------------------------------------------------------------------------

namespace {

FieldValue estate_value(const Settings& st, std::string_view f) {
    using I = std::int64_t;
    if (f == "name_zh") return st.name_zh;
    if (f == "name_en") return st.name_en;
    if (f == "tz_offset_minutes") return I{st.tz_offset_minutes};
    if (f == "default_promised_hours") return I{st.default_promised_hours};
    if (f == "unsynced_warning_days") return I{st.unsynced_warning_days};
    if (f == "return_visit_interval_days") return I{st.return_visit_interval_days};
    if (f == "handover_limit_days") return I{st.handover_limit_days};
    if (f == "assessment_monthly") return st.assessment_monthly.value;
    if (f == "deduction_months_town") return st.deduction_months_town;
    if (f == "deduction_months_public") return st.deduction_months_public;
    if (f == "deduction_months_county") return st.deduction_months_county;
    if (f == "deduction_months_city") return st.deduction_months_city;
    if (f == "deduction_months_province") return st.deduction_months_province;
    if (f == "assessment_period_months") return I{st.assessment_period_months};
    return std::string();
}

}  // namespace

FieldValue current_field_value(const State& s, RecordKind kind, const std::string& record, std::string_view f) {
    switch (kind) {
        case RecordKind::estate:
            return estate_value(s.settings, f);
        case RecordKind::household:
            if (const HouseholdRecord* h = s.find_household(record)) return f == "phone" ? h->phone : h->note;
            break;
        case RecordKind::resident:
            if (const ResidentRecord* r = s.find_resident(record)) return f == "name" ? r->name : r->phone;
            break;
        case RecordKind::staff:
            if (const StaffRecord* staff = s.find_staff(record))
                return f == "name" ? staff->name : f == "phone" ? staff->phone : staff->window;
            break;
        case RecordKind::item:
            if (const ItemRecord* item = s.find_item(record)) {
                const ItemDefined& d = item->def;
                if (f == "monthly_cost") return d.monthly_cost.value;
                if (f == "promised_hours") return d.promised_hours;
                return f == "name_zh" ? d.name_zh : f == "name_en" ? d.name_en : f == "unit_zh" ? d.unit_zh : d.unit_en;
            }
            break;
        case RecordKind::complaint:
            break;
    }
    return std::string();
}

//-------------------------------------------------------------------------------------
// [SECTION] One field
//-------------------------------------------------------------------------------------

namespace {

std::optional<std::int64_t> whole_number(const std::string& text) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

// The value the input holds, as the field's type wants it; nothing when it is not one
// (a word in a number field, an amount that does not parse).
std::optional<FieldValue> typed_value(const FieldSpec& spec, const std::string& text, const ui::MoneyInput& money) {
    switch (spec.type) {
        case FieldType::money:
            if (!money.value) return std::nullopt;
            return FieldValue{money.value->value};
        case FieldType::integer:
            if (auto n = whole_number(text)) return FieldValue{*n};
            return std::nullopt;
        default:
            return FieldValue{text};
    }
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] The editor
//-------------------------------------------------------------------------------------

void FieldsEditor::draw(const State& s, RecordKind kind, const std::string& record,
                        std::initializer_list<std::string_view> fields) {
    static const ui::FieldError not_a_number = ui::field_error_from_key("edit.not_a_number", "value", "edit.not_a_number");
    static const ui::FieldError no_amount = ui::field_error_from_key("edit.amount_needed", "value", "edit.amount_needed");
    if (kind != kind_ || record != record_) {  // another record: its own values, no old messages
        kind_ = kind;
        record_ = record;
        inputs_.clear();
        form_.clear();
    }
    const std::optional<Actor>& actor = session::actor();
    std::vector<Payload> changed;
    std::vector<Input*> changed_inputs;
    bool all_typed = true;
    ImGui::PushID(record.c_str());
    for (std::string_view name : fields) {
        const FieldSpec* spec = find_field(kind, name);
        if (!spec || !actor || !role_may_edit(*spec, actor->role)) continue;
        Input& in = inputs_[std::string(name)];
        const FieldValue stored = current_field_value(s, kind, record, name);
        if (!in.filled || !(in.stored == stored)) {  // first drawn, or changed elsewhere
            in.filled = true;
            in.stored = stored;
            if (spec->type == FieldType::money) in.money.set(Fen{std::get<std::int64_t>(stored)});
            else in.text = to_display(stored);
            in.form.clear();
        }
        const std::string key = "edit." + std::string(to_string(kind)) + "." + std::string(name);
        const std::optional<FieldValue> value = typed_value(*spec, in.text, in.money);
        if (spec->type == FieldType::money) {
            const bool empty = in.money.text.empty();
            ui::money_field(key.c_str(), in.money, value ? in.form.error("value") : empty ? &no_amount : nullptr);
        } else {
            const bool number = spec->type == FieldType::integer;
            ui::text_field(key.c_str(), in.text, value ? in.form.error("value") : &not_a_number,
                           {.phone = number || spec->type == FieldType::phone,
                            .width = number ? 8.0f : spec->type == FieldType::phone ? 12.0f : 16.0f,
                            .max_chars = int(spec->type == FieldType::text ? spec->max : 40)});
        }
        in.form.show_other_errors({"value"});
        const FieldEdited proposed{kind, record, std::string(name), value.value_or(FieldValue{in.text}), {}};
        in.form.check_as_you_type(proposed);
        if (!value) {
            all_typed = false;
        } else if (!(*value == stored)) {
            changed.emplace_back(proposed);
            changed_inputs.push_back(&in);
        }
    }
    ImGui::PopID();
    if (all_typed && form_.error("") && form_.errors.front().code == "edit.fix_fields") form_.clear();
    form_.show_other_errors({});
    if (!ui::button_enabled_if(save_key_, !changed.empty() || !all_typed)) return;
    if (!all_typed) return form_.fail("edit.fix_fields", "", "edit.fix_fields");
    // Each change checked on its own first, so that a refusal shows beside its field.
    bool all_pass = true;
    for (std::size_t i = 0; i < changed.size(); ++i) {
        Errors errors = session::check(changed[i]);
        if (!errors.empty()) {
            changed_inputs[i]->form.submit(Result<std::vector<Event>>(std::move(errors)), saved_key_);
            all_pass = false;
        }
    }
    if (all_pass && form_.submit(session::run_all(std::move(changed)), saved_key_))
        for (Input* in : changed_inputs) in->form.clear();
}

}  // namespace bianmin::screens::people
