// Helpers for the storage browser tests (window.bianmin.storage, see docs/STORAGE.md).
import { assert, assertEqual } from './assert.mjs';

export const status = (page) => page.evaluate(() => window.bianmin.storage.status());
export const list = (page) => page.evaluate(() => window.bianmin.storage.list());
export const report = (page) => page.evaluate(() => window.bianmin.storage.report());
export const stored = (page) => page.evaluate(() => window.bianmin.storage.stored());
export const digest = (page) => page.evaluate(() => window.bianmin.storage.digest());
export const pending = (page) => page.evaluate(() => window.bianmin.pending());

// Appends texts (one transaction each) and waits until every one is durable.
export async function appendDurably(page, texts) {
  const seqs = await page.evaluate((t) => window.bianmin.storage.appendMany(t), texts);
  assert(seqs.every((s) => s > 0), `appends refused: ${JSON.stringify(seqs)}`);
  await page.waitForFunction(() => window.bianmin.pending() === 0, null, { timeout: 60000 });
  return seqs;
}

// Polls check() (which may be async) until it returns something truthy; returns that.
// (page.waitForFunction treats a returned Promise as truthy, so async checks go here.)
export async function eventually(check, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Fails if a (device, seq) key appears twice.
export function assertUniqueKeys(records, what) {
  const seen = new Set();
  for (const r of records) {
    const key = `${r.device}#${r.seq}`;
    assert(!seen.has(key), `${what}: key ${key} appears twice`);
    seen.add(key);
  }
}

// Fails unless the list is sorted by (device, seq).
export function assertSorted(records, what) {
  for (let i = 1; i < records.length; i++) {
    const a = records[i - 1], b = records[i];
    assert(a.device < b.device || (a.device === b.device && a.seq < b.seq),
      `${what}: ${a.device}#${a.seq} comes before ${b.device}#${b.seq}`);
  }
}

// Compares two record lists on (device, seq, text).
export function assertSameRecords(actual, expected, what) {
  const strip = (rs) => rs.map((r) => `${r.device}#${r.seq}=${r.text}`);
  const a = strip(actual), e = strip(expected);
  assertEqual(a.length, e.length, `${what}: record count`);
  for (let i = 0; i < a.length; i++) assertEqual(a[i], e[i], `${what}: record ${i}`);
}

// The labels of ui.items() that contain the text (after the next frame).
export async function bannerLines(page, needle) {
  await page.evaluate(() => window.bianmin.nextFrame());
  const items = await page.evaluate(() => window.bianmin.ui.items());
  return items.filter((i) => i.kind === 'text' && i.label.includes(needle)).map((i) => i.label);
}

// Changes one stored chunk directly in IndexedDB (as a torn write or bit rot would).
// how: 'flip' a payload byte, 'truncate', 'version' (set format version 99), 'garbage'.
export function damageChunk(page, how) {
  return page.evaluate(async (how) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('bianmin');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('chunks', 'readwrite');
    const chunks = tx.objectStore('chunks');
    const keys = await new Promise((resolve) => { chunks.getAllKeys().onsuccess = (e) => resolve(e.target.result); });
    const key = keys[0];
    const value = await new Promise((resolve) => { chunks.get(key).onsuccess = (e) => resolve(e.target.result); });
    let changed;
    if (how === 'flip') {
      changed = value.slice(0);
      const bytes = new Uint8Array(changed);
      bytes[Math.floor(bytes.length / 2)] ^= 0x20;
    } else if (how === 'truncate') {
      changed = value.slice(0, Math.floor(value.byteLength / 2));
    } else if (how === 'version') {
      changed = value.slice(0);
      new DataView(changed).setUint32(4, 99, true);
    } else {
      changed = 'not a chunk at all';
    }
    chunks.put(changed, key);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
    db.close();
    return key;
  }, how);
}

// Puts a value straight into the loose log store under a key.
export function putLoose(page, key, value) {
  return page.evaluate(async ({ key, value }) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('bianmin');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('log', 'readwrite');
    tx.objectStore('log').put(value, key);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
    db.close();
  }, { key, value });
}
