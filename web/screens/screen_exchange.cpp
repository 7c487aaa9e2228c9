// Exchange — files between this device and the office (SPEC "Working offline"; the
// bundle format is core exchange.hpp, docs/EXCHANGE.md).
//
// Export: everything (office full), what one device has not seen (delta, from the version
// vector that device last reported in a file imported here), or one household's file
// for its phone (resident). A resident's own device exports only its own events (the
// core enforces that). The digest is SHA-256 through WebCrypto; the file is named with
// the estate, this device and the time, and downloaded. The export time is recorded
// (storage::set_last_export_ms) for the "not exported for N days" warning.
// Import: runtime/bundle_import.h (picker or drop, progress, summary or the reasons).
//
// [SECTION] Export
// [SECTION] Screen
#include <cstdio>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "app.h"
#include "bianmin/exchange.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "platform/crypto.h"
#include "platform/files.h"
#include "platform/storage.h"
#include "runtime/bundle_import.h"
#include "runtime/form.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/status.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] Export
//-------------------------------------------------------------------------------------

constexpr const char* kKindKeys[] = {"exchange.kind_full", "exchange.kind_delta", "exchange.kind_resident"};
constexpr BundleKind kKinds[] = {BundleKind::office_full, BundleKind::delta, BundleKind::resident};

struct ExportForm {
    int kind = 0, device = 0, household = 0;
    bool working = false;  // waiting for the digest
    session::Form form;
};

ExportForm& export_form() {
    static ExportForm f;
    return f;
}

// Other registered devices still in use: who a delta can be for.
choices::Choices other_devices(const State& s) {
    choices::Choices out;
    for (const auto& [id, device] : s.devices)
        if (!device.revoked && id != session::device_id()) out.add(id, device.label.empty() ? id : device.label + " · " + id);
    return out;
}

// "bianmin-jiazhou-office-pc-delta-tab-1-20240305-1420.json" (the estate's local time).
std::string file_name(const State& s, const ExportRequest& request) {
    const std::int64_t now = session::now_ms();
    const int tz = s.settings.tz_offset_minutes;
    const LocalDate day = local_date(now, tz);
    const std::int64_t minute_of_day = (now - local_day_start_ms(day, tz)) / 60000;
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d", day.year, day.month, day.day,
                  int(minute_of_day / 60), int(minute_of_day % 60));
    std::string name = "bianmin-" + s.estate_id + "-" + request.source_device + "-" + std::string(to_string(request.kind));
    if (!request.for_device.empty()) name += "-" + request.for_device;
    if (!request.household.empty()) name += "-" + request.household;
    return name + "-" + stamp + ".json";
}

// Once the digest is known: seal, write, download.
void finish_export(std::shared_ptr<Bundle> bundle, const std::string& name, const std::string& hex) {
    seal_bundle(*bundle, [&hex](std::string_view) { return hex; });
    const std::string text = write_bundle(*bundle);
    platform::files::download(name, text, "application/json");
    storage::set_last_export_ms(double(session::now_ms()));
    ui::status::show(i18n::fill("exchange.exported", {name, std::to_string(bundle->events.size())}),
                     ui::status::Kind::Success);
}

void start_export(const ExportRequest& request) {
    ExportForm& f = export_form();
    f.form.clear();
    auto made = make_bundle(session::ledger(), request);
    if (!made) {
        f.form.errors = ui::field_errors(made.errors());
        ui::status::show(f.form.errors.front().message(), ui::status::Kind::Error);
        return;
    }
    if (!platform::crypto::available()) return f.form.fail("exchange.no_crypto", "", "exchange.no_crypto");
    auto bundle = std::make_shared<Bundle>(std::move(made).value());
    const std::string name = file_name(session::state(), request);
    f.working = true;
    platform::crypto::sha256_hex(canonical_event_bytes(bundle->events), [bundle, name](bool ok, const std::string& hex) {
        ExportForm& form = export_form();
        form.working = false;
        if (!ok) return form.form.fail("exchange.no_crypto", "", "exchange.no_crypto");
        finish_export(bundle, name, hex);
    });
}

void draw_export(const State& s, bool resident_device) {
    ExportForm& f = export_form();
    ui::heading("exchange.export_heading");
    ui::text_wrapped(resident_device ? "exchange.resident_export_hint" : "exchange.export_hint");
    ExportRequest request;
    request.source_device = session::device_id();
    request.created_at = session::now_ms();
    bool ready = true;
    if (!resident_device) {
        ui::combo("exchange.kind", &f.kind, kKindKeys);
        request.kind = kKinds[f.kind];
        if (request.kind == BundleKind::delta) {
            const auto devices = other_devices(s);
            if (devices.empty()) {
                ui::hint("exchange.no_devices");
                ready = false;
            } else {
                choices::pick("exchange.for_device", f.device, devices);
                request.for_device = devices.id(f.device);
                request.device_seen = bundle_import::remembered_seen(request.for_device);
                const std::uint64_t held = std::accumulate(request.device_seen.begin(), request.device_seen.end(),
                                                           std::uint64_t(0),
                                                           [](std::uint64_t sum, const auto& kv) { return sum + kv.second; });
                if (request.device_seen.empty()) ui::hint("exchange.seen_unknown");
                else ui::value_text_wrapped(i18n::fill("exchange.seen_known", {std::to_string(held)}));
            }
        } else if (request.kind == BundleKind::resident) {
            const auto& households = choices::households(s);
            if (households.empty()) {
                ui::hint("exchange.no_households");
                ready = false;
            } else {
                choices::pick("exchange.household", f.household, households);
                request.household = households.id(f.household);
            }
        }
    }
    f.form.show_other_errors({});
    if (f.working) {
        ui::hint("exchange.exporting");
        return;
    }
    if (ui::button_enabled_if("exchange.export", ready)) start_export(request);
    const double last = storage::last_export_ms();
    ui::label_value("exchange.last_export", last > 0 ? choices::when_text(s, std::int64_t(last))
                                                     : std::string(i18n::tr("exchange.never_exported")));
}

void draw_import() {
    bundle_import::listen_for_files();
    ui::heading("exchange.import_heading");
    ui::text_wrapped("exchange.import_hint");
    if (ui::button_enabled_if("exchange.import", !bundle_import::progress().busy())) bundle_import::choose_file();
    bundle_import::draw_progress();
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_exchange(App&) {
    const State& s = session::state();
    const DeviceRecord* self = s.find_device(session::device_id());
    const bool resident_device = self && self->kind == DeviceKind::resident;
    ui::heading("exchange.store_heading");
    ui::label_value("exchange.device", session::device_id());
    ui::label_value("exchange.events", std::to_string(session::ledger().size()));
    draw_export(s, resident_device);
    ImGui::Spacing();
    draw_import();
}

}  // namespace bianmin::screens
