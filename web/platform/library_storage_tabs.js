// Storage across tabs: which tab writes, and how the others hear of new records.
//
// One writer per browser profile, chosen with the Web Locks API: the tab that holds the
// exclusive lock 'bianmin-writer' writes; it holds it until the tab goes away (the
// browser releases a closed or crashed tab's locks). Every other tab is read-only and
// queues for the lock, so when the writer closes, the oldest waiting tab takes over.
//
// Web Locks exist only in secure contexts (https, localhost). Elsewhere (a tablet on
// plain http) a BroadcastChannel election stands in: a new tab asks "is there a
// writer?" and waits briefly; silence makes it the writer. Two tabs starting in the same
// instant can both win, so the app says that tabs are not protected there.
//
// New records travel on the BroadcastChannel 'bianmin-store' (see library_storage.js).
mergeInto(LibraryManager.library, {
  $BmTabs: {
    LOCK: 'bianmin-writer',
    CHANNEL: 'bianmin-store',
    // Long enough for a writer busy with a long frame (a font atlas build, an import) to
    // answer: at 300 ms a loaded machine saw two tabs both win.
    ELECTION_MS: 1000,
    releaseLock: null,      // resolves the promise that holds the lock
    candidate: null,        // this tab in an election, without Web Locks
    isWriter: false,

    hasLocks: function () {
      return !!(typeof navigator !== 'undefined' && navigator.locks && navigator.locks.request);
    },

    // Resolves to 'writer' or 'reader'. A reader's onPromoted() runs if it later becomes
    // the writer; it must resolve once the tab is ready to write.
    acquire: function (onPromoted) {
      if (BmTabs.hasLocks()) return BmTabs.acquireLock(onPromoted).catch(() => BmTabs.elect(onPromoted));
      return BmTabs.elect(onPromoted);
    },

    hold: function () {
      return new Promise(function (resolve) { BmTabs.releaseLock = resolve; });
    },

    acquireLock: function (onPromoted) {
      return new Promise(function (resolve, reject) {
        navigator.locks.request(BmTabs.LOCK, { ifAvailable: true }, function (lock) {
          if (lock) {
            BmTabs.isWriter = true;
            resolve('writer');
            return BmTabs.hold();
          }
          resolve('reader');
          // Queue for the lock; granted when the writer tab goes away.
          navigator.locks.request(BmTabs.LOCK, function () {
            BmTabs.isWriter = true;
            return Promise.resolve(onPromoted()).then(BmTabs.hold);
          }).catch(function () { /* lock request dropped as the page goes away */ });
          return undefined;
        }).catch(reject);
      });
    },

    // Gives up the writer role (the database was closed under us: nothing to protect).
    release: function () {
      BmTabs.isWriter = false;
      if (BmTabs.releaseLock) BmTabs.releaseLock();
      BmTabs.releaseLock = null;
    },

    // Without Web Locks: ask "is there a writer?" and wait ELECTION_MS. The writer answers;
    // so does a rival candidate with a higher random token, which wins the tie.
    elect: function (onPromoted) {
      if (typeof BroadcastChannel === 'undefined') {
        BmTabs.isWriter = true;
        return Promise.resolve('writer');
      }
      const channel = new BroadcastChannel(BmTabs.LOCK);
      const self = { token: Math.random(), electing: false, heard: false };
      BmTabs.candidate = self;
      channel.onmessage = (event) => {
        const message = event.data || {};
        if (message.type === 'writer?') {
          if (BmTabs.isWriter) channel.postMessage({ type: 'writer!' });
          else if (self.electing && message.token > self.token) self.heard = true;
          if (self.electing && message.token < self.token) channel.postMessage({ type: 'writer!' });
        } else if (message.type === 'writer!') {
          self.heard = true;
        } else if (message.type === 'writer-gone' && !BmTabs.isWriter) {
          BmTabs.runElection(channel, self).then((won) => { if (won) onPromoted(); });
        }
      };
      addEventListener('pagehide', () => {
        if (BmTabs.isWriter) channel.postMessage({ type: 'writer-gone' });
      });
      return BmTabs.runElection(channel, self).then((won) => (won ? 'writer' : 'reader'));
    },

    runElection: function (channel, self) {
      self.heard = false;
      self.electing = true;
      channel.postMessage({ type: 'writer?', token: self.token });
      return new Promise((resolve) => {
        setTimeout(() => {
          self.electing = false;
          BmTabs.isWriter = !self.heard;
          resolve(BmTabs.isWriter);
        }, BmTabs.ELECTION_MS);
      });
    },

    // The channel for record notices between tabs (null where there is none).
    channel: function (onMessage) {
      if (typeof BroadcastChannel === 'undefined') return null;
      var channel = new BroadcastChannel(BmTabs.CHANNEL);
      channel.onmessage = function (event) { onMessage(event.data || {}); };
      return channel;
    },
  },
});
