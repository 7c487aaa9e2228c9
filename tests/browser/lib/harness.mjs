// The browser-test harness: serve.py on a free port, Debian's chromium through
// playwright-core (never a downloaded browser), one fresh context per test, console
// errors and uncaught exceptions fail the test, a screenshot per test.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { decodePng, distinctColours } from './png.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts', 'browser');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs, server) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`serve.py exited with ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export async function startServer() {
  const port = await freePort();
  const server = spawn('python3', ['serve.py', '--port', String(port), '--no-build', '--quiet'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (d) => { log += d; });
  server.stderr.on('data', (d) => { log += d; });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(origin + '/', 20000, server);
  } catch (error) {
    server.kill();
    throw new Error(`${error.message}\n${log}`);
  }
  return { origin, port, stop: () => server.kill(), log: () => log };
}

export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

// Watches a page for console errors and uncaught exceptions.
export function watchErrors(page, sink) {
  page.on('console', (message) => {
    if (message.type() === 'error') sink.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => sink.push(`uncaught exception: ${error.message}`));
  page.on('crash', () => sink.push('the page crashed'));
}

// Opens the app with the test hook and waits until window.bianmin.ready resolves.
export async function openApp(page, origin, query = '') {
  const url = `${origin}/?test=1${query ? '&' + query : ''}`;
  await page.goto(url);
  await page.waitForFunction(() => window.bianmin !== undefined, null, { timeout: 30000 });
  await page.evaluate(() => window.bianmin.ready);
}

// Fails unless the canvas shows more than a flat background.
export async function expectCanvasNotBlank(page, minColours = 8) {
  const png = decodePng(await page.locator('#canvas').screenshot());
  const colours = distinctColours(png);
  if (colours < minColours) {
    throw new Error(`the canvas looks blank: ${colours} distinct colours (${png.width}×${png.height})`);
  }
  return colours;
}

export function screenshotPath(testName) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const safe = testName.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120);
  return path.join(ARTIFACTS, `${safe}.png`);
}
