// The page boots: the test hook, the Chinese title, a working button. [foundation]
import { expectCanvasNotBlank } from '../lib/harness.mjs';
import { assert, assertEqual, findItem } from '../lib/assert.mjs';

export default function (test) {
  test('the page boots with window.bianmin.ready and no console errors', async ({ page, open }) => {
    await open();
    assertEqual(await page.evaluate(() => document.documentElement.lang), 'zh-CN', '<html lang>');
    assertEqual(await page.evaluate(() => window.bianmin.lang()), 'zh', 'bianmin.lang()');
    assertEqual(await page.evaluate(() => window.bianmin.pending()), 0, 'bianmin.pending()');
    await expectCanvasNotBlank(page);
  });

  test('ui.items() reports the Chinese title and a button inside the canvas', async ({ page, open }) => {
    await open();
    const items = await page.evaluate(() => window.bianmin.ui.items());
    const canvas = await page.locator('#canvas').boundingBox();
    const title = findItem(items, '便民服务', 'text');
    const button = items.find((i) => i.kind === 'button');
    assert(button, `no button among ${JSON.stringify(items)}`);
    for (const item of [title, button]) {
      assert(item.w > 4 && item.h > 4, `${item.label} has a degenerate rectangle ${JSON.stringify(item)}`);
      assert(item.x >= canvas.x && item.y >= canvas.y &&
             item.x + item.w <= canvas.x + canvas.width && item.y + item.h <= canvas.y + canvas.height,
             `${item.label} lies outside the canvas: ${JSON.stringify(item)} vs ${JSON.stringify(canvas)}`);
    }
  });

  test('clicking the language button where ui.items() says switches to English and back', async ({ page, open }) => {
    await open();
    let items = await page.evaluate(() => window.bianmin.ui.items());
    const toEnglish = findItem(items, 'English', 'button');
    await page.mouse.click(toEnglish.x + toEnglish.w / 2, toEnglish.y + toEnglish.h / 2);
    await page.waitForFunction(() => window.bianmin.lang() === 'en');
    await page.evaluate(() => window.bianmin.nextFrame());
    items = await page.evaluate(() => window.bianmin.ui.items());
    findItem(items, 'Bianmin Services', 'text');
    assertEqual(await page.evaluate(() => document.documentElement.lang), 'en', '<html lang> after switching');
    assert(await page.evaluate(() => window.bianmin.setLang('zh')), 'setLang("zh") refused');
    findItem(await page.evaluate(() => window.bianmin.ui.items()), '便民服务', 'text');
    assertEqual(await page.evaluate(() => window.bianmin.setLang('fr')), false, 'setLang("fr")');
  });
}
