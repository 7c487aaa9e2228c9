#include "platform/files.h"
#include "platform/frame_pacing.h"

#include <emscripten.h>

#include <cstdint>
#include <cstdlib>

// Implemented in web/platform/library_files.js.
extern "C" {
void bm_js_files_install();
void bm_js_open_file_picker(const char* accept, int multiple);
void bm_js_download(const char* name, const char* mime, const char* data, int size);
void bm_js_files_set_max_bytes(double max_bytes);
}

namespace bianmin::platform::files {
namespace {

ImportHandlers& handlers() {
    static ImportHandlers h;
    return h;
}

}  // namespace

void install() { bm_js_files_install(); }

void set_import_handlers(ImportHandlers h) {
    bm_js_files_set_max_bytes(double(h.max_bytes));
    handlers() = std::move(h);
}

void open_picker(const char* accept, bool multiple) {
    bm_js_open_file_picker(accept ? accept : "", multiple ? 1 : 0);
}

void download(const std::string& filename, std::string_view bytes, const char* mime) {
    bm_js_download(filename.c_str(), mime, bytes.data(), int(bytes.size()));
}

}  // namespace bianmin::platform::files

//-------------------------------------------------------------------------------------
// Functions the page calls (library_files.js)
//-------------------------------------------------------------------------------------

extern "C" {

// Takes ownership of `data` (malloc'd by the page).
EMSCRIPTEN_KEEPALIVE void bm_file_imported(int, const char* name, char* data, int size) {
    bianmin::platform::pacing::wake();
    using namespace bianmin::platform::files;
    ImportedFile file{name ? name : "", std::string(data, std::size_t(size > 0 ? size : 0))};
    std::free(data);
    if (handlers().on_file) handlers().on_file(std::move(file));
}

EMSCRIPTEN_KEEPALIVE void bm_file_progress(int, const char* name, double loaded, double total) {
    bianmin::platform::pacing::wake();
    using namespace bianmin::platform::files;
    if (handlers().on_progress) handlers().on_progress(name ? name : "", loaded, total);
}

EMSCRIPTEN_KEEPALIVE void bm_file_too_large(int, const char* name, double size) {
    bianmin::platform::pacing::wake();
    using namespace bianmin::platform::files;
    const std::string file_name = name ? name : "";
    if (handlers().on_too_large) handlers().on_too_large(file_name, std::uint64_t(size));
    else if (handlers().on_failure) handlers().on_failure(file_name);
}

EMSCRIPTEN_KEEPALIVE void bm_file_failed(int, const char* name) {
    bianmin::platform::pacing::wake();
    using namespace bianmin::platform::files;
    if (handlers().on_failure) handlers().on_failure(name ? name : "");
}

}  // extern "C"
