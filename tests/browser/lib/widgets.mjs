// Helpers for tests of the platform widgets, mostly on the test-only gallery screen
// (?test=1&screen=gallery, web/screens/screen_gallery.cpp). Everything goes through
// window.bianmin and the page, as a person would: click where ui.items() says, type.
import { assert, findItem } from './assert.mjs';

export const TEXT_INPUT = '#bianmin-text-input';

// Opens the gallery and waits until its layout stops moving.
export async function openGallery(open, section = 'fields', extra = '', page = null) {
  await open(`screen=gallery&section=${section}${extra ? '&' + extra : ''}`);
  if (page) await settle(page);
}

// Waits until the app has handled every input event it was sent and two frames in a row
// lay out the same items in the same places: banners that appear just after start (e.g.
// about storage) move everything below them, and ImGui takes typed keys one a frame, so
// on a busy machine text typed a moment ago may still be arriving — with it a field's
// "invalid" line that comes and goes and moves the fields below (a click aimed from the
// layout of that moment landed between two fields). The comparison runs inside the page,
// one app frame apart, so it costs one round trip, not two per frame.
export async function settle(page, timeoutMs = 5000) {
  await page.evaluate(async (ms) => {
    const layout = () => JSON.stringify(window.bianmin.ui.items().map((i) => [i.label, Math.round(i.x), Math.round(i.y)]));
    const deadline = performance.now() + ms;
    let previous = layout();
    while (performance.now() < deadline) {
      await window.bianmin.drawnFrame();
      const now = layout();
      if (now === previous && window.bianmin.inputPending() === 0) return;
      previous = now;
    }
  }, timeoutMs);
}

// Resolves after the app has drawn one more frame (window.bianmin.nextFrame() waits for two).
export function frame(page) {
  return page.evaluate(() => window.bianmin.drawnFrame());
}

// Two app frames: enough for ImGui to take a mouse press in one and its release in the next.
export function nextFrame(page) {
  return page.evaluate(() => window.bianmin.nextFrame());
}

export function items(page) {
  return page.evaluate(() => window.bianmin.ui.items());
}

export async function item(page, label, kind) {
  return findItem(await items(page), label, kind);
}

export function centre(it) {
  return { x: it.x + it.w / 2, y: it.y + it.h / 2 };
}

// Polls ui.items() until `predicate(items)` returns something truthy; returns it.
export async function waitForItems(page, predicate, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  let last = [];
  while (Date.now() < deadline) {
    last = await items(page);
    const found = predicate(last);
    if (found) return found;
    await frame(page);
  }
  const seen = last.map((i) => `${i.kind}:${i.label}${i.value !== undefined ? '=' + JSON.stringify(i.value) : ''}`);
  throw new Error(`timed out waiting for ${what}; items: ${seen.join(', ')}`);
}

export async function clickItem(page, label, kind) {
  await settle(page);
  const it = await item(page, label, kind);
  await clickAt(page, centre(it));
  return it;
}

// At least one more frame drawn, and every input event the app was sent handled by then.
export function inputHandled(page, timeoutMs = 5000) {
  return page.evaluate(async (ms) => {
    const deadline = performance.now() + ms;
    do await window.bianmin.drawnFrame();
    while (window.bianmin.inputPending() > 0 && performance.now() < deadline);
  }, timeoutMs);
}

// Hover first, as a hand does: ImGui lets items that allow overlap (tabs, table rows) take
// a click only if they were hovered in the frame before. Then press and release, and wait
// until ImGui has taken both (one frame each).
export async function clickAt(page, { x, y }) {
  await page.mouse.move(x, y);
  await inputHandled(page);
  await page.mouse.down();
  await page.mouse.up();
  await nextFrame(page);
}

// The current text of the field labelled `label` (ui.items() value).
export async function fieldValue(page, label) {
  return (await item(page, label, 'input')).value;
}

export async function waitForFieldValue(page, label, expected) {
  return waitForItems(page, (list) => list.find((i) => i.kind === 'input' && i.label === label && i.value === expected),
    `field ${label} = ${JSON.stringify(expected)}`);
}

// Clicks a text field and waits until the hidden textarea holds the DOM focus.
export async function focusField(page, label) {
  await clickItem(page, label, 'input');
  await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), TEXT_INPUT,
    { timeout: 5000 });
}

export function ccall(page, name, returnType = 'string', argTypes = [], args = []) {
  return page.evaluate(([n, r, t, a]) => Module.ccall(n, r, t, a), [name, returnType, argTypes, args]);
}

export async function fontStats(page) {
  return JSON.parse(await ccall(page, 'bm_test_font_stats'));
}

export function hasGlyph(page, ch) {
  return ccall(page, 'bm_test_has_glyph', 'number', ['number'], [ch.codePointAt(0)]).then((v) => v === 1);
}

// Text items whose label contains `text`.
export async function textsContaining(page, text) {
  return (await items(page)).filter((i) => i.label.includes(text));
}

export function assertNoUntranslated(list, where) {
  const bad = list.filter((i) => /⟦.*⟧/.test(i.label) || (i.value && /⟦.*⟧/.test(i.value)));
  assert(bad.length === 0, `${where}: untranslated keys shown: ${bad.map((i) => i.label).join(', ')}`);
}

// Clicks the button and waits for the file it downloads: { name, bytes }.
export async function downloadFrom(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), clickItem(page, button, 'button')]);
  const parts = [];
  for await (const chunk of await file.createReadStream()) parts.push(chunk);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(parts) };
}

// A screenshot of a page other than the test's default one (the harness only takes that).
export async function snap(page, name) {
  const { screenshotPath } = await import('./harness.mjs');
  await page.screenshot({ path: screenshotPath(name) }).catch(() => {});
}

// How many distinct colours the canvas shows inside an item's rectangle: text drawn with a
// working font texture has several; a missing texture leaves the flat background.
export async function coloursInside(page, it) {
  const { decodePng, distinctColours } = await import('./png.mjs');
  const png = decodePng(await page.screenshot({ clip: { x: it.x, y: it.y, width: Math.max(1, it.w), height: Math.max(1, it.h) } }));
  return distinctColours(png);
}

// Polls `fn` in the page until it returns (or resolves to) something truthy. Playwright's
// waitForFunction does not wait for a promise, so async checks (caches, clipboard) use this.
export async function waitInPage(page, fn, arg, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await page.evaluate(fn, arg);
    if (last) return last;
    await page.waitForTimeout(150);
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
