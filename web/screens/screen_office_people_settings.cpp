// People & devices, part 4: the estate's settings the office manager keeps — the estate's
// names, its time zone, the default promised time, the return-visit interval, the days
// staff have to hand collected cash to finance, the unsynced-device warning (core
// fields.hpp). The assessment amounts, months and period are the assessment group's and
// the general manager's (Assessment screen, payout tab) [2-3.1, 2-3.2].
#include "screens/office_people_parts.h"
#include "ui/widgets.h"

namespace bianmin::screens::people {

void draw_settings(const State& s) {
    static FieldsEditor editor("settings.save", "settings.saved");
    ui::heading("settings.heading");
    ui::text_wrapped("settings.hint");
    editor.draw(s, RecordKind::estate, s.estate_id,
                {"name_zh", "name_en", "tz_offset_minutes", "default_promised_hours", "return_visit_interval_days",
                 "handover_limit_days", "unsynced_warning_days"});
    ui::hint("settings.assessment_elsewhere");
}

}  // namespace bianmin::screens::people
