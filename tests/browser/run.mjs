// Runs every browser test in tests/browser/specs/*.spec.mjs against a fresh serve.py.
//
//   node tests/browser/run.mjs [--filter TEXT]
//
// A spec module's default export receives `test(name, fn, {timeoutMs})`. Each test gets
// a fresh browser context; `fn({page, open, newPage, origin, browser})` runs it. A test
// fails on a thrown error, a console error or an uncaught exception in any of its pages.
// The last line printed is `SUITE passed=N failed=M` for tests/run.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import {
  ARTIFACTS, ROOT, launchBrowser, openApp, screenshotPath, startServer, watchErrors,
} from './lib/harness.mjs';

const args = process.argv.slice(2);
const filterIndex = args.indexOf('--filter');
const filter = filterIndex >= 0 ? args[filterIndex + 1] : null;

async function collectTests() {
  const dir = path.join(ROOT, 'tests', 'browser', 'specs');
  const tests = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.spec.mjs')).sort()) {
    const module = await import(pathToFileURL(path.join(dir, file)).href);
    module.default((name, fn, options = {}) => tests.push({ file, name, fn, timeoutMs: options.timeoutMs ?? 90000 }));
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

async function runTest(browser, server, test) {
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
    browser, page, newPage, origin: server.origin,
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

async function main() {
  const tests = await collectTests();
  const server = await startServer();
  const browser = await launchBrowser();
  let passed = 0, failed = 0;
  try {
    for (const test of tests) {
      const started = Date.now();
      try {
        await runTest(browser, server, test);
        passed++;
        console.log(`ok   - ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        console.log(`FAIL - ${test.name}\n       ${String(error.stack || error).split('\n').join('\n       ')}`);
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
  console.log(`screenshots: ${path.relative(ROOT, ARTIFACTS)}/`);
  console.log(`SUITE passed=${passed} failed=${failed}`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.log(`FAIL - harness: ${error.stack || error}`);
  console.log("SUITE passed=0 failed=1");
  process.exit(1);
});
