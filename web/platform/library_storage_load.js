// Storage loading: read everything in one snapshot, check it, set damaged values aside,
// and hand the good records to C++ in one call. Used at start, when a read-only tab
// becomes the writer, and after another tab's bulk import (library_storage.js).
mergeInto(LibraryManager.library, {
  $BmLoad__deps: ['$BmFormat'],
  $BmLoad: {
    // Chunks and loose records in ONE transaction: compaction moves records from one
    // store to the other atomically, so a single snapshot sees each record at least once.
    readEverything: async function () {
      const tx = BmStore.db.transaction(['chunks', 'log', 'meta', 'quarantine'], 'readonly');
      const chunks = tx.objectStore('chunks'), log = tx.objectStore('log'), metaStore = tx.objectStore('meta');
      const parts = await Promise.all([
        BmStore.request(chunks.getAllKeys()), BmStore.request(chunks.getAll()),
        BmStore.request(log.getAllKeys()), BmStore.request(log.getAll()),
        BmStore.request(metaStore.getAllKeys()), BmStore.request(metaStore.getAll()),
        BmStore.request(tx.objectStore('quarantine').count()),
      ]);
      const meta = {};
      parts[4].forEach((key, i) => { meta[key] = parts[5][i]; });
      return {
        chunkKeys: parts[0], chunkValues: parts[1], looseKeys: parts[2], looseValues: parts[3],
        meta: meta, quarantined: parts[6],
      };
    },

    // Checks every chunk (checksum, version) and loose record (key, type), a slice at a
    // time so frames keep flowing. Returns load sources (chunks first, then one segment
    // of the loose records), the bad values with reasons, and counts.
    check: async function (snapshot, showProgress) {
      const sources = [], bad = [], problems = [];
      let goodChunks = 0, goodLoose = 0, sliceBytes = 0, records = 0;
      const total = snapshot.chunkValues.length;
      for (let i = 0; i < total; i++) {
        const value = snapshot.chunkValues[i], key = snapshot.chunkKeys[i];
        const result = BmFormat.checkChunk(value);
        if (result.reason) {
          bad.push({ store: 'chunks', key: key, value: value, reason: result.reason });
          problems.push({ where: 'chunk ' + key, reason: result.reason });
          continue;
        }
        goodChunks++;
        records += result.count;
        sources.push({ id: key, bytes: result.payload });
        sliceBytes += value.byteLength;
        if (sliceBytes >= BmStore.SLICE_BYTES) {
          sliceBytes = 0;
          if (showProgress) {
            BmStore.loadingText('正在读取记录… / Reading records… ' + Math.round(100 * (i + 1) / total) + '%');
          }
          await BmStore.nextTask();
        }
      }
      const loose = [];
      for (let i = 0; i < snapshot.looseKeys.length; i++) {
        const key = snapshot.looseKeys[i], bytes = BmFormat.bytesOf(snapshot.looseValues[i]);
        const reason = !BmFormat.keyOk(key) ? 'loose record key is not [device, seq]'
          : !bytes ? 'loose record value is not binary data' : '';
        if (reason) {
          bad.push({ store: 'log', key: key, value: snapshot.looseValues[i], reason: reason });
          problems.push({ where: 'loose ' + JSON.stringify(key), reason: reason });
          continue;
        }
        goodLoose++;
        loose.push({ device: key[0], seq: key[1], bytes: bytes });
      }
      if (loose.length) sources.push({ id: 0, bytes: BmFormat.encodeSegment(loose) });
      return {
        sources: sources, bad: bad, problems: problems, goodChunks: goodChunks, goodLoose: goodLoose,
        looseCount: snapshot.looseKeys.length, records: records + goodLoose,
      };
    },

    // Copies sources into one heap buffer ({u32 id, u32 length, segment}...) and calls
    // the C++ receiver once: one boundary crossing for any number of records.
    deliver: function (receiver, sources, info) {
      let total = 0;
      sources.forEach((s) => { total += 8 + s.bytes.length; });
      const pointer = total ? _malloc(total) : 0;
      if (total && !pointer) throw new Error('out of memory for ' + total + ' bytes of records');
      const heap = HEAPU8;  // read after _malloc: a memory growth replaces the view
      const view = new DataView(heap.buffer, pointer, total);
      let at = 0;
      sources.forEach((s) => {
        view.setUint32(at, s.id, true);
        view.setUint32(at + 4, s.bytes.length, true);
        heap.set(s.bytes, pointer + at + 8);
        at += 8 + s.bytes.length;
      });
      try {
        BmStore.withStrings([JSON.stringify(info)], (json) => receiver(pointer, total, json));
      } finally {
        if (pointer) _free(pointer);
      }
    },

    // Moves damaged values into the quarantine store, in one transaction: each value is
    // either still where it was or in quarantine, never lost. Returns how many moved.
    quarantine: async function (items) {
      try {
        const tx = BmStore.db.transaction(['chunks', 'log', 'quarantine'], 'readwrite', { durability: BmStore.DURABILITY });
        const quarantine = tx.objectStore('quarantine');
        items.forEach((item) => {
          quarantine.add({ store: item.store, key: item.key, reason: item.reason, at: Date.now(), value: item.value });
          tx.objectStore(item.store).delete(item.key);
        });
        BmStore.commit(tx);
        await BmStore.finished(tx);
        return items.length;
      } catch (error) {
        console.warn('bianmin: could not set damaged records aside:', error);
        return 0;
      }
    },

    // C++ found a chunk whose checksum held but whose records do not decode.
    quarantineChunk: async function (key, reason) {
      if (BmStore.role !== 'writer' || !BmStore.db) return;
      const tx = BmStore.db.transaction('chunks', 'readonly');
      const value = await BmStore.request(tx.objectStore('chunks').get(key));
      if (value !== undefined) await BmLoad.quarantine([{ store: 'chunks', key: key, value: value, reason: reason }]);
      BmStore.tell({ quarantined: await BmLoad.countQuarantine() });
    },

    countQuarantine: async function () {
      const tx = BmStore.db.transaction('quarantine', 'readonly');
      return BmStore.request(tx.objectStore('quarantine').count());
    },
  },
});
