// Hybrid logical clock: tick for local events, observe for remote ones.
#include "bianmin/hlc.hpp"

#include <algorithm>

namespace bianmin {

std::ostream& operator<<(std::ostream& os, const Hlc& hlc) {
    return os << hlc.wall_ms << "." << hlc.counter;
}

Hlc HlcClock::tick() {
    std::int64_t wall = clock_->now_ms();
    if (wall > last_.wall_ms) {
        last_ = Hlc{wall, 0};
    } else {
        last_.counter += 1;  // same or earlier wall time: stay on the logical counter
    }
    return last_;
}

void HlcClock::observe(Hlc remote) {
    std::int64_t wall = std::max({clock_->now_ms(), last_.wall_ms, remote.wall_ms});
    if (wall == last_.wall_ms && wall == remote.wall_ms) {
        last_.counter = std::max(last_.counter, remote.counter) + 1;
    } else if (wall == last_.wall_ms) {
        last_.counter += 1;
    } else if (wall == remote.wall_ms) {
        last_ = Hlc{wall, remote.counter + 1};
    } else {
        last_ = Hlc{wall, 0};
    }
}

}  // namespace bianmin
