// B1–B5 and B7 in Chromium headless: the app's own page (?test=1) and its peers, measured
// in the same run. Every figure is measured by its own function; a failure leaves that
// figure missing (with the error) and the others still run.
//
// Order matters, because the later figures reuse the store the earlier ones filled:
//   B5 (fresh profiles) → B1's bundle (fresh profiles) → B1 (imports into an empty store, R times; the last one stays)
//   → device registration → B2 + B7 (reloads) → B3 (edits) → B4 (scrolling).
import { launchBrowser } from '../../browser/lib/harness.mjs';
import { clickItem, settle } from '../../browser/lib/widgets.mjs';

// Before any page script: when window.bianmin.ready resolves (ms after navigation), and
// the main-thread time of every requestAnimationFrame callback while window.__frames is
// an array — the app's frame and the peers' frames are timed the same way.
const INIT_SCRIPT = () => {
  Object.defineProperty(window, 'bianmin', {
    configurable: true,
    get() { return this.__bianminHook; },
    set(value) {
      this.__bianminHook = value;
      value.ready.then(() => { window.__readyAt = performance.now(); });
    },
  });
  const requestFrame = window.requestAnimationFrame.bind(window);
  window.__frames = null;
  window.__frameStarts = null;
  window.requestAnimationFrame = (callback) => requestFrame((time) => {
    const started = performance.now();
    if (window.__frameStarts) window.__frameStarts.push(started);
    callback(time);
    if (window.__frames) window.__frames.push(performance.now() - started);
  });
};

const READY_TIMEOUT = Number(process.env.BIANMIN_BENCH_READY_TIMEOUT || 120000);

async function openApp(page, origin, query = '') {
  await page.goto(`${origin}/?test=1${query}`);
  try {
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: READY_TIMEOUT, polling: 50 });
  } catch (error) {
    // Say what the page shows instead of a bare timeout.
    const shown = await page.evaluate(() => ['loading', 'fatal'].map((id) => {
      const box = document.getElementById(id);
      return box && box.offsetParent !== null ? `${id}: ${box.innerText.replace(/\s+/g, ' ').slice(0, 200)}` : '';
    }).filter(Boolean).join('; ')).catch(() => 'the page did not answer');
    throw new Error(`not ready after ${READY_TIMEOUT / 1000} s (${shown || 'nothing shown'})`);
  }
  return page.evaluate(() => window.__readyAt);
}

async function deleteAppStore(page, origin) {
  await page.goto(`${origin}/blank`);
  await page.evaluate(() => new Promise((resolve, reject) => {
    localStorage.removeItem('bianmin-store-witness');  // as clearing site data would: a new device, not a lost one
    const request = indexedDB.deleteDatabase('bianmin');
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the app store is still open elsewhere'));
  }));
}

// Waits in the page for a C++ outcome string ("done" / "failed: …").
const WAIT_OUTCOME = async () => {
  for (;;) {
    const outcome = window.Module.ccall('bm_bench_outcome', 'string', [], []);
    if (outcome === 'done') return;
    if (outcome.startsWith('failed')) throw new Error(outcome);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

// ---- B1: import, whole path, vs JSON.parse ---------------------------------------------
const IMPORT_IN_PAGE = async ({ url, waitOutcome }) => {
  const wait = new Function(`return (${waitOutcome})`)();
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let started = performance.now();
  const parsed = JSON.parse(new TextDecoder().decode(bytes));
  const jsonMs = performance.now() - started;
  const Module = window.Module;
  started = performance.now();
  const pointer = Module._malloc(bytes.length);
  Module.HEAPU8.set(bytes, pointer);
  const accepted = Module.ccall('bm_bench_import', 'number', ['number', 'number'], [pointer, bytes.length]);
  Module._free(pointer);  // parsed synchronously: the bytes are no longer needed
  if (accepted !== 1) throw new Error('bm_bench_import refused (not test mode or not loaded)');
  await wait();
  const appMs = performance.now() - started;
  return { bytes: bytes.length, events: parsed.events.length, jsonMs, appMs,
    parseMs: Module.ccall('bm_bench_parse_ms', 'number', [], []) };
};

// ---- B1, second figure: the office bundle dropped on the set-up screen --------------------
// Frame gaps come from INIT_SCRIPT's requestAnimationFrame wrapper: __frameStarts holds the
// start time of every animation frame callback while it is an array.
const IMPORT_BUNDLE_IN_PAGE = async ({ url, timeoutMs }) => {
  const bytes = await (await fetch(url)).arrayBuffer();
  const expected = JSON.parse(new TextDecoder().decode(bytes)).events.length;
  const data = new DataTransfer();
  data.items.add(new File([bytes], 'office.json', { type: 'application/json' }));
  window.__frameStarts = [];
  const started = performance.now();
  const canvas = document.getElementById('canvas');
  canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
  canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (window.bianmin.session().events >= expected && window.bianmin.pending() === 0) break;
    if (performance.now() - started > timeoutMs) throw new Error(`bundle import: ${window.bianmin.session().events} of ${expected} events after ${timeoutMs / 1000} s`);
  }
  const total = performance.now() - started;
  const starts = [started, ...window.__frameStarts];
  window.__frameStarts = null;
  const gaps = [];
  for (let i = 1; i < starts.length; i++) gaps.push(starts[i] - starts[i - 1]);
  gaps.sort((a, b) => b - a);
  return { total, longest: gaps[0] || total, gaps: gaps.slice(0, 5).map((g) => Math.round(g)), frames: starts.length - 1,
    events: expected, bytes: bytes.byteLength };
};

// ---- B7: WebAssembly memory once it stops growing (at most 20 s) --------------------------
const SETTLED_HEAP = async () => {
  const heap = () => window.Module.HEAP8.length;
  let last = heap(), stableSince = performance.now();
  const started = stableSince;
  while (performance.now() - stableSince < 2000 && performance.now() - started < 20000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (heap() !== last) { last = heap(); stableSince = performance.now(); }
  }
  return last;
};

// ---- B2's peer: the same events, one IndexedDB record each ------------------------------
const STORE_RAW = async ({ url }) => {
  const events = JSON.parse(await (await fetch(url)).text()).events;
  await new Promise((resolve) => { const r = indexedDB.deleteDatabase('bench-raw'); r.onsuccess = r.onerror = resolve; });
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('bench-raw', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('log');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('log', 'readwrite');
    const log = tx.objectStore('log');
    events.forEach((event, i) => log.put(JSON.stringify(event), i));
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error);
  });
  db.close();
  return events.length;
};

const GET_ALL_RAW = async () => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('bench-raw');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const started = performance.now();
  const values = await new Promise((resolve, reject) => {
    const request = db.transaction('log').objectStore('log').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const ms = performance.now() - started;
  db.close();
  return { ms, count: values.length };
};

// ---- B3: one edit → durable, vs a bare single-record transaction ------------------------
const EDITS = async ({ samples }) => {
  const nextTask = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
  // Besides the whole time: the synchronous part (command checks, ledger, hand-off to
  // IndexedDB), the frames the app drew while the write was under way and the main-thread
  // time of those frames (requestAnimationFrame callbacks, timed by INIT_SCRIPT).
  const times = [], command = [], frames = [], frameMs = [];
  const drawn = () => window.Module.ccall('bm_frames_drawn', 'number', [], []);
  for (let i = 0; i < samples; i++) {
    const framesBefore = drawn();
    window.__frames = [];
    const started = performance.now();
    if (window.Module.ccall('bm_bench_edit', 'number', [], []) !== 1) throw new Error('bm_bench_edit: the command was refused');
    command.push(performance.now() - started);
    while (window.bianmin.pending() > 0) await nextTask();
    times.push(performance.now() - started);
    frames.push(drawn() - framesBefore);
    frameMs.push(window.__frames.reduce((sum, ms) => sum + ms, 0));
    window.__frames = null;
  }
  return { times, command, frames, frameMs };
};

const BARE_TRANSACTIONS = async ({ samples }) => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('bench-bare', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('log');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const times = [];
  for (let i = 0; i < samples; i++) {
    const value = JSON.stringify({ sample: i, note: 'bench', at: Date.now() });
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const tx = db.transaction('log', 'readwrite', { durability: 'strict' });  // as the store writes
      tx.objectStore('log').put(value, i);
      tx.oncomplete = resolve;
      tx.onabort = () => reject(tx.error);
    });
    times.push(performance.now() - started);
  }
  db.close();
  return times;
};

// ---- B4: frames while scrolling ---------------------------------------------------------
async function scrollFrames(page, point, frames) {
  await page.mouse.move(point.x, point.y);
  await page.evaluate(() => { window.__frames = []; });
  for (let i = 0; i < frames; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(15);
  }
  return page.evaluate(() => { const times = window.__frames; window.__frames = null; return times; });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// ---- the whole browser part --------------------------------------------------------------
// options: {origin, serverLog, dataUrl, runs, samples, frames, b4Screen}
// Returns {figures: {B1: {...}, ...}, notes: []}. Each entry: {values, peer, error?, ...}.
export async function browserFigures(options) {
  const { origin, runs } = options;
  const out = {};
  const notes = [];
  const attempt = async (id, body) => {
    if (options.only && !options.only.includes(id)) return;  // --only: another figure is investigated
    console.error(`== ${id} (${new Date().toISOString().slice(11, 19)})`);
    try {
      await body();
    } catch (error) {
      out[id] = { ...(out[id] || {}), error: String(error.message || error).split('\n')[0] };
      console.error(`${id}: ${error.stack || error}`);
    }
  };
  const browser = await launchBrowser();
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    await context.addInitScript(INIT_SCRIPT);
    return context;
  };
  try {
    // B5: cold start in a fresh profile each time (nothing cached, no service worker).
    await attempt('B5', async () => {
      const app = { ms: [], bytes: [] }, minimal = { ms: [], bytes: [] };
      let files = [];
      for (let run = 0; run < runs; run++) {
        for (const [target, path, readyAt] of [[app, '/?test=1', '__readyAt'], [minimal, '/bench/minimal.html', null]]) {
          const context = await newContext();
          const page = await context.newPage();
          const from = options.serverLog.length;
          await page.goto(origin + path);
          if (readyAt) await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: READY_TIMEOUT, polling: 20 });
          const at = await page.evaluate(async () => {
            const ready = window.__readyAt !== undefined ? window.__readyAt : await window.benchReadyAt;
            return { ready, epoch: performance.timeOrigin + ready };
          });
          const loaded = options.serverLog.slice(from).filter((e) => e.endedAt && e.endedAt <= at.epoch + 1);
          target.ms.push(at.ready);
          target.bytes.push(loaded.reduce((sum, e) => sum + e.bytes, 0));
          if (target === app) files = loaded.map((e) => `${e.path} ${(e.bytes / 1024).toFixed(0)} KiB`);
          await context.close();
        }
      }
      out.B5 = { app, minimal, files };
    });

    // B1, second figure: the office bundle through the set-up screen of a fresh device, as
    // a tablet joins; how long the import takes and the longest time without a frame.
    if (options.bundleUrl) {
      await attempt('B1bundle', async () => {
        const total = [], longest = [], frames = [];
        let events = 0, bytes = 0, gapsByRun = [];
        for (let run = 0; run < runs; run++) {
          const context = await newContext();
          const page = await context.newPage();
          await openApp(page, origin);
          await settle(page);
          await clickItem(page, '加入小区（平板或手机）', 'tab');
          await settle(page);
          const r = await page.evaluate(IMPORT_BUNDLE_IN_PAGE, { url: options.bundleUrl, timeoutMs: READY_TIMEOUT * 3 });
          await context.close();
          total.push(r.total);
          longest.push(r.longest);
          frames.push(r.frames);
          gapsByRun.push({ longest: r.longest, gaps: r.gaps });
          events = r.events;
          bytes = r.bytes;
        }
        gapsByRun.sort((a, b) => a.longest - b.longest);
        const gaps = gapsByRun[gapsByRun.length >> 1].gaps;
        out.B1bundle = { total, longest, frames, events, bytes, gaps };
      });
    }

    const context = await newContext();
    const page = await context.newPage();
    // What the app's page says when a figure goes missing (first few messages only).
    const said = (text) => { if (notes.length < 8 && !/Service Worker|offline start/.test(text)) notes.push(`app page: ${text.slice(0, 300)}`); };
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') said(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => said(`uncaught: ${e.message}`));
    page.on('crash', () => said('the page crashed'));

    // B1: R imports, each into an empty store; the last import stays for the figures below.
    await attempt('B1', async () => {
      const results = [];
      for (let run = 0; run < runs; run++) {
        await deleteAppStore(page, origin);
        await openApp(page, origin);
        results.push(await page.evaluate(IMPORT_IN_PAGE, { url: options.dataUrl, waitOutcome: WAIT_OUTCOME.toString() }));
      }
      out.B1 = { results };
      const registered = await page.evaluate(async (waitOutcome) => {
        if (window.Module.ccall('bm_bench_register_device', 'number', [], []) !== 1) return false;
        await new Function(`return (${waitOutcome})`)()();
        return true;
      }, WAIT_OUTCOME.toString());
      if (!registered) throw new Error('could not register this device on the imported data');
    });

    // B2 + B7: reloads with the data stored, vs getAll of the events stored one per record.
    await attempt('B2', async () => {
      const stored = await page.evaluate(STORE_RAW, { url: options.dataUrl });
      const ready = [], heap = [], getAll = [];
      // B7 first, on the page as people open it (no test mode: its storage test API keeps
      // a copy of every record); the test-mode reloads after it leave the page for B3.
      // Ready is when the loading overlay goes; the font files asked for after it still
      // grow the atlas, so wait until the memory has not grown for 2 s.
      const heapPlain = [];
      for (let run = 0; run < runs; run++) {
        await page.goto(`${origin}/`);
        await page.waitForFunction(() => document.getElementById('loading').style.display === 'none',
          null, { timeout: READY_TIMEOUT, polling: 50 });
        heapPlain.push(await page.evaluate(SETTLED_HEAP));
      }
      let session = null;
      for (let run = 0; run < runs; run++) {
        ready.push(await openApp(page, origin));
        const r = await page.evaluate(() => ({ session: window.bianmin.session(), heap: window.bianmin.storage.heapBytes() }));
        if (!r.session.loaded) throw new Error('ready resolved before the session was loaded');
        if (r.session.events < stored) throw new Error(`only ${r.session.events} of ${stored} events loaded`);
        session = r.session;
        heap.push(r.heap);
      }
      for (let run = 0; run < runs; run++) {
        const r = await page.evaluate(GET_ALL_RAW);
        if (r.count !== stored) throw new Error(`getAll found ${r.count} of ${stored}`);
        getAll.push(r.ms);
      }
      out.B2 = { ready, getAll, stored, events: session.events, anomalies: session.anomalies };
      out.B7 = { heap: heapPlain, heapTestMode: heap };
    });

    // B3: edits through session::run until durable, vs bare transactions, same page.
    await attempt('B3', async () => {
      const edits = await page.evaluate(EDITS, { samples: options.samples });
      const bare = await page.evaluate(BARE_TRANSACTIONS, { samples: options.samples });
      out.B3 = { edits: edits.times, command: edits.command, frames: edits.frames, frameMs: edits.frameMs, bare };
    });

    // B4: the busiest table screen while scrolling, vs the bare 200k-row table page.
    await attempt('B4', async () => {
      const app = [], peer = [], peerOwn = [];
      let screen = options.b4Screen;
      for (let run = 0; run < runs; run++) {
        let point;
        if (screen === 'gallery') {
          await openApp(page, origin, '&screen=gallery');
          point = await page.evaluate(() => {
            const items = window.bianmin.ui.items();
            const cell = items.find((i) => /gallery-rows/.test(i.id || '') || /gallery-rows/.test(i.window || ''));
            const header = cell || items.find((i) => /col_number|No\.|编号|序号/.test(i.label || ''));
            return header ? { x: header.x + 40, y: header.y + 120 } : null;
          });
          if (!point) throw new Error('the gallery table was not found on screen');
        } else {
          await openApp(page, origin);
          const signedIn = await page.evaluate(() => window.Module.ccall('bm_bench_sign_in', 'number', ['string'], ['office_manager']));
          if (signedIn !== 1) throw new Error('could not sign in as the office manager');
          await page.evaluate((id) => window.bianmin.test.openScreen(id), screen);
          // The lists screen: its Registers tab, the whole period, the first register kind.
          await page.evaluate(() => window.bianmin.setLang('en'));
          const tab = await page.evaluate(() => window.bianmin.ui.items().find((i) => i.label === 'Registers'));
          if (!tab) throw new Error(`no Registers tab on the ${screen} screen`);
          await page.mouse.click(tab.x + tab.w / 2, tab.y + tab.h / 2);
          await page.evaluate(() => window.bianmin.nextFrame());
          const combo = await page.evaluate(() => window.bianmin.ui.items().find((i) => i.label === 'Register'));
          if (!combo) throw new Error(`no register list on the ${screen} screen`);
          point = { x: combo.x + 100, y: combo.y + 220 };  // inside the 12-row table below the choices
        }
        await page.waitForTimeout(300);
        const times = await scrollFrames(page, point, options.frames);
        if (times.length < 3) throw new Error(`only ${times.length} frames drawn while scrolling`);
        app.push(median(times));

        const peerPage = await context.newPage();
        await peerPage.goto(`${origin}/bench/table.html`);
        await peerPage.evaluate(() => window.benchReadyAt);
        await peerPage.evaluate((frames) => { window.__frames = []; window.Module._bench_table_record(frames); }, options.frames);
        await peerPage.waitForFunction((frames) => window.Module._bench_table_recorded() >= frames, options.frames, { polling: 50 });
        const r = await peerPage.evaluate(() => ({ wrapped: window.__frames, own: JSON.parse(window.Module.UTF8ToString(window.Module._bench_table_times())) }));
        peer.push(median(r.wrapped));
        peerOwn.push(median(r.own));
        await peerPage.close();
      }
      out.B4 = { app, peer, peerOwn, screen };
    });
    await context.close();
  } finally {
    await browser.close();
  }
  return { figures: out, notes };
}
