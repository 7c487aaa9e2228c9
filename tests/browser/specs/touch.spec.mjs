// Touch: one tap = one click, drag scrolls (tables too), long press = context menu, a tap
// on a field focuses the text input inside the touch handler. [platform: web/platform/touch.*]
import { assert, assertEqual } from '../lib/assert.mjs';
import {
  TEXT_INPUT, centre, fontStats, frame, item, items, openGallery, snap, waitForItems,
} from '../lib/widgets.mjs';

const TOUCH = { hasTouch: true, isMobile: false, viewport: { width: 1024, height: 700 } };

async function touchDrag(page, from, to, steps = 12) {
  const cdp = await page.context().newCDPSession(page);
  // The first move is sent with the start, not after its answer: a finger still for 0.5 s
  // is a long press (web/platform/touch.cpp), and a loaded machine can take that long to
  // answer one event.
  const started = cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps, y = from.y + ((to.y - from.y) * i) / steps;
    const moved = cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    if (i === 1) await started;
    await moved;
    // A finger moves across frames: let the app draw one with this point (a fixed pause
    // lets a slow machine take the whole drag in one frame, and then nothing scrolls).
    await frame(page);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

function firstRowNumber(list) {
  const numbers = list.filter((i) => i.kind === 'table-cell' && /^\d{6}$/.test(i.label)).map((i) => Number(i.label));
  return numbers.length ? Math.min(...numbers) : null;
}

export default function (test) {
  test('an emulated touch tap on a button triggers it exactly once', async ({ newPage, open }) => {
    const page = await newPage(TOUCH);
    await openGallery((q) => open(q, page));
    const button = await item(page, '点我', 'button');
    await page.touchscreen.tap(centre(button).x, centre(button).y);
    await waitForItems(page, (list) => list.find((i) => i.label === '已点击 1 次'), 'one tap counted');
    for (let i = 0; i < 5; i++) await page.evaluate(() => window.bianmin.nextFrame());
    const counts = (await items(page)).filter((i) => i.label.startsWith('已点击'));
    assertEqual(counts.map((i) => i.label).join(), '已点击 1 次', 'tap count a few frames later');
    await page.touchscreen.tap(centre(button).x, centre(button).y);
    await waitForItems(page, (list) => list.find((i) => i.label === '已点击 2 次'), 'second tap counted');
    await snap(page, 'touch tap (touch page)');
    // Touch screens get larger hit areas.
    assert((await fontStats(page)).touchMode, 'touch mode (TouchExtraPadding) not switched on');
  });

  test('a touch drag scrolls a 200,000-row table without clicking a row', async ({ newPage, open }) => {
    const page = await newPage(TOUCH);
    await openGallery((q) => open(q, page), 'table');
    const before = await waitForItems(page, (list) => firstRowNumber(list) !== null && list, 'table rows');
    assertEqual(firstRowNumber(before), 1, 'first row shown before scrolling');
    const cells = before.filter((i) => i.kind === 'table-cell');
    const cellsBefore = cells.length;
    assert(cellsBefore < 200, `only visible rows are reported, got ${cellsBefore} cells`);
    const middle = cells[Math.floor(cells.length / 2)];
    const from = centre(middle);
    await touchDrag(page, from, { x: from.x, y: from.y - 300 });
    const after = await waitForItems(page, (list) => (firstRowNumber(list) ?? 0) > 5 && list, 'the table scrolled');
    const scrolledTo = firstRowNumber(after);
    assert(scrolledTo > 5, `first visible row after a 300 px drag: ${scrolledTo}`);
    // A drag is not a tap: no row was chosen.
    const status = await page.evaluate(() => Module.ccall('bm_test_status', 'string', [], []));
    assert(!status.includes('已选择'), `the drag chose a row: ${status}`);
    // Dragging down again scrolls back towards the top.
    await touchDrag(page, from, { x: from.x, y: from.y + 250 });
    await waitForItems(page, (list) => (firstRowNumber(list) ?? 1e9) < scrolledTo && list, 'scrolled back up');
    await snap(page, 'touch drag table (touch page)');
  });

  test('on a small phone a drag on empty space scrolls the whole screen', async ({ newPage, open }) => {
    const page = await newPage({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 480 }, deviceScaleFactor: 2 });
    await openGallery((q) => open(q, page));
    const title = await item(page, '控件示例', 'text');
    // Empty space right of the short "已输入：" line.
    const echo = await item(page, '已输入：', 'text');
    const from = { x: 300, y: echo.y + echo.h / 2 };
    await touchDrag(page, from, { x: 300, y: from.y - 200 });
    const moved = await waitForItems(page, (list) => {
      const t = list.find((i) => i.label === '控件示例');
      return (!t || t.y < title.y - 100) && list;
    }, 'the screen scrolled up');
    const tap = moved.find((i) => i.label === '点我');
    assert(tap && tap.y + tap.h <= 480, `the lower part did not come into view: ${JSON.stringify(tap)}`);
    await snap(page, 'phone scrolled by a drag (touch page)');
  });

  test('a long press opens the context menu instead of clicking', async ({ newPage, open }) => {
    const page = await newPage(TOUCH);
    await openGallery((q) => open(q, page));
    const button = await item(page, '点我', 'button');
    const cdp = await page.context().newCDPSession(page);
    const at = centre(button);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
    await page.waitForTimeout(900);
    await frame(page);  // the app sees the finger still down after the hold, however slow its frames
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const menu = await waitForItems(page, (list) => list.find((i) => i.kind === 'menu' && i.label === '上下文操作'),
      'the context menu item');
    await snap(page, 'touch long press menu (touch page)');
    await page.touchscreen.tap(centre(menu).x, centre(menu).y);
    await waitForItems(page, (list) => list.find((i) => i.label === '上下文菜单 1 次'), 'context action counted');
    const taps = (await items(page)).find((i) => i.label.startsWith('已点击'));
    assertEqual(taps.label, '已点击 0 次', 'the long press must not count as a tap');
  });

  test('a tap on a text field focuses the hidden input inside the touchend handler (virtual keyboard)', async ({ newPage, open }) => {
    const page = await newPage(TOUCH);
    await openGallery((q) => open(q, page));
    // Runs after the app's own touchend listener: the focus must already have moved.
    await page.evaluate((sel) => {
      window.focusSeenInTouchend = null;
      document.getElementById('canvas').addEventListener('touchend', () => {
        window.focusSeenInTouchend = document.activeElement === document.querySelector(sel);
      });
    }, TEXT_INPUT);
    const field = await item(page, '姓名', 'input');
    await page.touchscreen.tap(centre(field).x, centre(field).y);
    await page.waitForFunction(() => window.focusSeenInTouchend !== null, null, { timeout: 5000 });
    assertEqual(await page.evaluate(() => window.focusSeenInTouchend), true, 'textarea focused during touchend');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.insertText', { text: '张伟' });
    await waitForItems(page, (list) => list.find((i) => i.kind === 'input' && i.label === '姓名' && i.value === '张伟'),
      'text typed after the tap');
  });
}
