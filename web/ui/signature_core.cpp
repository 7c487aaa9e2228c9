#include "ui/signature_core.h"

#include <algorithm>
#include <cmath>

namespace bianmin::ui {
namespace {
constexpr float kCoreUnits = 1000.0f;  // values.hpp: the UI uses 0..1000 on both axes
}

bianmin::Signature to_core(const Signature& drawn) {
    bianmin::Signature out;
    std::int32_t tick = 0;
    for (const SignatureStroke& stroke : drawn.strokes) {
        if (stroke.empty()) continue;
        Stroke core_stroke;
        core_stroke.reserve(stroke.size());
        for (const SignaturePoint& p : stroke)
            core_stroke.push_back(StrokePoint{std::int32_t(std::lround(std::clamp(p.x, 0.0f, 1.0f) * kCoreUnits)),
                                              std::int32_t(std::lround(std::clamp(p.y, 0.0f, 1.0f) * kCoreUnits)),
                                              tick++});
        out.strokes.push_back(std::move(core_stroke));
    }
    return out;
}

Signature from_core(const bianmin::Signature& stored) {
    Signature out;
    for (const Stroke& stroke : stored.strokes) {
        SignatureStroke ui_stroke;
        ui_stroke.reserve(stroke.size());
        for (const StrokePoint& p : stroke)
            ui_stroke.push_back(SignaturePoint{std::clamp(float(p.x) / kCoreUnits, 0.0f, 1.0f),
                                               std::clamp(float(p.y) / kCoreUnits, 0.0f, 1.0f)});
        out.strokes.push_back(std::move(ui_stroke));
    }
    return out;
}

}  // namespace bianmin::ui
