// Fields — form inputs with their label above and their error right below.
//
// Every field is kind "input" in the test hook, labelled with its translated label and
// carrying its current text as `value`. Errors come from two places and look the same:
//   - the core's command results: {code, field, message_zh, message_en} (field_errors()
//     converts the core's error list; error_for() picks the one for a field);
//   - the field's own check as you type (an amount that is not money, a date that does
//     not exist), shown at once, before anything is submitted.
// The message shows in the current language and is kind "text" in the test hook.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bianmin/money.hpp"
#include "i18n/format.h"

namespace bianmin::ui {

struct FieldError {
    std::string code;        // stable: "entrustment.phone_invalid"
    std::string field;       // which field it belongs to ("" = the whole form)
    std::string message_zh;
    std::string message_en;
    const std::string& message() const;  // in the current language
};

// A FieldError from the translation table (a check the UI makes itself).
FieldError field_error_from_key(const char* code, const char* field, const char* message_key);

// Converts any error list whose items have code, field, message_zh and message_en (the
// core's bianmin::Errors) without this header depending on the core's error header.
template <class ErrorList>
std::vector<FieldError> field_errors(const ErrorList& errors) {
    std::vector<FieldError> out;
    for (const auto& e : errors) out.push_back(FieldError{e.code, e.field, e.message_zh, e.message_en});
    return out;
}

// The first error for `field`, or null.
const FieldError* error_for(const std::vector<FieldError>& errors, std::string_view field);

// Errors for no field in particular (or for fields the form does not show), as text.
void form_errors(const std::vector<FieldError>& errors, std::initializer_list<std::string_view> shown_fields);

//-------------------------------------------------------------------------------------
// [SECTION] Text
//-------------------------------------------------------------------------------------

struct TextFieldOptions {
    const char* placeholder_key = nullptr;  // greyed example inside the empty field
    bool multiline = false;
    bool password = false;
    bool phone = false;                     // phone keypad on touch screens
    float width = 0;                        // 0 = the whole line; else in font heights
    int max_chars = 0;                      // 0 = no limit (counted in characters, not bytes)
};

// True when the text changed this frame.
bool text_field(const char* key, std::string& value, const FieldError* error = nullptr,
                const TextFieldOptions& options = {});

// A one-line search box without a label above (placeholder "搜索…"); kind "input",
// labelled tr(key). True when the query changed.
bool search_field(const char* key, std::string& query, float width = 0);

//-------------------------------------------------------------------------------------
// [SECTION] Money
//-------------------------------------------------------------------------------------

// What a money field holds: the text as typed and, when it is an amount, the amount.
struct MoneyInput {
    std::string text;
    std::optional<Fen> value;
    void set(Fen amount);   // e.g. to prefill a price
};

// Accepts "12.5", "12.50", "¥12.50", "12.50元"; shows the amount formatted for the
// language beside it, or a message if the text is not an amount. True when `value` changed.
bool money_field(const char* key, MoneyInput& money, const FieldError* error = nullptr,
                 bool allow_negative = false);

//-------------------------------------------------------------------------------------
// [SECTION] Date
//-------------------------------------------------------------------------------------

struct DateInput {
    std::string text;                 // ISO "2024-03-05" once valid
    std::optional<i18n::Date> value;
    void set(const i18n::Date& date);
};

// A date typed as 2024-03-05 (or 2024/3/5, 2024年3月5日) with a "today" button; shows
// the date and weekday in the current language, or a message. True when `value` changed.
bool date_field(const char* key, DateInput& date, const FieldError* error = nullptr);

// Today on this device.
i18n::Date today();

}  // namespace bianmin::ui
