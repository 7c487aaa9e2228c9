// The estate's electronic screen (?mode=board, web/screens/screen_board.cpp) [1-4.2]:
// the published price table in large type, both languages, scrolling by itself; no
// sign-in and nothing to press; a friendly message on an empty device.
import { assert } from '../lib/assert.mjs';
import { items } from '../lib/widgets.mjs';

const INTERACTIVE = ['button', 'input', 'combo', 'checkbox', 'selectable', 'tab', 'menu'];

async function frames(page, n = 3) {
  for (let i = 0; i < n; i++) await page.evaluate(() => window.bianmin.nextFrame());
}

// The body text height of the normal app, to compare the board's type with.
const BODY_CSS_PX = 17;

export default function (test) {
  test('on an empty device the board shows a friendly message in Chinese and English and nothing to press', async ({ page, open }) => {
    await open('mode=board');
    await frames(page);
    const list = await items(page);
    assert(list.some((i) => i.label.startsWith('欢迎！本屏幕还没有小区的数据')), 'the Chinese message');
    assert(list.some((i) => i.label.startsWith('Welcome! This screen has no estate data yet')), 'the English message');
    const interactive = list.filter((i) => INTERACTIVE.includes(i.kind));
    assert(interactive.length === 0, `nothing to press: ${interactive.map((i) => `${i.kind}:${i.label}`).join(', ')}`);
  }, { timeoutMs: 60000 });

  test('with a published table the board scrolls by itself, in large type, with no buttons', async ({ page, open, origin }) => {
    await open();
    await page.evaluate(() => window.bianmin.test.loadDemo({ months: 3 }));
    await page.goto(`${origin}/?test=1&mode=board`);
    await page.waitForFunction(() => window.bianmin !== undefined, null, { timeout: 30000 });
    await page.evaluate(() => window.bianmin.ready);
    await frames(page, 5);
    const first = await items(page);
    assert(first.some((i) => i.label.startsWith('加州城市花园')), 'the estate\'s name');
    assert(first.some((i) => i.label === '服务项目') && first.some((i) => i.label === 'Service'), 'headers in both languages');
    const interactive = first.filter((i) => INTERACTIVE.includes(i.kind));
    assert(interactive.length === 0, `nothing to press: ${interactive.map((i) => `${i.kind}:${i.label}`).join(', ')}`);

    // Rows: item names with their prices, Chinese with English under it.
    const rowTexts = (list) => list.filter((i) => i.kind === 'text' && /元$/.test(i.label));
    const prices = rowTexts(first);
    assert(prices.length >= 3, `prices on the board: ${prices.length}`);
    const tall = prices.reduce((a, b) => (b.h > a.h ? b : a));
    assert(tall.h >= BODY_CSS_PX * 1.5, `large type: a price line is ${tall.h} px high`);

    // The same text a moment later sits higher: the list scrolls by itself.
    const label = prices[0].label;
    const ys = (list) => list.filter((i) => i.label === label).map((i) => i.y).sort((a, b) => a - b);
    const y0 = ys(first);
    // Poll until the row has moved by more than a few pixels (or give up after 10 s).
    let y1 = y0;
    for (const started = Date.now(); Date.now() - started < 10000;) {
      await page.evaluate(() => window.bianmin.nextFrame());
      y1 = ys(await items(page));
      if (y0.length && y1.length && Math.abs(y0[0] - y1[0]) > 5) break;
    }
    assert(y0.length > 0 && y1.length > 0, 'the row is still drawn');
    assert(JSON.stringify(y0) !== JSON.stringify(y1), `the rows moved: ${y0} then ${y1}`);
    const moved = y0[0] - y1[0];
    assert(Math.abs(moved) > 5, `moved ${moved} px in 10 s`);
  }, { timeoutMs: 120000 });
}
