#include "ui/fields.h"

#include <algorithm>

#include "i18n/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "platform/test_hook.h"
#include "platform/text_input.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace bianmin::ui {

//-------------------------------------------------------------------------------------
// [SECTION] Errors
//-------------------------------------------------------------------------------------

const std::string& FieldError::message() const {
    return i18n::current() == i18n::Lang::Zh ? message_zh : message_en;
}

FieldError field_error_from_key(const char* code, const char* field, const char* message_key) {
    const i18n::Entry* entry = i18n::find(message_key);
    if (!entry) return FieldError{code, field, i18n::tr(message_key), i18n::tr(message_key)};
    return FieldError{code, field, entry->zh, entry->en};
}

const FieldError* error_for(const std::vector<FieldError>& errors, std::string_view field) {
    for (const FieldError& e : errors) {
        if (e.field == field) return &e;
    }
    return nullptr;
}

void form_errors(const std::vector<FieldError>& errors, std::initializer_list<std::string_view> shown_fields) {
    for (const FieldError& e : errors) {
        if (std::find(shown_fields.begin(), shown_fields.end(), e.field) == shown_fields.end()) {
            error_text(e.message());
        }
    }
}

//-------------------------------------------------------------------------------------
// [SECTION] The string-backed ImGui input all fields share
//-------------------------------------------------------------------------------------

namespace {

struct EditTarget {
    std::string* text;
    int max_chars;
};

// Byte offset of the character after the first `count` characters of UTF-8 text.
int offset_after_chars(const char* text, int length, int count) {
    int i = 0;
    for (int seen = 0; i < length && seen < count; ++seen) {
        const unsigned char lead = static_cast<unsigned char>(text[i]);
        i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    }
    return std::min(i, length);
}

int on_edit(ImGuiInputTextCallbackData* data) {
    auto* target = static_cast<EditTarget*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        target->text->resize(std::size_t(data->BufTextLen));
        data->Buf = target->text->data();
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit && target->max_chars > 0) {
        const int keep = offset_after_chars(data->Buf, data->BufTextLen, target->max_chars);
        if (keep < data->BufTextLen) data->DeleteChars(keep, data->BufTextLen - keep);
    }
    return 0;
}

struct InputSpec {
    const char* key;
    const char* placeholder_key = nullptr;
    ImGuiInputTextFlags flags = 0;
    bool multiline = false;
    float width = 0;
    int max_chars = 0;
    platform::text_input::Keyboard keyboard = platform::text_input::Keyboard::Text;
};

// Label above, ImGui input, test-hook report; true when the text changed.
bool labelled_input(const InputSpec& spec, std::string& value, bool has_error) {
    text(spec.key);
    fonts::note_text(value);  // prefilled data may hold rare characters
    const std::string id = std::string("##") + spec.key;
    const float font = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(spec.width > 0 ? spec.width * font : -FLT_MIN);
    if (has_error) {
        ImGui::PushStyleColor(ImGuiCol_Border, theme::kError);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, font / 10.0f));
    }
    EditTarget target{&value, spec.max_chars};
    ImGuiInputTextFlags flags = spec.flags | ImGuiInputTextFlags_CallbackResize;
    if (spec.max_chars > 0) flags |= ImGuiInputTextFlags_CallbackEdit;
    const char* placeholder = spec.placeholder_key ? i18n::tr(spec.placeholder_key) : nullptr;
    bool changed;
    if (spec.multiline) {
        changed = ImGui::InputTextMultiline(id.c_str(), value.data(), value.capacity() + 1,
                                            ImVec2(-FLT_MIN, font * 4.5f), flags, on_edit, &target);
    } else {
        changed = ImGui::InputTextWithHint(id.c_str(), placeholder, value.data(), value.capacity() + 1,
                                           flags, on_edit, &target);
    }
    if (has_error) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }
    platform::text_input::note_field(ImGui::GetItemID(), GImGui->LastItemData.Rect, spec.keyboard);
    if (test_hook::enabled()) {
        test_hook::set_last_label(i18n::tr(spec.key));
        test_hook::set_last_value(value.c_str());
    }
    return changed;
}

void show_error(const FieldError* error) {
    if (error) error_text(error->message());
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Text
//-------------------------------------------------------------------------------------

bool text_field(const char* key, std::string& value, const FieldError* error, const TextFieldOptions& options) {
    InputSpec spec{key};
    spec.placeholder_key = options.placeholder_key;
    spec.multiline = options.multiline;
    spec.width = options.width;
    spec.max_chars = options.max_chars;
    if (options.password) spec.flags |= ImGuiInputTextFlags_Password;
    if (options.phone) spec.keyboard = platform::text_input::Keyboard::Phone;
    const bool changed = labelled_input(spec, value, error != nullptr);
    show_error(error);
    return changed;
}

bool search_field(const char* key, std::string& query, float width) {
    const std::string id = std::string("##") + key;
    ImGui::SetNextItemWidth(width > 0 ? width * ImGui::GetFontSize() : -FLT_MIN);
    EditTarget target{&query, 0};
    const bool changed = ImGui::InputTextWithHint(id.c_str(), i18n::tr("field.search_placeholder"), query.data(),
                                                  query.capacity() + 1, ImGuiInputTextFlags_CallbackResize,
                                                  on_edit, &target);
    platform::text_input::note_field(ImGui::GetItemID(), GImGui->LastItemData.Rect);
    if (test_hook::enabled()) {
        test_hook::set_last_label(i18n::tr(key));
        test_hook::set_last_value(query.c_str());
    }
    fonts::note_text(query);
    return changed;
}

//-------------------------------------------------------------------------------------
// [SECTION] Money
//-------------------------------------------------------------------------------------

void MoneyInput::set(Fen amount) {
    value = amount;
    text = format_yuan_plain(amount);
}

bool money_field(const char* key, MoneyInput& money, const FieldError* error, bool allow_negative) {
    InputSpec spec{key};
    spec.placeholder_key = "field.money_placeholder";
    spec.width = 9;
    spec.keyboard = platform::text_input::Keyboard::Decimal;
    const std::optional<Fen> before = money.value;
    const bool own_error_shown = !money.text.empty() && !money.value;
    if (labelled_input(spec, money.text, error || own_error_shown)) {
        money.value = parse_yuan(money.text);
        if (money.value && !allow_negative && money.value->value < 0) money.value.reset();
    }
    ImGui::SameLine();
    if (money.value) {
        const std::string shown = "= " + i18n::money(*money.value);
        value_text(shown);
    } else {
        ImGui::NewLine();
    }
    if (!money.text.empty() && !money.value) {
        error_text(i18n::tr(allow_negative ? "field.money_invalid" : "field.money_invalid_positive"));
    }
    show_error(error);
    return money.value != before;
}

//-------------------------------------------------------------------------------------
// [SECTION] Date
//-------------------------------------------------------------------------------------

void DateInput::set(const i18n::Date& date) {
    value = date;
    text = i18n::iso_date(date);
}

i18n::Date today() {
    const platform::CalendarDay day = platform::local_today();
    return i18n::Date{day.year, day.month, day.day};
}

bool date_field(const char* key, DateInput& date, const FieldError* error) {
    InputSpec spec{key};
    spec.placeholder_key = "field.date_placeholder";
    spec.width = 8;
    spec.max_chars = 12;
    const std::optional<i18n::Date> before = date.value;
    const bool own_error_shown = !date.text.empty() && !date.value;
    if (labelled_input(spec, date.text, error || own_error_shown)) date.value = i18n::parse_date(date.text);
    ImGui::SameLine();
    ImGui::PushID(key);
    if (button("field.today")) date.set(today());
    ImGui::PopID();
    if (date.value) {
        ImGui::SameLine();
        value_text(i18n::date(*date.value) + " " + i18n::weekday_name(i18n::weekday(*date.value)));
    } else if (!date.text.empty()) {
        error_text(i18n::tr("field.date_invalid"));
    }
    show_error(error);
    return date.value != before;
}

}  // namespace bianmin::ui
