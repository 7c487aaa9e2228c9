// Signature pad — a resident signs with a finger or the mouse; the strokes are kept as
// polylines in coordinates normalised to the pad (0..1 across, 0..1 down), so they can be
// stored small, drawn again at any size on a form, and exported (SVG).
//
// The pad claims finger drags (touch.h): drawing on it never scrolls the page.
// Test hook: the pad is kind "input", labelled with its label, `value` = stroke count.
#pragma once

#include <string>
#include <vector>

namespace bianmin::ui {

struct SignaturePoint {
    float x = 0;  // 0 = left edge of the pad, 1 = right edge
    float y = 0;  // 0 = top, 1 = bottom
};
using SignatureStroke = std::vector<SignaturePoint>;

struct Signature {
    std::vector<SignatureStroke> strokes;
    float aspect = 3.0f;  // width / height of the pad it was drawn on
    bool empty() const { return strokes.empty(); }
    void clear() { strokes.clear(); }
};

// The pad with its label above and a "clear" button below. `height` in font heights
// (0 = a third of the width, at most 9). True when a stroke was finished or cleared.
bool signature_pad(const char* key, Signature& signature, float height = 0);

// The signature drawn again inside a box `height` pixels high (width from its aspect),
// e.g. small on a form. Kind "text" in the test hook, labelled with the stroke count.
void signature_view(const Signature& signature, float height);

// The signature as an SVG document `width` pixels wide, for exports and printing.
std::string signature_svg(const Signature& signature, int width);

}  // namespace bianmin::ui
