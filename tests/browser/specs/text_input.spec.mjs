// Text input through the hidden textarea: IME composition, ASCII once, Backspace, paste,
// copy, Android's Backspace. [platform: web/platform/text_input.*]
import { assert, assertEqual } from '../lib/assert.mjs';
import {
  TEXT_INPUT, fieldValue, focusField, item, openGallery, waitForFieldValue, waitForItems, waitInPage,
} from '../lib/widgets.mjs';

export default function (test) {
  test('pinyin IME composition commits exactly 你好 into a field, with the pre-edit shown', async ({ page, open }) => {
    await openGallery(open);
    await focusField(page, '姓名');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
    // While composing, the pre-edit text is visible next to the caret and nothing is committed.
    await page.waitForFunction(() => {
      const box = document.getElementById('bianmin-preedit');
      return box && box.style.display !== 'none' && box.textContent === 'ni';
    }, null, { timeout: 5000 });
    await page.evaluate(() => window.bianmin.nextFrame());
    assertEqual(await fieldValue(page, '姓名'), '', 'field value during composition');
    await cdp.send('Input.imeSetComposition', { text: 'nihao', selectionStart: 5, selectionEnd: 5 });
    await cdp.send('Input.insertText', { text: '你好' });
    await waitForFieldValue(page, '姓名', '你好');
    await page.evaluate(() => window.bianmin.nextFrame());
    assertEqual(await fieldValue(page, '姓名'), '你好', 'field value after commit (no doubling)');
    const preeditHidden = await page.evaluate(() => document.getElementById('bianmin-preedit').style.display === 'none');
    assert(preeditHidden, 'the pre-edit overlay is still visible after the commit');
    // The echo line shows it too (what the app's own text drawing received).
    await waitForItems(page, (list) => list.find((i) => i.kind === 'text' && i.label === '你好'), 'echo 你好');
    // A second composition appends.
    await cdp.send('Input.imeSetComposition', { text: 'shi', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: '世界' });
    await waitForFieldValue(page, '姓名', '你好世界');
  });

  test('ASCII typed on the keyboard arrives once; Backspace and Enter work', async ({ page, open }) => {
    await openGallery(open);
    await focusField(page, '姓名');
    await page.keyboard.type('Wang Wei');
    await waitForFieldValue(page, '姓名', 'Wang Wei');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await waitForFieldValue(page, '姓名', 'Wang W');
    await page.keyboard.press('Enter');  // single-line field: Enter commits, inserts nothing
    await page.evaluate(() => window.bianmin.nextFrame());
    assertEqual(await fieldValue(page, '姓名'), 'Wang W', 'value after Enter');
    // Typing into a second field does not leak into the first.
    await focusField(page, '电话');
    await page.keyboard.type('13800138000');
    await waitForFieldValue(page, '电话', '13800138000');
    assertEqual(await fieldValue(page, '姓名'), 'Wang W', 'first field untouched');
  });

  test('Android keyboards: a deleteContentBackward input event acts as Backspace', async ({ page, open }) => {
    await openGallery(open);
    await focusField(page, '姓名');
    await page.keyboard.type('abc');
    await waitForFieldValue(page, '姓名', 'abc');
    // What Chrome on Android sends for Backspace (keydown 229, then this input event).
    await page.evaluate((sel) => {
      const area = document.querySelector(sel);
      area.dispatchEvent(new KeyboardEvent('keydown', { keyCode: 229, key: 'Unidentified', bubbles: true }));
      area.value = '';  // the keyboard deleted the character before the caret
      area.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true }));
    }, TEXT_INPUT);
    await waitForFieldValue(page, '姓名', 'ab');
  });

  test('paste from a context menu and with Ctrl+V both insert the text once', async ({ page, open }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openGallery(open);
    await focusField(page, '姓名');
    await page.keyboard.type('A');
    // A paste that is not a keyboard shortcut (context menu, phone): a paste event.
    await page.evaluate((sel) => {
      const data = new DataTransfer();
      data.setData('text/plain', '李小芳');
      document.querySelector(sel).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, TEXT_INPUT);
    await waitForFieldValue(page, '姓名', 'A李小芳');
    // Ctrl+V: the browser's own paste from the system clipboard.
    await page.evaluate(() => navigator.clipboard.writeText('-3栋'));
    await page.keyboard.press('Control+V');
    await waitForFieldValue(page, '姓名', 'A李小芳-3栋');
    await page.evaluate(() => window.bianmin.nextFrame());
    assertEqual(await fieldValue(page, '姓名'), 'A李小芳-3栋', 'value after Ctrl+V (not doubled)');
  });

  test('copy with Ctrl+C puts the field text on the system clipboard', async ({ page, open }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openGallery(open);
    await focusField(page, '姓名');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.insertText', { text: '赵敏' });
    await waitForFieldValue(page, '姓名', '赵敏');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await waitInPage(page, async () => (await navigator.clipboard.readText()) === '赵敏', null, 'the clipboard to hold 赵敏');
    // Clicking outside the field ends the editing: the textarea lets go of the focus.
    const title = await item(page, '控件示例', 'text');
    await page.mouse.click(title.x + title.w + 200, title.y + 5);
    await page.waitForFunction((sel) => document.activeElement !== document.querySelector(sel), TEXT_INPUT, { timeout: 5000 });
  });
}
