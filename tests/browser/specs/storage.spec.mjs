// Storage: events survive reloads, durability is counted honestly, compaction and bulk
// import keep every record exactly once, damaged data is reported and set aside.
import { assert, assertEqual } from '../lib/assert.mjs';
import {
  appendDurably, assertSameRecords, assertSorted, assertUniqueKeys, bannerLines, damageChunk, digest, eventually, list,
  pending, putLoose, report, status, stored,
} from '../lib/storage_helpers.mjs';

const text = (i) => JSON.stringify({ n: i, name: '王小明', note: 'quote " backslash \\ newline \n end' });

export default function (test) {
  test('stored events come back after a reload, all of them, in key order', async ({ page, open }) => {
    await open();
    const first = await status(page);
    assert(first.loaded && first.writer, `a lone tab should be the loaded writer: ${JSON.stringify(first)}`);
    assertEqual(first.code, 'ok', 'status code of a fresh store');
    assert(/^[0-9a-f-]{36}$/.test(first.device), `device id should be a UUID, got ${first.device}`);
    assertEqual(first.nextSeq, 1, 'next seq of a fresh store');

    const texts = Array.from({ length: 30 }, (_, i) => text(i));
    const seqs = await appendDurably(page, texts);
    assertEqual(JSON.stringify(seqs), JSON.stringify(texts.map((_, i) => i + 1)), 'sequence numbers handed out');

    await open();  // a fresh page load
    const records = await list(page);
    assertSameRecords(records, texts.map((t, i) => ({ device: first.device, seq: i + 1, text: t })), 'after reload');
    const r = await report(page);
    assertEqual(r.records, 30, 'records loaded');
    assertEqual(r.problems.length, 0, 'load problems');
    const after = await status(page);
    assertEqual(after.device, first.device, 'device id after reload');
    assertEqual(after.nextSeq, 31, 'next seq after reload');
    assertEqual((await page.evaluate(() => window.bianmin.storage.append('one more'))).seq, 31, 'seq of the next append');
  });

  test('pending() counts an edit until its IndexedDB transaction has completed', async ({ page, open }) => {
    await open();
    // Count completed write transactions on the log store, seen before the store's own handler.
    await page.evaluate(() => {
      window.__completed = 0;
      const original = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (...args) {
        const tx = original.apply(this, args);
        const names = [].concat(args[0]);
        if (args[1] === 'readwrite' && names.includes('log')) tx.addEventListener('complete', () => { window.__completed++; });
        return tx;
      };
    });
    const samples = await page.evaluate(async () => {
      const seqs = window.bianmin.storage.appendMany(Array.from({ length: 40 }, (_, i) => 'edit ' + i));
      const out = [[window.bianmin.pending(), window.__completed, seqs.length]];
      while (window.bianmin.pending() > 0) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        out.push([window.bianmin.pending(), window.__completed, seqs.length]);
      }
      return out;
    });
    assertEqual(samples[0][0], 40, 'pending right after handing 40 edits to storage');
    for (const [pendingNow, completed, total] of samples) {
      assert(total - pendingNow <= completed,
        `${total - pendingNow} edits counted durable but only ${completed} transactions completed`);
    }
    assertEqual((await page.evaluate(() => window.bianmin.storage.acked())).length, 40, 'durability callbacks');
    assertEqual(await pending(page), 0, 'pending at the end');
  });

  test('compaction merges loose records into chunks and keeps every record exactly once', async ({ page, open }) => {
    await open();
    const device = (await status(page)).device;
    await appendDurably(page, Array.from({ length: 50 }, (_, i) => text(i)));
    const before = await digest(page);
    assertEqual(before.count, 50, 'records before compaction');
    let s = await stored(page);
    assertEqual(s.loose, 50, 'loose records before compaction');
    assertEqual(s.chunks, 0, 'chunks before compaction');

    const result = await page.evaluate(() => window.bianmin.storage.compact());
    assert(result.ok, `compaction failed: ${result.detail}`);
    s = await stored(page);
    assertEqual(s.loose, 0, 'loose records after compaction');
    assertEqual(s.chunks, 1, 'chunks after compaction');
    assertEqual(s.chunkRecords, 50, 'records inside the chunk');
    assertEqual(JSON.stringify(await digest(page)), JSON.stringify(before), 'digest after compaction');

    await appendDurably(page, ['late 1', 'late 2']);
    await page.evaluate(() => window.bianmin.storage.compact());
    s = await stored(page);
    assertEqual(`${s.chunks} chunks, ${s.loose} loose, ${s.records} records`, '2 chunks, 0 loose, 52 records', 'after a second compaction');

    await open();
    const records = await list(page);
    assertEqual(records.length, 52, 'records after reload');
    assertUniqueKeys(records, 'after reload');
    assertSorted(records, 'after reload');
    assertEqual(records[51].text, 'late 2', 'last record');
    assert(records.every((r) => r.device === device), 'every record is this device\'s');
    const r = await report(page);
    assertEqual(`${r.chunks} chunks, ${r.loose} loose, ${r.duplicates} duplicates`, '2 chunks, 0 loose, 0 duplicates', 'load report');
  });

  test('compaction starts by itself once a chunk\'s worth of loose records gathered', async ({ page, open }) => {
    await open('storage_chunk=20');
    await appendDurably(page, Array.from({ length: 50 }, (_, i) => 'auto ' + i));
    await eventually(async () => (await stored(page)).chunks === 2, 'two chunks');
    const s = await stored(page);
    assertEqual(`${s.chunkRecords} in chunks, ${s.loose} loose, ${s.records} records`, '40 in chunks, 10 loose, 50 records',
      'after automatic compaction');
    await open('storage_chunk=20');
    assertEqual((await list(page)).length, 50, 'records after reload');
  });

  test('a bulk import is written as chunks, reports progress and loads back', async ({ page, open }) => {
    await open();
    const device = (await status(page)).device;
    const imported = [];
    for (let i = 1; i <= 300; i++) imported.push({ device: i % 2 ? 'office-pc' : 'tablet-2', seq: i, text: `{"bulk":${i},"名":"李"}` });
    imported.push({ device, seq: 7, text: '{"own":7}' });
    const result = await page.evaluate((r) => window.bianmin.storage.bulk(r), imported);
    assert(result.ok, `bulk import failed: ${result.detail}`);
    assertEqual(JSON.stringify(result.progress), '[[1,1]]', 'progress of a one-chunk import');
    assertEqual((await status(page)).nextSeq, 8, 'own records imported move next seq past them');

    const generated = await page.evaluate(() => window.bianmin.storage.bulkGenerated({ device: 'generated', count: 10000 }));
    assert(generated.ok, `generated import failed: ${generated.detail}`);
    assertEqual(JSON.stringify(generated.progress), '[[1,3],[2,3],[3,3]]', 'progress of a three-chunk import (4096 per chunk)');
    const s = await stored(page);
    assertEqual(`${s.chunks} chunks, ${s.records} records`, '4 chunks, 10301 records', 'stored after imports');

    await open();
    const records = await list(page);
    assertEqual(records.length, 10301, 'records after reload');
    assertSorted(records, 'after reload');
    const sorted = [...imported].sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : a.seq - b.seq));
    assertSameRecords(records.filter((r) => r.device !== 'generated'), sorted, 'imported records after reload');
    assertEqual((await status(page)).nextSeq, 8, 'next seq after reload');
  });

  test('a damaged chunk is reported and set aside in quarantine, and the app still boots', async ({ page, open }) => {
    await open();
    await appendDurably(page, ['kept 1', 'kept 2']);
    const cases = [
      ['flip', /checksum mismatch/],
      ['truncate', /does not match its header/],
      ['version', /unknown chunk format version 99/],
      ['garbage', /not binary data/],
    ];
    let quarantined = 0;
    for (const [how, reason] of cases) {
      const records = Array.from({ length: 10 }, (_, i) => ({ device: 'damaged-' + how, seq: i + 1, text: how + ' ' + i }));
      assert((await page.evaluate((r) => window.bianmin.storage.bulk(r), records)).ok, `bulk for ${how}`);
      const key = await damageChunk(page, how);
      await open();
      const r = await report(page);
      assertEqual(r.problems.length, 1, `problems after damage "${how}" (${JSON.stringify(r.problems)})`);
      assertEqual(r.problems[0].where, 'chunk ' + key, `where the "${how}" damage was found`);
      assert(reason.test(r.problems[0].reason), `reason for "${how}": ${r.problems[0].reason}`);
      assertEqual(r.quarantinedNow, 1, `set aside by this load ("${how}")`);
      quarantined++;
      const s = await stored(page);
      assertEqual(s.quarantine, quarantined, `quarantine store after "${how}"`);
      assertEqual(s.badChunks, 0, `damaged chunks left in the chunk store after "${how}"`);
      const texts = (await list(page)).map((x) => x.text);
      assertEqual(JSON.stringify(texts), '["kept 1","kept 2"]', `records after "${how}"`);
    }
    assertEqual((await status(page)).quarantined, 4, 'status: records in quarantine');
    const lines = await bannerLines(page, '损坏');
    assert(lines.length === 1 && lines[0].includes('4'), `the banner should say 4 damaged records were set aside: ${lines}`);
    await open();  // a clean load afterwards: nothing new to report
    const r = await report(page);
    assertEqual(`${r.problems.length} problems, ${r.quarantinedNow} now, ${r.quarantinedTotal} total`,
      '0 problems, 0 now, 4 total', 'the load after quarantine');
  });

  test('damaged loose records are quarantined too, and seq numbers are never reused', async ({ page, open }) => {
    await open();
    const device = (await status(page)).device;
    await appendDurably(page, ['one', 'two', 'three']);
    await page.evaluate(() => window.bianmin.storage.compact());
    await putLoose(page, ['peer', 5], 'a string, not bytes');
    await putLoose(page, 'not-a-key', new ArrayBuffer(4));
    await damageChunk(page, 'flip');  // this device's records 1-3 go to quarantine
    await open();
    const r = await report(page);
    assertEqual(r.quarantinedNow, 3, `set aside: ${JSON.stringify(r.problems)}`);
    assert(r.problems.some((p) => /not binary data/.test(p.reason)) && r.problems.some((p) => /not \[device, seq\]/.test(p.reason)),
      `reasons: ${JSON.stringify(r.problems)}`);
    assertEqual((await list(page)).length, 0, 'records left');
    // Records 1-3 are gone from the log, but their numbers were handed out: never again.
    assertEqual((await status(page)).nextSeq, 4, 'next seq after losing the highest records');
    assertEqual((await page.evaluate((d) => window.bianmin.storage.appendAs(d, 2, 'reuse'), device)).refused, true,
      'appending an own seq below next seq');
    assertEqual((await page.evaluate(() => window.bianmin.storage.append('four'))).seq, 4, 'next append');
  });

  test('a key stored twice loads once: equal copies are duplicates, different ones are reported', async ({ page, open }) => {
    await open();
    await page.evaluate(() => window.bianmin.storage.appendAs('peer', 7, 'same'));
    await page.evaluate(() => window.bianmin.storage.appendAs('peer', 8, 'loose copy'));
    await page.evaluate(() => window.bianmin.storage.bulk([
      { device: 'peer', seq: 7, text: 'same' }, { device: 'peer', seq: 8, text: 'chunk copy' }]));
    await open();
    const r = await report(page);
    assertEqual(`${r.records} records, ${r.duplicates} duplicates, ${r.conflicts} conflicts`,
      '2 records, 1 duplicates, 1 conflicts', 'load report');
    assertEqual(r.problems.length, 1, 'problems');
    assertEqual(r.problems[0].where, 'peer#8', 'where the conflict is');
    assertEqual(JSON.stringify((await list(page)).map((x) => x.text)), '["same","chunk copy"]', 'kept copies');
  });

  test('a store the browser threw away is reported until data is imported, under a new device id', async ({ page, open, origin }) => {
    await open();
    const before = await status(page);
    await appendDurably(page, [text(1), text(2), text(3)]);
    assertEqual((await status(page)).discarded, 0, 'nothing discarded on a first start');
    // What Chromium does with a database it finds damaged: delete it, without a word to
    // the page. Done here with the app closed, from a bare page of the same origin (its
    // favicon request fails, so not a page whose console the harness watches).
    await page.goto('about:blank');
    const bare = await page.context().newPage();
    await bare.goto(`${origin}/icon.svg`);
    await bare.evaluate(() => new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase('bianmin');
      request.onsuccess = resolve;
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('the app still holds the database open'));
    }));
    await bare.close();
    await open();
    const after = await status(page);
    assertEqual((await list(page)).length, 0, 'the store is empty');
    assert(after.device !== before.device, 'a new device id: the old one\'s sequence numbers may be in the office already');
    assert(after.discarded >= 3, `the three stored records are reported as discarded: ${after.discarded}`);
    assert(after.warnings.some((w) => w.zh.includes('浏览器丢弃了本机保存的数据') && w.en.includes('threw away')),
      `a warning in both languages: ${JSON.stringify(after.warnings)}`);
    assert((await bannerLines(page, '浏览器丢弃了本机保存的数据')).length > 0, 'the banner says so');
    await open();
    assert((await status(page)).discarded >= 3, 'the warning stays after a reload');

    // Importing the office's file clears it.
    const result = await page.evaluate((d) => window.bianmin.storage.bulk([{ device: d, seq: 1, text: '{"back":1}' }]), before.device);
    assert(result.ok, `import failed: ${result.detail}`);
    assertEqual((await status(page)).discarded, 0, 'cleared by the import');
    await open();
    assertEqual((await status(page)).discarded, 0, 'still cleared after a reload');
    assertEqual((await bannerLines(page, '浏览器丢弃了本机保存的数据')).length, 0, 'no banner');
  });

  test('last export time, unsynced changes and persistence are stored and reported', async ({ page, open }) => {
    await open();
    let s = await status(page);
    assert(s.persistence === 'granted' || s.persistence === 'denied', `persistence answer: ${s.persistence}`);
    assert(s.quota > 0 && s.usage >= 0, `quota figures: ${s.usage} of ${s.quota}`);
    assertEqual(s.unsyncedSince, 0, 'unsynced since, before any change');
    await appendDurably(page, ['change']);
    await open();
    s = await status(page);
    assert(s.unsyncedSince > Date.now() - 600000, `unsynced since after a change: ${s.unsyncedSince}`);
    const exported = Date.now() - 1000;
    await page.evaluate((t) => window.bianmin.storage.setLastExport(t), exported);
    const metaValue = (key) => page.evaluate(async (key) => {
      const db = await new Promise((res) => { const r = indexedDB.open('bianmin'); r.onsuccess = () => res(r.result); });
      const value = await new Promise((res) => { db.transaction('meta').objectStore('meta').get(key).onsuccess = (e) => res(e.target.result); });
      db.close();
      return value;
    }, key);
    await eventually(async () => (await metaValue('unsyncedSince')) === 0, 'unsyncedSince cleared in the meta store');
    assertEqual(await metaValue('lastExport'), exported, 'last export in the meta store');
    await open();
    s = await status(page);
    assertEqual(s.lastExport, exported, 'last export after reload');
    assertEqual(s.unsyncedSince, 0, 'unsynced since after an export');
    // Ten days of unexported changes: the person is warned.
    await page.evaluate(async (t) => {
      const db = await new Promise((res) => { const r = indexedDB.open('bianmin'); r.onsuccess = () => res(r.result); });
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put(t, 'unsyncedSince');
      await new Promise((res) => { tx.oncomplete = res; });
      db.close();
    }, Date.now() - 10.5 * 86400000);
    await open();
    const warning = (await status(page)).warnings.find((w) => /10 days/.test(w.en));
    assert(warning && /10 天/.test(warning.zh), `no "10 days" warning in ${JSON.stringify((await status(page)).warnings)}`);
    await page.evaluate(() => window.bianmin.setLang('en'));
    assertEqual((await bannerLines(page, '10 days')).length, 1, 'the banner shows the unexported-days warning');
  });
}
