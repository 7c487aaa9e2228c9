// Helpers for the serving screens' specs (resident.spec.mjs, desk.spec.mjs): start on a
// screen as a person of the demo year, pick from combos, type, draw a signature, and read
// the event count. Everything goes through window.bianmin and the mouse and keyboard.
import { assert } from './assert.mjs';
import { centre, clickItem, focusField, item, items, settle, waitForItems } from './widgets.mjs';

export const session = (page) => page.evaluate(() => window.bianmin.session());
export const eventCount = async (page) => (await session(page)).events;

// Loads the demo once per test page, then signs in and opens a screen.
export async function startAs(page, open, person, role, screen, { months = 3, load = true } = {}) {
  if (load) {
    await open();
    await page.evaluate((m) => window.bianmin.test.loadDemo({ months: m }), months);
  }
  await page.evaluate(([p, r]) => window.bianmin.test.signIn(p, r), [person, role]);
  await page.evaluate((s) => window.bianmin.test.openScreen(s), screen);
  await page.evaluate(() => window.bianmin.nextFrame());
  await settle(page);
}

// Opens the combo labelled `label` and clicks the option whose text starts with `option`,
// scrolling the list with the wheel when the option is below its visible part.
export async function choose(page, label, option) {
  const combo = await clickItem(page, label, 'combo');
  const find = (l) => l.find((i) => i.kind === 'selectable' && i.label.startsWith(option));
  let found = await waitForItems(page, find, `option "${option}" of ${label}`);
  const top = combo.y + combo.h;
  const bottom = top + 8 * found.h;  // ImGui shows about eight options before scrolling
  for (let i = 0; i < 40 && (found.y + found.h > bottom || found.y < top); i++) {
    await page.mouse.move(combo.x + combo.w / 2, top + 2 * found.h);
    await page.mouse.wheel(0, found.y < top ? -60 : 60);
    await page.evaluate(() => window.bianmin.nextFrame());
    await page.evaluate(() => window.bianmin.nextFrame());
    found = find(await items(page));
  }
  const c = centre(found);
  await page.mouse.move(c.x, c.y);
  await page.evaluate(() => window.bianmin.nextFrame());
  await page.mouse.down();
  await page.mouse.up();
  await page.evaluate(() => window.bianmin.nextFrame());
  await settle(page);
  const now = (await items(page)).find((i) => i.kind === 'combo' && i.label === label);
  assert(!now || now.value === undefined || String(now.value).startsWith(option),
    `${label} shows ${JSON.stringify(now && now.value)} after choosing ${option}`);
}

// Replaces the text of the field labelled `label` (Chinese goes in as the IME would commit it).
export async function typeInto(page, label, text, index = 0) {
  if (index === 0) {
    await focusField(page, label);
  } else {
    const fields = (await items(page)).filter((i) => i.kind === 'input' && i.label === label);
    const c = centre(fields[index]);
    await page.mouse.click(c.x, c.y);
    await page.evaluate(() => window.bianmin.nextFrame());
  }
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.insertText(text);
  await page.evaluate(() => window.bianmin.nextFrame());
  await waitForItems(page, (l) => l.filter((i) => i.kind === 'input' && i.label === label)[index]?.value === text,
    `field ${label} = ${JSON.stringify(text)}`);
}

// Drags a zig-zag across the signature pad labelled `label`; waits for one more stroke.
export async function drawSignature(page, label) {
  await settle(page);
  const pad = await item(page, label, 'input');
  const before = Number(pad.value);
  const c = centre(pad);
  await page.mouse.move(c.x - 120, c.y);
  await page.evaluate(() => window.bianmin.nextFrame());
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(c.x - 120 + i * 20, c.y + (i % 2 ? 18 : -18));
    await page.evaluate(() => window.bianmin.nextFrame());
  }
  await page.mouse.up();
  await waitForItems(page, (l) => l.find((i) => i.kind === 'input' && i.label === label && Number(i.value) === before + 1),
    `a stroke on ${label}`);
}

// Clicks the button and waits until the status line (#status) shows `expected`.
export async function submit(page, button, expected) {
  await clickItem(page, button, 'button');
  await page.waitForFunction((t) => document.getElementById('status').textContent.includes(t), expected, { timeout: 5000 })
    .catch(async () => {
      const status = await page.evaluate(() => document.getElementById('status').textContent);
      throw new Error(`after "${button}" the status line shows "${status}", expected "${expected}"`);
    });
}

// Submits, expecting the core's message (starting with) `message` as a text item drawn just under the
// field labelled `field` (kind `fieldKind`), and no new event.
export async function submitExpectingError(page, button, field, message, fieldKind = 'input') {
  const before = await eventCount(page);
  await clickItem(page, button, 'button');
  const list = await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label.startsWith(message)) && l,
    `the message "${message}"`);
  const target = list.find((i) => i.kind === fieldKind && i.label === field);
  assert(target, `no ${fieldKind} labelled ${field}`);
  const messages = list.filter((i) => i.kind === 'text' && i.label.startsWith(message));
  // Beside the field: the first message starts within two lines below the field's bottom.
  const near = messages.some((m) => m.y >= target.y + target.h - 2 && m.y - (target.y + target.h) < 2.5 * target.h + 40);
  assert(near, `"${message}" is not next to ${field}: field at y=${target.y}+${target.h}, message at ${messages.map((m) => m.y)}`);
  const after = await eventCount(page);
  assert(after === before, `a refused command added events: ${before} → ${after}`);
}

export const cells = async (page) => (await items(page)).filter((i) => i.kind === 'table-cell').map((i) => i.label);

export async function clickCell(page, text) {
  const cell = await waitForItems(page, (l) => l.find((i) => i.kind === 'table-cell' && i.label === text), `cell ${text}`);
  const c = centre(cell);
  await page.mouse.move(c.x, c.y);
  await page.evaluate(() => window.bianmin.nextFrame());
  await page.mouse.down();
  await page.mouse.up();
  await page.evaluate(() => window.bianmin.nextFrame());
  await settle(page);
}
