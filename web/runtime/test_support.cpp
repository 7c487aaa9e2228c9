// See test_support.h.
#include "runtime/test_support.h"

#include "bianmin/commands.hpp"
#include "bianmin/time.hpp"
#include "runtime/session.h"

namespace bianmin::test_support {

Result<std::vector<Event>> register_this_device(const Ledger& ledger, const char* label) {
    const Event* founding = nullptr;
    for (const auto& e : ledger.events())
        if (e.as<EstateCreated>()) founding = &e;
    if (!founding) return make_error("test.no_estate", "", "没有小区数据", "the log holds no estate");
    const Hlc last = ledger.events().back().hlc;
    FakeClock wall(last.wall_ms + 1000);
    HlcClock clock(wall);
    clock.observe(last);
    const CommandContext office{founding->actor, founding->id.device, &clock};
    return execute(office, ledger.state(), DeviceRegistered{session::device_id(), label, DeviceKind::office, ""});
}

void import(std::vector<Event> events, std::string* outcome) {
    *outcome = "pending";
    const bool started = session::add_imported(
        std::move(events), nullptr, [outcome](bool ok, const Ledger::AddResult& added, const std::string& detail) {
            *outcome = ok && added.rejected.empty() ? "done" : "failed: " + detail + codes_of(added.rejected);
        });
    if (!started) *outcome = "failed: storage refused (not writable)";
}

}  // namespace bianmin::test_support
