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

export default function (test) {
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
