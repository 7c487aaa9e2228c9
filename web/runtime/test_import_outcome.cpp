// TEST-ONLY accessor (window.bianmin.test.importOutcome(), only with ?test=1): the last
// bundle import's outcome as JSON — its stage, file name, each refusal's code with both
// messages, and the summary once done. The browser's malformed-bundle sample
// (tests/browser/specs/malformed_sample.spec.mjs) checks the codes against the corpus's
// manifest; the drawn screen shows only the message in the current language.
//
// The web app builds in unity batches: file-scope names here carry the import_outcome_
// prefix so no other file of a batch can clash with them.
#include <emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

#include "platform/platform.h"
#include "runtime/bundle_import.h"

namespace {

const char* import_outcome_stage_name(bianmin::bundle_import::Stage stage) {
    using bianmin::bundle_import::Stage;
    switch (stage) {
        case Stage::idle: return "idle";
        case Stage::reading: return "reading";
        case Stage::checking: return "checking";
        case Stage::writing: return "writing";
        case Stage::done: return "done";
        case Stage::failed: return "failed";
    }
    return "unknown";
}

// Whether text is valid UTF-8 (dump() refuses anything else): a refusal may quote bytes
// of the broken file in its message.
bool import_outcome_is_utf8(const std::string& text) {
    try {
        (void)nlohmann::json(text).dump();
        return true;
    } catch (const nlohmann::json::type_error&) {
        return false;
    }
}

nlohmann::json import_outcome_json() {
    const auto& p = bianmin::bundle_import::progress();
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : p.errors)
        errors.push_back({{"code", e.code},
                          {"field", e.field},
                          {"zh", e.message_zh},
                          {"en", e.message_en},
                          {"validUtf8", import_outcome_is_utf8(e.message_zh) && import_outcome_is_utf8(e.message_en)}});
    nlohmann::json out = {{"stage", import_outcome_stage_name(p.stage)}, {"fileName", p.file_name}, {"errors", errors}};
    if (p.stage == bianmin::bundle_import::Stage::done) {
        out["summary"] = {{"eventsInBundle", p.summary.events_in_bundle},
                          {"newEvents", p.summary.new_events},
                          {"duplicates", p.summary.duplicates},
                          {"conflictsFound", p.summary.conflicts_found},
                          {"conflictsOpen", p.summary.conflicts_open}};
    }
    return out;
}

}  // namespace

extern "C" {

// The JSON above; "null" outside test mode. The text stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* bm_test_import_outcome() {
    static std::string import_outcome_text;
    // Invalid bytes become U+FFFD here (validUtf8 says so) rather than failing the dump.
    import_outcome_text = bianmin::platform::test_mode()
                              ? import_outcome_json().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                              : "null";
    return import_outcome_text.c_str();
}

}  // extern "C"
