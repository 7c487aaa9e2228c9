#include "runtime/bundle_import.h"

#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "i18n/format.h"
#include "imgui.h"
#include "platform/crypto.h"
#include "platform/files.h"
#include "platform/platform.h"
#include "runtime/session.h"
#include "ui/status.h"
#include "ui/widgets.h"

namespace bianmin::bundle_import {
namespace {

//-------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------

Progress& state() {
    static Progress p;
    return p;
}

// Increases with every import so that late callbacks of an abandoned one are ignored.
int& generation() {
    static int g = 0;
    return g;
}

std::string seen_key(const std::string& device) { return "exchange.seen." + device; }

void fail_with(std::vector<ui::FieldError> errors) {
    Progress& p = state();
    p.stage = Stage::failed;
    p.errors = std::move(errors);
    if (!p.errors.empty()) ui::status::show(p.errors.front().message(), ui::status::Kind::Error);
    platform::announce(p.errors.empty() ? std::string() : p.errors.front().message());
}

void fail_with(const Errors& errors) { fail_with(ui::field_errors(errors)); }

void fail_with_key(const char* code, const char* key) {
    fail_with(std::vector<ui::FieldError>{ui::field_error_from_key(code, "", key)});
}

void remember_seen(const BundleHeader& header) {
    if (header.source_device.empty() || header.source_device == session::device_id()) return;
    platform::set_setting(seen_key(header.source_device).c_str(), nlohmann::json(header.seen).dump());
}

// [SECTION] Steps 4–5: plan, write, add

void finish(const ImportPlan& plan, const std::set<FieldKey>& conflicted_before) {
    Progress& p = state();
    p.summary = plan.summary;
    p.source_device = plan.header.source_device;
    const auto& now_conflicted = session::state().conflicted;
    p.summary.conflicts_open = now_conflicted.size();
    p.summary.conflicts_found = 0;
    for (const auto& key : now_conflicted)
        if (!conflicted_before.count(key)) ++p.summary.conflicts_found;
    remember_seen(plan.header);
    p.stage = Stage::done;
    p.fraction = 1;
    const std::string line = i18n::fill("exchange.summary_line", {std::to_string(p.summary.new_events),
                                                                  std::to_string(p.summary.duplicates),
                                                                  std::to_string(p.summary.conflicts_found)});
    ui::status::show(line, ui::status::Kind::Success);
    platform::announce(line);
}

// The checked bundle and its events' canonical text, kept from the digest to the write.
struct Checked {
    Bundle bundle;
    std::unique_ptr<CanonicalEventsWriter> canonical;  // over bundle.events
    // A device with nothing stored yet (joining the estate): the bundle's events projected
    // a slice at a time, which plan_import and the ledger then take as they are.
    std::shared_ptr<Ledger> projected;
    std::size_t projected_count = 0;
};

void write(const std::shared_ptr<ImportPlan>& plan, std::shared_ptr<const std::string> canonical,
           std::vector<std::string_view> texts, const std::set<FieldKey>& conflicted_before);

// Runs `step` once the next frame is drawn, unless a newer import has started meanwhile:
// the progress bar moves between the steps and the slices of a long one (issue 4;
// figures in docs/EXCHANGE.md, *In the browser*).
void next_step(std::function<void()> step) {
    platform::after_next_frame([my_generation = generation(), step = std::move(step)] {
        if (my_generation == generation()) step();
    });
}

// The work of one slice: some events at a time until this much time has passed, so a
// 200,000-event bundle goes through in slices with a frame drawn between them.
constexpr double kSliceMs = 40;
constexpr std::size_t kEventsPerTry = 256;

// Calls `some(kEventsPerTry)` while it returns true and the slice has time left; true
// when there is more to do.
template <class Some>
bool for_one_slice(Some&& some) {
    const auto start = std::chrono::steady_clock::now();
    while (some(kEventsPerTry))
        if (std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() >= kSliceMs)
            return true;
    return false;
}

// Fractions of the checking bar reached after each step (reading is the longest).
constexpr float kParsed = 0.45f, kDigested = 0.7f, kProjected = 0.9f;

// plan_import's new events are a subset of the bundle's, in the same total order: their
// texts are the writer's, found by walking both lists once.
std::vector<std::string_view> texts_of(const ImportPlan& plan, const Checked& checked, const std::string& bytes) {
    std::vector<std::string_view> texts;
    texts.reserve(plan.new_events.size());
    std::size_t j = 0;
    for (const Event& e : plan.new_events) {
        while (j < checked.bundle.events.size() && !(checked.bundle.events[j].id == e.id)) ++j;
        IM_ASSERT(j < checked.bundle.events.size() && "plan_import takes its events from the bundle");
        texts.push_back(std::string_view(bytes).substr(checked.canonical->offset_of(j), checked.canonical->size_of(j)));
    }
    return texts;
}

void plan_and_write(const std::shared_ptr<Checked>& checked, const ImportOptions& options) {
    auto planned = plan_import(session::ledger(), checked->bundle, options, std::move(checked->projected));
    if (!planned) return fail_with(planned.errors());
    auto plan = std::make_shared<ImportPlan>(std::move(planned).value());
    const std::set<FieldKey> conflicted_before = session::state().conflicted;
    if (plan->new_events.empty()) return finish(*plan, conflicted_before);
    auto canonical = std::make_shared<const std::string>(checked->canonical->take_bytes());
    auto texts = texts_of(*plan, *checked, *canonical);
    Progress& p = state();
    p.stage = Stage::writing;
    p.fraction = 0;
    // `checked` (the bundle's own copy of every event) is not needed any more.
    next_step([plan, canonical, texts = std::move(texts), conflicted_before]() mutable {
        write(plan, std::move(canonical), std::move(texts), conflicted_before);
    });
}

void write(const std::shared_ptr<ImportPlan>& plan, std::shared_ptr<const std::string> canonical,
           std::vector<std::string_view> texts, const std::set<FieldKey>& conflicted_before) {
    const int my_generation = generation();
    const bool started = session::add_planned_import(
        plan, std::move(canonical), std::move(texts),
        [my_generation](std::size_t done, std::size_t total) {
            if (my_generation == generation() && total > 0) state().fraction = float(double(done) / double(total));
        },
        [plan, conflicted_before, my_generation](bool ok, const Ledger::AddResult& added, const std::string& detail) {
            if (my_generation != generation()) return;
            if (!ok) {
                Error e = make_error("exchange.store_failed", "",
                                     i18n::fill(i18n::Lang::Zh, "exchange.store_failed", {detail}),
                                     i18n::fill(i18n::Lang::En, "exchange.store_failed", {detail}));
                return fail_with(Errors{e});
            }
            if (!added.rejected.empty()) return fail_with(added.rejected);
            finish(*plan, conflicted_before);
        });
    if (!started) fail_with_key("session.read_only", "exchange.not_writable");
}

// [SECTION] Steps 2–3: read, digest, project (in slices, a frame between them)

// Into an empty store every event of the bundle is new and comes in total order, so adding
// them a slice at a time appends each slice: the same projection as one add.
void project(const std::shared_ptr<Checked>& checked, const ImportOptions& options) {
    const auto& events = checked->bundle.events;
    if (session::ledger().size() != 0 || events.empty()) return plan_and_write(checked, options);
    if (!checked->projected) checked->projected = std::make_shared<Ledger>(session::ledger());
    const bool more = for_one_slice([&](std::size_t n) {
        const std::size_t from = checked->projected_count, to = std::min(events.size(), from + n);
        const auto added = checked->projected->add(std::vector<Event>(events.begin() + std::ptrdiff_t(from),
                                                                      events.begin() + std::ptrdiff_t(to)));
        checked->projected_count = to;
        if (!added.rejected.empty()) checked->projected_count = events.size();  // plan_import names the reason
        return checked->projected_count < events.size();
    });
    if (more) {
        state().fraction = kDigested + (kProjected - kDigested) * float(double(checked->projected_count) / double(events.size()));
        return next_step([checked, options] { project(checked, options); });
    }
    state().fraction = kProjected;
    next_step([checked, options] { plan_and_write(checked, options); });
}

void digest_and_plan(const std::shared_ptr<Checked>& checked, const ImportOptions& options) {
    if (for_one_slice([&](std::size_t n) { return checked->canonical->write_some(n); })) {
        state().fraction = kParsed + (kDigested - kParsed) * float(checked->canonical->fraction());
        return next_step([checked, options] { digest_and_plan(checked, options); });
    }
    const int my_generation = generation();
    platform::crypto::sha256_hex(checked->canonical->bytes(), [checked, options, my_generation](bool ok, const std::string& hex) {
        if (my_generation != generation()) return;
        if (!ok) return fail_with_key("exchange.no_crypto", "exchange.no_crypto");
        Errors wrong = check_digest(checked->bundle, hex);
        if (!wrong.empty()) return fail_with(wrong);
        state().fraction = kDigested;
        next_step([checked, options] { project(checked, options); });
    });
}

struct Reading {
    std::string bytes;
    ImportOptions options;
    std::unique_ptr<BundleReader> reader;  // over bytes
};

void read(const std::shared_ptr<Reading>& r) {
    if (for_one_slice([&](std::size_t n) { return r->reader->read_some(n); })) {
        state().fraction = kParsed * float(r->reader->fraction());
        return next_step([r] { read(r); });
    }
    auto read = r->reader->finish();
    r->reader.reset();
    r->bytes = std::string();  // the file's bytes are not needed any more
    if (!read) return fail_with(read.errors());
    if (!platform::crypto::available()) return fail_with_key("exchange.no_crypto", "exchange.no_crypto");
    auto checked = std::make_shared<Checked>();
    checked->bundle = std::move(read).value();
    checked->canonical = std::make_unique<CanonicalEventsWriter>(checked->bundle.events);
    state().fraction = kParsed;
    const ImportOptions options = r->options;
    next_step([checked, options] { digest_and_plan(checked, options); });
}

void check(std::string bytes) {
    Progress& p = state();
    p.stage = Stage::checking;
    p.fraction = 0;
    auto r = std::make_shared<Reading>();
    r->bytes = std::move(bytes);
    r->options.now_ms = session::now_ms();
    next_step([r] {
        r->reader = std::make_unique<BundleReader>(r->bytes, r->options);
        read(r);
    });
}

}  // namespace

const Progress& progress() { return state(); }

bool start(std::string file_name, std::string bytes) {
    Progress& p = state();
    if (p.stage == Stage::checking || p.stage == Stage::writing) return false;
    ++generation();
    p = Progress{};
    p.file_name = std::move(file_name);
    check(std::move(bytes));
    return true;
}

void listen_for_files() {
    platform::files::ImportHandlers handlers;
    handlers.on_file = [](platform::files::ImportedFile file) {
        if (!start(file.name, std::move(file.bytes))) ui::status::show_key("exchange.busy", ui::status::Kind::Error);
    };
    handlers.on_progress = [](const std::string& name, double loaded, double total) {
        Progress& p = state();
        if (p.stage == Stage::checking || p.stage == Stage::writing) return;
        p.stage = Stage::reading;
        p.file_name = name;
        p.fraction = total > 0 ? float(loaded / total) : 0;
    };
    handlers.on_failure = [](const std::string& name) {
        state().file_name = name;
        fail_with_key("files.import_failed", "exchange.read_failed");
    };
    // The core's own limit and message, before a byte is read.
    handlers.max_bytes = ImportOptions{}.max_bytes;
    handlers.on_too_large = [](const std::string& name, std::uint64_t size) {
        if (state().busy()) return ui::status::show_key("exchange.busy", ui::status::Kind::Error);
        ++generation();
        state() = Progress{};
        state().file_name = name;
        fail_with(Errors{*check_bundle_size(size)});
    };
    platform::files::set_import_handlers(std::move(handlers));
}

void choose_file() { platform::files::open_picker(".json,application/json"); }

VersionVector remembered_seen(const std::string& device) {
    auto text = platform::setting(seen_key(device).c_str());
    if (!text) return {};
    auto parsed = parse_version_vector(*text);
    return parsed ? parsed.value() : VersionVector{};
}

// [SECTION] Drawing

void draw_progress() {
    const Progress& p = state();
    switch (p.stage) {
        case Stage::idle: return;
        case Stage::reading:
        case Stage::checking:
        case Stage::writing: {
            const char* key = p.stage == Stage::reading    ? "exchange.stage_reading"
                              : p.stage == Stage::checking ? "exchange.stage_checking"
                                                           : "exchange.stage_writing";
            ui::value_text_wrapped(i18n::fill(key, {p.file_name}));
            const std::string percent = std::to_string(int(p.fraction * 100)) + "%";
            ImGui::ProgressBar(p.fraction, ImVec2(-1, 0), percent.c_str());
            return;
        }
        case Stage::done:
            ui::heading("exchange.summary_heading");
            ui::value_text(p.file_name);
            ui::label_value("exchange.summary_new", std::to_string(p.summary.new_events));
            ui::label_value("exchange.summary_duplicates", std::to_string(p.summary.duplicates));
            ui::label_value("exchange.summary_conflicts", std::to_string(p.summary.conflicts_found));
            if (p.summary.conflicts_open > 0) ui::hint("exchange.conflicts_hint");
            return;
        case Stage::failed:
            ui::heading("exchange.rejected_heading");
            ui::value_text(p.file_name);
            ui::hint("exchange.rejected_hint");
            for (const auto& e : p.errors) ui::error_text(e.message());
            return;
    }
}

}  // namespace bianmin::bundle_import
