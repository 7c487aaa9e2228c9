// WebCrypto for crypto.cpp (emscripten --js-library): PIN derivation (PBKDF2-HMAC-SHA256)
// and SHA-256 digests of exchange bundles. Both are asynchronous in the browser: each
// request carries an id and its answer comes back through _bm_crypto_done(id, ok, a, b).
// crypto.subtle exists only in a secure context (https:// or localhost): without it
// every request fails at once with a reason, and the C++ side says so on screen.
mergeInto(LibraryManager.library, {
  $BianminCrypto: {
    toBase64: function (bytes) {
      var text = '';
      for (var i = 0; i < bytes.length; ++i) text += String.fromCharCode(bytes[i]);
      return btoa(text);
    },
    fromBase64: function (text) {
      var raw = atob(text);
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; ++i) bytes[i] = raw.charCodeAt(i);
      return bytes;
    },
    toHex: function (bytes) {
      var hex = '';
      for (var i = 0; i < bytes.length; ++i) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
      return hex;
    },
    // Answers request `id` (between frames, like every browser callback).
    answer: function (id, ok, first, second) {
      var texts = [first || '', second || ''];
      var ptrs = texts.map(function (text) {
        var size = lengthBytesUTF8(text) + 1;
        var ptr = _malloc(size);
        stringToUTF8(text, ptr, size);
        return ptr;
      });
      try {
        _bm_crypto_done(id, ok ? 1 : 0, ptrs[0], ptrs[1]);
      } finally {
        _free(ptrs[0]);
        _free(ptrs[1]);
      }
    },
    subtle: function () {
      return (window.isSecureContext && window.crypto && window.crypto.subtle) ? window.crypto.subtle : null;
    },
  },

  bm_js_crypto_available__deps: ['$BianminCrypto'],
  bm_js_crypto_available: function () {
    return BianminCrypto.subtle() ? 1 : 0;
  },

  // PBKDF2-HMAC-SHA256 of the PIN (UTF-8) over `iterations` rounds, 256 bits. An empty
  // salt asks for a new random one of 16 bytes. Answers (salt base64, hash base64).
  bm_js_crypto_pbkdf2__deps: ['$BianminCrypto', 'malloc', 'free'],
  bm_js_crypto_pbkdf2: function (id, pinPtr, saltPtr, iterations) {
    var pin = UTF8ToString(pinPtr);
    var saltText = UTF8ToString(saltPtr);
    var subtle = BianminCrypto.subtle();
    if (!subtle) {
      setTimeout(function () { BianminCrypto.answer(id, false, 'no secure context: crypto.subtle is missing'); }, 0);
      return;
    }
    var salt;
    try {
      salt = saltText ? BianminCrypto.fromBase64(saltText) : window.crypto.getRandomValues(new Uint8Array(16));
    } catch (e) {
      setTimeout(function () { BianminCrypto.answer(id, false, 'bad salt: ' + e); }, 0);
      return;
    }
    subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
      .then(function (key) {
        return subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations }, key, 256);
      })
      .then(function (bits) {
        BianminCrypto.answer(id, true, BianminCrypto.toBase64(salt), BianminCrypto.toBase64(new Uint8Array(bits)));
      })
      .catch(function (e) { BianminCrypto.answer(id, false, String(e)); });
  },

  // SHA-256 of bytes on the heap (copied at once: the caller may free them). Answers
  // (lowercase hex, '').
  bm_js_crypto_sha256__deps: ['$BianminCrypto', 'malloc', 'free'],
  bm_js_crypto_sha256: function (id, dataPtr, size) {
    var subtle = BianminCrypto.subtle();
    if (!subtle) {
      setTimeout(function () { BianminCrypto.answer(id, false, 'no secure context: crypto.subtle is missing'); }, 0);
      return;
    }
    var copy = HEAPU8.slice(dataPtr, dataPtr + size);
    subtle.digest('SHA-256', copy)
      .then(function (digest) { BianminCrypto.answer(id, true, BianminCrypto.toHex(new Uint8Array(digest))); })
      .catch(function (e) { BianminCrypto.answer(id, false, String(e)); });
  },
});
