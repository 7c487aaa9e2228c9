#include "platform/frame_pacing.h"

#include <algorithm>

namespace bianmin::platform::pacing {
namespace {

struct Pacing {
    bool woken = true;  // the first frame after loading is drawn
    double awake_until = 0;
    double last_drawn = -1e9;
    double writing_since = -1;  // when the pending writes began; -1: none pending
    unsigned drawn = 0;
};

Pacing& pacing() {
    static Pacing p;
    return p;
}

}  // namespace

void wake() { pacing().woken = true; }

bool should_draw(double now_seconds, bool activity, bool writing) {
    Pacing& p = pacing();
    if (activity || p.woken) {
        p.woken = false;
        p.awake_until = now_seconds + kAwakeSeconds;
    }
    if (!writing) {
        p.writing_since = -1;
    } else {
        if (p.writing_since < 0) p.writing_since = now_seconds;
        // Stays awake: the frame that follows the write is drawn at once.
        if (now_seconds - p.writing_since < kWriteWaitSeconds) {
            p.awake_until = std::max(p.awake_until, now_seconds + kAwakeSeconds);
            return false;
        }
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
