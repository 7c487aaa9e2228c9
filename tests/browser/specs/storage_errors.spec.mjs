// Storage errors: a full disk and aborted transactions. Edits stay pending in memory, the
// person is told, and nothing is lost once writing works again.
//
// A full disk is simulated in the page: Chromium reports one by aborting the transaction
// with tx.error a QuotaExceededError (no request error event), and that is what the
// wrapper below does. (The DevTools protocol's Storage.overrideQuotaForOrigin left the
// quota untouched in Chromium 156 headless, so it cannot stand in.)
import { assert, assertEqual } from '../lib/assert.mjs';
import { appendDurably, bannerLines, eventually, list, pending, status } from '../lib/storage_helpers.mjs';

// Every readwrite transaction of the page aborts while window.__failWrites names an error:
// 'AbortError' as from tx.abort(), 'QuotaExceededError' as Chromium does on a full disk.
function failWrites(page, name) {
  return page.evaluate((name) => {
    window.__failWrites = name;
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (...args) {
      const tx = original.apply(this, args);
      const failing = window.__failWrites;
      if (args[1] === 'readwrite' && failing) {
        if (failing !== 'AbortError') {
          const error = new DOMException('simulated: the disk is full', failing);
          Object.defineProperty(tx, 'error', { get: () => error });
        }
        tx.commit = () => {};  // the store commits early; keep the transaction open to abort it
        queueMicrotask(() => tx.abort());
      }
      return tx;
    };
  }, name);
}

// Real edits (a front-desk sign-in or sign-out through session::run, as bench B3 makes
// them), one after another; for each, the frames the app drew before its write completed
// and how long that took. The frame count is read in the transaction's own complete event
// (a listener added before the store's), not after it: the frame that follows the write
// may run before the page's next task.
const EDITS_WITH_FRAMES = async (count) => {
  const nextTask = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
  const drawn = () => window.Module.ccall('bm_frames_drawn', 'number', [], []);
  let completed = null;
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = original.apply(this, args);
    if (args[1] === 'readwrite') tx.addEventListener('complete', () => { completed = { at: performance.now(), drawn: drawn() }; });
    return tx;
  };
  const out = [];
  for (let i = 0; i < count; i++) {
    // Nothing else on its way to IndexedDB, and a frame drawn since: the edit's write is
    // the only one pending, from its start.
    do {
      while (window.bianmin.pending() > 0) await nextTask();
      await window.bianmin.drawnFrame();
    } while (window.bianmin.pending() > 0);
    completed = null;
    const before = drawn();
    const started = performance.now();
    if (window.Module.ccall('bm_bench_edit', 'number', [], []) !== 1) throw new Error('the edit was refused');
    while (window.bianmin.pending() > 0) await nextTask();
    if (!completed) throw new Error('no readwrite transaction completed for the edit');
    out.push({ frames: completed.drawn - before, ms: Math.round(completed.at - started) });
  }
  IDBDatabase.prototype.transaction = original;
  return out;
};

export default function (test) {
  test('the frame after an edit waits for its write, at most 0.1 s: drawn saved, and frames go on while writes fail',
    async ({ page, open }) => {
      await open();
      await page.evaluate(() => window.bianmin.test.loadDemo({ months: 3 }));
      const edits = await page.evaluate(EDITS_WITH_FRAMES, 12);
      for (const [i, e] of edits.entries()) {
        assert(e.frames === 0 || e.ms >= 100,
          `edit ${i + 1}: ${e.frames} frame(s) drawn before its write completed in ${e.ms} ms (all: ${JSON.stringify(edits)})`);
      }
      // A write that cannot complete holds frames back only for the first 0.1 s.
      await failWrites(page, 'AbortError');
      const stuck = await page.evaluate(async () => {
        const drawn = () => window.Module.ccall('bm_frames_drawn', 'number', [], []);
        if (window.Module.ccall('bm_bench_edit', 'number', [], []) !== 1) throw new Error('the edit was refused');
        const before = drawn();
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return { frames: drawn() - before, pending: window.bianmin.pending() };
      });
      assert(stuck.pending > 0, `the failing write is still pending (${stuck.pending})`);
      assert(stuck.frames >= 2, `frames drawn in 1.5 s while the write kept failing: ${stuck.frames}`);
      await page.evaluate(() => { window.__failWrites = null; });
      await page.waitForFunction(() => window.bianmin.pending() === 0, null, { timeout: 30000 });
    }, { timeoutMs: 120000 });

  test('a full disk keeps edits pending with a readable error, and they are saved once there is room',
    async ({ page, open }) => {
      await open();
      await appendDurably(page, ['before the disk filled']);
      await failWrites(page, 'QuotaExceededError');
      const big = 'x'.repeat(20000);
      const seqs = await page.evaluate((t) => window.bianmin.storage.appendMany([t + 1, t + 2, t + 3]), big);
      await eventually(async () => (await status(page)).failed === 3, 'three failed writes');
      let s = await status(page);
      assertEqual(s.code, 'quota_exceeded', 'status code');
      assert(/QuotaExceededError/.test(s.detail), `detail names the browser's error: ${s.detail}`);
      assertEqual(await pending(page), 3, 'pending() while the disk is full');
      const kept = await page.evaluate(() => window.bianmin.storage.pendingRecords());
      assertEqual(JSON.stringify(kept.map((r) => r.seq)), JSON.stringify(seqs), 'edits kept in memory for export');
      assertEqual((await bannerLines(page, '存储空间已满')).length, 1, 'the banner says the storage is full');

      await page.evaluate(() => { window.__failWrites = null; });  // room again
      await page.evaluate(() => window.bianmin.storage.retry());
      await page.waitForFunction(() => window.bianmin.pending() === 0, null, { timeout: 60000 });
      s = await status(page);
      assertEqual(`${s.code} ${s.failed}`, 'ok 0', 'status once saved');
      assertEqual((await bannerLines(page, '存储空间已满')).length, 0, 'the banner is gone');
      await open();
      const texts = (await list(page)).map((r) => r.text.length);
      assertEqual(JSON.stringify(texts), JSON.stringify([22, 20001, 20001, 20001]), 'records after reload (lengths)');
    });

  test('aborted transactions are retried by themselves until the edits are saved', async ({ page, open }) => {
    await open();
    await failWrites(page, 'AbortError');
    await page.evaluate(() => window.bianmin.storage.appendMany(['a', 'b']));
    await eventually(async () => (await status(page)).failed === 2, 'two failed writes');
    const s = await status(page);
    assertEqual(s.code, 'write_failed', 'status code');
    assert(/AbortError/.test(s.detail), `detail: ${s.detail}`);
    assertEqual(await pending(page), 2, 'pending() while writes abort');
    await page.evaluate(() => window.bianmin.setLang('en'));
    assertEqual((await bannerLines(page, 'Saving failed')).length, 1, 'the banner says saving failed');

    await page.evaluate(() => { window.__failWrites = null; });  // no retry() call: the timer does it
    await page.waitForFunction(() => window.bianmin.pending() === 0, null, { timeout: 30000 });
    assertEqual((await status(page)).code, 'ok', 'status after the retry');
    await open();
    assertEqual(JSON.stringify((await list(page)).map((r) => `${r.seq}:${r.text}`)), '["1:a","2:b"]', 'records after reload');
  });
}
