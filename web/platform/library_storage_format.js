// Storage format, JavaScript half: chunk values, segments, checksums, keys.
//
// A chunk is one IndexedDB value (an ArrayBuffer) holding thousands of records:
//
//   offset 0  'BMCK'                 magic
//          4  u32 format version     (1; anything else is kept aside, never guessed at)
//          8  u32 payload length     (bytes after the 24-byte header)
//         12  u32 record count
//         16  u32 checksum           (of the payload, see checksum())
//         20  u32 reserved, 0
//         24  payload: a segment, the layout of web/platform/storage_codec.h
//
// All little-endian. Loose records are values of their own: an ArrayBuffer of the
// record's bytes under the key [device, seq].
mergeInto(LibraryManager.library, {
  $BmFormat: {
    VERSION: 1,
    HEADER: 24,
    MAGIC: 0x4B434D42,  // 'BMCK' read as a little-endian u32

    // FNV-1a over 32-bit little-endian words, then the 0-3 tail bytes. Not for security:
    // it catches torn and bit-rotted chunks. Word steps are 3x faster than byte steps
    // (~20 ms for 40 MB), and any change to a single word always changes the result,
    // since each step (xor, multiply by an odd number) is a bijection on 32 bits.
    checksum: function (u8) {
      var h = 0x811c9dc5 | 0;
      var words = u8.length >>> 2;
      var view = (u8.byteOffset & 3) === 0
        ? new Int32Array(u8.buffer, u8.byteOffset, words)
        : new Int32Array(u8.slice(0, words * 4).buffer);
      for (var i = 0; i < words; i++) h = Math.imul(h ^ view[i], 16777619);
      for (var j = words * 4; j < u8.length; j++) h = Math.imul(h ^ u8[j], 16777619);
      return h >>> 0;
    },

    // payload: a Uint8Array segment. Returns the chunk's ArrayBuffer.
    wrapChunk: function (payload, recordCount) {
      var out = new Uint8Array(BmFormat.HEADER + payload.length);
      var view = new DataView(out.buffer);
      view.setUint32(0, BmFormat.MAGIC, true);
      view.setUint32(4, BmFormat.VERSION, true);
      view.setUint32(8, payload.length, true);
      view.setUint32(12, recordCount, true);
      view.setUint32(16, BmFormat.checksum(payload), true);
      view.setUint32(20, 0, true);
      out.set(payload, BmFormat.HEADER);
      return out.buffer;
    },

    // A stored chunk value → {payload, count} or {reason} saying what is wrong with it.
    checkChunk: function (value) {
      if (!(value instanceof ArrayBuffer)) return { reason: 'chunk value is not binary data' };
      if (value.byteLength < BmFormat.HEADER) return { reason: 'chunk shorter than its header (' + value.byteLength + ' bytes)' };
      var view = new DataView(value);
      if (view.getUint32(0, true) !== BmFormat.MAGIC) return { reason: 'not a chunk (wrong magic number)' };
      var version = view.getUint32(4, true);
      if (version !== BmFormat.VERSION) return { reason: 'unknown chunk format version ' + version };
      var length = view.getUint32(8, true);
      if (BmFormat.HEADER + length !== value.byteLength) {
        return { reason: 'chunk length ' + value.byteLength + ' does not match its header (' + (BmFormat.HEADER + length) + ')' };
      }
      var payload = new Uint8Array(value, BmFormat.HEADER, length);
      var expected = view.getUint32(16, true), actual = BmFormat.checksum(payload);
      if (expected !== actual) return { reason: 'checksum mismatch (stored ' + expected + ', computed ' + actual + ')' };
      return { payload: payload, count: view.getUint32(12, true) };
    },

    // A loose record's key must be [device, seq]: a non-empty string and a safe integer.
    keyOk: function (key) {
      return Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && key[0].length > 0 &&
        Number.isSafeInteger(key[1]) && key[1] >= 0;
    },

    // A loose record's value as bytes, or null if it is not binary data.
    bytesOf: function (value) {
      if (value instanceof ArrayBuffer) return new Uint8Array(value);
      if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      return null;
    },

    // records: [{device, seq, bytes: Uint8Array}] → one segment (Uint8Array).
    encodeSegment: function (records) {
      var encoder = new TextEncoder();
      var devices = [], deviceBytes = [], index = new Map();
      var size = 8;
      for (var i = 0; i < records.length; i++) {
        var d = records[i].device;
        if (!index.has(d)) {
          index.set(d, devices.length);
          devices.push(d);
          var b = encoder.encode(d);
          deviceBytes.push(b);
          size += 2 + b.length;
        }
        size += 14 + records[i].bytes.length;
      }
      var out = new Uint8Array(size);
      var view = new DataView(out.buffer);
      var at = 0;
      view.setUint32(at, devices.length, true); at += 4;
      for (var k = 0; k < deviceBytes.length; k++) {
        view.setUint16(at, deviceBytes[k].length, true); at += 2;
        out.set(deviceBytes[k], at); at += deviceBytes[k].length;
      }
      view.setUint32(at, records.length, true); at += 4;
      for (var r = 0; r < records.length; r++) {
        var rec = records[r];
        view.setUint16(at, index.get(rec.device), true);
        view.setUint32(at + 2, rec.seq % 4294967296, true);
        view.setUint32(at + 6, Math.floor(rec.seq / 4294967296), true);
        view.setUint32(at + 10, rec.bytes.length, true);
        at += 14;
        out.set(rec.bytes, at); at += rec.bytes.length;
      }
      return out;
    },

    // One segment (Uint8Array) → [{device, seq, bytes}] (bytes are views into it).
    // Throws an Error saying where the segment is malformed.
    decodeSegment: function (u8) {
      var view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
      var decoder = new TextDecoder();
      var at = 0;
      function need(n) { if (at + n > u8.length) throw new Error('segment cut at byte ' + at); }
      need(4);
      var deviceCount = view.getUint32(at, true); at += 4;
      var devices = [];
      for (var i = 0; i < deviceCount; i++) {
        need(2);
        var n = view.getUint16(at, true); at += 2;
        need(n);
        devices.push(decoder.decode(u8.subarray(at, at + n))); at += n;
      }
      need(4);
      var count = view.getUint32(at, true); at += 4;
      var out = [];
      for (var r = 0; r < count; r++) {
        need(14);
        var d = view.getUint16(at, true);
        var seq = view.getUint32(at + 2, true) + view.getUint32(at + 6, true) * 4294967296;
        var length = view.getUint32(at + 10, true);
        at += 14;
        need(length);
        if (d >= devices.length) throw new Error('record ' + r + ' names device ' + d + ' of ' + devices.length);
        out.push({ device: devices[d], seq: seq, bytes: u8.subarray(at, at + length) });
        at += length;
      }
      if (at !== u8.length) throw new Error('trailing bytes after the last record');
      return out;
    },
  },
});
