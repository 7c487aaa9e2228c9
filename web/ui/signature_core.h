// Signature core — the pad's strokes (ui::Signature, 0..1 floats) as the core's Signature
// (bianmin::Signature, 0..1000 integers, values.hpp) and back, so a signature drawn on
// the screen is stored in an event and shown again on the form.
#pragma once

#include "bianmin/values.hpp"
#include "ui/signature_pad.h"

namespace bianmin::ui {

// The pad's strokes in the core's units; t_ms counts points (the pad keeps no times).
bianmin::Signature to_core(const Signature& drawn);
// A stored signature for signature_view(); drawn at the pad's default aspect (3:1).
Signature from_core(const bianmin::Signature& stored);

}  // namespace bianmin::ui
