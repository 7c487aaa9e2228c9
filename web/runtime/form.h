// Form — what a screen keeps between frames for one form that runs a command: the errors
// of its last submit, shown beside the fields (ui/fields.h) until the next one.
//
//   static session::Form form;
//   if (ui::primary_button("desk.save")) form.submit(session::run(payload), "desk.saved");
//   ui::text_field("desk.phone", phone, form.error("phone"));
//   form.show_other_errors({"phone", "name"});
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include "bianmin/errors.hpp"
#include "bianmin/event.hpp"
#include "ui/fields.h"

namespace bianmin::session {

struct Form {
    std::vector<ui::FieldError> errors;

    // Takes a command's result: on success clears the errors and puts the translated
    // done_key on the status line; on failure keeps the core's bilingual errors.
    // True on success (the screen then resets its inputs).
    bool submit(const Result<std::vector<Event>>& result, const char* done_key);
    // A check the screen makes itself before running anything (e.g. "pick an item").
    void fail(const char* code, const char* field, const char* message_key);
    void clear() { errors.clear(); }
    const ui::FieldError* error(std::string_view field) const { return ui::error_for(errors, field); }
    // Errors for fields the form does not show (or no field), as text under the form.
    void show_other_errors(std::initializer_list<std::string_view> shown_fields) const {
        ui::form_errors(errors, shown_fields);
    }
};

}  // namespace bianmin::session
