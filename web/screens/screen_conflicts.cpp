// Office manager: conflicts from sync — two devices changed the same field without
// seeing each other's change. Both values stay, with who set them and when; the manager
// chooses one, and the choice is itself an event (conflict_resolved) that every device
// then follows. Resolved choices are listed below.
//
// Index
// [SECTION] Values
// [SECTION] Open conflicts
// [SECTION] Resolved
// [SECTION] The screen
#include <string>
#include <vector>

#include "app.h"
#include "bianmin/commands.hpp"
#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "runtime/data_month.h"
#include "runtime/record_choices.h"
#include "ui/data_table.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Values
//-----------------------------------------------------------------------------

std::string field_label(const FieldKey& key) {
    const FieldSpec* spec = find_field(key.kind, key.field);
    const bool zh = i18n::current() == i18n::Lang::Zh;
    const std::string name = spec ? std::string(zh ? spec->zh : spec->en) : key.field;
    return std::string(choices::label(key.kind)) + " " + key.record + " · " + name;
}

std::string value_label(const FieldKey& key, const FieldValue& value) {
    const FieldSpec* spec = find_field(key.kind, key.field);
    if (spec && spec->type == FieldType::money)
        if (const auto* fen = std::get_if<std::int64_t>(&value)) return i18n::money(Fen{*fen});
    return to_display(value);
}

std::string author_label(const State& s, const FieldEdit& edit) {
    return staff_name(s, edit.actor.person_id) + " (" + std::string(choices::label(edit.actor.role)) + ") · " +
           choices::when(s, edit.hlc.wall_ms) + " · " + edit.id.device;
}

//-----------------------------------------------------------------------------
// [SECTION] Open conflicts
//-----------------------------------------------------------------------------

void draw_open(session::Form& form) {
    const State& s = session::state();
    const std::vector<Conflict> open = conflicts(s);
    ui::heading("conflicts.open_heading");
    if (open.empty()) {
        ui::hint("conflicts.none");
        return;
    }
    ui::hint("conflicts.hint");
    int n = 0;
    for (const Conflict& c : open) {
        ImGui::PushID(n++);
        ImGui::Separator();
        ui::value_text(field_label(c.key));
        int i = 0;
        for (const FieldEdit& candidate : c.candidates) {
            ImGui::PushID(i++);
            ui::label_value("conflicts.value", value_label(c.key, candidate.value));
            ui::label_value("conflicts.by", author_label(s, candidate));
            if (ui::button("conflicts.choose"))
                form.submit(session::commit(resolve_conflict(session::context(), s, c.key, candidate.id)), "conflicts.resolved");
            ImGui::PopID();
        }
        ImGui::PopID();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Resolved
//-----------------------------------------------------------------------------

class Resolved : public ui::TextRows {
public:
    static std::vector<ui::TableColumn> columns() {
        return {{"conflicts.col_field"}, {"conflicts.col_value"}, {"conflicts.col_by"}};
    }
    void refresh(const State& s) {
        if (!needs_rebuild(session::revision())) return;
        for (const auto& [field, history] : s.fields)
            for (const FieldEdit& edit : history.edits)
                if (edit.resolution) rows_.push_back({field_label(field), value_label(field, edit.value), author_label(s, edit)});
    }
};

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The screen
//-----------------------------------------------------------------------------

void draw_conflicts(App&) {
    static session::Form form;
    static Resolved resolved;
    static ui::DataTable table("conflicts.resolved", Resolved::columns());
    ui::title("conflicts.title");
    draw_open(form);
    form.show_other_errors({});
    ImGui::Spacing();
    ui::heading("conflicts.resolved_heading");
    resolved.refresh(session::state());
    table.draw(resolved, {.height = ImGui::GetFrameHeightWithSpacing() * 6, .export_filename = "conflicts-resolved.csv"});
}

}  // namespace bianmin::screens
