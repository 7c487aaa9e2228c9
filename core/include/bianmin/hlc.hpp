// Hybrid logical clock — the timestamp on every event.
//
// An HLC is (wall_ms, counter): close to the wall clock, yet strictly increasing on a
// device and never behind any timestamp the device has already seen. So if an event
// was made after another event was known to its device, it sorts after it, whatever the
// devices' clocks said. Events are totally ordered by (hlc, device, seq) — see event.hpp.
#pragma once

#include <compare>
#include <cstdint>
#include <ostream>

#include "bianmin/time.hpp"

namespace bianmin {

struct Hlc {
    std::int64_t wall_ms = 0;
    std::uint32_t counter = 0;
    friend constexpr bool operator==(const Hlc&, const Hlc&) = default;
    friend constexpr auto operator<=>(const Hlc&, const Hlc&) = default;
};
std::ostream& operator<<(std::ostream& os, const Hlc& hlc);

// One per device. Not thread-safe (the app is single-threaded).
class HlcClock {
public:
    explicit HlcClock(const Clock& clock) : clock_(&clock) {}

    // A fresh timestamp for a new local event: greater than every timestamp issued or
    // observed so far.
    Hlc tick();
    // Take in a timestamp seen on another device's event (on import), so that later
    // local events sort after it.
    void observe(Hlc remote);
    Hlc last() const { return last_; }
    const Clock& clock() const { return *clock_; }

    // A remote timestamp far ahead of the local wall clock is suspicious (a device with
    // a wrong clock would drag every clock forward): the import can refuse it.
    static bool plausible(Hlc remote, std::int64_t local_now_ms, std::int64_t max_ahead_ms) {
        return remote.wall_ms <= local_now_ms + max_ahead_ms;
    }

private:
    const Clock* clock_;
    Hlc last_{};
};

}  // namespace bianmin
