// Runs every browser test in tests/browser/specs/*.spec.mjs against a fresh serve.py.
//
//   node tests/browser/run.mjs [--filter TEXT] [--jobs N]
//
// A spec module's default export receives `test(name, fn, {timeoutMs, exclusive})`. Each
// test gets fresh browser contexts; `fn({page, open, newPage, origin, browser, log})` runs
// it. A test fails on a thrown error, a console error or an uncaught exception in any of
// its pages.
//
// --jobs N runs up to N tests at once (default: 2 on a machine with at least 2 cores, else
// 1; --jobs 1 is one after another). Each job has its own browser: one browser's GPU
// process (SwiftShader) draws the frames of all its pages in turn, so two jobs on one
// browser were measured to gain much less (927 s against 746 s for the suite).
// A test declared `exclusive: true` (it kills browsers, or measures time) runs alone: the
// tests before it finish first and the next ones wait for it. Results are printed in test
// order, one line each, whatever order they finish in; `log(line)` in a test prints
// with its result. The last line is `SUITE passed=N failed=M` for tests/run.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import {
  ARTIFACTS, ROOT, launchBrowser, openApp, screenshotPath, startServer, watchErrors,
} from './lib/harness.mjs';

const args = process.argv.slice(2);
function option(name) {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : null;
}
const filter = option('--filter');
const jobs = option('--jobs') !== null ? Number(option('--jobs')) : (os.cpus().length >= 2 ? 2 : 1);
if (!Number.isInteger(jobs) || jobs < 1) {
  console.log(`FAIL - harness: --jobs needs a whole number ≥ 1, got ${option('--jobs')}`);
  console.log('SUITE passed=0 failed=1');
  process.exit(1);
}

async function collectTests() {
  const dir = path.join(ROOT, 'tests', 'browser', 'specs');
  const tests = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.spec.mjs')).sort()) {
    const module = await import(pathToFileURL(path.join(dir, file)).href);
    module.default((name, fn, options = {}) => tests.push({
      file, name, fn, timeoutMs: options.timeoutMs ?? 90000, exclusive: options.exclusive === true,
    }));
  }
  return filter ? tests.filter((t) => t.name.includes(filter) || t.file.includes(filter)) : tests;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runTest(browser, server, test, log) {
  const errors = [];
  const contexts = [];
  async function newPage(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    contexts.push(context);
    const page = await context.newPage();
    watchErrors(page, errors);
    return page;
  }
  const page = await newPage();
  const ctx = {
    browser, page, newPage, origin: server.origin, log,
    open: (query = '', target = page) => openApp(target, server.origin, query),
  };
  try {
    await withTimeout(test.fn(ctx), test.timeoutMs, `"${test.name}"`);
    if (errors.length) throw new Error(errors.join('\n'));
  } finally {
    await page.screenshot({ path: screenshotPath(test.name) }).catch(() => {});
    for (const context of contexts) await context.close().catch(() => {});
  }
}

// Prints each test's lines in test order: a test's lines wait until every test before it
// is printed; the test at the head prints as it goes.
function orderedPrinter(count) {
  const pending = Array.from({ length: count }, () => ({ lines: [], done: false }));
  let head = 0;
  const flush = () => {
    while (head < count) {
      const entry = pending[head];
      for (const line of entry.lines) console.log(line);
      entry.lines = [];
      if (!entry.done) return;
      head++;
    }
  };
  return {
    line(index, text) { pending[index].lines.push(text); flush(); },
    finish(index, text) { pending[index].lines.push(text); pending[index].done = true; flush(); },
  };
}

// Runs tests[i] through `run(i, slot)` (which never throws), at most `jobs` at a time in
// slots 0..jobs-1, exclusive tests alone, starting them in test order.
async function schedule(tests, jobs, run) {
  const running = new Set();
  const free = Array.from({ length: jobs }, (_, slot) => slot);
  const start = (index) => {
    const slot = free.shift();
    const job = run(index, slot).finally(() => { running.delete(job); free.push(slot); });
    running.add(job);
    return job;
  };
  for (let index = 0; index < tests.length; index++) {
    if (tests[index].exclusive) {
      await Promise.all(running);
      await start(index);
      continue;
    }
    while (running.size >= jobs) await Promise.race(running);
    start(index);
  }
  await Promise.all(running);
}

async function main() {
  const tests = await collectTests();
  const server = await startServer();
  const browsers = [];
  for (let slot = 0; slot < Math.max(1, Math.min(jobs, tests.length)); slot++) browsers.push(await launchBrowser());
  const printer = orderedPrinter(tests.length);
  const suiteStarted = Date.now();
  let passed = 0, failed = 0;
  try {
    await schedule(tests, jobs, async (index, slot) => {
      const test = tests[index];
      const started = Date.now();
      try {
        await runTest(browsers[slot], server, test, (text) => printer.line(index, text));
        passed++;
        printer.finish(index, `ok   - ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        printer.finish(index, `FAIL - ${test.name}\n       ${String(error.stack || error).split('\n').join('\n       ')}`);
      }
    });
  } finally {
    for (const browser of browsers) await browser.close();
    server.stop();
  }
  console.log(`wall time: ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s for ${tests.length} tests, --jobs ${jobs}`);
  console.log(`screenshots: ${path.relative(ROOT, ARTIFACTS)}/`);
  console.log(`SUITE passed=${passed} failed=${failed}`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.log(`FAIL - harness: ${error.stack || error}`);
  console.log("SUITE passed=0 failed=1");
  process.exit(1);
});
