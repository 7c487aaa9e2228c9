// PLACEHOLDER until this screen is written: says so in both languages.
#include "app.h"
#include "screens/screens.h"
#include "ui/widgets.h"

namespace bianmin::screens {

void draw_desk_deliveries(App&) { ui::text("nav.not_built"); }

}  // namespace bianmin::screens
