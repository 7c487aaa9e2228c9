// Boots Bianmin: fetches the fonts while the WebAssembly loads, then lets main() run.
// With ?test=1 it also builds window.bianmin, the test hook (see docs/ARCHITECTURE.md).
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const testMode = params.get('test') === '1';
  const canvas = document.getElementById('canvas');
  const statusRegion = document.getElementById('status');
  const ASSETS = ['fonts/latin.ttf', 'fonts/cjk.ttf'];

  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });

  function showFatal(zh, en) {
    const box = document.getElementById('fatal');
    box.textContent = zh + ' / ' + en;
    box.style.display = 'flex';
    document.getElementById('loading').style.display = 'none';
  }

  // Offline start: the service worker (sw.js) keeps the whole app. Browsers allow it only
  // in a secure context (https:// or localhost); the app itself says when that is missing.
  // Registered once the app is on screen, so its downloads never slow the first start.
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' })
      // Look for a new build now, not whenever the browser gets round to it: the next
      // start then runs it. Offline this simply fails.
      .then((registration) => registration.update().catch(() => {}))
      .catch((error) => console.warn('bianmin: offline start unavailable: ' + error.message));
  }

  const page = {
    testMode,
    onReady() {
      document.getElementById('loading').style.display = 'none';
      resolveReady();
      registerServiceWorker();
    },
    announce(text) { statusRegion.textContent = text; },
  };

  function fetchAsset(name) {
    return fetch(name).then((response) => {
      if (!response.ok) throw new Error(name + ': HTTP ' + response.status);
      return response.arrayBuffer();
    });
  }

  // The fonts download alongside the WebAssembly, not after it: main() waits for both.
  const assetDownloads = ASSETS.map((name) => fetchAsset(name));
  assetDownloads.forEach((download) => download.catch(() => {}));  // reported in preRun

  const Module = {
    canvas,
    bianminPage: page,
    bianminAssets: {},
    preRun: [function () {
      Module.addRunDependency('bianmin-assets');
      Promise.all(ASSETS.map((name, i) => assetDownloads[i].then((bytes) => {
        Module.bianminAssets[name] = bytes;
      }))).then(
        () => Module.removeRunDependency('bianmin-assets'),
        (error) => showFatal('无法加载字体文件，请检查网络后刷新', 'Could not load the fonts; check the network and reload (' + error.message + ')'));
    }],
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => showFatal('程序出错，请刷新页面', 'The app stopped with an error; please reload (' + what + ')'),
  };
  window.Module = Module;

  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    showFatal('显示出错（WebGL 丢失），请刷新页面', 'The display was lost (WebGL context); please reload');
  });

  if (!testMode) return;

  // ---- window.bianmin: the test hook contract (stable; other tests rely on it) -----
  // Resolves once the app has drawn `count` more frames. It skips idle animation frames
  // (web/platform/frame_pacing.h), so this wakes it and counts the frames it drew.
  function afterFrames(count) {
    const drawn = () => Module.ccall('bm_frames_drawn', 'number', [], []);
    const target = drawn() + count;
    return new Promise((resolve) => {
      const step = () => {
        if (drawn() >= target) return resolve();
        Module.ccall('bm_wake', null, [], []);
        requestAnimationFrame(step);
      };
      step();
    });
  }

  window.bianmin = {
    ready,
    ui: {
      // Every labelled widget of the last frame, in CSS pixels of the page.
      items() {
        const box = canvas.getBoundingClientRect();
        const scale = canvas.width / box.width;
        const raw = JSON.parse(Module.ccall('bm_test_items_json', 'string', [], []));
        return raw.map((item) => ({
          id: item.id, label: item.label, window: item.window, kind: item.kind,
          x: box.left + item.x / scale, y: box.top + item.y / scale,
          w: item.w / scale, h: item.h / scale,
          ...(item.value !== undefined ? { value: item.value } : {}),  // text fields
        }));
      },
    },
    pending() { return Module.ccall('bm_pending', 'number', [], []); },
    // Input events (keys, clicks) the app has received but not yet handled.
    inputPending() { return Module.ccall('bm_input_pending', 'number', [], []); },
    session() { return JSON.parse(Module.ccall('bm_session_json', 'string', [], [])); },
    lang() { return Module.ccall('bm_lang', 'string', [], []); },
    // Resolves to true once a frame in the new language has been drawn.
    setLang(code) {
      const ok = Module.ccall('bm_set_lang', 'number', ['string'], [String(code)]) === 1;
      return ok ? afterFrames(3).then(() => true) : Promise.resolve(false);
    },
    nextFrame() { return afterFrames(2); },
    // One more frame drawn by the app.
    drawnFrame() { return afterFrames(1); },
    // Test-only shortcuts (web/runtime/test_session.cpp): demo data, sign-in, screens.
    test: {
      // Resolves once the core's demo year is stored and loaded (this device registered).
      async loadDemo({ year = new Date().getFullYear() - 1, months = 12 } = {}) {
        if (Module.ccall('bm_test_load_demo', 'number', ['number', 'number'], [year, months]) !== 1) {
          throw new Error('loadDemo refused (not in test mode, or not loaded yet)');
        }
        for (;;) {
          const outcome = Module.ccall('bm_test_demo_outcome', 'string', [], []);
          if (outcome === 'done') return afterFrames(2);
          if (outcome.startsWith('failed')) throw new Error(`loadDemo ${outcome}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      // Signs in without a PIN; the demo's people: om, gm, fd1, fd2, sw1, sw2, cs1, ag1.
      signIn(person, role) {
        const ok = Module.ccall('bm_test_sign_in', 'number', ['string', 'string'], [person, role]) === 1;
        return ok ? afterFrames(2) : Promise.reject(new Error(`signIn(${person}, ${role}) refused`));
      },
      openScreen(id) {
        const ok = Module.ccall('bm_test_open_screen', 'number', ['string'], [id]) === 1;
        return ok ? afterFrames(2) : Promise.reject(new Error(`openScreen(${id}) refused`));
      },
      // The last bundle import (web/runtime/test_import_outcome.cpp): { stage, fileName,
      // errors: [{ code, field, zh, en, validUtf8 }], summary (when done) }.
      importOutcome() {
        const outcome = JSON.parse(Module.ccall('bm_test_import_outcome', 'string', [], []));
        if (outcome === null) throw new Error('importOutcome refused (not in test mode)');
        return outcome;
      },
    },
  };
})();
