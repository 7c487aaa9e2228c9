// Test helpers for exchange bundles (exchange.hpp): SHA-256 from the tool's OpenSSL
// adapter, sealed bundles as text, a store's bytes, and devices with their own stores.
#pragma once

#include <string>
#include <vector>

#include "bianmin/exchange_import.hpp"
#include "fixture.hpp"
#include "sha256.hpp"

namespace xfx {

using namespace fx;

inline std::string sha(std::string_view bytes) { return bianmin::cli::sha256_hex(bytes); }

// The store as bytes: what "byte-for-byte unchanged" compares.
inline std::string store_bytes(const Ledger& store) { return write_events_file(store.events()); }

// A bundle as a file: sealed, written.
inline std::string text_of(Bundle bundle) {
    return seal_and_write(bundle, sha);
}

inline Bundle bundle_of(const Ledger& store, BundleKind kind, const std::string& source, std::string extra = "") {
    ExportRequest request;
    request.kind = kind;
    request.source_device = source;
    request.created_at = store.events().empty() ? 0 : store.events().back().hlc.wall_ms;
    if (kind == BundleKind::delta) request.for_device = extra;
    if (kind == BundleKind::resident) request.household = extra;
    auto bundle = make_bundle(store, request);
    if (!bundle.ok()) FAIL("make_bundle failed: " << bundle.errors());
    return bundle.value();
}

inline std::string full_text(const Ledger& store, const std::string& source = "office") {
    return text_of(bundle_of(store, BundleKind::office_full, source));
}

// A device with a store of its own: a copy of what it was given, its own clock.
struct Device {
    FakeClock clock;
    HlcClock hlc{clock};
    Ledger ledger;
    Desk desk;
    Device(const Ledger& from, std::string id, std::int64_t now) : clock(now), ledger(from), desk(ledger, hlc, std::move(id)) {
        if (!ledger.events().empty()) hlc.observe(ledger.events().back().hlc);
    }
    std::vector<Event> ok(const Actor& a, Payload p) { return World::expect_ok(desk.run(a, std::move(p))); }
};

// Imports a bundle text; the result's errors are printed on failure of the caller's check.
inline Result<ImportSummary> import_text(Ledger& store, const std::string& text, ImportOptions options = {}) {
    return import_bundle(store, text, sha, options);
}

// Imports text that must be refused with `code`; checks the store did not change at all.
inline void expect_refused(Ledger& store, const std::string& text, std::string_view code, ImportOptions options = {}) {
    const std::string before = store_bytes(store);
    const State state_before = store.state();
    auto result = import_text(store, text, options);
    REQUIRE_FALSE(result.ok());
    CHECK(has(result.errors(), code));
    for (const auto& e : result.errors()) {
        CHECK_FALSE(e.message_zh.empty());
        CHECK_FALSE(e.message_en.empty());
    }
    CHECK(store_bytes(store) == before);
    CHECK(store.state() == state_before);
}

}  // namespace xfx
