// Bianmin's browser glue for the C++ side (emscripten --js-library).
// The page (web/static/boot.js) fills Module.bianminAssets and Module.bianminPage before
// main() runs; these functions only read and write what the page set up.
mergeInto(LibraryManager.library, {
  bm_js_asset_size: function (namePtr) {
    var bytes = Module.bianminAssets[UTF8ToString(namePtr)];
    return bytes ? bytes.byteLength : -1;
  },

  // Copies the asset into the heap and drops the page's copy: fonts are big.
  bm_js_asset_take: function (namePtr, destination) {
    var name = UTF8ToString(namePtr);
    HEAPU8.set(new Uint8Array(Module.bianminAssets[name]), destination);
    delete Module.bianminAssets[name];
  },

  bm_js_test_mode: function () {
    return Module.bianminPage.testMode ? 1 : 0;
  },

  bm_js_signal_ready: function () {
    Module.bianminPage.onReady();
  },

  bm_js_announce: function (textPtr) {
    Module.bianminPage.announce(UTF8ToString(textPtr));
  },

  bm_js_set_document_language: function (codePtr) {
    document.documentElement.lang = UTF8ToString(codePtr);
  },
});
