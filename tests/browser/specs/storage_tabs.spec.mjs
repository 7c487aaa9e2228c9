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
    await page.context().addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
    });
    await open();
    const reader = await secondTab(page, open, errors);
    const w = await status(page), r = await status(reader);
    assert(w.writer && !r.writer, `writer flags: first ${w.writer}, second ${r.writer}`);
    assert(!w.tabLock && !r.tabLock, 'both tabs know they have no Web Locks');
    assert(w.warnings.some((x) => /not secure/.test(x.en)), `warning about unprotected tabs: ${JSON.stringify(w.warnings)}`);
    await appendDurably(page, ['one', 'two']);
    await eventually(async () => (await list(reader)).length === 2, 'the reader to follow');
    await page.close();  // its pagehide tells the others the writer is gone
    await eventually(async () => (await status(reader)).writer, 'the second tab to win the next election');
    assertEqual((await reader.evaluate(() => window.bianmin.storage.append('three'))).seq, 3, 'seq of the new writer\'s edit');
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
