// The parts of the office's People & devices screen (screen_office_people*.cpp), and the
// editor of a record's fields they share with the assessment screen's settings.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "bianmin/state.hpp"
#include "runtime/form.h"
#include "ui/fields.h"

namespace bianmin::screens::people {

void draw_staff(const State& s);      // screen_office_people.cpp
void draw_buildings(const State& s);  // screen_office_people_places.cpp
void draw_devices(const State& s);    // screen_office_people_places.cpp
void draw_items(const State& s);      // screen_office_people_items.cpp
void draw_settings(const State& s);   // screen_office_people_settings.cpp

// An editor of some of one record's editable fields (core fields.hpp), in
// screen_office_people_fields.cpp: one input per field the signed-in role may edit, filled
// with the current value and following changes recorded elsewhere (an import, a resolved
// conflict); the core's message for a value shows beside its field as it is typed. One
// save button records a field_edited for every field changed: all of them, or none when
// one is wrong. Each field is labelled by the translation key "edit.<kind>.<field>".
class FieldsEditor {
public:
    // save_key: the button; saved_key: the status line once saved.
    FieldsEditor(const char* save_key, const char* saved_key) : save_key_(save_key), saved_key_(saved_key) {}
    void draw(const State& s, RecordKind kind, const std::string& record, std::initializer_list<std::string_view> fields);

private:
    struct Input {
        std::string text;       // text, phone and whole-number fields
        ui::MoneyInput money;   // money fields
        FieldValue stored;      // the recorded value the input was last filled from
        bool filled = false;
        session::Form form;
    };
    const char* save_key_;
    const char* saved_key_;
    RecordKind kind_ = RecordKind::estate;
    std::string record_;
    std::map<std::string, Input, std::less<>> inputs_;
    session::Form form_;  // the save of all changed fields together
};

// The recorded value of an editable field (what field_edited events changed last).
FieldValue current_field_value(const State& s, RecordKind kind, const std::string& record, std::string_view field);

}  // namespace bianmin::screens::people
