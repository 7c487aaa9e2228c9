// Bundle import — taking an exchange file (core exchange.hpp) into this device's store,
// from the file picker or a file dropped on the page, with a progress bar.
//
// The steps, each refusing the whole file with the core's bilingual reason:
//   1. read the file (FileReader; progress while a large file is read);
//   2. parse and validate it in the core (read_bundle), this device's clock as "now";
//   3. SHA-256 of its canonical event bytes with WebCrypto, compared with the envelope's
//      digest (check_digest) — a tampered file is refused;
//   4. plan_import against the ledger: estate, ids, permissions; what is new;
//   5. session::add_imported: the new events are written to IndexedDB in one
//      transaction and enter the ledger only once they are on disk (progress again).
// Steps 2 to 5 each start after a frame is drawn (platform::after_next_frame), and the
// long per-event ones — reading the events, writing their canonical text for the digest —
// run in slices of about 40 ms with a frame drawn between them, so the progress bar moves
// and the page answers. Each event is serialised once: the write stores the text made for
// the digest, and the ledger adopts the store plan_import projected (figures:
// docs/EXCHANGE.md, *In the browser*).
// The person then sees the summary: new events, duplicates skipped, conflicts found.
// The version vector the source reported (the envelope's `seen`) is remembered on this
// device, so the office's next delta for that device starts from it (remembered_seen).
//
// Used by the set-up screen (joining an estate) and the exchange screen.
#pragma once

#include <string>
#include <vector>

#include "bianmin/exchange_import.hpp"
#include "ui/fields.h"

namespace bianmin::bundle_import {

enum class Stage { idle, reading, checking, writing, done, failed };

struct Progress {
    Stage stage = Stage::idle;
    std::string file_name;
    float fraction = 0;                  // of the current stage, 0..1
    ImportSummary summary;               // when done
    std::string source_device;           // when done
    std::vector<ui::FieldError> errors;  // when failed
    bool busy() const { return stage == Stage::reading || stage == Stage::checking || stage == Stage::writing; }
};
const Progress& progress();

// Makes the file picker and drops on the page feed this import (call every frame while
// a screen that imports is showing).
void listen_for_files();
// Opens the browser's file picker for .json bundles (inside a click handler).
void choose_file();
// Starts an import of a file's bytes; false (and nothing happens) while one is running.
bool start(std::string file_name, std::string bytes);

// The progress bar while busy, then the summary or the reasons for refusing.
void draw_progress();

// What `device` reported it had seen, from its last bundle imported here (empty = none).
VersionVector remembered_seen(const std::string& device);

}  // namespace bianmin::bundle_import
