#include "platform/frame_pacing.h"

namespace bianmin::platform::pacing {
namespace {

struct Pacing {
    bool woken = true;  // the first frame after loading is drawn
    double awake_until = 0;
    double last_drawn = -1e9;
    unsigned drawn = 0;
};

Pacing& pacing() {
    static Pacing p;
    return p;
}

}  // namespace

void wake() { pacing().woken = true; }

bool should_draw(double now_seconds, bool activity) {
    Pacing& p = pacing();
    if (activity || p.woken) {
        p.woken = false;
        p.awake_until = now_seconds + kAwakeSeconds;
    }
    const bool draw = now_seconds < p.awake_until || now_seconds - p.last_drawn >= kIdleSeconds;
    if (draw) {
        p.last_drawn = now_seconds;
        ++p.drawn;
    }
    return draw;
}

unsigned frames_drawn() { return pacing().drawn; }

}  // namespace bianmin::platform::pacing
