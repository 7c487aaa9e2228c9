// Storage, JavaScript half: the IndexedDB database 'bianmin' (see docs/STORAGE.md).
//
// Object stores (version 1):
//   log         loose records: key [device, seq], value ArrayBuffer of the record's bytes
//   chunks      many records in one checksummed ArrayBuffer (library_storage_format.js),
//               auto-increment key; written by compaction and by bulk import
//   meta        'device' (this profile's id), 'nextSeq', 'lastExport', 'unsyncedSince',
//               'persist' ({granted, at}), 'discarded' (what the browser threw away, until
//               the next import: library_storage_witness.js)
//   quarantine  damaged values set aside: {store, key, reason, at, value}
//
// Every write transaction asks for durability 'strict': a completed transaction is on
// disk, not only handed to the operating system (docs/STORAGE.md has the figures).
//
// The C++ half (storage_web.cpp) calls the bm_js_storage_* functions at the end; this
// side answers through its bm_storage_on_* exports, always from a later task. Reading and
// checking everything stored is in library_storage_load.js.
mergeInto(LibraryManager.library, {
  $BmStore__deps: ['$BmFormat', '$BmTabs', '$BmLoad', '$BmWitness'],
  $BmStore__postset: 'BmStore.prefetch();',
  $BmStore: {
    DB_NAME: 'bianmin',
    DB_VERSION: 1,
    DURABILITY: 'strict',
    CHUNK_RECORDS: 4096,
    COMPACT_AT: 4096,
    COMPACT_DELAY_MS: 1500,
    // Checksums run ~2 GB/s: a 32 MB slice stalls the page ~20 ms. Smaller slices cost
    // more than they save, as each yield waits behind a frame (tens of ms in software GL).
    SLICE_BYTES: 32 << 20,
    db: null,
    role: 'none',
    loaded: false,
    device: '',
    nextSeq: 1,
    durableNext: 1,     // above every own record known to be stored (for the witness)
    freshDevice: false, // this page made the device id: a first start, or a discarded store
    discarded: null,    // {device, records, at, lastSeen} while the person has not imported
    unsyncedSince: 0,
    looseCount: 0,
    compacting: false,
    compactTimer: 0,
    channel: null,
    heldMessages: null,
    outbox: null,
    testMode: false,
    timings: {},  // milliseconds since prefetch() for each loading stage (benchmarks)

    // ---- small helpers -------------------------------------------------------------
    request: function (r) {
      return new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    },
    finished: function (tx) {
      return new Promise((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error || new DOMException('the transaction was aborted', 'AbortError'));
      });
    },
    // Commits now instead of when the task ends. Chromium otherwise waits for this page's
    // main thread to see each request succeed before committing; behind busy frames that
    // is one frame per transaction (100 pipelined appends: 6.7 s without, 0.17 s with).
    commit: function (tx) {
      if (tx.commit) tx.commit();
    },
    nextTask: function () {
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
    // Calls a C function with JavaScript strings turned into heap C strings.
    withStrings: function (strings, body) {
      const pointers = strings.map((s) => {
        const n = lengthBytesUTF8(s) + 1;
        const p = _malloc(n);
        stringToUTF8(s, p, n);
        return p;
      });
      try {
        return body.apply(null, pointers);
      } finally {
        pointers.forEach((p) => _free(p));
      }
    },
    // Status news for C++. Before main() opened the store the WebAssembly may not even
    // exist yet, so news waits (merged) until then.
    heldNews: {},
    cReady: false,
    tell: function (fields) {
      if (!BmStore.cReady) {
        Object.assign(BmStore.heldNews, fields);
        return;
      }
      BmStore.withStrings([JSON.stringify(fields)], (json) => _bm_storage_on_status(json));
    },
    errorName: function (error) {
      return (error && error.name) || 'Error';
    },
    loadingText: function (text) {
      const box = document.getElementById('loading');
      if (box && !BmStore.loaded) box.textContent = text;
    },

    // ---- opening -------------------------------------------------------------------
    openDatabase: function () {
      return new Promise((resolve, reject) => {
        const request = indexedDB.open(BmStore.DB_NAME, BmStore.DB_VERSION);
        request.onupgradeneeded = (event) => {
          const db = request.result;
          // Each later version adds its steps below, keyed on event.oldVersion.
          if (event.oldVersion < 1) {
            db.createObjectStore('log');
            db.createObjectStore('chunks', { autoIncrement: true });
            db.createObjectStore('meta');
            db.createObjectStore('quarantine', { autoIncrement: true });
          }
        };
        request.onblocked = () => {
          BmStore.tell({ database: 'blocked', detail: 'an older tab keeps the database open' });
          BmStore.loadingText('请关闭其他便民服务标签页 / Close the other Bianmin tabs');
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    },

    watchDatabase: function (db) {
      // Another tab wants a newer schema or deletes the database: step aside at once so
      // it is not blocked, and tell the person to reload (this page's code is older).
      db.onversionchange = () => {
        db.close();
        BmStore.lost('version_change', 'another tab upgraded or deleted the database');
      };
      // The browser closed the connection itself (site data cleared, disk gone).
      db.onclose = () => BmStore.lost('closed', 'the browser closed the database');
    },

    lost: function (state, detail) {
      BmStore.db = null;
      BmStore.role = 'none';
      BmTabs.release();
      BmStore.tell({ database: state, detail: detail, role: 'reader' });
    },

    // This profile's device id, made once: the get and the put share one transaction,
    // so two tabs starting together still agree on one id.
    ensureDevice: async function () {
      const tx = BmStore.db.transaction('meta', 'readwrite', { durability: BmStore.DURABILITY });
      const meta = tx.objectStore('meta');
      let device = await BmStore.request(meta.get('device'));
      if (typeof device !== 'string' || !device) {
        BmStore.freshDevice = true;
        device = BmStore.newDeviceId();
        meta.put(device, 'device');
        meta.put(Date.now(), 'created');
      }
      BmStore.commit(tx);
      await BmStore.finished(tx);
      BmStore.device = device;
    },

    // What meta says the browser threw away (library_storage_witness.js), or null.
    discardedIn: function (meta) {
      return meta.discarded && typeof meta.discarded === 'object' ? meta.discarded : null;
    },
    discardedRecords: function () { return BmStore.discarded ? BmStore.discarded.records : 0; },

    // Own records below `next` are stored: the witness moves up with them.
    durableUpTo: function (next) {
      if (next <= BmStore.durableNext) return;
      BmStore.durableNext = next;
      BmWitness.note(BmStore.device, next);
    },

    newDeviceId: function () {
      if (crypto.randomUUID) return crypto.randomUUID();
      const b = crypto.getRandomValues(new Uint8Array(16));  // also on plain http
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
      return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
    },

    askPersistence: async function () {
      const storage = navigator.storage;
      if (!storage || !storage.estimate) return;
      try {
        let granted = storage.persisted ? await storage.persisted() : false;
        if (!granted && storage.persist) granted = await storage.persist();
        const estimate = await storage.estimate();
        BmStore.tell({ persisted: !!granted, usage: estimate.usage, quota: estimate.quota });
        BmStore.persistGranted = !!granted;
      } catch (error) {
        console.warn('bianmin: storage persistence unknown:', error);
      }
    },

    refreshEstimate: async function () {
      if (!navigator.storage || !navigator.storage.estimate) return;
      try {
        const estimate = await navigator.storage.estimate();
        BmStore.tell({ usage: estimate.usage, quota: estimate.quota });
      } catch (error) { /* figures stay as they were */ }
    },

    // Runs when bianmin.js is evaluated (see $BmStore__postset above), long before main(): the
    // database opens and everything is read and checked while the WebAssembly compiles
    // and the fonts download. Started later, each IndexedDB step would wait behind a
    // frame (tens of milliseconds each with software WebGL).
    prefetch: function () {
      BmStore.testMode = !!(typeof Module !== 'undefined' && Module.bianminPage && Module.bianminPage.testMode);
      if (BmStore.testMode) {
        // Tests may shrink chunks (?test=1&storage_chunk=20) to see compaction happen.
        const n = Number(new URLSearchParams(location.search).get('storage_chunk'));
        if (Number.isSafeInteger(n) && n > 0) BmStore.CHUNK_RECORDS = BmStore.COMPACT_AT = n;
      }
      BmStore.askPersistence();
      BmStore.early = BmStore.prepare().catch((error) => ({
        state: 'unavailable', detail: BmStore.errorName(error) + ': ' + (error && error.message),
      }));
    },

    // Opens, takes a role, reads and checks everything. Returns {sources, report}, or
    // {state, detail} when the database cannot be used.
    prepare: async function () {
      const started = performance.now();
      const stage = (name) => { BmStore.timings[name] = performance.now() - started; };
      if (typeof indexedDB === 'undefined' || !indexedDB) return { state: 'unavailable', detail: 'this browser has no IndexedDB' };
      try {
        BmStore.db = await BmStore.openDatabase();
      } catch (error) {
        const state = BmStore.errorName(error) === 'VersionError' ? 'newer_version' : 'unavailable';
        return { state: state, detail: BmStore.errorName(error) + ': ' + error.message };
      }
      stage('opened');
      BmStore.watchDatabase(BmStore.db);
      // Listen before reading, so nothing written meanwhile by another tab is missed;
      // notices that arrive while loading wait in heldMessages.
      BmStore.heldMessages = [];
      BmStore.channel = BmTabs.channel(BmStore.onMessage);
      BmStore.role = await BmTabs.acquire(BmStore.promote);
      stage('role');
      await BmStore.ensureDevice();
      stage('device');
      const snapshot = await BmLoad.readEverything();
      stage('read');
      const checked = await BmLoad.check(snapshot, true);
      stage('checked');
      let quarantinedNow = 0;
      if (BmStore.role === 'writer' && checked.bad.length) {
        quarantinedNow = await BmLoad.quarantine(checked.bad);
      }
      BmStore.looseCount = checked.looseCount;
      const meta = snapshot.meta;
      BmStore.nextSeq = Number.isSafeInteger(meta.nextSeq) ? meta.nextSeq : 1;
      BmStore.durableNext = BmStore.nextSeq;
      BmStore.unsyncedSince = typeof meta.unsyncedSince === 'number' ? meta.unsyncedSince : 0;
      BmStore.discarded = BmStore.discardedIn(meta);
      const lost = BmWitness.discarded(BmStore.freshDevice, BmStore.device);
      if (lost) {
        console.warn('bianmin: the browser discarded the stored data of device ' + lost.device +
          ' (' + lost.records + ' records or more)');
        BmStore.discarded = lost;
        await BmStore.setMeta('discarded', lost);  // before the witness moves on
      }
      BmWitness.note(BmStore.device, BmStore.durableNext);
      return {
        sources: checked.sources,
        report: {
          database: 'ok', role: BmStore.role, tabLock: BmTabs.hasLocks(), device: BmStore.device,
          nextSeq: BmStore.nextSeq, lastExport: typeof meta.lastExport === 'number' ? meta.lastExport : 0,
          unsyncedSince: BmStore.unsyncedSince,
          discardedRecords: BmStore.discardedRecords(),
          chunks: checked.goodChunks, loose: checked.goodLoose, problems: checked.problems,
          quarantinedNow: quarantinedNow, quarantined: snapshot.quarantined + quarantinedNow,
          readMs: performance.now() - started,
        },
      };
    },

    // main() asked for the records: hand over what prepare() read (one call into C++).
    finishOpen: function (result) {
      if (result.state) {
        BmStore.giveUp(result.state, result.detail);
        return;
      }
      BmStore.timings.handoff = performance.now();
      BmLoad.deliver(_bm_storage_on_loaded, result.sources, result.report);
      BmStore.timings.handoff = performance.now() - BmStore.timings.handoff;
      BmStore.loaded = true;
      const held = BmStore.heldMessages || [];
      BmStore.heldMessages = null;
      held.forEach(BmStore.onMessage);
      BmStore.scheduleCompaction();
    },

    // Nothing could be read: still answer, so the app starts (read-only, saying why).
    giveUp: function (state, detail) {
      console.warn('bianmin: storage unavailable:', detail);
      BmStore.role = 'none';
      BmStore.withStrings([JSON.stringify({ database: state, detail: detail, role: 'reader' })],
        (json) => _bm_storage_on_loaded(0, 0, json));
      BmStore.loaded = true;
    },

    // ---- writing -------------------------------------------------------------------
    // One readwrite transaction per event: the record, and in the same transaction the
    // next sequence number of this device, so a crash can never hand out a seq twice.
    append: function (ticket, device, seq, bytes) {
      let tx;
      try {
        if (!BmStore.db || BmStore.role !== 'writer') throw new DOMException('the database is not open for writing', 'InvalidStateError');
        tx = BmStore.db.transaction(['log', 'meta'], 'readwrite', { durability: BmStore.DURABILITY });
        tx.objectStore('log').put(bytes.buffer, [device, seq]);
        if (device === BmStore.device) {
          const meta = tx.objectStore('meta');
          BmStore.nextSeq = Math.max(BmStore.nextSeq, seq + 1);
          meta.put(BmStore.nextSeq, 'nextSeq');
          if (!BmStore.unsyncedSince) {
            BmStore.unsyncedSince = Date.now();
            meta.put(BmStore.unsyncedSince, 'unsyncedSince');
          }
        }
        BmStore.commit(tx);
      } catch (error) {
        // Answer later, never from inside the C++ call that started the write.
        queueMicrotask(() => BmStore.appendDone(ticket, false, error));
        if (tx) try { tx.abort(); } catch (e) { /* already finished */ }
        return;
      }
      tx.oncomplete = () => {
        BmStore.looseCount++;
        if (device === BmStore.device) BmStore.durableUpTo(seq + 1);
        BmStore.appendDone(ticket, true, null);
        BmStore.announce(device, seq, bytes);
        BmStore.scheduleCompaction();
      };
      tx.onabort = () => BmStore.appendDone(ticket, false,
        tx.error || new DOMException('the transaction was aborted', 'AbortError'));
    },

    appendDone: function (ticket, ok, error) {
      if (ok) {
        _bm_storage_on_append_done(ticket, 1, 0, 0);
        return;
      }
      BmStore.withStrings([BmStore.errorName(error), String((error && error.message) || '')],
        (name, message) => _bm_storage_on_append_done(ticket, 0, name, message));
      if (BmStore.errorName(error) === 'QuotaExceededError') BmStore.refreshEstimate();
    },

    // values: chunk ArrayBuffers (see bm_js_storage_bulk). All in one transaction: an
    // import is stored whole or not at all.
    bulk: async function (op, values, ownNextSeq) {
      try {
        if (!BmStore.db || BmStore.role !== 'writer') throw new DOMException('the database is not open for writing', 'InvalidStateError');
        const tx = BmStore.db.transaction(['chunks', 'meta'], 'readwrite', { durability: BmStore.DURABILITY });
        const chunks = tx.objectStore('chunks');
        let done = 0;
        values.forEach((value) => {
          chunks.add(value).onsuccess = () => _bm_storage_on_bulk_progress(op, ++done, values.length);
        });
        if (ownNextSeq > BmStore.nextSeq) {
          BmStore.nextSeq = ownNextSeq;
          tx.objectStore('meta').put(ownNextSeq, 'nextSeq');
        }
        // Data came in: what the browser discarded is the office's to give back.
        const hadDiscarded = !!BmStore.discarded;
        if (hadDiscarded) tx.objectStore('meta').delete('discarded');
        BmStore.commit(tx);
        await BmStore.finished(tx);
        BmStore.durableUpTo(ownNextSeq);
        if (hadDiscarded) {
          BmStore.discarded = null;
          BmStore.tell({ discardedRecords: 0 });
        }
        _bm_storage_on_bulk_done(op, 1, 0, 0);
        BmStore.post({ type: 'resync' });
        BmStore.refreshEstimate();
      } catch (error) {
        BmStore.withStrings([BmStore.errorName(error), String(error.message || '')],
          (name, message) => _bm_storage_on_bulk_done(op, 0, name, message));
        if (BmStore.errorName(error) === 'QuotaExceededError') BmStore.refreshEstimate();
      }
    },

    // Chunk values from C++'s buffer ({ u32 length, segment } per chunk), made at once:
    // the heap may move (memory growth) before the transaction runs.
    chunksFromHeap: function (pointer, length) {
      const values = [];
      const heap = HEAPU8;
      const view = new DataView(heap.buffer, pointer, length);
      for (let at = 0; at < length;) {
        const size = view.getUint32(at, true);
        const segment = heap.subarray(pointer + at + 4, pointer + at + 4 + size);
        const count = new DataView(heap.buffer, pointer + at + 4 + BmStore.recordCountOffset(segment), 4).getUint32(0, true);
        values.push(BmFormat.wrapChunk(segment, count));
        at += 4 + size;
      }
      return values;
    },

    // Where a segment's u32 record count sits: after the device table.
    recordCountOffset: function (segment) {
      const view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
      let at = 4;
      const devices = view.getUint32(0, true);
      for (let i = 0; i < devices; i++) at += 2 + view.getUint16(at, true);
      return at;
    },

    // ---- compaction ----------------------------------------------------------------
    scheduleCompaction: function () {
      if (BmStore.role !== 'writer' || BmStore.compacting || BmStore.compactTimer) return;
      if (BmStore.looseCount < BmStore.COMPACT_AT) return;
      BmStore.compactTimer = setTimeout(() => {
        BmStore.compactTimer = 0;
        BmStore.compact(0);
      }, BmStore.COMPACT_DELAY_MS);
    },

    // Merges up to CHUNK_RECORDS loose records (in key order) into one chunk, in ONE
    // transaction that adds the chunk and deletes exactly those loose records: if it
    // fails, nothing changed; if it completes, every record is in exactly one place.
    compact: async function (op) {
      const answer = (ok, count, error) => {
        if (ok) _bm_storage_on_compact_done(op, 1, count, 0, 0);
        else BmStore.withStrings([BmStore.errorName(error), String(error.message || '')],
          (name, message) => _bm_storage_on_compact_done(op, 0, 0, name, message));
      };
      if (BmStore.role !== 'writer' || !BmStore.db || BmStore.compacting) {
        answer(true, 0);
        return;
      }
      BmStore.compacting = true;
      let merged = 0, removed = 0;
      try {
        const tx = BmStore.db.transaction(['log', 'chunks'], 'readwrite', { durability: BmStore.DURABILITY });
        const log = tx.objectStore('log');
        const keys = await BmStore.request(log.getAllKeys(null, BmStore.CHUNK_RECORDS));
        const values = await BmStore.request(log.getAll(null, BmStore.CHUNK_RECORDS));
        const records = [];
        keys.forEach((key, i) => {
          const bytes = BmFormat.bytesOf(values[i]);
          if (BmFormat.keyOk(key) && bytes) records.push({ device: key[0], seq: key[1], bytes: bytes, key: key });
        });
        if (records.length) {
          tx.objectStore('chunks').add(BmFormat.wrapChunk(BmFormat.encodeSegment(records), records.length));
          // Damaged loose records stay loose (the next load sets them aside); when there
          // are none, one range delete covers exactly the keys read above.
          if (records.length === keys.length) log.delete(IDBKeyRange.bound(keys[0], keys[keys.length - 1]));
          else records.forEach((r) => log.delete(r.key));
        }
        BmStore.commit(tx);
        await BmStore.finished(tx);
        merged = records.length;
        removed = records.length;
      } catch (error) {
        BmStore.compacting = false;
        answer(false, 0, error);
        return;
      }
      BmStore.compacting = false;
      BmStore.looseCount = Math.max(0, BmStore.looseCount - removed);
      answer(true, merged);
      BmStore.scheduleCompaction();
    },

    // ---- other tabs ----------------------------------------------------------------
    post: function (message) {
      if (BmStore.channel) BmStore.channel.postMessage(message);
    },

    // The writer tells readers about each durable record, batched per task.
    announce: function (device, seq, bytes) {
      if (!BmStore.channel) return;
      if (!BmStore.outbox) {
        BmStore.outbox = [];
        setTimeout(() => {
          const records = BmStore.outbox;
          BmStore.outbox = null;
          BmStore.post({ type: 'records', segment: BmFormat.encodeSegment(records).buffer });
        }, 0);
      }
      BmStore.outbox.push({ device: device, seq: seq, bytes: bytes });
    },

    onMessage: function (message) {
      if (BmStore.heldMessages) {
        BmStore.heldMessages.push(message);
        return;
      }
      if (BmStore.role === 'writer') return;  // only readers follow
      if (message.type === 'records' && message.segment instanceof ArrayBuffer) {
        BmLoad.deliver(_bm_storage_on_followed, [{ id: 0, bytes: new Uint8Array(message.segment) }], {});
      } else if (message.type === 'resync') {
        BmStore.resync().catch((error) => console.warn('bianmin: could not follow the writer tab:', error));
      }
    },

    // Everything stored, handed to C++ as "followed" (it passes on only unseen keys).
    resync: async function () {
      if (!BmStore.db) return;
      const snapshot = await BmLoad.readEverything();
      const checked = await BmLoad.check(snapshot, false);
      if (BmStore.role === 'writer' && checked.bad.length) await BmLoad.quarantine(checked.bad);
      BmStore.looseCount = checked.looseCount;
      const meta = snapshot.meta;
      if (Number.isSafeInteger(meta.nextSeq)) BmStore.nextSeq = Math.max(BmStore.nextSeq, meta.nextSeq);
      if (typeof meta.unsyncedSince === 'number') BmStore.unsyncedSince = meta.unsyncedSince;
      BmStore.discarded = BmStore.discardedIn(meta);
      BmLoad.deliver(_bm_storage_on_followed, checked.sources, {
        nextSeq: BmStore.nextSeq, unsyncedSince: BmStore.unsyncedSince,
        discardedRecords: BmStore.discardedRecords(),
        lastExport: typeof meta.lastExport === 'number' ? meta.lastExport : 0,
        quarantined: snapshot.quarantined,
      });
    },

    // The writer tab went away and this tab got the lock: catch up, then write.
    promote: async function () {
      if (!BmStore.db) return;
      while (!BmStore.loaded) await new Promise((resolve) => setTimeout(resolve, 50));
      await BmStore.resync();
      BmStore.role = 'writer';
      BmStore.tell({ role: 'writer' });
      BmStore.scheduleCompaction();
    },

    setMeta: async function (key, value) {
      if (!BmStore.db) return;
      try {
        const tx = BmStore.db.transaction('meta', 'readwrite', { durability: BmStore.DURABILITY });
        tx.objectStore('meta').put(value, key);
        BmStore.commit(tx);
        await BmStore.finished(tx);
      } catch (error) {
        console.warn('bianmin: could not store ' + key + ':', error);
      }
    },
  },

  // ---- called from C++ (storage_web.cpp) ---------------------------------------------
  bm_js_storage_open__deps: ['$BmStore'],
  bm_js_storage_open: function () {
    BmStore.cReady = true;
    const news = BmStore.heldNews;
    BmStore.heldNews = {};
    // Always from a later task: C++ gets its callback after open() returned.
    setTimeout(() => {
      if (Object.keys(news).length) BmStore.tell(news);
      BmStore.early.then(BmStore.finishOpen).catch((error) => {
        if (BmStore.loaded) {
          console.warn('bianmin: storage failed after loading:', error);
          return;
        }
        BmStore.giveUp('unavailable', BmStore.errorName(error) + ': ' + (error && error.message));
      });
    }, 0);
  },

  bm_js_storage_append__deps: ['$BmStore'],
  bm_js_storage_append: function (ticket, devicePtr, seq, bytesPtr, length) {
    BmStore.append(ticket, UTF8ToString(devicePtr), seq, HEAPU8.slice(bytesPtr, bytesPtr + length));
  },

  bm_js_storage_bulk__deps: ['$BmStore'],
  bm_js_storage_bulk: function (op, bufferPtr, length, devicePtr, ownNextSeq) {
    const values = BmStore.chunksFromHeap(bufferPtr, length);
    setTimeout(() => BmStore.bulk(op, values, ownNextSeq), 0);
  },

  bm_js_storage_compact__deps: ['$BmStore'],
  bm_js_storage_compact: function (op) {
    setTimeout(() => BmStore.compact(op), 0);
  },

  bm_js_storage_set_last_export__deps: ['$BmStore'],
  bm_js_storage_set_last_export: function (unixMs) {
    BmStore.unsyncedSince = 0;
    BmStore.setMeta('lastExport', unixMs).then(() => BmStore.setMeta('unsyncedSince', 0));
  },

  bm_js_storage_quarantine__deps: ['$BmStore'],
  bm_js_storage_quarantine: function (sourceId, reasonPtr) {
    const reason = UTF8ToString(reasonPtr);
    setTimeout(() => BmLoad.quarantineChunk(sourceId, reason).catch((error) =>
      console.warn('bianmin: could not set chunk ' + sourceId + ' aside:', error)), 0);
  },
});
