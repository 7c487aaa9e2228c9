#include "runtime/form.h"

#include <variant>

#include "bianmin/json.hpp"
#include "runtime/session.h"
#include "ui/status.h"

namespace bianmin::session {
namespace {

// "items[2].price" and "items.price" belong to the payload field "items".
std::string payload_field(std::string_view error_field) {
    return std::string(error_field.substr(0, error_field.find_first_of(".[")));
}

}  // namespace

bool Form::submit(const Result<std::vector<Event>>& result, const char* done_key) {
    if (!result) {
        errors = ui::field_errors(result.errors());
        for (const auto& e : errors)
            if (!e.field.empty()) touched_.insert(payload_field(e.field));
        keep_submitted_ = true;
        ui::status::show(errors.front().message(), ui::status::Kind::Error);
        return false;
    }
    clear();
    ui::status::show_key(done_key, ui::status::Kind::Success);
    return true;
}

void Form::fail(const char* code, const char* field, const char* message_key) {
    errors.assign(1, ui::field_error_from_key(code, field, message_key));
    keep_submitted_ = true;
}

void Form::clear() {
    errors.clear();
    blank_.clear();
    touched_.clear();
    checked_.clear();
    keep_submitted_ = false;
}

void Form::check_as_you_type(const Payload& proposed) {
    if (!session::actor() || !session::writable()) return;
    const Json fields = std::visit([](const auto& payload) { return Json(payload); }, static_cast<const PayloadVariant&>(proposed));
    if (!fields.is_object()) return;
    const bool blank_now = blank_.empty();
    for (const auto& [name, value] : fields.items()) {
        const std::string text = value.dump();
        if (blank_now) blank_[name] = text;
        else if (blank_[name] != text) touched_.insert(name);
    }
    const std::string text = fields.dump();
    if (keep_submitted_) {  // the errors on screen came from a submit of these inputs
        keep_submitted_ = false;
        checked_ = text;
        checked_revision_ = session::revision();
        return;
    }
    if (text == checked_ && checked_revision_ == session::revision()) return;
    checked_ = text;
    checked_revision_ = session::revision();
    errors.clear();
    for (const auto& e : check(proposed))
        if (!e.field.empty() && touched_.count(payload_field(e.field)))
            errors.push_back(ui::FieldError{e.code, e.field, e.message_zh, e.message_en});
}

}  // namespace bianmin::session
