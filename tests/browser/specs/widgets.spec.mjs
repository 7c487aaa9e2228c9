// The widget library on the gallery: inline validation with aria-live announcements,
// keyboard navigation, table sorting, the bar chart and the signature pad.
// [platform: web/ui/]
import { assert, assertEqual } from '../lib/assert.mjs';
import {
  centre, clickItem, focusField, item, items, openGallery, settle, snap, waitForFieldValue, waitForItems,
} from '../lib/widgets.mjs';

const statusText = (page) => page.evaluate(() => document.getElementById('status').textContent);

function firstCellMatching(list, pattern) {
  const cells = list.filter((i) => i.kind === 'table-cell' && pattern.test(i.label));
  cells.sort((a, b) => a.y - b.y);
  return cells[0] && cells[0].label;
}

export default function (test) {
  test('submitting a form with mistakes shows each message next to its field and announces it', async ({ page, open }) => {
    await openGallery(open);
    await clickItem(page, '提交', 'button');
    const list = await waitForItems(page, (l) => l.find((i) => i.label === '请填写姓名') && l, 'name error');
    const nameField = list.find((i) => i.kind === 'input' && i.label === '姓名');
    const nameError = list.find((i) => i.label === '请填写姓名');
    const phoneLabel = list.find((i) => i.kind === 'text' && i.label === '电话');
    assert(nameError.y > nameField.y && nameError.y < phoneLabel.y,
      `the name error is not right under the name field: ${JSON.stringify([nameField, nameError, phoneLabel])}`);
    assert(list.some((i) => i.label === '电话号码应为 7 到 13 位数字'), 'phone error');
    assert(list.some((i) => i.label === '请先请业主确认'), 'form-level error');
    assertEqual(await statusText(page), '有内容需要修改，见红色提示', 'aria-live after a failed submit');
    // Keyboard only: type, Tab to the next field, type, Space on the checkbox... then submit.
    await focusField(page, '姓名');
    await page.keyboard.type('Li');
    await page.keyboard.press('Tab');
    await page.keyboard.type('13800138000');
    await waitForFieldValue(page, '电话', '13800138000');
    assertEqual((await item(page, '姓名', 'input')).value, 'Li', 'name after Tab');
    await clickItem(page, '业主已确认', 'checkbox');
    await clickItem(page, '提交', 'button');
    await page.waitForFunction(() => document.getElementById('status').textContent === '已保存', null, { timeout: 5000 });
    const after = await items(page);
    assert(!after.some((i) => i.label === '请填写姓名'), 'the name error is still shown after fixing it');
    await waitForItems(page, (l) => l.find((i) => i.label === '已保存' && i.kind === 'text'), 'status line shows 已保存');
  });

  test('the table sorts by a column when its header is clicked', async ({ page, open }) => {
    await openGallery(open, 'table');
    await settle(page);
    const money = /^\d+\.\d\d元$/;
    assertEqual(firstCellMatching(await items(page), /^\d{6}$/), '000001', 'unsorted first row');
    await clickItem(page, '金额', 'button');
    await waitForItems(page, (l) => firstCellMatching(l, money) === '5.00元', 'ascending by amount');
    await clickItem(page, '金额', 'button');
    await waitForItems(page, (l) => firstCellMatching(l, money) === '2495.00元', 'descending by amount');
  });

  test('the bar chart draws grouped bars to scale with the break-even line', async ({ page, open }) => {
    await openGallery(open, 'chart');
    const list = await waitForItems(page, (l) => l.find((i) => i.label.startsWith('保本线')) && l, 'chart');
    const bar = (label) => list.find((i) => i.label === label);
    const water = bar('桶装水 · 本月: 1280.00元'), waterLast = bar('桶装水 · 上月: 1100.00元');
    const parking = bar('车位租赁 · 本月: 2400.00元'), line = bar('保本线 1000.00元');
    assert(water && waterLast && parking && line, 'bars or line missing');
    const base = water.y + water.h;
    assert(Math.abs(base - (parking.y + parking.h)) < 1, 'bars do not share a baseline');
    const ratio = water.h / parking.h;
    assert(Math.abs(ratio - 1280 / 2400) < 0.03, `bar heights not to scale: ${ratio}`);
    assert(waterLast.x > water.x && waterLast.x - (water.x + water.w) < 2, 'last month not beside this month');
    const lineY = line.y + line.h;  // the label sits on the line
    const expected = base - parking.h * (1000 / 2400);
    assert(Math.abs(lineY - expected) < 3, `break-even line at ${lineY}, expected ${expected}`);
  });

  test('the signature pad records mouse and finger strokes, shows them small, and clears', async ({ page, newPage, open }) => {
    await openGallery(open, 'signature');
    const pad = await item(page, '业主签名', 'input');
    const c = centre(pad);
    await page.mouse.move(c.x - 100, c.y);
    await page.evaluate(() => window.bianmin.nextFrame());
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(c.x - 100 + i * 20, c.y + (i % 2 ? 15 : -15));
      await page.evaluate(() => window.bianmin.nextFrame());
    }
    await page.mouse.up();
    const list = await waitForItems(page, (l) => l.find((i) => /^1 笔，\d+ 个点$/.test(i.label)) && l, 'one stroke');
    const points = Number(list.find((i) => /^1 笔/.test(i.label)).label.match(/(\d+) 个点/)[1]);
    assert(points >= 6, `only ${points} points recorded`);
    assertEqual((await item(page, '业主签名', 'input')).value, '1', 'stroke count on the pad item');
    await waitForItems(page, (l) => l.find((i) => i.label === '签名 1'), 'small view');
    await clickItem(page, '清除签名', 'button');
    await waitForItems(page, (l) => l.find((i) => i.label === '0 笔，0 个点'), 'cleared');

    // A finger on a touch screen draws too (the pad claims the drag: no scrolling).
    const touch = await newPage({ hasTouch: true, viewport: { width: 900, height: 700 } });
    await openGallery((q) => open(q, touch), 'signature');
    const tpad = await item(touch, '业主签名', 'input');
    const t = centre(tpad);
    const cdp = await touch.context().newCDPSession(touch);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: t.x - 80, y: t.y }] });
    for (let i = 1; i <= 8; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: t.x - 80 + i * 20, y: t.y - i * 4 }] });
      await touch.evaluate(() => window.bianmin.nextFrame());
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await waitForItems(touch, (l) => l.find((i) => /^1 笔，([5-9]|\d\d+) 个点$/.test(i.label)), 'finger stroke');
    await snap(touch, 'signature pad drawn with a finger (touch page)');
  });
}
