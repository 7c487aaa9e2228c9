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

  test('an idle page draws a few frames a second; a mouse move brings back every frame at once', async ({ page, open, log }) => {
    await open();
    const drawn = () => page.evaluate(() => Module.ccall('bm_frames_drawn', 'number', [], []));
    const animationFrames = (ms) => page.evaluate((span) => new Promise((resolve) => {
      let count = 0;
      const end = performance.now() + span;
      const step = () => (performance.now() >= end ? resolve(count) : (count++, requestAnimationFrame(step)));
      requestAnimationFrame(step);
    }), ms);
    // The start wakes it for a while (storage, the large font): wait for a quiet 2 s, as a
    // page drawing every frame never has one.
    let before, idleDrawn, idleAnimation;
    for (let attempt = 1; ; attempt++) {
      before = await drawn();
      idleAnimation = await animationFrames(2000);
      idleDrawn = (await drawn()) - before;
      log(`       idle 2 s (try ${attempt}): ${idleDrawn} frames drawn of ${idleAnimation} animation frames`);
      if ((idleDrawn >= 4 && idleDrawn <= 12) || attempt === 5) break;
    }
    assert(idleDrawn >= 4 && idleDrawn <= 12, `idle frames drawn in 2 s: ${idleDrawn} (a quarter-second beat gives 8)`);
    assert(idleAnimation > idleDrawn * 2, `the page had ${idleAnimation} animation frames, so idle ones were skipped`);
    // Mouse moves wake it: every animation frame is drawn while they come. The page counts
    // its animation frames over the same span, so a slow machine (few moves, few frames)
    // is judged against itself.
    before = await drawn();
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + 100, box.y + 200);
    const awakeAnimationCounted = animationFrames(600);
    let moves = 1;
    const started = Date.now();
    while (Date.now() - started < 550) {
      await page.mouse.move(box.x + 100 + (moves % 50) * 4, box.y + 200);
      moves++;
    }
    const awakeAnimation = await awakeAnimationCounted;
    const awakeDrawn = (await drawn()) - before;
    log(`       0.6 s of mouse moves (${moves}): ${awakeDrawn} frames drawn of ${awakeAnimation} animation frames`);
    assert(awakeDrawn >= awakeAnimation * 0.8,
      `frames drawn while the mouse moved: ${awakeDrawn} of ${awakeAnimation} animation frames (idle: ${idleDrawn} of ${idleAnimation})`);
    assert(awakeDrawn * idleAnimation > idleDrawn * awakeAnimation * 3,
      `awake share ${awakeDrawn}/${awakeAnimation} not well above the idle share ${idleDrawn}/${idleAnimation}`);
    await expectCanvasNotBlank(page);  // a skipped frame leaves the last picture
  });
}
