// Fuzz target: exchange bundle import — read_bundle (parse and validate), the digest
// check, plan_import against a store of the same estate, and apply_import to a copy.
//
// The fuzzer cannot forge SHA-256, so a mutated bundle almost never carries its true
// digest and the import would stop at stage 2. The digest stage is checked on its own
// (it refuses exactly when the digests differ) and the plan is then made as if the
// digest had matched, so the store-dependent checks (estate, id conflicts, clocks,
// permissions) see mutated input too.
//
// Properties: every refusal is a proper Error whose first code is "bundle.*"; an
// accepted bundle is sorted with unique ids and reads back after sealing and writing;
// a plan accounts for every event; applying it succeeds on an unchanged store and adds
// exactly the new events; planning the same bundle again finds nothing new.
#include <set>

#include "bianmin/exchange_import.hpp"
#include "fuzz_support.hpp"
#include "seed_bundles.hpp"

using namespace bianmin;

namespace {

const Ledger& store() {
    static const Ledger ledger = [] {
        Ledger l;
        fuzz::require(l.add(fuzz::bundle_world().held).rejected.empty(), "the store takes the demo's events");
        return l;
    }();
    return ledger;
}

ImportOptions options() {
    ImportOptions o;
    o.max_bytes = 1 << 20;
    // "Now" a day after the demo's last event: the clock check is on.
    o.now_ms = fuzz::bundle_world().later.back().hlc.wall_ms + kMsPerDay;
    return o;
}

void require_bundle_errors(const Errors& errors) {
    fuzz::require_proper_errors(errors);
    fuzz::require(errors.front().code.rfind("bundle.", 0) == 0, "a refused bundle says why with a bundle.* code");
}

void check_accepted(const Bundle& bundle) {
    std::set<EventId> ids;
    for (std::size_t i = 0; i < bundle.events.size(); ++i) {
        fuzz::require(ids.insert(bundle.events[i].id).second, "an accepted bundle has unique ids");
        fuzz::require(i == 0 || event_before(bundle.events[i - 1], bundle.events[i]), "an accepted bundle is in total order");
    }
    fuzz::require(bundle.header.event_count == bundle.events.size(), "an accepted bundle's count matches");

    Bundle sealed = bundle;
    seal_bundle(sealed, cli::sha256_hex);
    const auto again = read_bundle(write_bundle(sealed), options());
    fuzz::require(again.ok() && again.value() == sealed, "a sealed bundle reads back after writing");
    fuzz::require(check_digest(sealed, sealed.header.digest_hex).empty(), "a sealed bundle's digest matches");

    const std::string computed = cli::sha256_hex(canonical_event_bytes(bundle.events));
    fuzz::require(check_digest(bundle, computed).empty() == (bundle.header.digest_hex == computed),
                  "the digest check refuses exactly when the digests differ");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto bundle = read_bundle(fuzz::as_text(data, size), options());
    if (!bundle) {
        require_bundle_errors(bundle.errors());
        return 0;
    }
    check_accepted(bundle.value());

    const auto plan = plan_import(store(), bundle.value(), options());
    if (!plan) {
        require_bundle_errors(plan.errors());
        return 0;
    }
    const ImportPlan& p = plan.value();
    fuzz::require(p.new_events.size() + p.summary.duplicates == bundle.value().events.size(),
                  "a plan accounts for every event: new or duplicate");
    Ledger copy = store();
    const auto applied = apply_import(copy, p);
    fuzz::require(applied.ok(), "a plan applies to the store it was made for");
    fuzz::require(copy.size() == store().size() + p.new_events.size(), "applying adds exactly the new events");
    const auto replan = plan_import(copy, bundle.value(), options());
    fuzz::require(!replan.ok() || replan.value().new_events.empty(), "the same bundle again brings nothing new");
    return 0;
}
