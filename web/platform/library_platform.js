// Page facts and small services for platform_web.cpp (emscripten --js-library):
// secure context, query parameters, touch capability, local settings, the local date,
// assets fetched in the background after start, and taking touch away from GLFW.
mergeInto(LibraryManager.library, {
  $BianminStrings: {
    // A malloc'd UTF-8 copy; the C++ side frees it.
    toHeap: function (text) {
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      return ptr;
    },
  },

  bm_js_secure_context: function () {
    return window.isSecureContext ? 1 : 0;
  },

  bm_js_query_param__deps: ['$BianminStrings', 'malloc'],
  bm_js_query_param: function (namePtr) {
    var value = new URLSearchParams(location.search).get(UTF8ToString(namePtr));
    return value === null ? 0 : BianminStrings.toHeap(value);
  },

  bm_js_touch_capable: function () {
    var coarse = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
    return (coarse || navigator.maxTouchPoints > 0) ? 1 : 0;
  },

  bm_js_setting_get__deps: ['$BianminStrings', 'malloc'],
  bm_js_setting_get: function (keyPtr) {
    try {
      var value = window.localStorage.getItem('bianmin.' + UTF8ToString(keyPtr));
      return value === null ? 0 : BianminStrings.toHeap(value);
    } catch (e) {
      return 0;  // storage blocked (private mode): settings simply do not persist
    }
  },

  bm_js_setting_set: function (keyPtr, valuePtr) {
    try {
      window.localStorage.setItem('bianmin.' + UTF8ToString(keyPtr), UTF8ToString(valuePtr));
    } catch (e) { /* see bm_js_setting_get */ }
  },

  // Today's date on this device, as year*10000 + month*100 + day.
  bm_js_local_date: function () {
    var now = new Date();
    return now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();
  },

  // Fetches an asset after start-up without blocking a frame; the bytes go to
  // bm_asset_arrived (or a failure to bm_asset_failed).
  bm_js_fetch_asset_async__deps: ['malloc'],
  bm_js_fetch_asset_async: function (namePtr, token) {
    var name = UTF8ToString(namePtr);
    fetch(name).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.arrayBuffer();
    }).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var ptr = _malloc(Math.max(1, bytes.length));
      HEAPU8.set(bytes, ptr);
      _bm_asset_arrived(token, ptr, bytes.length);  // takes ownership of ptr
    }).catch(function (error) {
      console.warn('bianmin: could not fetch ' + name + ': ' + error.message);
      _bm_asset_failed(token);
    });
  },

  // Emscripten 3.1.6's GLFW turns touches into stale, doubled mouse events
  // (emscripten #20804); touch.cpp handles touches itself.
  bm_js_take_touch_from_glfw__deps: ['$GLFW'],
  bm_js_take_touch_from_glfw: function () {
    var canvas = Module['canvas'];
    canvas.removeEventListener('touchmove', GLFW.onMousemove, true);
    canvas.removeEventListener('touchstart', GLFW.onMouseButtonDown, true);
    canvas.removeEventListener('touchcancel', GLFW.onMouseButtonUp, true);
    canvas.removeEventListener('touchend', GLFW.onMouseButtonUp, true);
  },
});
