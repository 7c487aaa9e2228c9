// Storage across tabs: which tab writes, and how the others hear of new records.
//
// One writer per browser profile, chosen with the Web Locks API: the tab that holds the
// exclusive lock 'bianmin-writer' writes; it holds it until the tab goes away (the
// browser releases a closed or crashed tab's locks). Every other tab is read-only and
// queues for the lock, so when the writer closes, the oldest waiting tab takes over.
//
// Web Locks exist only in secure contexts (https, localhost). Elsewhere (a tablet on
// plain http) a BroadcastChannel election stands in: a new tab asks "is there a
// writer?" and waits briefly; silence makes it the writer. The writer repeats "writer!"
// every HEARTBEAT_MS, so readers notice a writer that crashed or closed without its
// "writer-gone" reaching them and hold a new election. Two tabs starting in the same
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
    // Hidden tabs run timers about once a second (once a minute after five minutes), so a
    // silent writer only starts an election; the writer still answers it at once.
    HEARTBEAT_MS: 2000,
    SILENCE_MS: 6000,
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
      const self = { token: Math.random(), electing: false, heard: false, leaving: false, lastHeard: Date.now() };
      BmTabs.candidate = self;
      const elect = () => BmTabs.runElection(channel, self).then((won) => { if (won) onPromoted(); });
      channel.onmessage = (event) => {
        if (self.leaving) return;  // a closing writer must not answer the election it caused
        const message = event.data || {};
        if (message.type === 'writer?') {
          if (BmTabs.isWriter) channel.postMessage({ type: 'writer!' });
          else if (self.electing && message.token > self.token) self.heard = true;
          if (self.electing && message.token < self.token) channel.postMessage({ type: 'writer!' });
        } else if (message.type === 'writer!') {
          self.heard = true;
          self.lastHeard = Date.now();
        } else if (message.type === 'writer-gone' && !BmTabs.isWriter && !self.electing) {
          elect();
        }
      };
      setInterval(() => {
        if (self.leaving) return;
        if (BmTabs.isWriter) channel.postMessage({ type: 'writer!' });
        else if (!self.electing && Date.now() - self.lastHeard > BmTabs.SILENCE_MS) elect();
      }, BmTabs.HEARTBEAT_MS);
      // Leaving: closed, put in the back-forward cache, or frozen (a background tab on a
      // tablet), which would stop it answering elections.
      const leave = () => {
        if (!BmTabs.isWriter || self.leaving) return;
        self.leaving = true;
        channel.postMessage({ type: 'writer-gone' });
      };
      addEventListener('pagehide', leave);
      document.addEventListener('freeze', leave);
      // Back again: another tab may have taken over meanwhile, and a writer cannot step
      // down safely, so it starts over as a new tab.
      addEventListener('pageshow', (event) => { if (event.persisted && self.leaving) location.reload(); });
      document.addEventListener('resume', () => { if (self.leaving) location.reload(); });
      return BmTabs.runElection(channel, self).then((won) => (won ? 'writer' : 'reader'));
    },

    runElection: function (channel, self) {
      self.heard = false;
      self.electing = true;
      channel.postMessage({ type: 'writer?', token: self.token });
      return new Promise((resolve) => {
        setTimeout(() => {
          self.electing = false;
          self.lastHeard = Date.now();
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
