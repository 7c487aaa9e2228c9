// Storage across tabs of one browser profile: one writer, read-only followers, take-over
// when the writer closes, and a database upgraded or deleted under a running tab.
import { watchErrors } from '../lib/harness.mjs';
import { assert, assertEqual } from '../lib/assert.mjs';
import {
  appendDurably, assertSameRecords, assertUniqueKeys, bannerLines, digest, eventually, list, status,
} from '../lib/storage_helpers.mjs';

// A second tab in the same profile (the harness gives each test a fresh profile).
async function secondTab(page, open, errors) {
  const tab = await page.context().newPage();
  watchErrors(tab, errors);
  await open('', tab);
  return tab;
}

// Two tabs of a browser without Web Locks (plain http on a tablet): the first opened is the
// writer, the second a reader, after one record the reader has followed.
// `beforeOpen(page)` runs on the first tab only, before its app starts.
async function twoTabsWithoutLocks(page, open, errors, beforeOpen = async () => {}) {
  await page.context().addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
  });
  await beforeOpen(page);
  await open();
  const reader = await secondTab(page, open, errors);
  const w = await status(page), r = await status(reader);
  assert(w.writer && !r.writer, `writer flags: first ${w.writer}, second ${r.writer}`);
  await appendDurably(page, ['one']);
  await eventually(async () => (await list(reader)).length === 1, 'the reader to follow');
  return reader;
}

export default function (test) {
  test('a second tab is read-only, follows the writer, and takes over when it closes', async ({ page, open }) => {
    const errors = [];
    await open();
    await appendDurably(page, ['before the second tab']);
    const reader = await secondTab(page, open, errors);

    const w = await status(page), r = await status(reader);
    assert(w.writer && !r.writer, `writer flags: first ${w.writer}, second ${r.writer}`);
    assertEqual(r.code, 'read_only_other_tab', 'status code of the second tab');
    assertEqual(r.device, w.device, 'both tabs are the same device');
    assertEqual((await reader.evaluate(() => window.bianmin.storage.append('from the reader'))).refused, true,
      'an edit in the read-only tab');
    assertEqual(await reader.evaluate(() => window.bianmin.pending()), 0, 'pending in the read-only tab');
    assertEqual((await bannerLines(reader, '另一个标签页')).length, 1, 'the read-only tab says why');

    // The writer edits, imports and compacts; the reader sees each record once.
    await appendDurably(page, Array.from({ length: 25 }, (_, i) => 'from the writer ' + i));
    const imported = await page.evaluate(() => window.bianmin.storage.bulkGenerated({ device: 'office', count: 5000 }));
    assert(imported.ok, `import in the writer: ${imported.detail}`);
    assert((await page.evaluate(() => window.bianmin.storage.compact())).ok, 'compaction in the writer');
    await appendDurably(page, ['after compaction']);
    const expected = await list(page);
    assertEqual(expected.length, 5027, 'records in the writer');
    await eventually(async () => (await list(reader)).length >= expected.length, 'the reader to catch up');
    const followed = await list(reader);
    assertUniqueKeys(followed, 'records the reader followed');
    assertSameRecords(followed, expected, 'the reader against the writer');
    assertEqual((await status(reader)).nextSeq, 28, 'the reader\'s next seq follows the writer\'s edits');

    // The writer closes: the reader becomes the writer and continues the numbering.
    await page.close();
    await eventually(async () => (await status(reader)).writer, 'the second tab to become the writer');
    assertEqual((await status(reader)).code, 'ok', 'status of the new writer');
    const next = await reader.evaluate(() => window.bianmin.storage.append('from the new writer'));
    assertEqual(next.seq, 28, 'seq of the new writer\'s first edit');
    const before = await digest(reader);
    await open('', reader);
    const after = await list(reader);
    assertUniqueKeys(after, 'after reloading the new writer');
    assertEqual(after.length, 5028, 'records after reloading the new writer');
    assertEqual(JSON.stringify(await digest(reader)), JSON.stringify(before), 'store digest across the reload');
    assert(errors.length === 0, errors.join('\n'));
  });

  test('without Web Locks (plain http on a tablet) a BroadcastChannel election keeps one writer', async ({ page, open }) => {
    const errors = [];
    const reader = await twoTabsWithoutLocks(page, open, errors);
    const w = await status(page), r = await status(reader);
    assert(!w.tabLock && !r.tabLock, 'both tabs know they have no Web Locks');
    assert(w.warnings.some((x) => /not secure/.test(x.en)), `warning about unprotected tabs: ${JSON.stringify(w.warnings)}`);
    await page.close();  // its pagehide tells the others the writer is gone
    await eventually(async () => (await status(reader)).writer, 'the second tab to win the next election');
    assertEqual((await reader.evaluate(() => window.bianmin.storage.append('two'))).seq, 2, 'seq of the new writer\'s edit');
    assert(errors.length === 0, errors.join('\n'));
  });

  test('without Web Locks a writer that vanishes without a word is replaced once its heartbeat stops', async ({ page, open, log }) => {
    const errors = [];
    // Only the first tab: its pagehide never reaches the app, as when a tablet's browser is killed.
    const reader = await twoTabsWithoutLocks(page, open, errors, (first) =>
      first.addInitScript(() => addEventListener('pagehide', (event) => event.stopImmediatePropagation(), true)));
    await page.close();
    const started = Date.now();
    await eventually(async () => (await status(reader)).writer, 'the second tab to notice the silence', 20000);
    const waited = Date.now() - started;
    log(`       the reader took over ${waited} ms after the silent writer closed`);
    assert(waited >= 3000, `took over after ${waited} ms: too soon for a missed heartbeat, so something else promoted it`);
    assertEqual((await reader.evaluate(() => window.bianmin.storage.append('two'))).seq, 2, 'seq of the new writer\'s edit');
    assert(errors.length === 0, errors.join('\n'));
  });

  test('without Web Locks a frozen writer steps down, and on resume reloads as a reader', async ({ page, open }) => {
    const errors = [];
    const reader = await twoTabsWithoutLocks(page, open, errors);
    // Headless Chromium does not freeze a visible page (Page.setWebLifecycleState leaves its
    // timers running), so the test sends the events a tablet's browser sends.
    await page.evaluate(() => document.dispatchEvent(new Event('freeze')));
    const frozenAt = Date.now();
    await eventually(async () => (await status(reader)).writer, 'the second tab to take over from the frozen one', 10000);
    // Its "writer-gone" starts the election at once; a missed heartbeat would take 6 s or more.
    assert(Date.now() - frozenAt < 5000, `took over ${Date.now() - frozenAt} ms after the freeze: not told by the frozen tab`);
    assertEqual((await reader.evaluate(() => window.bianmin.storage.append('two'))).seq, 2, 'seq of the new writer\'s edit');
    const reloaded = page.waitForEvent('load', { timeout: 20000 });
    await page.evaluate(() => document.dispatchEvent(new Event('resume')));
    await reloaded;
    await page.waitForFunction(() => window.bianmin !== undefined, null, { timeout: 30000 });
    await page.evaluate(() => window.bianmin.ready);
    const back = await status(page);
    assert(!back.writer, `the resumed tab must not write beside the new writer: ${JSON.stringify(back)}`);
    await eventually(async () => (await list(page)).length === 2, 'the resumed tab to follow both records');
    assert(errors.length === 0, errors.join('\n'));
  });

  test('a database upgraded or deleted by another tab stops writing and says to reload', async ({ page, open }) => {
    await open();
    await appendDurably(page, ['saved']);
    // Another tab opens a newer schema: this tab must close at once, not block it.
    const upgraded = await page.evaluate(() => new Promise((resolve) => {
      const request = indexedDB.open('bianmin', 2);
      request.onblocked = () => resolve('blocked');
      request.onsuccess = () => { request.result.close(); resolve('upgraded'); };
      request.onerror = () => resolve('error ' + request.error);
    }));
    assertEqual(upgraded, 'upgraded', 'the newer version opened without being blocked');
    await eventually(async () => (await status(page)).code === 'version_change', 'status version_change');
    assertEqual((await page.evaluate(() => window.bianmin.storage.append('after the upgrade'))).refused, true,
      'an edit after the upgrade');
    await page.evaluate(() => window.bianmin.setLang('en'));
    assertEqual((await bannerLines(page, 'reload this page')).length, 1, 'the banner asks to reload');

    // This (older) app reloaded over the newer database: it starts, read-only, and says why.
    await open();
    const s = await status(page);
    assertEqual(s.code, 'newer_version', 'status over a newer database');
    assert(s.loaded && !s.writer, `loaded read-only: ${JSON.stringify(s)}`);
  });

  test('site data cleared under a running tab: the database closes and the tab says so', async ({ page, open, origin }) => {
    await open();
    await appendDurably(page, ['saved']);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
    await eventually(async () => ['closed', 'version_change'].includes((await status(page)).code), 'the tab to notice');
    assertEqual((await page.evaluate(() => window.bianmin.storage.append('after clearing'))).refused, true,
      'an edit after the database closed');
  });
}
