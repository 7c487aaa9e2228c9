// The store's witness: a note kept outside IndexedDB (in localStorage) of which device
// this profile is and how far its records go, so the app can tell a first start from a
// database the browser threw away.
//
// Chromium deletes an IndexedDB database it finds damaged when it opens it, and starts an
// empty one without telling the page (crbug.com/146284; seen here after a browser killed
// right after a renderer crash, about once in 90 kills: docs/RELIABILITY.md). The page
// then sees what looks like a new device. With the witness it sees that this profile had
// device X with records up to seq N, and says so: the person imports the office's latest
// file, which holds everything this device exported (docs/STORAGE.md).
//
// localStorage is written by the browser later than IndexedDB, so the witness may lag a
// little behind the store; it only ever says "at least this much was here".
mergeInto(LibraryManager.library, {
  $BmWitness: {
    KEY: 'bianmin-store-witness',
    pending: null,
    listening: false,

    read: function () {
      try {
        const w = JSON.parse(localStorage.getItem(BmWitness.KEY) || 'null');
        return w && typeof w.device === 'string' && Number.isSafeInteger(w.nextSeq) ? w : null;
      } catch (error) {
        return null;  // no localStorage here (or a damaged note): no witness
      }
    },

    // Remembers this device's next sequence number, written once per task.
    note: function (device, nextSeq) {
      if (!BmWitness.listening) {
        BmWitness.listening = true;
        addEventListener('pagehide', BmWitness.flush);  // a tab closed right after an edit
      }
      if (!BmWitness.pending) setTimeout(BmWitness.flush, 0);
      BmWitness.pending = { device: device, nextSeq: nextSeq, at: Date.now() };
    },

    flush: function () {
      const w = BmWitness.pending;
      BmWitness.pending = null;
      if (!w) return;
      try {
        localStorage.setItem(BmWitness.KEY, JSON.stringify(w));
      } catch (error) { /* full or unavailable: the store itself is unaffected */ }
    },

    // What the browser threw away, or null: the store has just made a new device id, and
    // the witness knows another device of this profile that had stored records.
    discarded: function (freshDevice, device) {
      const w = BmWitness.read();
      if (!freshDevice || !w || w.device === device || w.nextSeq <= 1) return null;
      return { device: w.device, records: w.nextSeq - 1, at: Date.now(), lastSeen: w.at || 0 };
    },
  },
});
