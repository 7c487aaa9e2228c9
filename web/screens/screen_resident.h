// What the resident screens share (screen_resident_*.cpp): who is signed in, and the
// header every resident screen starts with (household, the export button).
#pragma once

#include "bianmin/state.hpp"

namespace bianmin {
struct App;
}

namespace bianmin::screens {

// The signed-in resident, or null (staff, or a resident unknown to this device).
const ResidentRecord* signed_in_resident();
// The household line and "export my request file" (opens the exchange screen); shows a
// hint and returns null when nobody resident is signed in.
const ResidentRecord* resident_header(App& app);

}  // namespace bianmin::screens
