// Helpers for the serving screens' specs (resident.spec.mjs, desk.spec.mjs): start on a
// screen as a person of the demo year, pick from combos, type, draw a signature, and read
// the event count. Everything goes through window.bianmin and the mouse and keyboard.
import { assert } from './assert.mjs';
import {
  ccall, centre, clickAt, clickItem, focusField, frame, item, items, nextFrame, settle, waitForItems,
} from './widgets.mjs';

export const session = (page) => page.evaluate(() => window.bianmin.session());
export const eventCount = async (page) => (await session(page)).events;

// The page's own events (the events file the test hook writes), and the newest of a type.
export const pageEvents = async (page) => JSON.parse(await ccall(page, 'bm_test_events_file')).events;
export const newestEvent = async (page, type) => (await pageEvents(page)).filter((e) => e.type === type).pop();

// The id of the entrustment form registered last.
export async function newestForm(page) {
  const form = await newestEvent(page, 'entrustment_registered');
  assert(form && form.data.form_id, 'an entrustment form registered');
  return form.data.form_id;
}

// Loads the demo once per test page, then signs in and opens a screen.
export async function startAs(page, open, person, role, screen, { months = 3, load = true } = {}) {
  if (load) {
    await open();
    await page.evaluate((m) => window.bianmin.test.loadDemo({ months: m }), months);
  }
  await page.evaluate(([p, r]) => window.bianmin.test.signIn(p, r), [person, role]);
  await page.evaluate((s) => window.bianmin.test.openScreen(s), screen);
  await settle(page);
}

// Opens the combo labelled `label` and clicks the option whose text starts with `option`,
// scrolling the list with the wheel when the option is below its visible part.
export async function choose(page, label, option) {
  const combo = await clickItem(page, label, 'combo');
  const find = (l) => l.find((i) => i.kind === 'selectable' && i.label.startsWith(option));
  // Options scrolled out of the list are not drawn at all: wheel down through the list to
  // its end, then up, until the option shows.
  let direction = 1, previous = '', unchanged = 0;
  for (let i = 0; i < 40 && direction !== 0; i++) {
    const list = await items(page);
    const shown = list.filter((x) => x.kind === 'selectable');
    if (find(list) || !shown.length) break;
    const labels = shown.map((x) => x.label).join('|');
    unchanged = labels === previous ? unchanged + 1 : 0;
    if (unchanged >= 2) {  // hit an end
      direction = direction === 1 ? -1 : 0;
      unchanged = 0;
    }
    previous = labels;
    const middle = shown[Math.floor(shown.length / 2)];
    await page.mouse.move(middle.x + middle.w / 2, middle.y + middle.h / 2);
    await page.mouse.wheel(0, direction * 3 * middle.h);
    await nextFrame(page);
  }
  let found = await waitForItems(page, find, `option "${option}" of ${label}`);
  const top = combo.y + combo.h;
  const bottom = top + 8 * found.h;  // ImGui shows about eight options before scrolling
  for (let i = 0; i < 40 && (found.y + found.h > bottom || found.y < top); i++) {
    await page.mouse.move(combo.x + combo.w / 2, top + 2 * found.h);
    await page.mouse.wheel(0, found.y < top ? -60 : 60);
    await nextFrame(page);
    await nextFrame(page);
    found = find(await items(page));
  }
  await clickAt(page, centre(found));
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
    await nextFrame(page);
  }
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.insertText(text);
  await nextFrame(page);
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
  await frame(page);
  await page.mouse.down();
  // Two frames per point: ImGui holds a move back for a frame after the press, and would
  // merge two moves taken in one frame.
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(c.x - 120 + i * 20, c.y + (i % 2 ? 18 : -18));
    await nextFrame(page);
  }
  await page.mouse.up();
  await waitForItems(page, (l) => l.find((i) => i.kind === 'input' && i.label === label && Number(i.value) === before + 1),
    `a stroke on ${label}`);
}

// Clicks the button and waits until the status line (#status) shows `expected` — as the
// start of a new message: an error that merely contains the words (这笔款项已冲正 for 已冲正)
// or the previous command's message does not count.
export async function submit(page, button, expected) {
  await page.evaluate(() => { document.getElementById('status').textContent = ''; });
  await clickItem(page, button, 'button');
  await page.waitForFunction((t) => document.getElementById('status').textContent.startsWith(t), expected, { timeout: 5000 })
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
  // Beside the field: a message starting within two lines below the field's bottom. The
  // status line at the bottom shows the message a frame before the field does (the field
  // was drawn above the button that set it), so wait for the field's own.
  const beside = (list) => {
    const target = list.find((i) => i.kind === fieldKind && i.label === field);
    const messages = list.filter((i) => i.kind === 'text' && i.label.startsWith(message));
    const near = target && messages.some((m) => m.y >= target.y + target.h - 2 && m.y - (target.y + target.h) < 2.5 * target.h + 40);
    return { target, messages, near };
  };
  let seen = null;
  await waitForItems(page, (l) => { seen = beside(l); return seen.near; }, `the message "${message}" beside ${field}`)
    .catch(() => {
      assert(seen && seen.target, `no ${fieldKind} labelled ${field}`);
      assert(seen.messages.length, `no message "${message}" after "${button}"`);
      assert(false, `"${message}" is not next to ${field}: field at y=${seen.target.y}+${seen.target.h}, ` +
        `message at ${seen.messages.map((m) => m.y)}`);
    });
  const after = await eventCount(page);
  assert(after === before, `a refused command added events: ${before} → ${after}`);
}

export const cells = async (page) => (await items(page)).filter((i) => i.kind === 'table-cell').map((i) => i.label);

export async function clickCell(page, text) {
  const cell = await waitForItems(page, (l) => l.find((i) => i.kind === 'table-cell' && i.label === text), `cell ${text}`);
  // Near the text's start, as a finger would: a row's first cell spans the whole row, and
  // its centre can fall on a column border, where a press resizes the column instead.
  await clickAt(page, { x: cell.x + Math.min(cell.w / 2, 24), y: cell.y + cell.h / 2 });
  await settle(page);
}

// Registers an entrustment form for a household on the desk's 委托服务单 tab, signed on the
// pad unless `unsigned` (taken by phone, signed later).
export async function registerForm(page, household, item, { kind = null, channel = null, details = [], unsigned = false } = {}) {
  await clickItem(page, '委托服务单', 'tab');
  await settle(page);
  await choose(page, '住户', household);
  await choose(page, '委托项目', item);
  if (kind) await choose(page, '服务类别', kind);
  if (channel) await choose(page, '委托方式', channel);
  for (let i = 0; i < details.length; i++) await typeInto(page, '填写', details[i], i);
  if (!unsigned) await drawSignature(page, '业主签名确认');
  await submit(page, '登记委托单', '委托服务单已登记');
}
