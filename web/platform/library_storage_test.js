// window.bianmin.storage — the storage test API, installed only with ?test=1 (see
// web/platform/storage_test_api.h for the member list and docs/STORAGE.md for use).
// Most members call the C++ store (storage_test_api.cpp), so tests exercise the real
// path; digest() and stored() read IndexedDB directly, to check what is on disk.
mergeInto(LibraryManager.library, {
  $BmStoreTest__deps: ['$BmStore', '$BmFormat'],
  $BmStoreTest: {
    waiting: null,  // promise id → {resolve, progress}
    nextId: 1,

    expect: function () {
      if (!BmStoreTest.waiting) BmStoreTest.waiting = new Map();
      const id = BmStoreTest.nextId++;
      const entry = { progress: [] };
      entry.promise = new Promise((resolve) => { entry.resolve = resolve; });
      BmStoreTest.waiting.set(id, entry);
      return { id: id, entry: entry };
    },

    json: function (name) {
      return JSON.parse(ccall(name, 'string', [], []));
    },

    // The app's own connection, or a fresh one when the app's was closed.
    database: function () {
      if (BmStore.db) return Promise.resolve({ db: BmStore.db, own: true });
      return new Promise((resolve, reject) => {
        const request = indexedDB.open(BmStore.DB_NAME);
        request.onsuccess = () => resolve({ db: request.result, own: false });
        request.onerror = () => reject(request.error);
      });
    },

    // Every record stored, from one snapshot, decoded, one per key, in key order.
    readAll: async function () {
      const { db, own } = await BmStoreTest.database();
      try {
        const tx = db.transaction(['chunks', 'log', 'quarantine'], 'readonly');
        const req = (r) => BmStore.request(r);
        const [chunkKeys, chunkValues, looseKeys, looseValues, quarantine] = await Promise.all([
          req(tx.objectStore('chunks').getAllKeys()), req(tx.objectStore('chunks').getAll()),
          req(tx.objectStore('log').getAllKeys()), req(tx.objectStore('log').getAll()),
          req(tx.objectStore('quarantine').count()),
        ]);
        const byKey = new Map();
        let badChunks = 0, badLoose = 0, chunkRecords = 0;
        chunkValues.forEach((value) => {
          const checked = BmFormat.checkChunk(value);
          if (checked.reason) { badChunks++; return; }
          const records = BmFormat.decodeSegment(checked.payload);
          chunkRecords += records.length;
          records.forEach((r) => byKey.set(JSON.stringify([r.device, r.seq]), r));
        });
        looseKeys.forEach((key, i) => {
          const bytes = BmFormat.bytesOf(looseValues[i]);
          if (!BmFormat.keyOk(key) || !bytes) { badLoose++; return; }
          const id = JSON.stringify(key);
          if (!byKey.has(id)) byKey.set(id, { device: key[0], seq: key[1], bytes: bytes });
        });
        const records = Array.from(byKey.values()).sort((a, b) =>
          a.device < b.device ? -1 : a.device > b.device ? 1 : a.seq - b.seq);
        return {
          records: records, chunks: chunkKeys.length, loose: looseKeys.length, chunkRecords: chunkRecords,
          badChunks: badChunks, badLoose: badLoose, quarantine: quarantine,
        };
      } finally {
        if (!own) db.close();
      }
    },

    // SHA-256 over every record in key order: "device\nseq\nlength\n" then the bytes.
    digest: async function () {
      const all = await BmStoreTest.readAll();
      const encoder = new TextEncoder();
      const parts = [];
      let size = 0;
      all.records.forEach((r) => {
        const head = encoder.encode(r.device + '\n' + r.seq + '\n' + r.bytes.length + '\n');
        parts.push(head, r.bytes);
        size += head.length + r.bytes.length;
      });
      const joined = new Uint8Array(size);
      let at = 0;
      parts.forEach((p) => { joined.set(p, at); at += p.length; });
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
      return {
        count: all.records.length,
        sha256: Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join(''),
        badChunks: all.badChunks, badLoose: all.badLoose, quarantine: all.quarantine,
      };
    },
  },

  bm_js_storage_test_install__deps: ['$BmStoreTest'],
  bm_js_storage_test_install: function () {
    if (!window.bianmin) return;
    const T = BmStoreTest;
    const decoder = new TextDecoder();
    window.bianmin.storage = {
      append(text) {
        const { id, entry } = T.expect();
        const seq = ccall('bm_storage_test_append', 'number', ['number', 'string'], [id, String(text)]);
        if (seq < 0) { T.waiting.delete(id); return Promise.resolve({ refused: true }); }
        return entry.promise.then((r) => r.value);
      },
      appendMany(texts) {
        return texts.map((text) => {
          const { id } = T.expect();
          const seq = ccall('bm_storage_test_append', 'number', ['number', 'string'], [id, String(text)]);
          if (seq < 0) T.waiting.delete(id);
          return seq;
        });
      },
      appendAs(device, seq, text) {
        const { id, entry } = T.expect();
        const ok = ccall('bm_storage_test_append_as', 'number', ['number', 'string', 'number', 'string'],
          [id, String(device), seq, String(text)]);
        if (!ok) { T.waiting.delete(id); return Promise.resolve({ refused: true }); }
        return entry.promise.then((r) => r.value);
      },
      // records: [{device, seq, text}] written through the bulk (chunk) path.
      bulk(records) {
        const { id, entry } = T.expect();
        const ok = ccall('bm_storage_test_bulk', 'number', ['number', 'string'], [id, JSON.stringify(records)]);
        if (!ok) { T.waiting.delete(id); return Promise.resolve({ ok: false, refused: true }); }
        return entry.promise.then((r) => Object.assign({ progress: entry.progress }, r.value));
      },
      bulkGenerated({ device, firstSeq = 1, count, size = 190, tag = 'bulk' }) {
        const { id, entry } = T.expect();
        const ok = ccall('bm_storage_test_bulk_generated', 'number',
          ['number', 'string', 'number', 'number', 'number', 'string'],
          [id, String(device || BmStore.device), firstSeq, count, size, String(tag)]);
        if (!ok) { T.waiting.delete(id); return Promise.resolve({ ok: false, refused: true }); }
        return entry.promise.then((r) => Object.assign({ progress: entry.progress }, r.value));
      },
      list() { return T.json('bm_storage_test_list_json'); },
      status() { return T.json('bm_storage_test_status_json'); },
      report() { return T.json('bm_storage_test_report_json'); },
      acked() { return T.json('bm_storage_test_acked_json'); },
      pendingRecords() { return T.json('bm_storage_test_pending_json'); },
      retry() { ccall('bm_storage_test_retry', null, [], []); },
      heapBytes() { return ccall('bm_storage_test_heap_bytes', 'number', [], []); },
      setLastExport(ms) { ccall('bm_storage_test_set_last_export', null, ['number'], [ms]); },
      compact() {
        const { id, entry } = T.expect();
        ccall('bm_storage_test_compact', null, ['number'], [id]);
        return entry.promise.then((r) => r.value);
      },
      digest() { return T.digest(); },
      // Loading stages in ms since bianmin.js started: opened, role, device, read, checked;
      // handoff is the C++ decode call's own duration.
      timings() { return Object.assign({}, BmStore.timings); },
      // What IndexedDB holds: counts per store, and the loose and chunked records as text.
      async stored() {
        const all = await T.readAll();
        return {
          chunks: all.chunks, loose: all.loose, chunkRecords: all.chunkRecords, quarantine: all.quarantine,
          badChunks: all.badChunks, badLoose: all.badLoose, records: all.records.length,
          texts: all.records.map((r) => decoder.decode(r.bytes)),
        };
      },
    };
  },

  bm_js_storage_test_settle__deps: ['$BmStoreTest'],
  bm_js_storage_test_settle: function (id, ok, jsonPtr) {
    const entry = BmStoreTest.waiting && BmStoreTest.waiting.get(id);
    if (!entry) return;
    BmStoreTest.waiting.delete(id);
    const value = JSON.parse(UTF8ToString(jsonPtr));
    entry.resolve({ ok: !!ok, value: value });
  },

  bm_js_storage_test_progress__deps: ['$BmStoreTest'],
  bm_js_storage_test_progress: function (id, done, total) {
    const entry = BmStoreTest.waiting && BmStoreTest.waiting.get(id);
    if (entry) entry.progress.push([done, total]);
  },
});
