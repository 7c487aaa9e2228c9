// Storage benchmark: the store's figures next to naive IndexedDB use, measured in the
// same page of the same run (Chromium headless, the app's own page, ?test=1).
//
//   node tests/bench/storage_bench.mjs [--records N] [--runs R] [--samples S] [--json FILE]
//                                      [--only B1,B2,B3,B7]
//
// Prints median, min and max over the runs (no timing is asserted anywhere):
//   B3  one edit → durable: window.bianmin.storage.append (C++ → IndexedDB → C++ callback)
//       vs a bare single-record IndexedDB transaction, both durability 'strict' (and the
//       bare one also 'default'), S samples each
//   B1  N records written: the bulk path (checksummed chunks, one transaction) vs one
//       IndexedDB record per event (one transaction, N puts)
//   B2  reload with N records stored: navigation → window.bianmin.ready (first frame with
//       the data loaded), and the store's own open+read+decode, vs a raw getAll of N
//       records stored one per record
//   B7  WebAssembly heap after loading N records
// Needs a web build (python3 serve.py --build-only).
import { writeFileSync } from 'node:fs';

import { launchBrowser, startServer } from '../browser/lib/harness.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RECORDS = Number(option('--records', 200000));
const RUNS = Math.max(1, Number(option('--runs', 5)));
const SAMPLES = Math.max(RUNS, Number(option('--samples', 40)));
const JSON_OUT = option('--json', null);
const ONLY = (option('--only', 'B1,B2,B3,B7')).split(',');  // e.g. --only B2,B7
const RECORD_BYTES = 190;  // a typical serialised event (≈38 MB for 200,000)

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), min: sorted[0], max: sorted[sorted.length - 1], p99: at(0.99), n: values.length };
}
const ms = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(2)) + ' ms';
const results = [];
function report(id, what, values, unit = 'ms', peer = null) {
  const s = stats(values);
  const row = { id, what, unit, ...s };
  const fmt = unit === 'ms' ? ms : (v) => (v / 1048576).toFixed(1) + ' MiB';
  let line = `${id.padEnd(4)} ${what.padEnd(58)} median ${fmt(s.median).padStart(10)}  min ${fmt(s.min).padStart(10)}  max ${fmt(s.max).padStart(10)}`;
  if (unit === 'ms' && s.n >= 20) line += `  p99 ${fmt(s.p99)}`;
  if (peer) {
    row.peer = peer.what;
    row.ratio = s.median / stats(peer.values).median;
    line += `  = ${row.ratio.toFixed(2)}× ${peer.what}`;
  }
  results.push(row);
  console.log(line);
}

// Records the moment window.bianmin.ready resolves, without touching the app's code.
const READY_PROBE = () => {
  Object.defineProperty(window, 'bianmin', {
    configurable: true,
    get() { return this.__bianmin; },
    set(value) {
      this.__bianmin = value;
      value.ready.then(() => { window.__readyAt = performance.now(); });
    },
  });
};

async function openApp(page, origin) {
  await page.goto(`${origin}/?test=1`);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 120000, polling: 50 });
  return page.evaluate(() => window.__readyAt);
}

// A bare single-record transaction in a database of its own, as an app without a
// storage layer would write one edit.
const BARE_TX = async ({ durability, samples, bytes }) => {
  const db = await new Promise((resolve) => {
    const r = indexedDB.open('bench-bare', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('log');
    r.onsuccess = () => resolve(r.result);
  });
  const times = [];
  for (let i = 0; i < samples; i++) {
    const value = 'x'.repeat(bytes);
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const tx = db.transaction('log', 'readwrite', { durability });
      tx.objectStore('log').put(value, [durability, Date.now(), i]);
      tx.oncomplete = resolve;
      tx.onabort = () => reject(tx.error);
    });
    times.push(performance.now() - started);
  }
  db.close();
  return times;
};

async function main() {
  console.log(`storage benchmark: ${RECORDS} records of ~${RECORD_BYTES} B, ${RUNS} runs, ${SAMPLES} samples for B3`);
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(READY_PROBE);
    const page = await context.newPage();
    const emptyReady = [];
    for (let run = 0; run < RUNS; run++) emptyReady.push(await openApp(page, server.origin));


    // ---- B3: one edit → durable -----------------------------------------------------
    if (ONLY.includes('B3')) {
    const appendTimes = await page.evaluate(async ({ samples, bytes }) => {
      const times = [];
      for (let i = 0; i < samples; i++) {
        const text = JSON.stringify({ i, pad: 'y'.repeat(bytes - 20) });
        const started = performance.now();
        await window.bianmin.storage.append(text);
        times.push(performance.now() - started);
      }
      return times;
    }, { samples: SAMPLES, bytes: RECORD_BYTES });
    const bareStrict = await page.evaluate(BARE_TX, { durability: 'strict', samples: SAMPLES, bytes: RECORD_BYTES });
    const bareDefault = await page.evaluate(BARE_TX, { durability: 'default', samples: SAMPLES, bytes: RECORD_BYTES });
    report('B3', 'bare single-record transaction, strict (peer)', bareStrict);
    report('B3', 'bare single-record transaction, default', bareDefault);
    report('B3', 'append → durable (store, strict)', appendTimes, 'ms', { what: 'bare strict', values: bareStrict });
    // The same two in a page that draws no frames, for how much the app's frames cost.
    const quiet = await context.newPage();
    await quiet.goto(`${server.origin}/icon.svg`);
    report('B3', 'bare single-record transaction, strict, quiet page', await quiet.evaluate(BARE_TX, { durability: 'strict', samples: SAMPLES, bytes: RECORD_BYTES }));
    report('B3', 'bare single-record transaction, default, quiet page', await quiet.evaluate(BARE_TX, { durability: 'default', samples: SAMPLES, bytes: RECORD_BYTES }));
    await quiet.close();
    }

    // ---- B1: N records written ------------------------------------------------------
    const bulkTimes = [];
    const bulkRuns = ONLY.includes('B1') ? RUNS : 1;
    for (let run = 0; run < bulkRuns; run++) {
      const result = await page.evaluate(({ count, run, size }) => window.bianmin.storage.bulkGenerated(
        { device: 'bench-' + run, count, size, tag: 'bench' }), { count: RECORDS, run, size: RECORD_BYTES });
      if (!result.ok) throw new Error('bulk write failed: ' + result.detail);
      bulkTimes.push(result.ms);
      // Keep one copy of the N records for the reload figure: start from a clean store.
      if (run < bulkRuns - 1) {
        await page.evaluate(() => new Promise((resolve) => {
          // Delete the app's database (and its witness, as clearing site data would); the
          // page is then reloaded onto an empty store.
          localStorage.removeItem('bianmin-store-witness');
          const r = indexedDB.deleteDatabase('bianmin');
          r.onsuccess = r.onerror = r.onblocked = () => resolve();
        }));
        await openApp(page, server.origin);
      }
    }
    const rawPutTimes = [];
    for (let run = 0; run < (ONLY.includes('B1') ? RUNS : 1); run++) {
      rawPutTimes.push(await page.evaluate(async ({ count, bytes, run }) => {
        await new Promise((resolve) => { const r = indexedDB.deleteDatabase('bench-raw'); r.onsuccess = r.onerror = resolve; });
        const db = await new Promise((resolve) => {
          const r = indexedDB.open('bench-raw', 1);
          r.onupgradeneeded = () => r.result.createObjectStore('log');
          r.onsuccess = () => resolve(r.result);
        });
        const pad = 'z'.repeat(bytes - 60);
        const started = performance.now();
        await new Promise((resolve, reject) => {
          const tx = db.transaction('log', 'readwrite', { durability: 'strict' });
          const log = tx.objectStore('log');
          for (let i = 0; i < count; i++) log.put(`{"id":{"device":"raw-${run}","seq":${i}},"pad":"${pad}"}`, ['raw', i]);
          tx.oncomplete = resolve;
          tx.onabort = () => reject(tx.error);
        });
        const elapsed = performance.now() - started;
        db.close();
        return elapsed;
      }, { count: RECORDS, bytes: RECORD_BYTES, run }));
    }
    if (ONLY.includes('B1')) {
    report('B1', `one record per event: ${RECORDS} puts, one transaction (peer)`, rawPutTimes);
    report('B1', `bulk path: ${RECORDS} records as chunks, one transaction`, bulkTimes, 'ms', { what: 'one record per event', values: rawPutTimes });
    const megabytes = (RECORDS * RECORD_BYTES) / 1e6;
    console.log(`     (bulk path: ${(megabytes / (stats(bulkTimes).median / 1000)).toFixed(0)} MB/s of record bytes)`);
    }

    // ---- B2: reload with N records stored -------------------------------------------
    const readyTimes = [], storeTimes = [], decodeTimes = [], heap = [];
    let stages = null;
    for (let run = 0; run < RUNS; run++) {
      readyTimes.push(await openApp(page, server.origin));
      const r = await page.evaluate(() => ({
        report: window.bianmin.storage.report(), timings: window.bianmin.storage.timings(),
        heap: window.bianmin.storage.heapBytes(),
      }));
      if (r.report.records < RECORDS) throw new Error(`only ${r.report.records} records loaded`);
      storeTimes.push(r.report.readMs + r.report.decodeMs);
      decodeTimes.push(r.report.decodeMs);
      heap.push(r.heap);
      stages = r.timings;
    }
    const rawGetAll = [];
    for (let run = 0; run < RUNS; run++) {
      rawGetAll.push(await page.evaluate(async () => {
        const db = await new Promise((resolve) => { const r = indexedDB.open('bench-raw'); r.onsuccess = () => resolve(r.result); });
        const started = performance.now();
        const values = await new Promise((resolve) => { db.transaction('log').objectStore('log').getAll().onsuccess = (e) => resolve(e.target.result); });
        const elapsed = performance.now() - started;
        db.close();
        if (!values.length) throw new Error('nothing stored');
        return elapsed;
      }));
    }
    report('B2', `raw getAll of ${RECORDS} records stored one per record (peer)`, rawGetAll);
    report('B2', `store open + read + check + decode of ${RECORDS} records`, storeTimes, 'ms', { what: 'raw getAll', values: rawGetAll });
    report('B2', '  of which C++ decode, sort, de-duplicate', decodeTimes);
    report('B2', 'page navigation → ready, empty store', emptyReady);
    report('B2', 'page navigation → ready (first frame, data loaded)', readyTimes, 'ms', { what: 'raw getAll', values: rawGetAll });
    console.log(`     (stages of the last load, ms after bianmin.js started: ${JSON.stringify(stages, (k, v) => typeof v === 'number' ? Math.round(v) : v)})`);
    report('B7', `WebAssembly heap with ${RECORDS} records loaded (test mode keeps a copy)`, heap, 'bytes');
  } finally {
    await browser.close();
    server.stop();
  }
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ date: new Date().toISOString(), records: RECORDS, runs: RUNS, results }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
