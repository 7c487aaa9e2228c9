#include "runtime/form.h"

#include "ui/status.h"

namespace bianmin::session {

bool Form::submit(const Result<std::vector<Event>>& result, const char* done_key) {
    if (!result) {
        errors = ui::field_errors(result.errors());
        ui::status::show(errors.front().message(), ui::status::Kind::Error);
        return false;
    }
    errors.clear();
    ui::status::show_key(done_key, ui::status::Kind::Success);
    return true;
}

void Form::fail(const char* code, const char* field, const char* message_key) {
    errors.assign(1, ui::field_error_from_key(code, field, message_key));
}

}  // namespace bianmin::session
