// Kill-and-reload trials: a burst of edits, then at a random moment either the page's
// renderer is crashed (DevTools Page.crash) or the whole browser is killed (SIGKILL of
// its process group); the app is reopened on the same profile. Every edit acknowledged
// as durable before the kill must be there with its exact content, nothing doubled, no
// holes in the sequence, and the store must open cleanly. Trials run on one profile, so
// each starts from what the previous kills left.
//
// One exception is beyond the app: Chromium sometimes throws the whole database away on
// the start after a kill (it judged it damaged). Then the app must say so — a new device
// id, the discarded count, the warning — and the trials go on from the empty store; the
// figures count these, and more than one in ten kills fails the test.
//
//   BIANMIN_KILL_TRIALS=N   number of trials (default 20; 100 with BIANMIN_LONG=1)
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { ARTIFACTS, CHROMIUM_ARGS, ROOT, openApp, watchErrors } from '../lib/harness.mjs';
import { assert, assertEqual } from '../lib/assert.mjs';
import { assertUniqueKeys } from '../lib/storage_helpers.mjs';

const TRIALS = Number(process.env.BIANMIN_KILL_TRIALS || (process.env.BIANMIN_LONG === '1' ? 100 : 20));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Our own Chromium (so we may kill it) on a persistent profile, driven over CDP. Its
// stderr is kept (the last lines) to show what it said about IndexedDB when it threw a
// database away.
async function startChromium(profile) {
  const child = spawn('/usr/bin/chromium', [
    ...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank',
  ], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stderr = [];
  child.stderr.on('data', (data) => {
    stderr.push(...String(data).split('\n').filter(Boolean));
    stderr.splice(0, Math.max(0, stderr.length - 400));
  });
  const endpoint = await new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`chromium gave no DevTools endpoint:\n${log}`)), 30000);
    child.stderr.on('data', (data) => {
      log += data;
      const match = log.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`chromium exited (${code}):\n${log}`)); });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return { child, exited, browser, context: browser.contexts()[0], stderr };
}

async function killChromium(chrome) {
  try { process.kill(-chrome.child.pid, 'SIGKILL'); } catch { /* already gone */ }
  await chrome.exited;
}

async function closeChromium(chrome) {
  await chrome.browser.close().catch(() => {});
  const timeout = sleep(10000).then(() => 'timeout');
  if (await Promise.race([chrome.exited, timeout]) === 'timeout') await killChromium(chrome);
}

// Starts appending in the page, 1-4 edits at a time with short random pauses.
function startBurst(page, trial) {
  return page.evaluate((trial) => {
    window.__sent = {};
    const { writer, nextSeq, pending } = window.bianmin.storage.status();
    window.__openedAs = { writer, nextSeq, pending, at: Math.round(performance.now()) };
    (async () => {
      for (let i = 0; i < 400; i++) {
        const texts = Array.from({ length: 1 + Math.floor(Math.random() * 4) },
          (_, j) => JSON.stringify({ trial, i, j, note: '一次编辑' }));
        const seqs = window.bianmin.storage.appendMany(texts);
        seqs.forEach((seq, j) => { window.__sent[seq] = texts[j]; });
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 6));
      }
    })();
  }, trial);
}

// Chromium deletes an IndexedDB database it finds damaged when it opens it (crbug.com/146284)
// and the app then starts as a new device. It must say so (library_storage_witness.js):
// returns the new device id when that happened and was reported, null when not.
async function discardedByBrowser(page, device, what) {
  const status = await page.evaluate(() => window.bianmin.storage.status());
  if (status.device === device) {
    assertEqual(status.discarded, 0, `${what}: a discard reported while the store kept its device`);
    return null;
  }
  assert(status.discarded > 0, `${what}: the store came back empty under a new device id and the app did not say so`);
  assert(status.warnings.some((w) => w.zh.includes('浏览器丢弃了本机保存的数据')),
    `${what}: no warning about the discarded store: ${JSON.stringify(status.warnings)}`);
  return status.device;
}

// The store after a kill: all acknowledged edits, exact content, no doubles, no holes.
async function verify(page, device, before, snapshot, trial, what) {
  const report = await page.evaluate(() => window.bianmin.storage.report());
  assertEqual(report.problems.length, 0, `${what}: load problems ${JSON.stringify(report.problems)}`);
  const status = await page.evaluate(() => window.bianmin.storage.status());
  assertEqual(`${status.code} ${status.writer}`, 'ok true', `${what}: status`);
  const records = await page.evaluate(() => window.bianmin.storage.list());
  assertUniqueKeys(records, what);
  const mine = records.filter((r) => r.device === device);
  assertEqual(mine.length, records.length, `${what}: records of other devices`);
  const present = new Map(mine.map((r) => [r.seq, r.text]));
  const missing = snapshot.acked.filter((seq) => !present.has(seq));
  if (missing.length) {
    // Say enough to tell a lost burst from a hole: which edits, and what is around them.
    const fresh = [...present.keys()].filter((seq) => !before.has(seq));
    assert(false, `${what}: ${missing.length} edit(s) acknowledged durable before the kill are missing: ` +
      `${missing.slice(0, 10).join(', ')}; acknowledged ${snapshot.acked.length} ` +
      `(${Math.min(...snapshot.acked)}–${Math.max(...snapshot.acked)}), stored now from this trial ` +
      `${fresh.length ? `${Math.min(...fresh)}–${Math.max(...fresh)}` : 'none'}; ` +
      `the page before the kill: ${JSON.stringify(snapshot.status)}`);
  }
  for (const seq of snapshot.acked) {
    assertEqual(present.get(seq), snapshot.sent[seq], `${what}: content of acknowledged edit ${seq}`);
  }
  for (const [seq, text] of present) {
    if (before.has(seq)) assertEqual(text, before.get(seq), `${what}: edit ${seq} from an earlier trial`);
    else assertEqual(JSON.parse(text).trial, trial, `${what}: edit ${seq} is not from this trial`);
  }
  for (const seq of before.keys()) assert(present.has(seq), `${what}: edit ${seq} of an earlier trial is missing`);
  mine.forEach((r, i) => assertEqual(r.seq, i + 1, `${what}: sequence numbers have a hole`));
  assertEqual(status.nextSeq, mine.length + 1, `${what}: next seq`);
  return present;
}

export default function (test) {
  test(`kill-and-reload trials (${TRIALS}): acknowledged edits survive renderer crashes and browser kills`,
    async ({ origin, log }) => {
      const profile = mkdtempSync(path.join(os.tmpdir(), 'bianmin-kill-'));
      const errors = [];
      let chrome = await startChromium(profile);
      const counts = { acked: 0, present: 0, unacked: 0, discards: 0, discardedAcked: 0, kills: 0 };
      let passed = false;
      try {
        let page = await chrome.context.newPage();
        watchErrors(page, errors);
        await openApp(page, origin);
        let device = (await page.evaluate(() => window.bianmin.storage.status())).device;
        let before = new Map();
        for (let trial = 0; trial < TRIALS; trial++) {
          const mode = trial % 2 === 0 ? 'renderer crash' : 'browser kill';
          await startBurst(page, trial);
          await sleep(30 + Math.random() * 700);
          const snapshot = await page.evaluate(() => {
            const { writer, nextSeq, pending, failed, code } = window.bianmin.storage.status();
            return { acked: window.bianmin.storage.acked(), sent: window.__sent,
              status: { code, writer, nextSeq, pending, failed, openedAs: window.__openedAs } };
          });
          if (mode === 'renderer crash') {
            page.removeAllListeners('crash');
            page.removeAllListeners('console');
            page.removeAllListeners('pageerror');
            const cdp = await page.context().newCDPSession(page);
            const crashed = page.waitForEvent('crash', { timeout: 15000 });
            cdp.send('Page.crash').catch(() => { /* the page dies before answering */ });
            await crashed;
          } else {
            await killChromium(chrome);
            counts.kills++;
            chrome = await startChromium(profile);
          }
          page = await chrome.context.newPage();
          watchErrors(page, errors);
          await openApp(page, origin);
          const what = `trial ${trial + 1} (${mode})`;
          const newDevice = await discardedByBrowser(page, device, what);
          if (newDevice) {
            const said = chrome.stderr.filter((line) => /indexeddb|leveldb|corrupt/i.test(line)).slice(-8);
            log(`       ${what}: the browser threw the database away (${before.size} stored edits, ` +
              `${snapshot.acked.length} acknowledged in this trial); the app reported it. Chromium said: ` +
              `${said.length ? said.join(' | ') : '(nothing on stderr)'}`);
            counts.discards++;
            counts.discardedAcked += before.size + snapshot.acked.length;
            device = newDevice;
            before = await verify(page, device, new Map(), { acked: [], sent: {} }, trial, `${what}, after the discard`);
            continue;
          }
          const present = await verify(page, device, before, snapshot, trial, what);
          const fresh = present.size - before.size;
          counts.acked += snapshot.acked.length;
          counts.present += fresh;
          counts.unacked += fresh - snapshot.acked.length;
          log(`       ${what}: ${snapshot.acked.length} acknowledged before the kill, ` +
            `${fresh} stored after it (${Object.keys(snapshot.sent).length} handed to storage by the snapshot)`);
          before = present;
        }
        log(`       ${TRIALS} trials: ${counts.acked} acknowledged edits, all present; ` +
          `${counts.unacked} more were stored without their acknowledgement reaching the test; ` +
          `the browser threw the whole database away after ${counts.discards} of ${counts.kills} browser kills ` +
          `(${counts.discardedAcked} edits lost with it, each time reported by the app)`);
        assert(counts.acked > 0, 'no edit was acknowledged in any trial: the trials tested nothing');
        // Seen about once in 90 kills: far more would mean we damage the database ourselves.
        assert(counts.discards <= Math.max(1, Math.floor(counts.kills / 10)),
          `the browser threw the database away after ${counts.discards} of ${counts.kills} kills`);
        assert(errors.length === 0, errors.join('\n'));
        passed = true;
      } finally {
        await closeChromium(chrome);
        if (passed) {
          rmSync(profile, { recursive: true, force: true });
        } else {
          // A failed trial's profile holds the evidence (the raw IndexedDB files): keep it.
          const kept = path.join(ARTIFACTS, `kill-profile-${Date.now()}`);
          try {
            mkdirSync(ARTIFACTS, { recursive: true });
            cpSync(profile, kept, { recursive: true });
            rmSync(profile, { recursive: true, force: true });
            log(`       the profile of the failed trial is kept in ${path.relative(ROOT, kept)}`);
          } catch (error) {
            log(`       the profile of the failed trial stays in ${profile} (${error.message})`);
          }
        }
      }
    }, { timeoutMs: 60000 + TRIALS * 30000, exclusive: true });
}
