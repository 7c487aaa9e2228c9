// Files — export through a download, import through the file picker or drag-and-drop.
//
// Export: download() hands bytes to the browser as a file named by the app.
// Import: the page reads a chosen or dropped file and calls the handler with its name and
// bytes (between frames). Large files report progress while they are read. Imported
// bytes are outside input: whoever parses them must turn failures into readable errors.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace bianmin::platform::files {

struct ImportedFile {
    std::string name;   // as on the person's device, e.g. "101室-请求.json"
    std::string bytes;  // the file's exact contents (not necessarily text)
};

struct ImportHandlers {
    std::function<void(ImportedFile file)> on_file;
    // Bytes read so far and the file's size, while a large file is being read.
    std::function<void(const std::string& name, double loaded, double total)> on_progress;
    std::function<void(const std::string& name)> on_failure;  // the browser could not read it
    // Files larger than this (0: no limit) are not read at all: on_too_large gets their size.
    // A 1 GiB file dropped by mistake would otherwise be read whole into the page first.
    std::uint64_t max_bytes = 0;
    std::function<void(const std::string& name, std::uint64_t size)> on_too_large;
};

// Once at start-up: creates the hidden <input type=file> and accepts drops on the page.
void install();

// Who receives imported files from now on (the screen that is showing). Files arriving
// with no handler set are dropped.
void set_import_handlers(ImportHandlers handlers);

// Opens the browser's file picker. Call it when a button is clicked (browsers allow
// pickers only shortly after a click or tap). `accept` as in HTML, e.g. ".json,.csv".
void open_picker(const char* accept = "", bool multiple = false);

// Saves `bytes` as a download named `filename`.
void download(const std::string& filename, std::string_view bytes,
              const char* mime = "application/octet-stream");

}  // namespace bianmin::platform::files
