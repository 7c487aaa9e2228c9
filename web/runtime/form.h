// Form — what a screen keeps between frames for one form that runs a command: the core's
// errors, shown beside the fields (ui/fields.h).
//
//   static session::Form form;
//   ui::text_field("desk.phone", phone, form.error("phone"));
//   form.show_other_errors({"phone", "name"});
//   if (ui::primary_button("desk.save")) form.submit(session::run(payload()), "desk.saved");
//   form.check_as_you_type(payload());
//
// As you type: check_as_you_type() asks the core what the command would answer now
// (session::check, nothing recorded) whenever the inputs or the ledger changed, and shows
// its errors for the fields the person has changed since the form was last empty (or that
// a submit found wrong), so a wrong phone number is named while it is typed and an
// untouched field is not called missing before anyone submits.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
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
    void clear();
    // Call once a frame with the payload the current inputs would submit.
    void check_as_you_type(const Payload& proposed);
    const ui::FieldError* error(std::string_view field) const { return ui::error_for(errors, field); }
    // Errors for fields the form does not show (or no field), as text under the form.
    void show_other_errors(std::initializer_list<std::string_view> shown_fields) const {
        ui::form_errors(errors, shown_fields);
    }

private:
    std::map<std::string, std::string> blank_;  // each payload field as the empty form had it
    std::set<std::string> touched_;             // fields changed since, or found wrong on submit
    std::string checked_;                       // the payload the errors were computed for
    std::uint64_t checked_revision_ = 0;
    bool keep_submitted_ = false;               // a submit's errors stand until an input changes
};

}  // namespace bianmin::session
